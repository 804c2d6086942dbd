"""The workbook streaming behind `tables.table_rows`: an .xlsx sheet's rows as text cells,
read from openpyxl's streaming parser as they come, bounded whatever the file says of itself
(its size unpacked, its rows, its columns, its cells), and each cell as the text it was typed
as (a date Excel made of "2018-10", a number shown as a percentage)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, Problem, msg
from .cells import MAX_CELL_CHARS, MAX_COLUMNS, Rows, long_cell
from .textfile import open_file, oversized_part

MAX_SHEET_ROWS = 250_000  # a sheet read past this row is refused (openpyxl: ~9 s a 100,000)
MAX_UNPACKED = 64 * 1024 * 1024  # each part of a workbook, unpacked (a zip bomb's guard)


def xlsx_rows(
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

    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a dependency; a broken install only
        problems.append(
            Problem(str(path), 0, 0, msg("reading .xlsx needs openpyxl: pip install openpyxl"))
        )
        return None
    name = str(path)
    try:
        file = open_file(path)
    except InvalidInput as exc:
        problems.extend(exc.problems)
        return None
    try:
        big = oversized_part(file, MAX_UNPACKED)
        if big is not None:
            problems.append(
                Problem(
                    name,
                    0,
                    0,
                    msg(
                        "its part {part} unpacks to {size:,} bytes; each part of a workbook is at "
                        "most {mb} MB unpacked: save the sheet as CSV UTF-8",
                        part=big.filename,
                        size=big.file_size,
                        mb=MAX_UNPACKED // 2**20,
                    ),
                )
            )
            file.close()
            return None
        file.seek(0)
        book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl on a damaged file: zip, XML, a missing part, …
        file.close()
        problems.append(
            Problem(name, 0, 0, msg("is not a readable .xlsx workbook ({why})", why=_why(exc)))
        )
        return None
    if sheet is not None and sheet not in book.sheetnames:
        problems.append(
            Problem(
                name,
                0,
                0,
                msg(
                    "has no sheet {sheet!r}; its sheets: {sheets}",
                    sheet=sheet,
                    sheets=", ".join(book.sheetnames),
                ),
            )
        )
    elif sheet is None and not book.worksheets:
        problems.append(Problem(name, 0, 0, msg("has no sheet with cells (only charts)")))
    elif sheet is None and getattr(book.worksheets[0], "sheet_state", "visible") != "visible":
        # what Excel shows is another sheet: reading this one would surprise whoever opens it
        shown = [w.title for w in book.worksheets if w.sheet_state == "visible"]
        problems.append(
            Problem(
                name,
                0,
                0,
                msg(
                    "its first sheet {sheet!r} is hidden in Excel; name the sheet to read after "
                    "a #, such as {example}",
                    sheet=book.worksheets[0].title,
                    example=f"{path.name}#{shown[0] if shown else book.worksheets[0].title}",
                ),
            )
        )
    else:
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        if hasattr(ws, "_get_source"):
            return _sheet_rows(book, ws, file, name, problems, claims)
        problems.append(
            Problem(name, 0, 0, msg("its sheet {sheet!r} is a chart, not a table", sheet=sheet))
        )
    book.close()
    file.close()
    return None


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
            problems.append(
                Problem(name, 0, 0, msg("is not a readable .xlsx workbook ({why})", why=_why(exc)))
            )
            return
        last = 0
        width = None  # the header row's: shorter rows are padded to it, as Excel shows them
        while True:
            try:
                item = next(parsed, None)
            except Exception as exc:  # damaged XML, a cell reference past XFD, …
                problems.append(
                    Problem(
                        name,
                        last + 1,
                        0,
                        msg("is not a readable .xlsx workbook ({why})", why=_why(exc)),
                    )
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
                        msg(
                            "is not a readable .xlsx workbook (row {number} after row {last})",
                            number=number,
                            last=last,
                        ),
                    )
                )
                return
            if number > MAX_SHEET_ROWS:
                problems.append(
                    Problem(
                        name,
                        number,
                        0,
                        msg(
                            "the sheet goes on to row {number:,}; a sheet is read to row {most:,} "
                            "at most: save it as CSV UTF-8, or split it",
                            number=number,
                            most=MAX_SHEET_ROWS,
                        ),
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
                            msg(
                                "cell {cell} is past column {last} ({most:,}); a table has at most "
                                "{most:,} columns",
                                cell=f"{get_column_letter(column)}{number}",
                                last=get_column_letter(MAX_COLUMNS),
                                most=MAX_COLUMNS,
                            ),
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
                            msg(
                                "is not a readable .xlsx workbook (cell {where} has a style the "
                                "workbook does not define)",
                                where=where,
                            ),
                        )
                    )
                    return
                text = _cell_text(cell, claims)
                if len(text) > MAX_CELL_CHARS:
                    problems.append(Problem(name, number, 0, long_cell(len(text), where)))
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


def _why(exc: BaseException) -> str:
    """An exception from a damaged workbook, on one line and short."""
    text = " ".join(str(exc).split())[:200]
    return text or type(exc).__name__


def _cell_text(cell: Any, claims: bool) -> str:
    """A workbook cell as the text it was typed as (see `xlsx_rows`)."""
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
