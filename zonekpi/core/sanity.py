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

import math
from collections import Counter
from decimal import Decimal
from functools import cache, lru_cache
from itertools import compress, groupby, pairwise, repeat
from operator import is_, itemgetter
from pathlib import Path
from typing import NamedTuple

from .. import kinds
from ..errors import UnitError
from ..kinds.base import accumulates
from ..model import units
from ..model.periods import Period
from ..model.plan import Figure, Indicator, Plan, Target
from ..model.results import Note
from .figures import Figures

SCALE = Decimal(100)  # a figure this many times (or this fraction) of its reference is a slip
MIN_SIBLINGS = 3  # parks with a figure for the period before their median means anything
BIG_LEVEL = Decimal(10000)  # in the family's smallest unit: a level big enough to compare
STOCK_PIECE = Decimal("0.5")  # a month at least this share of last year's total: a stock
STOCK_PIECE_MONTHS = 3  # single months or quarters
HUNDRED = Decimal(100)

Key = tuple[str, str | None, int]  # (indicator, park, year): one series of one year
_SERIES = itemgetter(0, 1)  # a figure's indicator and park
_PERIOD = itemgetter(2)
_VALUE = itemgetter(3)
_YEAR = itemgetter(0)  # a period's year
_FIGURE = itemgetter(1)  # of (year, figure)
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


def _series(figures: tuple[Figure, ...]) -> dict[Key, list[Figure]]:
    """The figures of each series (indicator, park, year), in the order given. A table's
    figures come series by series: each run of one indicator and park is filed at once."""
    out: dict[Key, list[Figure]] = {}
    for (ind, park), run in groupby(figures, _SERIES):
        figs = list(run)
        years = list(map(_YEAR, map(_PERIOD, figs)))
        if years.count(years[0]) == len(years):  # one year (mostly)
            _file(out, (ind, park, years[0]), figs)
            continue
        for y, chunk in groupby(zip(years, figs, strict=True), _YEAR):
            _file(out, (ind, park, y), list(map(_FIGURE, chunk)))
    return out


def _file(out: dict[Key, list[Figure]], key: Key, figs: list[Figure]) -> None:
    group = out.get(key)
    if group is None:
        out[key] = figs
    else:
        group.extend(figs)


def _ends(year: int, period: Period) -> tuple[int, ...]:
    """The last months of the years to date a series of `year` is read for: the checked
    period's for its year; that and the year's end for last year; () for any other year."""
    if year == period.year:
        return (period.last,)
    if year == period.year - 1:
        return (period.last, 12) if period.last != 12 else (12,)
    return ()


def _count_used(series: dict[Key, list[Figure]], plan: Plan, period: Period) -> int:
    """How many figures are for the checked period (or make it up), and, for a check of the
    year, how many earlier years' whole-year figures the path of a later target may start
    from. (Last year's figures are a base only for a figure of the period: without one, no
    base is read.)"""
    from .check import BASE_YEARS_BACK

    stock = {i.id: i.stock for i in plan.indicators}
    paths = _path_indicators(plan, period)
    bare = _with_bare(plan.figures)
    used = 0
    for key, figs in series.items():
        if key[2] == period.year:
            levels = _bare(figs) if key in bare else ()
            periods = tuple(map(_PERIOD, figs))
            used += len(_use(periods, stock[key[0]], (period.last,), levels).used)
        elif key[0] in paths and period.year - BASE_YEARS_BACK <= key[2] < period.year:
            used += sum(f[2].is_year for f in figs)
    return used


def _path_indicators(plan: Plan, period: Period) -> set[str]:
    """The indicators whose later targets a check of the whole year puts on a path."""
    if not period.is_year:
        return set()
    return {
        ind.id
        for ind in plan.indicators
        for t in ind.targets
        if t.year > period.year and t.park is None and kinds.get(t.kind).path
    }


def _bare(figs: list[Figure]) -> tuple[bool, ...]:
    """Which figures have no level (a growth rate alone, 是/否)."""
    return tuple(map(is_, map(_VALUE, figs), repeat(None)))


def _with_bare(figures: tuple[Figure, ...]) -> set[Key]:
    """The series with a figure without a level (few files have one)."""
    without = compress(figures, map(is_, map(_VALUE, figures), repeat(None)))
    return {(f[0], f[1], f[2][0]) for f in without}


class _Use(NamedTuple):
    """How a check reads the figures of one series of one year (indices into them)."""

    used: tuple[int, ...]
    unused: tuple[int, ...]
    exact: bool  # one of them is for the checked period (or last year's) itself
    short: bool  # each used one is a single month or a quarter
    ytd: tuple[int, ...]  # the years to date (1–N月) among them, by their last month


@lru_cache(maxsize=4096)  # the files of a zone repeat a few shapes of series many times
def _use(
    periods: tuple[Period, ...], stock: bool, ends: tuple[int, ...], bare: tuple[bool, ...]
) -> _Use:
    """Which of a series' figures (their `periods`) are read for the years to date 1–end, for
    each end of `ends`: one for 1–end itself; a stock's reading at the end; a flow's span of
    months on some way of making up 1–end (`Figures.get`). `bare`: the figures without a
    level (() for none), read only for 1–end itself."""
    flags = [False] * len(periods)
    spans = []
    for i, p in enumerate(periods):
        if p.first == 1 and p.last in ends:
            flags[i] = True
        elif bare and bare[i]:
            continue
        elif stock:
            flags[i] = p.last in ends
        else:
            spans.append((p.first, p.last, i))
    for end in ends if spans else ():
        for i in _on_a_tiling(spans, end):
            flags[i] = True
    used = tuple(i for i, ok in enumerate(flags) if ok)
    ytd = (i for i, p in enumerate(periods) if p.first == 1)
    return _Use(
        used,
        tuple(i for i, ok in enumerate(flags) if not ok),
        any(periods[i].first == 1 and periods[i].last == ends[0] for i in used),
        all(periods[i].months <= STOCK_PIECE_MONTHS for i in used),
        tuple(sorted(ytd, key=periods.__getitem__)),
    )


def _on_a_tiling(spans: list[tuple[int, int, int]], end: int) -> list[int]:
    """The items of the spans (first month, last month, item) that lie on some way of making
    up months 1–end end to end (12 months at most: a few steps a series)."""
    starting: dict[int, list[int]] = {}
    for a, b, _ in spans:
        if b <= end:
            starting.setdefault(a, []).append(b)
    reached = {0}  # months 1–m can be made up
    for m in range(end):
        if m in reached:
            reached.update(starting.get(m + 1, ()))
    if end not in reached:
        return []
    finishes = {end}  # months m+1–end can be made up
    for m in range(end - 1, -1, -1):
        if any(b in finishes for b in starting.get(m + 1, ())):
            finishes.add(m)
    return [i for a, b, i in spans if b <= end and a - 1 in reached and b in finishes]


def _hint(held: Counter[Period], period: Period) -> tuple[str, ...]:
    """The option that checks the commonest of the periods `held` (the latest among equals)
    other than the check just made: ("--period", "2024-09"), ("--year", "2017") or
    ("no --period",); () when every one ends where the check does (a month alone)."""
    for p, _ in sorted(held.items(), key=lambda pc: (pc[1], pc[0]), reverse=True):
        if p.year != period.year:
            return ("--year", str(p.year)) if p.last == 12 else ("--period", _ytd(p))
        if p.last != period.last:
            return ("no --period",) if p.last == 12 else ("--period", _ytd(p))
    return ()


def _ytd(p: Period) -> str:
    """The year to date that ends with `p`, as --period takes it: 2024-09."""
    return f"{p.year}-{p.last:02d}"


# ---------------------------------------------------------------------------- the warnings


class _Piece(NamedTuple):
    """A series of the checked year that the check reads: its figures and how."""

    ind: Indicator
    park: str | None
    figs: list[Figure]
    use: _Use


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


# ------------------------------------------------------------------------------ unit slips


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
