"""提高6.4个百分点 / 比上年新增10家 (`increase`): the change from last year's level.

Measured on the change (in 百分点 for a percentage, else in the indicator's unit), in the
indicator's direction; completion is change ÷ target for a positive higher-is-better target.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import msg
from ..model import units
from ..model.periods import Period
from ..model.plan import Indicator, Measure, Target
from ..model.results import Finding
from . import base
from .base import FigureSource, Kind, TargetReader, register


@register
class Increase(Kind):
    id = "increase"
    family = "increase"
    splits = True

    def measure(self, target: Target, ind: Indicator) -> Measure:
        return "change"

    def unit(self, ind: Indicator) -> str:
        return "百分点" if units.is_percent(ind.unit) else ind.unit

    def amount(self, raw: Any, at: tuple[Any, ...], unit: str, r: TargetReader) -> Decimal | None:
        if unit == "百分点":
            hint = msg("the increase of a percentage is in percentage points, like '6.4 个百分点'")
            return r.in_unit(raw, unit, at, hint)
        return super().amount(raw, at, unit, r)

    def evaluate(
        self,
        target: Target,
        ind: Indicator,
        park: str | None,
        figures: FigureSource,
        period: Period,
    ) -> Finding:
        actual = figures.change(ind, park, period)
        assert target.value is not None
        if actual.value is None:
            return base.finding(target, ind, park, actual, None, unit=target.unit)
        a, t = actual.value, target.value
        lower = self.lower(target, ind)
        completion = a / t if t > 0 and not lower else None
        return base.finding(
            target,
            ind,
            park,
            actual,
            base.reached(a, t, lower),
            unit=target.unit,
            completion=completion,
            gap=a - t,
            gap_unit=target.unit,
        )
