"""The check: every target of a plan for one year (or the year to date), for the zone or a park.

`check()` is the whole core entry point for `zonekpi check`: it takes a Plan (and optionally
last year's plan for last year's levels) and returns a PlanResult. It reads no file and prints
nothing.
"""

from __future__ import annotations

from decimal import Decimal

from .. import kinds
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
        for target in ind.targets:
            if target.year != year:
                continue
            if park is None:
                f = evaluate(target, ind, target.park, figures, period)
            elif _applies_to(target, park, figures):
                f = evaluate(target, ind, park, figures, period)
            else:
                continue
            if not period.is_year:
                f = schedule.in_year(f, period, plan.elapsed, figures)
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
        () if park is not None or not period.is_year else path_findings(plan, year, figures),
    )


BASE_YEARS_BACK = 5  # how far back a path looks for the last actual to start from


def path_findings(plan: Plan, year: int, figures: Figures) -> tuple[Finding, ...]:
    """Each zone target of a later year, with this year's place on the path to it.

    The path starts from the latest actual before `year` (698亿元 in 2021 on the way to
    1500亿元 in 2025), or, without one, from this year's own target. A level's path grows at a
    compound rate; a percentage moves by the same points each year.
    """
    out = []
    for ind in plan.indicators:
        ahead = [
            t
            for t in ind.targets
            if t.year > year and kinds.get(t.kind).path and t.park is None and t.value is not None
        ]
        if not ahead:
            continue
        start = _path_start(ind, year, figures)
        actual = figures.level(ind, None, Period(year))
        lower = kinds.indicator_lower(ind)
        linear = units.is_percent(ind.unit)
        for t in ahead:
            assert t.value is not None
            if start is None or (start[1] <= 0 and not linear):
                out.append(Finding(ind, t, None, Status.NO_DATA, notes=(Note("no_path_base"),)))
                continue
            base_year, base, how = start
            prog = paths.progress(
                base_year, base, t.year, t.value, year, actual.value, lower, linear
            )
            status = Status.NO_DATA
            if actual.value is not None:
                ok = actual.value <= prog.expected if lower else actual.value >= prog.expected
                status = Status.ON_TRACK if ok or prog.grade == "reached" else Status.BEHIND
            out.append(
                Finding(
                    indicator=ind,
                    target=t,
                    park=None,
                    status=status,
                    actual=actual.value,
                    actual_unit=ind.unit,
                    basis=how,
                    notes=actual.notes,
                    path=prog,
                )
            )
    return tuple(out)


def _path_start(ind: Indicator, year: int, figures: Figures) -> tuple[int, Decimal, str] | None:
    for y in range(year - 1, year - 1 - BASE_YEARS_BACK, -1):
        value = figures.level(ind, None, Period(y)).value
        if value is not None:
            return y, value, f"from the actual of {y}"
    own = [t for t in ind.targets if t.year == year and kinds.get(t.kind).path and t.park is None]
    if own and own[0].value is not None:
        return year, own[0].value, f"from the target of {year}"
    return None


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
