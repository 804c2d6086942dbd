"""The terminal table: rich, coloured by status, Chinese columns folded rather than cut.

Used only when standard output is a terminal; piped, ``--format table`` is plain text, so
that ``zonekpi check … | less`` or ``> file`` never contains escape codes. rich honours
NO_COLOR itself.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from . import Options, Output, display_columns, inert, tables

if TYPE_CHECKING:
    from ..view.table import Table

STYLE = {
    "met": "green",
    "on_track": "green",
    "missed": "bold red",
    "behind": "yellow",
    "below": "yellow",
    "overdue": "bold red",
    "on_path": "green",
    "behind_path": "yellow",
    "no_data": "dim",
}  # the status cell


def render(output: Output, options: Options) -> str:
    from rich.console import Console

    buf = io.StringIO()
    console = Console(
        file=buf,
        force_terminal=options.color,
        no_color=not options.color,
        width=options.width,
        highlight=False,
        emoji=False,
    )
    for n, table in enumerate(tables(output)):
        if n:
            console.print()
        _print(console, table)
    return buf.getvalue()


def _print(console: Any, table: Table) -> None:
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table as RichTable
    from rich.text import Text

    cols = display_columns(table)
    # Light rules and no outer edge: every column of a terminal counts when parks sit side by side.
    rt = RichTable(
        # never markup: text as written; the lines under it (示例数据) with it
        title=Text("\n".join(map(inert, [table.title, *table.lead])), style="table.title"),
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
    )
    for c in cols:
        widest = max((cell_len(inert(c.human(r.get(c.key, "")))) for r in table.rows), default=0)
        rt.add_column(
            Text(c.header),
            justify="right" if c.numeric else "left",
            overflow="fold",  # unspaced Chinese would otherwise be cut with "…"
            # numbers and short words stay whole; names, targets and notes fold
            no_wrap=c.numeric or c.key in ("status", "status_text", "tier", "unit", "park_name"),
            # names fold only past 6 characters, targets past 5, notes past 4, beneficiaries past 13
            min_width=min(
                widest,
                {"label": 12, "target": 10, "notes": 8, "beneficiary": 26, "rule_name": 16}.get(
                    c.key, 0
                ),
            ),
        )
    statuses = table.statuses or [""] * len(table.rows)  # a table without statuses: no colour
    for row, status in zip(table.rows, statuses, strict=True):
        cells = [
            Text(
                inert(c.human(row.get(c.key, ""))),
                style=STYLE.get(status, "") if c.key in ("status", "status_text") else "",
            )
            for c in cols
        ]
        rt.add_row(*cells)
    console.print(rt)
    if not table.rows:
        console.print(Text(inert(table.empty)))
    for line in table.footer:
        console.print(Text(inert(line)))
