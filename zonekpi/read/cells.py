"""What every table reader shares: the rows a reader yields and the limits on one table
(columns, the characters of a cell), with the message past a cell's limit."""

from __future__ import annotations

from collections.abc import Iterable

Rows = Iterable[tuple[int, list[str]]]  # (line, cells) of each row, the header first

MAX_COLUMNS = 1_024  # a table's header or a sheet's cells past this column are refused
MAX_CELL_CHARS = 131_072  # one cell of a table (the csv module's own field limit)


def long_cell(length: int | None, where: str = "") -> str:
    """The problem of a cell longer than MAX_CELL_CHARS: `where` (C5) and its `length`, when
    known (a workbook's), or a CSV cell the csv module stopped reading."""
    if length is None:
        return (
            f"a cell is longer than {MAX_CELL_CHARS:,} characters (128 KB), more than a cell of "
            "a table holds: is this the right file?"
        )
    return (
        f"cell {where} holds {length:,} characters; a cell of a table holds at most "
        f"{MAX_CELL_CHARS:,} (128 KB): is this the right file?"
    )
