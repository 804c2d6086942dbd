"""What every reader of user files shares: problems with positions, quantities, references.

`Reader` wraps one Document and collects Problems instead of raising on the first, so that a
user sees every mistake of a file at once. `Names` holds the ids a file may refer to.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import Message, NoUnit, Problem, UnitError, UnitMismatch, msg, stray, visible
from ..model import units
from ..model.common import Loc
from ..model.periods import Period
from ..model.plan import Indicator, Park
from .yamlstrict import Document
from .yamlstrict import Path as YPath


class Names:
    """The indicators and parks a file may refer to."""

    def __init__(
        self, indicators: dict[str, Indicator] | None = None, parks: set[str] | None = None
    ) -> None:
        self.indicators = indicators if indicators is not None else {}
        self.parks = parks if parks is not None else set()
        self.last_year: int | None = None  # the plan's last year with targets: figures after it
        # are never used
        # parks and outside units by id, and the zone's name: a table may name them (layouts)
        self.places: dict[str, Park] = {}
        self.region: str | None = None
        # how tables are read (check --skip-unknown, --period), and what reading them found:
        # the status of each table row (快报, 核实…) by (file, line), the unknown names skipped
        self.skip_unknown = False
        self.period: Period | None = None
        self.statuses: dict[tuple[str, int, str, str | None], str] = {}  # (file, line, ind, park)
        self.skipped: list[str] = []


class Reader:
    """Reads one document, recording every problem in `problems`."""

    rows = False  # the rows of a table (CSV, a sheet) rather than YAML: how hints are worded
    unit_column = False  # a table with a unit column: a bare number's unit goes there

    def __init__(self, doc: Document, names: Names, problems: list[Problem]) -> None:
        self.doc = doc
        self.file = doc.file
        self.names = names
        self.problems = problems
        # what was said of each unknown id (a file repeats one on every row of it), and how
        # many "did you mean" comparisons were made (see `_close`)
        self._said: dict[tuple[str, str], str] = {}
        self._suggested = 0

    def error(self, path: YPath, message: str, key: bool = False) -> None:
        self.problems.append(self.doc.problem(path, message, key))

    def loc(self, path: YPath) -> Loc:
        line, col = self.doc.where(path)
        return Loc(self.file, line, col)

    def quantity(
        self, raw: Any, path: YPath, unit: str, what: str, figure: str = ""
    ) -> Decimal | None:
        """A quantity converted to `unit`, or None after recording the problem. `figure` is
        the indicator when the quantity is the level of a figure of it."""
        try:
            q = units.parse_quantity(raw)
        except UnitError as exc:
            self.error(path, msg("{what}: {why}", what=what, why=self.unreadable(exc, raw, unit)))
            return None
        try:
            return units.convert(q.value, q.unit, unit)
        except UnitMismatch as exc:
            said = self.mismatch(raw, q, unit, what, figure)
            self.error(path, said or msg("{what}: {why}", what=what, why=exc.message))
        except UnitError as exc:  # pragma: no cover - a conversion pint could not do
            self.error(path, msg("{what}: {why}", what=what, why=exc.message))
        return None

    def unreadable(self, exc: UnitError, raw: Any, unit: str) -> str:
        """Why `raw` is not a quantity, said for a value wanted in `unit`."""
        if isinstance(exc, NoUnit):
            said = exc.message
            number = said.args.get("text", exc.number) if isinstance(said, Message) else exc.number
            if self.unit_column:
                return msg(
                    "{text!r} has no unit; fill in the unit column, for example {unit}",
                    text=number,
                    unit=units.display(unit),
                )
            return msg(
                "{text!r} has no unit; write it with its unit, for example '{example}'",
                text=number,
                example=_example(exc.number, unit),
            )
        return exc.message

    def mismatch(
        self, raw: Any, q: units.Quantity, unit: str, what: str, figure: str = ""
    ) -> str | None:
        """A message for a quantity of the wrong kind that says what was meant, or None.

        % and percentage points are the usual mix-up: a level of a percentage is in %, its
        change in 个百分点; a % figure for an amount is most likely a growth rate."""
        shown = _typed(raw)
        number = format(q.value, "f")
        if figure and units.is_percent(q.unit) and not units.is_percent(unit):
            if self.rows:
                return msg(
                    "a value in % for '{figure}', measured in {unit}; if it is a growth rate, "
                    "put 'growth' in the measure column",
                    figure=figure,
                    unit=units.display(unit),
                )
            return msg(
                "a value in % for '{figure}', measured in {unit}; if it is a growth rate, "
                "write it as growth: {shown}",
                figure=figure,
                unit=units.display(unit),
                shown=shown,
            )
        if figure and q.unit == "百分点" and units.is_percent(unit):
            if self.rows:
                return msg(
                    "{what}: {shown!r} is a change; the level of a percentage is in % (if it is "
                    "the change from last year, put 'change' in the measure column)",
                    what=what,
                    shown=shown,
                )
            return msg(
                "{what}: {shown!r} is a change; the level of a percentage is in % (if it is "
                "the change from last year, write it as change: {shown})",
                what=what,
                shown=shown,
            )
        if q.unit == "百分点" and units.is_percent(unit):
            return msg(
                "{shown!r}: a level of a percentage is in %, like '{number}%' "
                "(percentage points are a change)",
                shown=shown,
                number=number,
            )
        if units.is_percent(q.unit) and unit == "百分点":
            if what.isalpha():  # the tolerance
                return msg(
                    "{shown!r}: the {what} of a percentage is in percentage points, "
                    "like '{number} 个百分点'",
                    shown=shown,
                    what=what,
                    number=number,
                )
            return msg(
                "{shown!r}: a change of a percentage is in percentage points, "
                "like '{number} 个百分点'",
                shown=shown,
                number=number,
            )
        return None

    def in_unit(
        self, raw: Any, unit: str, path: YPath, message: str, what: str = ""
    ) -> Decimal | None:
        """A quantity that must be written in exactly `unit` (a growth in %), or None."""
        try:
            q = units.parse_quantity(raw)
        except UnitError as exc:
            why = self.unreadable(exc, raw, unit)
            self.error(path, msg("{what}: {why}", what=what, why=why) if what else why)
            return None
        if q.unit != unit:
            shown = str(raw) if isinstance(raw, units.Quantity) else raw
            said = msg("{shown!r}: {why}", shown=shown, why=message)
            self.error(path, msg("{what}: {why}", what=what, why=said) if what else said)
            return None
        return q.value

    def below_zero(self, path: YPath, raw: Any, ind: Indicator, what: str) -> None:
        """Record that a level of `ind` written `raw` is below zero, which it cannot be: a
        level of money, a count, an area, people or a share (a growth rate or a change can)."""
        shown = _typed(raw)
        if isinstance(getattr(raw, "unit", None), str) and raw.unit in ("%", "％"):
            shown = f"{raw.value}{raw.unit}"  # a table's value and unit cells: -2 and %
        self.error(
            path,
            msg(
                "{what}: {shown!r} is below zero, and '{id}' ({name}) cannot be; "
                "write can_be_negative: true on the indicator if it can be below zero",
                what=what,
                shown=shown,
                id=ind.id,
                name=ind.name,
            ),
        )

    def unknown_park(self, park: str) -> str:
        said = self._said.get(("park", park))
        if said is None:
            said = self._said[("park", park)] = self._unknown_park(park)
        return said

    def _unknown_park(self, park: str) -> str:
        odd = stray(park)
        if odd is not None and odd[0] in self.names.parks:
            return msg(
                "unknown park '{park}'; {typed}: delete it", park=visible(park), typed=odd[1]
            )
        known = ", ".join(sorted(self.names.parks)) or "none"
        close = self._close(park, sorted(self.names.parks))
        if close:
            return msg(
                "unknown park '{park}' (parks: {known}); did you mean '{meant}'?",
                park=visible(park),
                known=known,
                meant=close[0],
            )
        return msg("unknown park '{park}' (parks: {known})", park=visible(park), known=known)

    def unknown_indicator(self, ind: str) -> str:
        said = self._said.get(("indicator", ind))
        if said is None:
            said = self._said[("indicator", ind)] = self._unknown_indicator(ind)
        return said

    def _unknown_indicator(self, ind: str) -> str:
        odd = stray(ind)
        if odd is not None and odd[0] in self.names.indicators:
            return msg(
                "unknown indicator '{indicator}'; {typed}: delete it",
                indicator=visible(ind),
                typed=odd[1],
            )
        close = self._close(ind, list(self.names.indicators))
        if close:
            return msg(
                "unknown indicator '{indicator}'; did you mean '{meant}'?",
                indicator=visible(ind),
                meant=close[0],
            )
        known = sorted(self.names.indicators)
        listed = ", ".join(known[:LISTED]) or "none"
        if len(known) > LISTED:
            return msg(
                "unknown indicator '{indicator}' (indicators: {listed}, … ({count} in all))",
                indicator=visible(ind),
                listed=listed,
                count=len(known),
            )
        return msg(
            "unknown indicator '{indicator}' (indicators: {listed})",
            indicator=visible(ind),
            listed=listed,
        )

    def _close(self, word: str, known: list[str]) -> list[str]:
        """The closest of `known` to `word` (difflib), for the first MAX_SUGGESTIONS unknown
        ids of a document; none after them, since each costs a comparison with every id."""
        if self._suggested >= MAX_SUGGESTIONS:
            return []
        self._suggested += 1
        import difflib

        return difflib.get_close_matches(word, known, n=1)


LISTED = 12  # ids a message lists at most
MAX_SUGGESTIONS = 100  # unknown ids of one file given a "did you mean" (difflib) at most


def _typed(raw: Any) -> str:
    """A quantity as it was written: '8.5%', '3.2 个百分点' (a table's number and unit cells)."""
    if isinstance(raw, units.Quantity):
        space = "" if units.is_percent(raw.unit) else " "
        return f"{format(raw.value, 'f')}{space}{units.display(raw.unit)}"
    return str(raw).strip()


def _example(number: str, unit: str) -> str:
    """`number` written with `unit`, as a message suggests it: '300 亿元', '8%'."""
    return f"{number}%" if units.is_percent(unit) else f"{number} {units.display(unit)}"
