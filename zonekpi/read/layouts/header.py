"""A layout's header and title rows: which row is the header and what each of its columns is
(`_header`: meta, relative to the report's period, a period, months, a park), and what the
rows above it say (`_title_row`: the period, the park, the unit)."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from typing import NamedTuple

from ...errors import UnitError
from ...model import units
from ...model.periods import Period, parse_period
from .. import names as vocab
from ..lookup import Lookup


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
