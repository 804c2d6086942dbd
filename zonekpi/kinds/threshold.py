"""Thresholds on a level: 达到/不少于 (≥), 超过/突破 (>), 控制在…以内 (≤), 低于 (<).

The sign decides the verdict and the direction, whatever the indicator says. During the year a
flow (产值) or a counted stock (企业数) at or above a floor is measured against the time elapsed:
a flow by its completion, a stock by the way covered since last year's end,
(C_N − S) ÷ (T − S); a ceiling on a flow by the share of it used so far. A level threshold of a
later year is a multi-year path.
"""

from __future__ import annotations

from decimal import Decimal

from ..model.periods import Period
from ..model.plan import Indicator, Target
from ..model.results import Finding, Note, Status
from . import base
from .base import EPS, HUNDRED, FigureSource, Kind, accumulates, counted_stock, register


class Threshold(Kind):
    path = True
    scales = True
    splits = True

    def met(self, a: Decimal, t: Decimal) -> bool:
        if self.ceiling:
            return a < t - EPS if self.strict else base.le(a, t)
        return a > t + EPS if self.strict else base.ge(a, t)

    def lower(self, target: Target, ind: Indicator) -> bool:
        return self.ceiling

    def applies_to(self, target: Target, park: str, figures: FigureSource) -> bool:
        return False

    def evaluate(
        self,
        target: Target,
        ind: Indicator,
        park: str | None,
        figures: FigureSource,
        period: Period,
    ) -> Finding:
        actual = figures.level(ind, park, period)
        assert target.value is not None
        if actual.value is None:
            return base.finding(target, ind, park, actual, None, unit=ind.unit)
        a, t = actual.value, target.value
        completion = a / t if not self.ceiling and t > 0 else None
        return base.finding(
            target,
            ind,
            park,
            actual,
            self.met(a, t),
            unit=ind.unit,
            completion=completion,
            gap=a - t,
            gap_unit=base.gap_unit(ind.unit),
        )

    def rest_of_year(self, f: Finding, period: Period) -> Finding:
        if self.ceiling:
            return f
        return rest_of_year(f, period, self.threshold(f.target, f.park))

    def in_year(self, f: Finding, tau: Decimal, period: Period, figures: FigureSource) -> Finding:
        if f.status is Status.NO_DATA:
            return f
        ind = f.indicator
        if self.ceiling:
            return within(f, tau) if accumulates(ind) else base.as_it_stands(f)
        return floor_in_year(f, tau, period, figures, self.threshold(f.target, f.park))


@register
class AtLeast(Threshold):
    id, symbol, floor = "at_least", "≥", True


@register
class MoreThan(Threshold):
    id, symbol, floor, strict = "more_than", ">", True, True


@register
class AtMost(Threshold):
    id, symbol, ceiling = "at_most", "≤", True


@register
class LessThan(Threshold):
    id, symbol, ceiling, strict = "less_than", "<", True, True


def floor_in_year(
    f: Finding, tau: Decimal, period: Period, figures: FigureSource, target: Decimal | None
) -> Finding:
    """A level at or above `target` during the year: a flow by its completion, a counted stock
    by the way covered since last year's end, anything else as it stands."""
    if f.status is Status.NO_DATA:
        return f
    if accumulates(f.indicator):
        return towards(f, tau)
    if counted_stock(f.indicator):
        return stock_towards(f, tau, period, figures, target)
    return base.as_it_stands(f)


def rest_of_year(f: Finding, period: Period, target: Decimal | None) -> Finding:
    """A flow with a level target (T) after month N of C_N: the rest of the year needs
    T − C_N (never below 0), a monthly pace of (T − C_N) ÷ (12 − N), against C_N ÷ N so far."""
    if not accumulates(f.indicator) or target is None or f.actual is None or period.last == 12:
        return f
    rest = max(target - f.actual, Decimal(0))
    return f._replace(
        rest=rest,
        pace_needed=rest / (12 - period.last),
        pace_so_far=f.actual / period.last,
    )


def towards(f: Finding, tau: Decimal) -> Finding:
    """A flow growing towards its target: completion against the time elapsed."""
    if f.completion is None:  # a target of 0 or less: nothing to scale
        return base.as_it_stands(f)
    ahead = (f.completion - tau) * HUNDRED
    if f.status is Status.MET:  # a flow past its annual target stays past it
        return f._replace(elapsed=tau, ahead=ahead)
    status = Status.ON_TRACK if f.completion >= tau - EPS else Status.BEHIND
    return f._replace(elapsed=tau, ahead=ahead, status=status)


def stock_towards(
    f: Finding, tau: Decimal, period: Period, figures: FigureSource, target: Decimal | None
) -> Finding:
    """A stock (企业数 达到95家): the way covered since the start of the year, (C_N − S) ÷
    (T − S), against the time elapsed; it is the row's completion, since the verdict uses it.
    Without last year's end there is no way to weigh: compared as it stands, saying so."""
    start = figures.level(f.indicator, f.park, Period(period.year - 1)).value
    reached = f.status is Status.MET
    if start is None and not reached:
        missing = Note("stock_no_start", (period.year - 1,))
        return base.as_it_stands(f._replace(notes=(*f.notes, missing)))
    if start is None or target is None or f.actual is None or target <= start:
        return base.as_it_stands(f)
    covered = (f.actual - start) / (target - start)
    on_track = reached or covered >= tau - EPS
    return f._replace(
        completion=covered,
        elapsed=tau,
        ahead=(covered - tau) * HUNDRED,
        covered=covered,
        start=start,
        status=Status.ON_TRACK if on_track else Status.BEHIND,
    )


def within(f: Finding, tau: Decimal) -> Finding:
    """A cap on a flow (能耗总量 ≤ T): the share used so far against the time elapsed."""
    target = f.target.value
    if f.actual is None or target is None or target <= 0:
        return f
    if f.status is Status.MISSED:
        return f  # already over the year's cap: it can only grow
    used = f.actual / target
    return f._replace(
        completion=used,
        elapsed=tau,
        ahead=(tau - used) * HUNDRED,
        status=Status.ON_TRACK if used <= tau + EPS else Status.BEHIND,
    )
