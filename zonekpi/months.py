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
    best: dict[int, list[T]] = {first - 1: []}  # month reached -> the spans that reach it
    for month in range(first - 1, last):
        if month not in best:
            continue
        for a, b, item in spans:
            if a == month + 1 and b <= last:
                path = [*best[month], item]
                if b not in best or len(path) < len(best[b]):
                    best[b] = path
    return best.get(last)


def totals(spans: Sequence[tuple[int, int, Decimal]], first: int, last: int) -> set[Decimal]:
    """Every total that some tiling of first..last by `spans` gives: one for consistent figures,
    more when they contradict each other (1–9月 + 10月 ≠ 一季度 + 4–10月)."""
    reach: dict[int, set[Decimal]] = {first - 1: {Decimal(0)}}
    for month in range(first - 1, last):
        for a, b, value in spans:
            if a == month + 1 and b <= last and month in reach:
                reach.setdefault(b, set()).update(s + value for s in reach[month])
    return reach.get(last, set())
