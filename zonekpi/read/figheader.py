"""The header row of a figure table with English headings (indicator, park, period, value,
unit, measure, note): where its columns are, or the one problem that says why it is not a
figure table's (a column twice, columns separated by something else, missing or unknown ones).
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from ..errors import Problem, msg
from .reader import LISTED
from .tables import separator

CSV_COLUMNS = ("indicator", "park", "period", "value", "unit")
OPTIONAL = ("measure", "note")
_MEASURES = {  # a measure (the measure column) as a message names it
    "value": msg("value"),
    "growth": msg("growth"),
    "base": msg("base"),
    "change": msg("change"),
}


class _Columns(NamedTuple):
    """Where a figure table's columns are (None: not in the table), and how many there are."""

    width: int
    indicator: int
    period: int
    value: int
    park: int | None
    unit: int | None
    measure: int | None
    note: int | None


def _columns(header: list[str], name: str, problems: list[Problem]) -> _Columns | None:
    """The columns a header row names; None after recording why it is not a figure table's."""
    wrong = _header_problem(header, name)
    if wrong:
        problems.append(Problem(name, 1, 0, wrong))
        return None
    at = {h: n for n, h in enumerate(header)}
    optional = (at.get(k) for k in ("park", "unit", "measure", "note"))
    return _Columns(len(header), at["indicator"], at["period"], at["value"], *optional)


def _header_problem(header: list[str], name: str) -> str:
    """What is wrong with a figure table's header row, or ''."""
    counted = Counter(header)  # (header.count of each name took minutes for 100,000 names)
    twice = sorted(h for h, n in counted.items() if h and n > 1)
    if twice:
        return msg("column '{column}' appears twice; keep one", column=twice[0])
    missing = [c for c in ("indicator", "period", "value") if c not in header]
    separated = separator(header, name, "indicator") if missing else ""
    if separated:
        return msg("the columns are separated by {separator}", separator=separated)
    if missing:
        return msg(
            "missing column(s) {missing}; the header is {header} (and optionally measure, note)",
            missing=", ".join(missing),
            header=",".join(CSV_COLUMNS),
        )
    allowed = (*CSV_COLUMNS, *OPTIONAL)
    unknown = [c for c in header if c not in allowed]
    if unknown:
        return msg(
            "unknown column(s) {listed}; allowed: {allowed}",
            listed=_listed(unknown, ""),
            allowed=",".join(allowed),
        )
    return ""


def _listed(items: list[str], empty: str = "none") -> str:
    """The first LISTED of `items`, and how many there are when there are more."""
    listed = ", ".join(items[:LISTED]) or empty
    if len(items) > LISTED:
        return msg("{listed}, … ({count:,} in all)", listed=listed, count=len(items))
    return listed
