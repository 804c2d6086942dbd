"""What the words around a quantity say: the tier that governs it (确保, 力争), the year it
is for (今年, 明年, "十四五"末), its deadline (上半年, 年底前), its comparator (达到, 突破,
以内) and its name (the words before it, or the noun after a bare verb).
"""

from __future__ import annotations

import re

from . import words as w
from .mentions import Mention
from .model import Value

_PUNCT = re.compile(r"^[\s\"“”'()。]+|[\s\"“”'(。]+$")


def tier_at(text: str, pos: int) -> str | None:
    """The tier word governing `pos`: the last 确保/力争/争取 before it, within its part of
    the sentence (a semicolon ends a tier's reach)."""
    start = text.rfind(";", 0, pos) + 1
    found = [m[0] for m in w.TIER.finditer(text, start, pos)]
    return w.TIERS[found[-1]] if found else None


def year_at(text: str, pos: int, plan_year: int) -> int | None:
    """The year a quantity at `pos` is for: the last year word before it that does not
    belong to another quantity (2021年末的12.8%), or None for the plan's year."""
    year: int | None = None
    for m in w.YEAR.finditer(text, 0, pos):
        tail = text[m.end() : m.end() + 4]
        if re.match(r"^(?:末|底)?(?:的)?\d", tail) and re.search(r"\d", text[m.end() : pos]):
            continue  # 2021年末的12.8%: that year is the 12.8%'s
        if m["rel"]:
            year = plan_year + w.RELATIVE[m["rel"]]
        elif m["abs"]:
            year = int(m["abs"])
        else:
            year = w.FIVE_YEAR_ENDS[m["plan"]]
    return year


def deadline(clause: str) -> str | None:
    m = w.DEADLINE.search(clause)
    if m is None:
        return None
    if m["h1"]:
        return "上半年"
    if m["q"]:
        return m["q"]
    if m["m"]:
        return f"{int(m['m'])}月底前"
    return "年底前"


def kind_of(before: str, after: str) -> str | None:
    if w.BEFORE[0][0].search(before):
        return "growth"  # 增长9%以上, 增速10%以上: a growth target
    for pattern, kind in w.AFTER:
        if pattern.match(after):
            return kind
    for pattern, kind in w.BEFORE:
        if pattern.search(before):
            return "less_than" if kind == "at_most" and w.LESS_THAN.search(before) else kind
    return None


def clean(name: str) -> str:
    name = _PUNCT.sub("", name.strip())
    for _ in range(3):
        name = w.TRAIL.sub("", w.LEAD.sub("", name)).strip()
        name = _PUNCT.sub("", name)
    return name


def noun_after(after: str) -> str:
    after = re.sub(r"^(?:及)?(?:以上|左右|以内|以下|余|多)", "", after)
    m = w.NOUN_AFTER.match(after)
    if m is None:
        return ""
    noun = re.split(r"来|参加|进入|落地|的目标|开工|实行|推进|建设$", m[0])[0]
    return _PUNCT.sub("", noun)


def value_of(m: Mention, negative: bool = False) -> tuple[Value, ...]:
    sign = "-" if negative else ""
    if m.low is not None:
        return (Value(m.low, m.unit), Value(m.number, m.unit))
    return (Value(sign + m.number, m.unit),)
