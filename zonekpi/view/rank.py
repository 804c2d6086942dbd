"""Shaping a Ranking for output (`zonekpi rank`): the league table, the explanation, JSON.

- `rank_table`: one row per unit, best first: 名次, 得分, 价值系数, 总分, 满分, items without data.
- `explain_table`: every item's points with the completion they came from. Human formats get,
  for parks, a matrix (indicators down, parks across in rank order, "8.50 (85.0%)" cells, the
  totals and ranks at the foot); for departments, and in CSV/TSV always, one row per unit and
  item, so that a spreadsheet can redo every sum.
- `rank_json`: the whole ranking; `rank_sentences`: one sentence per unit.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.assess import Ranking, Score, Standing
from ..model import units
from ..model.scheme import Rule
from ..version import __version__
from . import labels
from .numbers import fmt_number, fmt_ratio, to_json_number
from .table import Column, Table
from .targets import actual_text, target_text, target_value

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _title(r: Ranking, what: str) -> str:
    return f"{r.plan.title} {what} {r.period.label}"


def _unit_word(r: Ranking) -> str:
    return "部门" if r.scheme.units == "departments" else "园区"


def _pts(value: Decimal) -> str:
    return format(value, "f")


def _completion(s: Score) -> str:
    if s.completion is None:
        return ""
    if s.completion.is_infinite():
        return "∞"
    return fmt_ratio(s.completion)


def _names(r: Ranking) -> dict[str, str]:
    return {p.id: p.name for p in r.plan.parks}


def _coefficients_shown(r: Ranking) -> bool:
    return any(s.coefficient != 1 for s in r.standings)


def _footer(r: Ranking) -> list[str]:
    lines = []
    if r.elapsed is not None:
        lines.append(
            f"序时进度 {fmt_ratio(r.elapsed, 2)}: 累计类指标按序时目标 (年度目标 × 序时进度) 计分; "
            "存量、比重、增速按年度目标"
        )
    missing = r.scheme.missing
    lines.append(
        f"无数据的项目得分值的 {fmt_ratio(missing, 0)}, 并在说明中标出; 名次按总分 (保留"
        f"{r.scheme.precision}位小数) 排列, 同分同名次"
    )
    if r.scheme.note:
        lines.append(r.scheme.note.strip())
    return lines


def rank_table(r: Ranking) -> Table:
    word = _unit_word(r)
    columns = [
        Column("rank", "名次", numeric=True),
        Column("unit", f"{word}代码", display=False),
        Column("name", word),
        Column("points", "得分", numeric=True),
        Column("coefficient", "价值系数", numeric=True, display=_coefficients_shown(r)),
        Column("total", "总分", numeric=True),
        Column("full", "满分", numeric=True),
        Column("missing", "无数据项", numeric=True),
        Column("missing_items", "无数据指标"),
    ]
    rows = [
        {
            "rank": str(s.rank),
            "unit": s.unit,
            "name": s.name,
            "points": _pts(s.points),
            "coefficient": fmt_number(s.coefficient),
            "total": _pts(s.total),
            "full": fmt_number(s.full),
            "missing": str(len(s.missing)),
            "missing_items": "、".join(m.indicator.name for m in s.missing),
        }
        for s in r.standings
    ]
    return Table(_title(r, "考核排名"), columns, rows, _footer(r))


def _long_columns(word: str) -> list[Column]:
    return [
        Column("rank", "名次", numeric=True),
        Column("unit", f"{word}代码", display=False),
        Column("unit_name", word),
        *LONG_COLUMNS,
    ]


LONG_COLUMNS = [
    Column("group", "指标组", display=False),
    Column("indicator", "指标代码", display=False),
    Column("indicator_name", "指标"),
    Column("weight", "分值", numeric=True),
    Column("rule", "规则", display=False),
    Column("rule_ref", "规则", machine=False),
    Column("target", "目标"),
    Column("target_value", "目标值", numeric=True, display=False),
    Column("actual", "实际", numeric=True, machine=False),
    Column("actual_value", "实际值", numeric=True, display=False),
    Column("measure_unit", "单位", display=False),
    Column("completion", "完成率", numeric=True),
    Column("points", "得分", numeric=True),
    Column("status", "状态", display=False),
    Column("notes", "说明"),
    Column("unit_points", "单位得分", numeric=True, display=False),
    Column("coefficient", "价值系数", numeric=True, display=False),
    Column("unit_total", "单位总分", numeric=True, display=False),
]


def _rules(r: Ranking) -> dict[str, str]:
    """Each rule text used, with its mark (①, ②…), in the order first used."""
    marks: dict[str, str] = {}
    for item in r.scheme.items:
        text = rule_text(item.rule)
        if text not in marks:
            n = len(marks)
            marks[text] = CIRCLED[n] if n < len(CIRCLED) else f"({n + 1})"
    return marks


def _long_rows(r: Ranking, human: bool) -> list[dict[str, str]]:
    marks = _rules(r)
    rows = []
    for st in r.standings:
        first = True
        for s in st.scores:
            if s.target is None:
                continue
            rows.append(_long_row(st, s, marks, human and not first, _names(r)))
            first = False
        if human:
            rows.append(
                {
                    "indicator_name": "小计 subtotal",
                    "weight": fmt_number(st.full),
                    "points": _pts(st.points)
                    + (
                        f" × {fmt_number(st.coefficient)} = {_pts(st.total)}"
                        if st.coefficient != 1
                        else ""
                    ),
                }
            )
    return rows


def _long_row(
    st: Standing, s: Score, marks: dict[str, str], blank: bool, names: dict[str, str]
) -> dict[str, str]:
    f = s.finding
    text, value = _target(s, names)
    ind = s.indicator
    unit = f.actual_unit if f is not None else ind.unit
    rule = rule_text(s.item.rule)
    return {
        "rank": "" if blank else str(st.rank),
        "unit": st.unit,
        "unit_name": "" if blank else st.name,
        "group": ind.group or "",
        "indicator": ind.id,
        "indicator_name": ind.name,
        "weight": fmt_number(s.item.weight),
        "rule": rule,
        "rule_ref": marks[rule],
        "target": text,
        "target_value": fmt_number(value),
        "actual": actual_text(f) if f is not None else "",
        "actual_value": fmt_number(f.actual) if f is not None and f.actual is not None else "",
        "measure_unit": units.display(unit) if unit else "",
        "completion": _completion(s),
        "points": _pts(s.points),
        "status": s.status.value,
        "notes": "; ".join(labels.notes((*s.notes, *((s.item.note,) if s.item.note else ())))),
        "unit_points": _pts(st.points),
        "coefficient": fmt_number(st.coefficient),
        "unit_total": _pts(st.total),
    }


def _target(s: Score, names: dict[str, str]) -> tuple[str, Decimal | None]:
    """What the unit is held to on a scored item, as text and as a number (its share of an
    allocation, pro rata during the year)."""
    assert s.scaled is not None and s.finding is not None
    return target_text(s.scaled, s.finding, names), target_value(s.scaled, s.finding.park)


def explain_table(r: Ranking, human: bool) -> Table:
    """Every item's points: a matrix for parks on screen, else one row per unit and item."""
    marks = _rules(r)
    legend = ["规则 rules: " + "; ".join(f"{m} {text}" for text, m in marks.items())]
    if human and r.scheme.units == "parks":
        return _matrix(r, marks, legend)
    return Table(
        _title(r, "考核得分明细"),
        _long_columns(_unit_word(r)),
        _long_rows(r, human),
        legend + _footer(r),
    )


def _matrix(r: Ranking, marks: dict[str, str], legend: list[str]) -> Table:
    columns = [
        Column("indicator_name", "指标"),
        Column("weight", "分值", numeric=True),
        Column("rule_ref", "规则"),
    ]
    columns += [Column(st.unit, f"{st.name}", numeric=True) for st in r.standings]
    rows = []
    for n, item in enumerate(r.scheme.items):
        ind = r.plan.indicator(item.indicator)
        row = {
            "indicator_name": ind.name,
            "weight": fmt_number(item.weight),
            "rule_ref": marks[rule_text(item.rule)],
        }
        for st in r.standings:
            s = st.scores[n]
            if s.target is None:
                row[st.unit] = "—"
            elif s.missing:
                row[st.unit] = f"{_pts(s.points)} (无数据)"
            else:
                row[st.unit] = f"{_pts(s.points)} ({_completion(s)})"
        rows.append(row)
    foot: list[tuple[str, Any]] = [("得分", lambda st: _pts(st.points))]
    if _coefficients_shown(r):
        foot.append(("价值系数", lambda st: fmt_number(st.coefficient)))
    foot += [("总分", lambda st: _pts(st.total)), ("名次", lambda st: str(st.rank))]
    total_weight = sum((i.weight for i in r.scheme.items), Decimal(0))
    for label, get in foot:
        row = {
            "indicator_name": label,
            "weight": fmt_number(total_weight) if label == "得分" else "",
        }
        row.update({st.unit: get(st) for st in r.standings})
        rows.append(row)
    legend = [
        *legend,
        "单元格: 得分 (完成率) points (completion); — 不考核 not scored for this park",
    ]
    return Table(_title(r, "考核得分"), columns, rows, legend + _footer(r))


def rank_json(r: Ranking) -> dict[str, Any]:
    scheme = r.scheme
    return {
        "zonekpi": __version__,
        "plan": r.plan.id,
        "title": r.plan.title,
        "file": r.plan.file,
        "period": str(r.period),
        "elapsed": to_json_number(r.elapsed),
        "units": scheme.units,
        "missing_share": to_json_number(scheme.missing),
        "precision": scheme.precision,
        "note": scheme.note,
        "ranking": [_standing_json(st, scheme.precision, _names(r)) for st in r.standings],
        "warnings": labels.notes(r.warnings),
    }


def _standing_json(st: Standing, places: int, names: dict[str, str]) -> dict[str, Any]:
    return {
        "rank": st.rank,
        "unit": st.unit,
        "name": st.name,
        "points": to_json_number(st.points, places),
        "coefficient": to_json_number(st.coefficient),
        "total": to_json_number(st.total, places),
        "full": to_json_number(st.full),
        "missing": [s.indicator.id for s in st.missing],
        "items": [_score_json(s, places, names) for s in st.scores if s.target is not None],
    }


def _score_json(s: Score, places: int, names: dict[str, str]) -> dict[str, Any]:
    f = s.finding
    done = s.completion
    text, value = _target(s, names)
    return {
        "indicator": s.indicator.id,
        "name": s.indicator.name,
        "group": s.indicator.group,
        "weight": to_json_number(s.item.weight),
        "rule": s.item.rule.kind,
        "rule_text": rule_text(s.item.rule),
        "target": text,
        "target_value": to_json_number(value),
        "actual": to_json_number(f.actual) if f is not None else None,
        "unit": (f.actual_unit if f is not None else s.indicator.unit) or None,
        "completion": None if done is None or done.is_infinite() else to_json_number(done),
        "points": to_json_number(s.points, places),
        "status": s.status.value,
        "notes": labels.notes((*s.notes, *((s.item.note,) if s.item.note else ()))),
    }


def rank_sentences(r: Ranking) -> list[tuple[str, list[str]]]:
    lines = []
    for st in r.standings:
        text = f"第{st.rank}名 {st.name}: 总分{_pts(st.total)}"
        if st.coefficient != 1:
            text += f" (得分{_pts(st.points)} × 价值系数{fmt_number(st.coefficient)})"
        text += f", 满分{fmt_number(st.full)}"
        best = [s for s in st.scores if s.target is not None and not s.missing]
        lost = max(best, key=lambda s: s.item.weight - s.points, default=None)
        if lost is not None and lost.points < lost.item.weight:
            text += (
                f"; 失分最多的是{lost.indicator.name} "
                f"({_pts(lost.points)}/{fmt_number(lost.item.weight)}分)"
            )
        if st.missing:
            text += "; 无数据: " + "、".join(m.indicator.name for m in st.missing)
        lines.append(text + "。")
    return [(_title(r, "考核排名"), lines + _footer(r))]


def rule_text(rule: Rule) -> str:
    """A scoring rule in the words of an assessment table (比例计分, 封顶120%)."""
    step = f"每{rule.per_text}" if rule.per is not None else "完成率每1个百分点"
    if rule.kind == "proportional":
        return f"按完成率计分, 封顶{_pct(rule.cap)}"
    if rule.kind == "all_or_nothing":
        return "达标得满分, 否则0分"
    if rule.kind == "bands":
        parts = [f"≥{_pct(low)}得{_pct(share)}" for low, share in rule.bands]
        return "分档: " + ", ".join(parts) + ", 以下0分"
    if rule.kind == "anchored":
        return (
            f"达标得{_pct(rule.at_target)}, {step}±{fmt_number(rule.points)}分, "
            f"{_pct(rule.floor)}–{_pct(rule.cap)}"
        )
    whole = " (不足一步按一步计)" if rule.whole_steps else ""
    return f"达标得满分, {step}不足扣{fmt_number(rule.points)}分{whole}, 最低{_pct(rule.floor)}"


def _pct(share: Decimal) -> str:
    return fmt_ratio(share, 2).replace(".00%", "%")
