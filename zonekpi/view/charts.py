"""The page of a report beyond its table and sentences: title, period, 示例数据, and charts.

One function per command turns its result into a `chartdata.Page` (`check_page`, `path_page`,
`rank_page`, `compare_page`, `incentives_page`); the HTML renderer draws it, and ``--charts DIR``
writes its charts as files. Every word comes from the catalogue (`labels.w`, `words_page`), in
the report's language.

What is charted, and from what:

- check: completion (完成率) of each target with one, against 序时进度 during the year or the
  whole target (100%) at the year's end; and, for a plan with parks, the status grid of
  indicators × parks built from the by-park table (`bypark.by_park_table`), each cell the number
  it shows and the colour of the park's own status;
- path: the path through every stated point, the actuals and the targets, year by year, from
  the path table's numeric columns;
- rank: each unit's total against its full marks (满分), best first;
- compare: the zone's growth of each indicator measured in percent;
- incentives: what each rule pays against its budget, and the largest beneficiaries.

A chart of more than MOST_BARS bars or rows (or MOST_COLUMNS parks) is left out (`drawable`):
it could not be read, and drawing it takes minutes and gigabytes; the table has every row.

A figure, claim or plan note that says 示例 (or illustrative) marks the report illustrative.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import units
from . import illustrative as ill
from . import labels
from .chartdata import Bar, BarChart, Chart, GridChart, GridRow, Line, LineChart, Page
from .labels import w
from .lang import report
from .numbers import fmt_number, fmt_percent, fmt_ratio

if TYPE_CHECKING:
    from ..core.assess import Ranking
    from ..core.compare import Comparison
    from ..model.paths import IndicatorPath
    from ..model.plan import Plan
    from ..model.policy import Settlement
    from ..model.results import PlanResult
    from .table import Table

CAP = 200.0  # percent: a longer completion bar is drawn to here, its text saying how long
TOP = 20  # beneficiaries charted, the largest first


def words() -> dict[str, str]:
    """The page's own headings and lines."""
    return {
        **{key: w(f"page.{key}") for key in ("charts", "table", "sentences", "period", "key")},
        "illustrative": ill.banner(),
        "made": w("page.made", version="{version}"),  # the version filled in by the page
    }


def _page(title: str, period: str, illustrative: bool, charts: Iterable[Chart]) -> Page:
    statuses = labels.status_words()
    shown = tuple(c for c in charts if drawable(c))
    return Page(title, period, illustrative, shown, words(), statuses, report())


MOST_BARS = 200  # bars, grid rows or points along a line that one chart draws
MOST_COLUMNS = 60  # parks across a grid


def drawable(chart: Chart) -> bool:
    """Whether a chart is small enough to draw: a plan of thousands of indicators would make a
    figure of millions of pixels (minutes, gigabytes) that no one could read; its table has
    every row, and the chart is left out."""
    if isinstance(chart, BarChart):
        return len(chart.bars) <= MOST_BARS
    if isinstance(chart, GridChart):
        return len(chart.rows) <= MOST_BARS and len(chart.columns) <= MOST_COLUMNS
    return len(chart.x) <= MOST_BARS and len(chart.lines) <= MOST_COLUMNS


def _f(value: Decimal | None) -> float | None:
    return None if value is None or not value.is_finite() else float(value)


def _suffix(name: str, i: int, several: bool) -> str:
    return f"{name}-{i + 1}" if several else name


# check


def check_page(results: list[PlanResult], by_park: bool = False) -> Page:
    """`check`: completion against 序时进度 per plan, and each plan's park grid."""
    from .check import title

    several = len(results) > 1
    charts: list[Chart] = []
    for i, r in enumerate(results):
        progress = progress_chart(r, _suffix("completion", i, several))
        if progress is not None:
            charts.append(progress)
        grid = grid_chart(r, _suffix("parks", i, several))
        if grid is not None:
            charts.append(grid)
    illustrative = ill.any_illustrative(results)
    heading = "; ".join(title(r) for r in results)
    period = "; ".join(dict.fromkeys(labels.period(r.span) for r in results))
    return _page(heading, period, illustrative, charts)


def progress_chart(r: PlanResult, name: str = "completion") -> BarChart | None:
    """Each target with a completion: its bar, and 序时进度 across it during the year."""
    names = labels.park_names(r.plan.parks)
    bars = []
    for f in r.findings:
        if f.completion is None:
            continue
        label = labels.name(f.indicator)
        if f.park is not None:
            label = f"{names.get(f.park, f.park)} {label}"
        tier = labels.tier(f.target.tier) if f.target.tier == "stretch" else ""
        if tier:
            label = f"{label} ({tier})"
        bars.append(
            Bar(
                label,
                _f(f.completion * 100),
                fmt_ratio(f.completion) if f.completion.is_finite() else "∞",
                f.status.value,
                _f(f.elapsed * 100) if f.elapsed is not None else None,
            )
        )
    if not bars:
        return None
    during = any(b.mark is not None for b in bars)
    period = labels.period(r.span)
    return BarChart(
        name,
        w("chart.completion_elapsed" if during else "chart.completion", period=period),
        w("chart.completion_axis"),
        tuple(bars),
        w("chart.completion_bars"),
        w("chart.elapsed") if during else "",
        reference=100.0,
        reference_label=w("chart.whole_target"),
        cap=CAP,
    )


def grid_chart(r: PlanResult, name: str = "parks") -> GridChart | None:
    """Indicators × parks (and the zone): what each cell shows, coloured by the park's own
    status where the target is judged park by park, and the zone's by the zone's."""
    from .bypark import by_park_table

    table = by_park_table([r])
    parks = [c for c in table.columns if c.key.startswith("show:") and c.key != "show:zone"]
    if not parks:
        return None
    columns = (*(c.header for c in parks), w("chart.zone"))
    judged = [row for row in table.rows if row.get("status")]
    rows = []
    # the measures with a target of the year; a year without targets: every figure by park
    for row in judged or table.rows:
        cells = tuple(
            (_bare(row.get(c.key, "")), row.get(f"{c.key[5:]}_status", "")) for c in parks
        )
        if not any(text or status for text, status in cells):
            continue  # the zone's own figure alone: the completion chart has it
        zone = (row.get("show:zone", ""), row.get("status", ""))
        rows.append(GridRow(row.get("label", ""), (*cells, zone)))
    if not rows:
        return None
    key = "chart.parks_judged" if judged else "chart.parks_figures"
    return GridChart(name, w(key, period=labels.period(r.span)), columns, tuple(rows))


def _bare(text: str) -> str:
    """A by-park cell without its status mark (✓ ✗ ! ?): the grid says it by colour."""
    from .bypark import MARK

    for mark in set(MARK.values()):
        if text.endswith(" " + mark):
            return text[: -len(mark) - 1]
    return text


# path


def path_page(result: IndicatorPath, table: Table) -> Page:
    """`path`: the path, the actuals and the targets of one indicator, year by year."""
    ind = result.indicator
    charts: list[Chart] = []
    chart = path_chart(table, labels.name(ind), units.display(ind.unit))
    if chart is not None:
        charts.append(chart)
    years = [y.year for y in result.years] or [t.year for t in result.targets]
    period = f"{min(years)}–{max(years)}" if years else ""
    return _page(table.title, period, ill.of_path(result), charts)


def path_chart(table: Table, name: str, unit: str) -> LineChart | None:
    rows = [row for row in table.rows if row.get("path_value")]
    if not rows:
        return None

    def series(key: str) -> tuple[float | None, ...]:
        return tuple(float(row[key]) if row.get(key) else None for row in rows)

    return LineChart(
        "path",
        w("chart.path", name=name),
        unit,
        tuple(row["year"] for row in rows),
        (
            Line(w("chart.path_line"), series("path_value")),
            Line(w("chart.actual"), series("actual_value"), points=True),
            Line(w("chart.target"), series("target_value"), points=True),
        ),
    )


# rank


def rank_page(ranking: Ranking, title: str) -> Page:
    """`rank`: each unit's total against its full marks, best first."""
    bars = tuple(
        Bar(
            f"{st.rank}. {st.name}",
            _f(st.total),
            fmt_number(st.total, ranking.scheme.precision),
            mark=_f(st.full),
        )
        for st in ranking.standings
    )
    period = labels.period(ranking.period)
    chart = BarChart(
        "ranking",
        w("chart.scores", period=period),
        w("chart.points"),
        bars,
        w("chart.total"),
        w("chart.full"),
    )
    illustrative = ill.of_ranking(ranking)
    return _page(title, period, illustrative, [chart] if bars else [])


# compare


def compare_page(c: Comparison, title: str) -> Page:
    """`compare`: the zone's growth of each indicator measured in percent."""
    bars = tuple(
        Bar(labels.name(a.indicator), _f(a.growth), fmt_percent(a.growth, 1))
        for a in c.actuals
        if a.park is None and a.growth is not None and a.unit == "percent"
    )
    chart = BarChart(
        "growth",
        w("chart.growth", old=c.old.year, new=c.new.year),
        w("chart.growth_axis"),
        bars,
        w("chart.growth_bars"),
        reference=0.0,
    )
    illustrative = ill.of_comparison(c)
    return _page(title, f"{c.old.year}–{c.new.year}", illustrative, [chart] if bars else [])


# incentives


def incentives_page(s: Settlement, plan: Plan) -> Page:
    """`incentives`: each rule's payments against its budget; the largest beneficiaries."""
    from .incentives import Money

    money = Money(s.policy)
    unit = units.display(money.unit)
    names = {r.id: r.name for r in s.policy.rules}
    rules = tuple(
        Bar(
            names.get(t.key, t.key),
            _f(money.value(t.payable)),
            money.quantity(t.payable),
            "missed" if t.over_budget else "",
            _f(money.value(t.budget)),
        )
        for t in s.by_rule
    )
    people = tuple(
        Bar(t.key, _f(money.value(t.payable)), money.quantity(t.payable))
        for t in s.by_beneficiary[:TOP]
    )
    charts: list[Chart] = []
    period = w("year_of", year=s.year)
    if rules:
        charts.append(
            BarChart(
                "rules",
                w("chart.by_rule", year=period),
                w("chart.payable_axis", unit=unit),
                rules,
                w("chart.payable"),
                w("chart.budget") if any(b.mark is not None for b in rules) else "",
            )
        )
    if people:
        charts.append(
            BarChart(
                "beneficiaries",
                w("chart.top", n=TOP) if len(s.by_beneficiary) > TOP else w("chart.beneficiaries"),
                w("chart.payable_axis", unit=unit),
                people,
                w("chart.payable"),
            )
        )
    illustrative = ill.of_settlement(s)
    return _page(plan.title, period, illustrative, charts)
