"""The table every view hands to the renderers: columns with stable keys and headers, rows of
display text by key, lines under it, and per column the words its codes are shown as.

Renderers know only this module: a status cell holds the code (`met`) that CSV and JSON keep,
and the column's `labels` give the words human formats show (达标).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class Column(NamedTuple):
    key: str
    header: str
    numeric: bool = False
    display: bool = True  # shown in table, plain and markdown
    machine: bool = True  # written in CSV and TSV
    keep: bool = False  # shown even when empty in every row
    labels: Mapping[str, str] | None = None  # code -> words, for human formats

    def human(self, value: str) -> str:
        """A cell as people read it: a code in words, anything else as it is."""
        if self.labels is not None and value:
            return self.labels.get(value, value)
        return value


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
    ) -> None:
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footer = footer if footer is not None else []
        self.statuses = statuses if statuses is not None else []
        self.empty = nothing() if empty is None else empty


def nothing() -> str:
    """What stands in place of rows or sentences when there are none, in the report's
    language: (无目标) / (no targets)."""
    from .labels import w

    return w("no_targets")
