"""Renderers: one module per output format, each with `render(output, options) -> str` (or
bytes, for a file format such as a workbook).

`FORMATS` is the registry the CLI's ``--format`` choices are built from, so the two cannot
drift. Modules are imported only when chosen: rich and tabulate cost start-up time that a
``--format json`` run in a script should not pay. A renderer returns text (bytes for a
workbook) and never writes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:  # the report module is imported only when something is rendered
    from ..view.table import Table

# format name -> (module, one-line help)
FORMATS: dict[str, tuple[str, str]] = {
    "table": ("zonekpi.render.rich_table", "a table: coloured on a terminal, plain when piped"),
    "plain": ("zonekpi.render.plain", "aligned plain text (wide Chinese characters counted)"),
    "markdown": ("zonekpi.render.markdown", "a Markdown table, for reports and Word/WPS"),
    "csv": ("zonekpi.render.delimited", "CSV with stable English column names"),
    "tsv": ("zonekpi.render.delimited", "tab-separated, pastes into Excel cells"),
    "long": ("zonekpi.render.delimited", "check's tidy CSV: a row per indicator, park, measure"),
    "json": ("zonekpi.render.json_format", "JSON following schemas/report.schema.json"),
    "text": ("zonekpi.render.text", "the report in Chinese sentences, one per indicator"),
    "html": ("zonekpi.render.html", "one self-contained HTML page: sentences, charts, table"),
    "xlsx": ("zonekpi.render.xlsx", "an Excel workbook with charts (write it with -o FILE.xlsx)"),
}


class Options(NamedTuple):
    format: str
    color: bool = False
    width: int = 100
    excel: bool = False  # CSV with a UTF-8 BOM, for Excel and WPS


class Output(Protocol):
    def table(self) -> Table: ...  # the one table of CSV and TSV

    def json(self) -> dict[str, Any]: ...

    def sentences(self) -> list[tuple[str, list[str]]]: ...


def renderer(name: str) -> Callable[[Output, Options], str | bytes]:
    module_name = FORMATS[name][0]
    fn: Callable[[Output, Options], str | bytes] = importlib.import_module(module_name).render
    return fn


def render(output: Output, options: Options) -> str | bytes:
    """The output in `options.format`: text, or bytes for a file format (a workbook)."""
    return renderer(options.format)(output, options)


def tables(output: Output) -> list[Table]:
    """The tables people see (table, plain, markdown): `output.tables()` when it has several,
    such as `incentives` (claims, beneficiaries, rules), else its one table."""
    several = getattr(output, "tables", None)
    return list(several()) if several is not None else [output.table()]


def display_columns(table: Table) -> list[Any]:
    """Columns for human formats: the displayed ones that are not empty in every row."""
    return [
        c for c in table.columns if c.display and (c.keep or any(r.get(c.key) for r in table.rows))
    ]


# Line breaks end a row of every table; a sentence or a title is one line too.
_BREAKS = str.maketrans({"\r": "⏎", "\n": "⏎", "\u2028": "⏎", "\u2029": "⏎"})


def inert(text: str) -> str:
    """Text from a plan or a claims file as a person may see it: no character that a terminal,
    a viewer or an editor would act on. Line breaks become ⏎; every other control character
    (ESC of an ANSI sequence, BEL, NUL, DEL, C1) and every bidirectional override or isolate is
    shown escaped (\\x1b, \\u202e), so nothing is hidden and nothing runs."""
    if text.isprintable():
        return text
    text = text.translate(_BREAKS)
    return "".join(c if c.isprintable() or c == "⏎" else _escaped(c) for c in text)


def _escaped(c: str) -> str:
    code = ord(c)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
