"""CSV and TSV: every column, stable English names, one row per finding.

Written with the csv module (tabulate has no CSV). Numbers are bare (completion as a
percentage such as 102.2%, the gap as a number with its unit in gap_unit) so a spreadsheet can
sum them. A cell from plan text that starts with
=, +, -, @ (or a tab or carriage return) is prefixed with ' so that Excel and WPS do not run
it as a formula; numeric columns are left as numbers. ``--excel`` adds a UTF-8 BOM so that
Excel opens Chinese text correctly.
"""

from __future__ import annotations

import csv
import io
import re

from . import Options, Output

_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?%?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str, numeric: bool) -> str:
    if value.startswith(_FORMULA_START) and not (numeric and _NUMBER.fullmatch(value)):
        return "'" + value
    return value


def render(output: Output, options: Options) -> str:
    table = output.table()
    buf = io.StringIO()
    delimiter = "\t" if options.format == "tsv" else ","
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if options.excel else "\n")
    columns = [c for c in table.columns if c.machine]
    writer.writerow([c.key for c in columns])
    for row in table.rows:
        writer.writerow([_safe(row.get(c.key, ""), c.numeric) for c in columns])
    text = buf.getvalue()
    return ("\ufeff" + text) if options.excel else text
