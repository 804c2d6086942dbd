"""The result of `zonekpi path`: an indicator's multi-year path, year by year. Apart from
`results` so that a check, which never draws a whole path, does not create these types."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from .plan import Indicator, Plan, Target


class PathYear(NamedTuple):
    """One year of an indicator's path: its own targets, the actual, where the path stands, and
    the growth a year still needed from this year's actual to the next stated point.

    Rates are fractions a year (0.2108), or amounts a year in the indicator's unit (percentage
    points for a percentage) where `…_by_amount` is True."""

    year: int
    targets: tuple[Target, ...]
    actual: Decimal | None
    expected: Decimal  # the path's point
    rate: Decimal | None  # 此后年均需增长: None without an actual, and in the last year
    growth: Decimal | None = None  # the path's own growth into this year (None: its start)
    growth_by_amount: bool = False
    rate_by_amount: bool = False
    to_year: int | None = None  # the stated point `rate` is measured to


class IndicatorPath(NamedTuple):
    """An indicator's multi-year path from the latest actual before its first stated point (or
    from that point) through every stated point to its last target (`zonekpi path`); `final`
    None when it has no level target (≥ > ≤ <) of the zone, and `targets` then its others."""

    plan: Plan
    indicator: Indicator
    final: Target | None
    base_year: int = 0
    base: Decimal | None = None
    linear: bool = False  # a percentage moves by the same points each year
    years: tuple[PathYear, ...] = ()
    base_from: Literal["actual", "target"] = "actual"
    knots: tuple[tuple[int, Decimal], ...] = ()  # the start, then each stated point
    strict: tuple[tuple[Target, Decimal], ...] = ()  # a strict target and the level aimed at
    by_amount: bool = False  # a level path with a segment through zero or below: linear there
    targets: tuple[Target, ...] = ()  # the targets on the path (without one: all of its targets)
