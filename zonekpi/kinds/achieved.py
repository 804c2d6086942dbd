"""是否 targets of the zone or of one park: a thing done (建成投用, 实现进驻, 挂牌), usually by a
deadline (`by:`). Met when the indicator's figure is 是; during the year, not yet done is on
track until the deadline and overdue after it (the deadline itself is applied by the core)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import msg
from ..model import units
from ..model.periods import Period
from ..model.plan import Indicator, Measure, Target
from ..model.results import Finding, Status
from . import base
from .base import FigureSource, Kind, TargetReader, register


@register
class Achieved(Kind):
    id = "achieved"
    family = "achieved"
    yes_no = True

    def measure(self, target: Target, ind: Indicator) -> Measure:
        return "flag"

    def lower(self, target: Target, ind: Indicator) -> bool:
        return False

    def read(
        self,
        entry: dict[str, Any],
        at: tuple[Any, ...],
        ind: Indicator,
        common: dict[str, Any],
        r: TargetReader,
    ) -> Target | None:
        if not units.is_flag(ind.unit):
            r.error(
                (*at, self.id),
                msg(
                    "an achieved target is for a yes/no indicator; '{id}' is measured in {unit}: "
                    "give it unit: 是否",
                    id=ind.id,
                    unit=units.display(ind.unit),
                ),
            )
            return None
        return Target(**common, text="是", value=Decimal(1), unit=ind.unit)

    def evaluate(
        self,
        target: Target,
        ind: Indicator,
        park: str | None,
        figures: FigureSource,
        period: Period,
    ) -> Finding:
        actual = figures.flag_actual(ind, park, period)
        done = None if actual.value is None else actual.value >= 1
        return base.finding(target, ind, park, actual, done, unit="")

    def in_year(self, f: Finding, tau: Decimal, period: Period, figures: FigureSource) -> Finding:
        if f.status is Status.MISSED:  # not yet: the deadline decides when it is overdue
            return f._replace(status=Status.ON_TRACK)
        return f
