"""A zone target split over parks (9 产业技术研究院 = 高新区 3 + 经开区 2 + …): each park
against its share, the zone against the sum of the shares; met when every park and the zone
are. The reader of the plan warns when the shares do not add up to the zone's own target."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import msg
from ..model.periods import Period
from ..model.plan import Indicator, Target
from ..model.results import NONE, Finding, Status
from . import base, parks
from .base import FigureSource, TargetReader, register
from .threshold import floor_in_year, rest_of_year


@register
class Allocation(parks.ParkKind):
    id = "allocation"
    family = "allocation"
    counts_parks = False
    scales = True

    def applies_to_park(self, target: Target, park: str) -> bool:
        return park in dict(target.shares)

    def applies_to(self, target: Target, park: str, figures: FigureSource) -> bool:
        return park in dict(target.shares)

    def threshold(self, target: Target, park: str | None) -> Decimal | None:
        shares = dict(target.shares)
        return shares.get(park) if park else sum(shares.values(), Decimal(0))

    def read(
        self,
        entry: dict[str, Any],
        at: tuple[Any, ...],
        ind: Indicator,
        common: dict[str, Any],
        r: TargetReader,
    ) -> Target | None:
        value, here, unit = entry[self.id], (*at, self.id), self.unit(ind)
        shares = []
        for p, q in value.items():
            if not r.is_park(p):
                r.error((*here, p), r.unknown_park(p), key=True)
            amount = r.quantity(q, (*here, p), unit, msg("share of park '{park}'", park=p))
            if amount is not None and self.at_or_above_zero(amount, q, (*here, p), ind, r):
                shares.append((p, amount))
        text = "、".join(f"{p} {q}" for p, q in value.items())
        return Target(**common, text=text, unit=unit, shares=tuple(shares))

    def evaluate(
        self,
        target: Target,
        ind: Indicator,
        park: str | None,
        figures: FigureSource,
        period: Period,
    ) -> Finding:
        shares = dict(target.shares)
        if park is not None:
            if park not in shares:
                return base.finding(target, ind, park, NONE, None, unit=ind.unit)
            return parks.reaches(target, ind, park, figures, period, shares[park])
        rows = [parks.reaches(target, ind, p, figures, period, s) for p, s in target.shares]
        total = self.threshold(target, None)
        assert total is not None
        zone = parks.reaches(target, ind, None, figures, period, total)
        return parks.summary(target, ind, rows, "parks_below_share", zone)

    def rest_of_year(self, f: Finding, period: Period) -> Finding:
        return rest_of_year(f, period, self.threshold(f.target, f.park))

    def in_year(self, f: Finding, tau: Decimal, period: Period, figures: FigureSource) -> Finding:
        if f.status is Status.NO_DATA:
            return f
        f = floor_in_year(f, tau, period, figures, self.threshold(f.target, f.park))
        if f.park is None:
            return f._replace(status=parks.combined([f.status, *(p.status for p in f.parks)]))
        return f
