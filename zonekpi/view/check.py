"""Shaping results for output: rows of display text, and the JSON document.

Renderers receive a `Table` (column keys, headers, rows of strings) or, for JSON, the dict made
by `to_json()`; they never look into the model. Column keys are stable: scripts read CSV and
JSON by them. Display formats show Chinese headers and drop columns that are empty throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .. import __version__, kinds
from ..model import units
from ..model.periods import parse_deadline
from ..model.plan import Context, Plan, Target
from ..model.results import Actual, Finding, Note, PlanResult, Status
from ..model.units import SHARE_FRACTION, fmt_quantity
from . import labels
from .numbers import fmt_number, fmt_percent, fmt_ratio, fmt_signed, to_json_number
from .table import Column, Table

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


def target_text(
    t: Target, finding: Finding | None = None, park_names: dict[str, str] | None = None
) -> str:
    """A target as a report shows it: ≥ 95 家, 增长 ≥ 8%, 3–4 家, 全覆盖 — in the words of its
    kind's family (`Kind.family` is the key of `TARGET_FORMS`)."""
    kind = kinds.get(t.kind)
    text = TARGET_FORMS[kind.family](kind, t, finding, park_names or {})
    if t.due is not None:  # 限上半年, 限2018-06-30; an event: 限河洛文化旅游节前
        event = parse_deadline(t.due_text, t.year) is None
        text += f" (限{t.due_text}{'前' if event else ''})"
    return text


Form = Callable[[kinds.Kind, Target, "Finding | None", dict[str, str]], str]


def _level(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if kind.symbol and SHARE_FRACTION.fullmatch(t.text):  # ≥ 2/3, as the document writes it
        return f"{kind.symbol} {t.text}"
    if kind.symbol:
        return f"{kind.symbol} {fmt_quantity(t.value, t.unit)}"
    if t.tolerance is not None:  # 左右
        tolerance_unit = "百分点" if t.unit == "percent" else t.unit
        return f"{fmt_quantity(t.value, t.unit)} ± {fmt_quantity(t.tolerance, tolerance_unit)}"
    band = " (区间)" if t.two_sided else ""
    return f"{fmt_number(t.value)}–{fmt_quantity(t.high, t.unit)}{band}"  # a range


def _rate(verb: str) -> Form:
    def form(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
        sign = "≤" if f is not None and kind.lower(t, f.indicator) else "≥"
        return f"{verb} {sign} {fmt_quantity(t.value, t.unit)}"

    return form


def _coverage(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if t.parks is None:
        return "全覆盖"
    return "覆盖 " + "、".join(names.get(p, p) for p in t.parks)


def _per_park(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if f is not None and f.park is not None:
        return f"≥ {fmt_quantity(t.value, t.unit)} (各园区)"
    return f"各园区 ≥ {fmt_quantity(t.value, t.unit)}"


def _allocation(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if f is not None and f.park is not None:
        return f"≥ {fmt_quantity(kind.threshold(t, f.park), t.unit)} (分解)"
    return "分解: " + "、".join(f"{names.get(p, p)}{fmt_quantity(s, t.unit)}" for p, s in t.shares)


def _achieved(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    return "实现"


TARGET_FORMS: dict[str, Form] = {
    "achieved": _achieved,
    "level": _level,
    "growth": _rate("增长"),
    "increase": _rate("提高"),
    "coverage": _coverage,
    "per_park": _per_park,
    "allocation": _allocation,
}


def target_value(t: Target, park: str | None) -> Decimal | None:
    """The threshold a row is judged against: an allocation's share for a park, the sum of
    the shares for the zone; otherwise the target's value."""
    return kinds.get(t.kind).threshold(t, park)


# The schedule a row's 序时 was measured by, said where it is not the plain N/12 (or days).
SCHEDULE_WORDS = {"seasonal": "去年同期进度", "deadline": "按期限"}


def _pace(f: Finding) -> str:
    """月均需完成 / 已月均完成: 0.09 / 0.05亿美元."""
    if f.pace_needed is None or f.pace_so_far is None:
        return ""
    unit = f.actual_unit
    return f"{fmt_number(round(f.pace_needed, 2))} / {fmt_quantity(round(f.pace_so_far, 2), unit)}"


def status_text(f: Finding) -> str:
    """A row's verdict in words: 达标, 未达标, 逾期未完成…; a strict target (突破, 超过) reached
    exactly is 未突破, not a 未达标 beside a completion of 100%; a stretch tier (力争) beside its
    floor says it is the stretch that was or was not reached."""
    if f.status is Status.MISSED and kinds.get(f.target.kind).strict and f.gap == 0:
        words = "未突破"
    else:
        words = labels.status(f.status)
    return words if f.decides else f"力争{words}"


def actual_text(f: Finding) -> str:
    """The actual as a report shows it: 92家, 3.2%, 是/否 for a park's coverage, 4/5 园区 for
    the zone's row of a target every park must meet."""
    if f.basis == "parks" and f.actual is not None:
        return f"{f.actual}/{len(f.parks)} 园区"
    if f.park is not None and kinds.get(f.target.kind).yes_no:
        return "" if f.actual is None else "是" if f.status is Status.MET else "否"
    return fmt_quantity(f.actual, f.actual_unit)


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
