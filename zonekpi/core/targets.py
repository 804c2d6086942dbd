"""Target kinds: one small function per kind, registered by the key used in plans.

Each evaluator takes a target, its indicator, the scope (a park id, or None for the zone) and
the figures, and returns a Finding. `EVALUATORS` is the registry; `evaluate()` fails clearly for
a kind nobody registered. Comparisons allow for the last digits of computed decimals (1e-9), so
that 108 ÷ 100 − 1 meets a target of 8% however the division rounds.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..model import units
from ..model.periods import Period
from ..model.plan import Indicator, Target
from ..model.results import NONE, Actual, Finding, Status
from .figures import Figures

EPS = Decimal("1e-9")

Evaluator = Callable[[Target, Indicator, "str | None", Figures, Period], Finding]
EVALUATORS: dict[str, Evaluator] = {}


def register(*kinds: str) -> Callable[[Evaluator], Evaluator]:
    def add(fn: Evaluator) -> Evaluator:
        for kind in kinds:
            EVALUATORS[kind] = fn
        return fn

    return add


def evaluate(
    target: Target,
    ind: Indicator,
    park: str | None,
    figures: Figures,
    period: Period | None = None,
) -> Finding:
    """The finding of `target` for `park` (None: the zone) with the figures of `period`
    (default: the target's year)."""
    try:
        fn = EVALUATORS[target.kind]
    except KeyError:  # pragma: no cover - the schema admits only registered kinds
        raise ValueError(f"no evaluator for target kind {target.kind!r}") from None
    return fn(target, ind, park, figures, period or Period(target.year))


def _ge(a: Decimal, b: Decimal) -> bool:
    return a >= b - EPS


def _le(a: Decimal, b: Decimal) -> bool:
    return a <= b + EPS


def _finding(
    target: Target,
    ind: Indicator,
    park: str | None,
    actual: Actual,
    met: bool | None,
    *,
    unit: str,
    completion: Decimal | None = None,
    gap: Decimal | None = None,
    gap_unit: str = "",
    notes: tuple[str, ...] = (),
) -> Finding:
    status = Status.NO_DATA if met is None else Status.MET if met else Status.MISSED
    return Finding(
        indicator=ind,
        target=target,
        park=park,
        status=status,
        actual=actual.value,
        actual_unit=unit,
        actual_text=units.fmt_quantity(actual.value, unit),
        completion=completion,
        gap=gap,
        gap_unit=gap_unit,
        basis=actual.basis,
        notes=actual.notes + notes,
        derivation=actual if actual.rollup is not None or actual.terms else None,
    )


def _gap_unit(unit: str) -> str:
    return "百分点" if units.is_percent(unit) else unit


@register("at_least", "more_than", "at_most", "less_than")
def threshold(
    target: Target, ind: Indicator, park: str | None, figures: Figures, period: Period
) -> Finding:
    """达到/不少于 (≥), 超过/突破 (>), 控制在…以内 (≤), 低于 (<) a level."""
    actual = figures.level(ind, park, period)
    assert target.value is not None
    if actual.value is None:
        return _finding(target, ind, park, actual, None, unit=ind.unit)
    a, t = actual.value, target.value
    met = {
        "at_least": _ge(a, t),
        "more_than": a > t + EPS,
        "at_most": _le(a, t),
        "less_than": a < t - EPS,
    }[target.kind]
    completion = a / t if target.kind in ("at_least", "more_than") and t > 0 else None
    return _finding(
        target,
        ind,
        park,
        actual,
        met,
        unit=ind.unit,
        completion=completion,
        gap=a - t,
        gap_unit=_gap_unit(ind.unit),
    )


@register("between")
def between(
    target: Target, ind: Indicator, park: str | None, figures: Figures, period: Period
) -> Finding:
    """3-4家, 60%-70%: inclusive at both ends; the gap is the distance outside the range."""
    actual = figures.level(ind, park, period)
    low, high = target.value, target.high
    assert low is not None and high is not None
    if actual.value is None:
        return _finding(target, ind, park, actual, None, unit=ind.unit)
    a = actual.value
    gap = a - low if a < low else a - high if a > high else Decimal(0)
    return _finding(
        target,
        ind,
        park,
        actual,
        _ge(a, low) and _le(a, high),
        unit=ind.unit,
        gap=gap,
        gap_unit=_gap_unit(ind.unit),
    )


@register("about")
def about(
    target: Target, ind: Indicator, park: str | None, figures: Figures, period: Period
) -> Finding:
    """左右: within the stated tolerance of the value."""
    actual = figures.level(ind, park, period)
    assert target.value is not None and target.tolerance is not None
    if actual.value is None:
        return _finding(target, ind, park, actual, None, unit=ind.unit)
    gap = actual.value - target.value
    return _finding(
        target,
        ind,
        park,
        actual,
        _le(abs(gap), target.tolerance),
        unit=ind.unit,
        gap=gap,
        gap_unit=_gap_unit(ind.unit),
    )


def _directional(ind: Indicator, a: Decimal, t: Decimal) -> bool:
    return _le(a, t) if ind.direction == "lower" else _ge(a, t)


@register("growth")
def growth(
    target: Target, ind: Indicator, park: str | None, figures: Figures, period: Period
) -> Finding:
    """增长8%: year-over-year growth at least the target (at most, for lower-is-better)."""
    actual = figures.growth(ind, park, period)
    assert target.value is not None
    if actual.value is None:
        return _finding(target, ind, park, actual, None, unit="percent")
    return _finding(
        target,
        ind,
        park,
        actual,
        _directional(ind, actual.value, target.value),
        unit="percent",
        gap=actual.value - target.value,
        gap_unit="百分点",
    )


@register("increase")
def increase(
    target: Target, ind: Indicator, park: str | None, figures: Figures, period: Period
) -> Finding:
    """提高6.4个百分点 / 比上年新增10家: the change from last year's level."""
    actual = figures.change(ind, park, period)
    assert target.value is not None
    if actual.value is None:
        return _finding(target, ind, park, actual, None, unit=target.unit)
    t = target.value
    completion = actual.value / t if t > 0 and ind.direction == "higher" else None
    return _finding(
        target,
        ind,
        park,
        actual,
        _directional(ind, actual.value, t),
        unit=target.unit,
        completion=completion,
        gap=actual.value - t,
        gap_unit=target.unit,
    )


def _park_names(figures: Figures, ids: list[str]) -> str:
    return "、".join(figures.names.get(i, i) for i in ids)


def scope(target: Target, figures: Figures) -> list[str]:
    """The parks a per-park target applies to: those it names, or the zone's own parks."""
    if target.kind == "allocation":
        return [p for p, _ in target.shares]
    if target.parks is not None:
        return list(target.parks)
    return list(figures.plan.children(None))


def _summary(
    target: Target,
    ind: Indicator,
    parks: list[Finding],
    figures: Figures,
    what: str,
    zone: Finding | None = None,
) -> Finding:
    """The zone's finding for a target every park must meet: met only when all parks do.

    `parks` holds one finding per park; the zone's own row counts the parks that meet it, or,
    for an allocation, is the zone's total against the sum of the shares (`zone`).
    """
    short = [f.park for f in parks if f.status is Status.MISSED and f.park]
    unknown = [f.park for f in parks if f.status is Status.NO_DATA and f.park]
    done = sum(1 for f in parks if f.status is Status.MET)
    notes = []
    if short:
        notes.append(f"{what}: {_park_names(figures, short)}")
    if unknown:
        notes.append(f"无数据 no data: {_park_names(figures, unknown)}")
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
        actual_text=f"{done}/{len(parks)} 园区",
        basis="parks",
        notes=tuple(notes),
        parks=tuple(parks),
    )


@register("coverage")
def coverage(
    target: Target, ind: Indicator, park: str | None, figures: Figures, period: Period
) -> Finding:
    """全覆盖 / 一区四园都要…: every park has it (yes, or a count of at least one)."""
    if park is not None:
        actual = figures.flag_actual(ind, park, period)
        has = None if actual.value is None else actual.value >= 1
        f = _finding(target, ind, park, actual, has, unit="")
        text = "" if has is None else "是" if has else "否"
        return f._replace(actual_text=text)
    parks = [coverage(target, ind, p, figures, period) for p in scope(target, figures)]
    return _summary(target, ind, parks, figures, "未覆盖 lacking")


def _reaches(
    target: Target,
    ind: Indicator,
    park: str | None,
    figures: Figures,
    period: Period,
    minimum: Decimal,
) -> Finding:
    """A level against a minimum: a park's per-park minimum or allocated share, or the zone's
    total of the shares."""
    actual = figures.level(ind, park, period)
    if actual.value is None:
        return _finding(target, ind, park, actual, None, unit=ind.unit)
    a = actual.value
    return _finding(
        target,
        ind,
        park,
        actual,
        _ge(a, minimum),
        unit=ind.unit,
        completion=a / minimum if minimum > 0 else None,
        gap=a - minimum,
        gap_unit=_gap_unit(ind.unit),
    )


@register("per_park")
def per_park(
    target: Target, ind: Indicator, park: str | None, figures: Figures, period: Period
) -> Finding:
    """各园区至少N: every park reaches the minimum."""
    assert target.value is not None
    if park is not None:
        return _reaches(target, ind, park, figures, period, target.value)
    parks = [
        _reaches(target, ind, p, figures, period, target.value) for p in scope(target, figures)
    ]
    return _summary(target, ind, parks, figures, "未达到 below")


@register("allocation")
def allocation(
    target: Target, ind: Indicator, park: str | None, figures: Figures, period: Period
) -> Finding:
    """A zone target split over parks: each park against its share, the zone against the sum
    of the shares; met when every park and the zone are."""
    shares = dict(target.shares)
    if park is not None:
        if park not in shares:
            return _finding(target, ind, park, NONE, None, unit=ind.unit)
        return _reaches(target, ind, park, figures, period, shares[park])
    parks = [_reaches(target, ind, p, figures, period, s) for p, s in target.shares]
    zone = _reaches(target, ind, None, figures, period, sum(shares.values(), Decimal(0)))
    return _summary(target, ind, parks, figures, "未完成分解目标 below share", zone)
