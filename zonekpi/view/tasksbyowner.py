"""`check --by owner`: the numeric targets grouped by 责任单位, a view over a check's results.

A target's owners are its own `owners:`, else its indicator's; a target answered for by three
units is shown under each of them, so that every department or park sees what it is behind
on; under a park, only its own row of a per-park target. Targets with no owner come last. The
rows are `check`'s (view/check.py), with the unit in front; the footer counts each unit's
targets by status (a park's by its own row where it has one).
"""

from __future__ import annotations

from ..model.results import Finding, PlanResult, Status
from . import labels
from .check import _row, check_columns, title
from .labels import w
from .table import Column, Table


def by_owner_table(results: list[PlanResult]) -> Table:
    groups: dict[str, list[tuple[dict[str, str], str, bool]]] = {}
    names: dict[str, str] = {}
    nobody = w("owner.nobody")
    for r in results:
        ledger = r.plan.ledger
        if ledger is not None:
            for u in ledger.units:
                names.setdefault(u.id, u.name)
                groups.setdefault(u.id, [])
        parks = {p.id for p in r.plan.parks}
        for f in (*r.findings, *r.paths):
            owners = ledger.owners_of(f.indicator.id, f.target.loc) if ledger else ()
            for owner in owners or ("",):
                groups.setdefault(owner, []).extend(_rows(r, f, owner if owner in parks else None))
    out_rows: list[dict[str, str]] = []
    statuses: list[str] = []
    footer: list[str] = []
    for owner, rows in groups.items():
        if not rows:
            continue
        name = names.get(owner, nobody) if owner else nobody
        for row, status, _ in rows:
            out_rows.append({"owner": owner, "owner_name": name, **row})
            statuses.append(status)
        counts = {s: sum(1 for _, st, counted in rows if counted and st == s.value) for s in Status}
        said = [w("check.count", status=labels.status(s), n=n) for s, n in counts.items() if n]
        footer.append(w("owner.footer", name=name, counts=", ".join(said)))
    columns = [
        Column("owner", "owner", display=False),
        Column("owner_name", w("col.owner.owner_name")),
        *check_columns(),
    ]
    heading = "; ".join(title(r) for r in results) + w("owner.title")
    return Table(heading, columns, out_rows, footer, statuses)


def _rows(r: PlanResult, f: Finding, park: str | None) -> list[tuple[dict[str, str], str, bool]]:
    """A finding's row and its parks' rows under it, as `check` shows them; for a park that
    owns the target, only its own row under the zone's. Each row says whether it is the one
    the owner's count is made of: the park's own row, else the zone's."""
    under = [pf for pf in f.parks if park is None or pf.park == park]
    own = park is not None and bool(under)
    return [(_row(r, f), f.status.value, not own)] + [
        (_row(r, pf, under_zone=True), pf.status.value, own) for pf in under
    ]
