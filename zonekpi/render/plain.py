"""Plain text: an aligned table (tabulate, wide Chinese characters counted by wcwidth)."""

from __future__ import annotations

from . import Options, Output, display_columns, human_cell


def render(output: Output, options: Options) -> str:
    return _tabulate(output, "simple")


def _tabulate(output: Output, style: str) -> str:
    import tabulate

    tabulate.PRESERVE_WHITESPACE = False
    table = output.table()
    cols = display_columns(table)
    rows = [[_clean(human_cell(c.key, r.get(c.key, "")), style) for c in cols] for r in table.rows]
    align = ["right" if c.numeric else "left" for c in cols]
    body = tabulate.tabulate(
        rows,
        headers=[c.header for c in cols],
        tablefmt=style,
        colalign=align,
        disable_numparse=True,
    )
    lines = [table.title, ""] if style == "simple" else [f"**{table.title}**", ""]
    lines.append(body if rows else "(无目标 no targets)")
    if table.footer:
        lines.append("")
        # Markdown joins lines into one paragraph; a blank line keeps each its own
        lines.extend(table.footer if style == "simple" else "\n\n".join(table.footer).split("\n"))
    return "\n".join(lines) + "\n"


def _clean(text: str, style: str) -> str:
    # A newline would end a row in any format; a pipe ends a cell only in a Markdown table.
    text = text.replace("\n", " ")
    return text.replace("|", "\\|") if style == "pipe" else text
