"""Assessment schemes (考核, 量化赋分): the scheme's model and the arithmetic of points.

DOMAIN.md "Assessment". A scheme is data written in a plan's `scoring:` block (read by
`scoreload`): which indicators are scored, each one's weight (分值) and rule, the units being
ranked (the zone's parks, or departments each answering for some indicators), a value coefficient
(价值系数) per unit, and what a missing figure earns. This module turns one completion into points
under one rule, and ranks totals; `assess` applies it to a plan's figures.

Completion for scoring (`completion`) is actual ÷ target for a higher-is-better target and
target ÷ actual for a lower-is-better one (DOMAIN.md); a range or 左右 target counts 100% inside
it and is measured from the nearest end outside it; a yes/no is 100% or 0%.

Rules, each in points of a weight w:

- proportional: w × completion, within 0 and the cap (cap 120%: at most 1.2 w);
- all_or_nothing: w when the target is met, else 0;
- bands: the share of w of the highest band whose lower end the completion reaches, else 0;
- anchored: meeting earns `at_target` × w (80%), each step above or below adds or removes
  `points`, within `floor` × w and `cap` × w;
- deduction: w when met, minus `points` per step short (a part of a step pro rata, or a whole
  step with `whole_steps`), never below `floor` × w.

A step is one percentage point of completion, or, with `per`, that much of the target's own
measure (1 家, 1 个百分点 of a growth rate), counted in the direction that is better.

The arithmetic is exact (fractions): completion, steps and points are rounded once, at the end,
half up (四舍五入), so 3 × 121/120 = 3.025 shows as 3.03 however the division would round.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple

from .plan import NOWHERE, Loc, Tier

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

    def describe(self) -> str:
        """The rule in the words of an assessment table (比例计分, 封顶120%)."""
        step = f"每{self.per_text}" if self.per is not None else "完成率每1个百分点"
        if self.kind == "proportional":
            return f"按完成率计分, 封顶{_pct(self.cap)}"
        if self.kind == "all_or_nothing":
            return "达标得满分, 否则0分"
        if self.kind == "bands":
            parts = [f"≥{_pct(low)}得{_pct(share)}" for low, share in self.bands]
            return "分档: " + ", ".join(parts) + ", 以下0分"
        if self.kind == "anchored":
            return (
                f"达标得{_pct(self.at_target)}, {step}±{_num(self.points)}分, "
                f"{_pct(self.floor)}–{_pct(self.cap)}"
            )
        whole = " (不足一步按一步计)" if self.whole_steps else ""
        return f"达标得满分, {step}不足扣{_num(self.points)}分{whole}, 最低{_pct(self.floor)}"


def _pct(share: Decimal) -> str:
    from ..view.numbers import fmt_ratio

    return fmt_ratio(share, 2).replace(".00%", "%")


def _num(value: Decimal) -> str:
    from ..view.numbers import fmt_number

    return fmt_number(value)


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
