"""Rolling park figures up to the zone (一区四园) or to a parent park (区中园): the arithmetic.

The rules of docs/domain.md, "Parks to zone": never average rates. Levels, counts, money and areas
are summed; growth is recomputed from the summed levels and the summed bases
(G = Σ A_t / Σ A_(t−1) − 1); shares and per-capita values are ratios of sums (done by
`core.figures.Figures`, which sums numerator and denominator here); a flag is held by the zone when
any park holds it. A park without a figure makes a total incomplete, never zero; a park with a
rate but no level or base cannot be weighted. This module only adds up `Part`s it is given and
notes what a report should say (as `Note` codes); finding the parts is `Figures`' job.
"""

from __future__ import annotations

from decimal import Decimal

from ..model.plan import Measure
from ..model.results import Note, Part, Rollup

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


def remarks(roll: Rollup, unit: str) -> tuple[Note, ...]:
    """What a report should say about a roll-up: what is missing, and reported vs computed."""
    out = []
    if roll.reported is not None:  # the reported total is the one used: only say if it differs
        pass
    elif roll.missing and has_data(roll):
        have = len(roll.parts) - len(roll.missing)
        growth = roll.measure == "growth"
        out.append(Note("rollup_incomplete", (roll.missing, growth, have, len(roll.parts))))
    if (
        roll.measure == "growth"
        and roll.reported is None
        and roll.value is None
        and roll.base is not None
    ):
        out.append(Note("bases_not_positive"))
    lost = tuple(p.park for p in roll.parts if p.growth is not None and p.growth <= -HUNDRED)
    unweighted = tuple(p for p in roll.unweighted if p not in lost)
    if lost and roll.reported is None:
        out.append(Note("fell_100", lost))
    if unweighted and roll.reported is None:
        out.append(Note("rate_unweighted", unweighted))
    diff = roll.difference
    if diff is not None and roll.measure == "growth":
        if abs(diff) > Decimal(1):
            out.append(Note("reported_growth_differs_from_parks", (roll.reported, roll.value)))
    elif diff is not None and diff != 0:
        out.append(Note("reported_total_differs", (roll.value, diff, unit)))
    return tuple(out)
