"""Shaping a `Comparison` for output: one table (targets, then figures by park) and JSON."""

from __future__ import annotations

from typing import Any

from ..core.compare import ActualChange, Comparison, TargetChange
from ..model import units
from ..version import __version__
from . import labels
from .labels import quantity, w
from .numbers import fmt_number, fmt_ratio, fmt_signed, to_json_number
from .table import Column, Table
from .targets import target_text, target_words

# (key, numeric, display, machine, codes in words); the header is the catalogue's col.compare.KEY
_COLUMNS = [
    ("indicator", False, False, True, False),
    ("name", False, True, True, False),
    ("park", False, False, True, False),
    ("park_name", False, True, True, False),
    ("tier", False, True, True, False),
    ("old_target", False, True, True, False),
    ("new_target", False, True, True, False),
    ("change_text", True, True, False, False),
    ("change", True, False, True, False),
    ("change_unit", False, False, True, False),
    ("relative", True, True, True, False),
    ("change_status", False, True, True, True),
    ("old_actual", True, True, False, False),
    ("old_value", True, False, True, False),
    ("new_actual", True, True, False, False),
    ("new_value", True, False, True, False),
    ("unit", False, False, True, False),
    ("growth_text", True, True, False, False),
    ("growth", True, False, True, False),
    ("growth_unit", False, False, True, False),
]


def compare_columns() -> list[Column]:
    """The columns of `compare`'s table, headed in the report's language."""
    return [
        Column(
            key,
            w(f"col.compare.{key}"),
            numeric=num,
            display=shown,
            machine=machine,
            labels=labels.change_words() if codes else None,
        )
        for key, num, shown, machine, codes in _COLUMNS
    ]


def _target_cells(c: TargetChange, names: dict[str, str]) -> dict[str, str]:
    t = c.new or c.old
    assert t is not None
    amount = quantity(c.amount, c.unit, signed=True)
    return {
        "tier": labels.tier(t.tier),
        "old_target": target_text(c.old, None, names) if c.old else "",
        "new_target": target_text(c.new, None, names) if c.new else "",
        "change_text": amount,
        "change": fmt_number(c.amount) if c.amount is not None else "",
        "change_unit": units.display(c.unit) if c.amount is not None else "",
        "relative": fmt_ratio(c.relative) if c.relative is not None else "",
        "change_status": c.change,
    }


def _actual_cells(a: ActualChange) -> dict[str, str]:
    unit = a.indicator.unit
    growth = ""
    if a.growth is not None:
        growth = quantity(a.growth, "percent" if a.unit == "percent" else "百分点", signed=True)
    elif a.notes:
        growth = w("compare.not_computed")  # the reason is under the table
    return {
        "old_actual": quantity(a.old.value, unit, rounded=True),
        "old_value": fmt_number(a.old.value) if a.old.value is not None else "",
        "new_actual": quantity(a.new.value, unit, rounded=True),
        "new_value": fmt_number(a.new.value) if a.new.value is not None else "",
        "unit": units.display(unit),
        "growth_text": growth,
        "growth": fmt_number(a.growth) if a.growth is not None else "",
        "growth_unit": ("%" if a.unit == "percent" else "百分点") if a.growth is not None else "",
    }


def compare_table(c: Comparison) -> Table:
    names = labels.park_names((*c.old.parks, *c.new.parks))
    rows: list[dict[str, str]] = []
    for o, n in c.pairs:
        ind = n or o
        assert ind is not None
        changes = [t for t in c.targets if t.indicator is ind]
        actuals = [a for a in c.actuals if a.indicator is ind]
        zone = next((a for a in actuals if a.park is None), None)
        base = {"indicator": ind.id, "name": labels.name(ind), "park": "", "park_name": ""}
        for k, change in enumerate(changes or [None]):
            row = dict(base)
            if change is not None:
                row.update(_target_cells(change, names))
            if k == 0 and zone is not None:
                row.update(_actual_cells(zone))
            if change is not None or zone is not None:
                rows.append(row)
        for a in actuals:
            if a.park is not None:
                rows.append(
                    {
                        **base,
                        "park": a.park,
                        "park_name": names.get(a.park, a.park),
                        **_actual_cells(a),
                    }
                )
    counts = {k: sum(1 for t in c.targets if t.change == k) for k in labels.CHANGE}
    footer = [
        f"{c.old.file} ({c.old.year}) → {c.new.file} ({c.new.year}): "
        + ", ".join(
            w("compare.count", change=labels.change(k), n=v) for k, v in counts.items() if v
        )
    ]
    footer += [
        f"{labels.name(a.indicator)}{f' ({names.get(a.park, a.park)})' if a.park else ''}: "
        + "; ".join(labels.notes(a.notes, names))
        for a in c.actuals
        if a.notes
    ]
    title = f"{c.old.title} → {c.new.title}"
    return Table(title, compare_columns(), rows, footer, [""] * len(rows), w("no_targets"))


def compare_json(c: Comparison) -> dict[str, Any]:
    names = {p.id: p.name for p in (*c.old.parks, *c.new.parks)}
    num = to_json_number

    def target(t: Any) -> dict[str, Any] | None:
        if t is None:
            return None
        return {
            "year": t.year,
            "kind": t.kind,
            "text": target_text(t, None, names),
            "value": num(t.value),
            "unit": units.display(t.unit),
        }

    return {
        "zonekpi": __version__,
        "report": "compare",
        "old": {"file": c.old.file, "plan": c.old.id, "year": c.old.year},
        "new": {"file": c.new.file, "plan": c.new.id, "year": c.new.year},
        "targets": [
            {
                "indicator": t.indicator.id,
                "name": t.indicator.name,
                "park": (t.new or t.old).park,  # type: ignore[union-attr]
                "tier": (t.new or t.old).tier,  # type: ignore[union-attr]
                "change": t.change,
                "old": target(t.old),
                "new": target(t.new),
                "amount": num(t.amount),
                "unit": units.display(t.unit) if t.amount is not None else None,
                "relative": num(t.relative),
                "easier": t.easier,
            }
            for t in c.targets
        ],
        "actuals": [
            {
                "indicator": a.indicator.id,
                "name": a.indicator.name,
                "park": a.park,
                "unit": units.display(a.indicator.unit),
                "old": num(a.old.value),
                "new": num(a.new.value),
                "growth": num(a.growth),
                "growth_unit": "%" if a.unit == "percent" else "百分点",
                "notes": labels.notes(a.notes, names),
            }
            for a in c.actuals
        ],
    }


def compare_sentences(c: Comparison) -> list[tuple[str, list[str]]]:
    """One sentence per indicator: how its target changed, and how its figure grew."""
    names = labels.park_names((*c.old.parks, *c.new.parks))
    lines = []
    for o, n in c.pairs:
        ind = n or o
        assert ind is not None
        parts = [_target_words(t, names) for t in c.targets if t.indicator is ind]
        zone = next((a for a in c.actuals if a.indicator is ind and a.park is None), None)
        if zone is not None and zone.old.value is not None and zone.new.value is not None:
            was = quantity(zone.old.value, ind.unit, rounded=True)
            now = quantity(zone.new.value, ind.unit, rounded=True)
            if zone.growth is not None and zone.old.value == zone.new.value:
                parts.append(w("compare.s_same", new=now))
            elif zone.growth is not None and zone.unit == "percent":
                key = "compare.s_grew" if zone.growth >= 0 else "compare.s_fell"
                by = f"{fmt_number(abs(zone.growth), 1)}%"  # 同比增长7.8%: rates to the tenth
                parts.append(w(key, old=was, new=now, by=by))
            elif zone.growth is not None:
                key = "compare.s_rose_pp" if zone.growth >= 0 else "compare.s_fell_pp"
                by = labels.points(abs(zone.growth), 2)
                parts.append(w(key, old=was, new=now, by=by))
            elif zone.notes:
                parts.append(w("compare.s_no_growth", old=was, new=now))
        if parts:
            lines.append(w("compare.s_line", name=labels.name(ind), parts="; ".join(parts)))
    return [(f"{c.old.title} → {c.new.title}", lines)]


def _target_words(t: TargetChange, names: dict[str, str]) -> str:
    """How one target changed, in a sentence: 目标由95家提高到110家 (+15家, +15.8%)."""
    old = target_words(t.old, None, names) if t.old else ""
    new = target_words(t.new, None, names) if t.new else ""
    if t.change == "added":
        return w("compare.s_added", new=new)
    if t.change == "dropped":
        return w("compare.s_dropped", old=old)
    if t.change == "unchanged":
        return w("compare.s_unchanged", new=new)
    if t.change in ("raised", "lowered") and t.amount is not None:
        by = quantity(t.amount, t.unit, signed=True)
        rel = f", {fmt_signed(t.relative * 100, 1)}%" if t.relative is not None else ""
        key = "compare.s_raised" if t.change == "raised" else "compare.s_lowered"
        return w(key, old=old, new=new, by=f"{by}{rel}")
    return w("compare.s_changed", old=old, new=new)
