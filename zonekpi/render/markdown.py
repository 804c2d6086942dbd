"""Markdown: a pipe table with the title in bold, ready for a report or Word/WPS."""

from __future__ import annotations

from . import Options, Output
from .plain import _tabulate


def render(output: Output, options: Options) -> str:
    return _tabulate(output, "pipe")
