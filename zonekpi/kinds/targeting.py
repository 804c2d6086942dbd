"""Which target a scored unit — a park, or a department answering for some indicators — is
held to in an assessment (考核), and in what unit its gap is counted.

Shared by the reader of a plan's `scoring:` block (which checks that every item applies to
some unit) and by `core.assess` (which scores it).
"""

from __future__ import annotations

from ..model import units
from ..model.plan import Indicator, Target, rollup_method
from ..model.scheme import Item, Scheme
from .base import REGISTRY


def _kind_per_park(t: Target) -> bool:
    return REGISTRY[t.kind].per_park


def zone_target(ind: Indicator, year: int, tier: str | None) -> Target | None:
    """The zone's target of `ind` for `year` an item is scored against: of the item's tier, or
    the floor (确保) before the stretch (力争); a level before an allocation of it."""
    own = [t for t in ind.targets if t.year == year and t.park is None]
    if tier is not None:
        own = [t for t in own if t.tier == tier]
    own.sort(key=lambda t: (t.tier == "stretch", _kind_per_park(t)))
    return own[0] if own else None


def park_targets(ind: Indicator, year: int, tier: str | None) -> list[Target]:
    """Targets of `ind` that name parks (per-park kinds, targets for one park): of the item's
    tier, or the floor (确保) before the stretch (力争)."""
    own = [
        t
        for t in ind.targets
        if t.year == year
        and (_kind_per_park(t) or t.park is not None)
        and (tier is None or t.tier == tier)
    ]
    own.sort(key=lambda t: t.tier == "stretch")
    return own


def applies_as_is(ind: Indicator, target: Target) -> bool:
    """Whether the zone's target can be held against one park's figure as it stands: a rate, a
    share, a per-capita value, a percentage, a yes/no (not a level that adds up over parks)."""
    measure = REGISTRY[target.kind].measure(target, ind)
    if measure == "growth" or (measure == "change" and target.unit == "百分点"):
        return True
    return rollup_method(ind) != "sum"


def split_kind(ind: Indicator, base: Target | None) -> tuple[str, str]:
    """The kind and unit of a park's share under `split:`: the zone target's own (≥ 95家 gives
    ≥ 42家; 增长13% gives 增长15%; 新增10家 gives 新增4家), or, for any other, ≥ in the
    indicator's unit."""
    if base is None or not REGISTRY[base.kind].splits:
        return "at_least", ind.unit
    return base.kind, base.unit or ind.unit


def unit_target(item: Item, ind: Indicator, unit: str, scheme: Scheme, year: int) -> Target | None:
    """The target `unit` is measured against on `item` in `year`, or None when the item does
    not apply to it."""
    if scheme.units == "departments":
        return zone_target(ind, year, item.tier) if item.department == unit else None
    if item.split:
        share = dict(item.split).get(unit)
        if share is None:
            return None
        base = zone_target(ind, year, item.tier)
        kind, measure = split_kind(ind, base)
        if base is None:
            return Target(kind, year, "", value=share, unit=measure, park=unit)
        return base._replace(
            kind=kind,
            text="",
            value=share,
            unit=measure,
            park=unit,
            high=None,
            tolerance=None,
            parks=None,
            shares=(),
        )
    for t in park_targets(ind, year, item.tier):
        if t.park == unit:
            return t
        if t.park is None and REGISTRY[t.kind].applies_to_park(t, unit):
            return t
    base = zone_target(ind, year, item.tier)
    if base is not None and not _kind_per_park(base) and applies_as_is(ind, base):
        return base
    return None


def gap_unit(ind: Indicator, target: Target | None) -> str:
    """The unit of actual − target: 百分点 for a growth or a percentage, else the target's."""
    if units.is_percent(ind.unit) or (target is not None and target.unit == "percent"):
        return "百分点"
    return (target.unit if target is not None else "") or ind.unit
