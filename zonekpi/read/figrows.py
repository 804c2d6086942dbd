"""The rows of a long figure table, read into Figures: `_Rows` files each row, one measure of
one figure, under its indicator, park and period as it is read (`_Rows.add`, its value and unit
cells read by `_Rows.value`), so that a figure's level, growth and base may be given on rows of
their own; then the figures are made (`_Rows.figures`). Most rows of a large file are a level
alone, a plain number (units.PLAIN_NUMBER) in its indicator's unit: `add` makes that figure at
once (bench/). Every other figure is read from its entry by `_EntryReader`, a FigureReader, as
a figure of a plan or a YAML file is, so the rules and messages are the same whatever file a
figure comes from. A file that looks written for another plan is refused in one line
(`_Rows.foreign`). A table's header row is read by `table_figures` (`_columns`), which both
`figfile` and the layouts call.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from ..errors import Problem, UnitError, msg, said, visible
from ..model import units
from ..model.periods import Period, parse_period
from ..model.plan import Figure, Indicator
from .figheader import _MEASURES, CSV_COLUMNS, _Columns, _columns, _listed
from .figures import Cells, FigureReader, SheetPercent
from .reader import Names
from .tables import header_names
from .yamlstrict import Document
from .yamlstrict import Path as YPath

MEASURES = ("value", "growth", "base", "change")
_SLOT = {"value": 5, "growth": 6, "base": 7, "change": 8}  # in an entry: see `_Rows`


class _Rows:
    """The rows of one figure table, each filed under its figure's key as it is read."""

    def __init__(self, columns: _Columns, name: str, names: Names, problems: list[Problem]) -> None:
        self.columns, self.name, self.names, self.problems = columns, name, names, problems
        # (indicator, park, year) -> period -> a Figure, or the entry of one read so far: a
        # small dict a series rather than a key tuple and an entry of one big dict a row (bench/).
        # An entry is [indicator, park, period, note, line, value, growth, base, change].
        self.series: dict[tuple[str, str, int], dict[Period, Any]] = {}
        self.lines: dict[tuple[tuple[str, str, Period], str], int] = {}  # where a growth… was
        self.parks = {p: p for p in names.parks}  # one string per park id, not one per row
        self.periods: dict[str, Period] = {}  # a file repeats a dozen periods: each read once
        self.units: dict[str, str | None] = {}  # the unit column's spellings, each read once
        self.indicators, self.last_year = names.indicators, names.last_year
        self.start = len(problems)  # the problems of this file's rows begin here
        self.refused = False  # refused as another plan's figures before its end (`read`)
        self.unknown: set[str] = set()  # the indicator ids of rows that the plan lacks

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.name, line, 0, message))

    def read(self, rows: Iterator[tuple[int, list[str]]]) -> None:
        """Every row, FOREIGN_EVERY at a time; a file that looks written for another plan after
        a batch is read no further (`foreign`)."""
        add = self.add
        read = 0
        while True:
            n = 0  # the rows of this batch, looked at after the loop
            for n, (line, row) in enumerate(itertools.islice(rows, FOREIGN_EVERY), 1):  # noqa: B007
                add(line, row)
            if n < FOREIGN_EVERY:  # the end: `figures` looks at the whole file
                return
            read += n
            if self.foreign(read):
                self.refused = True
                return

    def add(self, line: int, row: list[str]) -> None:
        """One row: its figure made at once when it is a level alone, in its indicator's unit;
        otherwise its measure put in the entry of its figure, read later by `figures`."""
        width, i_ind, i_period, i_value, i_park, i_unit, i_measure, i_note = self.columns
        if len(row) > width and not any(x.strip() for x in row[width:]):
            row = row[:width]
        cells = list(map(str.strip, row))
        if len(cells) != width or not cells[i_ind]:
            if not any(cells):
                return
            if len(cells) != width:
                self.problem(
                    line,
                    msg("has {cells} cells; the header has {width}", cells=len(row), width=width),
                )
                return
        period = self.periods.get(cells[i_period])
        if period is None:
            try:
                period = self.periods[cells[i_period]] = parse_period(cells[i_period])
            except ValueError as exc:
                self.problem(line, said(exc))
                return
        measure = cells[i_measure] if i_measure is not None else "value"
        if measure != "value":
            measure = measure.lower() or "value"
            if measure not in MEASURES:
                self.problem(
                    line,
                    msg(
                        "measure {measure!r} is not one of {allowed}",
                        measure=measure,
                        allowed=", ".join(MEASURES),
                    ),
                )
                return
        indicator = cells[i_ind]
        ind = self.indicators.get(indicator)
        unit_cell = cells[i_unit] if i_unit is not None else ""
        shown = row[i_value]
        if type(shown) is not str and not self.percent_fits(line, shown, unit_cell, measure, ind):
            return
        value = self.value(line, cells[i_value], unit_cell, measure, ind)
        if value is None:
            return
        park = cells[i_park] if i_park is not None else ""
        if ind is not None:  # the plan's strings key the row, not two new ones a row (bench/)
            indicator, park = ind.id, self.parks.get(park, park)
        else:
            self.unknown.add(indicator)
        group = self.series.get((indicator, park, period[0]))
        if group is None:
            group = self.series[(indicator, park, period[0])] = {}
        entry = group.get(period)
        if entry is None:
            note = cells[i_note] if i_note is not None else None
            if (
                measure == "value"
                and ind is not None
                and type(value) is tuple
                and value[1] == ind.unit
                and (not park or park in self.parks)
                and (self.last_year is None or period[0] <= self.last_year)
            ):  # a level alone in its indicator's unit (most rows): the figure, made in C
                group[period] = _make(
                    Figure,
                    (ind.id, park or None, period, value[0], None, None, None, None,
                     note or None, self.name, line, 0),
                )  # fmt: skip
                return
            entry = [indicator, park or None, period, note or None, line, None, None, None, None]
            group[period] = entry
        elif type(entry) is Figure:  # more measures for it: read it the general way
            made = entry
            entry = [indicator, made.park, period, made.note, made.line, None, None, None, None]
            entry[5] = (made.value, ind.unit if ind is not None else "")
            group[period] = entry
        slot = _SLOT[measure]
        if entry[slot] is not None:
            if park:
                second = msg(
                    "a second {measure} for {indicator}, park {park}, {period} (first at line "
                    "{first}); keep one",
                    measure=_MEASURES.get(measure, measure),
                    indicator=indicator,
                    park=park,
                    period=period,
                    first=entry[4],
                )
            else:
                second = msg(
                    "a second {measure} for {indicator}, {period} (first at line {first}); "
                    "keep one",
                    measure=_MEASURES.get(measure, measure),
                    indicator=indicator,
                    period=period,
                    first=entry[4],
                )
            self.problem(line, second)
            return
        entry[slot] = value
        if measure != "value":
            self.lines[((indicator, park, period), measure)] = line

    def value(
        self, line: int, text: str, unit_cell: str, measure: str, ind: Indicator | None
    ) -> Any:
        """A row's value cell as read with its unit cell: (Decimal, unit) for a plain number in
        a known unit (most rows), Cells for parse_quantity to read later, the text alone without
        a unit cell; None after recording a problem."""
        if not text:
            self.problem(
                line,
                msg(
                    "the value is empty; leave the row out when there is no figure (never write "
                    "0 for none)"
                ),
            )
            return None
        if not unit_cell:
            return text
        unit = self.units.get(unit_cell, "")
        if unit == "":
            unit = self.units[unit_cell] = _unit_or_none(unit_cell)
        if unit == "是否":
            return text
        if (
            unit == "percent"
            and measure == "value"
            and ind is not None
            and ind.unit != "是否"
            and not units.is_percent(ind.unit)
        ):
            self.problem(
                line,
                msg(
                    "a value in % for '{figure}', measured in {unit}; if it is a growth rate, "
                    "put 'growth' in the measure column",
                    figure=ind.id,
                    unit=units.display(ind.unit),
                ),
            )
            return None
        if measure != "value":
            return Cells(text, unit_cell, "" if unit == "percent" else " ")
        if unit is not None and _plain_number(text) and text[0] != "-":
            return (Decimal(text), unit)  # a plain number and a known unit: read here
        return Cells(text, unit_cell)

    def percent_fits(
        self, line: int, shown: Any, unit_cell: str, measure: str, ind: Indicator | None
    ) -> bool:
        """Whether a workbook cell shown as a percentage (`SheetPercent`) is a value in % here:
        a growth rate, or a row in % (or 个百分点); False after recording the problem, naming
        the sheet and the cell, as a % in a CSV's unit column is refused."""
        if not isinstance(shown, SheetPercent) or ind is None or measure == "growth":
            return True
        unit = _unit_or_none(unit_cell) if unit_cell else ind.unit
        if unit is None or unit in ("percent", "permille", "百分点", "是否"):
            return True
        self.problem(
            line,
            msg(
                "{where} is shown as {shown}%: a value in % for '{figure}', measured in {unit}; "
                "if it is a growth rate, put 'growth' in the measure column, else format the "
                "cell as a number, not a percentage",
                where=shown.where,
                shown=shown.strip(),
                figure=ind.id,
                unit=units.display(unit),
            ),
        )
        return False

    def figures(self) -> list[Figure]:
        """The figures of the rows: those made as they were read, and the others read from
        their entries the general way (`_EntryReader`); none, and one problem, for a file that
        looks written for another plan (`foreign`)."""
        if self.refused or self.foreign():
            return []
        figures = []
        reader = _EntryReader(self.name, self.names, self.problems, self.columns.unit is not None)
        for group in self.series.values():
            for made in group.values():
                if type(made) is Figure:
                    figures.append(made)
                    continue
                fig = reader.read(made, self.lines)
                if fig is not None:
                    figures.append(fig)
        return figures

    def foreign(self, read: int | None = None) -> bool:
        """Whether the file names almost none of the plan's indicators (FOREIGN_IDS ids or more,
        FOREIGN_SHARE of them unknown): then one problem says so, in place of a line a row (with
        a "did you mean" each) that would all say the same. `read`: the rows read so far, when
        the file is not read to its end (its other rows could only add problems)."""
        if len(self.unknown) < FOREIGN_IDS:  # (a file of this plan's figures stops here)
            return False
        ids = {key[0] for key in self.series}
        unknown = ids.difference(self.indicators)
        if len(unknown) < FOREIGN_IDS or len(unknown) < FOREIGN_SHARE * len(ids):
            return False
        first = min(
            (_line(entry), key[0])
            for key, group in self.series.items()
            if key[0] in unknown
            for entry in group.values()
        )
        known = sorted(self.indicators)
        listed = _listed(known)
        del self.problems[self.start :]  # what its rows said is beside the point
        if read is None:
            foreign = msg(
                "this looks like figures for another plan: {unknown:,} of {ids:,} indicators "
                "unknown, the first '{first}' (the plan's: {listed}); check that the file and "
                "the plan belong together",
                unknown=len(unknown),
                ids=len(ids),
                first=visible(first[1]),
                listed=listed,
            )
        else:
            foreign = msg(
                "this looks like figures for another plan: {unknown:,} of {ids:,} indicators "
                "of its first {read:,} rows unknown, the first '{first}' (the plan's: "
                "{listed}); check that the file and the plan belong together",
                unknown=len(unknown),
                ids=len(ids),
                read=read,
                first=visible(first[1]),
                listed=listed,
            )
        self.problem(first[0], foreign)
        return True


FOREIGN_IDS = 100  # a figure file naming this many indicators the plan lacks, …
FOREIGN_SHARE = 0.9  # … and this share of all it names, is refused in one line,
FOREIGN_EVERY = 10_000  # … looked at after every so many rows, and at the end


def _line(entry: Any) -> int:
    """The line of a figure, or of the entry of one being read."""
    return entry.line if type(entry) is Figure else int(entry[4])


class _EntryReader(FigureReader):
    """Reads a figure from the entry of its rows, as a figure of a YAML file is read: every
    problem points at the row of the measure it is about."""

    rows = True

    def __init__(self, name: str, names: Names, problems: list[Problem], unit_column: bool) -> None:
        self.line_doc = _LineDoc(name, 0)
        super().__init__(self.line_doc, names, problems)
        self.unit_column = unit_column

    def read(
        self, entry: list[Any], lines: dict[tuple[tuple[str, str, Period], str], int]
    ) -> Figure | None:
        indicator, park, period, note, line, *measures = entry
        raw = {"indicator": indicator, "park": park, "period": period, "note": note}
        raw.update(
            (m, units.Quantity(*v) if type(v) is tuple else v)
            for m, v in zip(MEASURES, measures, strict=True)
            if v is not None
        )
        key = (indicator, park or "", period)
        self.line_doc.line = line
        self.line_doc.lines = {(m,): lines[(key, m)] for m in MEASURES[1:] if (key, m) in lines}
        return self.figure(raw, ())


_make = tuple.__new__  # Figure._make without its length check, for the common rows
_plain_number = units.PLAIN_NUMBER.fullmatch  # read here, without parse_quantity's checks


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


def table_figures(
    numbered: Iterable[tuple[int, list[str]]], name: str, names: Names, problems: list[Problem]
) -> list[Figure]:
    """Figures of a table (CSV rows or a sheet): a header row, then one figure a row."""
    rows = iter(numbered)
    first = next(rows, None)
    if first is None:
        problems.append(
            Problem(
                name,
                1,
                0,
                msg(
                    "is empty; the first row names the columns {columns}",
                    columns=",".join(CSV_COLUMNS),
                ),
            )
        )
        return []
    columns = _columns(header_names(first[1]), name, problems)
    if columns is None:
        return []
    table = _Rows(columns, name, names, problems)
    table.read(rows)
    return table.figures()
