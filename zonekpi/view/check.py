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
from ..model.units import fmt_quantity
from . import labels
from .numbers import fmt_number, fmt_percent, fmt_ratio, fmt_signed
from .table import Column, Table
from .targets import actual_text, status_text, target_text, target_value

CHECK_COLUMNS = [
    Column("plan", "规划", display=False),
    Column("year", "年份", display=False),
    Column("indicator", "指标代码", display=False),
    Column("name", "指标", display=False),
    Column("label", "指标", machine=False),  # blank on a park's row under its zone row
    Column("park", "园区代码", display=False),
    Column("park_name", "园区"),
    Column("tier", "档次"),
    Column("kind", "类型", display=False),
    Column("target", "目标"),
    Column("target_value", "目标值", numeric=True, display=False),
    Column("target_high", "目标上限", numeric=True, display=False),
    Column("actual", "实际", numeric=True, machine=False),
    Column("actual_value", "实际值", numeric=True, display=False),
    Column("unit", "单位", display=False),
    Column("completion", "完成率", numeric=True),
    Column("elapsed", "序时进度", numeric=True),
    Column("ahead_text", "超/落后序时", numeric=True, machine=False),
    Column("ahead", "超/落后序时(百分点)", numeric=True, display=False),
    Column("needed", "其余月份需增长", numeric=True),
    Column("yoy", "同比增长", numeric=True),
    Column("rest_text", "其余月份需完成", numeric=True, machine=False),
    Column("rest", "其余月份需完成(值)", numeric=True, display=False),
    Column("pace_text", "月均需完成/已完成", numeric=True, machine=False),
    Column("pace_needed", "月均需完成(值)", numeric=True, display=False),
    Column("pace_so_far", "已月均完成(值)", numeric=True, display=False),
    Column("schedule_text", "序时口径", machine=False),
    Column("schedule", "序时口径(代码)", display=False),
    Column("path_base", "路径起点", numeric=True),
    Column("path_point", "今年应达", numeric=True),
    Column("needed_per_year", "此后年均需增长", numeric=True),
    Column("gap_text", "差距", numeric=True, machine=False),
    Column("gap", "差距值", numeric=True, display=False),
    Column("gap_unit", "差距单位", display=False),
    Column("status", "状态", display=False),
    Column("status_text", "状态", machine=False),
    Column("basis", "口径", display=False),
    Column("notes", "说明"),
]


# The schedule a row's 序时 was measured by, said where it is not the plain N/12 (or days).
SCHEDULE_WORDS = {"seasonal": "去年同期进度", "deadline": "按期限"}


def _pace(f: Finding) -> str:
    """月均需完成 / 已月均完成: 0.09 / 0.05亿美元."""
    if f.pace_needed is None or f.pace_so_far is None:
        return ""
    unit = f.actual_unit
    return f"{fmt_number(round(f.pace_needed, 2))} / {fmt_quantity(round(f.pace_so_far, 2), unit)}"


def _row(result: PlanResult, f: Finding, under_zone: bool = False) -> dict[str, str]:
    plan = result.plan
    names = {p.id: p.name for p in plan.parks}
    t = f.target
    gap_text = ""
    if f.gap is not None:
        gap_text = fmt_signed(f.gap) + (
            units.spacer(f.gap_unit) + units.display(f.gap_unit) if f.gap_unit else ""
        )
    return {
        "plan": plan.id,
        "year": str(t.year),
        "indicator": f.indicator.id,
        "name": f.indicator.name,
        "label": "" if under_zone else f.indicator.name,
        "park": f.park or "",
        "park_name": names.get(f.park, f.park) if f.park else "",
        "tier": labels.tier(t.tier),
        "kind": t.kind,
        "target": (f"{t.year}年 " if f.path or t.year != result.year else "")
        + target_text(t, f, names),
        "target_value": fmt_number(target_value(t, f.park)),
        "target_high": fmt_number(t.high) if t.high is not None else "",
        "actual": actual_text(f),
        "actual_value": fmt_number(f.actual) if f.actual is not None else "",
        "unit": units.display(f.actual_unit) if f.actual_unit else "",
        "completion": fmt_ratio(f.completion) if f.completion is not None else "",
        "elapsed": fmt_ratio(f.elapsed) if f.elapsed is not None else "",
        "ahead_text": fmt_signed(f.ahead, 1) + "个百分点" if f.ahead is not None else "",
        "ahead": fmt_number(f.ahead) if f.ahead is not None else "",
        "needed": fmt_percent(f.needed, 1) if f.needed is not None else "",
        "yoy": fmt_signed(f.yoy, 1) + "%" if f.yoy is not None else "",
        "rest_text": fmt_quantity(round(f.rest, 2), f.actual_unit) if f.rest is not None else "",
        "rest": fmt_number(f.rest) if f.rest is not None else "",
        "pace_text": _pace(f),
        "pace_needed": fmt_number(f.pace_needed) if f.pace_needed is not None else "",
        "pace_so_far": fmt_number(f.pace_so_far) if f.pace_so_far is not None else "",
        "schedule_text": SCHEDULE_WORDS.get(f.schedule, ""),
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
    return fmt_signed(value) + units.spacer(unit) + per_year_unit(unit)


def per_year_unit(unit: str) -> str:
    """The unit of an amount a year on a linear path: 个百分点 for a percentage, else the unit."""
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
    what = "年目标" if p.base_from == "target" else "年"
    return {
        "path_base": f"{fmt_quantity(p.base, unit)} ({p.base_year}{what})",
        "path_point": "" if starts_here(f) else fmt_quantity(round(p.expected, 2), unit),
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
        footer += [f"背景 (不考核) context: {c}" for c in context_texts(r)]
        footer.append(summary_line(r))
    columns = CHECK_COLUMNS
    if len(results) > 1:  # rows of several plans: say which plan each is from
        columns = [c._replace(display=True) if c.key == "plan" else c for c in columns]
    titles = [
        f"{r.plan.title} {r.span.label}" + (f" · {r.plan.park(r.park).name}" if r.park else "")
        for r in results
    ]
    return Table("; ".join(titles), columns, rows, footer, statuses)


def context_of(r: PlanResult) -> list[Context]:
    """The plan's context figures for the year checked (and the park, with --park)."""
    return [
        c
        for c in r.plan.context
        if c.year in (None, r.year) and (r.park is None or c.park in (None, r.park))
    ]


def context_texts(r: PlanResult) -> list[str]:
    """Context figures as a report states them: 计划总投资 505亿元 (67个), never a verdict."""
    names = r.names
    out = []
    for c in context_of(r):
        where = f"{names.get(c.park, c.park)} " if c.park else ""
        number = f" ({fmt_quantity(c.number, c.number_unit)})" if c.number is not None else ""
        out.append(f"{where}{c.name} {fmt_quantity(c.value, c.unit)}{number}")
    return out


def summary_line(r: PlanResult) -> str:
    counts = [
        f"{labels.status(s)} {s.value.replace('_', ' ')} {r.count(s)}"
        for s in Status
        if r.count(s) or s in (Status.MET, Status.MISSED, Status.NO_DATA)
    ]
    stretch = [
        f"{labels.status(s)} {s.value.replace('_', ' ')} {r.stretch_count(s)}"
        for s in Status
        if r.stretch_count(s)
    ]
    tail = f"; 力争 stretch: {', '.join(stretch)}" if stretch else ""
    return f"{r.plan.file}: {r.span.label} " + ", ".join(counts) + tail
