"""`zonekpi draft DOCUMENT`: a plan drafted from its published document, for review.

Kept beside `cli.py`, which registers it (`register`) with its own command decorator, so that
cli.py stays a list of the other commands. The drafting
is `zonekpi.draft`; the --explain table `zonekpi.view.draftview`; this module turns options
into a call and decides where the YAML goes (stdout, or -o written atomically, never over the
document and never over an existing file without --force).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from types import SimpleNamespace

import click

from .errors import BadUsage, InvalidInput, Problem, msg
from .plumbing import emit, options, refuse_to_overwrite_input, say, write_atomic
from .view.helptext import HELP


def register(
    command: Callable[[Callable[[SimpleNamespace], None]], click.Command],
) -> click.Command:
    """Add `draft` to the group that `command` registers on."""

    @command
    @click.argument("document", type=click.Path(dir_okay=False))
    @click.option("--output", "-o", type=click.Path(dir_okay=False), help=HELP["draft_output"])
    @click.option("--force", is_flag=True, help=HELP["draft_force"])
    @click.option("--year", "-y", type=int, help=HELP["draft_year"])
    @click.option("--parks", help=HELP["draft_parks"])
    @click.option("--explain", is_flag=True, help=HELP["draft_explain"])
    def draft(a: SimpleNamespace) -> None:
        """Draft a plan from its published DOCUMENT (.txt, .md, .html, .docx), for review.

        \b
        Every target sentence becomes a target with its source; what is uncertain is marked
        `# 待确认` in the YAML. Exit codes: 0 drafted · 2 invalid input or usage.
        Examples:
          zonekpi draft 工作要点.txt -o plans/draft-2018.yaml
          zonekpi draft 推进计划.docx --parks 高新区,经开区 --explain
        """
        from .draft.api import draft as make

        if a.year is not None and not 1990 <= a.year <= 2100:
            raise BadUsage(msg("--year {year}: give the plan's year, such as 2018", year=a.year))
        parks = None
        if a.parks is not None:
            parks = tuple(p.strip() for p in a.parks.replace("、", ",").split(",") if p.strip())
        if a.output is not None:
            refuse_to_overwrite_input(a.output, [a.document])
            if os.path.exists(a.output) and not a.force:
                raise BadUsage(
                    msg("--output {output} exists; add --force to replace it", output=a.output)
                )
        text, made = make(a.document, a.year, parks)
        if not made.indicators:
            raise InvalidInput(
                [
                    Problem(
                        a.document,
                        0,
                        0,
                        msg(
                            "states no numeric target (达到, 不少于, 增长…) to draft from; "
                            "give the plan's own document"
                        ),
                    )
                ]
            )
        if a.explain:
            from .render import render
            from .view.draftview import ExplainOutput

            emit(render(ExplainOutput(made), options("table")))
        if a.output is not None:
            write_atomic(a.output, text)
            counted = sum(len(i.items) for i in made.indicators)
            say(
                msg(
                    "{output}: {count} targets of {indicators} indicators and {tasks} tasks "
                    "drafted",
                    output=a.output,
                    count=counted,
                    tasks=len(made.tasks),
                    indicators=len(made.indicators),
                )
            )
        elif not a.explain:
            emit(text)

    return draft
