"""Plain text: an aligned table, wide Chinese characters counted as two columns.

Written here rather than with tabulate: a piped `zonekpi check` is the command a monthly script
runs dozens of times, and tabulate (with wcwidth and importlib.metadata) costs ~60 ms to import,
a third of the whole run. The layout is tabulate's "simple": headers, a rule of dashes under
each, columns two spaces apart, numbers right-aligned.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from . import Options, Output, display_columns, inert, tables

if TYPE_CHECKING:
    from ..view.table import Table


def render(output: Output, options: Options) -> str:
    return "\n".join(_render(t) for t in tables(output))


def _render(table: Table) -> str:
    cols = display_columns(table)
    rows = [[inert(c.human(r.get(c.key, ""))).strip() for c in cols] for r in table.rows]
    lines = [inert(table.title), *(inert(line) for line in table.lead), ""]
    if rows:
        headers = [c.header for c in cols]
        widths = [max(width(t) for t in [h, *(r[i] for r in rows)]) for i, h in enumerate(headers)]
        right = [c.numeric for c in cols]
        lines.append(_line(headers, widths, right))
        lines.append("  ".join("-" * w for w in widths))
        lines.extend(_line(r, widths, right) for r in rows)
    else:
        lines.append(table.empty)
    if table.footer:
        lines.append("")
        lines.extend(inert(line) for line in table.footer)
    return "\n".join(lines) + "\n"


def width(text: str) -> int:
    """Columns `text` takes on a terminal: 2 for wide (CJK, full-width) characters, 0 for
    combining marks and zero-width characters."""
    if text.isascii():
        return len(text)
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def pad(text: str, size: int, right: bool = False) -> str:
    fill = " " * (size - width(text))
    return fill + text if right else text + fill


def _line(cells: list[str], widths: list[int], right: list[bool]) -> str:
    return "  ".join(pad(c, w, r) for c, w, r in zip(cells, widths, right, strict=True)).rstrip()
