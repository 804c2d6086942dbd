"""The one table reader: a CSV, TSV or .xlsx sheet as numbered rows of text cells.

Figure files and claims files are both tables; this module turns either into (line, cells)
pairs, numbered as an editor or Excel numbers them, and says what is wrong with the file itself:
a quote never closed, a sheet that is not there, a workbook that is not one. What the columns
mean is the business of the reader that asked (figfile, claims). Text is decoded as a YAML
file's is (UTF-8, a BOM, GB18030 with a note), a megabyte at a time.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import itertools
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, Problem
from .textfile import decode, open_file, read_bytes

TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx")

Rows = Iterable[tuple[int, list[str]]]  # (line, cells) of each row, the header first


def split_sheet(path: Path) -> tuple[Path, str | None]:
    """A workbook and its sheet from `book.xlsx#10月`; other paths as they are, no sheet."""
    if ".xlsx#" in path.name.lower():
        file_name, sheet = path.name.split("#", 1)
        return path.with_name(file_name), sheet
    return path, None


def table_rows(
    path: Path, sheet: str | None, problems: list[Problem], kind: str, claims: bool = False
) -> tuple[Rows | None, list[str]]:
    """(line, cells) of a CSV, TSV or workbook sheet, and notes on how it was read; None after
    recording a problem. `kind` is what messages call the file; `claims`: see `_xlsx_rows`.

    A header of more than MAX_COLUMNS names is refused here, for every kind of table."""
    name = str(path)
    notes: list[str] = []
    if path.suffix.lower() == ".xlsx":
        rows = _xlsx_rows(path, sheet, problems, claims)
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
                f"the header has {wide:,} columns; a table has at most {MAX_COLUMNS:,}: is this "
                "the right file?",
            )
        )
        return None, notes
    if claims:
        rows = _at_most(rows, MAX_CLAIM_ROWS, name, problems)
    return itertools.chain([first], rows), notes


MAX_CLAIM_ROWS = 100_000  # rows of one claims file after its header (each is a claim, ~50 µs)


def _at_most(rows: Rows, most: int, name: str, problems: list[Problem]) -> Rows:
    """The rows of a claims table, stopping with a problem at the one past `most`."""
    for n, (line, cells) in enumerate(rows, 1):
        if n > most:
            problems.append(
                Problem(
                    name,
                    line,
                    0,
                    f"more than {most:,} claims in one file; settle them in files of at most "
                    f"{most:,} claims (--data a.csv --data b.csv)",
                )
            )
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
    ("，", "full-width commas '，'; separate them with ASCII commas ','"),
    ("\t", "tabs; name the file .tsv, or separate the columns with commas"),
    (",", "commas; name the file .csv, or separate the columns with tabs"),
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
                f"line {exc.line:,} is {exc.length:,} characters long; a line of a table is at "
                f"most {MAX_LINE_CHARS:,} (1 MB): is this the right file?",
            )
        )
    except csv.Error as exc:
        start = line + 1
        if "field larger than field limit" in str(exc):
            message = _long_cell(None)
        elif "unexpected end of data" in str(exc):
            message = "a cell opens a quote '\"' that is never closed; close it or remove it"
        else:
            message = f"a quote '\"' inside a cell ({exc}); quote the whole cell or remove it"
        problems.append(Problem(name, start, 0, message))


def _xlsx_rows(
    path: Path, sheet: str | None, problems: list[Problem], claims: bool = False
) -> Rows | None:
    """The rows of a workbook's first (or named) sheet as text, numbered as Excel numbers them,
    read as they stream from the file; None after recording why the workbook cannot be read.

    Numbers are written without float noise; a cell Excel turned into a date (it reads
    "2018-10" as October 2018) is taken back as the month to date it was typed as. A claims
    sheet (`claims`) is a ledger, not figures: a date is the day (2020-05-12), a number shown as
    a percentage keeps its % (so that 10% is never read as 10 万元), TRUE stays TRUE.

    Bounded whatever the file says of itself: the workbook is a regular file of at most 64 MB
    whose every part unpacks to at most MAX_UNPACKED bytes; the sheet's `<dimension>` (a forged
    one claims A1:XFD1048576) is never used: a row is as wide as its cells, rows missing
    between two are empty rows, and the first row in the file is the header, wherever it is.
    Reading stops with a problem at a row past MAX_SHEET_ROWS, a cell with a value past column
    MAX_COLUMNS, or a cell longer than MAX_CELL_CHARS.
    """
    import zipfile

    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a dependency; a broken install only
        problems.append(
            Problem(str(path), 0, 0, "reading .xlsx needs openpyxl: pip install openpyxl")
        )
        return None
    name = str(path)
    try:
        file = open_file(path)
    except InvalidInput as exc:
        problems.extend(exc.problems)
        return None
    try:
        with zipfile.ZipFile(file) as parts:
            big = next((p for p in parts.infolist() if p.file_size > MAX_UNPACKED), None)
        if big is not None:
            problems.append(
                Problem(
                    name,
                    0,
                    0,
                    f"its part {big.filename} unpacks to {big.file_size:,} bytes; each part of "
                    f"a workbook is at most {MAX_UNPACKED // 2**20} MB unpacked: save the sheet "
                    "as CSV UTF-8",
                )
            )
            file.close()
            return None
        file.seek(0)
        book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl on a damaged file: zip, XML, a missing part, …
        file.close()
        problems.append(Problem(name, 0, 0, f"is not a readable .xlsx workbook ({_why(exc)})"))
        return None
    if sheet is not None and sheet not in book.sheetnames:
        problems.append(
            Problem(name, 0, 0, f"has no sheet {sheet!r}; its sheets: {', '.join(book.sheetnames)}")
        )
    elif sheet is None and not book.worksheets:
        problems.append(Problem(name, 0, 0, "has no sheet with cells (only charts)"))
    else:
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        if hasattr(ws, "_get_source"):
            return _sheet_rows(book, ws, file, name, problems, claims)
        problems.append(Problem(name, 0, 0, f"its sheet {sheet!r} is a chart, not a table"))
    book.close()
    file.close()
    return None


MAX_SHEET_ROWS = 250_000  # a sheet read past this row is refused (openpyxl: ~9 s a 100,000)
MAX_COLUMNS = 1_024  # a table's header or a sheet's cells past this column are refused
MAX_CELL_CHARS = 131_072  # one cell of a table (the csv module's own field limit)
MAX_UNPACKED = 64 * 1024 * 1024  # each part of a workbook, unpacked (a zip bomb's guard)


def _sheet_rows(
    book: Any, ws: Any, file: Any, name: str, problems: list[Problem], claims: bool
) -> Rows:
    """(row number, cells as text) of a read-only sheet, from openpyxl's streaming parser
    itself, so that nothing is padded to the sheet's stated dimension."""
    from openpyxl.cell.read_only import ReadOnlyCell  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
    from openpyxl.worksheet._reader import WorkSheetParser  # type: ignore[import-untyped]

    try:
        try:
            parsed = WorkSheetParser(
                ws._get_source(),
                ws._shared_strings,
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            ).parse()
        except Exception as exc:  # the sheet's part missing from the zip, …
            problems.append(Problem(name, 0, 0, f"is not a readable .xlsx workbook ({_why(exc)})"))
            return
        last = 0
        width = None  # the header row's: shorter rows are padded to it, as Excel shows them
        while True:
            try:
                item = next(parsed, None)
            except Exception as exc:  # damaged XML, a cell reference past XFD, …
                problems.append(
                    Problem(name, last + 1, 0, f"is not a readable .xlsx workbook ({_why(exc)})")
                )
                return
            if item is None:
                return
            number, cells = item
            if number <= last:
                problems.append(
                    Problem(
                        name,
                        last + 1,
                        0,
                        f"is not a readable .xlsx workbook (row {number} after row {last})",
                    )
                )
                return
            if number > MAX_SHEET_ROWS:
                problems.append(
                    Problem(
                        name,
                        number,
                        0,
                        f"the sheet goes on to row {number:,}; a sheet is read to row "
                        f"{MAX_SHEET_ROWS:,} at most: save it as CSV UTF-8, or split it",
                    )
                )
                return
            # rows the file leaves out between two are empty; those before the first are not
            # there at all (a sheet may begin at row 3, its header there, as Excel saves it)
            for missing in range(last + 1 if last else number, number):
                yield missing, []
            last = number
            row: list[str] = []
            for c in cells:
                if c["value"] is None:  # a formatted empty cell: nothing, wherever it is
                    continue
                column = c["column"]
                if column > MAX_COLUMNS:
                    problems.append(
                        Problem(
                            name,
                            number,
                            0,
                            f"cell {get_column_letter(column)}{number} is past column "
                            f"{get_column_letter(MAX_COLUMNS)} "
                            f"({MAX_COLUMNS:,}); a table has at most {MAX_COLUMNS:,} columns",
                        )
                    )
                    return
                where = f"{get_column_letter(column)}{number}"
                cell = ReadOnlyCell(ws, **c)
                try:
                    cell.number_format  # noqa: B018 - its style, looked up in the workbook's
                except Exception:  # a style the workbook does not have (s="999")
                    problems.append(
                        Problem(
                            name,
                            number,
                            0,
                            f"is not a readable .xlsx workbook (cell {where} has a style the "
                            "workbook does not define)",
                        )
                    )
                    return
                text = _cell_text(cell, claims)
                if len(text) > MAX_CELL_CHARS:
                    problems.append(Problem(name, number, 0, _long_cell(len(text), where)))
                    return
                if column <= len(row):  # a cell given twice, or out of order: the last counts
                    row[column - 1] = text
                    continue
                row.extend([""] * (column - 1 - len(row)))
                row.append(text)
            if width is None:
                width = len(row)
            elif len(row) < width:
                row.extend([""] * (width - len(row)))
            yield number, row
    finally:
        book.close()
        file.close()


def _long_cell(length: int | None, where: str = "") -> str:
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


def _why(exc: BaseException) -> str:
    """An exception from a damaged workbook, on one line and short."""
    text = " ".join(str(exc).split())[:200]
    return text or type(exc).__name__


def _cell_text(cell: Any, claims: bool) -> str:
    """A workbook cell as the text it was typed as (see `_xlsx_rows`)."""
    v = cell.value
    fmt = str(getattr(cell, "number_format", "") or "")
    if v is None:
        return ""
    if isinstance(v, datetime.datetime | datetime.date):
        if claims:
            return f"{v.year}-{v.month:02d}-{v.day:02d}"
        if "月" in fmt and "日" not in fmt and "d" not in fmt.lower():
            return f"{v.year}年{v.month}月"  # typed 2018年10月: that month alone
        return f"{v.year}-{v.month:02d}"  # typed 2018-10: the months to date
    if isinstance(v, bool):
        return ("TRUE" if v else "FALSE") if claims else ("是" if v else "否")
    if isinstance(v, int | float):
        number = Decimal(repr(v))
        if "%" in fmt:  # 0.063 shown as 6.3%: the percentage is what was meant
            number *= 100
            if claims:
                return f"{format(number.normalize(), 'f')}%"
            from .figures import SheetPercent  # 3.1 shown as 310% is no 310 亿元: marked

            where = f"sheet '{cell.parent.title}' cell {cell.coordinate}"
            return SheetPercent(format(number.normalize(), "f"), where)
        return format(number.normalize(), "f")
    return str(v)
