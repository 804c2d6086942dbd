"""Markdown: a pipe table with the title in bold, ready for a report or Word/WPS (tabulate)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import Options, Output, display_columns, tables

if TYPE_CHECKING:
    from ..view.table import Table


def render(output: Output, options: Options) -> str:
    return "\n".join(_render(t) for t in tables(output))


def _render(table: Table) -> str:
    import tabulate

    tabulate.PRESERVE_WHITESPACE = False
    cols = display_columns(table)
    rows = [[_clean(c.human(r.get(c.key, ""))) for c in cols] for r in table.rows]
    body = tabulate.tabulate(
        rows,
        headers=[c.header for c in cols],
        tablefmt="pipe",
        colalign=["right" if c.numeric else "left" for c in cols],
        disable_numparse=True,
    )
    lines = [f"**{table.title}**", "", body if rows else table.empty]
    if table.footer:
        # Markdown joins lines into one paragraph; a blank line keeps each its own
        lines += ["", *"\n\n".join(table.footer).split("\n")]
    return "\n".join(lines) + "\n"


def _clean(text: str) -> str:
    # A newline would end a row in any format; a pipe ends a cell in a Markdown table.
    return text.replace("\n", " ").replace("|", "\\|")
