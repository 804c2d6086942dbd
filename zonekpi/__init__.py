"""zonekpi: which of a high-tech zone's yearly targets are met (高新区/自创区 目标完成情况).

Use from Python::

    from zonekpi import load_plan, check
    plan = load_plan("plans/xinxiang-2018.yaml", data=["examples/xinxiang-2018-figures.csv"])
    result = check(plan)
    print(result.success, [f.status for f in result.findings])

The command line (`zonekpi check …`) is a thin layer over these two functions.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check", "load_plan"]


def __getattr__(name: str) -> object:
    # Lazy, so that `zonekpi --version` and the CLI's start-up import only what they use.
    if name == "load_plan":
        from .read.plan import load_plan

        return load_plan
    if name == "check":
        from .core.check import check

        return check
    raise AttributeError(name)
