"""The figure rows of one block of a layout (`_BlockReader`): the period and measure of each
figure column, and each row's indicator, park, unit, measure, status and figures, read and
written out as long-table rows; the checks between a row's figures are `checks._RowChecks`."""

from __future__ import annotations

import re
from typing import Any

from ...errors import NoUnit, UnitError, msg
from ...model import units
from ...model.periods import Period
from .. import names as vocab
from ..lookup import growth_row
from .checks import _Checks, _plain, _RowChecks
from .header import _Column, _Header, _Title, _title_text
from .source import EMPTY_MARKS, _at, _Table, _unknown_status


class _BlockReader(_RowChecks):
    """The rows of one block: each row's figures, written out as long-table rows."""

    def __init__(self, layout: _Table, header: _Header, title: _Title) -> None:
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
                    msg(
                        "the period of the table is not stated, and column '{said}' is relative "
                        "to it; put it in the title (2018年1-10月), in a 期间 cell above the "
                        "header (期间: 2018-10), or give --period",
                        said=said,
                    ),
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
                line,
                msg("figures without an indicator; write the indicator's name or id"),
                self.i_ind,
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
                ind_id = growth_row(self.lookup, text)
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
                    msg(
                        "口径 '{said}' is not one of 本期 (value), 增速 (growth), 基数 (base), "
                        "增减 (change)",
                        said=said,
                    ),
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
                    msg(
                        "a {measure} row ('{text}') with a figure in the {heading} column; put "
                        "the indicator's level in this row, or leave the cell empty",
                        measure=measure,
                        text=text,
                        heading=col.heading,
                    ),
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
                value, unit_out = raw, "%" if what == "growth" else shown  # read by figrows
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
                self.layout.problem(line, exc.message, self.i_unit)
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
            said = exc.message
            if unit is None and measure != "growth" and isinstance(exc, NoUnit):
                said = msg(
                    "'{raw}' has no unit; add a 单位 column (or 单位: {unit} in the title), or "
                    "write it with its unit, '{raw} {unit}'",
                    raw=raw,
                    unit=units.display(ind.unit),
                )
            layout.problem(
                line,
                msg("{heading} of '{name}': {said}", heading=col.heading, name=ind.name, said=said),
                col.at,
            )
            return None
        percent = units.is_percent(q.unit)
        if measure == "value" and percent and not units.is_percent(ind.unit):
            layout.problem(
                line,
                msg(
                    "'{raw}' is a percentage in the {heading} column, where '{name}' is a level "
                    "in {unit}; put a growth rate in a 同比增长(%) column (or a row '{name}增速'), "
                    "and the level here",
                    raw=raw,
                    heading=col.heading,
                    name=ind.name,
                    unit=units.display(ind.unit),
                ),
                col.at,
            )
            return None
        if measure == "growth" and not percent:
            layout.problem(
                line,
                msg(
                    "'{raw}' in the {heading} column: a growth rate is a percentage (7.4 or 7.4%)",
                    raw=raw,
                    heading=col.heading,
                ),
                col.at,
            )
            return None
        return format(q.value, "f"), units.display(q.unit)
