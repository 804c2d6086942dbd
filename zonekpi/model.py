"""The data model: a plan, its parks, indicators, targets and figures, and the findings of a check.

Named tuples with no behaviour beyond lookups: immutable, and made in C (a dataclass costs
~1.7 ms to define at start-up and three times as long to make). Every number is a Decimal
already in the unit that matters (a figure is converted to its indicator's unit when it is
loaded), so the core never converts units and never meets float noise.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Literal, NamedTuple

from .paths import Progress
from .periods import Period

if TYPE_CHECKING:
    from .incentives import Policy
    from .scoring import Scheme

Direction = Literal["higher", "lower"]
Tier = Literal["floor", "stretch"]
RollupMethod = Literal["sum", "none"]
Measure = Literal["level", "growth", "change", "flag"]

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


class Loc(NamedTuple):
    """Where something was written: file, line and column (1-based; 0 when unknown). A named
    tuple: every figure carries one, and a tuple is made in C."""

    file: str
    line: int = 0
    col: int = 0

    def seen_from(self, here: Loc) -> str:
        """This place as a message at `here` names it: 'line 3', or 'other.csv:3'."""
        return f"line {self.line}" if self.file == here.file else f"{self.file}:{self.line}"


NOWHERE = Loc("")


class Park(NamedTuple):
    id: str
    name: str
    role: str | None = None
    name_en: str | None = None
    parent: str | None = None  # the park this one lies in (区中园), or None for the zone


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


class Indicator(NamedTuple):
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
    loc: Loc = NOWHERE
    rollup: RollupMethod | None = None  # None: follow from the unit (see rollup.method)
    stock: bool = False  # a level at a moment (企业数), not a flow summed over months (产值)
    was: str | None = None  # its id (or name) in last year's plan, when it changed


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
    elapsed: Literal["months", "days"] = "months"  # 序时进度: N/12, or days gone / days in year
    inputs: tuple[str, ...] = ()  # every file read for it: the plan, its data: files, --data
    scoring: Scheme | None = None  # the assessment scheme (考核), if the plan has one
    incentives: Policy | None = None  # incentive rules (政策兑现), if the plan has them

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


class Part(NamedTuple):
    """One park's input to a roll-up: its level and, for growth, its base and rate."""

    park: str
    value: Decimal | None  # this year's level (or the flag as 1/0)
    base: Decimal | None = None  # last year's level, for growth
    growth: Decimal | None = None  # percent, for growth
    base_from: str = ""  # how the base was obtained: reported, level ÷ (1 + growth), …


class Rollup(NamedTuple):
    """How a total was added up from its parks: the inputs, so that anyone can redo the sum."""

    measure: Measure
    parts: tuple[Part, ...]
    value: Decimal | None  # the rolled-up result (None when incomplete)
    total: Decimal | None = None  # Σ levels of the parts (None when any is missing)
    base: Decimal | None = None  # Σ bases (growth)
    missing: tuple[str, ...] = ()  # parks without the figure
    unweighted: tuple[str, ...] = ()  # parks with a growth rate but no level or base
    reported: Decimal | None = None  # the total reported for the zone (or parent park)

    @property
    def difference(self) -> Decimal | None:
        """Reported total − computed one, when both exist."""
        if self.reported is None or self.value is None:
            return None
        return self.reported - self.value


class Actual(NamedTuple):
    """A value (None for no data), how it was obtained, remarks, and the inputs behind it."""

    value: Decimal | None
    basis: str = ""
    notes: tuple[str, ...] = ()
    rollup: Rollup | None = None  # summed over parks
    terms: tuple[tuple[str, str, Actual], ...] = ()  # (role, indicator id, actual) of a ratio


NONE = Actual(None)


class Status(str, Enum):
    MET = "met"
    MISSED = "missed"
    NO_DATA = "no_data"
    ON_TRACK = "on_track"  # during the year: at or ahead of the time-elapsed share (序时进度)
    BEHIND = "behind"  # during the year: behind the time-elapsed share

    @property
    def label(self) -> str:
        return LABELS[self.value]


LABELS = {
    "met": "达标",
    "missed": "未达标",
    "no_data": "无数据",
    "on_track": "符合序时",
    "behind": "落后序时",
}


class Finding(NamedTuple):
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
    derivation: Actual | None = None  # the inputs (roll-up over parks, ratio terms)
    parks: tuple[Finding, ...] = ()  # one per park, for targets every park must meet
    elapsed: Decimal | None = None  # during the year: the time-elapsed share (序时进度), 0–1
    ahead: Decimal | None = None  # completion − elapsed, in percentage points (+ ahead)
    needed: Decimal | None = None  # growth (%) the rest of the year needs to meet a growth target
    path: Progress | None = None  # a target of a later year: where this year stands on the way


class Total(NamedTuple):
    """One measure of one indicator in one year, for every park and the zone (park None)."""

    indicator: Indicator
    measure: Measure
    unit: str
    values: tuple[tuple[str | None, Actual], ...]  # parks in tree order, then the zone

    def of(self, park: str | None) -> Actual:
        return dict(self.values).get(park, NONE)


class PlanResult:
    """All findings of a check of one plan for one year (and, optionally, one park)."""

    __slots__ = ("findings", "park", "paths", "period", "plan", "totals", "warnings", "year")

    def __init__(
        self,
        plan: Plan,
        year: int,
        park: str | None,
        findings: tuple[Finding, ...],
        warnings: tuple[str, ...] = (),
        totals: tuple[Total, ...] = (),  # every figure of the year, by park and for the zone
        period: Period | None = None,  # the span checked (None: the whole `year`)
        paths: tuple[Finding, ...] = (),  # targets of later years, and this year on the way
    ) -> None:
        self.plan = plan
        self.year = year
        self.park = park
        self.findings = findings
        self.warnings = warnings
        self.totals = totals
        self.period = period
        self.paths = paths

    @property
    def span(self) -> Period:
        return self.period or Period(self.year)

    def count(self, status: Status) -> int:
        return sum(1 for f in self.findings if f.status is status)

    @property
    def success(self) -> bool:
        return self.count(Status.MISSED) == 0
