"""What every reader of user files shares: problems with positions, quantities, references.

`Reader` wraps one Document and collects Problems instead of raising on the first, so that a
user sees every mistake of a file at once. `Names` holds the ids a file may refer to.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from . import units
from .errors import InvalidInput, Problem, UnitError
from .model import Indicator, Loc
from .yamlread import Document
from .yamlread import Path as YPath

MAX_FILE_BYTES = 64 * 1024 * 1024


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file, or InvalidInput with a one-line reason."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InvalidInput([Problem(name, 0, 0, "is a directory; give a plan file (.yaml)")])
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInput(
                [Problem(name, 0, 0, f"is {size:,} bytes; a plan or figure file is at most 64 MB")]
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise InvalidInput([Problem(name, 0, 0, "no such file")]) from None
    except PermissionError:
        raise InvalidInput([Problem(name, 0, 0, "cannot be read (permission denied)")]) from None
    except OSError as exc:
        raise InvalidInput([Problem(name, 0, 0, f"cannot be read ({exc.strerror})")]) from None


class Names:
    """The indicators and parks a file may refer to."""

    def __init__(
        self, indicators: dict[str, Indicator] | None = None, parks: set[str] | None = None
    ) -> None:
        self.indicators = indicators if indicators is not None else {}
        self.parks = parks if parks is not None else set()
        self.last_year: int | None = None  # the plan's last year with targets: figures after it
        # are never used


class Reader:
    """Reads one document, recording every problem in `problems`."""

    def __init__(self, doc: Document, names: Names, problems: list[Problem]) -> None:
        self.doc = doc
        self.file = doc.file
        self.names = names
        self.problems = problems

    def error(self, path: YPath, message: str, key: bool = False) -> None:
        self.problems.append(self.doc.problem(path, message, key))

    def loc(self, path: YPath) -> Loc:
        line, col = self.doc.where(path)
        return Loc(self.file, line, col)

    def quantity(self, raw: Any, path: YPath, unit: str, what: str) -> Decimal | None:
        """A quantity converted to `unit`, or None after recording the problem."""
        try:
            q = units.parse_quantity(raw)
            return units.convert(q.value, q.unit, unit)
        except UnitError as exc:
            self.error(path, f"{what}: {exc}")
            return None

    def in_unit(
        self, raw: Any, unit: str, path: YPath, message: str, what: str = ""
    ) -> Decimal | None:
        """A quantity that must be written in exactly `unit` (a growth in %), or None."""
        lead = f"{what}: " if what else ""
        try:
            q = units.parse_quantity(raw)
        except UnitError as exc:
            self.error(path, f"{lead}{exc}")
            return None
        if q.unit != unit:
            shown = str(raw) if isinstance(raw, units.Quantity) else raw
            self.error(path, f"{lead}{shown!r}: {message}")
            return None
        return q.value

    def unknown_park(self, park: str) -> str:
        import difflib

        known = ", ".join(sorted(self.names.parks)) or "none"
        close = difflib.get_close_matches(park, sorted(self.names.parks), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown park '{park}' (parks: {known}){hint}"

    def unknown_indicator(self, ind: str) -> str:
        import difflib

        close = difflib.get_close_matches(ind, list(self.names.indicators), n=1)
        return f"unknown indicator '{ind}'" + (f"; did you mean '{close[0]}'?" if close else "")
