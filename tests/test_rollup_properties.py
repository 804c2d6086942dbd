"""Properties of the park roll-up (DOMAIN.md, "Parks: rolling figures up to the zone").

Every plan is built in memory. Expected values are computed here with Decimal arithmetic on the
generated inputs, never by calling zonekpi: the test states the rule, the code must follow it.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st

from zonekpi.core.figures import Figures
from zonekpi.model.plan import Figure, Indicator, Park, Plan
from zonekpi.view.labels import notes

YEAR = 2021
TOL = Decimal("1e-9")
HUNDRED = Decimal(100)

# Distinct park names, none of them part of another, so a name found in a note is that park's.
NAMES = ("涧西区", "高新区", "洛龙区", "西工区", "老城区", "瀍河区", "吉利区", "偃师区")

GDP = Indicator("gdp", "地区生产总值", "亿元")
RD = Indicator("rd", "研发经费", "亿元")
RD_SHARE = Indicator("rd_share", "研发投入强度", "percent", share=("rd", "gdp"))

levels = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e6"), places=2)
rates = st.decimals(min_value=Decimal(-50), max_value=Decimal(200), places=1)

# One park: (level, growth in percent).
park_data = st.tuples(levels, rates)
parks_data = st.lists(park_data, min_size=1, max_size=len(NAMES))

rollup_settings = settings(max_examples=100, deadline=None)


def pid(i: int) -> str:
    return f"p{i}"


def make_plan(
    parks: list[Park],
    figures: list[Figure],
    indicators: tuple[Indicator, ...] = (GDP,),
) -> Plan:
    return Plan(
        "t",
        "roll-up",
        YEAR,
        "t.yaml",
        parks=tuple(parks),
        indicators=indicators,
        figures=tuple(figures),
    )


def flat_plan(data: list[tuple[Decimal, Decimal]]) -> Plan:
    """One park per (level, growth), all directly in the zone, which reports nothing itself."""
    parks = [Park(pid(i), NAMES[i]) for i in range(len(data))]
    figures = [Figure("gdp", pid(i), YEAR, a, growth=g) for i, (a, g) in enumerate(data)]
    return make_plan(parks, figures)


def zone(plan: Plan, ind: Indicator = GDP):
    figs = Figures(plan)
    return figs.level(ind, None, YEAR), figs.growth(ind, None, YEAR)


def base_of(level: Decimal, growth: Decimal) -> Decimal:
    """Last year's level of a park that reports this year's level and its growth."""
    return level / (1 + growth / HUNDRED)


def expected_growth(data: list[tuple[Decimal, Decimal]]) -> Decimal:
    """G = Σ A / Σ B − 1, in percent, at a precision well beyond the tolerance."""
    with localcontext() as ctx:
        ctx.prec = 60
        total = sum((a for a, _ in data), Decimal(0))
        base = sum((base_of(a, g) for a, g in data), Decimal(0))
        return (total / base - 1) * HUNDRED


def close(x: Decimal | None, y: Decimal | None, tol: Decimal = TOL) -> bool:
    return x is not None and y is not None and abs(x - y) <= tol


# 1 -------------------------------------------------------------------------------------------


@rollup_settings
@given(parks_data)
def test_zone_growth_lies_between_the_lowest_and_highest_park_growth(data):
    """The zone's growth is a weighted mean of its parks' rates (positive weights), so it
    can be neither below the slowest park nor above the fastest one."""
    _, growth = zone(flat_plan(data))
    rates_ = [g for _, g in data]
    assert growth.value is not None
    assert min(rates_) - TOL <= growth.value <= max(rates_) + TOL


# 2 -------------------------------------------------------------------------------------------


@rollup_settings
@given(st.data())
def test_zone_figures_do_not_depend_on_the_order_of_parks_or_figures(data):
    """Listing the parks, or the figures, in another order changes neither the zone's level
    nor its growth."""
    rows = data.draw(parks_data, label="parks")
    n = len(rows)
    park_order = data.draw(st.permutations(range(n)), label="park order")
    figure_order = data.draw(st.permutations(range(n)), label="figure order")

    parks = [Park(pid(i), NAMES[i]) for i in range(n)]
    figures = [Figure("gdp", pid(i), YEAR, a, growth=g) for i, (a, g) in enumerate(rows)]
    level1, growth1 = zone(make_plan(parks, figures))
    level2, growth2 = zone(
        make_plan([parks[i] for i in park_order], [figures[i] for i in figure_order])
    )

    assert level1.value == level2.value == sum((a for a, _ in rows), Decimal(0))
    assert close(growth1.value, growth2.value)
    assert close(growth2.value, expected_growth(rows))


# 3 -------------------------------------------------------------------------------------------


@rollup_settings
@given(
    parks_data.filter(lambda rows: len(rows) < len(NAMES)),
    st.data(),
)
def test_splitting_a_park_at_the_same_growth_changes_nothing_for_the_zone(rows, data):
    """A park split in two parks (its level divided in any proportion) that both grew at the
    park's rate leaves the zone's level and growth as they were."""
    which = data.draw(st.integers(0, len(rows) - 1), label="park split")
    level, g = rows[which]
    level = max(level, Decimal("0.02"))  # something to split
    rows = [*rows[:which], (level, g), *rows[which + 1 :]]
    part = data.draw(
        st.decimals(min_value=Decimal("0.01"), max_value=level - Decimal("0.01"), places=2),
        label="first part",
    )
    split = [*rows[:which], (part, g), (level - part, g), *rows[which + 1 :]]

    level_before, growth_before = zone(flat_plan(rows))
    level_after, growth_after = zone(flat_plan(split))

    assert level_after.value == level_before.value
    assert close(growth_after.value, growth_before.value)


# 4 -------------------------------------------------------------------------------------------

shares_data = st.lists(
    st.tuples(
        st.decimals(min_value=Decimal(0), max_value=Decimal(10_000), places=2),  # R&D
        st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e6"), places=2),  # GDP
    ),
    min_size=1,
    max_size=len(NAMES),
)


def share_plan(rows: list[tuple[Decimal, Decimal]]) -> Plan:
    parks = [Park(pid(i), NAMES[i]) for i in range(len(rows))]
    figures = [
        fig
        for i, (rd, gdp) in enumerate(rows)
        for fig in (Figure("rd", pid(i), YEAR, rd), Figure("gdp", pid(i), YEAR, gdp))
    ]
    return make_plan(parks, figures, (GDP, RD, RD_SHARE))


@rollup_settings
@given(shares_data)
def test_a_share_rolls_up_as_the_ratio_of_the_sums(rows):
    """The zone's share is Σ numerators ÷ Σ denominators × 100, not a mean of park shares."""
    with localcontext() as ctx:
        ctx.prec = 60
        expected = (
            sum((rd for rd, _ in rows), Decimal(0))
            / sum((gdp for _, gdp in rows), Decimal(0))
            * HUNDRED
        )
    actual = Figures(share_plan(rows)).level(RD_SHARE, None, YEAR)
    assert close(actual.value, expected)


def test_a_share_is_not_the_mean_of_the_park_shares():
    """Counter-example: 1 of 100 (1%) and 9 of 10 (90%) is 10 of 110 (9.09%), not 45.5%."""
    rows = [(Decimal(1), Decimal(100)), (Decimal(9), Decimal(10))]
    figs = Figures(share_plan(rows))
    park_shares = [figs.level(RD_SHARE, pid(i), YEAR).value for i in range(2)]
    assert park_shares == [Decimal(1), Decimal(90)]
    mean = sum(park_shares, Decimal(0)) / 2
    actual = figs.level(RD_SHARE, None, YEAR).value
    assert close(actual, Decimal(10) / Decimal(110) * HUNDRED)
    assert not close(actual, mean, Decimal(1))


# 5 -------------------------------------------------------------------------------------------


@rollup_settings
@given(parks_data)
def test_zone_growth_is_the_base_weighted_mean_of_park_growth(data):
    """G = Σ (B_i / Σ B) · g_i, with B_i = A_i / (1 + g_i/100) each park's base."""
    with localcontext() as ctx:
        ctx.prec = 60
        bases = [base_of(a, g) for a, g in data]
        total_base = sum(bases, Decimal(0))
        weighted = (b / total_base * g for b, (_, g) in zip(bases, data, strict=True))
        expected = sum(weighted, Decimal(0))
    _, growth = zone(flat_plan(data))
    assert close(growth.value, expected)
    assert close(growth.value, expected_growth(data))  # the same thing as Σ A / Σ B − 1


# 6 -------------------------------------------------------------------------------------------


@rollup_settings
@given(
    parks_data.filter(lambda rows: len(rows) >= 2),
    st.data(),
)
def test_a_missing_park_is_never_counted_as_zero(rows, data):
    """When a park has no level, the zone has no level (not the sum of the others), and the
    notes name the park that is missing."""
    n = len(rows)
    missing = data.draw(
        st.sets(st.integers(0, n - 1), min_size=1, max_size=n - 1), label="missing parks"
    )
    growth_only = data.draw(st.booleans(), label="missing parks still report growth")
    parks = [Park(pid(i), NAMES[i]) for i in range(n)]
    figures = []
    for i, (a, g) in enumerate(rows):
        if i not in missing:
            figures.append(Figure("gdp", pid(i), YEAR, a, growth=g))
        elif growth_only:
            figures.append(Figure("gdp", pid(i), YEAR, None, growth=g))
    level = Figures(make_plan(parks, figures)).level(GDP, None, YEAR)

    assert level.value is None
    words = " ".join(notes(level.notes, {p.id: p.name for p in parks}))
    for i in missing:
        assert NAMES[i] in words
    for i in set(range(n)) - missing:
        assert NAMES[i] not in words


# 7 -------------------------------------------------------------------------------------------

GROUP_NAMES = {"g1": "第一组团", "g2": "第二组团"}


@rollup_settings
@given(parks_data, st.data())
def test_nesting_parks_under_a_parent_changes_nothing_for_the_zone(rows, data):
    """Putting parks inside a parent park (g1, itself possibly holding g2) that reports
    nothing leaves the zone's level and growth unchanged; each parent's level is the sum of
    the levels of the parks inside it."""
    n = len(rows)
    # Where each park goes: None (the zone), g1, or g2 (which lies in g1).
    homes = data.draw(
        st.lists(st.sampled_from([None, "g1", "g2"]), min_size=n, max_size=n), label="homes"
    )
    groups = []
    if "g1" in homes or "g2" in homes:
        groups.append(Park("g1", GROUP_NAMES["g1"]))
    if "g2" in homes:
        groups.append(Park("g2", GROUP_NAMES["g2"], parent="g1"))
    leaves = [Park(pid(i), NAMES[i], parent=homes[i]) for i in range(n)]
    figures = [Figure("gdp", pid(i), YEAR, a, growth=g) for i, (a, g) in enumerate(rows)]
    nested = make_plan(leaves + groups, figures)

    flat_level, flat_growth = zone(flat_plan(rows))
    figs = Figures(nested)
    level, growth = figs.level(GDP, None, YEAR), figs.growth(GDP, None, YEAR)

    assert level.value == flat_level.value
    assert close(growth.value, flat_growth.value)

    inside = {"g1": ("g1", "g2"), "g2": ("g2",)}
    for group in groups:
        homed = zip(rows, homes, strict=True)
        expected = sum((a for (a, _), home in homed if home in inside[group.id]), Decimal(0))
        assert figs.level(GDP, group.id, YEAR).value == expected
        children = nested.children(group.id)
        assert figs.level(GDP, group.id, YEAR).value == sum(
            (figs.level(GDP, c, YEAR).value for c in children), Decimal(0)
        )


# 8 -------------------------------------------------------------------------------------------


@rollup_settings
@given(parks_data, levels)
def test_a_reported_zone_total_is_used_and_its_difference_shown(rows, reported):
    """A total the zone reports is the zone's level, as reported; the roll-up beside it gives
    the difference reported − Σ parks."""
    plan = flat_plan(rows)
    plan = make_plan(list(plan.parks), [*plan.figures, Figure("gdp", None, YEAR, reported)])
    level = Figures(plan).level(GDP, None, YEAR)
    computed = sum((a for a, _ in rows), Decimal(0))

    assert level.value == reported
    assert level.basis == "reported"
    assert level.rollup is not None
    assert level.rollup.value == computed
    assert level.rollup.difference == reported - computed
