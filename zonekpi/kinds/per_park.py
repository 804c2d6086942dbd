"""各园区至少N (`per_park`): every park reaches the minimum; the zone's row counts the parks
that do. During the year each park is measured as a floor (see `threshold`)."""

from __future__ import annotations

from decimal import Decimal

from ..model.periods import Period
from ..model.plan import Indicator, Target
from ..model.results import Finding
from . import parks
from .base import FigureSource, Kind, register
from .threshold import floor_in_year


@register
class PerPark(Kind):
    id = "per_park"
    family = "per_park"
    per_park = True
    counts_parks = True
    scales = True

    def lower(self, target: Target, ind: Indicator) -> bool:
        return False  # a minimum for every park, whatever the indicator

    def applies_to_park(self, target: Target, park: str) -> bool:
        return target.parks is None or park in target.parks

    def applies_to(self, target: Target, park: str, figures: FigureSource) -> bool:
        return park in parks.scope(target, figures)

    def evaluate(
        self,
        target: Target,
        ind: Indicator,
        park: str | None,
        figures: FigureSource,
        period: Period,
    ) -> Finding:
        assert target.value is not None
        if park is not None:
            return parks.reaches(target, ind, park, figures, period, target.value)
        rows = [
            parks.reaches(target, ind, p, figures, period, target.value)
            for p in parks.scope(target, figures)
        ]
        return parks.summary(target, ind, rows, "parks_below")

    def in_year(self, f: Finding, tau: Decimal, period: Period, figures: FigureSource) -> Finding:
        if f.park is None:
            return f._replace(status=parks.combined([p.status for p in f.parks]))
        return floor_in_year(f, tau, period, figures, self.threshold(f.target, f.park))
