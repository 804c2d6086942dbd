"""Properties of the arithmetic, for all inputs hypothesis can think of."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from zonekpi.model import units
from zonekpi.view.numbers import fmt_number

amounts = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("1e9"), places=4)


@given(amounts)
def test_money_round_trips_through_other_units(x):
    in_yi = units.convert(x, "万元", "亿元")
    assert in_yi == x / 10000  # 1 亿元 = 10,000 万元, exactly
    assert units.convert(in_yi, "亿元", "万元") == x


@given(amounts, st.sampled_from(["家", "亿元", "万平方米", "percent", "百分点", "人"]))
def test_a_shown_quantity_reads_back_as_itself(x, unit):
    q = units.Quantity(x, unit)
    assert units.parse_quantity(str(q)) == units.Quantity(Decimal(fmt_number(x)), unit)


@settings(max_examples=60)
@given(
    before=st.decimals(min_value=1, max_value=10_000, places=2),
    after=st.decimals(min_value=1, max_value=10_000, places=2),
    target=st.decimals(min_value=-50, max_value=50, places=1),
)
def test_growth_is_met_exactly_when_the_level_reaches_the_base_times_one_plus_g(
    before, after, target
):
    from zonekpi.core.check import evaluate
    from zonekpi.core.figures import Figures
    from zonekpi.model.plan import Figure, Indicator, Plan, Target

    ind = Indicator(
        "x", "零售", "亿元", targets=(Target("growth", 2018, "", target, unit="percent"),)
    )
    plan = Plan(
        "p",
        "t",
        2018,
        "p.yaml",
        indicators=(ind,),
        figures=(Figure("x", None, 2018, after), Figure("x", None, 2017, before)),
    )
    finding = evaluate(ind.targets[0], ind, None, Figures(plan))
    reaches = after >= before * (1 + target / 100)  # the definition, without division
    assert (finding.status.value == "met") == reaches


@given(
    text=st.text(alphabet='a,"\r\n亿', max_size=60),
    size=st.integers(min_value=1, max_value=8),
)
def test_a_table_is_read_a_chunk_at_a_time_with_the_lines_of_a_whole_file(text, size):
    import io

    from zonekpi.read.tables import _lines

    # every line ending (\r\n, a lone \r or \n) wherever a chunk would end; size 1 cuts at
    # nearly every \n, and a quoted cell may span lines across chunks
    assert list(_lines(text, size)) == list(io.StringIO(text, newline=""))
