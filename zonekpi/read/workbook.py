"""What the layouts need of a workbook beyond the text of its rows (`tables.table_rows`, which
reads every sheet's cells): the names of its sheets, and which cells Excel shows as a percentage.

A number shown as 8.5% is stored as 0.085, and `tables` writes it as the percentage meant, 8.5,
without the sign; in a column of levels (1-10月累计, 亿元) that would be read as 8.5 亿元. The
layouts look the cells up here and refuse them. Both are read on the side and bounded: what
cannot be read here is left for `tables` to report when it reads the sheet.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

MAX_ROWS = 250_000  # a sheet's rows looked at for percentages (tables refuses longer sheets)
_MAX_BOOK_XML = 16 * 1024 * 1024  # xl/workbook.xml, unpacked: the sheet list, a few KB
_SHEET = re.compile(r"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"")


def sheet_names(path: Path) -> list[str] | None:
    """The names of a workbook's sheets, in order (from xl/workbook.xml); None when they cannot
    be read (not a regular file, not a workbook): `tables` then says what is wrong."""
    try:
        if not path.is_file():
            return None
        with zipfile.ZipFile(path) as parts:
            info = parts.getinfo("xl/workbook.xml")
            if info.file_size > _MAX_BOOK_XML:
                return None
            text = parts.read(info).decode("utf-8", "replace")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RuntimeError):
        return None
    names = [html.unescape(n) for n in _SHEET.findall(text)]
    return names or None


def percent_cells(path: Path, sheet: str | None, width: int) -> frozenset[tuple[int, int]]:
    """(row, column from 0) of every number in the sheet (the first when `sheet` is None) that
    Excel shows as a percentage, in its first `width` columns; none when the sheet cannot be
    read (`tables` says why)."""
    try:
        import openpyxl  # type: ignore[import-untyped]

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # a damaged workbook: tables reports it
        return frozenset()
    found: set[tuple[int, int]] = set()
    try:
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        rows = ws.iter_rows(min_row=1, max_row=MAX_ROWS, max_col=max(width, 1))
        for n, row in enumerate(rows, 1):
            for k, cell in enumerate(row):
                value = getattr(cell, "value", None)
                if (
                    isinstance(value, int | float)
                    and not isinstance(value, bool)
                    and "%" in str(getattr(cell, "number_format", "") or "")
                ):
                    found.add((n, k))
    except Exception:  # as above
        return frozenset(found)
    finally:
        book.close()
    return frozenset(found)
