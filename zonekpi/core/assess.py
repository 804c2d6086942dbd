"""The assessment (考核): each unit's points on every scored item, its total and its rank.

`assess()` is the core of `zonekpi rank`. A unit is one of the zone's parks (一区四园, ranked
monthly in 新乡, seed 003) or a department answering for some indicators (洛阳, seed 000). For
each item it finds the target the unit is measured against (`unit_target`): the park's own
target (an allocated share, a per-park minimum, a coverage, a target for that park), the
scheme's split of a zone target (分解目标), or, for a rate, share or per-capita value, the zone's
target itself, which applies to each park as it stands. During the year a flow is measured
against the pro-rata target, annual target × time elapsed (序时目标), unless the scheme says
`schedule: false`; stocks, rates and shares are measured as they stand.

Points per item are rounded to the scheme's precision (half up, as tables are published) and
added; the total is that sum times the unit's value coefficient, rounded the same way, so
every number in the explanation adds up by hand. Ties share a rank.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from ..model import units
from ..model.periods import Period
from ..model.plan import Indicator, Plan, Target
from ..model.results import Finding, Status
from ..model.scheme import Item, Scheme
from ..view.numbers import fmt_number, fmt_ratio
from . import rollup
from .check import LEVEL_KINDS, PER_PARK_KINDS
from .figures import Figures
from .schedule import accumulates
from .scoring import as_decimal, competition_ranks, completion, points, round_half_up
from .targets import evaluate

LOWER_KINDS = ("at_most", "less_than")
PARK_KINDS = PER_PARK_KINDS
# kinds whose numbers scale with the time elapsed when the indicator is a flow
SCALED_KINDS = (*LEVEL_KINDS, "between", "about", "per_park", "allocation")
INF = Decimal("Infinity")  # a completion without bound: nothing used of a lower-is-better cap


class Score(NamedTuple):
    """One item for one unit: the target, the figure, the completion and the points."""

    item: Item
    indicator: Indicator
    target: Target | None  # None: the item does not apply to this unit
    scaled: Target | None  # the target as held during the year (pro rata for a flow)
    finding: Finding | None
    completion: Decimal | None
    points: Decimal
    status: Status
    notes: tuple[str, ...] = ()

    @property
    def missing(self) -> bool:
        return self.target is not None and self.status is Status.NO_DATA


class Standing(NamedTuple):
    """A unit's place: its scores, points (Σ), coefficient, total, full marks and rank."""

    unit: str
    name: str
    scores: tuple[Score, ...]
    points: Decimal
    coefficient: Decimal
    total: Decimal
    full: Decimal  # Σ weights of the items that apply (满分)
    rank: int = 0

    @property
    def missing(self) -> tuple[Score, ...]:
        return tuple(s for s in self.scores if s.missing)


class Ranking(NamedTuple):
    plan: Plan
    scheme: Scheme
    period: Period
    elapsed: Decimal | None  # during the year: the time-elapsed share the flows are scaled by
    standings: tuple[Standing, ...]  # best first; ties in the plan's order
    warnings: tuple[str, ...] = ()


def units_of(plan: Plan, scheme: Scheme) -> list[tuple[str, str]]:
    """The (id, name) of every unit ranked: the zone's own parks, or the departments."""
    if scheme.units == "departments":
        return [(d.id, d.name) for d in scheme.departments]
    return [(p, plan.park(p).name) for p in plan.children(None)]


def zone_target(ind: Indicator, year: int, tier: str | None) -> Target | None:
    """The zone's target of `ind` for `year` an item is scored against: of the item's tier, or
    the floor (确保) before the stretch (力争); a level before an allocation of it."""
    own = [t for t in ind.targets if t.year == year and t.park is None]
    if tier is not None:
        own = [t for t in own if t.tier == tier]
    own.sort(key=lambda t: (t.tier == "stretch", t.kind in PARK_KINDS))
    return own[0] if own else None


def park_targets(ind: Indicator, year: int, tier: str | None) -> list[Target]:
    """Targets of `ind` that name parks (per-park kinds, targets for one park): of the item's
    tier, or the floor (确保) before the stretch (力争)."""
    own = [
        t
        for t in ind.targets
        if t.year == year
        and (t.kind in PARK_KINDS or t.park is not None)
        and (tier is None or t.tier == tier)
    ]
    own.sort(key=lambda t: t.tier == "stretch")
    return own


def applies_as_is(ind: Indicator, target: Target) -> bool:
    """Whether the zone's target can be held against one park's figure as it stands: a rate, a
    share, a per-capita value, a percentage, a yes/no (not a level that adds up over parks)."""
    if target.kind == "growth" or (target.kind == "increase" and target.unit == "百分点"):
        return True
    return rollup.method(ind) != "sum"


def split_kind(ind: Indicator, base: Target | None) -> tuple[str, str]:
    """The kind and unit of a park's share under `split:`: the zone target's own (≥ 95家 gives
    ≥ 42家; 增长13% gives 增长15%; 新增10家 gives 新增4家), or, for any other, ≥ in the
    indicator's unit."""
    if base is None or base.kind not in (*LEVEL_KINDS, "growth", "increase"):
        return "at_least", ind.unit
    return base.kind, base.unit or ind.unit


def unit_target(item: Item, ind: Indicator, unit: str, scheme: Scheme, year: int) -> Target | None:
    """The target `unit` is measured against on `item` in `year`, or None when the item does
    not apply to it."""
    if scheme.units == "departments":
        return zone_target(ind, year, item.tier) if item.department == unit else None
    if item.split:
        share = dict(item.split).get(unit)
        if share is None:
            return None
        base = zone_target(ind, year, item.tier)
        kind, measure = split_kind(ind, base)
        text = units.fmt_quantity(share, measure)
        if base is None:
            return Target(kind, year, text, value=share, unit=measure, park=unit)
        return base._replace(
            kind=kind,
            text=text,
            value=share,
            unit=measure,
            park=unit,
            high=None,
            tolerance=None,
            parks=None,
            shares=(),
        )
    for t in park_targets(ind, year, item.tier):
        if t.park == unit:
            return t
        if t.park is None and t.kind == "allocation" and unit in dict(t.shares):
            return t
        if t.park is None and t.kind in ("coverage", "per_park") and unit in (t.parks or [unit]):
            return t
    base = zone_target(ind, year, item.tier)
    if base is not None and base.kind not in PARK_KINDS and applies_as_is(ind, base):
        return base
    return None


def assess(plan: Plan, period: Period | None = None, previous: Plan | None = None) -> Ranking:
    """Score every unit of `plan`'s scheme on the figures of `period` (default: the year)."""
    scheme = plan.scoring
    assert scheme is not None, "assess() needs a plan with a scoring scheme"
    period = period or Period(plan.year)
    figures = Figures(plan, previous)
    tau = None if period.is_year or not scheme.schedule else period.elapsed_exact(plan.elapsed)
    made = []
    for unit, name in units_of(plan, scheme):
        scores = []
        for item in scheme.items:
            ind = plan.indicator(item.indicator)
            target = unit_target(item, ind, unit, scheme, period.year)
            scores.append(_score(item, ind, target, unit, scheme, figures, period, tau))
        earned = round_half_up(
            Fraction(sum((s.points for s in scores), Decimal(0))), scheme.precision
        )
        coefficient = scheme.coefficient(unit)
        total = round_half_up(Fraction(earned) * Fraction(coefficient), scheme.precision)
        full = sum((s.item.weight for s in scores if s.target is not None), Decimal(0))
        made.append(Standing(unit, name, tuple(scores), earned, coefficient, total, full))
    ranks = competition_ranks([s.total for s in made])
    order = sorted(range(len(made)), key=lambda i: (ranks[i], i))
    standings = tuple(made[i]._replace(rank=ranks[i]) for i in order)
    elapsed = None if tau is None else as_decimal(tau)
    warnings = _warnings(standings, figures, scheme, period)
    return Ranking(plan, scheme, period, elapsed, standings, tuple(warnings))


def _warnings(
    standings: tuple[Standing, ...], figures: Figures, scheme: Scheme, period: Period
) -> list[str]:
    out = []
    fulls = {s.full for s in standings}
    if len(fulls) > 1:
        parts = ", ".join(f"{s.name} {fmt_number(s.full)}" for s in standings)
        out.append(f"满分不同 full marks differ ({parts}); totals are compared as they stand")
    if standings and all(len(s.missing) == len(s.scores) for s in standings if s.scores):
        months = sorted({f.period for f in figures.plan.figures if f.period.year == period.year})
        hint = (
            f"; the figures are for parts of the year: give --period {months[-1]}"
            if period.is_year and months and not months[-1].is_year
            else ""
        )
        out.append(f"no unit has any figure for {period.label}{hint}")
        return out + list(dict.fromkeys(figures.warnings))
    for item in scheme.items:
        ind = figures.indicators[item.indicator]
        base = zone_target(ind, period.year, item.tier)
        if item.split and base is not None and base.kind in ("at_least", "more_than"):
            total = sum((v for _, v in item.split), Decimal(0))
            if base.value is not None and total != base.value:
                out.append(
                    f"{item.loc.file}:{item.loc.line}: the split of '{ind.id}' adds up to "
                    f"{units.fmt_quantity(total, ind.unit)}, but the zone's target is "
                    f"{units.fmt_quantity(base.value, ind.unit)}"
                )
    for s in standings:
        if s.missing:
            names = "、".join(sc.indicator.name for sc in s.missing)
            out.append(
                f"{s.name}: 无数据 no figure for {names}; scored as the scheme says for "
                "missing data"
            )
    return out + list(dict.fromkeys(figures.warnings))


def _score(
    item: Item,
    ind: Indicator,
    target: Target | None,
    unit: str,
    scheme: Scheme,
    figures: Figures,
    period: Period,
    tau: Fraction | None,
) -> Score:
    if target is None:
        return Score(item, ind, None, None, None, None, Decimal(0), Status.NO_DATA)
    notes: list[str] = []
    if item.split:
        notes.append("分解目标 (考核方案) the scheme's share for this unit")
    share = tau if tau is not None and accumulates(ind) and target.kind in SCALED_KINDS else None
    scaled = target
    if share is not None:
        scaled = _pro_rata(target, as_decimal(share))
        notes.append(f"序时目标 = 年度目标 × {fmt_ratio(as_decimal(share), 2)} pro rata")
    park = None if scheme.units == "departments" else unit
    finding = evaluate(scaled, ind, park, figures, period)
    status = finding.status
    if not period.is_year and status in (Status.MET, Status.MISSED):
        status = Status.ON_TRACK if status is Status.MET else Status.BEHIND
    if finding.status is Status.NO_DATA:
        notes.append(f"无数据 no figure: {fmt_ratio(scheme.missing, 0)} of the weight")
        earned = round_half_up(Fraction(item.weight) * Fraction(scheme.missing), scheme.precision)
        return Score(item, ind, target, scaled, finding, None, earned, Status.NO_DATA, tuple(notes))
    met = finding.status is Status.MET
    done, ahead = _completion(target, share, ind, park, finding)
    if ahead is not None and item.rule.per is not None:
        factor = units.convert(Decimal(1), finding.gap_unit, item.rule.per_unit)
        ahead *= Fraction(factor)
    exact = points(item.rule, item.weight, done, met, ahead)
    smallest = Fraction(1, 10**scheme.precision)
    if not met and exact > Fraction(item.weight) - smallest:
        # 超过35家 with exactly 35: missed, so never the points of meeting it
        exact = Fraction(item.weight) - smallest
        notes.append("未达到 (恰好等于目标不算超过): 少计最小一档")
    earned = round_half_up(exact, scheme.precision)
    shown = as_decimal(done) if done is not None else INF
    return Score(item, ind, target, scaled, finding, shown, earned, status, tuple(notes))


def _pro_rata(target: Target, tau: Decimal) -> Target:
    """The target for the time elapsed: its numbers × τ; a range's upper end stays the year's
    (2 listed firms by October is within 1–2家, not above a pro-rata 1.67)."""

    def scale(v: Decimal | None) -> Decimal | None:
        return None if v is None else v * tau

    return target._replace(
        value=scale(target.value),
        tolerance=scale(target.tolerance),
        shares=tuple((p, s * tau) for p, s in target.shares),
    )


def gap_unit(ind: Indicator, target: Target | None) -> str:
    """The unit of actual − target: 百分点 for a growth or a percentage, else the target's."""
    if units.is_percent(ind.unit) or (target is not None and target.kind == "growth"):
        return "百分点"
    return (target.unit if target is not None else "") or ind.unit


def _completion(
    target: Target, share: Fraction | None, ind: Indicator, park: str | None, f: Finding
) -> tuple[Fraction | None, Fraction | None]:
    """The exact scoring completion of finding `f` against `target` (its numbers × `share` of
    the year, if given), None when unbounded; and how far past the target the actual is (in the
    target's gap unit, positive when better; None where that has no meaning)."""
    met = f.status is Status.MET
    kind = target.kind
    if kind in ("coverage", "per_park") and park is None:  # a department: the share of parks
        done = sum(1 for p in f.parks if p.status is Status.MET)
        return (Fraction(done, len(f.parks)) if f.parks else Fraction(0)), None
    if kind == "coverage":
        return Fraction(1 if met else 0), None
    assert f.actual is not None
    a = Fraction(f.actual)
    k = share if share is not None else Fraction(1)

    def x(v: Decimal | None) -> Fraction:
        assert v is not None
        return Fraction(v) * k

    if kind in ("between", "about"):
        if kind == "between":
            low, high = x(target.value), Fraction(target.high or 0)
        else:
            mid, tol = x(target.value), x(target.tolerance)
            low, high = mid - tol, mid + tol
        if met:
            return Fraction(1), Fraction(0)
        if a < low:
            return completion(a, low, met=met), a - low
        return completion(a, high, lower=True, met=met), high - a
    if kind == "allocation":
        shares = dict(target.shares)
        t = x(shares[park]) if park is not None else x(sum(shares.values(), Decimal(0)))
    else:
        t = x(target.value)
    lower = kind in LOWER_KINDS or (kind in ("growth", "increase") and ind.direction == "lower")
    return completion(a, t, lower=lower, met=met), (t - a) if lower else (a - t)
