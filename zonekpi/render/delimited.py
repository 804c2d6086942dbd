"""CSV, TSV and the long CSV: every column, stable English names.

``csv`` and ``tsv`` write a command's table, one row per finding (with ``--by-park``, one per
indicator and measure, parks across); ``long`` writes `check`'s tidy table, one row per
indicator × park × period × measure with every number in one ``value`` column (docs/output.md,
"CSV shapes"). Every CSV has a ``period`` column; `check`'s an ``illustrative`` one.

Quoted as RFC 4180 says: a cell with the delimiter, a quote or a line break (CR or LF) is
quoted, so that no cell can start a row of its own. Plain CSV is data for programs: cells are
written as they are (+0.53 stays +0.53). ``--excel`` is for a file that goes into a
spreadsheet: a UTF-8 BOM and CRLF line ends, and a cell that starts with =, +, -, @ (or a tab
or carriage return) is prefixed with ' so that Excel, WPS and LibreOffice do not run it as a
formula (=HYPERLINK(…) in a plan name); a number in a numeric column stays a number.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import Options, Output

if TYPE_CHECKING:
    from ..view.table import Table

_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?%?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTES = re.compile('["\r\n]')


def guarded(value: str, numeric: bool) -> str:
    """A cell a spreadsheet will not run: ' before a formula's first character; a number in
    a numeric column left as it is."""
    if value.startswith(_FORMULA_START) and not (numeric and _NUMBER.fullmatch(value)):
        return "'" + value
    return value


def render(output: Output, options: Options) -> str:
    table = _table(output, options.format)
    delimiter = "\t" if options.format == "tsv" else ","
    end = "\r\n" if options.excel else "\n"
    columns = [c for c in table.columns if c.machine]
    lines = [_row([c.key for c in columns], delimiter)]
    for row in table.rows:
        cells = [row.get(c.key, "") for c in columns]
        if options.excel:
            cells = [guarded(v, c.numeric) for v, c in zip(cells, columns, strict=True)]
        lines.append(_row(cells, delimiter))
    text = end.join(lines) + end
    return ("\ufeff" + text) if options.excel else text


def _table(output: Output, fmt: str) -> Table:
    if fmt != "long":
        return output.table()
    long = getattr(output, "long", None)
    if long is None:
        from ..errors import BadUsage, msg

        raise BadUsage(msg("--format long is the tidy CSV of check; use --format csv here"))
    made: Table = long()
    return made


def _row(values: list[str], delimiter: str) -> str:
    """One line of CSV: a cell with the delimiter, a quote or any line break (a lone CR too,
    which csv.writer leaves bare when lines end in LF) is quoted, quotes doubled."""
    return delimiter.join(
        f'"{v.replace(chr(34), chr(34) * 2)}"' if _NEEDS_QUOTES.search(v) or delimiter in v else v
        for v in values
    )
