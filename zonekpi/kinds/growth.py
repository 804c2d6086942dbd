"""增长8%: a growth rate (year over year) against the target, in the indicator's direction.

During the year the year-to-date growth is compared with the annual target as it stands, and
the rest of the year needs g_rest = ((1 + G)·A′ − C_N) / (A′ − C′_N) − 1, with A′ last year's
total, C′_N last year's same period and C_N this year's year to date (C′_N·(1 + g_N) when the
rate is at comparable prices, so that the reported rate stays consistent with it). A stock needs
(1 + G)·A′ ÷ C_N − 1 from now to the year's end. A flow already past the year's figure is
settled: met for higher-is-better, missed for a cap.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import msg
from ..model.periods import Period
from ..model.plan import Indicator, Measure, Target
from ..model.results import Finding, Note, Status
from . import base
from .base import HUNDRED, FigureSource, Kind, TargetReader, register


@register
class Growth(Kind):
    id = "growth"
    family = "growth"
    splits = True

    def measure(self, target: Target, ind: Indicator) -> Measure:
        return "growth"

    def unit(self, ind: Indicator) -> str:
        return "percent"

    def amount(self, raw: Any, at: tuple[Any, ...], unit: str, r: TargetReader) -> Decimal | None:
        return r.in_unit(raw, unit, at, msg("a growth target is a percentage, like '8%'"))

    def evaluate(
        self,
        target: Target,
        ind: Indicator,
        park: str | None,
        figures: FigureSource,
        period: Period,
    ) -> Finding:
        actual = figures.growth(ind, park, period)
        assert target.value is not None
        if actual.value is None:
            return base.finding(target, ind, park, actual, None, unit="percent")
        a, t = actual.value, target.value
        met = base.reached(a, t, self.lower(target, ind))
        return base.finding(
            target, ind, park, actual, met, unit="percent", gap=a - t, gap_unit="百分点"
        )

    def in_year(self, f: Finding, tau: Decimal, period: Period, figures: FigureSource) -> Finding:
        if f.status is Status.NO_DATA:
            return f
        status = Status.ON_TRACK if f.status is Status.MET else Status.BELOW
        needed, settled, note = self.needed(f, period, figures)
        if settled is not None:  # a flow already past (or, for a cap, over) the year's target
            status = Status.MET if settled else Status.MISSED
            needed = None
        notes = (*f.notes, note) if note else f.notes
        return f._replace(status=status, needed=needed, notes=notes)

    def needed(
        self, f: Finding, period: Period, figures: FigureSource
    ) -> tuple[Decimal | None, bool | None, Note | None]:
        """The growth the remaining months need (at least; at most for lower-is-better),
        whether the year is already settled (True met, False missed), and a remark."""
        g_now, goal, ind = f.actual, f.target.value, f.indicator
        if g_now is None or goal is None or period.last == 12:
            return None, None, None
        lower = self.lower(f.target, ind)
        last_year = figures.level(ind, f.park, Period(period.year - 1)).value
        if last_year is None or last_year <= 0:
            return None, None, None
        wanted = (1 + goal / HUNDRED) * last_year
        now = figures.level(ind, f.park, period).value
        if ind.stock:
            if now is None or now <= 0:
                return None, None, None
            return (wanted / now - 1) * HUNDRED, None, None
        fig = figures.get(ind.id, f.park, period)
        same_period = fig.base if fig is not None and fig.base is not None else None
        if same_period is None:
            same_period = figures.level(ind, f.park, period.shift(-1)).value
        if same_period is None:
            return None, None, None
        if now is None or ind.growth_basis == "comparable":
            now = same_period * (1 + g_now / HUNDRED)
        if (now > wanted) if lower else (now >= wanted):
            # past the year's figure already: a higher target is met, a cap is broken
            return None, not lower, Note("year_settled", (not lower,))
        rest = last_year - same_period
        if rest <= 0:
            return None, None, Note("rest_not_positive")
        return ((wanted - now) / rest - 1) * HUNDRED, None, None
