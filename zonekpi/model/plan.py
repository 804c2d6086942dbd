"""The plan as read: its parks, indicators, targets and figures.

Named tuples with no behaviour beyond lookups: immutable, and made in C (a dataclass costs
~1.7 ms to define at start-up and three times as long to make). Every number is a Decimal
already in the unit that matters (a figure is converted to its indicator's unit when it is
loaded), so the core never converts units and never meets float noise.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, NamedTuple

from . import units
from .common import NOWHERE, Loc, Tier
from .periods import Period

if TYPE_CHECKING:  # read only for plans that have them: no import at start-up
    from .policy import Policy
    from .scheme import Scheme
    from .tasks import Ledger

Direction = Literal["higher", "lower"]


RollupMethod = Literal["sum", "none"]


Measure = Literal["level", "growth", "change", "flag"]


class Park(NamedTuple):
    id: str
    name: str
    role: str | None = None
    name_en: str | None = None
    parent: str | None = None  # the park this one lies in (区中园), or None for the zone
    aliases: tuple[str, ...] = ()  # other names figure files may give it (高新技术产业开发区)


class Target(NamedTuple):
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
    loc: Loc = NOWHERE
    due: date | None = None  # a deadline inside its year (上半年: 6月30日)
    due_text: str = ""  # the deadline as written: 上半年, 河洛文化旅游节
    two_sided: bool = False  # a range whose both ends bind (控制在…之间)


class Indicator(NamedTuple):
    id: str
    name: str
    unit: str
    direction: Direction | None = None  # None: not stated (see kinds.indicator_lower)
    growth_basis: Literal["current", "comparable"] = "current"
    name_en: str | None = None
    share: tuple[str, str] | None = None  # (numerator, denominator)
    per_capita: tuple[str, str, int] | None = None  # (value, population, per)
    group: str | None = None
    source: str | None = None
    targets: tuple[Target, ...] = ()
    loc: Loc = NOWHERE
    rollup: RollupMethod | None = None  # None: follow from the unit (see rollup.method)
    stock: bool = False  # a level at a moment (企业数), not a flow summed over months (产值)
    was: str | None = None  # its id (or name) in last year's plan, when it changed
    share_of: str | None = None  # a share's denominator is this outside unit's (占全市…)
    can_be_negative: bool = False  # its level may be below zero (利润, 净增); else refused
    aliases: tuple[str, ...] = ()  # other names figure files may give it (GDP, 地区生产总值)


class Context(NamedTuple):
    """A figure the document states that is not a target (计划总投资505亿元的67个重点项目):
    shown in a report's context section, never checked or scored."""

    name: str
    value: Decimal
    unit: str
    number: Decimal | None = None  # how many (67个项目), when the document says
    number_unit: str = ""
    id: str | None = None
    year: int | None = None
    park: str | None = None
    group: str | None = None
    source: str | None = None
    note: str | None = None
    loc: Loc = NOWHERE


class _FigureFields(NamedTuple):
    indicator: str
    park: str | None
    period: Period  # an int year is taken as that whole year
    value: Decimal | None = None
    flag: bool | None = None
    growth: Decimal | None = None
    base: Decimal | None = None
    change: Decimal | None = None
    note: str | None = None
    file: str = ""  # where it was written: `loc`, kept as three fields rather than a Loc
    line: int = 0  # each, which for a million figures of a table would hold 78 MB more
    col: int = 0


class Figure(_FigureFields):
    """A reported figure; `value`, `base` and `change` are in the indicator's unit
    (`change` in 百分点 for a % indicator), `growth` in percent."""

    __slots__ = ()

    def __new__(
        cls,
        indicator: str,
        park: str | None,
        period: Period | int,
        value: Decimal | None = None,
        flag: bool | None = None,
        growth: Decimal | None = None,
        base: Decimal | None = None,
        change: Decimal | None = None,
        note: str | None = None,
        loc: Loc = NOWHERE,
    ) -> Figure:
        if isinstance(period, int):
            period = Period(period)
        return super().__new__(
            cls, indicator, park, period, value, flag, growth, base, change, note, *loc
        )

    @property
    def loc(self) -> Loc:
        """Where it was written."""
        return Loc(self.file, self.line, self.col)

    @property
    def key(self) -> tuple[str, str | None, Period]:
        """(indicator, park, period): what a figure is filed under (also fig[:3])."""
        return (self.indicator, self.park, self.period)


class Plan(NamedTuple):
    id: str
    title: str
    year: int
    file: str
    region: str | None = None
    source: dict[str, str] = {}  # noqa: RUF012 - never changed
    parks: tuple[Park, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    figures: tuple[Figure, ...] = ()
    notes: tuple[str, ...] = ()  # how the file was read (encoding), for stderr
    # 序时进度: N/12, days gone ÷ days in the year, or last year's share done by month N
    elapsed: Literal["months", "days", "seasonal"] = "months"
    inputs: tuple[str, ...] = ()  # every file read for it: the plan, its data: files, --data
    scoring: Scheme | None = None  # the assessment scheme (考核), if the plan has one
    incentives: Policy | None = None  # incentive rules (政策兑现), if the plan has them
    outside: tuple[Park, ...] = ()  # units outside the zone, for shares of their totals
    context: tuple[Context, ...] = ()  # figures the document states that are not targets
    ledger: Ledger | None = None  # units, tasks and owners (重点工作台账), if the plan has them

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

    def children(self, park: str | None) -> tuple[str, ...]:
        """The parks directly inside `park` (None: the zone's own parks, 一区四园)."""
        return tuple(p.id for p in self.parks if p.parent == park)

    def tree(self) -> list[tuple[str, int]]:
        """Every park with its depth (0 for the zone's own parks), parents before children."""
        out: list[tuple[str, int]] = []
        stack = [(p, 0) for p in reversed(self.children(None))]
        while stack:
            park, depth = stack.pop()
            out.append((park, depth))
            stack.extend((c, depth + 1) for c in reversed(self.children(park)))
        return out


RollupHow = Literal["sum", "ratio", "any", "none"]


def rollup_method(ind: Indicator) -> RollupHow:
    """How an indicator's zone total follows from its parks' figures.

    A share or per-capita indicator is a ratio of summed terms; a 是否 indicator is held when
    any park holds it; a percentage without terms cannot be added up; everything else (money,
    counts, areas, people) is summed, unless the plan says ``rollup: none``.
    """
    if ind.share or ind.per_capita:
        return "ratio"
    if ind.rollup == "none":
        return "none"
    if units.is_flag(ind.unit):
        return "any"
    if units.is_percent(ind.unit):
        return "none"
    return "sum"
