"""What every table reader shares: the rows a reader yields and the limits on one table
(columns, the characters of a cell), with the message past a cell's limit."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import Message, msg

Rows = Iterable[tuple[int, list[str]]]  # (line, cells) of each row, the header first

MAX_COLUMNS = 1_024  # a table's header or a sheet's cells past this column are refused
MAX_CELL_CHARS = 131_072  # one cell of a table (the csv module's own field limit)


def long_cell(length: int | None, where: str = "") -> Message:
    """The problem of a cell longer than MAX_CELL_CHARS: `where` (C5) and its `length`, when
    known (a workbook's), or a CSV cell the csv module stopped reading."""
    if length is None:
        return msg(
            "a cell is longer than {most:,} characters (128 KB), more than a cell of a table "
            "holds: is this the right file?",
            most=MAX_CELL_CHARS,
        )
    return msg(
        "cell {where} holds {length:,} characters; a cell of a table holds at most {most:,} "
        "(128 KB): is this the right file?",
        where=where,
        length=length,
        most=MAX_CELL_CHARS,
    )
