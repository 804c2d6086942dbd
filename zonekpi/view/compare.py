"""Shaping a `Comparison` for output: one table (targets, then figures by park) and JSON."""

from __future__ import annotations

from typing import Any

from ..core.compare import ActualChange, Comparison, TargetChange
from ..model import units
from ..version import __version__
from . import labels
from .numbers import fmt_number, fmt_ratio, fmt_signed, to_json_number
from .table import Column, Table
from .targets import target_text

COLUMNS = [
    Column("indicator", "指标代码", display=False),
    Column("name", "指标"),
    Column("park", "园区代码", display=False),
    Column("park_name", "园区"),
    Column("tier", "档次"),
    Column("old_target", "上年目标"),
    Column("new_target", "今年目标"),
    Column("change_text", "目标变化", numeric=True, machine=False),
    Column("change", "目标变化值", numeric=True, display=False),
    Column("change_unit", "变化单位", display=False),
    Column("relative", "变化幅度", numeric=True),
    Column("change_status", "调整", labels=labels.CHANGE),
    Column("old_actual", "上年实际", numeric=True, machine=False),
    Column("old_value", "上年实际值", numeric=True, display=False),
    Column("new_actual", "今年实际", numeric=True, machine=False),
    Column("new_value", "今年实际值", numeric=True, display=False),
    Column("unit", "单位", display=False),
    Column("growth_text", "同比", numeric=True, machine=False),
    Column("growth", "同比值", numeric=True, display=False),
    Column("growth_unit", "同比单位", display=False),
]


def _target_cells(c: TargetChange, names: dict[str, str]) -> dict[str, str]:
    t = c.new or c.old
    assert t is not None
    amount = ""
    if c.amount is not None:
        amount = fmt_signed(c.amount) + units.spacer(c.unit) + units.display(c.unit)
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
        growth = fmt_signed(a.growth) + ("%" if a.unit == "percent" else "个百分点")
    elif a.notes:
        growth = "无法计算"  # the reason is under the table
    return {
        "old_actual": units.fmt_quantity(a.old.value, unit),
        "old_value": fmt_number(a.old.value) if a.old.value is not None else "",
        "new_actual": units.fmt_quantity(a.new.value, unit),
        "new_value": fmt_number(a.new.value) if a.new.value is not None else "",
        "unit": units.display(unit),
        "growth_text": growth,
        "growth": fmt_number(a.growth) if a.growth is not None else "",
        "growth_unit": ("%" if a.unit == "percent" else "百分点") if a.growth is not None else "",
    }


def compare_table(c: Comparison) -> Table:
    names = {p.id: p.name for p in (*c.old.parks, *c.new.parks)}
    rows: list[dict[str, str]] = []
    for o, n in c.pairs:
        ind = n or o
        assert ind is not None
        changes = [t for t in c.targets if t.indicator is ind]
        actuals = [a for a in c.actuals if a.indicator is ind]
        zone = next((a for a in actuals if a.park is None), None)
        base = {"indicator": ind.id, "name": ind.name, "park": "", "park_name": ""}
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
        + ", ".join(f"{labels.CHANGE[k]} {k.replace('_', ' ')} {v}" for k, v in counts.items() if v)
    ]
    footer += [
        f"{a.indicator.name}{f' ({names.get(a.park, a.park)})' if a.park else ''}: "
        + "; ".join(labels.notes(a.notes, names))
        for a in c.actuals
        if a.notes
    ]
    title = f"{c.old.title} → {c.new.title}"
    return Table(title, COLUMNS, rows, footer, [""] * len(rows))


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
    names = {p.id: p.name for p in (*c.old.parks, *c.new.parks)}
    lines = []
    for o, n in c.pairs:
        ind = n or o
        assert ind is not None
        parts = []
        for t in (t for t in c.targets if t.indicator is ind):
            old = target_text(t.old, None, names) if t.old else ""
            new = target_text(t.new, None, names) if t.new else ""
            if t.change == "added":
                parts.append(f"新增目标{new}")
            elif t.change == "dropped":
                parts.append(f"取消目标{old}")
            elif t.change == "unchanged":
                parts.append(f"目标不变({new})")
            elif t.change in ("raised", "lowered") and t.amount is not None:
                by = fmt_signed(t.amount) + units.spacer(t.unit) + units.display(t.unit)
                rel = f", {fmt_signed(t.relative * 100, 1)}%" if t.relative is not None else ""
                parts.append(f"目标由{old}{labels.CHANGE[t.change]}到{new} ({by}{rel})")
            else:
                parts.append(f"目标由{old}调整为{new}")
        zone = next((a for a in c.actuals if a.indicator is ind and a.park is None), None)
        if zone is not None and zone.old.value is not None and zone.new.value is not None:
            unit = ind.unit
            was, now = (
                units.fmt_quantity(zone.old.value, unit),
                units.fmt_quantity(zone.new.value, unit),
            )
            if zone.growth is not None and zone.unit == "percent":
                verb = "增长" if zone.growth >= 0 else "下降"
                parts.append(f"实际由{was}到{now}, {verb}{fmt_number(abs(zone.growth), 1)}%")
            elif zone.growth is not None:
                parts.append(f"实际由{was}到{now}, 变化{fmt_signed(zone.growth)}个百分点")
            elif zone.notes:
                parts.append(f"实际由{was}到{now}, 上年为零或负数, 无法计算增速")
        if parts:
            lines.append(f"{ind.name}: " + "; ".join(parts) + "。")
    return [(f"{c.old.title} → {c.new.title}", lines)]
