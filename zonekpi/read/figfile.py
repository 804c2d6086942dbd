"""Figure files: a table (CSV, TSV, an .xlsx sheet) or a YAML file of figures, read into Figures.

`read_figure_file` reads a YAML file here and hands a table to `layouts.read_table`, which
gives a long table with English headings back to `table_figures`. Its header names the columns
(`_columns`); its rows are read by `figrows._Rows`, each one measure of one figure, read with
the same rules and messages as a figure of a plan or a YAML file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..errors import Problem
from ..model.plan import Figure
from .figrows import _Columns, _Rows
from .figures import FIGURE_FILE, FigureReader, duplicates
from .reader import LISTED, Names
from .tables import TABLE_SUFFIXES, header_names, separator, split_sheet
from .textfile import read_bytes
from .yamlstrict import read_yaml

CSV_COLUMNS = ("indicator", "park", "period", "value", "unit")
OPTIONAL = ("measure", "note")


def read_figure_file(
    path: Path, names: Names, problems: list[Problem]
) -> tuple[list[Figure], list[str]]:
    """Figures of a CSV or YAML figure file, and notes on how it was read (encoding); two
    figures of the file for the same indicator, park and period are a problem."""
    path, sheet = split_sheet(path)
    name = str(path)
    if path.is_dir():
        problems.append(Problem(name, 0, 0, "is a directory; give a figure file (.csv or .yaml)"))
        return [], []
    if path.suffix.lower() in (".yaml", ".yml"):
        doc = read_yaml(read_bytes(path), name, FIGURE_FILE)
        if not isinstance(doc.data, dict) or not isinstance(doc.data.get("figures"), list):
            problems.append(
                Problem(name, 1, 1, "a YAML figure file is a mapping with a 'figures:' list")
            )
            return [], doc.notes
        from .schema import validate_figures

        invalid = validate_figures(doc)
        if invalid:
            problems.extend(invalid)
            return [], doc.notes
        figures = FigureReader(doc, names, problems).figures(doc.data["figures"], ("figures",))
        problems.extend(duplicates(figures))  # (a table merges its rows by key as it reads them)
        return figures, doc.notes
    if path.suffix.lower() not in TABLE_SUFFIXES:
        problems.append(
            Problem(name, 0, 0, "figure files are .csv, .xlsx or .yaml (Excel: save as CSV UTF-8)")
        )
        return [], []
    from .layouts import read_table  # the long table, and the layouts offices send (统计月报)

    return read_table(path, sheet, names, problems)


def table_figures(
    numbered: Iterable[tuple[int, list[str]]], name: str, names: Names, problems: list[Problem]
) -> list[Figure]:
    """Figures of a table (CSV rows or a sheet): a header row, then one figure a row."""
    rows = iter(numbered)
    first = next(rows, None)
    if first is None:
        problems.append(
            Problem(
                name, 1, 0, "is empty; the first row names the columns " + ",".join(CSV_COLUMNS)
            )
        )
        return []
    columns = _columns(header_names(first[1]), name, problems)
    if columns is None:
        return []
    table = _Rows(columns, name, names, problems)
    table.read(rows)
    return table.figures()


def _columns(header: list[str], name: str, problems: list[Problem]) -> _Columns | None:
    """The columns a header row names; None after recording why it is not a figure table's."""
    wrong = _header_problem(header, name)
    if wrong:
        problems.append(Problem(name, 1, 0, wrong))
        return None
    at = {h: n for n, h in enumerate(header)}
    optional = (at.get(k) for k in ("park", "unit", "measure", "note"))
    return _Columns(len(header), at["indicator"], at["period"], at["value"], *optional)


def _header_problem(header: list[str], name: str) -> str:
    """What is wrong with a figure table's header row, or ''."""
    counted = Counter(header)  # (header.count of each name took minutes for 100,000 names)
    twice = sorted(h for h, n in counted.items() if h and n > 1)
    if twice:
        return f"column '{twice[0]}' appears twice; keep one"
    missing = [c for c in ("indicator", "period", "value") if c not in header]
    separated = separator(header, name, "indicator") if missing else ""
    if separated:
        return f"the columns are separated by {separated}"
    if missing:
        return (
            f"missing column(s) {', '.join(missing)}; the header is "
            + ",".join(CSV_COLUMNS)
            + " (and optionally measure, note)"
        )
    allowed = (*CSV_COLUMNS, *OPTIONAL)
    unknown = [c for c in header if c not in allowed]
    if unknown:
        listed = ", ".join(unknown[:LISTED])
        if len(unknown) > LISTED:
            listed += f", … ({len(unknown):,} in all)"
        return f"unknown column(s) {listed}; allowed: " + ",".join(allowed)
    return ""
