"""Actual figures for an indicator, a park and a year: levels, growth rates and changes.

The rules of ../shared/DOMAIN.md: a reported growth rate is primary data (comparable-price
growth cannot be recomputed from current-price levels); a current-price growth may be computed
from this year's level and the base (上年同期基数) or last year's level; a share is Σ numerator ÷
Σ denominator and a per-capita value is value ÷ population × per; missing is never zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from . import units
from .errors import UnitMismatch
from .model import Figure, Indicator, Plan
from .numbers import fmt_percent

# A reported growth that differs from the one its levels imply by more than this is flagged.
DISAGREEMENT_PP = Decimal(1)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Actual:
    """A value (or None for no data), how it was obtained, and remarks for the report."""

    value: Decimal | None
    basis: str = ""
    notes: tuple[str, ...] = ()


NONE = Actual(None)


class Figures:
    """Figures of a plan (and of last year's plan) indexed by indicator, park and year."""

    def __init__(self, plan: Plan, previous: Plan | None = None) -> None:
        self.plan = plan
        self.by_key: dict[tuple[str, str | None, int], Figure] = {}
        if previous is not None:
            for fig in previous.figures:
                if fig.indicator in _ids(plan):
                    self.by_key[fig.key] = _in_unit(fig, previous, plan)
        for fig in plan.figures:
            self.by_key[fig.key] = fig
        self.indicators = {i.id: i for i in plan.indicators}

    def get(self, indicator: str, park: str | None, year: int) -> Figure | None:
        return self.by_key.get((indicator, park, year))

    def level(self, ind: Indicator, park: str | None, year: int) -> Actual:
        """The level of `ind`: reported, or computed for a share or per-capita indicator."""
        fig = self.get(ind.id, park, year)
        if fig is not None and fig.value is not None:
            return Actual(fig.value, "reported")
        if ind.share:
            return self._ratio(ind, park, year, *ind.share, per=None)
        if ind.per_capita:
            value_id, population_id, per = ind.per_capita
            return self._ratio(ind, park, year, value_id, population_id, per=per)
        return NONE

    def flag(self, ind: Indicator, park: str | None, year: int) -> bool | None:
        """Whether a park has it: a 是否 figure, or a count of at least one."""
        fig = self.get(ind.id, park, year)
        if fig is None:
            return None
        if fig.flag is not None:
            return fig.flag
        if fig.value is not None:
            return fig.value >= 1
        return None

    def _ratio(
        self, ind: Indicator, park: str | None, year: int, num_id: str, den_id: str, per: int | None
    ) -> Actual:
        num_ind, den_ind = self.indicators[num_id], self.indicators[den_id]
        num = self.level(num_ind, park, year).value
        den = self.level(den_ind, park, year).value
        missing = [i.name for i, v in ((num_ind, num), (den_ind, den)) if v is None]
        if num is None or den is None:
            return Actual(None, "", (f"缺少 {'、'.join(missing)} missing",))
        if den == 0:
            return Actual(None, "", (f"{den_ind.name} 为 0, 无法计算 cannot divide by zero",))
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
        return Actual(value, f"computed: {basis}")

    def growth(self, ind: Indicator, park: str | None, year: int) -> Actual:
        """Year-over-year growth in percent: reported first, else computed where allowed."""
        fig = self.get(ind.id, park, year)
        reported = fig.growth if fig is not None else None
        computed, how = self._computed_growth(ind, park, year, fig)
        if reported is not None:
            notes: tuple[str, ...] = ()
            if computed is not None and abs(computed - reported) > DISAGREEMENT_PP:
                prices = " (levels at current prices)" if ind.growth_basis == "comparable" else ""
                shown, implied = fmt_percent(reported), fmt_percent(computed)
                notes = (
                    f"上报增速 {shown} 与总量推算的 {implied} 不一致; reported growth differs "
                    f"from the {how}{prices}",
                )
            return Actual(reported, "reported", notes)
        if ind.growth_basis == "comparable":
            if computed is not None:
                return Actual(
                    None,
                    "",
                    (
                        "可比价增速须上报, 不能由现价总量推算; comparable-price "
                        "growth must be reported",
                    ),
                )
            return NONE
        if computed is not None:
            return Actual(computed, f"computed from {how}")
        return NONE

    def _computed_growth(
        self, ind: Indicator, park: str | None, year: int, fig: Figure | None
    ) -> tuple[Decimal | None, str]:
        now = self.level(ind, park, year).value
        if now is None:
            return None, ""
        if fig is not None and fig.base is not None and fig.base != 0:
            return (now / fig.base - 1) * HUNDRED, f"level and base {year}"
        before = self.level(ind, park, year - 1).value
        if before is None or before == 0:
            return None, ""
        return (now / before - 1) * HUNDRED, f"levels {year - 1}→{year}"

    def change(self, ind: Indicator, park: str | None, year: int) -> Actual:
        """Change from last year's level (in 百分点 for a % indicator): reported or computed."""
        fig = self.get(ind.id, park, year)
        if fig is not None and fig.change is not None:
            return Actual(fig.change, "reported")
        now = self.level(ind, park, year).value
        if now is not None and fig is not None and fig.base is not None:
            return Actual(now - fig.base, f"computed from level and base {year}")
        before = self.level(ind, park, year - 1).value
        if now is None or before is None:
            return NONE
        return Actual(now - before, f"computed from levels {year - 1}→{year}")


def _ids(plan: Plan) -> set[str]:
    return {i.id for i in plan.indicators}


def _in_unit(fig: Figure, previous: Plan, plan: Plan) -> Figure:
    """A figure of last year's plan, converted to this year's unit of the indicator."""
    old, new = previous.indicator(fig.indicator), plan.indicator(fig.indicator)
    if old.unit == new.unit:
        return fig

    def conv(v: Decimal | None) -> Decimal | None:
        return None if v is None else units.convert(v, old.unit, new.unit)

    return Figure(
        fig.indicator,
        fig.park,
        fig.period,
        conv(fig.value),
        fig.flag,
        fig.growth,
        conv(fig.base),
        fig.change,
        fig.note,
        fig.loc,
    )
