"""`check`'s workbook (``-f xlsx``): 总表, 分园区, the sheets of its charts, and 说明.

总表 is the check table with its numbers as numbers (completion and 序时 as 0.0%, an actual
with its unit in the number format) and each status cell coloured; 分园区 the by-park matrix,
a park's cell coloured by the park's own status; 完成与序时 each zone target's completion
against 序时进度 (against 100% for a whole year) and 园区对比 the zone's own parks side by
side, a clustered chart per unit, each sheet holding the numbers its charts are drawn from.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..model.results import Finding, PlanResult
from ..model.units import display, is_flag, is_percent
from . import labels
from .check import per_year_unit, starts_here
from .illustrative import any_illustrative
from .labels import w
from .table import Chart, Column, Number, Table
from .workbook import mark, notes_sheet, number, ratio, sheets, used


def _findings(r: PlanResult) -> list[Finding]:
    """The findings in the order of the check table's rows: each target, the parks under it,
    then the later years' targets."""
    out: list[Finding] = []
    for f in r.findings:
        out += [f, *f.parks]
    return out + list(r.paths)


def _check_numbers(f: Finding) -> dict[str, Number]:
    cells: dict[str, Number] = {}
    if f.actual is not None and is_flag(f.indicator.unit):  # 1 shown 是, 0 shown 否
        yes, no = w("yes"), w("no")
        cells["actual_value"] = Number(float(f.actual), f'"{yes}";"{yes}";"{no}"')
    elif f.actual is not None:
        cells["actual_value"] = number(f.actual, display(f.actual_unit))
    if f.completion is not None:
        cells["completion"] = ratio(f.completion)
    if f.elapsed is not None:
        cells["elapsed"] = ratio(f.elapsed)
    if f.ahead is not None:
        cells["ahead"] = number(f.ahead, "", 1, signed=True)
    if f.needed is not None:
        cells["needed"] = number(f.needed, "%", 1)
    if f.yoy is not None:
        cells["yoy"] = number(f.yoy, "%", 1, signed=True)
    p = f.path
    if p is not None and not starts_here(f):
        cells["path_point"] = number(p.expected, display(f.indicator.unit), 2)
    if p is not None and p.needed is not None:
        unit = per_year_unit(f.indicator.unit) if p.needed_linear else "%"
        cells["needed_per_year"] = number(p.needed * (1 if p.needed_linear else 100), unit, 1)
    if f.gap is not None:
        cells["gap"] = number(f.gap, display(f.gap_unit) if f.gap_unit else "", signed=True)
    return cells


# 总表's columns: (key, key of the header to use); text from the check table, numbers above.
_SUMMARY = [
    ("plan", "plan"),
    ("name", "label"),
    ("park_name", "park_name"),
    ("tier", "tier"),
    ("target", "target"),
    ("actual_value", "actual"),
    ("completion", "completion"),
    ("elapsed", "elapsed"),
    ("ahead", "ahead"),
    ("needed", "needed"),
    ("yoy", "yoy"),
    ("schedule_text", "schedule_text"),
    ("path_point", "path_point"),
    ("needed_per_year", "needed_per_year"),
    ("gap", "gap_text"),
    ("status_text", "status_text"),
    ("notes", "notes"),
]


def check_sheets(
    results: list[PlanResult],
    sentences: list[tuple[str, list[str]]],
    owners: Table | None = None,
) -> list[Table]:
    """`check`'s workbook: 总表, then `owners` (check --by owner's table) when given, 分园区,
    the charts' sheets, 说明."""
    from .bypark import by_park_table
    from .check import check_table

    made = check_table(results)
    shown = any_illustrative(results)
    findings = [f for r in results for f in _findings(r)]
    if len(findings) != len(made.rows) or any(
        (row["indicator"], row["park"]) != (f.indicator.id, f.park or "")
        for row, f in zip(made.rows, findings, strict=False)
    ):
        raise RuntimeError("the check table's rows are not its findings, in order")
    numbers = [_check_numbers(f) for f in findings]
    headers = {c.key: c for c in made.columns}
    several = len(results) > 1
    columns = [
        Column(key, headers[head].header, numeric=key in _NUMERIC, fill=_fill(key))
        for key, head in _SUMMARY
        if key != "plan" or several
    ]
    summary = Table(
        mark(made.title, shown),
        columns,
        made.rows,
        made.footer,
        made.statuses,
        sheet=w("sheet.summary"),
        numbers=numbers,
    )
    out = [used(summary)]
    if owners is not None:
        out += sheets([owners], [], [w("sheet.by_owner")], shown=shown)[:1]
    out.append(_by_park(by_park_table(results), shown))
    out += [t for t in (_completion_sheet(results, several),) if t.rows]
    for r in results:
        out += [t for t in (_parks_sheet(r, several),) if t.rows]
    out.append(
        notes_sheet(
            sentences,
            [r.plan for r in results],
            [labels.period(r.span) for r in results],
            shown,
            made.footer,
        )
    )
    return out


_NUMERIC = {
    "actual_value",
    "completion",
    "elapsed",
    "ahead",
    "needed",
    "yoy",
    "path_point",
    "needed_per_year",
    "gap",
}


def _fill(key: str) -> str:
    return "status" if key == "status_text" else ""


def _by_park(made: Table, shown: bool) -> Table:
    """分园区: the matrix's bare numbers (the columns CSV writes), each park's cell coloured
    by the park's own status where it has one."""
    keep = [
        c._replace(fill=_park_fill(c))
        for c in made.columns
        if (c.display and not c.key.startswith("show:") and c.key != "note_ref")
        or (c.numeric and not c.display)
        or c.key == "notes"
    ]
    numbers = []
    for row in made.rows:
        signed = row.get("measure") in ("growth", "change")
        cells = {}
        for c in keep:
            if c.numeric and row.get(c.key):
                try:
                    cells[c.key] = number(Decimal(row[c.key]), "", None, signed)
                except InvalidOperation:  # 是/否 of a yes-or-no target stays text
                    continue
        numbers.append(cells)
    by_park = Table(
        mark(made.title, shown),
        keep,
        made.rows,
        made.footer,
        made.statuses,
        sheet=w("sheet.by_park"),
        numbers=numbers,
    )
    return used(by_park)


def _park_fill(c: Column) -> str:
    if c.key == "status":
        return "status"
    return f"{c.key}_status" if c.numeric and c.key != "zone" else ""


def _completion_sheet(results: list[PlanResult], several: bool) -> Table:
    """完成与序时: each target of the zone with a completion, against 序时进度 (or 100%)."""
    rows, numbers = [], []
    during = any(f.elapsed is not None for r in results for f in r.findings)
    for r in results:
        for f in r.findings:
            if f.park is not None or f.completion is None:
                continue
            tier = labels.tier(f.target.tier)
            name = labels.name(f.indicator) + (f" ({tier})" if tier else "")
            rows.append({"name": (f"{r.plan.title} " if several else "") + name})
            cells = {"completion": ratio(f.completion)}
            aim = f.elapsed if during else Decimal(1)
            if aim is not None:
                cells["elapsed"] = ratio(aim)
            numbers.append(cells)
    line = w("book.elapsed") if during else w("book.target")
    columns = [
        Column("name", w("book.indicator")),
        Column("completion", w("book.completion"), numeric=True),
        Column("elapsed", line, numeric=True),
    ]
    title = w("book.completion_elapsed") if during else w("book.completion")
    chart = Chart(title, "name", ("completion",), ("elapsed",), percent=True, kind="bar")
    return Table(
        title,
        columns,
        rows,
        sheet=w("sheet.completion"),
        numbers=numbers,
        charts=[chart],
        statuses=[""] * len(rows),
    )


def _parks_sheet(r: PlanResult, several: bool) -> Table:
    """园区对比: the zone's own parks down, each indicator's level across; a clustered chart
    per unit, so that bars side by side are in the same unit."""
    parks = r.plan.children(None)
    names = labels.park_names(r.plan.parks)
    columns = [Column("park", w("book.park"))]
    by_unit: dict[str, list[str]] = {}
    top: dict[str, Decimal] = {}  # each indicator's largest park value
    values: dict[str, dict[str, Number]] = {p: {} for p in parks}
    for t in r.totals:
        if t.measure != "level" or len(parks) < 2:
            continue
        got = {p: t.of(p).value for p in parks}
        if sum(v is not None for v in got.values()) < 2:
            continue
        unit = display(t.unit)
        key = t.indicator.id
        name = labels.name(t.indicator)
        columns.append(Column(key, f"{name}({unit})" if unit else name, numeric=True))
        by_unit.setdefault(unit, []).append(key)
        top[key] = max(abs(v) for v in got.values() if v is not None)
        for p, v in got.items():
            if v is not None:
                values[p][key] = number(v, "", None if not is_percent(t.unit) else 2)
    rows = [{"park": names[p]} for p in parks] if by_unit else []
    what = w("book.parks_side")
    charts = [
        Chart(f"{what} ({unit})" if unit else what, "park", keys, axis=unit)
        for unit, group in by_unit.items()
        for keys in _alike(group, top)
    ]
    sheet = w("sheet.parks") + (f" {r.plan.id}" if several else "")
    return Table(
        f"{r.plan.title} {labels.period(r.span)} {what}",
        columns,
        rows,
        sheet=sheet,
        numbers=[values[p] for p in parks] if rows else [],
        charts=charts,
        statuses=[""] * len(rows),
    )


def _alike(keys: list[str], top: dict[str, Decimal]) -> list[tuple[str, ...]]:
    """Indicators of one unit in groups whose bars can stand side by side: at most six, the
    largest value of each within ten times the smallest's (210亿元 beside 9.5亿元 is a bar and
    a line on the floor)."""
    groups: list[list[str]] = []
    for key in sorted(keys, key=lambda k: top[k]):
        first = groups[-1][0] if groups else None
        if (
            first is None
            or len(groups[-1]) == 6
            or top[key] > 10 * max(top[first], Decimal(1) / 10**6)
        ):
            groups.append([key])
        else:
            groups[-1].append(key)
    return [tuple(g) for g in groups]
