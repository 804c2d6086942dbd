"""What every layout shares: where a table's rows come from (`_Source`), the headings of the
long table the layouts are written out as, a cell's A1 name, and the messages and helpers the
long table and the layouts both give, and what a block's rows and their checks need of the
table they are read for (`_Table`, which `layout._Layout` is)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Protocol

from ...errors import Problem, msg
from ...model.plan import Figure
from .. import names as vocab
from ..lookup import Lookup
from ..reader import Names
from ..workbook import percent_cells

CANONICAL = ["indicator", "park", "period", "value", "unit", "measure", "note"]
EMPTY_MARKS = frozenset(("-", "--", "—", "——", "－", "/", "…", "……", "×"))
LAYOUTS_SAID = msg(
    "a long table (指标, 园区, 期间, 数值, 单位), or indicators down with 本月, 1-N月累计, "
    "去年同期, 同比增长(%), 单位 (a 统计月报), with months across (1月 … 12月, 2018-01 …) or "
    "with parks across (高新区 …, 合计)"
)


class _Source(NamedTuple):
    """Where a table's rows come from: the file its figures name, the name its messages give
    (`book.xlsx#高新区`), the sheet (its name may state the period), the park of a park's sheet
    ('' for the zone), and the workbook, whose cells shown as a percentage are looked up."""

    file: str
    shown: str
    sheet: str | None
    park: str | None = None
    book: Path | None = None

    def percents(self, width: int) -> frozenset[tuple[int, int]]:
        """(row, column) of the cells Excel shows as a percentage, in the first `width`."""
        if self.book is None:
            return frozenset()
        return percent_cells(self.book, self.sheet, width)


class _Table(Protocol):
    """What a block's rows (`rows._BlockReader`) and their checks (`checks._RowChecks`) need of
    the table they are read for (`layout._Layout`): where it comes from, the names it is read
    with, the long-table rows of the row being read (`out`), and where its problems and
    warnings go."""

    source: _Source
    names: Names
    lookup: Lookup
    out: list[tuple[int, list[str]]]

    def problem(self, line: int, message: str, column: int | None = None) -> None: ...

    def warn(self, line: int, column: int, message: str) -> None: ...


def _long_in_park_sheet(source: _Source, ahead: list[tuple[int, list[str]]]) -> Problem:
    line = ahead[-1][0] if ahead else 1
    return Problem(
        source.shown,
        line,
        0,
        msg(
            "a park's sheet holds that park's figures, indicators down (指标, 单位, 1-N月累计 …); "
            "this one is a long table with its own park and period columns: give it a sheet "
            "name that is not a park, or leave the park column out"
        ),
    )


def _files(figures: list[Figure], source: _Source) -> list[Figure]:
    """Figures named by their file (the workbook), whatever sheet their messages named."""
    if source.shown == source.file:
        return figures
    return [f._replace(file=source.file) for f in figures]


def _at(row: list[str], index: int | None) -> str:
    """The cell of `row` at `index`, '' when there is none."""
    return row[index] if index is not None and index < len(row) else ""


def _unknown_status(status: str) -> str:
    return msg(
        "status '{status}' is not one of {allowed} (from the first estimate to the last); leave "
        "the cell empty when the figure has none",
        status=status,
        allowed=", ".join(vocab.STATUS_NAMES),
    )


def _cell(index: int, line: int) -> str:
    """A cell's A1 name: column `index` (from 0) of row `line`."""
    letters = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return f"{letters}{line}"
