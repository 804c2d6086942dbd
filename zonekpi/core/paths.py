"""Multi-year paths: the growth a target years ahead needs, and whether a year is on the way.

From a base B in year b to a target T in year e the compound annual growth needed is
r = (T / B)^(1/(e − b)) − 1; a year t is on track when its actual reaches B·(1 + r)^(t − b)
(docs/domain.md, "Multi-year paths"). Progress is graded as Open SDG does (Statistics Canada's
method): with the growth achieved so far r_obs = (A_t / B)^(1/(t − b)) − 1,
R = r_obs / r_req (sign flipped for lower-is-better); R ≥ 0.95 on track, 0.60–0.95 acceleration
needed, 0–0.60 limited progress, < 0 deterioration; a target already reached overrides.

Pure Decimal arithmetic. Fractional powers are taken through ln/exp at 28 digits, far beyond
the one or two decimals a report shows. `indicator_path` is the core of `zonekpi path`.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

from .. import kinds
from ..model import units
from ..model.periods import Period
from ..model.plan import Plan
from ..model.results import Grade, Progress
from .figures import Figures

if TYPE_CHECKING:
    from ..model.paths import IndicatorPath

BACK = 5  # years before the first target in which to look for a starting actual


def power(x: Decimal, p: Decimal) -> Decimal:
    """x ** p for x > 0 and any p, in Decimal."""
    if x <= 0:
        raise ValueError("a path needs positive levels")
    with localcontext() as ctx:
        ctx.prec = 40
        result = (x.ln() * p).exp()
    return +result


def cagr(base: Decimal, target: Decimal, years: int) -> Decimal:
    """The compound annual growth (a fraction, 0.2108) taking `base` to `target` in `years`."""
    if years <= 0:
        raise ValueError("the target year must come after the base year")
    return power(target / base, Decimal(1) / Decimal(years)) - 1


def point(base: Decimal, rate: Decimal, years: int) -> Decimal:
    """Where the path stands `years` after the base: B·(1 + r)^years."""
    return base * power(1 + rate, Decimal(years)) if years else base


def progress(
    base_year: int,
    base: Decimal,
    target_year: int,
    target: Decimal,
    year: int,
    actual: Decimal | None,
    lower_is_better: bool = False,
    linear: bool = False,
) -> Progress:
    """How year `year` (with `actual`, or None) stands on the path from `base` to `target`.

    `linear` is for percentages (a share from 12.8% to 15%): the path moves by the same number
    of percentage points each year, and rates are in points a year, not compound growth.
    """
    n = target_year - base_year
    if linear:
        required = (target - base) / n
        expected = base + required * (year - base_year)
    else:
        required = cagr(base, target, n)
        expected = point(base, required, year - base_year)
    achieved = remaining = None
    grade: Grade | None = None
    if actual is not None and year > base_year and (linear or actual > 0):
        k = year - base_year
        if linear:
            achieved = (actual - base) / k
        else:
            achieved = power(actual / base, Decimal(1) / Decimal(k)) - 1
        if year < target_year:
            left = target_year - year
            remaining = (target - actual) / left if linear else cagr(actual, target, left)
        grade = _grade(achieved, required, actual, target, lower_is_better)
    return Progress(
        base_year, base, target_year, target, required, expected, achieved, remaining, grade
    )


def _grade(
    achieved: Decimal, required: Decimal, actual: Decimal, target: Decimal, lower: bool
) -> Grade:
    if (actual <= target) if lower else (actual >= target):
        return "reached"
    if required == 0:
        return "on_track"
    ratio = achieved / required
    if lower:
        ratio = -ratio if required > 0 else ratio
    if ratio >= Decimal("0.95"):
        return "on_track"
    if ratio >= Decimal("0.60"):
        return "acceleration_needed"
    if ratio >= 0:
        return "limited_progress"
    return "deterioration"


def indicator_path(plan: Plan, indicator: str) -> IndicatorPath:
    """The path of `indicator` year by year, from its first actual within `BACK` years of its
    first level target (else from that target) to its last level target of the zone."""
    from ..model.paths import IndicatorPath, PathYear

    ind = plan.indicator(indicator)
    figures = Figures(plan)
    targets = [t for t in ind.targets if kinds.get(t.kind).path and t.park is None and t.value]
    if not targets:
        return IndicatorPath(plan, ind, None)
    final = max(targets, key=lambda t: t.year)
    assert final.value is not None
    linear = units.is_percent(ind.unit)
    years = range(min(t.year for t in targets) - BACK, final.year + 1)
    actuals = {y: figures.level(ind, None, Period(y)).value for y in years}
    known = [y for y in years if actuals[y] is not None]
    first = known[0] if known else min(t.year for t in targets)
    base = actuals.get(first) or next(t.value for t in targets if t.year == first)
    assert base is not None
    rows = []
    for y in range(first, final.year + 1):
        actual = actuals.get(y)
        if first == final.year:  # one year only: nothing to grow towards
            rows.append(PathYear(y, tuple(targets), actual, base, None))
            continue
        prog = progress(first, base, final.year, final.value, y, actual, linear=linear)
        # from this year's actual on (the base year: the whole way)
        rate = prog.required if y == first else prog.remaining
        own = tuple(t for t in targets if t.year == y)
        rows.append(PathYear(y, own, actual, prog.expected, rate if y < final.year else None))
    return IndicatorPath(plan, ind, final, first, base, linear, tuple(rows))
