"""A document's text as sentences: each with the heading it stands under, its line, and
whether it looks back on an earlier year (a 工作回顾 section states actuals, not targets).

A sentence ends at 。！？ or a line break; `clauses` cuts one at commas, semicolons and colons,
keeping each clause's offset so a governing word (确保, 力争, 今年) can be found before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A heading: 一、… (一)… 1.… at the start of a line, short, ending before 。 or the line's end.
_HEADING = re.compile(
    r"^\s*(?P<h>(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}(?:\.|、|\s))"
    r"[^。;:!?]{2,40}?)(?:。|:|$)"
)
_TOP = re.compile(r"^\s*[一二三四五六七八九十]+、")
_LOOKING_BACK = re.compile(r"成绩|回顾|过去一年|工作总结|上年工作")
_END = re.compile(r"(?<=[。!?])|\n")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    group: str
    past: bool  # in a section that looks back on last year


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text` in order, with their headings."""
    out: list[Sentence] = []
    group = ""
    past = False
    for number, line in _joined(text.split("\n")):
        stripped = line.strip()
        if not stripped:
            continue
        heading = _HEADING.match(stripped)
        if heading is not None:
            group = heading["h"].strip()
            if _TOP.match(stripped):
                past = bool(_LOOKING_BACK.search(group))
        for piece in _END.split(stripped):
            piece = piece.strip()
            if piece:
                out.append(Sentence(piece, number, group, past))
    return out


def _joined(lines: list[str]) -> list[tuple[int, str]]:
    """Lines numbered from 1, a long line broken off mid-sentence (a page break in a copied
    text: 生产制 / 造基地) joined to the next line with text."""
    out: list[tuple[int, str]] = []
    carry = ""
    carry_at = 0
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if carry:
            stripped, number = carry + stripped, carry_at
            carry = ""
        if len(stripped) > 60 and not re.search(r"[。!?:;)”\"]$", stripped):
            carry, carry_at = stripped, number
            continue
        out.append((number, stripped))
    if carry:
        out.append((carry_at, carry))
    return out


def clauses(sentence: str) -> list[tuple[int, str]]:
    """The clauses of a sentence with their offsets, cut at , ; and : outside quotation marks
    (“只进一扇门,最多跑一次” is one name)."""
    out: list[tuple[int, str]] = []
    start = 0
    depth = 0
    for at, c in enumerate(sentence):
        if c == "“":
            depth += 1
        elif c == "”":
            depth = max(0, depth - 1)
        elif c in ",;:" and depth == 0:
            out.append((start, sentence[start:at]))
            start = at + 1
    out.append((start, sentence[start:]))
    return [(at, text) for at, text in out if text.strip()]
