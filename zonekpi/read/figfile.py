"""Figure files: a table (CSV, TSV, an .xlsx sheet) or a YAML file of figures, read into Figures.

`read_figure_file` reads a YAML file here and hands a table to `layouts.read_table`, which
gives a long table with English headings to `figrows.table_figures`. Its header names the
columns (`figrows._columns`); its rows are read by `figrows._Rows`, each one measure of one
figure, read with the same rules and messages as a figure of a plan or a YAML file.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem, msg
from ..model.plan import Figure
from .figures import FIGURE_FILE, FigureReader, duplicates
from .reader import Names
from .tables import TABLE_SUFFIXES, split_sheet
from .textfile import read_bytes
from .yamlstrict import read_yaml


def read_figure_file(
    path: Path, names: Names, problems: list[Problem]
) -> tuple[list[Figure], list[str]]:
    """Figures of a CSV or YAML figure file, and notes on how it was read (encoding); two
    figures of the file for the same indicator, park and period are a problem."""
    path, sheet = split_sheet(path)
    name = str(path)
    if path.is_dir():
        problems.append(
            Problem(name, 0, 0, msg("is a directory; give a figure file (.csv or .yaml)"))
        )
        return [], []
    if path.suffix.lower() in (".yaml", ".yml"):
        doc = read_yaml(read_bytes(path), name, FIGURE_FILE)
        if not isinstance(doc.data, dict) or not isinstance(doc.data.get("figures"), list):
            problems.append(
                Problem(name, 1, 1, msg("a YAML figure file is a mapping with a 'figures:' list"))
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
            Problem(
                name, 0, 0, msg("figure files are .csv, .xlsx or .yaml (Excel: save as CSV UTF-8)")
            )
        )
        return [], []
    from .layouts import read_table  # the long table, and the layouts offices send (统计月报)

    return read_table(path, sheet, names, problems)
