"""During the year: a finding evaluated on the year to date, judged against the time elapsed
(序时进度, τ = N/12 after month N, or days gone ÷ days in the year).

Each kind says how its targets move with time (`Kind.in_year`): a flow towards a floor by its
completion against τ, a counted stock by the way covered since last year's end, a cap on a flow
by the share used, a growth rate as it stands with the growth the rest of the year needs, rates,
shares and ranges as they stand. This module applies it to a finding and to its parks' rows.
"""

from __future__ import annotations

from .. import kinds
from ..model.periods import Period
from ..model.results import Finding, Status


def in_year(f: Finding, period: Period, by: str, figures: kinds.FigureSource) -> Finding:
    """The finding `f` (evaluated on the year to date `period`) judged against time elapsed:
    the share of the year gone, or, for a target due inside the year (`by:`), the share of the
    way to its deadline."""
    due = f.target.due
    tau = period.elapsed(by) if due is None else period.elapsed_towards(due, by)
    parks = tuple(in_year(p, period, by, figures) for p in f.parks)
    return kinds.get(f.target.kind).in_year(f._replace(parks=parks), tau, period, figures)


def past_deadline(f: Finding) -> Finding:
    """A target whose deadline inside the year has passed at the end of the period checked:
    reached is met, anything else is overdue (逾期未完成), whatever the time elapsed says."""
    parks = tuple(past_deadline(p) for p in f.parks)
    if f.status in (Status.MET, Status.NO_DATA):
        return f._replace(parks=parks)
    return f._replace(parks=parks, status=Status.OVERDUE)
