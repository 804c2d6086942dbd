"""What every target kind shares: the `Kind` interface, tolerant comparisons, the finding a
kind returns, and the schedule rules (序时进度) the level kinds have in common.

A kind answers every question about its targets: how a target is read from the plan, how it is
evaluated for the zone or a park, whether lower is better, what it is measured on, the
threshold a park and a score are held to, and how it behaves during the year. Nothing else in
zonekpi decides these by the kind's name. Kinds see the figures through `FigureSource`, a
protocol that `core.figures.Figures` fulfils, so this package imports only the model.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar, Literal, Protocol

from ..errors import msg
from ..model import units
from ..model.periods import Period
from ..model.plan import Figure, Indicator, Measure, Plan, Target
from ..model.results import Actual, Finding, Status

EPS = Decimal("1e-9")  # computed decimals are compared allowing for their last digits
HUNDRED = Decimal(100)
Family = Literal["level", "growth", "increase", "coverage", "per_park", "allocation", "achieved"]
LEVELS: tuple[Family, ...] = ("level", "per_park", "allocation")  # targets on a level


class FigureSource(Protocol):
    """The figures a kind evaluates against (fulfilled by `core.figures.Figures`)."""

    plan: Plan

    def level(self, ind: Indicator, park: str | None, period: Period | int) -> Actual: ...
    def growth(self, ind: Indicator, park: str | None, period: Period | int) -> Actual: ...
    def change(self, ind: Indicator, park: str | None, period: Period | int) -> Actual: ...
    def flag_actual(self, ind: Indicator, park: str | None, period: Period | int) -> Actual: ...
    def get(self, indicator: str, park: str | None, period: Period | int) -> Figure | None: ...


class TargetReader(Protocol):
    """What a kind needs from the plan reader to read its target (`read.plan`)."""

    def quantity(self, raw: Any, at: tuple[Any, ...], unit: str, what: str) -> Decimal | None: ...
    def in_unit(self, raw: Any, unit: str, at: tuple[Any, ...], hint: str) -> Decimal | None: ...
    def error(self, at: tuple[Any, ...], message: str, key: bool = False) -> None: ...
    def below_zero(self, at: tuple[Any, ...], raw: Any, ind: Indicator, what: str) -> None: ...
    def unknown_park(self, park: str) -> str: ...
    def is_park(self, park: str) -> bool: ...


class Band:
    """What a score is measured against: at least `low`, at most `high` (None: unbounded).
    During the year both scale with the time elapsed, except a `fixed_high` (a range's top is
    the year's). `capped`: met scores exactly full completion (a range), not actual ÷ target.
    A plain class: made only when a rank is scored, and cheaper to define than a named tuple."""

    __slots__ = ("capped", "fixed_high", "high", "low")

    def __init__(
        self,
        low: Decimal | None,
        high: Decimal | None,
        capped: bool = False,
        fixed_high: bool = False,
    ) -> None:
        self.low, self.high, self.capped, self.fixed_high = low, high, capped, fixed_high


def ge(a: Decimal, b: Decimal) -> bool:
    return a >= b - EPS


def le(a: Decimal, b: Decimal) -> bool:
    return a <= b + EPS


def reached(a: Decimal, t: Decimal, lower: bool) -> bool:
    """Whether `a` is at `t` or past it in the better direction (at most for lower-is-better)."""
    return le(a, t) if lower else ge(a, t)


def accumulates(ind: Indicator) -> bool:
    """A flow that adds up over the months towards the year's figure: not a stock, a rate, a
    share, a per-capita value or a yes/no."""
    unit = ind.unit
    return not (
        ind.stock
        or units.is_percent(unit)
        or units.is_flag(unit)
        or ind.share is not None
        or ind.per_capita is not None
    )


def counted_stock(ind: Indicator) -> bool:
    """A stock that moves from last year's end towards its target: 企业数."""
    return ind.stock and not (units.is_percent(ind.unit) or units.is_flag(ind.unit))


def gap_unit(unit: str) -> str:
    """The unit of actual − target: 百分点 for a percentage, else the unit itself."""
    return "百分点" if units.is_percent(unit) else unit


def finding(
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
) -> Finding:
    """The finding of a target: met, missed, or no data (`met` None)."""
    status = Status.NO_DATA if met is None else Status.MET if met else Status.MISSED
    return Finding(
        indicator=ind,
        target=target,
        park=park,
        status=status,
        actual=actual.value,
        actual_unit=unit,
        completion=completion,
        gap=gap,
        gap_unit=gap_unit,
        basis=actual.basis,
        notes=actual.notes,
        derivation=actual if actual.rollup is not None or actual.terms else None,
    )


def as_it_stands(f: Finding) -> Finding:
    """During the year, a finding that is not measured against the time elapsed (a rate, a
    share, a range): met is on track, anything else below the target (低于目标, not 落后序时:
    no 序时 comparison was made)."""
    return f._replace(status=Status.ON_TRACK if f.status is Status.MET else Status.BELOW)


_SAID = {  # a target's key as a message names it ("at least: unit 个 cannot be converted…")
    "at_least": msg("at least"),
    "more_than": msg("more than"),
    "at_most": msg("at most"),
    "less_than": msg("less than"),
    "increase": msg("increase"),
    "about": msg("about"),
    "between": msg("between"),
    "growth": msg("growth"),
    "achieved": msg("achieved"),
    "coverage": msg("coverage"),
    "per_park": msg("per park"),
    "allocation": msg("allocation"),
}


def said(kind: str) -> str:
    """How a message names a target kind's key: 'at least' for at_least."""
    return _SAID.get(kind, kind.replace("_", " "))


class Kind:
    """One target kind. Subclasses set the class attributes and override what differs."""

    id: ClassVar[str]
    family: ClassVar[Family] = "level"
    symbol: ClassVar[str] = ""  # the sign a report writes before the value (≥ > ≤ <)
    per_park: ClassVar[bool] = False  # every park must meet it (checked park by park)
    path: ClassVar[bool] = False  # a level threshold: a later year's target is a path
    floor: ClassVar[bool] = False  # a level the zone must reach at least (≥ or >)
    scales: ClassVar[bool] = False  # its numbers scale with the time elapsed (flows)
    splits: ClassVar[bool] = False  # a park's share of it keeps the kind (考核 split:)
    yes_no: ClassVar[bool] = False  # a park's actual is 是/否
    counts_parks: ClassVar[bool] = False  # the zone's row counts the parks that meet it
    strict: ClassVar[bool] = False  # > or <: reaching the value exactly is not enough
    ceiling: ClassVar[bool] = False  # a cap (≤ <): lower is better whatever the indicator says

    def lower(self, target: Target, ind: Indicator) -> bool:
        """Whether lower is better for this target: the indicator's direction by default."""
        return indicator_lower(ind)

    def measure(self, target: Target, ind: Indicator) -> Measure:
        """The measure the target is judged on."""
        return "flag" if units.is_flag(ind.unit) else "level"

    def unit(self, ind: Indicator) -> str:
        """The unit a target's value is written and held in."""
        return ind.unit

    def threshold(self, target: Target, park: str | None) -> Decimal | None:
        """The value a row is judged against, for a park or the zone (None)."""
        return target.value

    def applies_to(self, target: Target, park: str, figures: FigureSource) -> bool:
        """Whether `--park park` checks this zone target for that park."""
        return False

    def applies_to_park(self, target: Target, park: str) -> bool:
        """Whether a zone target of this kind names `park` among those that must meet it."""
        return False

    def read(
        self,
        entry: dict[str, Any],
        at: tuple[Any, ...],
        ind: Indicator,
        common: dict[str, Any],
        r: TargetReader,
    ) -> Target | None:
        """The target `entry` (a plan's mapping with this kind's key) written at `at`."""
        unit = self.unit(ind)
        raw = entry[self.id]
        amount = self.amount(raw, (*at, self.id), unit, r)
        if amount is None or not self.at_or_above_zero(amount, raw, (*at, self.id), ind, r):
            return None
        return Target(**common, text=str(raw).strip(), value=amount, unit=unit)

    def at_or_above_zero(
        self,
        value: Decimal,
        raw: Any,
        at: tuple[Any, ...],
        ind: Indicator,
        r: TargetReader,
        what: str = "",
    ) -> bool:
        """False, after recording why, for a level below zero of an indicator that cannot be
        negative (money, counts, areas, people, shares: `Indicator.can_be_negative`); a growth
        rate or an increase may be below zero."""
        if value >= 0 or ind.can_be_negative or self.family not in LEVELS:
            return True
        r.below_zero(at, raw, ind, what or said(self.id))
        return False

    def amount(self, raw: Any, at: tuple[Any, ...], unit: str, r: TargetReader) -> Decimal | None:
        """The target's value read in `unit`."""
        return r.quantity(raw, at, unit, said(self.id))

    def evaluate(
        self,
        target: Target,
        ind: Indicator,
        park: str | None,
        figures: FigureSource,
        period: Period,
    ) -> Finding:
        raise NotImplementedError

    def in_year(self, f: Finding, tau: Decimal, period: Period, figures: FigureSource) -> Finding:
        """The finding `f`, evaluated on the year to date, judged against the time elapsed."""
        return as_it_stands(f)

    def rest_of_year(self, f: Finding, period: Period) -> Finding:
        """During the year, what the rest of it needs (a flow's level target): nothing to add
        for most kinds."""
        return f

    def band(self, target: Target, park: str | None, ind: Indicator) -> Band:
        """The band a score is measured against, for the whole year."""
        t = self.threshold(target, park)
        assert t is not None
        return Band(None, t) if self.lower(target, ind) else Band(t, None)


REGISTRY: dict[str, Kind] = {}


def register(cls: type[Kind]) -> type[Kind]:
    """Add a kind to the registry under its id (the key plans write)."""
    REGISTRY[cls.id] = cls()
    return cls


def indicator_lower(ind: Indicator) -> bool:
    """Lower is better for an indicator when it says so, or, when it says nothing, when one of
    its targets is a ceiling (控制在…以内)."""
    if ind.direction is not None:
        return ind.direction == "lower"
    return any(REGISTRY[t.kind].ceiling for t in ind.targets if t.kind in REGISTRY)
