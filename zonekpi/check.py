"""The annual check: every target of a plan for one year, for the zone or for one park.

`check()` is the whole core entry point for `zonekpi check`: it takes a Plan (and optionally
last year's plan for last year's levels) and returns a PlanResult. It reads no file and prints
nothing.
"""

from __future__ import annotations

from decimal import Decimal

from .actuals import Figures
from .model import Finding, Plan, PlanResult, Target
from .numbers import fmt_number
from .targets import evaluate

# Kinds that every park must meet; checked park by park under --park.
PER_PARK_KINDS = ("coverage", "per_park", "allocation")


def _applies_to(target: Target, park: str, plan: Plan) -> bool:
    if target.park is not None:
        return target.park == park
    if target.kind == "allocation":
        return park in dict(target.shares)
    if target.kind in PER_PARK_KINDS:
        return target.parks is None or park in target.parks
    return False


def check(
    plan: Plan, year: int | None = None, park: str | None = None, previous: Plan | None = None
) -> PlanResult:
    """Evaluate the targets of `plan` for `year` (default: the plan's year)."""
    year = plan.year if year is None else year
    figures = Figures(plan, previous)
    findings: list[Finding] = []
    for ind in plan.indicators:
        for target in ind.targets:
            if target.year != year:
                continue
            if park is None:
                findings.append(evaluate(target, ind, target.park, figures))
            elif _applies_to(target, park, plan):
                findings.append(evaluate(target, ind, park, figures))
    warnings = list(_allocation_warnings(plan, year))
    if not any(t.year == year for t in plan.targets):
        years = sorted({t.year for t in plan.targets})
        warnings.append(
            f"{plan.file}: no targets for {year}; the plan has targets for "
            + ", ".join(str(y) for y in years)
        )
    return PlanResult(plan, year, park, tuple(findings), tuple(warnings))


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
