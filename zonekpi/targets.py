"""Target kinds: one small function per kind, registered by the key used in plans.

Each evaluator takes a target, its indicator, the scope (a park id, or None for the zone) and
the figures, and returns a Finding. `EVALUATORS` is the registry; `evaluate()` fails clearly for
a kind nobody registered. Comparisons allow for the last digits of computed decimals (1e-9), so
that 108 ÷ 100 − 1 meets a target of 8% however the division rounds.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from . import units
from .actuals import Actual, Figures
from .model import Finding, Indicator, Status, Target

EPS = Decimal("1e-9")

Evaluator = Callable[[Target, Indicator, "str | None", Figures], Finding]
EVALUATORS: dict[str, Evaluator] = {}


def register(*kinds: str) -> Callable[[Evaluator], Evaluator]:
    def add(fn: Evaluator) -> Evaluator:
        for kind in kinds:
            EVALUATORS[kind] = fn
        return fn

    return add


def evaluate(target: Target, ind: Indicator, park: str | None, figures: Figures) -> Finding:
    try:
        fn = EVALUATORS[target.kind]
    except KeyError:  # pragma: no cover - the schema admits only registered kinds
        raise ValueError(f"no evaluator for target kind {target.kind!r}") from None
    return fn(target, ind, park, figures)


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
    )


def _gap_unit(unit: str) -> str:
    return "百分点" if units.is_percent(unit) else unit


@register("at_least", "more_than", "at_most", "less_than")
def threshold(target: Target, ind: Indicator, park: str | None, figures: Figures) -> Finding:
    """达到/不少于 (≥), 超过/突破 (>), 控制在…以内 (≤), 低于 (<) a level."""
    actual = figures.level(ind, park, target.year)
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
def between(target: Target, ind: Indicator, park: str | None, figures: Figures) -> Finding:
    """3-4家, 60%-70%: inclusive at both ends; the gap is the distance outside the range."""
    actual = figures.level(ind, park, target.year)
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
def about(target: Target, ind: Indicator, park: str | None, figures: Figures) -> Finding:
    """左右: within the stated tolerance of the value."""
    actual = figures.level(ind, park, target.year)
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
def growth(target: Target, ind: Indicator, park: str | None, figures: Figures) -> Finding:
    """增长8%: year-over-year growth at least the target (at most, for lower-is-better)."""
    actual = figures.growth(ind, park, target.year)
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
def increase(target: Target, ind: Indicator, park: str | None, figures: Figures) -> Finding:
    """提高6.4个百分点 / 比上年新增10家: the change from last year's level."""
    actual = figures.change(ind, park, target.year)
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
    names = {p.id: p.name for p in figures.plan.parks}
    return "、".join(names.get(i, i) for i in ids)


def _summary(
    target: Target,
    ind: Indicator,
    per_park: dict[str, bool | None],
    figures: Figures,
    what: str,
    value: Decimal | None = None,
) -> Finding:
    """The zone's finding for a target every park must meet: met only when all parks do."""
    short = [p for p, ok in per_park.items() if ok is False]
    unknown = [p for p, ok in per_park.items() if ok is None]
    done = sum(1 for ok in per_park.values() if ok)
    notes = []
    if short:
        notes.append(f"{what}: {_park_names(figures, short)}")
    if unknown:
        notes.append(f"无数据 no data: {_park_names(figures, unknown)}")
    met = False if short else None if unknown else True
    status = Status.NO_DATA if met is None else Status.MET if met else Status.MISSED
    return Finding(
        indicator=ind,
        target=target,
        park=None,
        status=status,
        actual=Decimal(done),
        actual_unit="",
        actual_text=f"{done}/{len(per_park)} 园区",
        basis="parks",
        notes=tuple(notes),
    )


def _scope(target: Target, figures: Figures) -> list[str]:
    return list(target.parks) if target.parks is not None else [p.id for p in figures.plan.parks]


@register("coverage")
def coverage(target: Target, ind: Indicator, park: str | None, figures: Figures) -> Finding:
    """全覆盖 / 一区四园都要…: every park has it (yes, or a count of at least one)."""
    if park is not None:
        has = figures.flag(ind, park, target.year)
        actual = Actual(None if has is None else Decimal(int(has)), "reported")
        f = _finding(target, ind, park, actual, has, unit="")
        text = "" if has is None else "是" if has else "否"
        return Finding(**{**f.__dict__, "actual_text": text})
    per_park = {p: figures.flag(ind, p, target.year) for p in _scope(target, figures)}
    return _summary(target, ind, per_park, figures, "未覆盖 lacking")


def _reaches(
    target: Target, ind: Indicator, park: str, figures: Figures, minimum: Decimal
) -> Finding:
    """One park's level against a minimum (its per-park minimum or its allocated share)."""
    actual = figures.level(ind, park, target.year)
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


def _each_park(
    target: Target, ind: Indicator, figures: Figures, minimums: dict[str, Decimal]
) -> dict[str, bool | None]:
    """Whether each park reaches its minimum (None: no figure)."""
    out: dict[str, bool | None] = {}
    for park, minimum in minimums.items():
        v = figures.level(ind, park, target.year).value
        out[park] = None if v is None else _ge(v, minimum)
    return out


@register("per_park")
def per_park(target: Target, ind: Indicator, park: str | None, figures: Figures) -> Finding:
    """各园区至少N: every park reaches the minimum."""
    assert target.value is not None
    if park is not None:
        return _reaches(target, ind, park, figures, target.value)
    minimums = dict.fromkeys(_scope(target, figures), target.value)
    return _summary(
        target, ind, _each_park(target, ind, figures, minimums), figures, "未达到 below"
    )


@register("allocation")
def allocation(target: Target, ind: Indicator, park: str | None, figures: Figures) -> Finding:
    """A zone target split over parks: each park against its share; the zone row sums up."""
    shares = dict(target.shares)
    if park is not None:
        if park not in shares:
            return _finding(target, ind, park, Actual(None), None, unit=ind.unit)
        return _reaches(target, ind, park, figures, shares[park])
    per = _each_park(target, ind, figures, shares)
    return _summary(target, ind, per, figures, "未完成分解目标 below share")
