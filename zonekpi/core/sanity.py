"""Sanity checks of the figures a check is given: nothing silently wrong, nothing silently empty.

`refusals(plan, period)` is asked by `api.check` before a check runs; `sanity(plan, period,
figures)` by `core.check.check` once it has run. Both return `Note`s, worded in
`view/labels.py`, each carrying the file and line it is about. Only the plan's own figures and
those of its figure files are judged, not last year's plan (`--previous`). Each rule walks the
figures once, grouped by series (indicator, park, year), and the shapes of series repeat (a
file gives every park the same months), so the time is linear in the number of figures.

**Used.** A check of the year to date P (1–N月 of year Y; N = 12 for the year) reads a
figure *for* P: one for 1–N月 itself; of a flow, a span of months on some way of making up
1–N月 from the series' figures (1–9月 + 10月, as `Figures.get` adds them); of a stock, a
reading that ends with month N. It reads last year's figures as the *base* for them: the same
for year Y − 1 and months 1–N or 1–12 (last year's same period, total or end). Whole-year
figures of the five years before Y are history: the path of a later target starts from them
(`core.check.path_findings`), `zonekpi path` and `compare` read them. A figure without a level
(a growth rate alone, 是/否) counts only when its period is one of these exactly.

1. ``no_figure_for_period`` (`refusals`; `api.check` raises InvalidInput, exit 2): figures
   were given (a plan's own, its data: files, --data; a figure file with no figure counts)
   and none is for P, nor, in a check of the year, history that a path starts from. A base
   alone does not count: it is last year's base *for* a figure of P, and without one nothing
   reads it (a monthly file with last year's totals checked as the year is refused). One line
   per file: the periods it holds and the option that checks the commonest of them
   (`give --period 2024-09`, `give --year 2017`, `leave out --period`). A plan without any
   figure is checked as before: every row 无数据.
2. ``figures_not_used``: figures that are neither for P, nor last year's in the shape of a
   base (months 1–N or 1–12, whether or not this year's figure came), nor history: another
   period of the year, a span that makes up nothing, an earlier reading of a stock, a later
   year, a part of an earlier year. One warning with their count and periods, at the first
   of them, with the option that checks the commonest period.
3. ``ytd_falls``: a year to date (1–N月) of a flow smaller than the year to date of an earlier
   month of the same series and year (1–8月 > 1–9月), naming both lines. Not for stocks (a
   stock can fall), percentages, ratios or yes/no, nor for an indicator that can be negative
   (`can_be_negative: true`: 利润 with a loss).
4. ``share_out_of_range``: a percentage below 0 or above 100%: a reported figure of an
   indicator in % (any period; one that says `can_be_negative: true` is a rate, not a share),
   or a share computed from its terms for P (each park, the zone).
   ``scale_slip``: a figure for P more than `SCALE` (100) times, or less than 1/100 of, the
   base reported with it or last year's same figure, or the median of its siblings (the parks
   with the same parent that have a figure for P, itself included, at least `MIN_SIBLINGS` = 3
   so that one odd park cannot move the median), in that order. A level target (≥, ≤, a
   range) of year Y more than 100 times or less than 1/100 of its actual (completion beyond
   10,000% or under 1%; during the year the target pro rata to 序时进度 for a flow), or, when
   that actual is itself suspect (or rolled up from a suspect park) or missing, of last year's
   actual. One warning per figure or target, naming the first reference it is that far from
   and the unit pair a slip of that size suggests
   ("looks like 亿美元 written as 万美元?": the unit nearest in size to written ÷ ratio, within
   ten times; the written unit of a target is read from its text). Which comparisons mean
   something: only units with multiples, where one can be written for another: money (元 …
   万亿元, 美元 … 亿美元), area, mass, energy, length, people (人/万人, 人次/万人次), 件/万件.
   Plain counts (家, 个, 项 …: 1 firm against parks of 300 is a small park, not a slip),
   percentages, yes/no and time spans are never compared. Money is compared at any size; the
   other units only when the larger number is at least `BIG_LEVEL` (10,000) of the family's
   smallest unit (1万人, 1万平方米), since small counts and areas differ a hundredfold in
   earnest. Zeros and negatives are never compared: a ratio to zero says nothing.
5. ``stock_summed``: the figure for P made by adding two or more spans of months of an
   indicator that cannot add up: a percentage, share or per-capita value not declared
   `stock: true`; or a flow whose spans are all single months or quarters, each at least half
   (`STOCK_PIECE`) of last year's figure for the year (else of the year's level target) of the
   same series: readings of a stock (高新技术企业 88, 89, 90 家 against 78 家 last year), which
   the plan should declare `stock: true`. A declared stock is read at the end of the period,
   never added up, and is not warned about.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from itertools import pairwise
from operator import itemgetter
from pathlib import Path

from ..kinds.base import accumulates
from ..model import units
from ..model.periods import Period
from ..model.plan import Figure, Indicator, Plan, Target
from ..model.results import Note
from .figures import Figures
from .scale import _level_targets, _scale
from .used import (
    _bare,
    _count_used,
    _ends,
    _hint,
    _Piece,
    _series,
    _use,
    _with_bare,
)

STOCK_PIECE = Decimal("0.5")  # a month at least this share of last year's total: a stock
HUNDRED = Decimal(100)

_SERIES = itemgetter(0, 1)  # a figure's indicator and park
_PERIOD = itemgetter(2)
_WHERE = itemgetter(9, 10)  # a figure's file and line


# ----------------------------------------------------------------------------- used figures


def refusals(plan: Plan, period: Period) -> tuple[Note, ...]:
    """Rule 1: a ``no_figure_for_period`` note for each file of figures when figures (or figure
    files) were given and the check of `period` would use none of them; () otherwise."""
    given = _given_files(plan)
    if not plan.figures and not given:
        return ()
    stocks = {i.id for i in plan.indicators if i.stock}
    if any(_surely_used(f, period, stocks) for f in plan.figures):  # at once, mostly
        return ()
    if _count_used(_series(plan.figures), plan, period):
        return ()
    by_file: dict[str, Counter[Period]] = {name: Counter() for name in given}
    for fig in plan.figures:
        by_file.setdefault(fig.file or plan.file, Counter())[fig[2]] += 1
    return tuple(
        Note("no_figure_for_period", (name, period, tuple(sorted(held)), _hint(held, period)))
        for name, held in sorted(by_file.items())
    )


def _given_files(plan: Plan) -> list[str]:
    """The figure files given (a plan's data: files, --data), named as their figures name them."""
    out = []
    for name in plan.inputs[1:]:
        path = Path(name)
        if ".xlsx#" in path.name.lower():  # a workbook's sheet: its figures name the workbook
            path = path.with_name(path.name.split("#", 1)[0])
        out.append(str(path))
    return out


def _surely_used(fig: Figure, period: Period, stocks: set[str]) -> bool:
    """A figure for the period itself, or a stock's reading at its end."""
    p = fig[2]
    return p == period or (
        p.year == period.year and p.last == period.last and fig[0] in stocks and fig[3] is not None
    )


# ---------------------------------------------------------------------------- the warnings


def sanity(
    plan: Plan, period: Period, figures: Figures, previous: Plan | None = None
) -> tuple[Note, ...]:
    """Rules 2–5 for a check of `period`: figures not used, years to date that fall, shares
    outside 0–100%, unit slips, stocks added up (see the module's docstring). `previous`,
    last year's plan, tells which series have last year's figures there too."""
    series = _series(plan.figures)
    if not series:
        return ()
    year = period.year
    flows = {i.id for i in plan.indicators if accumulates(i)}
    inds = {i.id: (i, units.is_percent(i.unit), i.id in flows) for i in plan.indicators}
    negative: set[str] | None = None  # looked for once a year to date falls
    last_year = {(k[0], k[1]) for k in series if k[2] == year - 1}
    if previous is not None:
        last_year.update(_SERIES(f) for f in previous.figures if f[2][0] == year - 1)
    unused: list[Figure] = []
    found: list[Note] = []
    pieces: list[_Piece] = []
    bare = _with_bare(plan.figures)
    ends_of = {y: _ends(y, period) for y in {k[2] for k in series}}
    for key, figs in series.items():
        ind, percent, flow = inds[key[0]]
        ends = ends_of[key[2]]
        levels = _bare(figs) if key in bare else ()
        use = _use(tuple(map(_PERIOD, figs)), ind.stock, ends or (12,), levels)
        if percent and not ind.can_be_negative:  # (a % that can be negative is no share)
            found.extend(_shares_reported(ind, figs))
        elif flow and len(use.ytd) > 1:
            falls = _falls(ind, key[1], [figs[i] for i in use.ytd])
            if falls and negative is None:
                negative = _can_be_negative(plan)
            if falls and key[0] not in (negative or ()):
                found.extend(falls)
        if not ends:  # a later year is never used; an earlier year's whole year is history
            unused.extend(f for f in figs if key[2] > year or not f[2].is_year)
        elif use.unused:
            unused.extend(figs[i] for i in use.unused)
        if key[2] == year and use.used:
            pieces.append(_Piece(ind, key[1], figs, use))
    out: list[Note] = []
    if unused:
        held = Counter(map(_PERIOD, unused))
        data = (*min(map(_WHERE, unused)), len(unused), tuple(sorted(held)))
        out.append(Note("figures_not_used", (*data, _hint(held, period))))
    targets = _level_targets(plan, year)
    found.extend(_shares_computed(plan, period, figures))
    found.extend(_summed(pieces, period, figures, flows, last_year, targets))
    found.extend(_scale(plan, pieces, period, figures, last_year))
    out.extend(sorted(found, key=lambda n: (n.data[0], n.data[1])))
    return tuple(out)


def _can_be_negative(plan: Plan) -> set[str]:
    """Indicators that say they can be below zero: their years to date may fall (a loss)."""
    return {ind.id for ind in plan.indicators if ind.can_be_negative}


def _falls(ind: Indicator, park: str | None, ytd: list[Figure]) -> list[Note]:
    """Rule 3: each year to date smaller than the one before it in the series."""
    out = []
    levels = [(f, f[3]) for f in ytd if f[3] is not None]
    for (before, was), (after, now) in pairwise(levels):
        if now < was:
            where = (after.file, after.line, ind.id, park, after[2], now, before[2], was)
            out.append(Note("ytd_falls", (*where, ind.unit, before.file, before.line)))
    return out


def _shares_reported(ind: Indicator, figs: list[Figure]) -> list[Note]:
    """Rule 4, shares: reported percentages below 0 or above 100%."""
    return [
        Note("share_out_of_range", (f.file, f.line, ind.id, f[1], f[2], f[3], ()))
        for f in figs
        if f[3] is not None and not 0 <= f[3] <= HUNDRED
    ]


def _shares_computed(plan: Plan, period: Period, figures: Figures) -> list[Note]:
    """Rule 4, shares: a share computed from its terms below 0 or above 100%, where a park
    or the zone has one for the period."""
    out = []
    nodes: list[str | None] = [p.id for p in plan.parks]
    nodes.append(None)
    for ind in plan.indicators:
        if ind.share is None or not units.is_percent(ind.unit):
            continue
        for node in nodes:
            actual = figures.level(ind, node, period)
            value = actual.value
            if value is None or not actual.basis.startswith("computed") or 0 <= value <= HUNDRED:
                continue
            num = figures.get(ind.share[0], node, period)
            file, line = (num.file, num.line) if num is not None else ind.loc[:2]
            names = tuple(figures.indicators[i].name for i in ind.share)
            out.append(Note("share_out_of_range", (file, line, ind.id, node, period, value, names)))
    return out


def _summed(
    pieces: list[_Piece],
    period: Period,
    figures: Figures,
    flows: set[str],
    last_year: set[tuple[str, str | None]],
    targets: dict[tuple[str, str | None], Target],
) -> list[Note]:
    """Rule 5: a level at a moment made for the period by adding spans of months."""
    out = []
    for ind, park, figs, use in pieces:
        if ind.stock or use.exact or len(use.used) < 2 or (ind.id in flows and not use.short):
            continue
        why: tuple[str, Decimal | None] = ("rate", None)
        if ind.id in flows:
            if (ind.id, park) not in last_year and (ind.id, park) not in targets:
                continue
            ref = _year_reference(ind, park, period, figures, last_year, targets)
            if ref is None:
                continue
            least = ref[1] * STOCK_PIECE
            if not all(_at_least(figs[i][3], least) for i in use.used):
                continue
            why = ref
        parts = [figs[i] for i in use.used]
        made = figures.get(ind.id, park, period)
        if made is None or made.value is None:
            continue
        first = min(parts, key=lambda f: (f.file, f.line))
        spans = tuple(sorted(f[2] for f in parts))
        data = (first.file, first.line, ind.id, park, period, made.value, ind.unit, spans)
        out.append(Note("stock_summed", (*data, *why)))
    return out


def _at_least(value: Decimal | None, least: Decimal) -> bool:
    return value is not None and value >= least


def _year_reference(
    ind: Indicator,
    park: str | None,
    period: Period,
    figures: Figures,
    last_year: set[tuple[str, str | None]],
    targets: dict[tuple[str, str | None], Target],
) -> tuple[str, Decimal] | None:
    """Last year's figure for the year of a series, else its level target for this year."""
    if (ind.id, park) in last_year:
        before = figures.get(ind.id, park, Period(period.year - 1))
        if before is not None and before.value is not None and before.value > 0:
            return ("last_year", before.value)
    target = targets.get((ind.id, park))
    if target is not None and target.value is not None:
        return ("target", target.value)
    return None
