"""Sentences: the monthly report in Chinese, one sentence per indicator (see `narrative`)."""

from __future__ import annotations

from . import Options, Output


def render(output: Output, options: Options) -> str:
    blocks = []
    for title, lines in output.sentences():
        blocks.append("\n".join([title, "", *(lines or ["(无目标 no targets)"])]))
    return "\n\n".join(blocks) + "\n"
