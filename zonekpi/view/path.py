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
from ..model.paths import IndicatorPath
from . import labels
from .check import per_year_unit, rate_text
from .labels import quantity, w
from .numbers import fmt_number
from .table import Column, Table
from .targets import target_text

# (key, numeric, display, machine); the header is the catalogue's col.path.KEY
_COLUMNS = [
    ("year", False, True, True),
    ("target", False, True, True),
    ("target_value", True, False, True),
    ("actual", True, True, False),
    ("actual_value", True, False, True),
    ("path_point", True, True, False),
    ("path_value", True, False, True),
    ("path_growth", True, True, False),
    ("path_growth_value", True, False, True),
    ("path_growth_unit", False, False, True),
    ("needed_per_year", True, True, False),
    ("needed_per_year_value", True, False, True),
    ("needed_per_year_unit", False, False, True),
    ("needed_to_year", False, False, True),
    ("chart", False, True, False),
]


def path_columns() -> list[Column]:
    """The columns of `path`'s table, headed in the report's language."""
    return [
        Column(key, w(f"col.path.{key}"), numeric=num, display=shown, machine=machine)
        for key, num, shown, machine in _COLUMNS
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
                "actual": quantity(y.actual, unit, rounded=True),
                "actual_value": fmt_number(y.actual) if y.actual is not None else "",
                "path_point": quantity(y.expected, unit, rounded=True),
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
    title = w("path.title", title=plan.title, name=labels.name(ind))
    return Table(title, path_columns(), rows, _footer(result, chart), statuses, w("no_targets"))


def _footer(result: IndicatorPath, chart: bool) -> list[str]:
    ind, unit = result.indicator, result.indicator.unit
    by_amount = [y.growth_by_amount for y in result.years if y.growth is not None]
    if result.linear:
        how = w("path.linear")
    elif by_amount and all(by_amount):
        how = w("path.linear_amounts")
    else:
        how = w("path.compound")
    points = " → ".join(
        f"{quantity(v, unit, rounded=True)} ({w('year_of', year=y)})" for y, v in result.knots
    )
    if len(result.knots) == 1:
        footer = [w("path.single_point", name=labels.name(ind), points=points)]
    else:
        footer = [w("path.points", name=labels.name(ind), points=points, how=how)]
    if result.base_from == "target":
        footer.append(w("path.from_target", year=result.base_year, back=BACK))
    for t, aim in result.strict:
        footer.append(w("path.strict", target=target_text(t), year=t.year, aim=quantity(aim, unit)))
    if result.by_amount and not all(by_amount):
        footer.append(w("path.some_by_amount"))
    footer.append(w("path.needed_note"))
    if not result.linear and ind.growth_basis == "comparable":
        footer.append(w("path.current_prices"))
    if chart:
        footer.append(w("path.chart_legend"))
    return footer


def _no_path(result: IndicatorPath) -> Table:
    """An indicator without a level threshold of the zone: its targets year by year (a park's
    own with the park's name), and why no path is drawn to them."""
    plan, ind = result.plan, result.indicator
    names = labels.park_names(plan.parks)
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
    footer = [w("path.no_level_target", name=labels.name(ind))]
    title = f"{plan.title}: {labels.name(ind)}"
    return Table(title, path_columns(), rows, footer, [""] * len(rows), w("no_targets"))


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
