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
from .labels import w
from .numbers import fmt_number, fmt_ratio, to_json_number
from .table import Column, Table
from .targets import actual_text, target_text, target_value

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _title(r: Ranking, what: str) -> str:
    return f"{r.plan.title} {w(what)} {labels.period(r.period)}"


def _unit_word(r: Ranking) -> str:
    return w("rank.department" if r.scheme.units == "departments" else "rank.park")


def _pts(value: Decimal) -> str:
    return format(value, "f")


def _completion(s: Score) -> str:
    if s.completion is None:
        return ""
    if s.completion.is_infinite():
        return "∞"
    return fmt_ratio(s.completion)


def _names(r: Ranking) -> dict[str, str]:
    return labels.park_names(r.plan.parks)


def _unit_name(r: Ranking, st: Standing) -> str:
    """A unit's name as the report shows it: a park's in the report's language."""
    park = next((p for p in r.plan.parks if p.id == st.unit), None)
    return labels.name(park) if park is not None else st.name


def _coefficients_shown(r: Ranking) -> bool:
    return any(s.coefficient != 1 for s in r.standings)


def _footer(r: Ranking) -> list[str]:
    lines = []
    if r.elapsed is not None:
        lines.append(w("rank.elapsed", elapsed=fmt_ratio(r.elapsed, 2)))
    missing = r.scheme.missing
    lines.append(w("rank.rules", missing=fmt_ratio(missing, 0), places=r.scheme.precision))
    if r.scheme.note:
        lines.append(r.scheme.note.strip())
    return lines


def rank_table(r: Ranking) -> Table:
    word = _unit_word(r)
    columns = [
        Column("rank", w("col.rank.rank"), numeric=True),
        Column("unit", w("col.rank.unit", unit=word), display=False),
        Column("name", word),
        Column("points", w("col.rank.points"), numeric=True),
        Column(
            "coefficient", w("col.rank.coefficient"), numeric=True, display=_coefficients_shown(r)
        ),
        Column("total", w("col.rank.total"), numeric=True),
        Column("full", w("col.rank.full"), numeric=True),
        Column("missing", w("col.rank.missing"), numeric=True),
        Column("missing_items", w("col.rank.missing_items")),
    ]
    rows = [
        {
            "rank": str(s.rank),
            "unit": s.unit,
            "name": _unit_name(r, s),
            "points": _pts(s.points),
            "coefficient": fmt_number(s.coefficient),
            "total": _pts(s.total),
            "full": fmt_number(s.full),
            "missing": str(len(s.missing)),
            "missing_items": labels.join([labels.name(m.indicator) for m in s.missing]),
        }
        for s in r.standings
    ]
    return Table(_title(r, "rank.title"), columns, rows, _footer(r), empty=w("no_targets"))


def _long_columns(word: str) -> list[Column]:
    return [
        Column("rank", w("col.rank.rank"), numeric=True),
        Column("unit", w("col.rank.unit", unit=word), display=False),
        Column("unit_name", word),
        *[
            Column(key, w(f"col.rank.{key}"), numeric=num, display=shown, machine=machine)
            for key, num, shown, machine in _LONG
        ],
    ]


# (key, numeric, display, machine); the header is the catalogue's col.rank.KEY
_LONG = [
    ("group", False, False, True),
    ("indicator", False, False, True),
    ("indicator_name", False, True, True),
    ("weight", True, True, True),
    ("rule", False, False, True),
    ("rule_ref", False, True, False),
    ("target", False, True, True),
    ("target_value", True, False, True),
    ("actual", True, True, False),
    ("actual_value", True, False, True),
    ("measure_unit", False, False, True),
    ("completion", True, True, True),
    ("points", True, True, True),
    ("status", False, False, True),
    ("notes", False, True, True),
    ("unit_points", True, False, True),
    ("coefficient", True, False, True),
    ("unit_total", True, False, True),
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
            rows.append(_long_row(r, st, s, marks, human and not first))
            first = False
        if human:
            rows.append(
                {
                    "indicator_name": w("rank.subtotal"),
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
    r: Ranking, st: Standing, s: Score, marks: dict[str, str], blank: bool
) -> dict[str, str]:
    f = s.finding
    text, value = _target(s, _names(r))
    ind = s.indicator
    unit = f.actual_unit if f is not None else ind.unit
    rule = rule_text(s.item.rule)
    return {
        "rank": "" if blank else str(st.rank),
        "unit": st.unit,
        "unit_name": "" if blank else _unit_name(r, st),
        "group": ind.group or "",
        "indicator": ind.id,
        "indicator_name": labels.name(ind),
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
    legend = [w("rank.legend", rules="; ".join(f"{m} {text}" for text, m in marks.items()))]
    if human and r.scheme.units == "parks":
        return _matrix(r, marks, legend)
    return Table(
        _title(r, "rank.explain_title"),
        _long_columns(_unit_word(r)),
        _long_rows(r, human),
        legend + _footer(r),
        empty=w("no_targets"),
    )


def _matrix(r: Ranking, marks: dict[str, str], legend: list[str]) -> Table:
    columns = [
        Column("indicator_name", w("col.rank.indicator_name")),
        Column("weight", w("col.rank.weight"), numeric=True),
        Column("rule_ref", w("col.rank.rule_ref")),
    ]
    columns += [Column(st.unit, _unit_name(r, st), numeric=True) for st in r.standings]
    rows = []
    for n, item in enumerate(r.scheme.items):
        ind = r.plan.indicator(item.indicator)
        row = {
            "indicator_name": labels.name(ind),
            "weight": fmt_number(item.weight),
            "rule_ref": marks[rule_text(item.rule)],
        }
        for st in r.standings:
            s = st.scores[n]
            if s.target is None:
                row[st.unit] = "—"
            elif s.missing:
                row[st.unit] = f"{_pts(s.points)} ({labels.status('no_data')})"
            else:
                row[st.unit] = f"{_pts(s.points)} ({_completion(s)})"
        rows.append(row)
    points = w("col.rank.points")
    foot: list[tuple[str, Any]] = [(points, lambda st: _pts(st.points))]
    if _coefficients_shown(r):
        foot.append((w("col.rank.coefficient"), lambda st: fmt_number(st.coefficient)))
    foot += [
        (w("col.rank.total"), lambda st: _pts(st.total)),
        (w("col.rank.rank"), lambda st: str(st.rank)),
    ]
    total_weight = sum((i.weight for i in r.scheme.items), Decimal(0))
    for label, get in foot:
        row = {
            "indicator_name": label,
            "weight": fmt_number(total_weight) if label == points else "",
        }
        row.update({st.unit: get(st) for st in r.standings})
        rows.append(row)
    legend = [*legend, w("rank.cells")]
    return Table(_title(r, "rank.matrix_title"), columns, rows, legend + _footer(r))


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
        text = w("rank.s_total", rank=st.rank, name=_unit_name(r, st), total=_pts(st.total))
        if st.coefficient != 1:
            text += w("rank.s_coefficient", points=_pts(st.points), k=fmt_number(st.coefficient))
        text += w("rank.s_full", full=fmt_number(st.full))
        best = [s for s in st.scores if s.target is not None and not s.missing]
        lost = max(best, key=lambda s: s.item.weight - s.points, default=None)
        if lost is not None and lost.points < lost.item.weight:
            text += w(
                "rank.s_lost",
                name=labels.name(lost.indicator),
                points=_pts(lost.points),
                weight=fmt_number(lost.item.weight),
            )
        if st.missing:
            missing = labels.join([labels.name(m.indicator) for m in st.missing])
            text += w("rank.s_missing", names=missing)
        lines.append(text + w("stop"))
    return [(_title(r, "rank.title"), lines + _footer(r))]


def rule_text(rule: Rule) -> str:
    """A scoring rule in the words of an assessment table (比例计分, 封顶120%)."""
    if rule.per is not None:
        step = w("rank.rule_step_per", per=labels.quantity(rule.per, rule.per_unit))
    else:
        step = w("rank.rule_step_point")
    if rule.kind == "proportional":
        return w("rank.rule_proportional", cap=_pct(rule.cap))
    if rule.kind == "all_or_nothing":
        return w("rank.rule_all_or_nothing")
    if rule.kind == "bands":
        parts = [w("rank.rule_band", low=_pct(low), share=_pct(share)) for low, share in rule.bands]
        return w("rank.rule_bands", bands=", ".join(parts))
    if rule.kind == "anchored":
        return w(
            "rank.rule_anchored",
            at=_pct(rule.at_target),
            step=step,
            points=fmt_number(rule.points),
            floor=_pct(rule.floor),
            cap=_pct(rule.cap),
        )
    whole = w("rank.rule_whole_steps") if rule.whole_steps else ""
    return w(
        "rank.rule_deduct",
        step=step,
        points=fmt_number(rule.points),
        whole=whole,
        floor=_pct(rule.floor),
    )


def _pct(share: Decimal) -> str:
    return fmt_ratio(share, 2).replace(".00%", "%")
