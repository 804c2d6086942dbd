"""The CSV shapes: the tidy long table of `check` (`--format long`), and the `period` and
`illustrative` columns every CSV carries.

The long table has one row per indicator × park × period × measure, every number in the one
`value` column, so that pandas (`read_csv`), DuckDB (`read_csv_auto`) and an Excel pivot table
take it as it is. Two kinds of rows (docs/output.md, "CSV shapes"):

- figures (`target_id` empty): every park's and the zone's `level`, `growth`, `change`, `flag`
  and, where a growth was rolled up, `base`: what the check read and added up, the park figures
  of zone-wide targets included;
- a target's assessment (`target_id` = indicator#n, its place among the indicator's targets in
  the plan): `target`, `target_high`, `actual`, `completion`, `covered`, `elapsed` (序时进度),
  `ahead`, `needed` (其余月份需增长), `yoy`, `rest`, `pace_needed`, `pace_so_far`, `gap`, and for a
  later year's target `path_base`, `path_point`, `needed_per_year`; each row carries the
  target's `status`. The `target` row is always there (its value empty when the target has no
  number, 全覆盖); any other measure only when it has a value.

One convention for numbers: a quantity in percent, percentage points or per mille (a share, a
growth rate, completion, 序时, a gap of a share) is a fraction, unit `fraction` (0.644 for
64.4%, 0.063 for 6.3%, 0.002 for 0.2个百分点); anything else is in its unit (家, 亿元). Numbers
are the core's exact digits, never rounded. The zone's rows say `zone` in the park column (a
figure file's park `zone` is the zone total too, so no park can be called that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from ..model import units
from ..model.plan import Indicator, Target
from ..model.results import Finding, PlanResult, Total
from . import illustrative as ill
from .check import starts_here
from .labels import w
from .table import Column, Table
from .targets import target_value

ZONE = "zone"
FRACTION = "fraction"
KEYS = (
    "plan",
    "year",
    "period",
    "indicator",
    "name",
    "park",
    "park_name",
    "target_id",
    "target_year",
    "kind",
    "tier",
    "measure",
    "value",
    "unit",
    "status",
    "illustrative",
)
COLUMNS = [Column(k, k, numeric=k == "value", display=False) for k in KEYS]
# units whose numbers are written as fractions, and the power of ten they are divided by
_SCALED = {"percent": 2, "百分点": 2, "permille": 3}


def exact(value: Decimal) -> str:
    """A Decimal with every digit it has, no exponent, no trailing zeros: 0.644, 800, -0.6."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number(value: Decimal, unit: str) -> tuple[str, str]:
    """(value, unit) as the long table writes them: a percentage (or points, per mille) as a
    fraction with unit `fraction`, anything else in its unit. Dividing by a power of ten is
    exact in Decimal (scaleb), so no digit is lost."""
    if unit in _SCALED:
        return exact(value.scaleb(-_SCALED[unit])), FRACTION
    return exact(value), units.display(unit)


def long_table(results: list[PlanResult]) -> Table:
    """Every result's figures and findings as rows of the long table."""
    rows: list[dict[str, str]] = []
    for r in results:
        rows.extend(_rows(r))
    title = "; ".join(f"{r.plan.title} {r.span.label}" for r in results)
    return Table(title, COLUMNS, rows)


def _rows(r: PlanResult) -> Iterator[dict[str, str]]:
    names = r.names
    common = {
        "plan": r.plan.id,
        "year": str(r.year),
        "period": str(r.span),
        "illustrative": ill.cell(ill.illustrative(r)),
    }

    def row(
        ind: Indicator, park: str | None, measure: str, value: str, unit: str
    ) -> dict[str, str]:
        return {
            **common,
            "indicator": ind.id,
            "name": ind.name,
            "park": park or ZONE,
            "park_name": names.get(park, park) if park else "",
            "measure": measure,
            "value": value,
            "unit": unit,
        }

    totals: dict[str, list[Total]] = {}
    for t in r.totals:
        totals.setdefault(t.indicator.id, []).append(t)
    findings: dict[str, list[Finding]] = {}
    for f in r.rows:
        findings.setdefault(f.indicator.id, []).append(f)
    for ind in r.plan.indicators:
        for f in findings.get(ind.id, ()):
            yield from _finding_rows(f, row)
            for pf in f.parks:
                yield from _finding_rows(pf, row)
        for total in totals.get(ind.id, ()):
            yield from _total_rows(r, total, row)


Row = Callable[[Indicator, str | None, str, str, str], dict[str, str]]


def _total_rows(r: PlanResult, total: Total, row: Row) -> Iterator[dict[str, str]]:
    """A measure's figures for every park in tree order, then the zone; after a growth, the
    bases it was weighted by."""
    ind = total.indicator
    order = _units(r)
    for park in order:
        a = total.of(park)
        if a.value is not None:
            yield row(ind, park, total.measure, *number(a.value, total.unit))
    if total.measure != "growth":
        return
    bases = _bases(total)
    for park in order:
        base = bases.get(park)
        if base is not None:
            yield row(ind, park, "base", *number(base, ind.unit))


def _units(r: PlanResult) -> list[str | None]:
    """The parks (in tree order) and the zone (None) whose figures a check shows: with
    `--park P`, P and the parks inside it."""
    if r.park is None:
        return [park for park, _ in r.plan.tree()] + [None]
    inside: list[str | None] = [r.park]
    for unit in inside:
        inside.extend(r.plan.children(unit) if unit is not None else ())
    return inside


def _bases(total: Total) -> dict[str | None, Decimal]:
    """Each park's base (last year's level) behind a rolled-up growth, and the zone's sum."""
    out: dict[str | None, Decimal] = {}
    for park, a in total.values:
        roll = a.rollup
        if roll is None or roll.measure != "growth":
            continue
        if roll.base is not None:
            out[park] = roll.base
        for part in roll.parts:
            if part.base is not None:
                out.setdefault(part.park, part.base)
    return out


def target_id(ind: Indicator, t: Target) -> str:
    """indicator#n: the target's place among the indicator's targets in the plan (1 = first)."""
    for n, own in enumerate(ind.targets, 1):
        if own is t:
            return f"{ind.id}#{n}"
    for n, own in enumerate(ind.targets, 1):
        if own == t:
            return f"{ind.id}#{n}"
    return f"{ind.id}#{t.kind}"  # not one of the plan's own (never so far): still unique enough


def _finding_rows(f: Finding, row: Row) -> Iterator[dict[str, str]]:
    t, ind = f.target, f.indicator
    own = {
        "target_id": target_id(ind, t),
        "target_year": str(t.year),
        "kind": t.kind,
        "tier": t.tier or "",
        "status": f.status.value,
    }
    goal = target_value(t, f.park)
    target = number(goal, t.unit) if goal is not None else ("", units.display(t.unit))
    yield {**row(ind, f.park, "target", *target), **own}
    for measure, value, unit in _measures(f):
        if value is not None:
            yield {**row(ind, f.park, measure, *number(value, unit)), **own}


def _measures(f: Finding) -> list[tuple[str, Decimal | None, str]]:
    t, unit = f.target, f.actual_unit or f.indicator.unit
    actual_unit = "园区" if f.basis == "parks" else f.actual_unit
    out: list[tuple[str, Decimal | None, str]] = [
        ("target_high", t.high, t.unit),
        ("actual", f.actual, actual_unit),
        ("completion", f.completion, FRACTION),
        ("covered", f.covered, FRACTION),
        ("elapsed", f.elapsed, FRACTION),
        ("ahead", f.ahead, "百分点"),
        ("needed", f.needed, "percent"),
        ("yoy", f.yoy, "percent"),
        ("rest", f.rest, unit),
        ("pace_needed", f.pace_needed, unit),
        ("pace_so_far", f.pace_so_far, unit),
        ("gap", f.gap, f.gap_unit),
    ]
    p = f.path
    if p is not None:
        ind_unit = f.indicator.unit
        out.append(("path_base", p.base, ind_unit))
        out.append(("path_point", None if starts_here(f) else p.expected, ind_unit))
        if p.needed is not None:
            # compound: already a fraction a year; linear: the indicator's unit a year
            # (points of a percentage: a fraction too)
            linear = "百分点" if units.is_percent(ind_unit) else ind_unit
            out.append(("needed_per_year", p.needed, linear if p.needed_linear else FRACTION))
    return out


def csv_columns(
    table: Table,
    period: str | Callable[[dict[str, str]], str],
    flag: bool | Callable[[dict[str, str]], bool] | None = None,
) -> Table:
    """`table` with a `period` column and, when `flag` is given, an `illustrative` column
    (true/false): what every CSV carries. Both come last, so that a script that reads the
    columns by position reads what it read before; neither is shown in the human formats.
    `period` and `flag` are one for every row (2018, 2018-10) or read from each row (a path's
    year, the plan of a row of several). A `flag` of True puts the 示例数据 line under the
    title too; a caller that gives a flag per row says it itself."""
    columns = [*table.columns, Column("period", w("col.period"), display=False)]
    rows = [{**r, "period": period if isinstance(period, str) else period(r)} for r in table.rows]
    if flag is not None:
        columns.append(Column("illustrative", w("col.illustrative"), display=False))
        flags = [flag if isinstance(flag, bool) else flag(r) for r in rows]
        rows = [{**r, "illustrative": ill.cell(f)} for r, f in zip(rows, flags, strict=True)]
    made = Table(table.title, columns, rows, table.footer, table.statuses, table.empty)
    made.lead = [*table.lead, *([ill.banner()] if flag is True else [])]
    return made
