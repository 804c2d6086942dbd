"""Properties of scoring and ranking that must hold for any figures (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from zonekpi.core.assess import assess
from zonekpi.core.scoring import competition_ranks, points
from zonekpi.model.plan import Figure, Indicator, Park, Plan, Target
from zonekpi.model.scheme import Item, Rule, Scheme

D = Decimal
PARKS = tuple(Park(f"p{i}", f"园{i}") for i in range(4))
FIRMS = Indicator(
    "firms", "企业", "家", targets=(Target("at_least", 2018, "40 家", value=D(40), unit="家"),)
)
SHARE = Indicator("share", "比重", "percent", targets=(Target("at_least", 2018, "3%", value=D(3)),))
NOBODY = Indicator(
    "awards", "奖项", "项", targets=(Target("at_least", 2018, "4 项", value=D(4), unit="项"),)
)

amounts = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False)
weights = st.decimals(min_value=D("0.5"), max_value=500, places=1)
rules = st.sampled_from(
    [
        Rule("proportional", cap=D("1.2")),
        Rule("all_or_nothing"),
        Rule("bands", bands=((D(1), D(1)), (D("0.8"), D("0.5")))),
        Rule("anchored", points=D("0.5"), cap=D("1.2")),
        Rule("deduction", points=D(1)),
    ]
)


def plan(firms: list[Decimal], share: list[Decimal], weight: Decimal, rule: Rule) -> Plan:
    figures = [Figure("firms", p.id, 2018, value=v) for p, v in zip(PARKS, firms, strict=True)]
    figures += [Figure("share", p.id, 2018, value=v) for p, v in zip(PARKS, share, strict=True)]
    split = tuple((p.id, D(10)) for p in PARKS)
    scheme = Scheme(
        items=(
            Item("firms", D(50), rule, split=split),
            Item("share", D(30), rule),
            Item("awards", weight, rule, split=tuple((p.id, D(1)) for p in PARKS)),
        ),
        coefficients=(("p1", D("1.1")), ("p2", D("0.9"))),
    )
    return Plan(
        "t",
        "t",
        2018,
        "t.yaml",
        parks=PARKS,
        indicators=(FIRMS, SHARE, NOBODY),
        figures=tuple(figures),
        scoring=scheme,
    )


def ranks(p: Plan) -> dict[str, int]:
    return {s.unit: s.rank for s in assess(p).standings}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(amounts, min_size=4, max_size=4),
    st.lists(amounts, min_size=4, max_size=4),
    weights,
    weights,
    rules,
)
def test_weight_of_an_item_nobody_reported_changes_no_rank(firms, share, w1, w2, rule):
    assert ranks(plan(firms, share, w1, rule)) == ranks(plan(firms, share, w2, rule))


@settings(max_examples=60, deadline=None)
@given(st.lists(amounts, min_size=4, max_size=4), st.lists(amounts, min_size=4, max_size=4), rules)
def test_total_is_the_rounded_sum_of_the_shown_points_times_the_coefficient(firms, share, rule):
    for s in assess(plan(firms, share, D(1), rule)).standings:
        assert s.points == sum(sc.points for sc in s.scores)
        assert s.total == (s.points * s.coefficient).quantize(D("0.01"), rounding="ROUND_HALF_UP")


@given(st.lists(st.decimals(min_value=0, max_value=200, places=2), max_size=12))
def test_ranks_are_one_plus_the_number_of_better_totals(totals):
    got = competition_ranks(totals)
    for t, r in zip(totals, got, strict=True):
        assert r == 1 + sum(1 for o in totals if o > t)
        assert (r == 1) == (t == max(totals))
    # equal totals, equal ranks; a higher total, a better rank
    for i, a in enumerate(totals):
        for j, b in enumerate(totals):
            if a == b:
                assert got[i] == got[j]
            elif a > b:
                assert got[i] < got[j]


completions = st.decimals(min_value=-1, max_value=3, places=3)


@given(rules, weights, completions, completions)
def test_points_never_fall_as_completion_rises_and_stay_within_bounds(rule, w, c1, c2):
    low, high = sorted((c1, c2))
    p_low = points(rule, w, low, low >= 1)
    p_high = points(rule, w, high, high >= 1)
    assert p_low <= p_high
    ceiling = w * max(rule.cap, D(1))
    for p in (p_low, p_high):
        assert w * rule.floor <= p <= ceiling
