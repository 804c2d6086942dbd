"""Figures: one reported figure read from its raw values, converted to its indicator's unit.

Every figure is converted to its indicator's unit as it is read, so the core never converts.
`FigureReader` reads a figure of a plan's `figures:`, of a YAML figure file, and of a table row
that is not a plain level (figfile reads the tables); a table row names its unit in a column (or
in the value: "300 亿元"); a `measure` column says whether the number is the level, a growth
rate, the base or the change, and a % figure for an indicator not measured in % must say so:
zonekpi never guesses what a number means. A level or a base below zero is refused unless the
indicator says `can_be_negative: true` (利润, 净增); a growth rate or a change may be negative.
"""

from __future__ import annotations

from typing import Any

from ..errors import NotFinite, Problem, UnitError, msg, said
from ..model import units
from ..model.periods import Period, parse_period
from ..model.plan import Figure
from .reader import Reader
from .yamlstrict import Path as YPath

FIGURE_FILE = "figure file"  # what messages call a file of figures
FLAG_WORDS = {"是": True, "否": False, "yes": True, "no": False, "true": True, "false": False}


class FigureReader(Reader):
    """Figures of one document (a plan, a YAML figure file, or one CSV row)."""

    def unreadable(self, exc: UnitError, raw: Any, unit: str) -> str:
        if isinstance(exc, NotFinite):
            if self.rows:
                return msg(
                    "{why}; write the figure, or leave the row out when there is none",
                    why=exc.message,
                )
            return msg(
                "{why}; write the figure, or leave the figure out when there is none",
                why=exc.message,
            )
        bare_share = isinstance(raw, Cells) and units.SHARE_FRACTION.fullmatch(raw.value.strip())
        if isinstance(raw, Cells) and not bare_share:  # "300 万元" in the value, 亿元 in the unit
            try:
                units.parse_quantity(raw.value)
            except UnitError:
                pass
            else:
                return msg(
                    "{value!r} carries a unit and the unit column says {unit}; keep one of them",
                    value=raw.value,
                    unit=raw.unit,
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
            self.error((*at, "period"), said(exc))
            return None
        last = self.names.last_year
        if last is not None and period.year > last:
            self.error(
                (*at, "period"),
                msg(
                    "period {period} is after the last year of the plan's targets ({last}), so "
                    "the figure is never used; check the year",
                    period=period,
                    last=last,
                ),
            )
            return None
        value = flag = growth = base = change = None
        if raw.get("value") is not None:
            v = raw["value"]
            if units.is_flag(ind.unit):
                flag = _flag(v)
                if flag is None:
                    self.error((*at, "value"), msg("{v!r}: a 是否 indicator takes 是 or 否", v=v))
                    return None
            elif isinstance(v, bool):
                shown = units.display(ind.unit)
                self.error(
                    (*at, "value"),
                    msg(
                        "value of '{id}': '{v}': '{id}' is measured in {unit}, not yes/no; "
                        "write a number with its unit, like '95 {unit}'",
                        id=ind.id,
                        v=str(v).lower(),
                        unit=shown,
                    ),
                )
                return None
            else:
                value = self.quantity(v, (*at, "value"), ind.unit, _value_of(ind.id), figure=ind.id)
                if value is None:
                    return None
                if value < 0 and not ind.can_be_negative:
                    self.below_zero((*at, "value"), v, ind, _value_of(ind.id))
                    return None
        if raw.get("growth") is not None:
            growth = self.in_unit(
                raw["growth"],
                "percent",
                (*at, "growth"),
                msg("growth is a percentage, like '6.3%'"),
                msg("growth of '{id}'", id=ind.id),
            )
            if growth is None:
                return None
        if raw.get("base") is not None:
            base = self.quantity(raw["base"], (*at, "base"), ind.unit, msg("base"))
            if base is not None and base < 0 and not ind.can_be_negative:
                self.below_zero((*at, "base"), raw["base"], ind, msg("base of '{id}'", id=ind.id))
                return None
        if raw.get("change") is not None and units.is_percent(ind.unit):
            change = self.in_unit(
                raw["change"],
                "百分点",
                (*at, "change"),
                msg("the change of a percentage is in percentage points, like '0.2 个百分点'"),
                msg("change of '{id}'", id=ind.id),
            )
        elif raw.get("change") is not None:
            change = self.quantity(raw["change"], (*at, "change"), ind.unit, msg("change"))
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
            if fig.park:
                said = msg(
                    "a second figure for {indicator}, park {park}, {period} (first at {where}); "
                    "put the level, growth and base in one figure",
                    indicator=fig.indicator,
                    park=fig.park,
                    period=fig.period,
                    where=where,
                )
            else:
                said = msg(
                    "a second figure for {indicator}, {period} (first at {where}); "
                    "put the level, growth and base in one figure",
                    indicator=fig.indicator,
                    period=fig.period,
                    where=where,
                )
            problems.append(Problem(fig.loc.file, fig.loc.line, fig.loc.col, said))
        else:
            first[fig.key] = fig

    return problems


def _value_of(indicator: str) -> str:
    return msg("value of '{id}'", id=indicator)


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    return FLAG_WORDS.get(units.normalise(str(value)).lower())


class Cells(str):
    """A table's value cell and unit cell read as one quantity ("300 亿元"), remembering both."""

    value: str
    unit: str

    def __new__(cls, value: str, unit: str, space: str = " ") -> Cells:
        self = super().__new__(cls, f"{value}{space}{unit}")
        self.value, self.unit = value, unit
        return self


class SheetPercent(str):
    """A workbook cell shown as a percentage, as the number shown (0.063 as 6.3), and where it
    is ("sheet 'Sheet1' cell D2"): a figure table refuses it in a row that is not in %, where
    it would be read as 100 times what the cell holds (3.1 shown as 310% is no 310 亿元)."""

    where: str

    def __new__(cls, number: str, where: str) -> SheetPercent:
        self = super().__new__(cls, number)
        self.where = where
        return self
