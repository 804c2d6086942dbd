"""Results of the core: actuals with their derivation, findings, totals and path progress.

Numbers, units and status codes only; the words a person reads are made in `zonekpi.view`.
Named tuples, as in `model.plan`: made in C, immutable.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Any, Literal, NamedTuple

from .periods import Period
from .plan import Indicator, Measure, Plan, Target

Grade = Literal["reached", "on_track", "acceleration_needed", "limited_progress", "deterioration"]


class Progress(NamedTuple):
    """A year on the way to a target of a later year.

    The path starts at `base` in `base_year` (the latest actual before the year checked, else
    the latest stated target up to it, else this year's actual) and passes through every stated
    target on the way (`expected`: where it stands in the year checked). `required`, `achieved`,
    `remaining` and `grade` are Open SDG's grading from `base` straight to `target`. `needed` is
    the growth a year still needed from the latest actual (`since`, in `since_year`) to the next
    stated point (`to`, in `to_year`): what a report calls 此后年均需增长.

    Rates are fractions a year (0.2108), or, when `linear` (`needed_linear`), amounts in the
    indicator's unit a year: percentage points for a percentage, and the unit itself where a
    level is zero or below and no compound rate exists.
    """

    base_year: int
    base: Decimal
    target_year: int
    target: Decimal  # the level aimed at: past a strict threshold (> 15个: 16个)
    required: Decimal  # r_req from base to target, a fraction a year (or units a year: linear)
    expected: Decimal  # the path's point for the year checked, through the stated points
    achieved: Decimal | None  # r_obs so far (None without an actual or before any year passed)
    remaining: Decimal | None  # the growth a year from this year's actual straight to the target
    grade: Grade | None
    linear: bool = False  # required/achieved/remaining in units a year, not fractions
    base_from: Literal["actual", "target"] = "actual"  # what the path starts from
    needed: Decimal | None = None  # 此后年均需增长: from `since` to `to`, a year
    needed_linear: bool = False  # `needed` in units a year (points for a %), not a fraction
    since_year: int | None = None  # the latest actual: this year's, else the latest earlier one
    since: Decimal | None = None
    to_year: int | None = None  # the next stated point after `since_year`
    to: Decimal | None = None


class Note(NamedTuple):
    """A remark on a result as a code and its data (park ids, numbers, units); the view words
    it in the report's language (`view.notes`)."""

    code: str
    data: tuple[Any, ...] = ()


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
    notes: tuple[Note | str, ...] = ()
    rollup: Rollup | None = None  # summed over parks
    terms: tuple[tuple[str, str, Actual], ...] = ()  # (role, indicator id, actual) of a ratio


NONE = Actual(None)


class Status(str, Enum):
    MET = "met"
    MISSED = "missed"
    NO_DATA = "no_data"
    ON_TRACK = "on_track"  # during the year: at or ahead of the time-elapsed share (序时进度)
    BEHIND = "behind"  # during the year: behind the time-elapsed share
    BELOW = "below"  # during the year: short of a target compared as it stands (a rate, a share)
    OVERDUE = "overdue"  # its deadline inside the year has passed and it is not reached
    ON_PATH = "on_path"  # a later year's target: this year at or past its point on the path
    BEHIND_PATH = "behind_path"  # a later year's target: this year short of its path point


# A deciding finding with one of these fails a check; --fail-on behind adds the second set.
FAILED = (Status.MISSED, Status.OVERDUE)
LAGGING = (Status.BEHIND, Status.BELOW, Status.BEHIND_PATH)


class Finding(NamedTuple):
    """The outcome of one target (for one park, or the zone when `park` is None)."""

    indicator: Indicator
    target: Target
    park: str | None
    status: Status
    actual: Decimal | None = None
    actual_unit: str = ""
    completion: Decimal | None = None  # actual ÷ target
    gap: Decimal | None = None  # actual − target, in `gap_unit`
    gap_unit: str = ""
    basis: str = ""  # how the actual was obtained: reported, computed …
    notes: tuple[Note | str, ...] = ()
    derivation: Actual | None = None  # the inputs (roll-up over parks, ratio terms)
    parks: tuple[Finding, ...] = ()  # one per park, for targets every park must meet
    elapsed: Decimal | None = None  # during the year: the time-elapsed share (序时进度), 0–1
    ahead: Decimal | None = None  # completion − elapsed, in percentage points (+ ahead)
    covered: Decimal | None = None  # a stock: the way covered since last year's end, 0–1
    start: Decimal | None = None  # … from that level: last year's end (净增 = actual − start)
    needed: Decimal | None = None  # growth (%) the rest of the year needs to meet a growth target
    path: Progress | None = None  # a target of a later year: where this year stands on the way
    decides: bool = True  # False for a stretch tier (力争) beside a floor (确保): reported only
    yoy: Decimal | None = None  # a flow's growth on last year's same period (同比), in percent
    rest: Decimal | None = None  # a flow's level target: what the rest of the year must add
    pace_needed: Decimal | None = None  # … a month, over the months left
    pace_so_far: Decimal | None = None  # the monthly pace so far: C_N ÷ N
    schedule: str = ""  # what τ was: months, days, seasonal (去年同期进度), deadline


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
        warnings: tuple[Note | str, ...] = (),
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
    def names(self) -> dict[str, str]:
        """Park id → name, for the words of a report."""
        return {p.id: p.name for p in self.plan.parks}

    @property
    def span(self) -> Period:
        return self.period or Period(self.year)

    @property
    def rows(self) -> tuple[Finding, ...]:
        """Every row a report counts: this year's findings, then the later years' targets."""
        return self.findings + self.paths

    def count(self, status: Status) -> int:
        """Deciding rows with `status`, the later years' targets (`paths`) included (a stretch
        tier beside its floor is counted apart)."""
        return sum(1 for f in self.rows if f.status is status and f.decides)

    def stretch_count(self, status: Status) -> int:
        """Stretch tiers (力争) beside a floor with `status`: reported, not deciding."""
        return sum(1 for f in self.rows if f.status is status and not f.decides)

    @property
    def success(self) -> bool:
        return not any(f.status in FAILED for f in self.findings if f.decides)
