"""Target kinds: one module per family, each owning everything about its kind.

    threshold   at_least (≥), more_than (>), at_most (≤), less_than (<)
    ranges      between (X–Y), about (左右)
    growth      growth (增长X%)
    change      increase (提高X个百分点, 新增X家)
    coverage    coverage (全覆盖)
    per_park    per_park (各园区至少N)
    allocation  allocation (分解到园区)
    achieved    achieved (是否: 建成投用, 实现进驻)

`get(kind)` is the one lookup; it fails clearly for a kind nobody registered. `KINDS` lists the
keys a plan may write, in the order the schema gives them. To add a kind, write a module with a
`Kind` subclass decorated `@register`, import it here, and add it to the plan schema.
"""

from __future__ import annotations

from ..model.plan import Indicator, Target

# isort: off
from . import threshold, ranges, growth, change, coverage, per_park, allocation, achieved  # noqa: F401

# isort: on
from .base import REGISTRY, Band, FigureSource, Kind, accumulates, indicator_lower

__all__ = [
    "KINDS",
    "Band",
    "FigureSource",
    "Kind",
    "UnknownKind",
    "accumulates",
    "get",
    "indicator_lower",
    "lower",
]

KINDS: tuple[str, ...] = tuple(REGISTRY)


class UnknownKind(KeyError):
    """A target kind no module registered."""

    def __str__(self) -> str:
        return f"no target kind {self.args[0]!r}; the kinds are: {', '.join(KINDS)}"


def get(kind: str) -> Kind:
    """The kind registered under `kind` (the key plans write)."""
    try:
        return REGISTRY[kind]
    except KeyError:
        raise UnknownKind(kind) from None


def lower(target: Target, ind: Indicator) -> bool:
    """Whether lower is better for `target` of `ind`."""
    return get(target.kind).lower(target, ind)
