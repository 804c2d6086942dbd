"""示例数据: whether a report rests on illustrative figures, and the words that say so.

A figure is marked illustrative when its note (the `note`/`备注` column of a figure file, or
`note:` in a plan) says 示例 or "illustrative" (`model.common.is_illustrative`), as every file
under `examples/` does; a table whose title or 注 line says so marks every figure it holds. A
report is illustrative when any figure the check could read is so marked: a figure of the year
checked, or of the years before it that a base or a path reads (`core.paths.BACK`). Every
format asks `illustrative(result)` here (or `of_ranking`, `of_comparison`, `of_settlement`,
`of_path`): the human formats put `banner()` under the title, CSV, TSV and the long CSV give
each row an `illustrative` cell (true/false), JSON a top-level `illustrative`, workbooks
mark each sheet's title and pages show the banner, so no format can forget to say it.
"""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from ..core.paths import BACK
from ..model.common import is_illustrative
from ..model.plan import Plan
from ..model.results import PlanResult
from .labels import w

if TYPE_CHECKING:
    from ..core.assess import Ranking
    from ..core.compare import Comparison
    from ..model.paths import IndicatorPath
    from ..model.policy import Settlement

_NOTE = attrgetter("note")
marked = is_illustrative  # a figure's (or claim's) note: 示例数据, 示例, illustrative


def of_plan(plan: Plan, year: int) -> bool:
    """Whether any figure of `plan` (its own, its data: files, --data) for `year` or the
    `BACK` years before it is marked illustrative."""
    # the distinct notes first (a file repeats one note on every row): most plans stop here
    notes = {n for n in set(map(_NOTE, plan.figures)) if marked(n)}
    if not notes:
        return False
    first = year - BACK
    return any(f.note in notes and first <= f.period.year <= year for f in plan.figures)


def illustrative(result: PlanResult) -> bool:
    """Whether the check `result` used any figure marked illustrative."""
    return of_plan(result.plan, result.year)


def any_illustrative(results: list[PlanResult]) -> bool:
    return any(illustrative(r) for r in results)


def banner() -> str:
    """The line under a report's title, in the report's language."""
    return w("illustrative.banner")


def cell(flag: bool) -> str:
    """A CSV cell: true or false, as pandas, DuckDB and Excel read a boolean."""
    return "true" if flag else "false"


def of_ranking(ranking: Ranking) -> bool:
    """Whether a ranking scored any figure marked illustrative, or its scheme says so."""
    return of_plan(ranking.plan, ranking.period.year) or marked(ranking.scheme.note)


def of_path(path: IndicatorPath) -> bool:
    """Whether any figure of a path's indicator, in any year, is marked illustrative."""
    ind = path.indicator.id
    return any(marked(f.note) for f in path.plan.figures if f.indicator == ind)


def of_comparison(comparison: Comparison) -> bool:
    """Whether either year of a comparison has a figure marked illustrative."""
    old, new = comparison.old, comparison.new
    return of_plan(old, old.year) or of_plan(new, new.year)


def of_settlement(settlement: Settlement) -> bool:
    """Whether any claim settled is marked illustrative (its note: 示例数据)."""
    return any(marked(p.claim.note) for p in settlement.payments)


def with_banner(blocks: list[tuple[str, list[str]]], flag: bool) -> list[tuple[str, list[str]]]:
    """The sentences of `--format text`, the banner first under each title when `flag`."""
    if not flag:
        return blocks
    return [(title, [banner(), *lines]) for title, lines in blocks]
