"""The data model: a plan, its parks, indicators, targets and figures, and the findings of a check.

Frozen dataclasses with no behaviour beyond lookups. Every number is a Decimal already in the
unit that matters (a figure is converted to its indicator's unit when it is loaded), so the core
never converts units and never meets float noise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Literal

Direction = Literal["higher", "lower"]
Tier = Literal["floor", "stretch"]

TARGET_KINDS = (
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "between",
    "about",
    "growth",
    "increase",
    "coverage",
    "per_park",
    "allocation",
)


@dataclass(frozen=True)
class Loc:
    """Where something was written: file, line and column (1-based; 0 when unknown)."""

    file: str
    line: int = 0
    col: int = 0


@dataclass(frozen=True)
class Park:
    id: str
    name: str
    role: str | None = None
    name_en: str | None = None


@dataclass(frozen=True)
class Target:
    """One target of an indicator. Numbers are in `unit` (see `Target.unit`)."""

    kind: str
    year: int
    text: str  # as written, for reports: "95 家", "[3 家, 4 家]"
    value: Decimal | None = None  # the threshold; the low end of `between`
    high: Decimal | None = None  # the high end of `between`
    tolerance: Decimal | None = None  # for `about`
    unit: str = ""  # the indicator's unit, or percent (growth), or 百分点 (increase of a %)
    parks: tuple[str, ...] | None = None  # coverage: the parks it must cover; None = all
    shares: tuple[tuple[str, Decimal], ...] = ()  # allocation: (park, share) in `unit`
    tier: Tier | None = None
    park: str | None = None
    source: str | None = None
    loc: Loc = Loc("")


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    unit: str
    direction: Direction = "higher"
    growth_basis: Literal["current", "comparable"] = "current"
    name_en: str | None = None
    share: tuple[str, str] | None = None  # (numerator, denominator)
    per_capita: tuple[str, str, int] | None = None  # (value, population, per)
    group: str | None = None
    source: str | None = None
    targets: tuple[Target, ...] = ()
    loc: Loc = Loc("")


@dataclass(frozen=True)
class Figure:
    """A reported figure; `value`, `base` and `change` are in the indicator's unit
    (`change` in 百分点 for a % indicator), `growth` in percent."""

    indicator: str
    park: str | None
    period: int
    value: Decimal | None = None
    flag: bool | None = None
    growth: Decimal | None = None
    base: Decimal | None = None
    change: Decimal | None = None
    note: str | None = None
    loc: Loc = Loc("")

    @property
    def key(self) -> tuple[str, str | None, int]:
        return (self.indicator, self.park, self.period)


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    year: int
    file: str
    region: str | None = None
    source: dict[str, str] = field(default_factory=dict)
    parks: tuple[Park, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    figures: tuple[Figure, ...] = ()
    notes: tuple[str, ...] = ()  # how the file was read (encoding), for stderr

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    def park(self, park_id: str) -> Park:
        for p in self.parks:
            if p.id == park_id:
                return p
        raise KeyError(park_id)

    @property
    def targets(self) -> tuple[Target, ...]:
        return tuple(t for ind in self.indicators for t in ind.targets)


class Status(str, Enum):
    MET = "met"
    MISSED = "missed"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return {"met": "达标", "missed": "未达标", "no_data": "无数据"}[self.value]


@dataclass(frozen=True)
class Finding:
    """The outcome of one target (for one park, or the zone when `park` is None)."""

    indicator: Indicator
    target: Target
    park: str | None
    status: Status
    actual: Decimal | None = None
    actual_unit: str = ""
    actual_text: str = ""
    completion: Decimal | None = None  # actual ÷ target
    gap: Decimal | None = None  # actual − target, in `gap_unit`
    gap_unit: str = ""
    basis: str = ""  # how the actual was obtained: reported, computed …
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanResult:
    """All findings of a check of one plan for one year (and, optionally, one park)."""

    plan: Plan
    year: int
    park: str | None
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()

    def count(self, status: Status) -> int:
        return sum(1 for f in self.findings if f.status is status)

    @property
    def success(self) -> bool:
        return self.count(Status.MISSED) == 0
