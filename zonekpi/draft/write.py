"""A draft written as plan YAML for review: the plan's keys in the order docs/format.md gives
them, each indicator with its source sentence, each target on one line, and a
``# 待确认: …`` comment beside whatever a person must confirm (a unit guessed, a year assumed,
a stock or flow not said, a comparator the sentence does not state).

Free text is written as a double-quoted YAML string (JSON escapes), so a quote, a colon or a
control character in a document can never become YAML structure.
"""

from __future__ import annotations

import json

from .build import Draft, Indicator, park_ids
from .model import Target, Value
from .write_tasks import tasks_yaml, units_yaml


def q(text: str) -> str:
    """A YAML double-quoted scalar; a character that is not printable (a control character,
    U+2028, which YAML takes for a line break) is written as an escape."""
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in quoted)


def _comment(text: str) -> str:
    """Text for a comment: one line, nothing but printable characters."""
    text = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(text.split())


def plan_yaml(draft: Draft, plan_id: str, file: str) -> str:
    lines = [
        "# yaml-language-server: $schema=../schemas/plan.schema.json",
        f"# zonekpi draft {_comment(file)}: 起草稿, 请逐项对照原文核对;"
        " 标有 待确认 的各项改好后删去注释.",
        f"id: {q(plan_id)}",
        f"title: {q(draft.title)}",
        f"year: {draft.year}"
        + ("  # 待确认: 从文件开头的年份推断; 用 --year 指定" if draft.year_found else ""),
        "source:",
        f"  document: {q(draft.title)}",
        f"  file: {q(file)}",
    ]
    ids = park_ids(draft.parks)
    if draft.parks:
        lines.append("parks:")
        for n, name in enumerate(draft.parks):
            role = "core" if n == 0 else "radiating"
            lines.append(f"  - {{id: {ids[name]}, name: {q(name)}, role: {role}}}  # 待确认: role")
    lines.append("indicators:")
    for ind in draft.indicators:
        lines += _owned(_indicator(ind, draft.year, ids), ind, draft.owners)
    if draft.figures:
        lines.append("figures:")
        for ident, fig in draft.figures:
            parts = [f"indicator: {ident}", f"period: {fig.period}"]
            if fig.park is not None and fig.park in ids:
                parts.insert(1, f"park: {ids[fig.park]}")
            if fig.value is not None:
                parts.append(f"value: {_value(fig.value)}")
            if fig.growth is not None:
                parts.append(f"growth: {_value(fig.growth)}")
            lines.append(f"  - {{{', '.join(parts)}}}")
            lines.append(f"    # {_comment(fig.source)[:120]}")
    if draft.context:
        lines.append("context:")
        for n, c in enumerate(draft.context, start=1):
            lines += [
                f"  - id: c{n:02d}",
                f"    name: {q(c.name)}",
                f"    value: {_value(c.value)}",
                f"    source: {q(c.source)}",
            ]
            if c.group:
                lines.append(f"    group: {q(c.group)}")
    lines += units_yaml(draft.units, q, _comment)
    lines += tasks_yaml(draft.tasks, q, _comment)
    return "\n".join(lines) + "\n"


def _owned(lines: list[str], ind: Indicator, owners: dict[str, tuple[str, ...]]) -> list[str]:
    """The indicator's lines with the owners of the item its sentences stand in (责任单位 of
    the item), on the indicator when all its targets share them, else on each target."""
    each = [owners.get(i.target.source, ()) for i in ind.items]
    if not any(each):
        return lines
    at = next(n for n, line in enumerate(lines) if line.startswith("    source: "))
    if len(set(each)) == 1:
        return [*lines[:at], f"    owners: [{', '.join(each[0])}]  # 责任单位", *lines[at:]]
    out = list(lines)
    seen = 0
    for n, line in enumerate(out):
        if line.startswith("      - ") and seen < len(each):
            if each[seen]:
                owned = f"owners: [{', '.join(each[seen])}]"
                flow = line.startswith("      - {") and line.endswith("}")
                out[n] = f"{line[:-1]}, {owned}}}" if flow else f"{line}\n        {owned}"
            seen += 1
    return out


def _indicator(ind: Indicator, year: int, ids: dict[str, str]) -> list[str]:
    lines = [f"  - id: {ind.id}", f"    name: {q(ind.name)}", f"    unit: {q(ind.unit)}"]
    if not ind.items:
        return [*lines, "    # 待确认: 只有往年的数字 (figures), 没有目标"]
    first = ind.items[0]
    if any(i.lower for i in ind.items) or any(
        t.kind in ("at_most", "less_than") for t in ind.targets
    ):
        lines.append("    direction: lower")
    if any(i.comparable for i in ind.items):
        lines.append("    growth_basis: comparable")
    stock = next((i.stock for i in ind.items if i.stock is not None), None)
    if stock:
        lines.append("    stock: true")
    if first.group:
        lines.append(f"    group: {q(first.group)}")
    lines.append(f"    source: {q(first.target.source)}")
    for doubt in dict.fromkeys(d for i in ind.items for d in i.doubts):
        lines.append(f"    # 待确认: {_comment(doubt)}")
    lines.append("    targets:")
    for item in ind.items:
        t = item.target
        lines.append(
            f"      - {{{', '.join(_target(t, ids))}}}"
            if t.source == first.target.source
            else "      - " + "\n        ".join(_block(_target(t, ids)))
        )
        if t.source != first.target.source:
            lines.append(f"        source: {q(t.source)}")
        for doubt in t.doubts:
            lines.append(f"        # 待确认: {_comment(doubt)}")
    return lines


def _block(parts: list[str]) -> list[str]:
    return parts


def _target(t: Target, ids: dict[str, str]) -> list[str]:
    if t.kind == "between":
        parts = [f"between: [{_value(t.values[0])}, {_value(t.values[1])}]"]
    elif t.kind == "achieved":
        parts = ["achieved: 是"]
    elif t.kind == "coverage":
        parts = ["coverage: all"]
    elif t.kind == "allocation":
        shares = ", ".join(f"{ids[p]}: {_value(v)}" for p, v in t.shares)
        parts = [f"allocation: {{{shares}}}"]
    elif t.kind == "about":
        v = t.values[0]
        tol = "0.5 个百分点" if v.unit == "%" else _value(Value("0", v.unit))
        parts = [f"about: {_value(v)}", f"tolerance: {tol}"]
    else:
        parts = [f"{t.kind}: {_value(t.values[0])}"]
    if t.tier is not None:
        parts.append(f"tier: {t.tier}")
    if t.year is not None:
        parts.append(f"year: {t.year}")
    if t.by is not None:
        parts.append(f"by: {t.by}")
    if t.park is not None and t.park in ids:
        parts.append(f"park: {ids[t.park]}")
    return parts


def _value(v: Value) -> str:
    text = v.text()
    return q(text) if text.startswith(("-", "%")) or ":" in text else text
