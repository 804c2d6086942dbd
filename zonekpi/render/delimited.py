"""CSV and TSV: every column, stable English names, one row per finding.

Quoted as RFC 4180 says: a cell with the delimiter, a quote or a line break (CR or LF) is
quoted, so that no cell can start a row of its own. Numbers are bare (completion as a
percentage such as 102.2%, the gap as a number with its unit in gap_unit) so a spreadsheet can
sum them. A cell from plan text that starts with
=, +, -, @ (or a tab or carriage return) is prefixed with ' so that Excel and WPS do not run
it as a formula; numeric columns are left as numbers. ``--excel`` adds a UTF-8 BOM so that
Excel opens Chinese text correctly.
"""

from __future__ import annotations

import re

from . import Options, Output

_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?%?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTES = re.compile('["\r\n]')


def _safe(value: str, numeric: bool) -> str:
    if value.startswith(_FORMULA_START) and not (numeric and _NUMBER.fullmatch(value)):
        return "'" + value
    return value


def render(output: Output, options: Options) -> str:
    table = output.table()
    delimiter = "\t" if options.format == "tsv" else ","
    end = "\r\n" if options.excel else "\n"
    columns = [c for c in table.columns if c.machine]
    lines = [_row([c.key for c in columns], delimiter)]
    for row in table.rows:
        lines.append(_row([_safe(row.get(c.key, ""), c.numeric) for c in columns], delimiter))
    text = end.join(lines) + end
    return ("\ufeff" + text) if options.excel else text


def _row(values: list[str], delimiter: str) -> str:
    """One line of CSV: a cell with the delimiter, a quote or any line break (a lone CR too,
    which csv.writer leaves bare when lines end in LF) is quoted, quotes doubled."""
    return delimiter.join(
        f'"{v.replace(chr(34), chr(34) * 2)}"' if _NEEDS_QUOTES.search(v) or delimiter in v else v
        for v in values
    )
