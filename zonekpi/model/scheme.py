"""Assessment schemes (考核, 量化赋分) as written in a plan's `scoring:` block: which indicators
are scored, each one's weight (分值) and rule, the units ranked (the zone's parks, or departments
each answering for some indicators), a value coefficient (价值系数) per unit, and what a missing
figure earns. The arithmetic of points is `core.scoring`; docs/domain.md, "Assessment", has the
rules in words."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from .common import NOWHERE, Loc, Tier

RuleKind = Literal["proportional", "all_or_nothing", "bands", "anchored", "deduction"]


UnitKind = Literal["parks", "departments"]


ZERO = Decimal(0)


ONE = Decimal(1)


class Rule(NamedTuple):
    """How a completion becomes points; fractions are of the item's weight."""

    kind: RuleKind = "proportional"
    cap: Decimal = ONE
    floor: Decimal = ZERO
    bands: tuple[tuple[Decimal, Decimal], ...] = ()  # (completion from, share of w), highest first
    at_target: Decimal = Decimal("0.8")
    points: Decimal = ZERO  # anchored: per step either way; deduction: per step short
    per: Decimal | None = None  # a step in `per_unit`; None: one percentage point of completion
    per_unit: str = ""
    per_text: str = ""  # the step as written, for explanations
    whole_steps: bool = False


class Item(NamedTuple):
    """One scored indicator: its weight (分值) and rule, and whom it is scored for."""

    indicator: str
    weight: Decimal
    rule: Rule
    tier: Tier | None = None  # which of a two-tier target (default: the floor, 确保)
    split: tuple[tuple[str, Decimal], ...] = ()  # park → its assessment target (分解目标)
    department: str | None = None
    note: str | None = None
    loc: Loc = NOWHERE


class Department(NamedTuple):
    id: str
    name: str


class Scheme(NamedTuple):
    items: tuple[Item, ...]
    units: UnitKind = "parks"
    departments: tuple[Department, ...] = ()
    coefficients: tuple[tuple[str, Decimal], ...] = ()  # 价值系数 per park or department
    missing: Decimal = ZERO  # the share of the weight a missing figure earns (flagged)
    precision: int = 2  # decimals of points; ranks compare totals at this precision
    schedule: bool = True  # during the year, a flow is scored against its pro-rata target
    note: str | None = None
    loc: Loc = NOWHERE

    def coefficient(self, unit: str) -> Decimal:
        return dict(self.coefficients).get(unit, ONE)
