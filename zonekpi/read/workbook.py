"""A figure workbook (.xlsx) opened once, its sheets read as text rows as `tables` reads one.

`tables._xlsx_rows` reads one sheet; a workbook of park sheets is read whole, and a layout needs
to know which cells Excel shows as a percentage (0.085 shown as 8.5% is a rate, never a level of
8.5): `sheet_rows` gives both, every cell written as `tables._cell_text` writes it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..errors import Problem
from .tables import _cell_text


def open_workbook(path: Path, problems: list[Problem]) -> Any:
    """The workbook at `path`, opened read-only; None after recording why it cannot be."""
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
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        problems.append(Problem(str(path), 0, 0, f"is not a readable .xlsx workbook ({exc})"))
        return None


def sheet_rows(ws: Any) -> tuple[list[tuple[int, list[str]]], frozenset[tuple[int, int]]]:
    """The rows of a sheet as text, numbered as Excel numbers them, and the (row, column) of
    every number shown as a percentage (its text is already × 100, without the %)."""
    rows: list[tuple[int, list[str]]] = []
    percents: set[tuple[int, int]] = set()
    for n, row in enumerate(ws.iter_rows(), 1):
        cells = []
        for k, cell in enumerate(row):
            cells.append(_cell_text(cell, False))
            value = cell.value
            if (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and "%" in str(getattr(cell, "number_format", "") or "")
            ):
                percents.add((n, k))
        rows.append((n, cells))
    return rows, frozenset(percents)
