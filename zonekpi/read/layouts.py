"""Figure tables as offices send them: the long table, and the layouts of a 统计月报.

Every table (a CSV, TSV or a workbook's sheets) comes here from `figfile.read_figure_file`. Its
layout is recognised from its header row, the first row with an indicator column (指标, 指标名称,
indicator…); the rows above it are titles, which may state the period (2018年1-10月, 期间:
2018-10), the park (填报单位: 高新区) or the unit (单位: 亿元). Then:

- **a long table** (a period column: indicator, park, period, value…, or 指标, 园区, 期间, 数值…)
  is read by `figfile.table_figures` as it always was, its Chinese headings, names, aliases,
  statuses and measures (增速) turned into the ids and words that reader knows;
- **indicators down** — figure columns relative to the report's period (本月, 1-N月累计, 去年同期,
  同比增长(%), 上年全年: a 统计月报), or periods across (1月 … 12月, 1-10月, 2018-10, 2017年);
- **parks across** (高新区, 经开区, …, 合计), for the report's period;
- **a workbook of park sheets**: every sheet named for a park (or 全区/合计 for the zone) holds
  that park's figures, indicators down.

The figures of a layout are written out as the rows of a long table (`_Out`) and read by the same
reader, so that every rule and message about a value, a unit or a period is the one a long table
gives. What only a layout can get wrong is found here, as a person reading the table would:
a cell that is not a number, a percentage in a column of levels, a 同比 that disagrees with
本期 ÷ 去年同期, a month larger than its year to date, a year to date that falls. Each is one
line naming the file (and sheet), the row, the cell (A1) and what to do; what cannot be read is a
problem (exit 2), what can is a warning. Blank rows, footnotes (注, 说明…) and rows without
figures (headings of groups) are read past; an empty indicator cell under a filled one, beside a
park, is the merged cell it was.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import chain, pairwise
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import Problem, UnitError
from ..model import units
from ..model.periods import Period, parse_period
from ..model.plan import Figure
from . import names as vocab
from .names import Lookup
from .reader import Names
from .tables import header_names, table_rows
from .workbook import percent_cells, sheet_names

CANONICAL = ["indicator", "park", "period", "value", "unit", "measure", "note"]
EMPTY_MARKS = frozenset(("-", "--", "—", "——", "－", "/", "…", "……", "×"))
LAYOUTS_SAID = (
    "a long table (指标, 园区, 期间, 数值, 单位), or indicators down with 本月, 1-N月累计, "
    "去年同期, 同比增长(%), 单位 (a 统计月报), with months across (1月 … 12月, 2018-01 …) or "
    "with parks across (高新区 …, 合计)"
)
_ENGLISH = frozenset(("indicator", "park", "period", "value", "unit", "measure", "note", "status"))
_CHINESE = re.compile(r"[\u4e00-\u9fff]")  # a name, not an id: zonekpi says what it may be
_MAX_TITLE_ROWS = 12  # rows read for a header before the table is called unrecognised


def read_table(
    path: Path, sheet: str | None, names: Names, problems: list[Problem]
) -> tuple[list[Figure], list[str]]:
    """The figures of a table file (CSV, TSV, a workbook's sheet or its park sheets) in any
    layout it may have, and notes on how it was read (an encoding, warnings). The rows of every
    sheet are read by `tables.table_rows`, as any table's are."""
    from .figures import FIGURE_FILE

    lookup = Lookup(names)
    notes: list[str] = []
    name = str(path)
    titles = sheet_names(path) if path.suffix.lower() == ".xlsx" else None
    figures: list[Figure] = []
    for title, park in _sheets(path, titles, sheet, lookup, problems):
        rows, read_notes = table_rows(path, title, problems, FIGURE_FILE)
        notes.extend(read_notes)
        if rows is None:
            continue
        shown = title or (titles[0] if titles else None)
        source = _Source(name, f"{name}#{shown}" if shown else name, shown, park)
        if titles is not None:
            source = source._replace(book=path)
        figures.extend(_read(rows, source, names, lookup, problems, notes))
    for (shown, text), where in lookup.unknown.items():  # one line a name, not one a row
        line, column = where[0]
        cell = f"cell {_cell(column, line)}: " if column is not None else ""
        more = [w[0] for w in where[1:]]
        also = ""
        if more:
            said = ", ".join(map(str, more[:5])) + (", …" if len(more) > 5 else "")
            also = f" (and {len(more)} more {'row' if len(more) == 1 else 'rows'}: {said})"
        problems.append(Problem(shown, line, 0, cell + lookup.unknown_indicator(text) + also))
    return figures, notes


class _Source(NamedTuple):
    """Where a table's rows come from: the file its figures name, the name its messages give
    (`book.xlsx#高新区`), the sheet (its name may state the period), the park of a park's sheet
    ('' for the zone), and the workbook, whose cells shown as a percentage are looked up."""

    file: str
    shown: str
    sheet: str | None
    park: str | None = None
    book: Path | None = None

    def percents(self, width: int) -> frozenset[tuple[int, int]]:
        """(row, column) of the cells Excel shows as a percentage, in the first `width`."""
        if self.book is None:
            return frozenset()
        return percent_cells(self.book, self.sheet, width)


def _sheets(
    path: Path,
    titles: list[str] | None,
    sheet: str | None,
    lookup: Lookup,
    problems: list[Problem],
) -> list[tuple[str | None, str | None]]:
    """The sheets to read (None: a CSV's one table, or a workbook's first sheet), each with its
    park (None: not a park's sheet): the named sheet; every sheet of a workbook of park sheets;
    else the first."""
    if titles is None or sheet is not None:
        park = lookup.park(sheet).id if sheet is not None and _parks_sheet(sheet) else None
        return [(sheet, park)]
    data = [t for t in titles if vocab.key(t) not in _NOTE_SHEETS]
    parks = {t: lookup.park(t).id for t in data if _parks_sheet(t)}
    if not any(p is not None for p in parks.values()):
        return [(None, None)]
    chosen: list[tuple[str | None, str | None]] = []
    for title in data:
        park = parks.get(title)
        if park is None:
            rows, _ = table_rows(path, title, [], "figure file")
            if rows is None or not any(any(c.strip() for c in r) for _, r in rows):
                continue  # an empty sheet (Sheet2) holds nothing to misplace
            problems.append(
                Problem(
                    f"{path}#{title}",
                    0,
                    0,
                    f"the workbook has a sheet for each park, and sheet '{title}' is named for "
                    f"no park (parks: {lookup.parks_said()}; the zone: 全区 or 合计); rename "
                    "it for its park, or move it out of the workbook",
                )
            )
            continue
        chosen.append((title, park))
    return chosen


_NOTE_SHEETS = frozenset(vocab.key(t) for t in vocab.NOTE_SHEETS)


def _parks_sheet(title: str) -> bool:
    """Whether a sheet's name can name a park: not a period (1-10月, 2018) nor a bare number."""
    k = vocab.key(title)
    return not (k[:1].isdigit() or vocab.month_heading(title) is not None)


# ----------------------------------------------------------------------------- dispatch


def _read(
    rows: Iterable[tuple[int, list[str]]],
    source: _Source,
    names: Names,
    lookup: Lookup,
    problems: list[Problem],
    notes: list[str],
) -> list[Figure]:
    """The figures of one table: a long table as figfile reads it, or a layout."""
    from .figfile import table_figures

    it = iter(rows)
    ahead: list[tuple[int, list[str]]] = []
    for line, cells in it:
        ahead.append((line, cells))
        if any(c.strip() for c in cells):
            break
    first = ahead[-1][1] if ahead else []
    heads = header_names(first)
    named = [h for h in heads if h]
    if not named and source.park is not None:
        return []  # a park's empty sheet: no figures for it
    if len(ahead) <= 1 and (
        not named
        or (_ENGLISH.intersection(named) and all(h.isascii() for h in named))
        or (len(named) == 1 and "indicator" in named[0])  # columns run together (，, tabs)
    ):  # the long table with English headings, as it always was (or an empty file)
        if source.park is not None:
            problems.append(_long_in_park_sheet(source, ahead))
            return []
        wrapped = _LongRows(heads, source, names, lookup, problems, chinese=False)
        return table_figures(wrapped.rows(chain(ahead, it)), source.file, names, problems)
    return _Layout(source, names, lookup, problems, notes).read(chain(ahead, it))


def _long_in_park_sheet(source: _Source, ahead: list[tuple[int, list[str]]]) -> Problem:
    line = ahead[-1][0] if ahead else 1
    return Problem(
        source.shown,
        line,
        0,
        "a park's sheet holds that park's figures, indicators down (指标, 单位, 1-N月累计 …); "
        "this one is a long table with its own park and period columns: give it a sheet name "
        "that is not a park, or leave the park column out",
    )


def _files(figures: list[Figure], source: _Source) -> list[Figure]:
    """Figures named by their file (the workbook), whatever sheet their messages named."""
    if source.shown == source.file:
        return figures
    return [f._replace(file=source.file) for f in figures]


# --------------------------------------------------------------------------- long tables


class _LongRows:
    """The rows of a long table as figfile reads them: indicators and parks named by name or
    alias given their ids, the zone's 合计 given as no park, the status column taken out (and
    remembered for revisions), and, under Chinese headings, 增速 given as growth."""

    def __init__(
        self,
        heads: list[str],
        source: _Source,
        names: Names,
        lookup: Lookup,
        problems: list[Problem],
        chinese: bool,
    ) -> None:
        self.source, self.names, self.lookup, self.problems = source, names, lookup, problems
        self.chinese = chinese
        at = {h: n for n, h in enumerate(heads)}
        self.i_ind, self.i_park = at.get("indicator"), at.get("park")
        self.i_measure = at.get("measure") if chinese else None
        self.i_status = at.get("status")

    def rows(self, rows: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
        header = next(rows, None)
        if header is None:
            return
        i_status = self.i_status
        if i_status is not None:
            header = (header[0], header[1][:i_status] + header[1][i_status + 1 :])
        yield header
        ids, parks = self.names.indicators, self.names.parks
        i_ind, i_park = self.i_ind, self.i_park
        plain = i_status is None and self.i_measure is None and not self.chinese
        for line, cells in rows:
            row: list[str] | None = cells
            if i_ind is not None and len(cells) > i_ind and cells[i_ind] not in ids:
                row = self.indicator(line, cells, i_ind)
            if (
                row is not None
                and i_park is not None
                and len(row) > i_park
                and row[i_park]
                and row[i_park] not in parks
            ):
                row = self.park(line, row, i_park)
            if row is not None and not plain:
                row = self.rest(line, row)
            if row is not None:
                yield line, row

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.source.shown, line, 0, message))

    def indicator(self, line: int, row: list[str], i: int) -> list[str] | None:
        cell = row[i].strip()
        if not cell:
            if (
                self.chinese
                and any(c.strip() for c in row)
                and vocab.is_footnote(next(c for c in row if c.strip()))
            ):
                return None  # 注: … under the table
            return row
        found = self.lookup.indicator(cell)
        if found.id is not None:
            return [*row[:i], found.id, *row[i + 1 :]]
        if found.message:
            self.problem(line, found.message)
            return None
        if self.chinese and vocab.is_footnote(cell):
            return None
        if self.names.skip_unknown:
            self.names.skipped.append(cell)
            return None
        if _CHINESE.search(cell):
            self.lookup.unknown_at(self.source.shown, cell, line, None)
            return None
        return row  # figfile says what is wrong with an unknown id, as it always has

    def park(self, line: int, row: list[str], i: int) -> list[str] | None:
        found = self.lookup.park(row[i])
        if found.id is not None:
            return [*row[:i], found.id, *row[i + 1 :]]
        if found.message:
            self.problem(line, found.message)
            return None
        if _CHINESE.search(row[i]):
            self.problem(line, self.lookup.unknown_park(row[i]))
            return None
        return row  # figfile's message (an id, a stray invisible character)

    def rest(self, line: int, row: list[str]) -> list[str] | None:
        i_measure, i_status = self.i_measure, self.i_status
        if i_measure is not None and len(row) > i_measure and row[i_measure].strip():
            word = vocab.MEASURE_WORDS.get(vocab.key(row[i_measure]))
            if word is not None:
                row = [*row[:i_measure], word, *row[i_measure + 1 :]]
        if i_status is not None and len(row) > i_status:
            status = row[i_status].strip()
            if status:
                if vocab.status_rank(status) is None:
                    self.problem(line, _unknown_status(status))
                    return None
                indicator = _at(row, self.i_ind).strip()
                park = _at(row, self.i_park).strip() or None
                self.names.statuses[(self.source.file, line, indicator, park)] = status
            row = row[:i_status] + row[i_status + 1 :]
        return row


def _at(row: list[str], index: int | None) -> str:
    """The cell of `row` at `index`, '' when there is none."""
    return row[index] if index is not None and index < len(row) else ""


def _unknown_status(status: str) -> str:
    return (
        f"status '{status}' is not one of {', '.join(vocab.STATUS_NAMES)} (from the first "
        "estimate to the last); leave the cell empty when the figure has none"
    )


# ------------------------------------------------------------------------------- layouts


class _Column(NamedTuple):
    """A column of a layout's header: `kind` meta (role: indicator, park, unit, measure, note,
    status), relative (role: month, ytd, …; `month` its own N), period (`period`), months
    (`period`'s months, `year` when the heading has one: 10月, 1-10月, 2018年10月), park (role:
    the park's id, '' for the zone), ignored (序号) or unknown."""

    at: int
    heading: str
    kind: str
    role: str = ""
    period: Period | None = None
    month: int | None = None
    year: int | None = None  # a period heading that needs the year (10月, 1-10月): None


class _Header(NamedTuple):
    line: int
    columns: list[_Column]
    unknown: list[_Column]
    long: bool  # a long table's header (a period column)

    def meta(self, role: str) -> int | None:
        for c in self.columns:
            if c.kind == "meta" and c.role == role:
                return c.at
        return None

    @property
    def figures(self) -> list[_Column]:
        return [c for c in self.columns if c.kind in ("relative", "period", "park", "months")]

    @property
    def layout(self) -> str:
        kinds = {c.kind for c in self.figures}
        if "park" in kinds:
            return "parks across"
        if "relative" in kinds:
            return "统计月报"
        return "months across"


def _header(line: int, cells: list[str], lookup: Lookup) -> _Header | None:
    """The header a row is, or None: a row with an indicator column (or an empty first heading
    over figure columns) and at least one column of figures (or a long table's period)."""
    columns: list[_Column] = []
    unknown: list[_Column] = []
    long_roles = [vocab.long_column(c) if c.strip() else None for c in cells]
    if "indicator" in long_roles and "period" in long_roles:
        cols = [
            _Column(n, c.strip(), "meta", role or "")
            for n, (c, role) in enumerate(zip(cells, long_roles, strict=True))
            if c.strip()
        ]
        unknown = [c for c in cols if not c.role and vocab.heading_key(c.heading) not in _IGNORED]
        return _Header(line, [c for c in cols if c.role], unknown, True)
    for n, cell in enumerate(cells):
        heading = cell.strip()
        if not heading:
            continue
        role = long_roles[n]
        if role in vocab.META_COLUMNS and vocab.relative_column(heading) is None:
            columns.append(_Column(n, heading, "meta", role))
            continue
        if vocab.heading_key(heading) in _IGNORED:
            columns.append(_Column(n, heading, "ignored"))
            continue
        relative = vocab.relative_column(heading)
        if relative is not None:
            columns.append(_Column(n, heading, "relative", relative[0], month=relative[1]))
            continue
        months = vocab.month_heading(heading)
        if months is not None:
            year, first, last = months
            columns.append(
                _Column(n, heading, "months", "", Period(year or 0, first, last), year=year)
            )
            continue
        period = _period_heading(heading)
        if period is not None:
            columns.append(_Column(n, heading, "period", "", period, year=period.year))
            continue
        park = lookup.park(heading).id if not heading.isdigit() else None
        if park is not None:
            columns.append(_Column(n, heading, "park", park))
            continue
        unknown.append(_Column(n, heading, "unknown"))
    kinds = {c.kind for c in columns}
    figures = kinds & {"relative", "period", "park", "months"}
    has_indicator = any(c.kind == "meta" and c.role == "indicator" for c in columns)
    if (
        not has_indicator
        and cells
        and not cells[0].strip()
        and len(figures)
        and sum(c.kind in ("relative", "period", "park", "months") for c in columns) >= 2
    ):
        columns.insert(0, _Column(0, "", "meta", "indicator"))  # a crosstab's empty corner
        has_indicator = True
    if not has_indicator or not (figures or unknown):
        return None
    if not figures and len(unknown) < 2:
        return None
    return _Header(line, columns, unknown, False)


_IGNORED = frozenset(vocab.heading_key(w) for w in vocab.IGNORED)


def _period_heading(heading: str) -> Period | None:
    text = unicodedata.normalize("NFKC", heading).strip()
    if not re.match(r"\d{4}", text):
        return None
    try:
        return parse_period(text)
    except ValueError:
        return None


class _Title(NamedTuple):
    """What the rows above a header say: the report's year and month, a park, a unit, and
    whether YYYY-MM headings are months alone (当月)."""

    year: int | None = None
    month: int | None = None
    park: str | None = None
    unit: str | None = None
    months_alone: bool = False


_TITLE_PERIODS = (
    re.compile(r"(\d{4})\s*年\s*1\s*月?\s*[-—–~至到]\s*(\d{1,2})\s*月"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月"),
    re.compile(r"(\d{4})\s*-\s*(\d{1,2})(?!\d)"),
)
_TITLE_QUARTERS = re.compile(r"(\d{4})\s*年\s*(前三季度|一季度|第一季度|上半年|全年)")
_TITLE_YEAR = re.compile(r"(\d{4})\s*年")
_TITLE_MONTHS = re.compile(r"1\s*[-—–~至到]\s*(\d{1,2})\s*月")
_PERIOD_KEYS = frozenset(("期间", "报告期", "统计期", "时间", "月份", "统计时间", "period"))
_PARK_KEYS = frozenset(("填报单位", "园区", "单位名称", "园区名称", "park"))
_UNIT_KEYS = frozenset(("单位", "计量单位", "unit"))


def _title_text(text: str, title: _Title) -> _Title:
    """A title's free text: the period it names (2018年1-10月, 2018年10月, 2018-10, 2018年)."""
    s = unicodedata.normalize("NFKC", text)
    if title.month is None or title.year is None:
        for pattern in _TITLE_PERIODS:
            m = pattern.search(s)
            if m and 1 <= int(m[2]) <= 12:
                return title._replace(year=int(m[1]), month=int(m[2]))
        m = _TITLE_QUARTERS.search(s)
        if m:
            p = parse_period(f"{m[1]}年{m[2]}")
            return title._replace(year=p.year, month=p.last)
        m = _TITLE_MONTHS.search(s)
        y = _TITLE_YEAR.search(s)
        if m and 1 <= int(m[1]) <= 12:
            title = title._replace(month=int(m[1]), year=int(y[1]) if y else title.year)
        elif y and title.year is None:
            title = title._replace(year=int(y[1]), month=title.month or 12)
    if any(w in s for w in ("当月", "分月")) and "累计" not in s:
        title = title._replace(months_alone=True)
    return title


def _title_row(cells: list[str], title: _Title, lookup: Lookup) -> _Title:
    """What a row above the header says: 期间: 2018-10, 填报单位: 高新区, 单位: 亿元, or a
    title with its period."""
    filled = [c.strip() for c in cells if c.strip()]
    pairs: list[tuple[str, str]] = []
    free: list[str] = []
    n = 0
    while n < len(filled):
        cell = unicodedata.normalize("NFKC", filled[n])
        if ":" in cell:
            k, v = cell.split(":", 1)
            if v.strip():
                pairs.append((vocab.key(k), v.strip()))
            elif n + 1 < len(filled):
                pairs.append((vocab.key(k), filled[n + 1]))
                n += 1
            n += 1
            continue
        k = vocab.key(cell)
        if k in _PERIOD_KEYS | _PARK_KEYS | _UNIT_KEYS and n + 1 < len(filled):
            pairs.append((k, filled[n + 1]))
            n += 2
            continue
        free.append(cell)
        n += 1
    for k, v in pairs:
        if k in _PERIOD_KEYS:
            try:
                p = parse_period(v)
            except ValueError:
                title = _title_text(v, title)
            else:
                title = title._replace(year=p.year, month=p.last)
        elif k in _PARK_KEYS:
            found = lookup.park(v)
            if found.id is not None:
                title = title._replace(park=found.id)
        elif k in _UNIT_KEYS:
            with contextlib.suppress(UnitError):
                title = title._replace(unit=units.parse_unit(v))
        else:
            free.append(f"{k}{v}")
    for text in free:
        title = _title_text(text, title)
    return title


_NUMBER = re.compile(r"[-+]?[0-9][0-9,]*(?:\.[0-9]+)?%?")  # a figure, not a heading


class _Number(NamedTuple):
    """A figure cell as read: its value, the places it was written to, where it is."""

    value: Decimal
    places: int
    line: int
    heading: str
    at: int  # its column

    @property
    def cell(self) -> str:
        return _cell(self.at, self.line)


def _places(text: str) -> int:
    s = text.rstrip("%").strip()
    return len(s) - s.index(".") - 1 if "." in s else 0


def _cell(index: int, line: int) -> str:
    """A cell's A1 name: column `index` (from 0) of row `line`."""
    letters = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return f"{letters}{line}"


class _Layout:
    """Reads a table in one of the layouts: its title rows, header, and figure rows, block by
    block (a new title and header start a new block), into the rows of a long table."""

    def __init__(
        self,
        source: _Source,
        names: Names,
        lookup: Lookup,
        problems: list[Problem],
        notes: list[str],
    ) -> None:
        self.source, self.names, self.lookup = source, names, lookup
        self.problems, self.notes = problems, notes
        self.out: list[tuple[int, list[str]]] = []  # the figures of the row being read

    def problem(self, line: int, message: str, column: int | None = None) -> None:
        where = f"cell {_cell(column, line)}: " if column is not None else ""
        self.problems.append(Problem(self.source.shown, line, 0, where + message))

    def warn(self, line: int, column: int, message: str) -> None:
        self.notes.append(
            f"warning: {self.source.shown}:{line}: cell {_cell(column, line)}: {message}"
        )

    # --------------------------------------------------------------------- the table
    def read(self, rows: Iterator[tuple[int, list[str]]]) -> list[Figure]:
        from .figfile import table_figures

        title = _Title()
        seen: list[tuple[int, list[str]]] = []
        header: _Header | None = None
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            header = _header(line, cells, self.lookup)
            if header is not None:
                break
            seen.append((line, cells))
            title = _title_row(cells, title, self.lookup)
            if len(seen) >= _MAX_TITLE_ROWS:
                break
        if header is None:
            self.unrecognised(seen)
            return []
        if header.long:
            return self.long(header, title, rows)
        table = chain([(header.line, CANONICAL)], self.block(header, title, rows))
        return _files(
            table_figures(table, self.source.shown, self.names, self.problems), self.source
        )

    def unrecognised(self, seen: list[tuple[int, list[str]]]) -> None:
        if not seen:
            return
        line, cells = seen[0]
        found = ", ".join(c.strip() for c in cells if c.strip())
        self.problems.append(
            Problem(
                self.source.shown,
                line,
                0,
                f"cannot tell the layout of this table: no header row names an indicator column "
                f"(指标, 指标名称 or indicator) in its first rows (found: {found[:120]}); "
                f"expected {LAYOUTS_SAID}",
            )
        )

    def long(
        self, header: _Header, title: _Title, rows: Iterator[tuple[int, list[str]]]
    ) -> list[Figure]:
        """A long table under Chinese headings: checked here, then read by figfile."""
        from .figfile import table_figures

        if self.source.park is not None:
            self.problems.append(_long_in_park_sheet(self.source, [(header.line, [])]))
            return []
        if header.unknown:
            said = ", ".join(f"'{c.heading}' ({_cell(c.at, header.line)})" for c in header.unknown)
            self.problem(
                header.line,
                f"unknown column(s) {said}; a long table has 指标, 园区, 期间, 数值, 单位 and "
                "optionally 口径, 状态, 备注 (or indicator, park, period, value, unit, measure, "
                "status, note)",
            )
            return []
        roles = [c.role for c in header.columns]
        twice = sorted({r for r in roles if roles.count(r) > 1})
        if twice:
            said = ", ".join(c.heading for c in header.columns if c.role == twice[0])
            self.problem(header.line, f"the columns {said} all name the {twice[0]}; keep one")
            return []
        width = max(c.at for c in header.columns) + 1
        heads = [""] * width
        for c in header.columns:
            heads[c.at] = c.role
        keep = [n for n, h in enumerate(heads) if h]
        heads = [heads[n] for n in keep]
        body = ((line, [cells[n] if n < len(cells) else "" for n in keep]) for line, cells in rows)
        wrapped = _LongRows(
            heads, self.source, self.names, self.lookup, self.problems, chinese=True
        )
        table = wrapped.rows(chain([(header.line, heads)], body))
        return _files(
            table_figures(table, self.source.shown, self.names, self.problems), self.source
        )

    # --------------------------------------------------------------------- a block
    def block(
        self, header: _Header, title: _Title, rows: Iterator[tuple[int, list[str]]]
    ) -> Iterator[tuple[int, list[str]]]:
        """The figures of the table's rows, as the rows of a long table."""
        out = self.out
        pending: _Title | None = None
        footnotes = False
        reader = self.reader(header, title)
        last_indicator: str | None = None
        for line, cells in rows:
            first = next((c for c in cells if c and not c.isspace()), None)
            if first is None:
                continue  # a blank row between blocks, or a spacer
            first = first.strip()
            width = len(cells)
            if reader is not None:
                values = [c for c in reader.figures if c.at < width and cells[c.at].strip()]
                ind_cell = cells[reader.i_ind].strip() if reader.i_ind < width else ""
            else:
                values, ind_cell = [], ""
            if (
                (not ind_cell or vocab.long_column(ind_cell) == "indicator")
                and not any(_NUMBER.fullmatch(c.strip()) for c in cells)
                and (again := _header(line, cells, self.lookup)) is not None
                and not again.long
                and not again.unknown
            ):  # the header of a new block (under a title of its own)
                header, footnotes = again, False
                reader = self.reader(header, pending or title)
                title, pending, last_indicator = pending or title, None, None
                continue
            if vocab.is_footnote(first) and self.lookup.indicator(first).id is None:
                footnotes = True
                continue
            if not values or reader is None:
                if len([c for c in cells if c.strip()]) <= 2 and not footnotes:
                    guess = _title_row(cells, _Title(), self.lookup)
                    if guess.year is not None:
                        pending = _title_row(
                            cells, title._replace(month=None, year=None), self.lookup
                        )
                continue  # a group's heading, a note, a row without figures
            if footnotes and self.lookup.indicator(ind_cell).id is None:
                continue
            footnotes = False
            last_indicator = reader.row(line, cells, values, last_indicator)
            if out:  # the row's figures, read by figfile as they come (no table held)
                yield from out
                out.clear()

    def reader(self, header: _Header, title: _Title) -> _BlockReader | None:
        if header.unknown and any(c.kind == "park" for c in header.columns):
            said = ", ".join(f"'{c.heading}' ({_cell(c.at, header.line)})" for c in header.unknown)
            self.problem(
                header.line,
                f"the columns are parks, and {said} names no park (parks: "
                f"{self.lookup.parks_said()}; the zone: 合计 or 全区); write the park's name, id "
                "or an alias of it in the plan",
            )
            return None
        if header.unknown:
            said = ", ".join(f"'{c.heading}' ({_cell(c.at, header.line)})" for c in header.unknown)
            self.problem(
                header.line,
                f"unknown column heading(s) {said}; expected {LAYOUTS_SAID}, and 单位, 园区, "
                "口径, 状态, 备注",
            )
            return None
        kinds = {c.kind for c in header.figures}
        if "park" in kinds and kinds & {"relative", "period", "months"}:
            parks = ", ".join(c.heading for c in header.figures if c.kind == "park")
            periods = ", ".join(c.heading for c in header.figures if c.kind != "park")
            self.problem(
                header.line,
                f"the header names parks ({parks}) and periods ({periods}) across; a table has "
                "one or the other: parks across for one period (stated in its title), or "
                "periods across with a 园区 column",
            )
            return None
        i_park = header.meta("park")
        if i_park is not None and ("park" in kinds or self.source.park is not None):
            where = "parks across" if "park" in kinds else f"sheet '{self.source.sheet}' (a park's)"
            self.problem(
                header.line,
                f"a 园区 column in a table of {where}; leave it out, the park is given by the "
                "column (or the sheet)",
                i_park,
            )
            return None
        return _BlockReader(self, header, title)


class _BlockReader:
    """The rows of one block: each row's figures, written out as long-table rows."""

    def __init__(self, layout: _Layout, header: _Header, title: _Title) -> None:
        self.layout, self.header = layout, header
        self.lookup, self.names = layout.lookup, layout.names
        self.figures = header.figures
        i_ind = header.meta("indicator")
        assert i_ind is not None
        self.i_ind = i_ind
        self.i_park, self.i_unit = header.meta("park"), header.meta("unit")
        self.i_measure, self.i_status = header.meta("measure"), header.meta("status")
        self.i_note = header.meta("note")
        self.park = layout.source.park if layout.source.park is not None else title.park
        self.unit = title.unit
        self.months_alone = title.months_alone
        self.units: dict[str, str | None] = {}
        self.report = self.report_period(title)
        self.periods: dict[int, tuple[Period, str, str] | None] = {}  # column → its figures
        self.told_period = False
        self.month_columns = {
            c.at for c in self.figures if c.kind == "relative" and c.role == "month"
        }
        self.month_beside_ytd = bool(self.month_columns) and any(
            c.kind == "relative" and c.role == "ytd" for c in self.figures
        )
        self.checked = header.layout != "parks across"  # a row's figures are of one park
        # a workbook's cells shown as a percentage (8.5% stored as 0.085, written 8.5)
        self.percents = layout.source.percents(max(c.at for c in header.columns) + 1)
        self.plan: _Checks | None = None

    def report_period(self, title: _Title) -> Period | None:
        """The report's period (1–N月 of year Y): the title's, the sheet name's, --period."""
        year, month = title.year, title.month
        if (year is None or month is None) and self.layout.source.sheet:
            sheet = _title_text(self.layout.source.sheet, _Title(year, month))
            year, month = sheet.year, sheet.month
        given = self.names.period
        if given is not None:
            year = year if year is not None else given.year
            month = month if month is not None else given.last
        if year is None or month is None:
            return None
        return Period(year, 1, month)

    def column(self, col: _Column) -> tuple[Period, str, str] | None:
        """The period, measure and period as a long table writes it of a figure column, or None
        after saying why it has none."""
        if col.at in self.periods:
            return self.periods[col.at]
        spec = self._column(col)
        made = None if spec is None else (spec[0], spec[1], str(spec[0]))
        self.periods[col.at] = made
        return made

    def _column(self, col: _Column) -> tuple[Period, str] | None:
        if col.kind == "period":
            assert col.period is not None
            p = col.period
            if self.months_alone and re.fullmatch(r"\d{4}-\d{1,2}", vocab.key(col.heading)):
                p = Period(p.year, p.last, p.last)
            return p, "value"
        report = self.report
        if col.kind == "months" and col.year is not None:
            assert col.period is not None
            return Period(col.year, col.period.first, col.period.last), "value"
        if report is None:
            if not self.told_period:
                self.told_period = True
                said = col.heading
                self.layout.problem(
                    self.header.line,
                    f"the period of the table is not stated, and column '{said}' is relative to "
                    "it; put it in the title (2018年1-10月), in a 期间 cell above the header "
                    "(期间: 2018-10), or give --period",
                    col.at,
                )
            return None
        y, n = report.year, report.last
        if col.kind == "months":
            assert col.period is not None
            return Period(y, col.period.first, col.period.last), "value"
        if col.kind == "park":
            return report, "value"
        role, own = col.role, col.month or n
        return {
            "month": (Period(y, n, n), "value"),
            "ytd": (Period(y, 1, own), "value"),
            "last_ytd": (Period(y - 1, 1, own), "value"),
            "last_month": (Period(y - 1, n, n), "value"),
            "last_year": (Period(y - 1), "value"),
            "growth": (Period(y, 1, own), "growth"),
            "month_growth": (Period(y, n, n), "growth"),
        }[role]

    # ----------------------------------------------------------------------- a row
    def row(
        self, line: int, cells: list[str], values: list[_Column], last: str | None
    ) -> str | None:
        """Writes out the figures of one row; the indicator it was for (a merged cell below
        takes it), or `last` when it names none."""
        layout = self.layout
        width = len(cells)
        text = cells[self.i_ind].strip() if self.i_ind < width else ""
        measure = "value"
        i_park = self.i_park
        park_text = cells[i_park].strip() if i_park is not None and i_park < width else ""
        if not text and park_text and last is not None:
            ind_id: str | None = last  # the merged cell of the indicator above
        elif not text:
            layout.problem(
                line, "figures without an indicator; write the indicator's name or id", self.i_ind
            )
            return last
        elif text in self.names.indicators:
            ind_id = text  # an id (most rows of a large file)
        else:
            found = self.lookup.indicator(text)
            ind_id = found.id
            if found.message:
                layout.problem(line, found.message, self.i_ind)
                return None
            if ind_id is None:
                ind_id = vocab.growth_row(self.lookup, text)
                measure = "growth"
            if ind_id is None:
                if self.names.skip_unknown:
                    self.names.skipped.append(text)
                else:
                    self.lookup.unknown_at(layout.source.shown, text, line, self.i_ind)
                return None
        ind = self.names.indicators[ind_id or ""]
        park = self.park or ""
        if park_text in self.names.parks:
            park = park_text
        elif park_text:
            found = self.lookup.park(park_text)
            if found.id is None:
                layout.problem(line, found.message or self.lookup.unknown_park(park_text), i_park)
                return ind_id if text else last
            park = found.id
        unit = self.unit
        if self.i_unit is not None and self.i_unit < width and cells[self.i_unit].strip():
            unit = self.row_unit(line, cells[self.i_unit].strip())
            if unit is None:
                return ind_id
        if self.i_measure is not None and self.i_measure < width and cells[self.i_measure].strip():
            said = cells[self.i_measure].strip()
            word = vocab.MEASURE_WORDS.get(vocab.key(said))
            if word is None:
                layout.problem(
                    line,
                    f"口径 '{said}' is not one of 本期 (value), 增速 (growth), 基数 (base), 增减 "
                    "(change)",
                    self.i_measure,
                )
                return ind_id
            measure = word if measure == "value" else measure
        note = _at(cells, self.i_note).strip()
        status = _at(cells, self.i_status).strip()
        if status and vocab.status_rank(status) is None:
            layout.problem(line, _unknown_status(status), self.i_status)
            return ind_id
        flag = units.is_flag(ind.unit)
        shown = units.display(unit) if unit is not None else ""
        nums: dict[int, str] = {}  # the numbers of the row by column, for `checks`
        # 本月 beside 1-N月累计 checks it, and is no figure of its own: the year to date is what
        # a check reads, and a month nobody reads would only be warned about
        months_aside = self.month_columns if self.month_beside_ytd else ()
        made: list[tuple[_Column, list[str]]] = []
        percents = self.percents
        for col in values:
            spec = self.column(col)
            if spec is None:
                return ind_id
            _, col_measure, period_text = spec
            if col_measure != "value" and measure != "value":
                layout.problem(
                    line,
                    f"a {measure} row ('{text}') with a figure in the {col.heading} column; put "
                    "the indicator's level in this row, or leave the cell empty",
                    col.at,
                )
                continue
            what = col_measure if col_measure != "value" else measure
            raw = cells[col.at].strip()
            if raw in EMPTY_MARKS:
                continue  # - or — for no figure, as statistics tables write it
            if col.at in months_aside:  # 本月 beside 1-N月累计: it checks the year to date
                if _plain(raw):
                    nums[col.at] = raw
                continue
            if percents and (line, col.at) in percents and not raw.endswith("%"):
                raw += "%"
            if what == "value" and flag:
                value, unit_out = raw, ""
            elif _plain(raw) and (what == "growth" or (what == "value" and unit is not None)):
                value, unit_out = raw, "%" if what == "growth" else shown  # read by figfile
                nums[col.at] = raw
            else:
                read = self.value(line, col, raw, what, ind, unit)
                if read is None:
                    continue
                value, unit_out = read
                nums[col.at] = value
            where = col.role if col.kind == "park" else park
            made.append((col, [ind.id, where, period_text, value, unit_out, what, note]))
        if months_aside and not any(c.kind == "relative" and c.role == "ytd" for c, _ in made):
            self.months_alone_row(line, cells, values, made, ind, park, unit, note, measure)
        out = layout.out
        for _, figure in made:
            out.append((line, figure))
            if status:
                key = (layout.source.file, line, ind.id, figure[1] or None)
                self.names.statuses[key] = status
        if len(nums) > 1 and self.checked and measure == "value":
            self.checks(line, ind, nums)
        return ind_id if text else last

    def months_alone_row(
        self,
        line: int,
        cells: list[str],
        values: list[_Column],
        made: list[tuple[_Column, list[str]]],
        ind: Any,
        park: str,
        unit: str | None,
        note: str,
        measure: str,
    ) -> None:
        """A row with 本月 and no 1-N月累计 (left empty): its months are its figures."""
        for col in values:
            spec = self.column(col)
            raw = cells[col.at].strip()
            if col.at not in self.month_columns or spec is None or raw in EMPTY_MARKS:
                continue
            if (line, col.at) in self.percents and not raw.endswith("%"):
                raw += "%"
            if units.is_flag(ind.unit) and measure == "value":
                made.append((col, [ind.id, park, spec[2], raw, "", measure, note]))
                continue
            read = self.value(line, col, raw, measure, ind, unit)
            if read is not None:
                made.append((col, [ind.id, park, spec[2], read[0], read[1], measure, note]))

    def row_unit(self, line: int, text: str) -> str | None:
        """The unit a row's 单位 cell names (remembered), or None after saying why not."""
        unit = self.units.get(text, "")
        if unit == "":
            try:
                unit = units.parse_unit(text)
            except UnitError as exc:
                unit = None
                self.layout.problem(line, str(exc), self.i_unit)
            self.units[text] = unit
        return unit

    def value(
        self, line: int, col: _Column, raw: str, measure: str, ind: Any, unit: str | None
    ) -> tuple[str, str] | None:
        """A figure cell that is not a plain number read (1,234.5, full-width digits, a unit
        in the cell): (value, unit) as a long table writes them; None after saying why it
        cannot be read."""
        layout = self.layout
        default = "percent" if measure == "growth" else unit
        try:
            q = units.parse_quantity(raw, default)
        except UnitError as exc:
            said = str(exc)
            if unit is None and measure != "growth" and "has no unit" in said:
                said = (
                    f"'{raw}' has no unit; add a 单位 column (or 单位: {units.display(ind.unit)} "
                    f"in the title), or write it with its unit, '{raw} {units.display(ind.unit)}'"
                )
            layout.problem(line, f"{col.heading} of '{ind.name}': {said}", col.at)
            return None
        percent = units.is_percent(q.unit)
        if measure == "value" and percent and not units.is_percent(ind.unit):
            layout.problem(
                line,
                f"'{raw}' is a percentage in the {col.heading} column, where '{ind.name}' is a "
                f"level in {units.display(ind.unit)}; put a growth rate in a 同比增长(%) column "
                f"(or a row '{ind.name}增速'), and the level here",
                col.at,
            )
            return None
        if measure == "growth" and not percent:
            layout.problem(
                line,
                f"'{raw}' in the {col.heading} column: a growth rate is a percentage (7.4 or 7.4%)",
                col.at,
            )
            return None
        return format(q.value, "f"), units.display(q.unit)

    # -------------------------------------------------------------------- the checks
    def check_plan(self) -> _Checks:
        """Which cells of a row are checked against which, from the header's columns: 同比
        against 本期 and 去年同期, a month against its year to date (and the one before it), a
        year to date against an earlier one, the months against their sum."""
        values: dict[int, Period] = {}
        growths: dict[int, Period] = {}
        for col in self.figures:
            spec = self.column(col) if col.kind != "park" else None
            if spec is not None:
                (values if spec[1] == "value" else growths)[col.at] = spec[0]
        at = {p: n for n, p in values.items()}
        growth = [
            (g, at[p], at[p.shift(-1)]) for g, p in growths.items() if p in at and p.shift(-1) in at
        ]
        ytds = sorted((p.year, p.last, n) for n, p in values.items() if p.is_ytd)
        falls = [
            (a[2], b[2], a[1], b[1]) for a, b in pairwise(ytds) if a[0] == b[0] and a[1] < b[1]
        ]
        sums = []
        for n, p in values.items():
            parts = [at.get(Period(p.year, m, m)) for m in range(1, p.last + 1)]
            if p.is_ytd and p.last > 1 and all(k is not None and k != n for k in parts):
                sums.append((n, p.last, [k for k in parts if k is not None]))
        summed = {n for n, _, _ in sums}  # (one line for months that do not add up)
        months = []
        for n, p in values.items():
            ytd = at.get(Period(p.year, 1, p.last)) if p.first == p.last else None
            if ytd is not None and ytd != n and ytd not in summed:
                before = at.get(Period(p.year, 1, p.last - 1)) if p.last > 1 else None
                months.append((n, ytd, before, p.last == 1))
        return _Checks(growth, falls, months, sums)

    def checks(self, line: int, ind: Any, nums: dict[int, str]) -> None:
        """Warnings for figures of one row that disagree (see `check_plan`)."""
        if ind.stock or units.is_percent(ind.unit) or units.is_flag(ind.unit):
            return  # only a flow's months add up and its growth is 本期 ÷ 去年同期
        plan = self.plan
        if plan is None:
            plan = self.plan = self.check_plan()
        if ind.growth_basis != "comparable":  # comparable-price growth is not the levels'
            for g, a, b in plan.growth:
                if g in nums and a in nums and b in nums:
                    self.growth_check(line, nums[g], nums[a], nums[b], g, a, b)
        for a, b, first, then in plan.falls:
            if a in nums and b in nums and float(nums[b]) < float(nums[a]):
                n1, n2 = self.number(line, a, nums), self.number(line, b, nums)
                self.layout.warn(
                    line,
                    n2.at,
                    f"{n2.heading} {units.fmt_number(n2.value)} is less than {n1.heading} "
                    f"{units.fmt_number(n1.value)} ({n1.cell}): a year to date of a flow cannot "
                    "fall; correct the cell that is wrong (if the columns are the months alone, "
                    f"head them {first}月, {then}月)",
                )
        for m, y, before, january in plan.months:
            if m in nums and y in nums:
                self.month_check(line, m, y, before if before in nums else None, january, nums)
        for y, last, parts in plan.sums:
            if y in nums and all(k in nums for k in parts):
                self.sum_check(line, y, last, parts, nums)

    def number(self, line: int, at: int, nums: dict[int, str]) -> _Number:
        heading = next(c.heading for c in self.figures if c.at == at)
        text = nums[at]
        return _Number(Decimal(text), _places(text), line, heading, at)

    def growth_check(
        self, line: int, g_text: str, a_text: str, b_text: str, g: int, a: int, b: int
    ) -> None:
        """A warning when 同比 disagrees with 本期 ÷ 去年同期 by more than their rounding."""
        gv, av, bv = float(g_text), float(a_text), float(b_text)
        if bv <= 0:
            return
        slack = _half_f(g_text) + 100 * (_half_f(a_text) / bv + av * _half_f(b_text) / bv**2)
        if abs((av / bv - 1) * 100 - gv) <= slack * 0.999999:
            return  # (most rows) plainly within rounding; else decided exactly
        nums = {g: g_text, a: a_text, b: b_text}
        growth, now, before = (self.number(line, k, nums) for k in (g, a, b))
        implied = (now.value / before.value - 1) * 100
        exact = _half(growth) + 100 * (
            _half(now) / before.value + now.value * _half(before) / before.value**2
        )
        if abs(implied - growth.value) > exact:
            self.layout.warn(
                line,
                growth.at,
                f"{growth.heading} {units.fmt_number(growth.value)}% disagrees with "
                f"{now.heading} {units.fmt_number(now.value)} ÷ {before.heading} "
                f"{units.fmt_number(before.value)} − 1 = {units.fmt_number(implied, 2)}% "
                f"({now.cell}, {before.cell}) by more than rounding; correct the cell that "
                "is wrong (the check uses the reported growth)",
            )

    def month_check(
        self, line: int, m: int, y: int, b: int | None, january: bool, nums: dict[int, str]
    ) -> None:
        """A month against its year to date: the month before's year to date and the month
        add up to it; in January they are one; else the month is at most the year to date."""
        mv, yv = float(nums[m]), float(nums[y])
        if b is None and not january and (mv <= yv or mv < 0):
            return  # (most rows) a month within its year to date
        month, ytd = self.number(line, m, nums), self.number(line, y, nums)
        slack = _half(month) + _half(ytd)
        if b is not None:
            before = self.number(line, b, nums)
            if abs(before.value + month.value - ytd.value) > slack + _half(before):
                self.layout.warn(
                    line,
                    month.at,
                    f"{month.heading} {units.fmt_number(month.value)} does not add up: "
                    f"{before.heading} {units.fmt_number(before.value)} ({before.cell}) + "
                    f"{units.fmt_number(month.value)} is not {ytd.heading} "
                    f"{units.fmt_number(ytd.value)} ({ytd.cell}); correct the cell that is "
                    "wrong",
                )
        elif january:
            if abs(month.value - ytd.value) > slack:
                self.layout.warn(
                    line,
                    month.at,
                    f"{month.heading} {units.fmt_number(month.value)} is not {ytd.heading} "
                    f"{units.fmt_number(ytd.value)} ({ytd.cell}): in January the month is the "
                    "year to date; correct the cell that is wrong",
                )
        elif month.value > ytd.value + slack:
            self.layout.warn(
                line,
                month.at,
                f"{month.heading} {units.fmt_number(month.value)} is more than "
                f"{ytd.heading} {units.fmt_number(ytd.value)} ({ytd.cell}): a month is part "
                "of its year to date; correct the cell that is wrong",
            )

    def sum_check(
        self, line: int, y: int, last: int, parts: list[int], nums: dict[int, str]
    ) -> None:
        """The months 1…N against 1–N月."""
        ytd = self.number(line, y, nums)
        months = [self.number(line, k, nums) for k in parts]
        total = sum((n.value for n in months), Decimal(0))
        slack = sum((_half(n) for n in (*months, ytd)), Decimal(0))
        if abs(total - ytd.value) > slack:
            self.layout.warn(
                line,
                ytd.at,
                f"the months 1–{last}月 add up to {units.fmt_number(total)}, not "
                f"{ytd.heading} {units.fmt_number(ytd.value)}; correct the cell that is "
                "wrong",
            )


class _Checks(NamedTuple):
    """The cells a row's figures are checked by, as column indices (`check_plan`)."""

    growth: list[tuple[int, int, int]]  # 同比, 本期, 去年同期
    falls: list[tuple[int, int, int, int]]  # an earlier year to date, a later one, their N
    months: list[tuple[int, int, int | None, bool]]  # month, its 1–N月, 1–(N−1)月, January
    sums: list[tuple[int, int, list[int]]]  # 1–N月, N, the months 1 … N


def _half_f(text: str) -> float:
    dot = text.find(".")
    return 0.5 * 10.0 ** -(len(text) - dot - 1 if dot >= 0 else 0)


_plain = units.PLAIN_NUMBER.fullmatch


def _half(n: _Number) -> Decimal:
    """Half a unit of the last place a number was written to: what rounding may hide."""
    return Decimal(5).scaleb(-n.places - 1)
