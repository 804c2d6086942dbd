"""`zonekpi path PLAN INDICATOR`: an indicator's multi-year path, year by year.

For each year from the path's start (the latest actual before the first target, else that
target) to the last target: the targets set for that year, the actual, where the path through
every stated target stands, the path's own growth into the year, and the growth a year still
needed from that year's actual to the next stated point. On a terminal a bar per year shows
actual against the path.
"""

from __future__ import annotations

from decimal import Decimal

from ..core.paths import BACK
from ..model import units
from ..model.paths import IndicatorPath
from . import labels
from .check import per_year_unit, rate_text
from .numbers import fmt_number
from .table import Column, Table
from .targets import target_text

COLUMNS = [
    Column("year", "年份"),
    Column("target", "目标"),
    Column("target_value", "目标值", numeric=True, display=False),
    Column("actual", "实际", numeric=True, machine=False),
    Column("actual_value", "实际值", numeric=True, display=False),
    Column("path_point", "路径值", numeric=True, machine=False),
    Column("path_value", "路径值", numeric=True, display=False),
    Column("path_growth", "路径增速", numeric=True, machine=False),
    Column("path_growth_value", "路径增速", numeric=True, display=False),
    Column("path_growth_unit", "单位", display=False),
    Column("needed_per_year", "此后年均需增长", numeric=True, machine=False),
    Column("needed_per_year_value", "此后年均需增长", numeric=True, display=False),
    Column("needed_per_year_unit", "单位", display=False),
    Column("needed_to_year", "增长至", display=False),
    Column("chart", "", machine=False),
]
WIDTH = 24  # characters of the longest bar


def _rate_cells(value: Decimal | None, by_amount: bool, unit: str) -> tuple[str, str, str]:
    """A rate a year as (text, value, unit): 83.33%, 83.333333, % — or +0.55个百分点, 0.55,
    个百分点 on a share."""
    if value is None:
        return "", "", ""
    number = fmt_number(value if by_amount else value * 100, 6)
    return rate_text(value, by_amount, unit), number, per_year_unit(unit) if by_amount else "%"


def path_table(result: IndicatorPath, chart: bool = False) -> Table:
    """The path of one indicator as a table: a row a year, a bar chart on a terminal."""
    plan, ind, final = result.plan, result.indicator, result.final
    unit = ind.unit
    if final is None or result.base is None:
        return _no_path(result)
    assert final.value is not None
    rows, statuses = [], []
    top = max(
        [*(v for _, v in result.knots), *(y.actual for y in result.years if y.actual is not None)]
    )
    for y in result.years:
        growth, growth_value, growth_unit = _rate_cells(y.growth, y.growth_by_amount, unit)
        needed, needed_value, needed_unit = _rate_cells(y.rate, y.rate_by_amount, unit)
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
                "path_growth": growth,
                "path_growth_value": growth_value,
                "path_growth_unit": growth_unit,
                "needed_per_year": needed,
                "needed_per_year_value": needed_value,
                "needed_per_year_unit": needed_unit,
                "needed_to_year": str(y.to_year) if y.to_year is not None else "",
                "chart": _bar(y.actual, y.expected, top) if chart else "",
            }
        )
        statuses.append("")
    return Table(
        f"{plan.title}: {ind.name} 路径 path", COLUMNS, rows, _footer(result, chart), statuses
    )


def _footer(result: IndicatorPath, chart: bool) -> list[str]:
    ind, unit = result.indicator, result.indicator.unit
    by_amount = [y.growth_by_amount for y in result.years if y.growth is not None]
    if result.linear:
        how = "每年相同百分点 linear"
    elif by_amount and all(by_amount):
        how = "每年相同增减量 linear (含零或负值, 不能复合增长)"
    else:
        how = "复合增长 compound"
    points = " → ".join(f"{units.fmt_quantity(round(v, 2), unit)} ({y}年)" for y, v in result.knots)
    footer = [f"{ind.name}: {points}, {how}; 经过每个目标点 through every stated point"]
    if len(result.knots) == 1:
        footer = [f"{ind.name}: {points}, 只有一个点 a single stated point"]
    if result.base_from == "target":
        footer.append(
            f"{result.base_year}年之前{BACK}年内没有实际数, 路径从{result.base_year}年目标起算; "
            "no actual before the first target: the path starts from it"
        )
    for t, aim in result.strict:
        footer.append(
            f"{target_text(t)} ({t.year}年): 路径取{units.fmt_quantity(aim, unit)}, "
            "超过目标的最小一档 (整数目标为1个单位, 否则为所写的最后一位小数); "
            "the path aims one step past a strict target"
        )
    if result.by_amount and not all(by_amount):
        footer.append(
            "含零或负值的一段按每年相同增减量画出, 增速以单位计; "
            "where a level is zero or below, the path moves by equal amounts a year"
        )
    footer.append(
        "此后年均需增长: 从当年实际到下一个目标点; "
        "the growth a year needed from that year's actual to the next stated point"
    )
    if not result.linear and ind.growth_basis == "comparable":
        footer.append(
            "增速由现价总量算出, 本指标的增速目标按可比价 (growth_basis: comparable); "
            "rates here are at current prices, the indicator's growth targets comparable"
        )
    if chart:
        footer.append("█ 实际 actual · │ 路径值 where the path stands")
    return footer


def _no_path(result: IndicatorPath) -> Table:
    """An indicator without a level threshold of the zone: its targets year by year (a park's
    own with the park's name), and why no path is drawn to them."""
    plan, ind = result.plan, result.indicator
    names = {p.id: p.name for p in plan.parks}
    rows = [
        {
            "year": str(t.year),
            "target": (names[t.park] + " " if t.park else "")
            + (labels.tier(t.tier) + " ").lstrip()
            + target_text(t, park_names=names),
            "target_value": fmt_number(t.value) if t.value is not None else "",
        }
        for t in sorted(result.targets, key=lambda t: t.year)
    ]
    footer = [
        f"{ind.id}: 全区没有总量目标 no level target of the zone; 路径只画到全区的总量目标 "
        "(≥ > ≤ <), 增长、提高、覆盖、区间等目标没有路径; "
        "a path is drawn to the zone's level thresholds only"
    ]
    return Table(f"{plan.title}: {ind.name}", COLUMNS, rows, footer, [""] * len(rows))


def _bar(actual: Decimal | None, expected: Decimal, top: Decimal) -> str:
    cells = [" "] * (WIDTH + 1)
    if top <= 0:
        return ""
    if actual is not None and actual > 0:
        for i in range(min(WIDTH, int(actual / top * WIDTH))):
            cells[i] = "█"
    mark = max(0, min(WIDTH, int(expected / top * WIDTH)))
    cells[mark] = "│"
    return "".join(cells).rstrip()
