"""Multi-year paths: the way to a target years ahead, through every target stated on the way.

A zone (or a park) with level targets in several years (综保区外贸 30亿元 in 2022, 55 in 2023,
100 in 2024) has a path through those stated points: piecewise, compound within a segment
(30 → 55 is +83.33%, 55 → 100 is +81.82%), linear in points for a percentage, and linear in the
indicator's unit where a level of the segment is zero or below (no compound rate exists there).
A strict target aims one step past its threshold (> 15个: 16个; the step is 1 of the
indicator's unit for a whole number, one in the last decimal place written otherwise: > 2.5%
aims at 2.6%), since reaching it exactly is still a miss. When a year states several targets
(≥ 800亿元 and 力争 > 800亿元), the path passes through the most demanding.

The growth a year still needed (此后年均需增长) is measured from the latest actual to the next
stated point: (T ÷ A)^(1/(e − a)) − 1, or (T − A) ÷ (e − a) on a linear segment. Progress is
graded as Open SDG does (Statistics Canada's method), from the path's start straight to the
target: with r_req = (T / B)^(1/(e − b)) − 1 and the growth achieved so far
r_obs = (A_t / B)^(1/(t − b)) − 1, R = r_obs / r_req (sign flipped for lower-is-better);
R ≥ 0.95 on track, 0.60–0.95 acceleration needed, 0–0.60 limited progress, < 0 deterioration; a
target already reached overrides (docs/domain.md, "Multi-year paths").

Pure Decimal arithmetic. Fractional powers are taken through ln/exp at 40 digits, far beyond
the one or two decimals a report shows. `indicator_path` is the core of `zonekpi path`;
`core.check.path_findings` uses the same pieces for the rows of `zonekpi check`.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from itertools import pairwise
from typing import TYPE_CHECKING

from .. import kinds
from ..model import units
from ..model.periods import Period
from ..model.plan import Indicator, Plan, Target
from ..model.results import Grade, Progress
from .figures import Figures

if TYPE_CHECKING:
    from ..model.paths import IndicatorPath

BACK = 5  # years before the first target (or the year checked) in which to look for an actual

Knot = tuple[int, Decimal]  # a year and the level the path passes through in it


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


def flat(start: Decimal, end: Decimal, linear: bool) -> bool:
    """Whether the way from `start` to `end` moves by equal amounts a year: a percentage, or a
    level that is zero or below at either end (a compound rate needs two positive levels)."""
    return linear or start <= 0 or end <= 0


def rate(start: Decimal, end: Decimal, years: int, linear: bool) -> tuple[Decimal, bool]:
    """The change a year from `start` to `end` in `years`, and whether it is an amount a year
    (True: points, or the unit) rather than a compound growth (False: a fraction)."""
    if flat(start, end, linear):
        return (end - start) / years, True
    return cagr(start, end, years), False


def step(value: Decimal) -> Decimal:
    """The smallest step of a stated value: 1 of the unit for a whole number (15个: 1个), else one
    in the last decimal place written (2.5%: 0.1; 2.50%: 0.01)."""
    exponent = value.as_tuple().exponent
    places = exponent if isinstance(exponent, int) else 0
    return Decimal(1).scaleb(min(places, 0))


def aim(target: Target) -> Decimal:
    """The level a path aims at for a level target: its value, or one step past a strict
    threshold (> 15个: 16个; < 5.5%: 5.4%)."""
    assert target.value is not None
    kind = kinds.get(target.kind)
    if not getattr(kind, "strict", False):
        return target.value
    past = step(target.value)
    return target.value - past if kind.ceiling else target.value + past


def path_targets(ind: Indicator, park: str | None) -> list[Target]:
    """The targets of `ind` that are points on a path of `park` (None: the zone): level
    thresholds (≥ > ≤ <) set for it, in any year."""
    return [
        t for t in ind.targets if kinds.get(t.kind).path and t.park == park and t.value is not None
    ]


def stated_points(ind: Indicator, park: str | None) -> dict[int, Decimal]:
    """Year → the level the path of `park` passes through: the most demanding aim of the
    year's targets in the indicator's direction (≥ 800 and > 800: 801)."""
    lower = kinds.indicator_lower(ind)
    by_year: dict[int, list[Target]] = {}
    for t in path_targets(ind, park):
        by_year.setdefault(t.year, []).append(t)
    out = {}
    for year in sorted(by_year):
        stated = by_year[year]
        agreeing = [t for t in stated if kinds.get(t.kind).ceiling == lower] or stated
        aims = [aim(t) for t in agreeing]
        out[year] = min(aims) if lower else max(aims)
    return out


class Segmented:
    """A path through `knots` (years ascending): its point and its growth in each year."""

    __slots__ = ("growth", "points")

    def __init__(self, knots: list[Knot], linear: bool) -> None:
        first_year, first = knots[0]
        self.points: dict[int, Decimal] = {first_year: first}
        # the growth into a year: (rate, an amount a year?) of the segment the year ends
        self.growth: dict[int, tuple[Decimal, bool]] = {}
        for (a, start), (b, end) in pairwise(knots):
            r, by_amount = rate(start, end, b - a, linear)
            for y in range(a + 1, b + 1):
                if y == b:
                    self.points[y] = end
                elif by_amount:
                    self.points[y] = start + r * (y - a)
                else:
                    self.points[y] = point(start, r, y - a)
                self.growth[y] = (r, by_amount)

    @property
    def piecewise_linear(self) -> bool:
        """Whether some segment moves by equal amounts a year."""
        return any(by_amount for _, by_amount in self.growth.values())


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
    """How year `year` (with `actual`, or None) stands on the single curve from `base` straight
    to `target`: Open SDG's grading. A path with stated points between is `Segmented`.

    `linear` is for percentages (a share from 12.8% to 15%): the path moves by the same number
    of percentage points each year, and rates are in points a year, not compound growth. A base
    or target of zero or below is linear too (in the unit a year).
    """
    n = target_year - base_year
    linear = flat(base, target, linear)
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
        base_year, base, target_year, target, required, expected, achieved, remaining, grade, linear
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


def latest_actual(
    figures: Figures, ind: Indicator, park: str | None, year: int, back: int = BACK
) -> Knot | None:
    """The latest whole-year level of `park` in `year` or the `back` years before it."""
    for y in range(year, year - back - 1, -1):
        value = figures.level(ind, park, Period(y)).value
        if value is not None:
            return y, value
    return None


def indicator_path(plan: Plan, indicator: str, park: str | None = None) -> IndicatorPath:
    """The path of `indicator` year by year, for the zone (or `park`): from the latest actual
    within `BACK` years before its first stated point (else from that point) through every
    stated point to the last. Each year: its targets, the actual, the path's point and growth,
    and the growth a year still needed from that year's actual to the next stated point."""
    from ..model.paths import IndicatorPath, PathYear

    ind = plan.indicator(indicator)
    points = stated_points(ind, park)
    if not points:
        return IndicatorPath(plan, ind, None, targets=ind.targets)
    figures = Figures(plan)
    linear = units.is_percent(ind.unit)
    targets = path_targets(ind, park)
    first, last = min(points), max(points)
    before = latest_actual(figures, ind, park, first - 1, BACK - 1)
    base_year, base = before if before is not None else (first, points[first])
    knots = [(base_year, base), *((y, v) for y, v in points.items() if y > base_year)]
    path = Segmented(knots, linear)
    rows = []
    for y in range(base_year, last + 1):
        actual = figures.level(ind, park, Period(y)).value
        needed, by_amount, to = None, False, None
        if actual is not None and y < last:
            to = next(k for k in knots if k[0] > y)
            needed, by_amount = rate(actual, to[1], to[0] - y, linear)
        growth, grows_by_amount = path.growth.get(y, (None, False))
        own = tuple(t for t in targets if t.year == y)
        rows.append(
            PathYear(
                y,
                own,
                actual,
                path.points[y],
                needed,
                growth,
                grows_by_amount,
                by_amount,
                to[0] if to else None,
            )
        )
    finals = [t for t in targets if t.year == last]
    final = next((t for t in finals if aim(t) == points[last]), finals[0])
    strict = tuple((t, aim(t)) for t in targets if aim(t) != t.value and aim(t) == points[t.year])
    return IndicatorPath(
        plan,
        ind,
        final,
        base_year,
        base,
        linear,
        tuple(rows),
        "actual" if before is not None else "target",
        tuple(knots),
        strict,
        path.piecewise_linear and not linear,
        tuple(targets),
    )
