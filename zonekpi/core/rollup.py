"""Rolling park figures up to the zone (一区四园) or to a parent park (区中园): the arithmetic.

The rules of ../shared/DOMAIN.md, "Parks": never average rates. Levels, counts, money and areas
are summed; growth is recomputed from the summed levels and the summed bases
(G = Σ A_t / Σ A_(t−1) − 1); shares and per-capita values are ratios of sums (done by
`actuals.Figures`, which sums numerator and denominator here); a flag is held by the zone when
any park holds it. A park without a figure makes a total incomplete, never zero; a park with a
rate but no level or base cannot be weighted. This module only adds up `Part`s it is given and
words the remarks; finding the parts is `actuals.Figures`' job.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import units
from ..model.plan import Measure
from ..model.results import Part, Rollup
from ..view.numbers import fmt_percent, fmt_signed

HUNDRED = Decimal(100)


def sum_parts(parts: list[Part], reported: Decimal | None, measure: Measure = "level") -> Rollup:
    """Σ of the parts' values; None (incomplete) when any part has none."""
    missing = tuple(p.park for p in parts if p.value is None)
    total = None if missing else sum((p.value for p in parts if p.value is not None), Decimal(0))
    return Rollup(measure, tuple(parts), total, total, missing=missing, reported=reported)


def sum_growth(parts: list[Part], reported: Decimal | None) -> Rollup:
    """Growth in percent, each park's rate weighted by its base: G = Σ B_i·g_i / Σ B_i.

    With g_i = A_i / B_i − 1 this is Σ A / Σ B − 1, the growth of the summed levels; where a
    park reports its rate (comparable prices, a base on this year's coverage) the rate it
    reported is the one weighted. Needs a base and a rate from every park, and bases above 0.
    """
    weighted = [p for p in parts if p.base is not None and p.growth is not None]
    unweighted = tuple(p.park for p in parts if p.base is None and p.growth is not None)
    missing = tuple(p.park for p in parts if p.growth is None)
    levels = [p.value for p in parts if p.value is not None]
    total = sum(levels, Decimal(0)) if len(levels) == len(parts) else None
    base = None
    value = None
    if len(weighted) == len(parts):
        base = sum((p.base for p in weighted if p.base is not None), Decimal(0))
        if base > 0 and all(p.base is not None and p.base > 0 for p in weighted):
            value = (
                sum(
                    (p.base * p.growth for p in weighted if p.base and p.growth is not None),
                    Decimal(0),
                )
                / base
            )
    return Rollup(
        "growth",
        tuple(parts),
        value,
        total,
        base,
        missing=missing,
        unweighted=unweighted,
        reported=reported,
    )


def any_flag(parts: list[Part], reported: Decimal | None) -> Rollup:
    """Held (1) when any park holds it, not held (0) when every park says no, else unknown."""
    values = [p.value for p in parts]
    missing = tuple(p.park for p in parts if p.value is None)
    value = (
        Decimal(1)
        if any(v is not None and v > 0 for v in values)
        else None
        if missing
        else Decimal(0)
    )
    return Rollup("flag", tuple(parts), value, missing=missing, reported=reported)


def has_data(roll: Rollup) -> bool:
    return any(p.value is not None or p.growth is not None for p in roll.parts)


def remarks(roll: Rollup, names: dict[str, str], unit: str) -> tuple[str, ...]:
    """What a report should say about a roll-up: what is missing, and reported vs computed."""

    def named(ids: tuple[str, ...]) -> str:
        return "、".join(names.get(i, i) for i in ids)

    out = []
    if roll.reported is not None:  # the reported total is the one used: only say if it differs
        pass
    elif roll.missing and has_data(roll):
        have = len(roll.parts) - len(roll.missing)
        what = "的增速或基数" if roll.measure == "growth" else ""
        out.append(
            f"园区合计不完整, 缺 {named(roll.missing)}{what} ({have}/{len(roll.parts)} 园区有数); "
            "incomplete: a park without a figure is not counted as zero"
        )
    if (
        roll.measure == "growth"
        and roll.reported is None
        and roll.value is None
        and roll.base is not None
    ):
        out.append(
            "园区基数之和不为正或有负基数, 增速无法加权; "
            "bases of zero or below cannot weight growth rates"
        )
    lost = tuple(p.park for p in roll.parts if p.growth is not None and p.growth <= -HUNDRED)
    unweighted = tuple(p for p in roll.unweighted if p not in lost)
    if lost and roll.reported is None:
        out.append(
            f"{named(lost)} 增速为 -100% 或更低, 推算不出基数; "
            "a fall of 100% leaves no base to weight by"
        )
    if unweighted and roll.reported is None:
        out.append(
            f"{named(unweighted)} 只有增速, 缺总量或基数, 无法加权; "
            "a growth rate without a level or base cannot be weighted"
        )
    diff = roll.difference
    if diff is not None and roll.measure == "growth":
        if abs(diff) > Decimal(1):
            out.append(
                f"上报增速 {fmt_percent(roll.reported)} 与园区汇总 {fmt_percent(roll.value)} "
                "不一致; the reported growth differs from the parks' roll-up"
            )
    elif diff is not None and diff != 0:
        shown = units.fmt_quantity(roll.value, unit)
        gap = fmt_signed(diff) + units.spacer(unit) + units.display(unit)
        out.append(
            f"上报数与园区合计 {shown} 相差 {gap}; "
            "the reported total differs from the sum of the parks"
        )
    return tuple(out)
