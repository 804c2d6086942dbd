"""zonekpi: which of a high-tech zone's yearly targets are met (高新区/自创区 目标完成情况).

Use from Python::

    from zonekpi import load_plan, check
    plan = load_plan("plans/xinxiang-2018.yaml", data=["examples/xinxiang-2018-figures.csv"])
    result = check(plan)
    print(result.success, [f.status for f in result.findings])

`load_plan`, `check`, `compare`, `assess`, `settle`, `path`, `tasks` and `year_to_date` are those of
zonekpi.api; the command line (`zonekpi check …`) is a thin layer over them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .version import __version__

__all__ = [
    "__version__",
    "assess",
    "check",
    "compare",
    "load_plan",
    "path",
    "settle",
    "tasks",
    "year_to_date",
]

if TYPE_CHECKING:
    from .api import assess, check, compare, load_plan, path, settle, tasks, year_to_date


def __getattr__(name: str) -> object:
    # Lazy, so that `zonekpi --version` and the CLI's start-up import only what they use.
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
