"""Sentences: the monthly report in Chinese, one sentence per indicator (see `narrative`)."""

from __future__ import annotations

from . import Options, Output, inert


def render(output: Output, options: Options) -> str:
    blocks = []
    for title, lines in output.sentences():
        said = [inert(line) for line in lines] or ["(无目标 no targets)"]
        blocks.append("\n".join([inert(title), "", *said]))
    return "\n\n".join(blocks) + "\n"
