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

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from . import rollup, units
from .actuals import Figures
from .model import Finding, Indicator, Plan, Status, Target
from .numbers import fmt_number
from .periods import Period
from .schedule import accumulates
from .scoring import ONE, Item, Scheme, competition_ranks, completion, points
from .targets import evaluate

LEVEL_KINDS = ("at_least", "more_than", "at_most", "less_than", "between", "about")
LOWER_KINDS = ("at_most", "less_than")
PARK_KINDS = ("coverage", "per_park", "allocation")
# kinds whose numbers scale with the time elapsed when the indicator is a flow
SCALED_KINDS = (*LEVEL_KINDS, "per_park", "allocation")


@dataclass(frozen=True)
class Score:
    """One item for one unit: the target, the figure, the completion and the points."""

    item: Item
    indicator: Indicator
    target: Target | None  # None: the item does not apply to this unit
    scaled: Target | None  # the target as held during the year (pro rata for a flow)
    finding: Finding | None
    completion: Decimal | None
    points: Decimal
    status: Status
    target_text: str = ""
    notes: tuple[str, ...] = ()

    @property
    def missing(self) -> bool:
        return self.target is not None and self.status is Status.NO_DATA


@dataclass(frozen=True)
class Standing:
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


@dataclass(frozen=True)
class Ranking:
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
    """Targets of `ind` that name parks: per-park kinds and targets for one park."""
    return [
        t
        for t in ind.targets
        if t.year == year
        and (t.kind in PARK_KINDS or t.park is not None)
        and (tier is None or t.tier == tier)
    ]


def applies_as_is(ind: Indicator, target: Target) -> bool:
    """Whether the zone's target can be held against one park's figure as it stands: a rate, a
    share, a per-capita value, a percentage, a yes/no (not a level that adds up over parks)."""
    if target.kind == "growth" or (target.kind == "increase" and target.unit == "百分点"):
        return True
    return rollup.method(ind) != "sum"


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
        kind = base.kind if base is not None and base.kind in LEVEL_KINDS[:4] else "at_least"
        text = units.fmt_quantity(share, ind.unit)
        if base is None:
            return Target(kind, year, text, value=share, unit=ind.unit, park=unit)
        return replace(
            base,
            kind=kind,
            text=text,
            value=share,
            park=unit,
            high=None,
            tolerance=None,
            parks=None,
            shares=(),
        )
    for t in park_targets(ind, year, item.tier):
        if t.park == unit:
            return t
        if t.park is None and t.kind in PARK_KINDS:
            if t.kind == "allocation" and unit not in dict(t.shares):
                return None
            if t.kind != "allocation" and t.parks is not None and unit not in t.parks:
                return None
            return t
    base = zone_target(ind, year, item.tier)
    if base is not None and applies_as_is(ind, base):
        return base
    return None


def assess(plan: Plan, period: Period | None = None, previous: Plan | None = None) -> Ranking:
    """Score every unit of `plan`'s scheme on the figures of `period` (default: the year)."""
    scheme = plan.scoring
    assert scheme is not None, "assess() needs a plan with a scoring scheme"
    period = period or Period(plan.year)
    figures = Figures(plan, previous)
    tau = None if period.is_year or not scheme.schedule else period.elapsed(plan.elapsed)
    quantum = Decimal(1).scaleb(-scheme.precision)

    def rounded(value: Decimal) -> Decimal:
        return value.quantize(quantum, rounding=ROUND_HALF_UP)

    made = []
    for unit, name in units_of(plan, scheme):
        scores = []
        for item in scheme.items:
            ind = plan.indicator(item.indicator)
            target = unit_target(item, ind, unit, scheme, period.year)
            scores.append(_score(item, ind, target, unit, scheme, figures, period, tau, rounded))
        earned = sum((s.points for s in scores), Decimal(0))
        coefficient = scheme.coefficient(unit)
        full = sum((s.item.weight for s in scores if s.target is not None), Decimal(0))
        made.append(
            Standing(
                unit, name, tuple(scores), earned, coefficient, rounded(earned * coefficient), full
            )
        )
    ranks = competition_ranks([s.total for s in made])
    order = sorted(range(len(made)), key=lambda i: (ranks[i], i))
    standings = tuple(replace(made[i], rank=ranks[i]) for i in order)
    return Ranking(
        plan, scheme, period, tau, standings, tuple(_warnings(standings, figures, scheme))
    )


def _warnings(standings: tuple[Standing, ...], figures: Figures, scheme: Scheme) -> list[str]:
    out = []
    fulls = {s.full for s in standings}
    if len(fulls) > 1 and scheme.units == "parks":
        parts = ", ".join(f"{s.name} {fmt_number(s.full)}" for s in standings)
        out.append(f"满分不同 full marks differ ({parts}); totals are compared as they stand")
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
    tau: Decimal | None,
    round_: Callable[[Decimal], Decimal],
) -> Score:
    if target is None:
        return Score(item, ind, None, None, None, None, Decimal(0), Status.NO_DATA)
    notes: list[str] = []
    if item.split:
        notes.append("分解目标 (考核方案) the scheme's share for this unit")
    scaled = target
    if tau is not None and accumulates(ind) and target.kind in SCALED_KINDS:
        scaled = _pro_rata(target, tau)
        notes.append(f"序时目标 = 年度目标 × {fmt_number(tau * 100, 2)}% pro rata")
    park = None if scheme.units == "departments" else unit
    if target.kind in PARK_KINDS and scheme.units == "departments":
        park = None
    finding = evaluate(scaled, ind, park, figures, period)
    text = _target_text(scaled, park, ind)
    if finding.status is Status.NO_DATA:
        notes.append(f"无数据 no figure: {fmt_number(scheme.missing * 100)}% of the weight")
        earned = round_(item.weight * scheme.missing)
        return Score(
            item, ind, target, scaled, finding, None, earned, Status.NO_DATA, text, tuple(notes)
        )
    met = finding.status is Status.MET
    done, ahead = _completion(scaled, ind, park, finding, figures)
    if ahead is not None and item.rule.per is not None:
        ahead = units.convert(ahead, gap_unit(ind, scaled), item.rule.per_unit)
    earned = round_(points(item.rule, item.weight, done, met, ahead))
    return Score(
        item, ind, target, scaled, finding, done, earned, finding.status, text, tuple(notes)
    )


def _pro_rata(target: Target, tau: Decimal) -> Target:
    def scale(v: Decimal | None) -> Decimal | None:
        return None if v is None else v * tau

    return replace(
        target,
        value=scale(target.value),
        high=scale(target.high),
        tolerance=scale(target.tolerance),
        shares=tuple((p, s * tau) for p, s in target.shares),
    )


def _target_text(target: Target, park: str | None, ind: Indicator) -> str:
    """The number the unit is held to: its share, the minimum, the (pro-rata) threshold."""
    if target.kind == "coverage":
        return "有 (是)" if park is not None else "全覆盖"
    if target.kind == "allocation":
        shares = dict(target.shares)
        value = shares.get(park) if park is not None else sum(shares.values(), Decimal(0))
        return "≥ " + units.fmt_quantity(value, ind.unit)
    unit = target.unit or ind.unit
    if target.kind == "between":
        return f"{units.fmt_quantity(target.value, unit)}–{units.fmt_quantity(target.high, unit)}"
    sign = {"at_least": "≥ ", "more_than": "> ", "at_most": "≤ ", "less_than": "< "}
    if target.kind == "growth":
        return ("增长 ≤ " if ind.direction == "lower" else "增长 ≥ ") + units.fmt_quantity(
            target.value, "percent"
        )
    if target.kind == "increase":
        return "增加 " + units.fmt_quantity(target.value, unit)
    if target.kind == "about":
        return "约 " + units.fmt_quantity(target.value, unit)
    return sign.get(target.kind, "≥ ") + units.fmt_quantity(target.value, unit)


def gap_unit(ind: Indicator, target: Target | None) -> str:
    """The unit of actual − target: 百分点 for a growth or a percentage, else the target's."""
    if units.is_percent(ind.unit) or (target is not None and target.kind == "growth"):
        return "百分点"
    return (target.unit if target is not None else "") or ind.unit


def _completion(
    target: Target, ind: Indicator, park: str | None, f: Finding, figures: Figures
) -> tuple[Decimal, Decimal | None]:
    """The scoring completion of finding `f`, and how far past its target it is (in the
    target's gap unit, positive when better; None where that has no meaning)."""
    met = f.status is Status.MET
    kind = target.kind
    if kind in ("coverage", "per_park") and park is None:  # a department: the share of parks
        parks = f.parks
        done = sum(1 for p in parks if p.status is Status.MET)
        return (Decimal(done) / len(parks) if parks else Decimal(0)), None
    if kind == "coverage":
        return (ONE if met else Decimal(0)), None
    a = f.actual
    assert a is not None
    if kind in ("between", "about"):
        assert target.value is not None
        if kind == "between":
            assert target.high is not None
            low, high = target.value, target.high
        else:
            assert target.tolerance is not None
            low, high = target.value - target.tolerance, target.value + target.tolerance
        if met:
            return ONE, Decimal(0)
        if a < low:
            return completion(a, low, met=met), a - low
        return completion(a, high, lower=True, met=met), high - a
    if kind == "allocation":
        shares = dict(target.shares)
        t = shares[park] if park is not None else sum(shares.values(), Decimal(0))
    else:
        assert target.value is not None
        t = target.value
    lower = kind in LOWER_KINDS or (kind in ("growth", "increase") and ind.direction == "lower")
    return completion(a, t, lower=lower, met=met), (t - a) if lower else (a - t)
