"""During the year: a finding evaluated on the year to date, judged against the time elapsed
(序时进度, τ = N/12 after month N, or days gone ÷ days in the year).

Each kind says how its targets move with time (`Kind.in_year`): a flow towards a floor by its
completion against τ, a counted stock by the way covered since last year's end, a cap on a flow
by the share used, a growth rate as it stands with the growth the rest of the year needs, rates,
shares and ranges as they stand. This module applies it to a finding and to its parks' rows.
"""

from __future__ import annotations

from decimal import Decimal

from .. import kinds
from ..model.periods import Period
from ..model.results import Finding, Status


def in_year(f: Finding, period: Period, by: str, figures: kinds.FigureSource) -> Finding:
    """The finding `f` (evaluated on the year to date `period`) judged against time elapsed:
    the share of the year gone (N/12, or days), last year's share of its year done by the same
    month for a flow when the plan says `elapsed: seasonal` and last year's figures are known
    (去年同期进度), or, for a target due inside the year (`by:`), the share of the way to its
    deadline. The finding says which (`schedule`); a flow's level target also gets what the rest
    of the year needs and the monthly pace it needs against the pace so far."""
    tau, schedule = _tau(f, period, by, figures)
    parks = tuple(in_year(p, period, by, figures) for p in f.parks)
    kind = kinds.get(f.target.kind)
    judged = kind.in_year(f._replace(parks=parks, schedule=schedule), tau, period, figures)
    return kind.rest_of_year(judged, period)


def _tau(f: Finding, period: Period, by: str, figures: kinds.FigureSource) -> tuple[Decimal, str]:
    if f.target.due is not None:
        return period.elapsed_towards(f.target.due, by), "deadline"
    if by == "seasonal" and kinds.accumulates(f.indicator):
        same = figures.level(f.indicator, f.park, period.shift(-1)).value
        whole = figures.level(f.indicator, f.park, Period(period.year - 1)).value
        if same is not None and whole is not None and whole > 0 and 0 <= same <= whole:
            return same / whole, "seasonal"
        return period.elapsed("months"), "months"  # no profile of last year: time elapsed
    return period.elapsed(by), "days" if by == "days" else "months"


def past_deadline(f: Finding) -> Finding:
    """A target whose deadline inside the year has passed at the end of the period checked:
    reached is met, anything else is overdue (逾期未完成), whatever the time elapsed says."""
    parks = tuple(past_deadline(p) for p in f.parks)
    if f.status in (Status.MET, Status.NO_DATA):
        return f._replace(parks=parks)
    return f._replace(parks=parks, status=Status.OVERDUE)
