"""Actual figures for an indicator, a park and a period: levels, growth rates and changes.

The rules of docs/domain.md: a reported growth rate is primary data (comparable-price
growth cannot be recomputed from current-price levels); a current-price growth may be computed
from this period's level and the base (上年同期基数) or the level of last year's same period; a
share is Σ numerator ÷ Σ denominator and a per-capita value is value ÷ population × per;
missing is never zero. A period is a `Period`; an int stands for that whole year. This module
owns the index of the figures, the spans of months composed into a period, levels, shares and
flags; growth rates and changes are computed in `core/yoy.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

from ..errors import UnitMismatch
from ..model import units
from ..model.periods import Period
from ..model.plan import Figure, Indicator, Plan, rollup_method
from ..model.results import NONE, Actual, Note, Part, Rollup
from . import months, rollup, yoy
from .yoy import HUNDRED, ROLLED_UP


class Figures:
    """Figures of a plan (and of last year's plan) indexed by indicator, park and period.

    `level`, `growth`, `change` and `flag` answer for a park, or for the zone (park None); a
    zone or parent park without its own figure is rolled up from the parks inside it (see
    `rollup`). Answers are remembered, so a roll-up over many parks is computed once.
    """

    def __init__(self, plan: Plan, previous: Plan | None = None) -> None:
        self.plan = plan
        figures = plan.figures
        if previous is not None:
            ids = _ids(plan)
            older = (_in_unit(f, previous, plan) for f in previous.figures if f.indicator in ids)
            figures = (*older, *figures)  # this year's plan wins where both have a figure
        # (indicator, park, year) -> period -> figure: one small dict a series, not one entry
        # and key a figure (a million figures would need ~140 MB more, bench/)
        self._by_year: dict[tuple[str, str | None, int], dict[Period, Figure]] = {}
        by_year = self._by_year
        for fig in figures:
            period = fig[2]
            group = by_year.get((fig[0], fig[1], period[0]))
            if group is None:
                by_year[(fig[0], fig[1], period[0])] = {period: fig}
            else:
                group[period] = fig
        self.indicators = {i.id: i for i in plan.indicators}
        self.names = {p.id: p.name for p in plan.parks}
        self._composed: dict[tuple[str, str | None, Period], Figure | None] = {}
        self.warnings: list[str] = []  # figures that contradict each other
        self._memo: dict[tuple[str, str, str | None, Period], Actual] = {}

    def get(self, indicator: str, park: str | None, period: Period | int) -> Figure | None:
        """The figure for a period: as reported, or, for a span of months nobody reported as
        such, made of the figures that cover it (a flow: 1–9月 + 10月 = 1–10月; a stock: the
        figure at the end of the span)."""
        period = as_period(period)
        group = self._by_year.get((indicator, park, period[0]))
        if group is not None and period in group:
            return group[period]
        key = (indicator, park, period)
        if key not in self._composed:
            self._composed[key] = self._compose(indicator, park, period)
        return self._composed[key]

    def _compose(self, indicator: str, park: str | None, period: Period) -> Figure | None:
        figs = list(self._by_year.get((indicator, park, period.year), {}).values())
        ind = self.indicators.get(indicator)
        if ind is not None and ind.stock:
            at_end = [f for f in figs if f.period.last == period.last and f.value is not None]
            if not at_end:
                return None
            if len({f.value for f in at_end}) > 1:
                return self._disagree(indicator, park, period, at_end)
            f = at_end[0]
            return Figure(indicator, park, period, f.value, f.flag, note=f.note, loc=f.loc)
        pieces = [(f.period.first, f.period.last, f) for f in figs if f.value is not None]
        parts = months.tile(pieces, period.first, period.last)
        if parts is None:
            return None
        total = sum((f.value for f in parts if f.value is not None), Decimal(0))
        values = [(a, b, f.value) for a, b, f in pieces if f.value is not None]
        if not months.unique(values, period.first, period.last) and (
            len(months.totals(values, period.first, period.last)) > 1
        ):
            inside = [f for a, b, f in pieces if period.first <= a and b <= period.last]
            return self._disagree(indicator, park, period, inside)
        spans = _spans(tuple(f.period for f in parts))
        return Figure(indicator, park, period, total, note=spans, loc=parts[0].loc)

    def _disagree(
        self, indicator: str, park: str | None, period: Period, figs: list[Figure]
    ) -> Figure | None:
        """Figures for parts of `period` that do not add up the same way: say so, use none."""
        from ..errors import msg

        lines = ", ".join(sorted({f"{f.loc.file}:{f.loc.line}" for f in figs if f.loc.line}))
        if park:
            said = msg(
                "{indicator} ({park}) {period}: the figures for parts of it disagree ({lines}); it "
                "is left without a figure",
                indicator=indicator,
                park=self.names[park],
                period=period.label,
                lines=lines,
            )
        else:
            said = msg(
                "{indicator} {period}: the figures for parts of it disagree ({lines}); it is left "
                "without a figure",
                indicator=indicator,
                period=period.label,
                lines=lines,
            )
        self.warnings.append(said)
        return None

    def _remember(
        self,
        what: str,
        ind: Indicator,
        park: str | None,
        period: Period | int,
        fn: Callable[[], Actual],
    ) -> Actual:
        if not self._by_year and not (ind.share or ind.per_capita):
            return NONE  # no figure at all (a plan as published): nothing to add up or compute
        period = as_period(period)
        key = (what, ind.id, park, period)
        if key not in self._memo:
            self._memo[key] = fn()
        return self._memo[key]

    def level(self, ind: Indicator, park: str | None, period: Period | int) -> Actual:
        """The level of `ind`: reported, a ratio of its terms, or summed over the parks."""
        return self._remember(
            "level", ind, park, period, lambda: self._level(ind, park, as_period(period))
        )

    def _level(self, ind: Indicator, park: str | None, period: Period) -> Actual:
        fig = self.get(ind.id, park, period)
        reported = fig.value if fig is not None else None
        how = rollup_method(ind)
        if how == "ratio":
            if reported is not None:
                return Actual(reported, "reported")
            return self._ratio(ind, park, period)
        children = self.plan.children(park)
        if how != "sum" or not children:
            if reported is not None:
                return Actual(reported, "reported")
            if children and how == "none" and self._any_child(ind, children, period):
                return Actual(None, "", (Note("not_summed", (ind.rollup == "none",)),))
            return NONE
        parts = [Part(c, self.level(ind, c, period).value) for c in children]
        roll = rollup.sum_parts(parts, reported)
        return self._rolled(ind, roll, reported)

    def _rolled(self, ind: Indicator, roll: Rollup, reported: Decimal | None) -> Actual:
        """An Actual from a roll-up: the reported figure first (shown beside the sum)."""
        notes = rollup.remarks(roll, ind.unit)
        if reported is not None:
            return Actual(reported, "reported", notes, roll)
        if roll.value is not None:
            return Actual(roll.value, ROLLED_UP, notes, roll)
        if rollup.has_data(roll):
            return Actual(None, "", notes, roll)
        return NONE

    def _any_child(self, ind: Indicator, children: tuple[str, ...], period: Period) -> bool:
        return any(self.get(ind.id, c, period) is not None for c in children)

    def flag(self, ind: Indicator, park: str | None, period: Period | int) -> bool | None:
        """Whether a park has it: a 是否 figure, or a count of at least one."""
        value = self.flag_actual(ind, park, period).value
        return None if value is None else value >= 1

    def flag_actual(self, ind: Indicator, park: str | None, period: Period | int) -> Actual:
        """`flag` as 1 or 0; a zone or parent park has it when any of its parks has it."""
        return self._remember(
            "flag", ind, park, period, lambda: self._flag(ind, park, as_period(period))
        )

    def _flag(self, ind: Indicator, park: str | None, period: Period) -> Actual:
        fig = self.get(ind.id, park, period)
        if fig is not None and fig.flag is not None:
            return Actual(Decimal(int(fig.flag)), "reported")
        if fig is not None and fig.value is not None:
            return Actual(Decimal(int(fig.value > 0)), "reported")  # any amount at all
        children = self.plan.children(park)
        if not children or rollup_method(ind) == "none":
            return NONE
        parts = [Part(c, self.flag_actual(ind, c, period).value) for c in children]
        return self._rolled(ind, rollup.any_flag(parts, None), None)

    def _ratio(self, ind: Indicator, park: str | None, period: Period) -> Actual:
        """A share (Σ numerator ÷ Σ denominator) or a per-capita value (÷ population × per)."""
        if ind.share:
            (num_id, den_id), per = ind.share, None
        else:
            assert ind.per_capita is not None
            num_id, den_id, per = ind.per_capita
        num_ind, den_ind = self.indicators[num_id], self.indicators[den_id]
        # 占全市…: the denominator is an outside unit's figure, whichever park is asked about
        den_at = ind.share_of if ind.share_of is not None else park
        num_a, den_a = self.level(num_ind, park, period), self.level(den_ind, den_at, period)
        terms = (("numerator", num_id, num_a), ("denominator", den_id, den_a))
        num, den = num_a.value, den_a.value
        missing = [i.name for i, v in ((num_ind, num), (den_ind, den)) if v is None]
        if num is None or den is None:
            notes = [Note("terms_missing", tuple(missing)), *num_a.notes, *den_a.notes]
            children = self.plan.children(park)
            if children and self._any_child(ind, children, period):
                notes.append(Note("ratios_not_averaged"))
            return Actual(None, "", tuple(notes), terms=terms)
        if den == 0:
            return Actual(None, "", (Note("zero_denominator", (den_ind.name,)),))
        if per is None:
            # A share of two quantities of one kind (亿元 ÷ 亿元): convert, then to the unit.
            try:
                den_in_num = units.convert(den, den_ind.unit, num_ind.unit)
            except UnitMismatch:
                den_in_num = den
            ratio = num / den_in_num
            value = ratio * HUNDRED if units.is_percent(ind.unit) else ratio
            basis = f"{num_ind.name} ÷ {den_ind.name}"
        else:
            people = units.convert(den, den_ind.unit, "人")
            value = num / people * per
            basis = f"{num_ind.name} ÷ {den_ind.name} × {per}"
        return Actual(value, f"computed: {basis}", terms=terms)

    def growth(self, ind: Indicator, park: str | None, period: Period | int) -> Actual:
        """Year-over-year growth in percent: reported first, else computed where allowed."""
        return self._remember(
            "growth", ind, park, period, lambda: yoy.growth(self, ind, park, as_period(period))
        )

    def change(self, ind: Indicator, park: str | None, period: Period | int) -> Actual:
        """Change from last year's level (in 百分点 for a % indicator): reported or computed."""
        return self._remember(
            "change", ind, park, period, lambda: yoy.change(self, ind, park, as_period(period))
        )


@lru_cache(maxsize=256)
def _spans(periods: tuple[Period, ...]) -> str:
    """What a composed figure was made of: 1–9月 + 10月 (the same few ways, many series)."""
    return " + ".join(p.months_label for p in periods)


def as_period(period: Period | int) -> Period:
    return Period(period) if isinstance(period, int) else period


def _ids(plan: Plan) -> set[str]:
    return {i.id for i in plan.indicators}


def _in_unit(fig: Figure, previous: Plan, plan: Plan) -> Figure:
    """A figure of last year's plan, converted to this year's unit of the indicator."""
    old, new = previous.indicator(fig.indicator), plan.indicator(fig.indicator)
    if old.unit == new.unit:
        return fig

    def conv(v: Decimal | None) -> Decimal | None:
        return None if v is None else units.convert(v, old.unit, new.unit)

    # a change is in the indicator's unit, or in 百分点 for a percentage (no conversion)
    change = fig.change if units.is_percent(old.unit) else conv(fig.change)

    return Figure(
        fig.indicator,
        fig.park,
        fig.period,
        conv(fig.value),
        fig.flag,
        fig.growth,
        conv(fig.base),
        change,
        fig.note,
        fig.loc,
    )
