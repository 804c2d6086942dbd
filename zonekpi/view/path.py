"""`zonekpi path PLAN INDICATOR`: an indicator's multi-year path, year by year.

For each year from the first actual to the last target: the target set for that year, the
actual, where the path to the final target stands, and the growth a year still needed from that
year on. On a terminal a bar per year shows actual against the path.
"""

from __future__ import annotations

from decimal import Decimal

from .. import kinds
from ..core import paths
from ..core.figures import Figures
from ..model import units
from ..model.periods import Period
from ..model.plan import Indicator, Plan
from . import labels
from .check import target_text
from .numbers import fmt_number, fmt_signed
from .table import Column, Table

COLUMNS = [
    Column("year", "年份"),
    Column("target", "目标"),
    Column("target_value", "目标值", numeric=True, display=False),
    Column("actual", "实际", numeric=True, machine=False),
    Column("actual_value", "实际值", numeric=True, display=False),
    Column("path_point", "路径值", numeric=True, machine=False),
    Column("path_value", "路径值", numeric=True, display=False),
    Column("per_year", "此后年均需增长", numeric=True, machine=False),
    Column("per_year_value", "此后年均需增长", numeric=True, display=False),
    Column("per_year_unit", "单位", display=False),
    Column("chart", "", machine=False),
]
WIDTH = 24  # characters of the longest bar


def path_table(plan: Plan, ind: Indicator, chart: bool = False) -> Table:
    figures = Figures(plan)
    unit = ind.unit
    linear = units.is_percent(unit)
    targets = [t for t in ind.targets if kinds.get(t.kind).path and t.park is None and t.value]
    if not targets:
        return Table(
            f"{plan.title}: {ind.name}", COLUMNS, [], [f"{ind.id}: 没有总量目标 no level target"]
        )
    final = max(targets, key=lambda t: t.year)
    assert final.value is not None
    years = range(min(t.year for t in targets) - BACK, final.year + 1)
    actuals = {y: figures.level(ind, None, Period(y)).value for y in years}
    known = [y for y in years if actuals[y] is not None]
    first = known[0] if known else min(t.year for t in targets)
    base = actuals.get(first) or next(t.value for t in targets if t.year == first)
    assert base is not None
    rows, statuses = [], []
    top = max([final.value, *(v for v in actuals.values() if v is not None)])
    for y in range(first, final.year + 1):
        own = [t for t in targets if t.year == y]
        actual = actuals.get(y)
        prog = paths.progress(first, base, final.year, final.value, y, actual, linear=linear)
        needed = rate_value = ""
        # from this year's actual on (the base year: the whole way), as `paths` computes it
        rate = prog.required if y == first else prog.remaining
        if y < final.year and rate is not None:
            needed = fmt_signed(rate) + "个百分点" if linear else f"{fmt_number(rate * 100, 2)}%"
            rate_value = fmt_number(rate if linear else rate * 100, 6)
        rows.append(
            {
                "year": str(y),
                "target": "; ".join(
                    (labels.tier(t.tier) + " ").lstrip() + target_text(t) for t in own
                ),
                "target_value": fmt_number(own[0].value) if own else "",
                "actual": units.fmt_quantity(actual, unit),
                "actual_value": fmt_number(actual) if actual is not None else "",
                "path_point": units.fmt_quantity(round(prog.expected, 2), unit),
                "path_value": fmt_number(prog.expected, 6),
                "per_year": needed,
                "per_year_value": rate_value,
                "per_year_unit": ("百分点" if linear else "%") if rate_value else "",
                "chart": _bar(actual, prog.expected, top) if chart else "",
            }
        )
        statuses.append("")
    how = "每年相同百分点 linear" if linear else "复合增长 compound"
    footer = [
        f"{ind.name}: {units.fmt_quantity(base, unit)} ({first}年) → "
        f"{units.fmt_quantity(final.value, unit)} ({final.year}年), {how}"
    ]
    if chart:
        footer.append("█ 实际 actual · │ 路径值 where the path stands")
    return Table(f"{plan.title}: {ind.name} 路径 path", COLUMNS, rows, footer, statuses)


BACK = 5  # years before the first target in which to look for a starting actual


def _bar(actual: Decimal | None, expected: Decimal, top: Decimal) -> str:
    cells = [" "] * (WIDTH + 1)
    if top <= 0:
        return ""
    if actual is not None and actual > 0:
        for i in range(min(WIDTH, int(actual / top * WIDTH))):
            cells[i] = "█"
    mark = min(WIDTH, int(expected / top * WIDTH))
    cells[mark] = "│"
    return "".join(cells).rstrip()
