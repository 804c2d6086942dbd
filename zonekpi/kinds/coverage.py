"""全覆盖 / 一区四园都要…: every park (or every park named) has it — a yes, or a count of at
least one. The zone's row counts the parks that have it and names those that lack it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..model.periods import Period
from ..model.plan import Indicator, Target
from ..model.results import Finding, Status
from . import base, parks
from .base import FigureSource, TargetReader, register


@register
class Coverage(parks.ParkKind):
    id = "coverage"
    family = "coverage"
    yes_no = True

    def read(
        self,
        entry: dict[str, Any],
        at: tuple[Any, ...],
        ind: Indicator,
        common: dict[str, Any],
        r: TargetReader,
    ) -> Target | None:
        value = entry[self.id]
        named = None if value == "all" else tuple(value)
        for k, p in enumerate(named or ()):
            if not r.is_park(p):
                r.error((*at, self.id, k), r.unknown_park(p))
        text = "全覆盖" if named is None else "覆盖 " + "、".join(named)
        return Target(**common, text=text, unit=self.unit(ind), parks=named)

    def evaluate(
        self,
        target: Target,
        ind: Indicator,
        park: str | None,
        figures: FigureSource,
        period: Period,
    ) -> Finding:
        if park is not None:
            actual = figures.flag_actual(ind, park, period)
            has = None if actual.value is None else actual.value >= 1
            return base.finding(target, ind, park, actual, has, unit="")
        rows = [
            self.evaluate(target, ind, p, figures, period) for p in parks.scope(target, figures)
        ]
        return parks.summary(target, ind, rows, "parks_lacking")

    def in_year(self, f: Finding, tau: Decimal, period: Period, figures: FigureSource) -> Finding:
        if f.park is None:
            return f._replace(status=parks.combined([p.status for p in f.parks]))
        if f.status in (Status.NO_DATA, Status.MET):
            return f  # a park that has it, has it
        return base.as_it_stands(f)
