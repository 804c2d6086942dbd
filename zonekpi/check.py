"""The check: every target of a plan for one year (or the year to date), for the zone or a park.

`check()` is the whole core entry point for `zonekpi check`: it takes a Plan (and optionally
last year's plan for last year's levels) and returns a PlanResult. It reads no file and prints
nothing.
"""

from __future__ import annotations

from decimal import Decimal

from . import schedule, units
from .actuals import Figures
from .model import Finding, Indicator, Measure, Plan, PlanResult, Target, Total
from .numbers import fmt_number
from .periods import Period
from .targets import evaluate, scope

# Kinds that every park must meet; checked park by park under --park.
PER_PARK_KINDS = ("coverage", "per_park", "allocation")


def _applies_to(target: Target, park: str, figures: Figures) -> bool:
    if target.park is not None:
        return target.park == park
    return target.kind in PER_PARK_KINDS and park in scope(target, figures)


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
    warnings = list(_allocation_warnings(plan, year))
    if not any(t.year == year for t in plan.targets):
        years = sorted({t.year for t in plan.targets})
        warnings.append(
            f"{plan.file}: no targets for {year}; the plan has targets for "
            + ", ".join(str(y) for y in years)
        )
    return PlanResult(
        plan,
        year,
        park,
        tuple(findings),
        tuple(warnings),
        totals(plan, figures, period),
        period,
    )


# The measure a target kind is judged on (coverage: a flag, or a count for a count indicator).
MEASURE: dict[str, Measure] = {"growth": "growth", "increase": "change"}


def measure_of(target: Target, ind: Indicator) -> Measure:
    if target.kind in MEASURE:
        return MEASURE[target.kind]
    return "flag" if units.is_flag(ind.unit) else "level"


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


def _allocation_warnings(plan: Plan, year: int) -> list[str]:
    """Say when the parks' shares do not add up to the zone's total (DOMAIN.md, Parks)."""
    out = []
    for ind in plan.indicators:
        for target in ind.targets:
            if target.kind != "allocation" or target.year != year:
                continue
            total = sum((s for _, s in target.shares), Decimal(0))
            for other in ind.targets:
                if (
                    other.kind in ("at_least", "more_than")
                    and other.year == year
                    and other.park is None
                    and other.value is not None
                    and other.value != total
                ):
                    unit = ind.unit
                    out.append(
                        f"{target.loc.file}:{target.loc.line}: the shares of '{ind.id}' add up "
                        f"to {fmt_number(total)} {unit}, but the zone's target is "
                        f"{fmt_number(other.value)} {unit}"
                    )
    return out
