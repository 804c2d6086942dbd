"""What the kinds every park must meet share (coverage, per-park minimum, allocation): the
parks a target covers, a park's level against its minimum, the zone's row from its parks'
rows, and the zone's status during the year from its parks'."""

from __future__ import annotations

from decimal import Decimal

from ..model.periods import Period
from ..model.plan import Indicator, Target
from ..model.results import Finding, Note, Status
from . import base
from .base import FigureSource, Kind


class ParkKind(Kind):
    """A target every park (or every park it names) must meet: a minimum for each, whatever
    the indicator's direction; the zone's row is made from the parks' rows."""

    per_park = True
    counts_parks = True

    def lower(self, target: Target, ind: Indicator) -> bool:
        return False

    def applies_to_park(self, target: Target, park: str) -> bool:
        return target.parks is None or park in target.parks

    def applies_to(self, target: Target, park: str, figures: FigureSource) -> bool:
        return park in scope(target, figures)


def scope(target: Target, figures: FigureSource) -> list[str]:
    """The parks a per-park target applies to: those it names, or the zone's own parks."""
    if target.shares:
        return [p for p, _ in target.shares]
    if target.parks is not None:
        return list(target.parks)
    return list(figures.plan.children(None))


def reaches(
    target: Target,
    ind: Indicator,
    park: str | None,
    figures: FigureSource,
    period: Period,
    minimum: Decimal,
) -> Finding:
    """A level against a minimum: a park's per-park minimum or allocated share, or the zone's
    total of the shares."""
    actual = figures.level(ind, park, period)
    if actual.value is None:
        return base.finding(target, ind, park, actual, None, unit=ind.unit)
    a = actual.value
    return base.finding(
        target,
        ind,
        park,
        actual,
        base.ge(a, minimum),
        unit=ind.unit,
        completion=a / minimum if minimum > 0 else None,
        gap=a - minimum,
        gap_unit=base.gap_unit(ind.unit),
    )


def summary(
    target: Target,
    ind: Indicator,
    parks: list[Finding],
    short_code: str,
    zone: Finding | None = None,
) -> Finding:
    """The zone's finding for a target every park must meet: met only when all parks do.

    `parks` holds one finding per park; the zone's own row counts the parks that meet it
    (basis "parks"), or, for an allocation, is the zone's total against the sum of the shares
    (`zone`). The parks that fall short or lack a figure are noted under `short_code` and
    "parks_no_data".
    """
    short = tuple(f.park for f in parks if f.status is Status.MISSED and f.park)
    unknown = tuple(f.park for f in parks if f.status is Status.NO_DATA and f.park)
    done = sum(1 for f in parks if f.status is Status.MET)
    notes = []
    if short:
        notes.append(Note(short_code, short))
    if unknown:
        notes.append(Note("parks_no_data", unknown))
    zone_short = zone is not None and zone.status is Status.MISSED
    status = Status.MISSED if short or zone_short else Status.NO_DATA if unknown else Status.MET
    if zone is not None:
        return zone._replace(status=status, notes=(*zone.notes, *notes), parks=tuple(parks))
    return Finding(
        indicator=ind,
        target=target,
        park=None,
        status=status,
        actual=Decimal(done),
        actual_unit="",
        basis="parks",
        notes=tuple(notes),
        parks=tuple(parks),
    )


def combined(statuses: list[Status]) -> Status:
    """A zone's status from its parks' (and its own): the worst of them — overdue, missed,
    behind, below — then no data if any is unknown, met if all are, otherwise on track."""
    for worst in (Status.OVERDUE, Status.MISSED, Status.BEHIND, Status.BELOW, Status.NO_DATA):
        if worst in statuses:
            return worst
    if all(s is Status.MET for s in statuses):
        return Status.MET
    return Status.ON_TRACK
