"""The table every view hands to the renderers: columns with stable keys and headers, rows of
display text by key, lines under it, and per column the words its codes are shown as.

Renderers know only this module: a status cell holds the code (`met`) that CSV and JSON keep,
and the column's `labels` give the words human formats show (达标).

A workbook (``-f xlsx``) asks a little more, all optional: a table's short `sheet` name, the
`numbers` of its cells (value and Excel number format, so a spreadsheet holds numbers), a
column's `fill` (the key whose status code colours its cells) and the `charts` drawn from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, NamedTuple


class Column(NamedTuple):
    key: str
    header: str
    numeric: bool = False
    display: bool = True  # shown in table, plain and markdown
    machine: bool = True  # written in CSV and TSV
    keep: bool = False  # shown even when empty in every row
    labels: Mapping[str, str] | None = None  # code -> words, for human formats
    fill: str = ""  # workbooks: the key of the column whose status code colours this cell

    def human(self, value: str) -> str:
        """A cell as people read it: a code in words, anything else as it is."""
        if self.labels is not None and value:
            return self.labels.get(value, value)
        return value


class Number(NamedTuple):
    """A cell's number for a workbook: the value and its Excel number format (0.0%, or a unit
    kept in the format: #,##0.00"亿元")."""

    value: float
    format: str = "General"


class Chart(NamedTuple):
    """A native chart of a workbook sheet, drawn from its table's columns by key: a bar per
    `bars` column and a line per `lines` column over the `categories` column's rows."""

    title: str
    categories: str
    bars: tuple[str, ...]
    lines: tuple[str, ...] = ()
    axis: str = ""  # the value axis's title (a unit)
    percent: bool = False  # the values are fractions, shown as 0%
    kind: Literal["bar", "column"] = "column"  # bars across (bar) or upright (column)


class Table:
    """A titled table of display text: columns, rows by column key, lines under it."""

    def __init__(
        self,
        title: str,
        columns: list[Column],
        rows: list[dict[str, str]],
        footer: list[str] | None = None,
        statuses: list[str] | None = None,  # per row: met / missed / no_data
        empty: str | None = None,  # shown in place of a table with no rows: (无目标)
        sheet: str = "",  # workbooks: the sheet's short name
        numbers: list[dict[str, Number]] | None = None,  # workbooks: per row, numbers by key
        charts: list[Chart] | None = None,  # workbooks: charts drawn from the table
    ) -> None:
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footer = footer if footer is not None else []
        self.statuses = statuses if statuses is not None else []
        self.empty = nothing() if empty is None else empty
        self.sheet = sheet
        self.numbers = numbers if numbers is not None else []
        self.charts = charts if charts is not None else []
        self.lead: list[str] = []  # lines under the title: 示例数据 (view/illustrative.py)


def nothing() -> str:
    """What stands in place of rows or sentences when there are none, in the report's
    language: (无目标) / (no targets)."""
    from .labels import w

    return w("no_targets")
