"""What every part of the model shares: where something was written (`Loc`), and the tiers of
a two-tier target (确保 floor, 力争 stretch)."""

from __future__ import annotations

from typing import Literal, NamedTuple

from ..errors import msg

Tier = Literal["floor", "stretch"]


class Loc(NamedTuple):
    """Where something was written: file, line and column (1-based; 0 when unknown). A named
    tuple: every figure carries one, and a tuple is made in C."""

    file: str
    line: int = 0
    col: int = 0

    def seen_from(self, here: Loc) -> str:
        """This place as a message at `here` names it: 'line 3', or 'other.csv:3'."""
        if self.file == here.file:
            return msg("line {line}", line=self.line)
        return f"{self.file}:{self.line}"


NOWHERE = Loc("")


ILLUSTRATIVE = "示例数据"  # the note a figure gets from a file that says so in a title or 注
_ILLUSTRATIVE_MARKS = ("示例", "illustrative")


def is_illustrative(text: str | None) -> bool:
    """Whether a note (or a table's title or footnote) marks figures as illustrative: it says
    示例 (示例数据) or "illustrative". The one rule; the reader and the reports both ask it."""
    if not text:
        return False
    lowered = text.lower()
    return any(mark in lowered for mark in _ILLUSTRATIVE_MARKS)
