"""The by-park matrix (`check --by-park`): indicators down, parks and the zone across.

One row per target of the year (the measure it is judged on), then one per other measure with
figures (levels that are the terms of a share, growth rates reported without a target), so that
every number behind a zone total is on the page. Cells are bare numbers with the unit in its own
column, so that a spreadsheet reads them as numbers (a park inside another is a column of its
own, headed 高新区/大学科技园: it is already counted in its parent's); display formats add a mark
for a park's own status (✓ met, ✗ missed, ? no data) where the target is judged park by park,
and move remarks to numbered notes under the table.
"""

from __future__ import annotations

from ..core.check import measure_of
from ..model.plan import Measure
from ..model.results import NONE, Actual, Finding, PlanResult, Status, Total
from . import labels
from .check import summary_line
from .labels import w
from .numbers import fmt_number, fmt_signed, places_for
from .table import Column, Table
from .targets import target_text

MARK = {
    Status.MET: "✓",
    Status.MISSED: "✗",
    Status.NO_DATA: "?",
    Status.ON_TRACK: "✓",
    Status.BEHIND: "!",
    Status.BELOW: "!",
    Status.OVERDUE: "✗",
}
MEASURE_LABEL = {"growth": "bypark.growth", "change": "bypark.change"}


def cell(value: Actual, measure: Measure, unit: str, places: int | None = None) -> str:
    """A number as the matrix shows it: 414, +5.73 (growth), +6.4 (change), 是/否; with
    `places`, to that many decimals (for CSV)."""
    v = value.value
    if v is None:
        return ""
    if measure == "flag":
        return w("yes" if v >= 1 else "no")
    if measure in ("growth", "change"):
        return fmt_signed(v, places or 2)
    return fmt_number(v, places or places_for(unit))


def _unit(measure: Measure, unit: str) -> str:
    if measure == "flag":
        return ""
    return labels.unit(unit)


def by_park_table(results: list[PlanResult]) -> Table:
    parks: dict[str, str] = {}  # id -> header, in tree order, over every plan
    for r in results:
        for park, _ in r.plan.tree():
            parks.setdefault(park, _header(r, park))
    columns = [
        Column("plan", w("col.check.plan"), display=len(results) > 1),
        Column("year", w("col.check.year"), display=False),
        Column("indicator", w("col.check.indicator"), display=False),
        Column("name", w("col.check.name"), display=False),
        Column("measure", w("col.bypark.measure"), display=False),
        Column("label", w("col.check.label"), machine=False),
        Column("unit", w("col.check.unit")),
        Column("tier", w("col.check.tier"), display=False),
        Column("kind", w("col.check.kind"), display=False),
        Column("target", w("col.check.target")),
    ]
    for park, name in parks.items():
        columns.append(Column(park, name, numeric=True, display=False))
        columns.append(Column(f"show:{park}", name, numeric=True, machine=False))
    zone = w("col.bypark.zone")
    columns.append(Column("zone", zone, numeric=True, display=False))
    columns.append(Column("show:zone", zone, numeric=True, machine=False, keep=True))
    columns.append(Column("status", w("col.check.status"), labels=labels.status_words()))
    columns += [
        Column(f"{park}_status", w("col.bypark.park_status", park=name), display=False)
        for park, name in parks.items()
    ]
    columns.append(Column("notes", w("col.check.notes"), display=False))
    columns.append(Column("note_ref", w("col.bypark.note_ref"), machine=False))
    rows: list[dict[str, str]] = []
    statuses: list[str] = []
    notes: list[str] = []  # footnotes: a matrix has no room for sentences
    for r in results:
        for row, status in _rows(r):
            if row["notes"]:
                notes.append(row["notes"])
                row["note_ref"] = w("bypark.note_ref", n=len(notes))
            rows.append(row)
            statuses.append(status)
    titles = [w("bypark.title", title=r.plan.title, period=labels.period(r.span)) for r in results]
    footer = [summary_line(r) for r in results]
    footer.append(w("bypark.legend"))
    footer += [f"{w('bypark.note_ref', n=n)}: {text}" for n, text in enumerate(notes, 1)]
    return Table("; ".join(titles), columns, rows, footer, statuses, w("no_targets"))


def _header(r: PlanResult, park: str) -> str:
    """A park's column header: its name, after its parent's for a park inside a park."""
    names = labels.park_names(r.plan.parks)
    parents = {p.id: p.parent for p in r.plan.parks}
    path = [park]
    while (up := parents.get(path[-1])) is not None:
        path.append(up)
    return "/".join(names[p] for p in reversed(path))


def _rows(r: PlanResult) -> list[tuple[dict[str, str], str]]:
    totals = {(t.indicator.id, t.measure): t for t in r.totals}
    names = labels.park_names(r.plan.parks)
    out = []
    for ind in r.plan.indicators:
        shown: set[Measure] = set()
        for f in r.findings:
            if f.indicator.id != ind.id:
                continue
            measure = measure_of(f.target, ind)
            shown.add(measure)
            total = totals.get((ind.id, measure))
            out.append((_row(r, total, ind.id, measure, f, names), f.status.value))
        for (ind_id, measure), total in totals.items():
            if ind_id == ind.id and measure not in shown:
                out.append((_row(r, total, ind.id, measure, None, names), ""))
    return out


def _row(
    r: PlanResult,
    total: Total | None,
    ind_id: str,
    measure: Measure,
    f: Finding | None,
    names: dict[str, str],
) -> dict[str, str]:
    ind = r.plan.indicator(ind_id)
    unit = total.unit if total is not None else ind.unit
    own: dict[str | None, Status] = {pf.park: pf.status for pf in (f.parks if f else ())}
    if f is not None and f.park is not None:
        own[f.park] = f.status
    label = labels.name(ind) + (f" {w(MEASURE_LABEL[measure])}" if measure in MEASURE_LABEL else "")
    tier = labels.tier(f.target.tier) if f else ""
    row = {
        "plan": r.plan.id,
        "year": str(r.year),
        "indicator": ind.id,
        "name": ind.name,
        "measure": measure,
        "label": label,
        "unit": _unit(measure, unit),
        "tier": tier,
        "kind": f.target.kind if f else "",
        "target": (f"{tier} " if tier else "") + target_text(f.target, f, names) if f else "",
        "status": f.status.value if f else "",
        "notes": "",
    }
    zone = total.of(None) if total is not None else NONE
    park_notes = []
    for park, _ in r.plan.tree():
        value = total.of(park) if total is not None else NONE
        text = cell(value, measure, unit)
        row[park] = cell(value, measure, unit, places=6)
        mark = MARK.get(own[park]) if park in own else None
        row[f"show:{park}"] = f"{text} {mark}".strip() if mark else text
        row[f"{park}_status"] = own[park].value if park in own else ""
        if value.value is not None:  # remarks on a figure shown (a park without one: see zone)
            park_notes += [f"{names[park]}: {n}" for n in labels.notes(value.notes, names)]
    row["zone"] = cell(zone, measure, unit, places=6)
    row["show:zone"] = cell(zone, measure, unit)
    # a park's own target, or one every park must meet: the finding's remarks; else the zone's
    own_remarks = f is not None and (f.park is not None or bool(f.parks))
    notes = labels.notes(f.notes if f is not None and own_remarks else zone.notes, names)
    row["notes"] = "; ".join(notes + park_notes)
    return row
