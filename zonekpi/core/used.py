"""Which of the figures given a check of a year to date reads: the series they fall into
(indicator, park, year), the spans of months that make up 1–N月, and the option that checks
the periods a file holds instead. What "used" means is set out in `core/sanity.py`'s
docstring; `core.sanity` and `core.scale` ask here."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import compress, groupby, repeat
from operator import is_, itemgetter
from typing import NamedTuple

from .. import kinds
from ..model.periods import Period
from ..model.plan import Figure, Indicator, Plan
from .paths import BACK  # how far back a path looks for an actual to start from

STOCK_PIECE_MONTHS = 3  # single months or quarters

Key = tuple[str, str | None, int]  # (indicator, park, year): one series of one year
_SERIES = itemgetter(0, 1)  # a figure's indicator and park
_PERIOD = itemgetter(2)
_VALUE = itemgetter(3)
_YEAR = itemgetter(0)  # a period's year
_FIGURE = itemgetter(1)  # of (year, figure)


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
    stock = {i.id: i.stock for i in plan.indicators}
    paths = _path_indicators(plan, period)
    bare = _with_bare(plan.figures)
    used = 0
    for key, figs in series.items():
        if key[2] == period.year:
            levels = _bare(figs) if key in bare else ()
            periods = tuple(map(_PERIOD, figs))
            used += len(_use(periods, stock[key[0]], (period.last,), levels).used)
        elif key[0] in paths and period.year - BACK <= key[2] < period.year:
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


class _Piece(NamedTuple):
    """A series of the checked year that the check reads: its figures and how."""

    ind: Indicator
    park: str | None
    figs: list[Figure]
    use: _Use
