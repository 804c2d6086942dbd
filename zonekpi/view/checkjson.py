"""The JSON document of `zonekpi check` (schemas/report.schema.json): every finding with its
inputs, the totals by park, the summary and the context, numbers as numbers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..model import units
from ..model.plan import Plan
from ..model.results import Actual, Finding, PlanResult, Status
from ..version import __version__
from . import labels
from .check import context_of, per_year_unit
from .illustrative import any_illustrative
from .numbers import to_json_number
from .targets import actual_text, target_text, target_value


def _num(value: Decimal | None) -> float | int | None:
    return to_json_number(value)


def finding_json(r: PlanResult, f: Finding) -> dict[str, Any]:
    t = f.target
    names = {p.id: p.name for p in r.plan.parks}
    derivation = None
    if f.derivation is not None:
        derivation = derivation_json(r.plan, f.derivation)
    return {
        "indicator": f.indicator.id,
        "name": f.indicator.name,
        "group": f.indicator.group,
        "park": f.park,
        "park_name": names.get(f.park) if f.park else None,
        "year": t.year,
        "kind": t.kind,
        "tier": t.tier,
        "target": {
            "text": target_text(t, f, names),
            "value": _num(target_value(t, f.park)),
            "high": _num(t.high),
            "unit": units.display(t.unit),
            "source": t.source or f.indicator.source,
            "line": t.loc.line,
        },
        "actual": {
            "value": _num(f.actual),
            "unit": units.display(f.actual_unit) if f.actual_unit else None,
            "text": actual_text(f) or None,
            "basis": f.basis or None,
        },
        "completion": _num(f.completion),
        "elapsed": _num(f.elapsed),
        "ahead": _num(f.ahead),
        "needed": _num(f.needed),
        "yoy": _num(f.yoy),
        "rest": _num(f.rest),
        "pace_needed": _num(f.pace_needed),
        "pace_so_far": _num(f.pace_so_far),
        "schedule": f.schedule or None,
        "gap": _num(f.gap),
        "gap_unit": units.display(f.gap_unit) if f.gap_unit else None,
        "status": f.status.value,
        "decides": f.decides,
        "due": t.due.isoformat() if t.due else None,
        "due_text": t.due_text or None,
        "covered": _num(f.covered),
        "notes": labels.notes(f.notes, {p.id: p.name for p in r.plan.parks}),
        "derivation": derivation,
        "parks": [finding_json(r, pf) for pf in f.parks],
        "path": _path_json(f),
    }


def _path_json(f: Finding) -> dict[str, Any] | None:
    p = f.path
    if p is None:
        return None
    unit = f.indicator.unit

    def per_year(value: Decimal | None, by_amount: bool) -> float | int | None:
        return _num(None if value is None else value if by_amount else value * 100)

    needed_unit = None
    if p.needed is not None:
        needed_unit = "%" if not p.needed_linear else per_year_unit(unit)
    return {
        "base_year": p.base_year,
        "base": _num(p.base),
        "base_from": p.base_from,
        "target_year": p.target_year,
        "target": _num(p.target),
        "shape": "linear" if p.linear else "compound",
        "required": per_year(p.required, p.linear),
        "expected": _num(p.expected),
        "achieved": per_year(p.achieved, p.linear),
        "remaining": per_year(p.remaining, p.linear),
        "grade": p.grade,
        "needed_per_year": per_year(p.needed, p.needed_linear),
        "needed_unit": needed_unit,
        "needed_from_year": p.since_year,
        "needed_from": _num(p.since),
        "needed_to_year": p.to_year,
        "needed_to": _num(p.to),
    }


def derivation_json(plan: Plan, a: Actual) -> dict[str, Any]:
    """The inputs behind a value: the parks it was summed from, the terms of a ratio."""
    names = {p.id: p.name for p in plan.parks}
    units_of = {i.id: i.unit for i in plan.indicators}
    roll = None
    if a.rollup is not None:
        r = a.rollup
        roll = {
            "measure": r.measure,
            "value": _num(r.value),
            "total": _num(r.total),
            "base": _num(r.base),
            "reported": _num(r.reported),
            "difference": _num(r.difference),
            "missing": list(r.missing),
            "unweighted": list(r.unweighted),
            "parts": [
                {
                    "park": p.park,
                    "park_name": names.get(p.park, p.park),
                    "value": _num(p.value),
                    "base": _num(p.base),
                    "growth": _num(p.growth),
                    "base_from": p.base_from or None,
                }
                for p in r.parts
            ],
        }
    terms = [
        {"role": role, "indicator": ind_id, **actual_json(plan, t, units_of[ind_id])}
        for role, ind_id, t in a.terms
    ]
    return {"rollup": roll, "terms": terms}


def actual_json(plan: Plan, a: Actual, unit: str) -> dict[str, Any]:
    """A value with its unit, how it was obtained, remarks and (when derived) its inputs."""
    derived = a.rollup is not None or bool(a.terms)
    return {
        "value": _num(a.value),
        "unit": units.display(unit) if unit else None,
        "basis": a.basis or None,
        "notes": labels.notes(a.notes, {p.id: p.name for p in plan.parks}),
        "derivation": derivation_json(plan, a) if derived else None,
    }


def totals_json(r: PlanResult) -> list[dict[str, Any]]:
    """Every park's figures and the zone's, per indicator and measure, with roll-up inputs."""
    parents = {p.id: p.parent for p in r.plan.parks}
    names = {p.id: p.name for p in r.plan.parks}
    out = []
    for t in r.totals:
        out.append(
            {
                "indicator": t.indicator.id,
                "name": t.indicator.name,
                "measure": t.measure,
                "unit": units.display(t.unit) if t.unit else None,
                "zone": actual_json(r.plan, t.of(None), t.unit),
                "parks": [
                    {
                        "park": park,
                        "park_name": names[park],
                        "parent": parents[park],
                        **actual_json(r.plan, a, t.unit),
                    }
                    for park, a in t.values
                    if park is not None
                ],
            }
        )
    return out


def to_json(results: list[PlanResult]) -> dict[str, Any]:
    return {
        "zonekpi": __version__,
        "report": "check",
        "illustrative": any_illustrative(results),  # 示例数据: some figure used is marked
        "results": [
            {
                "file": r.plan.file,
                "plan": r.plan.id,
                "title": r.plan.title,
                "year": r.year,
                "period": str(r.span),
                "park": r.park,
                "summary": {
                    "met": r.count(Status.MET),
                    "missed": r.count(Status.MISSED),
                    "no_data": r.count(Status.NO_DATA),
                    "on_track": r.count(Status.ON_TRACK),
                    "behind": r.count(Status.BEHIND),
                    "below": r.count(Status.BELOW),
                    "overdue": r.count(Status.OVERDUE),
                    "on_path": r.count(Status.ON_PATH),
                    "behind_path": r.count(Status.BEHIND_PATH),
                    "stretch": {s.value: r.stretch_count(s) for s in Status if r.stretch_count(s)},
                    "total": len(r.rows),
                    "success": r.success,
                },
                "findings": [finding_json(r, f) for f in r.findings],
                "paths": [finding_json(r, f) for f in r.paths],
                "totals": totals_json(r),
                "warnings": labels.notes(r.warnings, r.names),
                "context": [
                    {
                        "name": c.name,
                        "value": _num(c.value),
                        "unit": units.display(c.unit),
                        "number": _num(c.number),
                        "number_unit": units.display(c.number_unit) if c.number_unit else None,
                        "park": c.park,
                        "group": c.group,
                        "source": c.source,
                    }
                    for c in context_of(r)
                ],
            }
            for r in results
        ],
    }
