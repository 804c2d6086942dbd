"""Adding up months: which reported spans make up a span asked for (1–9月 + 10月 = 1–10月).

Pure arithmetic on month numbers, used for flows (产值, 投资, 新增数), whose months add up.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

T = TypeVar("T")


def tile(spans: Sequence[tuple[int, int, T]], first: int, last: int) -> list[T] | None:
    """The fewest spans (first month, last month, item) that cover first..last exactly,
    end to end without overlap; None when they cannot. (Among equally few, any may be chosen:
    consistent figures give the same sum.)"""
    if all(a == b for a, b, _ in spans):  # single months (most files): each month once?
        by_month = {a: item for a, _, item in spans}
        if len(by_month) == len(spans) and all(m in by_month for m in range(first, last + 1)):
            return [by_month[m] for m in range(first, last + 1)]
    starting = _by_start(spans, first, last)
    best: dict[int, list[T]] = {first - 1: []}  # month reached -> the spans that reach it
    for month in range(first - 1, last):
        if month not in best:
            continue
        for b, item in starting.get(month + 1, ()):
            path = [*best[month], item]
            if b not in best or len(path) < len(best[b]):
                best[b] = path
    return best.get(last)


def _by_start(
    spans: Sequence[tuple[int, int, T]], first: int, last: int
) -> dict[int, list[tuple[int, T]]]:
    """The spans inside first..last, by their first month."""
    out: dict[int, list[tuple[int, T]]] = {}
    for a, b, item in spans:
        if a >= first and b <= last:
            out.setdefault(a, []).append((b, item))
    return out


def unique(spans: Sequence[tuple[int, int, T]], first: int, last: int) -> bool:
    """Whether first..last can be tiled by `spans` in at most one way: no two of the spans
    inside it start in the same month (each month reached then has one way on)."""
    starts = [a for a, b, _ in spans if a >= first and b <= last]
    return len(starts) == len(set(starts))


def totals(spans: Sequence[tuple[int, int, Decimal]], first: int, last: int) -> set[Decimal]:
    """Every total that some tiling of first..last by `spans` gives: one for consistent figures,
    more when they contradict each other (1–9月 + 10月 ≠ 一季度 + 4–10月)."""
    starting = _by_start(spans, first, last)
    reach: dict[int, set[Decimal]] = {first - 1: {Decimal(0)}}
    for month in range(first - 1, last):
        if month not in reach:
            continue
        for b, value in starting.get(month + 1, ()):
            reach.setdefault(b, set()).update(s + value for s in reach[month])
    return reach.get(last, set())
