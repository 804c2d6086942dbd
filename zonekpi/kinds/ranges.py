"""Ranges: X–Y (3-4家, 60%-70%, `between`) and 左右 (`about`, within a stated tolerance).

A range follows the indicator's direction: for higher-is-better the low end is the floor and the
high end an aim, so reaching the low end is met and passing the high end is met too (the gap
says by how much it was exceeded); for lower-is-better the mirror. 左右 is the two-sided band:
met within the tolerance on either side. A met range scores its full completion, no more.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import msg
from ..model.periods import Period
from ..model.plan import Indicator, Target
from ..model.results import Finding, Status
from . import base
from .base import Band, FigureSource, Kind, TargetReader, accumulates, register


@register
class Between(Kind):
    id = "between"
    scales = True

    def read(
        self,
        entry: dict[str, Any],
        at: tuple[Any, ...],
        ind: Indicator,
        common: dict[str, Any],
        r: TargetReader,
    ) -> Target | None:
        unit = self.unit(ind)
        raw, at = entry[self.id], (*at, self.id)
        low = r.quantity(raw[0], (*at, 0), unit, msg("low end"))
        high = r.quantity(raw[1], (*at, 1), unit, msg("high end"))
        if low is None or high is None:
            return None
        if not (
            self.at_or_above_zero(low, raw[0], (*at, 0), ind, r, msg("low end"))
            & self.at_or_above_zero(high, raw[1], (*at, 1), ind, r, msg("high end"))
        ):
            return None
        if low > high:
            r.error(
                at, msg("the low end {low} is above the high end {high}", low=raw[0], high=raw[1])
            )
        return Target(**common, text=f"{raw[0]}–{raw[1]}", value=low, high=high, unit=unit)

    def evaluate(
        self,
        target: Target,
        ind: Indicator,
        park: str | None,
        figures: FigureSource,
        period: Period,
    ) -> Finding:
        actual = figures.level(ind, park, period)
        low, high = target.value, target.high
        assert low is not None and high is not None
        if actual.value is None:
            return base.finding(target, ind, park, actual, None, unit=ind.unit)
        a = actual.value
        gap = a - low if a < low else a - high if a > high else Decimal(0)
        if target.two_sided:  # 控制在…之间: both ends bind
            met = base.ge(a, low) and base.le(a, high)
        else:
            lower = self.lower(target, ind)
            met = base.reached(a, high if lower else low, lower)
        return base.finding(
            target, ind, park, actual, met, unit=ind.unit, gap=gap, gap_unit=base.gap_unit(ind.unit)
        )

    def in_year(self, f: Finding, tau: Decimal, period: Period, figures: FigureSource) -> Finding:
        if f.status is Status.NO_DATA:
            return f
        binds_top = f.target.two_sided or self.lower(f.target, f.indicator)
        if binds_top and accumulates(f.indicator) and f.gap is not None and f.gap > 0:
            return f._replace(status=Status.MISSED)  # a flow above the range can only grow
        return base.as_it_stands(f)

    def band(self, target: Target, park: str | None, ind: Indicator) -> Band:
        assert target.value is not None and target.high is not None
        if target.two_sided:
            return Band(target.value, target.high, capped=True, fixed_high=True)
        if self.lower(target, ind):
            return Band(None, target.high, capped=True, fixed_high=True)
        return Band(target.value, None, capped=True)


@register
class About(Kind):
    id = "about"
    scales = True

    def read(
        self,
        entry: dict[str, Any],
        at: tuple[Any, ...],
        ind: Indicator,
        common: dict[str, Any],
        r: TargetReader,
    ) -> Target | None:
        target = super().read(entry, at, ind, common, r)
        if target is None:
            return None
        where = (*at, "tolerance")
        gap = base.gap_unit(ind.unit)
        tolerance = r.quantity(entry["tolerance"], where, gap, msg("tolerance"))
        if tolerance is not None and tolerance < 0:
            r.error(
                where,
                msg(
                    "tolerance: {raw!r} is below zero; a tolerance is how far from {target} "
                    "still counts as met: zero or more",
                    raw=str(entry["tolerance"]).strip(),
                    target=target.text,
                ),
            )
            return None
        return target._replace(tolerance=tolerance)

    def evaluate(
        self,
        target: Target,
        ind: Indicator,
        park: str | None,
        figures: FigureSource,
        period: Period,
    ) -> Finding:
        actual = figures.level(ind, park, period)
        assert target.value is not None and target.tolerance is not None
        if actual.value is None:
            return base.finding(target, ind, park, actual, None, unit=ind.unit)
        gap = actual.value - target.value
        met = base.le(abs(gap), target.tolerance)
        return base.finding(
            target, ind, park, actual, met, unit=ind.unit, gap=gap, gap_unit=base.gap_unit(ind.unit)
        )

    def band(self, target: Target, park: str | None, ind: Indicator) -> Band:
        assert target.value is not None and target.tolerance is not None
        mid, tol = target.value, target.tolerance
        return Band(mid - tol, mid + tol, capped=True)
