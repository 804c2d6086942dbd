"""Exit statuses: what a run's result means to a shell script, decided here and nowhere else.

`exit_code(result, fail_on)` is the one decision, for every kind of result a command returns:
a check (one `PlanResult` or several), a `Comparison`, a `Ranking`, a `Settlement`. Invalid
input (2), a bug (3) and Ctrl-C (130) are decided where they are caught, by the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from .core.assess import Ranking
    from .core.compare import Comparison
    from .model.policy import Settlement
    from .model.results import PlanResult
    from .model.tasks import TaskReport

    Result = PlanResult | Sequence[PlanResult] | Comparison | Ranking | Settlement | TaskReport


class ExitCode(IntEnum):
    OK = 0  # every target with data is met; or the input is valid
    MISSED = 1  # some target is missed (or what --fail-on names); a budget was exceeded
    INVALID = 2  # invalid input or usage
    INTERNAL = 3  # a bug: an exception zonekpi did not expect
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as a shell reports it)


# --fail-on of `check`: the statuses that make the exit status 1
CHECK_FAIL_ON = ("missed", "behind", "stretch", "never")
# --fail-on of `compare`: lowered makes a target made less demanding exit 1
COMPARE_FAIL_ON = ("never", "lowered")
# --fail-on of `tasks`: overdue makes a deciding task (确保, or untiered) past its deadline exit 1
TASKS_FAIL_ON = ("overdue", "due-soon", "never")


def exit_code(result: Result, fail_on: str | None = None) -> ExitCode:
    """OK, or MISSED when `result` has what `fail_on` names.

    A check (a `PlanResult`, or one per plan): a missed or overdue target whose tier decides
    (fail_on "missed", the default: the floor 确保, or the only tier given), also one behind
    schedule or below its target during the year ("behind"), also a missed stretch tier 力争
    ("stretch"), or never ("never"). A `Comparison`: a target made less
    demanding when fail_on is "lowered" (default "never"). A `Settlement`: a budget exceeded,
    so claims were cut. A `Ranking`: always OK. A `TaskReport`: a deciding task (确保, or the
    only tier) overdue, with fail_on "overdue" (the default); also one due soon ("due-soon").
    """
    if _is(result, "zonekpi.model.policy", "Settlement"):
        return ExitCode.MISSED if cast("Settlement", result).over_budget else ExitCode.OK
    if _is(result, "zonekpi.core.compare", "Comparison"):
        lowered = _choice(fail_on or "never", COMPARE_FAIL_ON) == "lowered"
        return ExitCode.MISSED if lowered and cast("Comparison", result).relaxed else ExitCode.OK
    if _is(result, "zonekpi.core.assess", "Ranking"):
        return ExitCode.OK
    if _is(result, "zonekpi.model.tasks", "TaskReport"):
        return _tasks_code(cast("TaskReport", result), _choice(fail_on or "overdue", TASKS_FAIL_ON))
    from .model.results import FAILED, LAGGING, PlanResult

    results = [result] if isinstance(result, PlanResult) else cast("Sequence[PlanResult]", result)
    if not all(isinstance(r, PlanResult) for r in results):
        raise TypeError(f"no exit status for a {type(result).__name__}")
    choice = _choice(fail_on or "missed", CHECK_FAIL_ON)
    failing = {
        "missed": {*FAILED},
        "behind": {*FAILED, *LAGGING},
        "stretch": {*FAILED},
        "never": set(),
    }[choice]
    statuses = {f.status for r in results for f in r.rows if f.decides or choice == "stretch"}
    return ExitCode.MISSED if statuses & failing else ExitCode.OK


def _tasks_code(report: TaskReport, choice: str) -> ExitCode:
    """A task ledger: MISSED when a deciding task is overdue (also due soon: "due-soon")."""
    failing = {"overdue": {"overdue"}, "due-soon": {"overdue", "due_soon"}, "never": set()}[choice]
    hit = any(s.state in failing and s.task.decides for s in report.states)
    return ExitCode.MISSED if hit else ExitCode.OK


def _is(result: object, module: str, name: str) -> bool:
    """Whether `result` is an instance of class `name` of `module`, importing nothing: an
    instance's class is loaded already, and a check need not pay for the ranking's modules."""
    loaded = sys.modules.get(module)
    return loaded is not None and isinstance(result, getattr(loaded, name))


def _choice(value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValueError(f"fail_on {value!r} is not one of {', '.join(choices)}")
    return value
