"""An Excel workbook (``-f xlsx``, ``-o FILE.xlsx``): a sheet per table, written with openpyxl.

Each sheet has the table's title in its first row and the headers in its second, frozen under
them, with an autofilter, columns as wide as their text (a Chinese character counts two), and a
page set for printing: A4 landscape, fitted to the width, the headers repeated on every page.
A number is a number with its format (completion 0.0%); a status cell is coloured by its code
(达标 green, 未达标 red, 落后序时 amber, 无数据 grey). Charts are native Excel charts drawn
from the sheet's own cells, beside the table.

Text from a plan never runs: a cell is written as a string even when it starts with = + - @
(openpyxl would otherwise write a formula), marked to stay text when edited (quotePrefix), and
a control character is shown escaped (render.inert). The bytes are the same for the same
input: the document's dates and the archive's times are fixed.

openpyxl is imported here and nowhere else, only when a workbook is written.
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..view.chartdata import TONES
from . import Options, Output, inert, tables

if TYPE_CHECKING:
    from ..view.table import Chart, Table

# a status's tone (view.chartdata.TONES) -> (fill, font colour): Excel's own good / bad / neutral
# styles, and grey
FILLS = {
    "good": ("C6EFCE", "006100"),
    "bad": ("FFC7CE", "9C0006"),
    "late": ("FFEB9C", "9C5700"),
    "none": ("D9D9D9", "404040"),
}
HEADER_FILL = "DDEBF7"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_WIDTH = 40  # characters of the widest column; longer text wraps
HEADER_WIDTH = 16  # characters a header widens its column to
_QUOTED = re.compile(r'"([^"]*)"')  # the words of a number format
FIXED = datetime(2000, 1, 1)  # the document's dates: the same bytes for the same input
FIRST = 3  # the row of a table's first line: the title, then the headers, above it
CHART_ROWS, CHART_WIDTH = 17, 92  # a chart of 16 × 7.5 cm: rows, and width in characters


def render(output: Output, options: Options) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    sheets = getattr(output, "workbook", None)
    made: list[Table] = sheets() if sheets is not None else tables(output)
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for n, table in enumerate(made, 1):
        _sheet(wb.create_sheet(_name(table.sheet or f"{n}", used)), table)
    wb.properties.creator = "zonekpi"
    wb.properties.created = wb.properties.modified = FIXED
    return _save(wb)


def _name(wanted: str, used: set[str]) -> str:
    """A sheet name Excel accepts: none of []:*?/\\, at most 31 characters, not used yet."""
    name = "".join("_" if c in "[]:*?/\\" else c for c in inert(wanted)).strip("'")[:31] or "_"
    base, n = name, 2
    while name.lower() in used:
        name = f"{base[: 31 - len(str(n)) - 1]}_{n}"
        n += 1
    used.add(name.lower())
    return name


def _sheet(ws: Any, table: Table) -> None:
    from openpyxl.styles import (  # type: ignore[import-untyped]
        Alignment,
        Border,
        Font,
        PatternFill,
        Side,
    )
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    columns = table.columns
    _text(ws.cell(1, 1), table.title).font = Font(bold=True, size=13)
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    thin = Side(style="thin", color="A6A6A6")
    edge = Border(left=thin, right=thin, top=thin, bottom=thin)  # the table's lines, printed
    for j, c in enumerate(columns, 1):
        cell = _text(ws.cell(2, j), c.header)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = edge
    widths = [min(HEADER_WIDTH, _width(c.header)) for c in columns]  # a long header wraps
    shown: list[list[int]] = []  # the width of each cell's text, row by row
    for i, row in enumerate(table.rows):
        numbers = table.numbers[i] if i < len(table.numbers) else {}
        shown.append([])
        for j, c in enumerate(columns, 1):
            cell = ws.cell(FIRST + i, j)
            got = numbers.get(c.key)
            if got is not None:
                cell.value = got.value
                cell.number_format = got.format
                text = _shown(got.value, got.format)
            else:
                text = _text(cell, c.human(row.get(c.key, ""))).value
            cell.border = edge
            shown[-1].append(_width(text))
            widths[j - 1] = max(widths[j - 1], shown[-1][-1])
            _colour(cell, row.get(c.fill, "") if c.fill else "")
    widest = MAX_WIDTH if len(columns) > 2 else 2 * MAX_WIDTH  # 说明: the text is the sheet
    widths = [min(widest, max(6, w + 2)) for w in widths]
    for j, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    pairs = zip(columns, widths, strict=True)
    heads = max((-(-_width(c.header) // (w - 1)) for c, w in pairs), default=1)
    ws.row_dimensions[2].height = 15 * heads if heads > 1 else None
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, cells in enumerate(shown):  # a long text wraps, its row as tall as it needs
        lines = max((-(-w // (widths[j] - 1)) for j, w in enumerate(cells)), default=1)
        if lines > 1:
            ws.row_dimensions[FIRST + i].height = 15 * lines
            for j, w in enumerate(cells, 1):
                if w > widths[j - 1] - 1:
                    ws.cell(FIRST + i, j).alignment = wrap
    last = FIRST + len(table.rows) - 1
    if not table.rows:
        _text(ws.cell(FIRST, 1), table.empty)
    end = get_column_letter(max(len(columns), 1))
    ws.freeze_panes = f"A{FIRST}"
    if table.rows:
        ws.auto_filter.ref = f"A2:{end}{last}"
    below = max(last, FIRST) + 2
    for k, line in enumerate(table.footer):
        _text(ws.cell(below + k, 1), line)
    _page(ws)
    beside = len(columns) <= 4  # a narrow table has its charts to its right, else below
    top = 2 if beside else below + len(table.footer) + 1
    for n, chart in enumerate(table.charts):
        _chart(ws, table, chart, last, _place(widths, top, n, beside))


def _place(widths: list[int], row: int, n: int, beside: bool) -> str:
    """The cell of the n-th chart's top left: one under another beside a table, two across
    below it (the second where the columns' widths have passed the first)."""
    from openpyxl.utils import get_column_letter

    if beside:
        return f"{get_column_letter(len(widths) + 2)}{row + n * CHART_ROWS}"
    column, passed = 1, 0
    while n % 2 and passed < CHART_WIDTH:
        passed += widths[column - 1] if column <= len(widths) else 9
        column += 1
    return f"{get_column_letter(column)}{row + (n // 2) * CHART_ROWS}"


def _text(cell: Any, value: str) -> Any:
    """A string cell that stays a string: never a formula, no character XML cannot hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]

    text = ILLEGAL_CHARACTERS_RE.sub("?", inert(value))
    cell.value = text
    if text.startswith(FORMULA_START):
        cell.data_type = "s"  # openpyxl reads "=…" as a formula: it is plan text
        cell.quotePrefix = True  # and stays text when a person edits the cell
    return cell


def _colour(cell: Any, code: str) -> None:
    from openpyxl.styles import Font, PatternFill

    tone = TONES.get(code, "")
    if tone in FILLS:
        fill, font = FILLS[tone]
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(color=font)


def _width(text: str) -> int:
    """Columns a text takes: two for a wide (East Asian) character, one for others."""
    longest = max(text.split("\n"), key=len) if text else ""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in longest)


def _shown(value: float, fmt: str) -> str:
    """About what a number cell shows, for its column's width: the digits and the words of
    its format ("亿元")."""
    first = fmt.split(";")[0]
    words = "".join(_QUOTED.findall(first)) + ("%" if "%" in first else "")
    return f"{value * (100 if '%' in first else 1):+,.2f}{words}"


def _page(ws: Any) -> None:
    """A4 landscape, one page wide, the title and header rows on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:2"


def _chart(ws: Any, table: Table, chart: Chart, last: int, anchor: str) -> None:
    """`chart` drawn from the table's cells (rows 3 to `last`), its top left at `anchor`."""
    from openpyxl.chart import BarChart, LineChart, Reference  # type: ignore[import-untyped]

    keys = [c.key for c in table.columns]
    if not table.rows or chart.categories not in keys:
        return

    def ref(key: str, first: int = 2) -> Any:
        j = keys.index(key) + 1
        return Reference(ws, min_col=j, min_row=first, max_row=last)

    bars = BarChart()
    bars.type = "bar" if chart.kind == "bar" else "col"
    bars.grouping = "clustered"
    bars.title = inert(chart.title)
    lines = [k for k in chart.lines if k in keys]
    # a line cannot run across horizontal bars: there it is a bar of its own
    for key in [k for k in chart.bars if k in keys] + (lines if chart.kind == "bar" else []):
        bars.add_data(ref(key), titles_from_data=True)
    bars.set_categories(ref(chart.categories, FIRST))
    if lines and chart.kind != "bar":
        line = LineChart()
        for key in lines:
            line.add_data(ref(key), titles_from_data=True)
        line.set_categories(ref(chart.categories, FIRST))
        bars += line
    _axes(bars, chart)
    rows = len(table.rows)
    bars.width = 16
    bars.height = 7.5
    if chart.kind == "bar":  # a category a line, top to bottom as in the table
        bars.height = max(7.5, 2.5 + 0.5 * rows)
        bars.x_axis.scaling.orientation = "maxMin"
    ws.add_chart(bars, anchor)


def _axes(bars: Any, chart: Chart) -> None:
    if chart.percent:
        bars.y_axis.numFmt = "0%"
    if chart.axis:
        bars.y_axis.title = inert(chart.axis)
    bars.y_axis.delete = False
    bars.x_axis.delete = False
    bars.legend.position = "b"


def _save(wb: Any) -> bytes:
    """The workbook's bytes, the archive's entries dated the same fixed day."""
    from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

    from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

    raw = io.BytesIO()
    with ZipFile(raw, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    fixed = io.BytesIO()
    with ZipFile(raw) as source, ZipFile(fixed, "w", ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            entry.compress_type = ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return fixed.getvalue()
