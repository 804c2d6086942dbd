"""Comparing two years' plans (`zonekpi compare OLD NEW`): targets and figures, side by side.

docs/domain.md, "Comparing years": plan against plan (indicators added or dropped, targets raised or
lowered and by how much) and actual against actual (growth from the two years' levels, by park
and for the zone, with the roll-up rules of the parks). Indicators are matched by id, or through
`was:` on the new plan's indicator (an old id or name). Targets are matched by tier, park and
kind; a target whose kind changed (a level became a growth rate) is reported as such, never as
a number. Units are converted before anything is compared. Pure: no Click, no terminal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from .. import kinds
from ..errors import UnitMismatch
from ..model import units
from ..model.periods import Period
from ..model.plan import Indicator, Plan, Target
from ..model.results import NONE, Actual, Note
from .figures import Figures

Change = Literal["raised", "lowered", "unchanged", "added", "dropped", "changed_kind", "changed"]


class TargetChange(NamedTuple):
    indicator: Indicator
    old: Target | None
    new: Target | None
    change: Change
    amount: Decimal | None = None  # new − old, in `unit` (百分点 between percentages)
    unit: str = ""
    relative: Decimal | None = None  # amount ÷ old, for levels (not for percentages)
    easier: bool | None = None  # a lower floor or a higher cap


class ActualChange(NamedTuple):
    indicator: Indicator
    park: str | None
    old: Actual
    new: Actual
    growth: Decimal | None  # percent; for a percentage indicator, the change in points
    unit: str  # "percent" or "百分点"
    notes: tuple[Note, ...] = ()  # why there is no growth (a base of zero or below)


class Comparison(NamedTuple):
    old: Plan
    new: Plan
    targets: tuple[TargetChange, ...]
    actuals: tuple[ActualChange, ...]
    pairs: tuple[tuple[Indicator | None, Indicator | None], ...]  # matched, added, dropped

    @property
    def relaxed(self) -> bool:
        return any(t.easier for t in self.targets)


def compare(old: Plan, new: Plan) -> Comparison:
    pairs = _match(old, new)
    targets: list[TargetChange] = []
    actuals: list[ActualChange] = []
    # last year's figures under this year's ids (and units), beside this year's
    renamed = {o.id: n.id for o, n in pairs if o is not None and n is not None}
    figures = Figures(new, _renamed(old, renamed))
    for o, n in pairs:
        targets += _targets(o, n, old.year, new.year)
        if o is not None and n is not None:
            actuals += _actuals(n, new, old.year, new.year, figures)
    return Comparison(old, new, tuple(targets), tuple(actuals), tuple(pairs))


def _renamed(old: Plan, ids: dict[str, str]) -> Plan:
    """`old` with its indicators and figures under the new plan's ids."""

    return old._replace(
        indicators=tuple(i._replace(id=ids[i.id]) for i in old.indicators if i.id in ids),
        figures=tuple(
            f._replace(indicator=ids[f.indicator]) for f in old.figures if f.indicator in ids
        ),
    )


def _match(old: Plan, new: Plan) -> list[tuple[Indicator | None, Indicator | None]]:
    by_id = {i.id: i for i in old.indicators}
    by_name = {i.name: i for i in old.indicators}
    used: set[str] = set()
    out: list[tuple[Indicator | None, Indicator | None]] = []
    for ind in new.indicators:
        key = ind.was or ind.id
        o = by_id.get(key) or (by_name.get(key) if ind.was else None)
        if o is not None and o.id not in used:
            used.add(o.id)
            out.append((o, ind))
        else:
            out.append((None, ind))
    out += [(o, None) for o in old.indicators if o.id not in used]
    return out


def _key(t: Target) -> tuple[str, str | None]:
    return (t.tier or "floor", t.park)


def _targets(
    o: Indicator | None, n: Indicator | None, old_year: int, new_year: int
) -> list[TargetChange]:
    olds = [t for t in (o.targets if o else ()) if t.year == old_year]
    news = [t for t in (n.targets if n else ()) if t.year == new_year]
    ind = n or o
    assert ind is not None
    out = []
    left = list(olds)
    for t in news:
        same = next((x for x in left if _key(x) == _key(t) and _family(x) == _family(t)), None)
        other = same or next((x for x in left if _key(x) == _key(t)), None)
        if other is None:
            out.append(TargetChange(ind, None, t, "added"))
            continue
        left.remove(other)
        if _family(other) != _family(t):
            out.append(TargetChange(ind, other, t, "changed_kind"))
        else:
            out.append(_change(ind, other, t))
    out += [TargetChange(ind, t, None, "dropped") for t in left]
    return out


def _family(t: Target) -> str:
    return kinds.get(t.kind).family


def _value(t: Target) -> Decimal | None:
    return kinds.get(t.kind).threshold(t, None)


def _change(ind: Indicator, old: Target, new: Target) -> TargetChange:
    if kinds.get(new.kind).yes_no:
        same = (old.parks or None) == (new.parks or None)
        return TargetChange(ind, old, new, "unchanged" if same else "changed")
    a, b = _value(old), _value(new)
    if a is None or b is None:
        return TargetChange(ind, old, new, "changed")
    try:
        a = units.convert(a, old.unit, new.unit)
    except UnitMismatch:
        return TargetChange(ind, old, new, "changed_kind")
    amount = b - a
    unit = "百分点" if units.is_percent(new.unit) else new.unit
    # new ÷ old − 1 of a level; none from an old target of zero or below (−5 → 10 is no −300%)
    relative = amount / a if a > 0 and not units.is_percent(new.unit) and unit != "百分点" else None
    if amount == 0 and new.kind == old.kind and old.high == new.high:
        return TargetChange(ind, old, new, "unchanged", amount, unit, relative, False)
    cap = kinds.lower(new, ind)
    change: Change = "raised" if amount > 0 else "lowered" if amount < 0 else "changed"
    easier = (amount > 0) if cap else (amount < 0)
    return TargetChange(ind, old, new, change, amount, unit, relative, easier)


def _actuals(
    ind: Indicator,
    new: Plan,
    old_year: int,
    new_year: int,
    figures: Figures,
) -> list[ActualChange]:
    out = []
    nodes: list[str | None] = [p for p, _ in new.tree()]
    nodes.insert(0, None)
    for node in nodes:
        before = figures.level(ind, node, Period(old_year))
        after = figures.level(ind, node, Period(new_year))
        if before.value is None and after.value is None:
            continue
        growth, unit = None, "percent"
        notes: tuple[Note, ...] = ()
        if units.is_percent(ind.unit):
            unit = "百分点"
            if before.value is not None and after.value is not None:
                growth = after.value - before.value
        elif before.value is not None and after.value is not None:
            if before.value > 0:
                growth = (after.value / before.value - 1) * 100
            else:  # −5 → −10 is no growth of 100%: no rate from a base of zero or below
                notes = (Note("growth_base_not_positive", (before.value, ind.unit)),)
        out.append(ActualChange(ind, node, before or NONE, after or NONE, growth, unit, notes))
    return out
