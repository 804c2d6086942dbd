"""Shaping results for output: rows of display text, and the JSON document.

Renderers receive a `Table` (column keys, headers, rows of strings) or, for JSON, the dict made
by `to_json()`; they never look into the model. Column keys are stable: scripts read CSV and
JSON by them. Display formats show Chinese headers and drop columns that are empty throughout.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import units
from ..model.plan import Context
from ..model.results import Finding, Note, PlanResult, Status
from . import labels
from .labels import quantity, w
from .numbers import fmt_amount, fmt_number, fmt_percent, fmt_ratio, fmt_signed
from .table import Column, Table
from .targets import actual_text, status_text, target_text, target_value

# (key, numeric, display, machine) of each column; the header is the catalogue's col.KEY
_CHECK = [
    ("plan", False, False, True),
    ("year", False, False, True),
    ("indicator", False, False, True),
    ("name", False, False, True),
    ("label", False, True, False),  # blank on a park's row under its zone row
    ("park", False, False, True),
    ("park_name", False, True, True),
    ("tier", False, True, True),
    ("kind", False, False, True),
    ("target", False, True, True),
    ("target_value", True, False, True),
    ("target_high", True, False, True),
    ("actual", True, True, False),
    ("actual_value", True, False, True),
    ("unit", False, False, True),
    ("completion", True, True, True),
    ("elapsed", True, True, True),
    ("ahead_text", True, True, False),
    ("ahead", True, False, True),
    ("needed", True, True, True),
    ("yoy", True, True, True),
    ("rest_text", True, True, False),
    ("rest", True, False, True),
    ("pace_text", True, True, False),
    ("pace_needed", True, False, True),
    ("pace_so_far", True, False, True),
    ("schedule_text", False, True, False),
    ("schedule", False, False, True),
    ("path_base", True, True, True),
    ("path_point", True, True, True),
    ("needed_per_year", True, True, True),
    ("gap_text", True, True, False),
    ("gap", True, False, True),
    ("gap_unit", False, False, True),
    ("status", False, False, True),
    ("status_text", False, True, False),
    ("basis", False, False, True),
    ("notes", False, True, True),
]


def check_columns() -> list[Column]:
    """The columns of `check`'s table, headed in the report's language."""
    return [
        Column(key, w(f"col.check.{key}"), numeric=num, display=shown, machine=machine)
        for key, num, shown, machine in _CHECK
    ]


# The schedule a row's 序时 was measured by, said where it is not the plain N/12 (or days).
SCHEDULE_WORDS = {"seasonal": "check.schedule_seasonal", "deadline": "check.schedule_deadline"}


def _pace(f: Finding) -> str:
    """月均需完成 / 已月均完成: 0.09 / 0.05亿美元."""
    if f.pace_needed is None or f.pace_so_far is None:
        return ""
    unit = f.actual_unit
    return f"{fmt_amount(f.pace_needed, unit)} / {quantity(f.pace_so_far, unit, rounded=True)}"


def _row(result: PlanResult, f: Finding, under_zone: bool = False) -> dict[str, str]:
    plan = result.plan
    names = labels.park_names(plan.parks)
    t = f.target
    gap_text = ""
    if f.gap is not None:
        gap_text = quantity(f.gap, f.gap_unit, signed=True) if f.gap_unit else fmt_signed(f.gap)
    return {
        "plan": plan.id,
        "year": str(t.year),
        "indicator": f.indicator.id,
        "name": f.indicator.name,
        "label": "" if under_zone else labels.name(f.indicator),
        "park": f.park or "",
        "park_name": names.get(f.park, f.park) if f.park else "",
        "tier": labels.tier(t.tier),
        "kind": t.kind,
        "target": (w("year_of", year=t.year) + " " if f.path or t.year != result.year else "")
        + target_text(t, f, names),
        "target_value": fmt_number(target_value(t, f.park)),
        "target_high": fmt_number(t.high) if t.high is not None else "",
        "actual": actual_text(f),
        "actual_value": fmt_number(f.actual) if f.actual is not None else "",
        "unit": units.display(f.actual_unit) if f.actual_unit else "",
        "completion": fmt_ratio(f.completion) if f.completion is not None else "",
        "elapsed": fmt_ratio(f.elapsed) if f.elapsed is not None else "",
        "ahead_text": quantity(f.ahead, "百分点", signed=True, places=1),  # as 完成率 and 序时
        "ahead": fmt_number(f.ahead) if f.ahead is not None else "",
        "needed": fmt_percent(f.needed, 1) if f.needed is not None else "",
        "yoy": fmt_signed(f.yoy, 1) + "%" if f.yoy is not None else "",
        "rest_text": quantity(f.rest, f.actual_unit, rounded=True),
        "rest": fmt_number(f.rest) if f.rest is not None else "",
        "pace_text": _pace(f),
        "pace_needed": fmt_number(f.pace_needed) if f.pace_needed is not None else "",
        "pace_so_far": fmt_number(f.pace_so_far) if f.pace_so_far is not None else "",
        "schedule_text": w(SCHEDULE_WORDS[f.schedule]) if f.schedule in SCHEDULE_WORDS else "",
        "schedule": f.schedule,
        **_path_cells(f),
        "gap_text": gap_text,
        "gap": fmt_number(f.gap) if f.gap is not None else "",
        "gap_unit": units.display(f.gap_unit) if f.gap_unit else "",
        "status": f.status.value,
        "status_text": status_text(f),
        "basis": f.basis,
        "notes": "; ".join(labels.notes(f.notes, names)),
    }


def rate_text(value: Decimal, by_amount: bool, unit: str, places: int = 2) -> str:
    """A rate a year as a report shows it: 21.08% (compound growth, `value` a fraction), or an
    amount a year: +0.55个百分点 on a percentage, +2.5亿元 where a level is zero or below."""
    if not by_amount:
        return fmt_percent(value * 100, places)
    return quantity(value, "百分点" if units.is_percent(unit) else unit, signed=True)


def per_year_unit(unit: str) -> str:
    """The unit of an amount a year on a linear path, as CSV and JSON name it: 个百分点 for a
    percentage, else the unit."""
    return units.display("百分点" if units.is_percent(unit) else unit)


def per_year_text(f: Finding) -> str:
    """此后年均需增长: the growth a year still needed from the latest actual to the next stated
    point (99.3%), or the points a year on a share (+0.53个百分点); '' without an actual."""
    p = f.path
    if p is None or p.needed is None:
        return ""
    return rate_text(p.needed, p.needed_linear, f.indicator.unit, places=1)


def starts_here(f: Finding) -> bool:
    """Whether the path of a later year's target starts from this year's own actual: it stands
    there, so the year has no point of the path to be compared with."""
    return any(isinstance(n, Note) and n.code == "path_starts_this_year" for n in f.notes)


def _path_cells(f: Finding) -> dict[str, str]:
    p = f.path
    if p is None:
        return {"path_base": "", "path_point": "", "needed_per_year": ""}
    unit = f.indicator.unit
    what = "check.path_base_target" if p.base_from == "target" else "check.path_base_actual"
    return {
        "path_base": f"{quantity(p.base, unit)} ({w(what, year=p.base_year)})",
        "path_point": "" if starts_here(f) else quantity(p.expected, unit, rounded=True),
        "needed_per_year": per_year_text(f),
    }


def check_table(results: list[PlanResult]) -> Table:
    rows: list[dict[str, str]] = []
    statuses: list[str] = []
    footer: list[str] = []
    for r in results:
        for f in r.findings:
            rows.append(_row(r, f))
            statuses.append(f.status.value)
            for pf in f.parks:
                rows.append(_row(r, pf, under_zone=True))
                statuses.append(pf.status.value)
        for f in r.paths:  # targets of later years: this year on the way to them
            rows.append(_row(r, f))
            statuses.append(f.status.value)
        footer += [w("check.context", text=c) for c in context_texts(r)]
        footer.append(summary_line(r))
    columns = check_columns()
    if len(results) > 1:  # rows of several plans: say which plan each is from
        columns = [c._replace(display=True) if c.key == "plan" else c for c in columns]
    return Table("; ".join(title(r) for r in results), columns, rows, footer, statuses, empty())


def title(r: PlanResult) -> str:
    """A check's title: the plan's, the period, the park checked alone."""
    text = f"{r.plan.title} {labels.period(r.span)}"
    return text + (f" · {labels.name(r.plan.park(r.park))}" if r.park else "")


def empty() -> str:
    """What stands in place of a table without rows."""
    return w("no_targets")


def context_of(r: PlanResult) -> list[Context]:
    """The plan's context figures for the year checked (and the park, with --park)."""
    return [
        c
        for c in r.plan.context
        if c.year in (None, r.year) and (r.park is None or c.park in (None, r.park))
    ]


def context_texts(r: PlanResult) -> list[str]:
    """Context figures as a report states them: 计划总投资 505亿元 (67个), never a verdict."""
    names = labels.park_names(r.plan.parks)
    out = []
    for c in context_of(r):
        where = f"{names.get(c.park, c.park)} " if c.park else ""
        number = f" ({quantity(c.number, c.number_unit)})" if c.number is not None else ""
        out.append(f"{where}{c.name} {quantity(c.value, c.unit)}{number}")
    return out


def summary_line(r: PlanResult) -> str:
    """The counts under a check: plans/x.yaml: 2018年 达标48项, 未达标8项, 无数据1项."""
    counts = [
        w("check.count", status=labels.status(s), n=r.count(s))
        for s in Status
        if r.count(s) or s in (Status.MET, Status.MISSED, Status.NO_DATA)
    ]
    stretch = [
        w("check.count", status=labels.status(s), n=r.stretch_count(s))
        for s in Status
        if r.stretch_count(s)
    ]
    tail = w("check.stretch_counts", counts=", ".join(stretch)) if stretch else ""
    return f"{r.plan.file}: {labels.period(r.span)} " + ", ".join(counts) + tail
