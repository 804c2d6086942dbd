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
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import Problem
from .textfile import decode, read_bytes

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
    recording a problem. `kind` is what messages call the file; `claims`: see `_xlsx_rows`."""
    name = str(path)
    if path.suffix.lower() == ".xlsx":
        return _xlsx_rows(path, sheet, problems, claims), []
    text, notes = decode(read_bytes(path), name, kind)
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    reader = csv.reader(_lines(text), delimiter=delimiter, strict=True)
    return _csv_rows(reader, name, problems), notes


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


def _lines(text: str, size: int = 1 << 20) -> Iterable[str]:
    """The lines of `text` as `open(newline="")` gives them (ends kept, \\r\\n, \\r or \\n),
    read a megabyte at a time: one StringIO of a whole large file would hold a second,
    four-bytes-a-character copy of it. Chunks end just after a \\n, so no line is cut; the
    lines are chained in C, without a Python step a line."""
    # (map, unlike a generator expression, keeps no chunk alive once its StringIO is made)
    return itertools.chain.from_iterable(map(_LINES_OF, _chunks(text, size)))


_LINES_OF = functools.partial(io.StringIO, newline="")


def _chunks(text: str, size: int) -> Iterable[str]:
    start = 0
    while start < len(text):
        end = text.find("\n", start + size) + 1 or len(text)
        yield text[start:end]
        start = end


def _csv_rows(reader: Any, name: str, problems: list[Problem]) -> Rows:
    """(line, cells) of each CSV row; a quoting mistake ends the file with a problem."""
    line = 0
    try:
        for row in reader:
            yield line + 1, row  # where the row starts (a quoted cell may span lines)
            line = reader.line_num
    except csv.Error as exc:
        start = line + 1
        if "unexpected end of data" in str(exc):
            message = "a cell opens a quote '\"' that is never closed; close it or remove it"
        else:
            message = f"a quote '\"' inside a cell ({exc}); quote the whole cell or remove it"
        problems.append(Problem(name, start, 0, message))


def _xlsx_rows(
    path: Path, sheet: str | None, problems: list[Problem], claims: bool = False
) -> list[tuple[int, list[str]]] | None:
    """The rows of a workbook's first (or named) sheet as text, numbered as Excel numbers them.

    Numbers are written without float noise; a cell Excel turned into a date (it reads
    "2018-10" as October 2018) is taken back as the month to date it was typed as. A claims
    sheet (`claims`) is a ledger, not figures: a date is the day (2020-05-12), a number shown as
    a percentage keeps its % (so that 10% is never read as 10 万元), TRUE stays TRUE.
    """
    import zipfile

    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a dependency; a broken install only
        problems.append(
            Problem(str(path), 0, 0, "reading .xlsx needs openpyxl: pip install openpyxl")
        )
        return None
    if not path.is_file():
        problems.append(Problem(str(path), 0, 0, "does not exist"))
        return None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        problems.append(Problem(str(path), 0, 0, f"is not a readable .xlsx workbook ({exc})"))
        return None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            problems.append(
                Problem(
                    str(path),
                    0,
                    0,
                    f"has no sheet {sheet!r}; its sheets: {', '.join(book.sheetnames)}",
                )
            )
            return None
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        sheet_rows = ws.iter_rows()
        return [(n, [_cell_text(c, claims) for c in row]) for n, row in enumerate(sheet_rows, 1)]
    finally:
        book.close()


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
