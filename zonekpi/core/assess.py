"""The assessment (考核): each unit's points on every scored item, its total and its rank.

`assess()` is the core of `zonekpi rank`. A unit is one of the zone's parks (一区四园, ranked
monthly in 新乡自创区) or a department answering for some indicators (洛阳高新区). For
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

from .. import kinds
from ..kinds.targeting import unit_target, zone_target
from ..model import units
from ..model.periods import Period
from ..model.plan import Indicator, Plan, Target
from ..model.results import Finding, Note, Status
from ..model.scheme import Item, Scheme
from .check import evaluate
from .figures import Figures
from .scoring import as_decimal, competition_ranks, completion, points, round_half_up

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
    notes: tuple[Note | str, ...] = ()

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
    warnings: tuple[Note | str, ...] = ()


def units_of(plan: Plan, scheme: Scheme) -> list[tuple[str, str]]:
    """The (id, name) of every unit ranked: the zone's own parks, or the departments."""
    if scheme.units == "departments":
        return [(d.id, d.name) for d in scheme.departments]
    return [(p, plan.park(p).name) for p in plan.children(None)]


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
) -> list[Note | str]:
    out: list[Note | str] = []
    fulls = {s.full for s in standings}
    if len(fulls) > 1:
        out.append(Note("full_marks_differ", tuple((s.name, s.full) for s in standings)))
    if standings and all(len(s.missing) == len(s.scores) for s in standings if s.scores):
        months = sorted({f.period for f in figures.plan.figures if f.period.year == period.year})
        last = months[-1] if period.is_year and months and not months[-1].is_year else None
        out.append(Note("no_unit_has_figures", (period, last)))
        return out + list(dict.fromkeys(figures.warnings))
    for item in scheme.items:
        ind = figures.indicators[item.indicator]
        base = zone_target(ind, period.year, item.tier)
        if item.split and base is not None and kinds.get(base.kind).floor:
            total = sum((v for _, v in item.split), Decimal(0))
            if base.value is not None and total != base.value:
                where = (item.loc.file, item.loc.line)
                out.append(Note("split_differs", (*where, ind.id, total, base.value, ind.unit)))
    for s in standings:
        if s.missing:
            names = tuple(sc.indicator.name for sc in s.missing)
            out.append(Note("unit_lacks_figures", (s.name, names)))
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
    notes: list[Note | str] = []
    if item.split:
        notes.append(Note("scheme_split"))
    kind = kinds.get(target.kind)
    share = tau if tau is not None and kinds.accumulates(ind) and kind.scales else None
    scaled = target
    if share is not None:
        scaled = _pro_rata(target, as_decimal(share))
        notes.append(Note("pro_rata", (as_decimal(share),)))
    park = None if scheme.units == "departments" else unit
    finding = evaluate(scaled, ind, park, figures, period)
    status = finding.status
    if not period.is_year and status in (Status.MET, Status.MISSED):
        status = Status.ON_TRACK if status is Status.MET else Status.BEHIND
    if finding.status is Status.NO_DATA:
        notes.append(Note("missing_scored", (scheme.missing,)))
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
        notes.append(Note("strict_not_met"))
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


def _completion(
    target: Target, share: Fraction | None, ind: Indicator, park: str | None, f: Finding
) -> tuple[Fraction | None, Fraction | None]:
    """The exact scoring completion of finding `f` against `target` (its numbers × `share` of
    the year, if given), None when unbounded; and how far past the target the actual is (in the
    target's gap unit, positive when better; None where that has no meaning)."""
    met = f.status is Status.MET
    kind = kinds.get(target.kind)
    if kind.counts_parks and park is None:  # a department: the share of parks
        done = sum(1 for p in f.parks if p.status is Status.MET)
        return (Fraction(done, len(f.parks)) if f.parks else Fraction(0)), None
    if kind.yes_no:
        return Fraction(1 if met else 0), None
    assert f.actual is not None
    a = Fraction(f.actual)
    band = kind.band(target, park, ind)
    if band.capped and met:
        return Fraction(1), Fraction(0)
    k = share if share is not None else Fraction(1)
    low = None if band.low is None else Fraction(band.low) * k
    if low is not None and (not band.capped or a < low or band.high is None):
        return completion(a, low, met=met), a - low
    assert band.high is not None
    high = Fraction(band.high) * (1 if band.fixed_high else k)
    return completion(a, high, lower=True, met=met), high - a
