"""Year over year: a figure's growth in percent and its change from last year, reported or
computed for `Figures.growth` and `Figures.change` (which remember the answers), with the
rules of docs/domain.md: a reported growth rate is primary data (a comparable-price growth is
never recomputed from current-price levels); a current-price growth may be computed from this
period's level and the base (上年同期基数) or the level of last year's same period; a zone's or
parent park's growth is its parks' weighted by their bases (`rollup.sum_growth`)."""

from __future__ import annotations

from decimal import Decimal

from .. import kinds
from ..model.periods import Period
from ..model.plan import Figure, Indicator, rollup_method
from ..model.results import NONE, Actual, Note, Part, Rollup
from . import rollup

# A reported growth that differs from the one its levels imply by more than this is flagged.
DISAGREEMENT_PP = Decimal(1)
HUNDRED = Decimal(100)
ROLLED_UP = "rolled up from parks"


def growth(figs: kinds.FigureSource, ind: Indicator, park: str | None, period: Period) -> Actual:
    """`Figures.growth`, not remembered: reported first, else computed where allowed."""
    fig = figs.get(ind.id, park, period)
    reported = fig.growth if fig is not None else None
    own_level = fig is not None and fig.value is not None
    computed, how, why_not = _computed_growth(figs, ind, park, period, fig)
    comparable = ind.growth_basis == "comparable"
    children = figs.plan.children(park)
    roll = None
    if children and rollup_method(ind) == "sum":
        roll = _growth_rollup(figs, ind, children, period, reported)
    if reported is not None:
        notes: tuple[Note | str, ...] = ()
        if own_level and computed is not None:
            notes = _disagreement(ind, reported, computed, how)
        elif roll is not None:
            notes = rollup.remarks(roll, ind.unit)
        return Actual(reported, "reported", notes, roll)
    if own_level and computed is not None and not comparable:
        return Actual(computed, f"computed from {how}", (), roll)
    if roll is not None and roll.value is not None:
        notes = rollup.remarks(roll, ind.unit)
        if comparable:
            notes = (Note("comparable_weights"), *notes)
        return Actual(roll.value, ROLLED_UP, notes, roll)
    if computed is not None and not comparable:
        # the parks' rates do not add up, but the summed levels of two years do
        return Actual(computed, f"computed from {how}", (), roll)
    # a base of zero or below gives no rate (a comparable rate is never computed anyway)
    lacking = () if why_not is None or comparable else (why_not,)
    if roll is not None and rollup.has_data(roll):
        return Actual(None, "", (*lacking, *rollup.remarks(roll, ind.unit)), roll)
    if comparable and (computed is not None or why_not is not None):
        return Actual(None, "", (Note("comparable_reported"),))
    return Actual(None, "", lacking) if lacking else NONE


def _growth_rollup(
    figs: kinds.FigureSource,
    ind: Indicator,
    children: tuple[str, ...],
    period: Period,
    reported: Decimal | None,
) -> Rollup:
    parts = []
    for c in children:
        level = figs.level(ind, c, period)
        g = figs.growth(ind, c, period)
        base, base_from = _base(figs, ind, c, period, level, g)
        parts.append(Part(c, level.value, base, g.value, base_from))
    return rollup.sum_growth(parts, reported)


def _base(
    figs: kinds.FigureSource,
    ind: Indicator,
    park: str,
    period: Period,
    level_actual: Actual,
    g: Actual,
) -> tuple[Decimal | None, str]:
    """A park's level a year before, for weighting its growth (docs/domain.md)."""
    fig = figs.get(ind.id, park, period)
    if fig is not None and fig.base is not None:
        return fig.base, "reported base"
    level = level_actual.value
    summed = level_actual.basis == ROLLED_UP and g.basis == ROLLED_UP
    if summed and g.rollup is not None and g.rollup.base is not None:
        # Its level and its growth both come from its own parks: their bases add up.
        return g.rollup.base, "sum of its parks' bases"
    if level is None or g.value is None or g.value <= -HUNDRED:
        return None, ""
    if g.basis in ("reported", ROLLED_UP):
        # A reported level with a reported (or its parks') growth: the implied base.
        return level / (1 + g.value / HUNDRED), "level ÷ (1 + growth)"
    before = figs.level(ind, park, period.shift(-1)).value
    if before is not None:
        return before, f"level {period.shift(-1)}"
    return None, ""  # pragma: no cover - a computed growth always has last year's level


def _computed_growth(
    figs: kinds.FigureSource, ind: Indicator, park: str | None, period: Period, fig: Figure | None
) -> tuple[Decimal | None, str, Note | None]:
    """The growth this period's level implies over its base (else last year's level), how
    it was computed, and why there is none when the base is zero or below: a rate from −5
    to −10 (+100%) or from −5 to +10 (−300%) says nothing about the change."""
    now = figs.level(ind, park, period).value
    if now is None:
        return None, "", None
    if fig is not None and fig.base is not None:
        if fig.base <= 0:
            return None, "", Note("growth_base_not_positive", (fig.base, ind.unit))
        return (now / fig.base - 1) * HUNDRED, f"level and base {period}", None
    before = figs.level(ind, park, period.shift(-1)).value
    if before is None:
        return None, "", None
    if before <= 0:
        return None, "", Note("growth_base_not_positive", (before, ind.unit))
    return (now / before - 1) * HUNDRED, f"levels {period.shift(-1)}→{period}", None


def change(figs: kinds.FigureSource, ind: Indicator, park: str | None, period: Period) -> Actual:
    """`Figures.change`, not remembered: reported, else computed from the levels."""
    fig = figs.get(ind.id, park, period)
    if fig is not None and fig.change is not None:
        return Actual(fig.change, "reported")
    now = figs.level(ind, park, period).value
    if now is not None and fig is not None and fig.base is not None:
        return Actual(now - fig.base, f"computed from level and base {period}")
    # a stock changes from last year's end (比上年); a flow from last year's same months
    earlier = Period(period.year - 1) if ind.stock else period.shift(-1)
    before_fig = figs.get(ind.id, park, earlier)
    before = figs.level(ind, park, earlier).value
    own = fig is not None and fig.value is not None and before_fig is not None
    children = figs.plan.children(park)
    roll = None
    if children and rollup_method(ind) == "sum":
        parts = [Part(c, figs.change(ind, c, period).value) for c in children]
        roll = rollup.sum_parts(parts, None, "change")
    if now is not None and before is not None and (own or roll is None or roll.value is None):
        # the zone's (or park's) own levels first: they are the reported totals
        notes: tuple[Note | str, ...] = ()
        if roll is not None and roll.value is not None and roll.value != now - before:
            notes = (Note("parks_change_differs", (roll.value, ind.unit)),)
        return Actual(now - before, f"computed from levels {earlier}→{period}", notes, roll)
    if roll is not None and roll.value is not None:
        return Actual(roll.value, ROLLED_UP, (), roll)
    if roll is not None and rollup.has_data(roll):
        return Actual(None, "", rollup.remarks(roll, ind.unit), roll)
    return NONE


def _disagreement(
    ind: Indicator, reported: Decimal, computed: Decimal, how: str
) -> tuple[Note, ...]:
    if abs(computed - reported) <= DISAGREEMENT_PP:
        return ()
    comparable = ind.growth_basis == "comparable"
    return (Note("reported_growth_differs", (reported, computed, how, comparable)),)
