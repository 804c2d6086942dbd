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

from decimal import Decimal

from ..model import units
from ..model.periods import Period
from ..model.plan import Indicator
from ..model.results import Finding, Status
from .figures import Figures

EPS = Decimal("1e-9")
HUNDRED = Decimal(100)


def accumulates(ind: Indicator) -> bool:
    """A flow that adds up over the months towards the year's figure: not a stock, a rate, a
    share, a per-capita value or a yes/no."""
    unit = ind.unit
    return not (
        ind.stock
        or units.is_percent(unit)
        or units.is_flag(unit)
        or ind.share is not None
        or ind.per_capita is not None
    )


def _level(ind: Indicator) -> bool:
    """A stock that can be compared against its target with a start of year: 企业数."""
    return ind.stock and not (units.is_percent(ind.unit) or units.is_flag(ind.unit))


def in_year(f: Finding, period: Period, by: str, figures: Figures) -> Finding:
    """The finding `f` (evaluated on the year to date `period`) judged against time elapsed."""
    tau = period.elapsed(by)
    parks = tuple(in_year(p, period, by, figures) for p in f.parks)
    f = f._replace(parks=parks)
    kind = f.target.kind
    ind = f.indicator
    if kind in ("coverage", "per_park") and f.park is None:
        return f._replace(status=_combined([p.status for p in parks]))
    if f.status is Status.NO_DATA:
        return f
    if kind in ("at_least", "more_than", "per_park", "allocation") and (
        accumulates(ind) or _level(ind)
    ):
        flow = accumulates(ind)
        f = _towards(f, tau) if flow else _stock_towards(f, tau, period, figures)
        if kind == "allocation" and f.park is None:
            return f._replace(status=_combined([f.status, *(p.status for p in parks)]))
        return f
    if kind in ("at_most", "less_than") and accumulates(ind):
        return _within(f, tau)
    if kind == "between" and accumulates(ind) and f.gap is not None and f.gap > 0:
        return f._replace(status=Status.MISSED)  # a flow above the range can only grow
    if kind == "growth":
        return _growth(f, period, figures)
    if kind == "coverage" and f.status is Status.MET:
        return f  # a park that has it, has it
    # rates, shares, ranges, changes: compared as they stand, not yet final
    return f._replace(status=Status.ON_TRACK if f.status is Status.MET else Status.BEHIND)


def _towards(f: Finding, tau: Decimal) -> Finding:
    """A flow growing towards its target: completion against the time elapsed."""
    if f.completion is None:  # a target of 0 or less: nothing to scale
        return f._replace(status=Status.ON_TRACK if f.status is Status.MET else Status.BEHIND)
    ahead = (f.completion - tau) * HUNDRED
    if f.status is Status.MET:  # a flow past its annual target stays past it
        return f._replace(elapsed=tau, ahead=ahead)
    on_track = f.completion >= tau - EPS
    status = Status.ON_TRACK if on_track else Status.BEHIND
    return f._replace(elapsed=tau, ahead=ahead, status=status)


def _stock_towards(f: Finding, tau: Decimal, period: Period, figures: Figures) -> Finding:
    """A stock (企业数 达到95家): the way covered since the start of the year, (C_N − A′) ÷
    (T − A′), against the time elapsed; without last year's end, compared as it stands."""
    target = f.target.value
    if f.target.kind == "allocation" and f.park is not None:
        target = dict(f.target.shares).get(f.park)
    start = figures.level(f.indicator, f.park, Period(period.year - 1)).value
    reached = f.status is Status.MET
    if start is None or target is None or f.actual is None or target <= start:
        return f._replace(status=Status.ON_TRACK if reached else Status.BEHIND)
    covered = (f.actual - start) / (target - start)
    on_track = reached or covered >= tau - EPS
    return f._replace(
        elapsed=tau,
        ahead=(covered - tau) * HUNDRED,
        status=Status.ON_TRACK if on_track else Status.BEHIND,
    )


def _within(f: Finding, tau: Decimal) -> Finding:
    """A cap on a flow (能耗总量 ≤ T): the share used so far against the time elapsed."""
    target = f.target.value
    if f.actual is None or target is None or target <= 0:
        return f
    if f.status is Status.MISSED:
        return f  # already over the year's cap: it can only grow
    used = f.actual / target
    on_track = used <= tau + EPS
    return f._replace(
        completion=used,
        elapsed=tau,
        ahead=(tau - used) * HUNDRED,
        status=Status.ON_TRACK if on_track else Status.BEHIND,
    )


def _growth(f: Finding, period: Period, figures: Figures) -> Finding:
    """Year-to-date growth against the annual growth target, and what the rest needs."""
    status = Status.ON_TRACK if f.status is Status.MET else Status.BEHIND
    needed, settled, note = _needed(f, period, figures)
    if settled is not None:  # a flow already past (or, for a cap, over) the year's target
        status = Status.MET if settled else Status.MISSED
        needed = None
    notes = (*f.notes, note) if note else f.notes
    return f._replace(status=status, needed=needed, notes=notes)


def _needed(
    f: Finding, period: Period, figures: Figures
) -> tuple[Decimal | None, bool | None, str]:
    """The growth the remaining months need (at least; at most for lower-is-better), whether
    the year is already settled (True met, False missed), and a remark.

    A flow: g_rest = ((1 + G)·A′ − C_N) / (A′ − C′_N) − 1 (DOMAIN.md, Months). C_N is this
    year's level where the growth is at current prices, else C′_N·(1 + g_N) so that a reported
    comparable-price rate stays consistent. A stock: the growth from now to the year's end,
    (1 + G)·A′ ÷ C_N − 1.
    """
    g_now, goal, ind = f.actual, f.target.value, f.indicator
    if g_now is None or goal is None or period.last == 12:
        return None, None, ""
    lower = ind.direction == "lower"
    last_year = figures.level(ind, f.park, Period(period.year - 1)).value
    if last_year is None or last_year <= 0:
        return None, None, ""
    wanted = (1 + goal / HUNDRED) * last_year
    now = figures.level(ind, f.park, period).value
    if ind.stock:
        if now is None or now <= 0:
            return None, None, ""
        return (wanted / now - 1) * HUNDRED, None, ""
    fig = figures.get(ind.id, f.park, period)
    same_period = fig.base if fig is not None and fig.base is not None else None
    if same_period is None:
        same_period = figures.level(ind, f.park, period.shift(-1)).value
    if same_period is None:
        return None, None, ""
    if now is None or ind.growth_basis == "comparable":
        now = same_period * (1 + g_now / HUNDRED)
    if (now >= wanted) if not lower else (now > wanted):
        # past the year's figure already: a higher target is met, a cap is broken
        return None, not lower, "全年目标已确定" + ("完成" if not lower else "无法完成")
    rest = last_year - same_period
    if rest <= 0:
        return (
            None,
            None,
            (
                "上年其余月份为零或负数, 无法推算所需增速; last year's remaining months are not "
                "positive"
            ),
        )
    return ((wanted - now) / rest - 1) * HUNDRED, None, ""


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
