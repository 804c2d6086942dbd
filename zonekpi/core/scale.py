"""Unit slips (rule 4 of `core/sanity.py`, ``scale_slip``): a figure for the checked period
against its base, last year's figure and its siblings' median; a level target against its
actual or last year's. Which units can be written for one another (`_Family`) and the unit
a slip of a given size suggests."""

from __future__ import annotations

import math
from decimal import Decimal
from functools import cache

from .. import kinds
from ..errors import UnitError
from ..kinds.base import accumulates
from ..model import units
from ..model.periods import Period
from ..model.plan import Figure, Indicator, Plan, Target
from ..model.results import Note
from .figures import Figures
from .used import _Piece

SCALE = Decimal(100)  # a figure this many times (or this fraction) of its reference is a slip
MIN_SIBLINGS = 3  # parks with a figure for the period before their median means anything
BIG_LEVEL = Decimal(10000)  # in the family's smallest unit: a level big enough to compare


def _level_targets(plan: Plan, year: int) -> dict[tuple[str, str | None], Target]:
    """The first level target (≥, ≤, a range; not a split among parks) of `year` of each
    indicator and park, in the indicator's unit and above zero."""
    out: dict[tuple[str, str | None], Target] = {}
    for ind in plan.indicators:
        for t in ind.targets:
            if (
                t.year == year
                and not t.shares
                and kinds.get(t.kind).family == "level"
                and t.unit == ind.unit
                and t.value is not None
                and t.value > 0
            ):
                out.setdefault((ind.id, t.park), t)
    return out


class _Family:
    """The units a unit can be mistaken for: each with its size in the smallest of them."""

    def __init__(self, unit: str) -> None:
        dim = units.dimension(unit)
        self.money = dim in ("[money]", "[usd]")
        members = [u for u in units.known_units() if dim is not None and units.dimension(u) == dim]
        sizes = {u: units.convert(Decimal(1), u, unit) for u in members}
        smallest = min(sizes.values(), default=Decimal(1))
        self.sizes = {u: s / smallest for u, s in sizes.items()}  # in the smallest unit
        self.unit = unit

    def big(self, value: Decimal) -> bool:
        """A level worth comparing: any money, else at least BIG_LEVEL of the smallest unit."""
        return self.money or value * self.sizes[self.unit] >= BIG_LEVEL

    def slip(self, ratio: Decimal, written: str) -> str | None:
        """The unit a number written in `written` was meant in, when it came out `ratio` times
        what it should be: the member nearest in size to written ÷ ratio, within ten times."""
        if written not in self.sizes:
            written = self.unit
        want = math.log10(self.sizes[written]) - float(ratio.log10())
        best = min(
            (u for u in self.sizes if u != written),
            key=lambda u: abs(math.log10(self.sizes[u]) - want),
            default=None,
        )
        if best is None or abs(math.log10(self.sizes[best]) - want) >= 1:
            return None
        return best


@cache
def _family(unit: str) -> _Family | None:
    """The family of `unit` when it has multiples one could be written for another."""
    if units.dimension(unit) in (None, "[percent]", "[pp]"):  # ratios, yes/no: no slips
        return None
    try:
        family = _Family(unit)
    except UnitError:  # a unit that cannot be sized: nothing to compare
        return None
    return family if len(family.sizes) > 1 else None


def _off(value: Decimal, ref: Decimal, family: _Family) -> Decimal | None:
    """value ÷ ref when it is more than SCALE times or less than 1/SCALE, and both are
    positive levels worth comparing; None otherwise."""
    if value <= 0 or ref <= 0 or not family.big(max(value, ref)):
        return None
    ratio = value / ref
    return ratio if ratio > SCALE or ratio * SCALE < 1 else None


def _median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _scale(
    plan: Plan,
    pieces: list[_Piece],
    period: Period,
    figures: Figures,
    last_year: set[tuple[str, str | None]],
) -> list[Note]:
    """Rule 4, unit slips: figures against last year's and their siblings', targets against
    their actuals (or last year's)."""
    parents = {p.id: p.parent for p in plan.parks}
    levels: list[tuple[_Piece, Figure, _Family]] = []
    siblings: dict[tuple[str, str | None], list[Decimal]] = {}  # (indicator, parent) → levels
    for piece in pieces:
        family = _family(piece.ind.unit)
        if family is None:
            continue
        made = figures.get(piece.ind.id, piece.park, period)
        if made is None or made.value is None or made.value <= 0:
            continue
        levels.append((piece, made, family))
        if piece.park in parents:  # a park of the zone, not an outside unit (全市)
            siblings.setdefault((piece.ind.id, parents[piece.park]), []).append(made.value)
    medians = {k: _median(v) for k, v in siblings.items() if len(v) >= MIN_SIBLINGS}
    out: list[Note] = []
    suspect: set[tuple[str, str | None]] = set()
    for piece, made, family in levels:
        ind, park, value = piece.ind, piece.park, made.value
        assert value is not None
        refs: list[tuple[str, Decimal, str, int]] = []
        if made.base is not None:
            refs.append(("base", made.base, "", 0))
        elif (ind.id, park) in last_year:
            before = figures.get(ind.id, park, period.shift(-1))
            if before is not None and before.value is not None:
                refs.append(("last_year", before.value, before.file, before.line))
        median = medians.get((ind.id, parents[park])) if park in parents else None
        if median is not None:
            refs.append(("siblings", median, "", 0))
        for how, ref, ref_file, ref_line in refs:
            if ref > 0 and value <= ref * SCALE and value * SCALE >= ref:
                continue  # within a hundredfold: the common case, decided at once
            ratio = _off(value, ref, family)
            if ratio is None:
                continue
            suspect.add((ind.id, park))
            fig = made if piece.use.exact else _largest(piece)
            data = (fig.file, fig.line, ind.id, park, period, "figure", value, ind.unit)
            more = (how, ref, ref_file, ref_line, ratio, family.slip(ratio, ind.unit), ind.unit)
            out.append(Note("scale_slip", (*data, *more, "", Decimal(1))))
            break
    with_last_year = {i for i, _ in last_year}
    for (ind_id, _), t in _level_targets(plan, period.year).items():
        ind = figures.indicators[ind_id]
        family = _family(ind.unit)
        if family is not None:
            out.extend(_target_slip(ind, t, period, figures, family, suspect, with_last_year))
    return out


def _largest(piece: _Piece) -> Figure:
    """The largest of the spans a figure was made of: the likeliest slip."""
    return max((piece.figs[i] for i in piece.use.used), key=lambda f: f[3] or 0)


def _target_slip(
    ind: Indicator,
    t: Target,
    period: Period,
    figures: Figures,
    family: _Family,
    suspect: set[tuple[str, str | None]],
    with_last_year: set[str],
) -> list[Note]:
    """Rule 4, a target against its actual (pro rata to the time elapsed for a flow during
    the year), or, when that actual is suspect or missing, against last year's actual."""
    assert t.value is not None
    share = Decimal(1)
    if not period.is_year and accumulates(ind):
        share = period.elapsed(figures.plan.elapsed)
    refs: list[tuple[str, Decimal, str, int, Decimal]] = []
    rolled_from_suspect = t.park is None and any(i == ind.id for i, _ in suspect)
    if (ind.id, t.park) not in suspect and not rolled_from_suspect:
        actual = figures.level(ind, t.park, period).value
        if actual is not None:
            fig = figures.get(ind.id, t.park, period)
            refs.append(("actual", actual, *_at(fig), share))
    if not refs and ind.id in with_last_year:
        before = figures.level(ind, t.park, Period(period.year - 1)).value
        if before is not None:
            fig = figures.get(ind.id, t.park, Period(period.year - 1))
            refs.append(("last_year", before, *_at(fig), Decimal(1)))
    for how, ref, ref_file, ref_line, pro_rata in refs:
        ratio = _off(t.value * pro_rata, ref, family)
        if ratio is None:
            continue
        written = _written_unit(t.text) or ind.unit
        data = (t.loc.file, t.loc.line, ind.id, t.park, period, "target", t.value, ind.unit)
        more = (how, ref, ref_file, ref_line, ratio, family.slip(ratio, written), written)
        return [Note("scale_slip", (*data, *more, t.text, pro_rata))]
    return []


def _at(fig: Figure | None) -> tuple[str, int]:
    return (fig.file, fig.line) if fig is not None else ("", 0)


def _written_unit(text: str) -> str | None:
    """The unit a target was written in ("1 万美元"), when it reads as one quantity."""
    try:
        return units.parse_quantity(text).unit
    except UnitError:
        return None
