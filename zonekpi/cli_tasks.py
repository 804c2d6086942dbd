"""The `tasks` command of the command line: the task ledger (重点工作台账) as of a day.

Kept beside `cli.py`, which registers it (`register`) with its own helpers, so that the
command list stays short: options → `api.tasks` → `view.outputs.TasksOutput` → the exit
status (`exits.exit_code`: a 确保 task overdue is 1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import click

from . import api
from .cli_choice import Choice
from .exits import TASKS_FAIL_ON, ExitCode, exit_code
from .plumbing import say
from .view.helptext import HELP

if TYPE_CHECKING:
    from .model.plan import Plan
    from .render import Output

Decorator = Callable[[Callable[..., None]], Callable[..., None]]
Finish = Callable[["Output", SimpleNamespace, ExitCode, Iterable["str | Plan | None"]], Any]


def register(
    command: Callable[[Callable[[SimpleNamespace], None]], click.Command],
    output_options: Decorator,
    quiet_option: Decorator,
    finish: Finish,
) -> click.Command:
    """Add `tasks` to the group that `command` registers on."""

    @command
    @click.argument("plan", type=click.Path(dir_okay=False))
    @click.option("--as-of", "as_of", metavar="DATE", help=HELP["tasks_as_of"])
    @click.option("--progress", "-d", multiple=True, type=click.Path(), help=HELP["tasks_progress"])
    @click.option("--owner", "-u", metavar="UNIT", help=HELP["tasks_owner"])
    @click.option("--by", type=Choice(("owner", "park", "status")), help=HELP["tasks_by"])
    @click.option("--soon-days", type=int, default=15, show_default=True, help=HELP["tasks_soon"])
    @click.option(
        "--unreported-days", type=int, default=30, show_default=True, help=HELP["tasks_unreported"]
    )
    @output_options
    @click.option(
        "--fail-on",
        type=Choice(TASKS_FAIL_ON),
        default="overdue",
        show_default=True,
        help=HELP["tasks_fail_on"],
    )
    @quiet_option
    def tasks(a: SimpleNamespace) -> None:
        """The task ledger of PLAN (重点工作台账) as of a day: each task 已完成, 按计划推进,
        即将到期, 逾期 or 未报送, the milestone it stands at, each unit's summary, and with
        --format text the 督查通报.

        \b
        Exit codes: 0 no 确保 task overdue · 1 some is (see --fail-on) · 2 invalid input.
        Examples:
          zonekpi tasks plans/xinxiang-2018.yaml --as-of 2018-06-30
          zonekpi tasks plans/xinxiang-2018.yaml --as-of 2018-10-31 \\
              --progress examples/xinxiang-2018-progress.csv --by owner
          zonekpi tasks plans/luoyang-gxq-2018.yaml --as-of 2018-07-01 -d progress.xlsx -f text
        """
        from datetime import date

        from .view.outputs import TasksOutput

        loaded = api.load_plan(a.plan)
        for note in () if a.quiet else loaded.notes:
            say(note)
        report = api.tasks(
            loaded,
            date.today() if a.as_of is None else a.as_of,
            progress=a.progress,
            owner=a.owner,
            soon=a.soon_days,
            period=a.unreported_days,
        )
        read = (a.plan, *a.progress, loaded)
        finish(TasksOutput(report, a.by), a, exit_code(report, a.fail_on), read)

    return tasks
