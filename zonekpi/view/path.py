"""`zonekpi path PLAN INDICATOR`: an indicator's multi-year path, year by year.

For each year from the first actual to the last target: the target set for that year, the
actual, where the path to the final target stands, and the growth a year still needed from that
year on. On a terminal a bar per year shows actual against the path.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import units
from ..model.paths import IndicatorPath
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


def path_table(result: IndicatorPath, chart: bool = False) -> Table:
    """The path of one indicator as a table: a row a year, a bar chart on a terminal."""
    plan, ind, final = result.plan, result.indicator, result.final
    unit = ind.unit
    if final is None or result.base is None:
        return Table(
            f"{plan.title}: {ind.name}", COLUMNS, [], [f"{ind.id}: 没有总量目标 no level target"]
        )
    assert final.value is not None
    linear = result.linear
    rows, statuses = [], []
    top = max([final.value, *(y.actual for y in result.years if y.actual is not None)])
    for y in result.years:
        needed = rate_value = ""
        if y.rate is not None:
            needed = (
                fmt_signed(y.rate) + "个百分点" if linear else f"{fmt_number(y.rate * 100, 2)}%"
            )
            rate_value = fmt_number(y.rate if linear else y.rate * 100, 6)
        rows.append(
            {
                "year": str(y.year),
                "target": "; ".join(
                    (labels.tier(t.tier) + " ").lstrip() + target_text(t) for t in y.targets
                ),
                "target_value": fmt_number(y.targets[0].value) if y.targets else "",
                "actual": units.fmt_quantity(y.actual, unit),
                "actual_value": fmt_number(y.actual) if y.actual is not None else "",
                "path_point": units.fmt_quantity(round(y.expected, 2), unit),
                "path_value": fmt_number(y.expected, 6),
                "per_year": needed,
                "per_year_value": rate_value,
                "per_year_unit": ("百分点" if linear else "%") if rate_value else "",
                "chart": _bar(y.actual, y.expected, top) if chart else "",
            }
        )
        statuses.append("")
    how = "每年相同百分点 linear" if linear else "复合增长 compound"
    footer = [
        f"{ind.name}: {units.fmt_quantity(result.base, unit)} ({result.base_year}年) → "
        f"{units.fmt_quantity(final.value, unit)} ({final.year}年), {how}"
    ]
    if chart:
        footer.append("█ 实际 actual · │ 路径值 where the path stands")
    return Table(f"{plan.title}: {ind.name} 路径 path", COLUMNS, rows, footer, statuses)


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
