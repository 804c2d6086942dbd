"""The check: every target of a plan for one year (or the year to date), for the zone or a park.

`check()` is the whole core entry point for `zonekpi check`: it takes a Plan (and optionally
last year's plan for last year's levels) and returns a PlanResult. It reads no file and prints
nothing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from .. import kinds
from ..kinds.base import ge, le
from ..model import units
from ..model.periods import Period
from ..model.plan import Indicator, Measure, Plan, Target
from ..model.results import Finding, Note, PlanResult, Status, Total
from . import paths, schedule
from .figures import Figures
from .sanity import sanity


def _applies_to(target: Target, park: str, figures: Figures) -> bool:
    if target.park is not None:
        return target.park == park
    return kinds.get(target.kind).applies_to(target, park, figures)


def evaluate(
    target: Target, ind: Indicator, park: str | None, figures: Figures, period: Period | None = None
) -> Finding:
    """The finding of `target` for `park` (None: the zone) on the figures of `period` (default:
    the target's year)."""
    kind = kinds.get(target.kind)
    return kind.evaluate(target, ind, park, figures, period or Period(target.year))


def check(
    plan: Plan,
    year: int | None = None,
    park: str | None = None,
    previous: Plan | None = None,
    period: Period | None = None,
) -> PlanResult:
    """Evaluate the targets of `plan` for `year` (default: the plan's year), or, during the
    year, for the year to date `period` against the time elapsed (序时进度)."""
    if period is None:
        period = Period(plan.year if year is None else year)
    year = period.year
    figures = Figures(plan, previous)
    findings: list[Finding] = []
    for ind in plan.indicators:
        floors = {(t.year, t.park) for t in ind.targets if t.tier != "stretch"}
        for target in ind.targets:
            if target.year != year:
                continue
            if park is None:
                f = evaluate(target, ind, target.park, figures, period)
            elif _applies_to(target, park, figures):
                f = evaluate(target, ind, park, figures, period)
            else:
                continue
            if target.due is not None and period.end >= target.due:
                f = schedule.past_deadline(f)
            elif not period.is_year:
                f = schedule.in_year(f, period, plan.elapsed, figures)
            f = _with_yoy(f, figures, period)
            if target.tier == "stretch" and (target.year, target.park) in floors:
                f = f._replace(decides=False)  # 力争 beside 确保: reported, the floor decides
            findings.append(f)
    computed_totals = totals(plan, figures, period)
    warnings: list[Note | str] = [*_allocation_warnings(plan, year)]
    warnings += sanity(plan, period, figures, previous)
    warnings += dict.fromkeys(figures.warnings)
    if not any(t.year == year for t in plan.targets):
        years = sorted({t.year for t in plan.targets})
        warnings.append(Note("no_targets_for_year", (plan.file, year, tuple(years))))
    return PlanResult(
        plan,
        year,
        park,
        tuple(findings),
        tuple(warnings),
        computed_totals,
        period,
        path_findings(plan, year, figures, park, period),
    )


BASE_YEARS_BACK = paths.BACK  # how far back a path looks for the last actual to start from


def path_findings(
    plan: Plan,
    year: int,
    figures: Figures,
    park: str | None = None,
    period: Period | None = None,
) -> tuple[Finding, ...]:
    """Each level target of a later year, with this year's place on the path to it: the
    zone's and every park's own (with `park`: that park's own only).

    The path starts from the latest actual before `year` (698亿元 in 2021 on the way to
    1500亿元 in 2025), else from the latest target stated up to `year`, else from this year's
    actual, and passes through every target stated on the way. This year is on the path
    (`ON_PATH`) when its actual reaches the path's point for the year (during the year, `period`,
    as this year's own target of that level would be judged against the time elapsed), else
    `BEHIND_PATH`. The growth a year still needed is measured from the latest actual (this
    year's, else the latest earlier one) to the next stated point.
    """
    period = period or Period(year)
    out: list[Finding] = []
    for ind in plan.indicators:
        owners = dict.fromkeys(
            t.park
            for t in ind.targets
            if t.year > year and kinds.get(t.kind).path and t.value is not None
        )
        for owner in owners:
            if park is None or owner == park:
                out += _paths_of(plan, ind, owner, year, figures, period)
    return tuple(out)


def _paths_of(
    plan: Plan, ind: Indicator, owner: str | None, year: int, figures: Figures, period: Period
) -> list[Finding]:
    """The later targets of `ind` set for `owner` (None: the zone), each with its path."""
    points = paths.stated_points(ind, owner)
    linear = units.is_percent(ind.unit)
    start = _path_start(ind, owner, year, figures, points)
    since = paths.latest_actual(figures, ind, owner, year)
    this_year = figures.level(ind, owner, Period(year)).value
    out = []
    for t in paths.path_targets(ind, owner):
        if t.year <= year:
            continue
        if start is None:
            none = (Note("no_path_base"),)
            out.append(Finding(ind, t, owner, Status.NO_DATA, actual_unit=ind.unit, notes=none))
            continue
        base_year, base, base_from = start
        goal = paths.aim(t)
        knots = [(base_year, base)]
        knots += [(y, v) for y, v in points.items() if base_year < y < t.year]
        knots.append((t.year, goal))
        expected = paths.Segmented(knots, linear).points[year]
        lower = kinds.lower(t, ind)
        prog = paths.progress(base_year, base, t.year, goal, year, this_year, lower, linear)
        prog = prog._replace(expected=expected, base_from=base_from)
        notes: list[Note | str] = []
        if since is not None:
            to = next(k for k in knots if k[0] > since[0])
            needed, by_amount = paths.rate(since[1], to[1], to[0] - since[0], linear)
            prog = prog._replace(
                needed=needed,
                needed_linear=by_amount,
                since_year=since[0],
                since=since[1],
                to_year=to[0],
                to=to[1],
            )
            if to[0] != t.year:
                notes.append(Note("path_via", (to[0], to[1], ind.unit)))
            if not by_amount and ind.growth_basis == "comparable":
                notes.append(Note("path_current_prices"))
        if goal != t.value:
            notes.append(Note("path_aims_past", (goal, ind.unit)))
        if base_from == "actual" and base_year == year:
            notes.append(Note("path_starts_this_year", (year,)))
        f = _on_path(plan, t, ind, owner, expected, figures, period)
        status = f.status
        if status is not Status.NO_DATA:
            reached = prog.grade == "reached"
            ok = status in (Status.MET, Status.ON_TRACK) or reached
            status = Status.ON_PATH if ok else Status.BEHIND_PATH
        out.append(
            f._replace(
                target=t,
                status=status,
                completion=None,
                gap=None,
                gap_unit="",
                basis=f.basis or "",
                notes=(*f.notes, *notes),
                path=prog,
            )
        )
    return out


def _on_path(
    plan: Plan,
    t: Target,
    ind: Indicator,
    owner: str | None,
    expected: Decimal,
    figures: Figures,
    period: Period,
) -> Finding:
    """This year's (or the year to date's) actual against the path's point for the year, judged
    as `t`'s kind judges a level of that value in its own year: met or missed, and during the
    year against the time elapsed (a flow by its completion, a stock by the way covered)."""
    actual = figures.level(ind, owner, period)
    lower = kinds.lower(t, ind)
    here = t._replace(year=period.year, value=expected)
    derivation = actual if actual.rollup is not None or actual.terms else None
    f = Finding(
        ind,
        here,
        owner,
        Status.NO_DATA,
        actual=actual.value,
        actual_unit=ind.unit,
        basis=actual.basis,
        notes=actual.notes,
        derivation=derivation,
    )
    if actual.value is None:
        return f
    a = actual.value
    met = le(a, expected) if lower else ge(a, expected)
    completion = a / expected if not lower and expected > 0 else None
    f = f._replace(status=Status.MET if met else Status.MISSED, completion=completion)
    if not period.is_year:
        f = schedule.in_year(f, period, plan.elapsed, figures)
    return f


def _path_start(
    ind: Indicator, park: str | None, year: int, figures: Figures, points: dict[int, Decimal]
) -> tuple[int, Decimal, Literal["actual", "target"]] | None:
    """Where the path to a later target starts: the latest actual in the `BASE_YEARS_BACK`
    years before `year`; else the latest stated point up to `year`; else this year's actual."""
    before = paths.latest_actual(figures, ind, park, year - 1, BASE_YEARS_BACK - 1)
    if before is not None:
        return before[0], before[1], "actual"
    stated = [y for y in points if y <= year]
    if stated:
        return max(stated), points[max(stated)], "target"
    now = figures.level(ind, park, Period(year)).value
    if now is not None:
        return year, now, "actual"
    return None


def _with_yoy(f: Finding, figures: Figures, period: Period) -> Finding:
    """A flow's level row with its growth on last year's same period (同比), where known."""
    kind = kinds.get(f.target.kind)
    if kind.measure(f.target, f.indicator) != "level" or not kinds.accumulates(f.indicator):
        return f
    parks = tuple(_with_yoy(p, figures, period) for p in f.parks)
    if kind.counts_parks and f.park is None:  # the zone's row counts parks
        return f._replace(parks=parks)
    return f._replace(parks=parks, yoy=figures.growth(f.indicator, f.park, period).value)


def measure_of(target: Target, ind: Indicator) -> Measure:
    """The measure `target` is judged on (coverage: a flag, or a count for a count indicator)."""
    return kinds.get(target.kind).measure(target, ind)


def totals(plan: Plan, figures: Figures, period: Period) -> tuple[Total, ...]:
    """Every measure of every indicator with a figure or a target in `period`, for each park
    (parents before the parks inside them) and for the zone: the by-park view."""
    year = period.year
    reported: dict[str, set[Measure]] = {}
    for fig in plan.figures:
        if fig.period.year != year or fig.period.last > period.last:
            continue
        got = reported.setdefault(fig.indicator, set())
        if fig.flag is not None:
            got.add("flag")
        if fig.value is not None:
            got.add("flag" if fig.flag is not None else "level")
        if fig.growth is not None:
            got.add("growth")
        if fig.change is not None:
            got.add("change")
    nodes: list[str | None] = [p for p, _ in plan.tree()]
    nodes.append(None)
    get = {
        "level": figures.level,
        "growth": figures.growth,
        "change": figures.change,
        "flag": figures.flag_actual,
    }
    out = []
    for ind in plan.indicators:
        wanted = reported.get(ind.id, set()) | {
            measure_of(t, ind) for t in ind.targets if t.year == year
        }
        if ind.share or ind.per_capita:
            wanted.add("level")
        for measure in ("level", "growth", "change", "flag"):
            if measure not in wanted:
                continue
            values = tuple((n, get[measure](ind, n, period)) for n in nodes)
            if (
                measure in reported.get(ind.id, ())
                or any(a.value is not None for _, a in values)
                or any(measure_of(t, ind) == measure for t in ind.targets if t.year == year)
            ):
                unit = {"growth": "percent", "flag": ""}.get(measure, ind.unit)
                if measure == "change" and units.is_percent(ind.unit):
                    unit = "百分点"
                out.append(Total(ind, measure, unit, values))
    return tuple(out)


def _allocation_warnings(plan: Plan, year: int) -> list[Note]:
    """Say when the parks' shares do not add up to the zone's total (docs/domain.md)."""
    out = []
    for ind in plan.indicators:
        for target in ind.targets:
            if not target.shares or target.year != year:
                continue
            total = sum((s for _, s in target.shares), Decimal(0))
            for other in ind.targets:
                if (
                    kinds.get(other.kind).floor
                    and other.year == year
                    and other.park is None
                    and other.value is not None
                    and other.value != total
                ):
                    where = (target.loc.file, target.loc.line)
                    out.append(
                        Note("shares_differ", (*where, ind.id, total, other.value, ind.unit))
                    )
    return out
