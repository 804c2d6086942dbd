"""The one table reader: a CSV, TSV or .xlsx sheet as numbered rows of text cells.

Figure files and claims files are both tables; this module turns either into (line, cells)
pairs, numbered as an editor or Excel numbers them, and says what is wrong with the file itself:
a quote never closed, a sheet that is not there, a workbook that is not one. What the columns
mean is the business of the reader that asked (figfile, claims). Text is decoded as a YAML
file's is (UTF-8, a BOM, GB18030 with a note), a megabyte at a time. A workbook's sheet is
streamed by `read/xlsx.py`; the limits of every table (columns, a cell) are here.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import Problem, msg
from .cells import MAX_COLUMNS, Rows, long_cell
from .textfile import decode, read_bytes

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx")


def split_sheet(path: Path) -> tuple[Path, str | None]:
    """A workbook and its sheet from `book.xlsx#10月`; other paths as they are, no sheet."""
    if ".xlsx#" in path.name.lower():
        file_name, sheet = path.name.split("#", 1)
        return path.with_name(file_name), sheet
    return path, None


def table_rows(
    path: Path,
    sheet: str | None,
    problems: list[Problem],
    kind: str,
    claims: bool = False,
    ledger: bool = False,
) -> tuple[Rows | None, list[str]]:
    """(line, cells) of a CSV, TSV or workbook sheet, and notes on how it was read; None after
    recording a problem. `kind` is what messages call the file; `claims`: see `xlsx.xlsx_rows`
    (at most MAX_CLAIM_ROWS rows); `ledger`: a progress file, read as claims are, at most
    MAX_PROGRESS_ROWS rows.

    A header of more than MAX_COLUMNS names is refused here, for every kind of table."""
    name = str(path)
    notes: list[str] = []
    if path.suffix.lower() == ".xlsx":
        from .xlsx import xlsx_rows  # (it imports this module's limits)

        rows = xlsx_rows(path, sheet, problems, claims or ledger)
    else:
        text, notes = decode(read_bytes(path), name, kind)
        delimiter = "\t" if name.lower().endswith(".tsv") else ","
        reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
        rows = _csv_rows(reader, name, problems)
    if rows is None:
        return None, notes
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return rows, notes
    wide = len(header_names(first[1]))
    if wide > MAX_COLUMNS:
        problems.append(
            Problem(
                name,
                first[0],
                0,
                msg(
                    "the header has {wide:,} columns; a table has at most {most:,}: is this the "
                    "right file?",
                    wide=wide,
                    most=MAX_COLUMNS,
                ),
            )
        )
        return None, notes
    if claims:
        rows = _at_most(rows, MAX_CLAIM_ROWS, name, problems, claims=True)
    elif ledger:
        rows = _at_most(rows, MAX_PROGRESS_ROWS, name, problems, claims=False)
    return itertools.chain([first], rows), notes


MAX_CLAIM_ROWS = 100_000  # rows of one claims file after its header (each is a claim, ~50 µs)
MAX_PROGRESS_ROWS = 100_000  # of one progress file: 1,000 tasks reported monthly are 12,000


def _at_most(rows: Rows, most: int, name: str, problems: list[Problem], claims: bool) -> Rows:
    """The rows of a claims or progress table, stopping with a problem at the one past
    `most`."""
    for n, (line, cells) in enumerate(rows, 1):
        if n > most:
            said = msg(
                "more than {most:,} rows in one progress file; split it into files of at most "
                "{most:,} rows (--progress a.csv --progress b.csv)",
                most=most,
            )
            if claims:
                said = msg(
                    "more than {most:,} claims in one file; settle them in files of at most "
                    "{most:,} claims (--data a.csv --data b.csv)",
                    most=most,
                )
            problems.append(Problem(name, line, 0, said))
            return
        yield line, cells


def header_names(cells: list[str]) -> list[str]:
    """A header row's column names as they are matched: trimmed, lower-case, without a sheet's
    empty trailing columns."""
    names = [c.strip().lower() for c in cells]
    while names and not names[-1]:
        names.pop()
    return names


_SEPARATORS = (
    ("，", msg("full-width commas '，'; separate them with ASCII commas ','")),
    ("\t", msg("tabs; name the file .tsv, or separate the columns with commas")),
    (",", msg("commas; name the file .csv, or separate the columns with tabs")),
)


def separator(header: list[str], name: str, column: str) -> str:
    """What separates the columns of a header read as too few cells (full-width commas, tabs
    in a .csv, commas in a .tsv), and what to do about it; '' when it is something else.
    `column` is one the header must have."""
    for sep, said in _SEPARATORS:
        if sep == "," and not name.lower().endswith(".tsv"):
            continue
        if any(sep in cell and column in map(str.strip, cell.split(sep)) for cell in header):
            return said
    return ""


MAX_LINE_CHARS = 1 << 20  # one line of a CSV or TSV file (a row, or part of a quoted cell)


def _lines(text: str, size: int = 1 << 20, longest: int = MAX_LINE_CHARS) -> Iterable[str]:
    """The lines of `text` as `open(newline="")` gives them (ends kept, \\r\\n, \\r or \\n),
    read a megabyte at a time: one StringIO of a whole large file would hold a second,
    four-bytes-a-character copy of it. Chunks end just after a line break, so no line is cut;
    the lines are chained in C, without a Python step a line. A line longer than `longest`
    ends the reading with `LineTooLong` before any copy of it is made: a chunk is never longer
    than `size` and `longest` together."""
    # (map, unlike a generator expression, keeps no chunk alive once its StringIO is made)
    return itertools.chain.from_iterable(map(_LINES_OF, _chunks(text, size, longest)))


_LINES_OF = functools.partial(io.StringIO, newline="")
_BREAK = re.compile(r"\r\n?|\n")


class LineTooLong(Exception):
    """A line of a table longer than MAX_LINE_CHARS: `line` (1-based) and its `length`."""

    def __init__(self, line: int, length: int) -> None:
        super().__init__(line, length)
        self.line, self.length = line, length


def _chunks(text: str, size: int, longest: int) -> Iterable[str]:
    start = 0
    while start < len(text):
        found = _BREAK.search(text, start + size)
        end = found.end() if found else len(text)
        if end - start > longest:  # the line across the chunk's end: is it too long?
            before = max(
                text.rfind("\n", start, start + size), text.rfind("\r", start, start + size)
            )
            begins = before + 1 if before >= 0 else start
            length = (found.start() if found else len(text)) - begins
            if length > longest:
                if begins > start:  # the lines before it are read (the header, first of all)
                    yield text[start:begins]
                raise LineTooLong(_line_of(text, begins), length)
        yield text[start:end]
        start = end


def _line_of(text: str, at: int) -> int:
    """The line (1-based) of position `at`, counting \\r\\n, \\r and \\n as one break."""
    return text.count("\n", 0, at) + text.count("\r", 0, at) - text.count("\r\n", 0, at) + 1


def _csv_rows(reader: Any, name: str, problems: list[Problem]) -> Rows:
    """(line, cells) of each CSV row; a quoting mistake, a cell over MAX_CELL_CHARS or a line
    over MAX_LINE_CHARS ends the file with a problem."""
    line = 0
    try:
        for row in reader:
            yield line + 1, row  # where the row starts (a quoted cell may span lines)
            line = reader.line_num
    except LineTooLong as exc:
        problems.append(
            Problem(
                name,
                exc.line,
                0,
                msg(
                    "line {line:,} is {length:,} characters long; a line of a table is at most "
                    "{most:,} (1 MB): is this the right file?",
                    line=exc.line,
                    length=exc.length,
                    most=MAX_LINE_CHARS,
                ),
            )
        )
    except csv.Error as exc:
        start = line + 1
        if "field larger than field limit" in str(exc):
            message = long_cell(None)
        elif "unexpected end of data" in str(exc):
            message = msg("a cell opens a quote '\"' that is never closed; close it or remove it")
        else:
            message = msg(
                "a quote '\"' inside a cell ({why}); quote the whole cell or remove it", why=exc
            )
        problems.append(Problem(name, start, 0, message))
