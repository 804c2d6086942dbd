"""Figures: reading reported actuals from a plan's `figures:`, CSV files and YAML figure files.

Every figure is converted to its indicator's unit as it is read, so the core never converts.
A CSV row names its unit in a column (or in the value: "300 亿元"); a `measure` column says
whether the number is the level, a growth rate, the base or the change, and a % figure for an
indicator not measured in % must say so: zonekpi never guesses what a number means.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import NotFinite, Problem, UnitError
from ..model import units
from ..model.periods import Period, parse_period
from ..model.plan import Figure
from .reader import Names, Reader
from .tables import TABLE_SUFFIXES, header_names, separator, split_sheet, table_rows
from .textfile import read_bytes
from .yamlstrict import Document, read_yaml
from .yamlstrict import Path as YPath

FIGURE_FILE = "figure file"  # what messages call a file of figures
FLAG_WORDS = {"是": True, "否": False, "yes": True, "no": False, "true": True, "false": False}


class FigureReader(Reader):
    """Figures of one document (a plan, a YAML figure file, or one CSV row)."""

    def unreadable(self, exc: UnitError, raw: Any, unit: str) -> str:
        if isinstance(exc, NotFinite):
            left_out = "row" if self.rows else "figure"
            return f"{exc}; write the figure, or leave the {left_out} out when there is none"
        if isinstance(raw, _Cells):  # "300 万元" in the value cell, 亿元 in the unit cell
            try:
                units.parse_quantity(raw.value)
            except UnitError:
                pass
            else:
                return (
                    f"{raw.value!r} carries a unit and the unit column says {raw.unit}; "
                    "keep one of them"
                )
        return super().unreadable(exc, raw, unit)

    def figure(self, raw: dict[str, Any], at: YPath) -> Figure | None:
        """A figure from a YAML mapping or a CSV row (raw strings), converted to its indicator."""
        ind_id = raw["indicator"]
        if ind_id not in self.names.indicators:
            self.error((*at, "indicator"), self.unknown_indicator(ind_id))
            return None
        ind = self.names.indicators[ind_id]
        park = raw.get("park") or None
        if park is not None and park not in self.names.parks:
            self.error((*at, "park"), self.unknown_park(park))
            return None
        try:
            period = parse_period(raw["period"])
        except ValueError as exc:
            self.error((*at, "period"), str(exc))
            return None
        last = self.names.last_year
        if last is not None and period.year > last:
            self.error(
                (*at, "period"),
                f"period {period} is after the last year of the plan's targets ({last}), so the "
                "figure is never used; check the year",
            )
            return None
        value = flag = growth = base = change = None
        if raw.get("value") is not None:
            v = raw["value"]
            if units.is_flag(ind.unit):
                flag = _flag(v)
                if flag is None:
                    self.error((*at, "value"), f"{v!r}: a 是否 indicator takes 是 or 否")
                    return None
            elif isinstance(v, bool):
                shown = units.display(ind.unit)
                self.error(
                    (*at, "value"),
                    f"value of '{ind.id}': '{str(v).lower()}': '{ind.id}' is measured in {shown}, "
                    f"not yes/no; write a number with its unit, like '95 {shown}'",
                )
                return None
            else:
                value = self.quantity(
                    v, (*at, "value"), ind.unit, f"value of '{ind.id}'", figure=ind.id
                )
                if value is None:
                    return None
        if raw.get("growth") is not None:
            growth = self.in_unit(
                raw["growth"],
                "percent",
                (*at, "growth"),
                "growth is a percentage, like '6.3%'",
                f"growth of '{ind.id}'",
            )
            if growth is None:
                return None
        if raw.get("base") is not None:
            base = self.quantity(raw["base"], (*at, "base"), ind.unit, "base")
        if raw.get("change") is not None and units.is_percent(ind.unit):
            change = self.in_unit(
                raw["change"],
                "百分点",
                (*at, "change"),
                "the change of a percentage is in percentage points, like '0.2 个百分点'",
                f"change of '{ind.id}'",
            )
        elif raw.get("change") is not None:
            change = self.quantity(raw["change"], (*at, "change"), ind.unit, "change")
        return Figure(
            ind_id,
            park,
            period,
            value,
            flag,
            growth,
            base,
            change,
            raw.get("note"),
            self.loc(at),
        )

    def figures(self, raw: list[dict[str, Any]], at: YPath) -> list[Figure]:
        out = []
        for n, item in enumerate(raw):
            fig = self.figure(item, (*at, n))
            if fig is not None:
                out.append(fig)
        return out


def duplicates(figures: list[Figure]) -> list[Problem]:
    """A problem for each figure that repeats an indicator, park and period."""
    problems: list[Problem] = []
    first: dict[tuple[str, str | None, Period], Figure] = {}
    for fig in figures:
        if fig.key in first:
            prev = first[fig.key].loc
            where = prev.seen_from(fig.loc)
            park = f", park {fig.park}" if fig.park else ""
            problems.append(
                Problem(
                    fig.loc.file,
                    fig.loc.line,
                    fig.loc.col,
                    f"a second figure for {fig.indicator}{park}, {fig.period} (first at "
                    f"{where}); put the level, growth and base in one figure",
                )
            )
        else:
            first[fig.key] = fig

    return problems


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    return FLAG_WORDS.get(units.normalise(str(value)).lower())


CSV_COLUMNS = ("indicator", "park", "period", "value", "unit")
MEASURES = ("value", "growth", "base", "change")


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
    rows, notes = table_rows(path, sheet, problems, FIGURE_FILE)
    return ([] if rows is None else _table_figures(rows, name, names, problems)), notes


def _table_figures(
    numbered: Iterable[tuple[int, list[str]]], name: str, names: Names, problems: list[Problem]
) -> list[Figure]:
    """Figures of a table (CSV rows or a sheet): a header row, then one figure a row."""
    rows = iter(numbered)
    try:
        header = header_names(next(rows)[1])
    except StopIteration:
        problems.append(
            Problem(
                name, 1, 0, "is empty; the first row names the columns " + ",".join(CSV_COLUMNS)
            )
        )
        return []
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if twice:
        problems.append(Problem(name, 1, 0, f"column '{twice[0]}' appears twice; keep one"))
        return []
    missing = [c for c in ("indicator", "period", "value") if c not in header]
    separated = separator(header, name, "indicator") if missing else ""
    if separated:
        problems.append(Problem(name, 1, 0, f"the columns are separated by {separated}"))
        return []
    if missing:
        problems.append(
            Problem(
                name,
                1,
                0,
                f"missing column(s) {', '.join(missing)}; the header is "
                + ",".join(CSV_COLUMNS)
                + " (and optionally measure, note)",
            )
        )
        return []
    unknown = [c for c in header if c not in (*CSV_COLUMNS, "measure", "note")]
    if unknown:
        problems.append(
            Problem(
                name,
                1,
                0,
                f"unknown column(s) {', '.join(unknown)}; allowed: "
                + ",".join((*CSV_COLUMNS, "measure", "note")),
            )
        )
        return []
    # (indicator, park, year) -> period -> a Figure, or the measures of one so far: a small
    # dict a series rather than a key tuple and an entry of one big dict a row (bench/)
    series: dict[tuple[str, str, int], dict[Period, Any]] = {}
    parks = {p: p for p in names.parks}  # one string per park id, not one per row
    last = names.last_year
    lines: dict[tuple[tuple[str, str, Period], str], int] = {}  # where a growth, base… was
    width = len(header)
    at = {h: n for n, h in enumerate(header)}
    i_ind, i_period, i_value = at["indicator"], at["period"], at["value"]
    i_park, i_unit, i_measure, i_note = (at.get(k) for k in ("park", "unit", "measure", "note"))
    periods: dict[str, Period] = {}  # a file repeats a dozen periods: each is read once
    make = tuple.__new__  # Figure._make without its length check, for the common rows below
    plain_number = units.PLAIN_NUMBER.fullmatch  # a number read here, without units' checks
    for lineno, row in rows:
        if len(row) > width and not any(c.strip() for c in row[width:]):
            row = row[:width]
        cells = list(map(str.strip, row))
        if not any(cells):
            continue
        if len(cells) != width:
            problems.append(
                Problem(name, lineno, 0, f"has {len(row)} cells; the header has {width}")
            )
            continue
        period = periods.get(cells[i_period])
        if period is None:
            try:
                period = periods[cells[i_period]] = parse_period(cells[i_period])
            except ValueError as exc:
                problems.append(Problem(name, lineno, 0, str(exc)))
                continue
        measure = cells[i_measure] if i_measure is not None else "value"
        if measure != "value":
            measure = measure.lower() or "value"
        if measure not in MEASURES:
            problems.append(
                Problem(name, lineno, 0, f"measure {measure!r} is not one of {', '.join(MEASURES)}")
            )
            continue
        indicator = cells[i_ind]
        ind = names.indicators.get(indicator)
        raw_value = cells[i_value]
        unit_cell = cells[i_unit] if i_unit is not None else ""
        if not raw_value:
            problems.append(
                Problem(
                    name,
                    lineno,
                    0,
                    "the value is empty; leave the row "
                    "out when there is no figure (never write 0 for none)",
                )
            )
            continue
        unit = _unit_or_none(unit_cell) if unit_cell else None
        if (
            ind is not None
            and measure == "value"
            and ind.unit != "是否"
            and unit == "percent"
            and not units.is_percent(ind.unit)
        ):
            problems.append(
                Problem(
                    name,
                    lineno,
                    0,
                    f"a value in % for '{ind.id}', measured in "
                    f"{units.display(ind.unit)}; if it is a growth rate, put 'growth' in the "
                    "measure column",
                )
            )
            continue
        value: Any = raw_value
        if unit_cell and unit != "是否" and measure != "value":
            value = _Cells(raw_value, unit_cell, "" if unit == "percent" else " ")
        elif unit_cell and unit != "是否":
            plain = plain_number(raw_value)
            # a plain number and a known unit: read here, once (most rows of a big file)
            value = (
                (Decimal(raw_value), unit)
                if plain and unit is not None
                else _Cells(raw_value, unit_cell)
            )
        park = cells[i_park] if i_park is not None else ""
        if ind is not None:  # the plan's strings key the row, not two new ones a row (bench/)
            indicator, park = ind.id, parks.get(park, park)
        group = series.get((indicator, park, period[0]))
        if group is None:
            group = series[(indicator, park, period[0])] = {}
        entry = group.get(period)
        if entry is None:
            note = cells[i_note] if i_note is not None else None
            if (
                measure == "value"
                and ind is not None
                and type(value) is tuple
                and value[1] == ind.unit
                and (not park or park in parks)
                and (last is None or period.year <= last)
            ):  # a level alone in its indicator's unit (most rows): the figure, made in C
                group[period] = make(
                    Figure,
                    (ind.id, park or None, period, value[0], None, None, None, None,
                     note or None, name, lineno, 0),
                )  # fmt: skip
                continue
            entry = [indicator, park or None, period, note or None, lineno, None, None, None, None]
            group[period] = entry
        elif type(entry) is Figure:  # more measures for it: read it the general way
            made = entry
            entry = [indicator, made.park, period, made.note, made.line, None, None, None, None]
            entry[5] = (made.value, ind.unit if ind is not None else "")
            group[period] = entry
        slot = _SLOT[measure]
        if entry[slot] is not None:
            problems.append(
                Problem(
                    name,
                    lineno,
                    0,
                    f"a second {measure} for {indicator}"
                    f"{', park ' + park if park else ''}, {period} (first at line "
                    f"{entry[4]}); keep one",
                )
            )
            continue
        entry[slot] = value
        if measure != "value":
            lines[((indicator, park, period), measure)] = lineno
    figures = []
    doc = _LineDoc(name, 0)
    sub = FigureReader(doc, names, problems)
    sub.rows, sub.unit_column = True, i_unit is not None
    for made in (made for group in series.values() for made in group.values()):
        if type(made) is Figure:
            figures.append(made)
            continue
        indicator, park, period, note, line, *measures = made
        raw = {"indicator": indicator, "park": park, "period": period, "note": note}
        raw.update(
            (m, units.Quantity(*v) if type(v) is tuple else v)
            for m, v in zip(MEASURES, measures, strict=True)
            if v is not None
        )
        doc.line = line
        key = (indicator, park or "", period)
        doc.lines = {(m,): lines[(key, m)] for m in MEASURES[1:] if (key, m) in lines}
        fig = sub.figure(raw, ())
        if fig is not None:
            figures.append(fig)
    return figures


# where each measure of a row goes in a figure's entry (indicator, park, period, note, line, …)
_SLOT = {"value": 5, "growth": 6, "base": 7, "change": 8}


class _Cells(str):
    """A table's value cell and unit cell read as one quantity ("300 亿元"), remembering both."""

    value: str
    unit: str

    def __new__(cls, value: str, unit: str, space: str = " ") -> _Cells:
        self = super().__new__(cls, f"{value}{space}{unit}")
        self.value, self.unit = value, unit
        return self


@lru_cache(maxsize=256)
def _unit_or_none(text: str) -> str | None:
    try:
        return units.parse_unit(text)
    except UnitError:
        return None


class _LineDoc(Document):
    """A stand-in Document for a CSV row: every path points at that row."""

    def __init__(self, file: str, line: int) -> None:
        super().__init__(file, None)
        self.line = line
        self.lines: dict[YPath, int] = {}  # the rows of a figure's growth, base, change

    def where(self, path: YPath, key: bool = False) -> tuple[int, int]:
        return (self.lines.get(tuple(path[:1]), self.line), 0)
