"""Markdown: a pipe table with the title in bold, ready for a report or Word/WPS (tabulate)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import Options, Output, display_columns, inert, tables

if TYPE_CHECKING:
    from ..view.table import Table


def render(output: Output, options: Options) -> str:
    return "\n".join(_render(t) for t in tables(output))


def _render(table: Table) -> str:
    import tabulate

    tabulate.PRESERVE_WHITESPACE = False
    cols = display_columns(table)
    rows = [[escape(c.human(r.get(c.key, ""))) for c in cols] for r in table.rows]
    body = tabulate.tabulate(
        rows,
        headers=[escape(c.header) for c in cols],
        tablefmt="pipe",
        colalign=["right" if c.numeric else "left" for c in cols],
        disable_numparse=True,
    )
    lines = [f"**{escape(table.title)}**", *(f"\n{escape(line)}" for line in table.lead)]
    lines += ["", body if rows else escape(table.empty)]
    if table.footer:
        # Markdown joins lines into one paragraph; a blank line keeps each its own
        lines += ["", *"\n\n".join(escape(line) for line in table.footer).split("\n")]
    return "\n".join(lines) + "\n"


# What Markdown (and the HTML it becomes) would read as markup: a pipe ends a cell, < starts a
# tag, & an entity, [ a link, * _ ` emphasis and code, a backslash escapes the next one.
_MARKUP = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "*": "\\*",
        "_": "\\_",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "<": "&lt;",  # a tag could start here; > and a lone & are harmless in a cell
    }
)
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")  # &amp; &#60; would be read as characters


def escape(text: str) -> str:
    """Plan text as literal Markdown: one line (⏎ for a break), no markup, no HTML."""
    return _ENTITY.sub("&amp;", inert(text)).translate(_MARKUP)
