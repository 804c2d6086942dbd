"""During the year: the year to date against the time elapsed (序时进度), DOMAIN.md "Months".

After month N, with a year-to-date actual C_N and an annual target T:

- completion = C_N / T; time elapsed τ = N/12 (or days); ahead or behind by completion − τ,
  in percentage points ("超序时进度4.2个百分点");
- a growth target is compared with the year-to-date growth directly, and the rest of the year
  needs g_rest = ((1 + G)·A′ − C_N) / (A′ − C′_N) − 1, with A′ last year's total and C′_N last
  year's same period (C_N is taken as C′_N·(1 + g_N), so that a reported comparable-price rate
  stays consistent with it).

Statuses: met (a flow already past its target for the year), on track (at or ahead of the time
elapsed), behind, missed (a cap on a flow already exceeded), no data. The annual evaluation of
`targets` is done first, on the year-to-date figures; this module re-reads it against time.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from . import units
from .actuals import Figures
from .model import Finding, Status
from .periods import Period

EPS = Decimal("1e-9")
HUNDRED = Decimal(100)


def _scalable(f: Finding) -> bool:
    """A level that accumulates towards the annual figure: not a rate, share or yes/no."""
    unit = f.indicator.unit
    return not units.is_percent(unit) and not units.is_flag(unit) and f.indicator.share is None


def in_year(f: Finding, period: Period, by: str, figures: Figures) -> Finding:
    """The finding `f` (evaluated on the year to date `period`) judged against time elapsed."""
    tau = period.elapsed(by)
    parks = tuple(in_year(p, period, by, figures) for p in f.parks)
    f = replace(f, parks=parks)
    kind = f.target.kind
    if kind in ("coverage", "per_park") and f.park is None:
        return replace(f, status=_combined([p.status for p in parks]))
    if f.status is Status.NO_DATA:
        return f
    if kind in ("at_least", "more_than", "per_park", "allocation") and _scalable(f):
        f = _towards(f, tau)
        if kind == "allocation" and f.park is None:
            return replace(f, status=_combined([f.status, *(p.status for p in parks)]))
        return f
    if kind in ("at_most", "less_than") and _scalable(f) and not f.indicator.stock:
        return _within(f, tau)
    if kind == "growth":
        return replace(
            f,
            status=Status.ON_TRACK if f.status is Status.MET else Status.BEHIND,
            needed=_needed(f, period, figures),
        )
    if kind == "coverage" and f.status is Status.MET:
        return f  # a park that has it, has it
    # rates, shares, ranges, changes: compared as they stand, not yet final
    return replace(f, status=Status.ON_TRACK if f.status is Status.MET else Status.BEHIND)


def _towards(f: Finding, tau: Decimal) -> Finding:
    """A level growing towards its target: completion against the time elapsed."""
    if f.completion is None:  # a target of 0 or less: nothing to scale
        return replace(f, status=Status.ON_TRACK if f.status is Status.MET else Status.BEHIND)
    ahead = (f.completion - tau) * HUNDRED
    if f.status is Status.MET and not f.indicator.stock:
        # a flow past its annual target stays past it
        return replace(f, elapsed=tau, ahead=ahead)
    on_track = f.completion >= tau - EPS
    status = Status.ON_TRACK if on_track else Status.BEHIND
    return replace(f, elapsed=tau, ahead=ahead, status=status)


def _within(f: Finding, tau: Decimal) -> Finding:
    """A cap on a flow (能耗总量 ≤ T): the share used so far against the time elapsed."""
    target = f.target.value
    if f.actual is None or target is None or target <= 0:
        return f
    if f.status is Status.MISSED:
        return f  # already over the year's cap: it can only grow
    used = f.actual / target
    on_track = used <= tau + EPS
    return replace(
        f,
        completion=used,
        elapsed=tau,
        ahead=(tau - used) * HUNDRED,
        status=Status.ON_TRACK if on_track else Status.BEHIND,
    )


def _needed(f: Finding, period: Period, figures: Figures) -> Decimal | None:
    """The growth the remaining months need for the year to meet its growth target."""
    g_now, goal = f.actual, f.target.value
    if g_now is None or goal is None or period.last == 12:
        return None
    ind = f.indicator
    last_year = figures.level(ind, f.park, Period(period.year - 1)).value
    same_period = figures.level(ind, f.park, period.shift(-1)).value
    if last_year is None or same_period is None or last_year == same_period:
        return None
    so_far = same_period * (1 + g_now / HUNDRED)
    wanted = (1 + goal / HUNDRED) * last_year
    return ((wanted - so_far) / (last_year - same_period) - 1) * HUNDRED


def _combined(statuses: list[Status]) -> Status:
    """A zone's status from its parks': behind if any is, no data if any is unknown, met if all
    are, otherwise on track."""
    if any(s in (Status.MISSED, Status.BEHIND) for s in statuses):
        return Status.MISSED if Status.MISSED in statuses else Status.BEHIND
    if any(s is Status.NO_DATA for s in statuses):
        return Status.NO_DATA
    if all(s is Status.MET for s in statuses):
        return Status.MET
    return Status.ON_TRACK
