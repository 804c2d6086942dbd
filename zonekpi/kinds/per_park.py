"""各园区至少N (`per_park`): every park reaches the minimum; the zone's row counts the parks
that do. During the year each park is measured as a floor (see `threshold`)."""

from __future__ import annotations

from decimal import Decimal

from ..model.periods import Period
from ..model.plan import Indicator, Target
from ..model.results import Finding
from . import parks
from .base import FigureSource, register
from .threshold import floor_in_year, rest_of_year


@register
class PerPark(parks.ParkKind):
    id = "per_park"
    family = "per_park"
    scales = True

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

    def rest_of_year(self, f: Finding, period: Period) -> Finding:
        if f.park is None:  # the zone's row counts parks
            return f
        return rest_of_year(f, period, self.threshold(f.target, f.park))

    def in_year(self, f: Finding, tau: Decimal, period: Period, figures: FigureSource) -> Finding:
        if f.park is None:
            return f._replace(status=parks.combined([p.status for p in f.parks]))
        return floor_in_year(f, tau, period, figures, self.threshold(f.target, f.park))
