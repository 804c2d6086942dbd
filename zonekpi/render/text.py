"""Sentences: the monthly report, one sentence per indicator (see `narrative`), in the
report's language."""

from __future__ import annotations

from ..view.table import nothing
from . import Options, Output, inert


def render(output: Output, options: Options) -> str:
    blocks = []
    for title, lines in output.sentences():
        said = [inert(line) for line in lines] or [nothing()]
        blocks.append("\n".join([inert(title), "", *said]))
    return "\n\n".join(blocks) + "\n"
