"""The result of `zonekpi path`: an indicator's multi-year path, year by year. Apart from
`results` so that a check, which never draws a path, does not create these types."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from .plan import Indicator, Plan, Target


class PathYear(NamedTuple):
    """One year of an indicator's path: its own targets, the actual, where the path stands and
    the growth a year still needed from then on (a fraction; points a year on a linear path)."""

    year: int
    targets: tuple[Target, ...]
    actual: Decimal | None
    expected: Decimal
    rate: Decimal | None  # None in the final year, or without an actual after the base year


class IndicatorPath(NamedTuple):
    """An indicator's multi-year path from its first actual (or first target) to its last target
    (`zonekpi path`); `final` None when it has no level target of the zone."""

    plan: Plan
    indicator: Indicator
    final: Target | None
    base_year: int = 0
    base: Decimal | None = None
    linear: bool = False  # a percentage moves by the same points each year
    years: tuple[PathYear, ...] = ()
