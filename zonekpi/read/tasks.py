"""The task ledger of a plan: `units:`, `tasks:` and the `owners:` of indicators and targets.

Owners are named by a unit's id, name or alias; the plan's parks are units too. A task's
deadline (`by:`) is read by the plan's deadline reader (`PlanParts.deadline`: 上半年, 6月底前,
年底前, a date, an event under `events:`), in the task's `year:` (the plan's unless it states a
later one); none means 年底前. Milestones are read the same way and must be in order. Every
problem is recorded with its place, as the rest of the plan builder does.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import BadUsage, msg, visible
from ..model.common import Loc
from ..model.periods import parse_deadline
from ..model.plan import Park
from ..model.tasks import Ledger, Milestone, Task, Unit
from .planparts import PlanParts
from .yamlstrict import Path as YPath


def read_ledger(b: PlanParts, d: dict[str, Any], parks: tuple[Park, ...], year: int) -> Ledger:
    """The ledger of plan document `d`, recording problems through the builder `b`."""
    units = _units(b, d.get("units") or [], parks)
    names = unit_names(units)
    ind_owners: dict[str, tuple[str, ...]] = {}
    target_owners: dict[Loc, tuple[str, ...]] = {}
    for n, ind in enumerate(d.get("indicators") or []):
        at: YPath = ("indicators", n)
        if ind.get("owners"):
            ind_owners[ind["id"]] = _owners(b, names, ind["owners"], (*at, "owners"))
        for k, t in enumerate(ind.get("targets") or []):
            if t.get("owners"):
                where = (*at, "targets", k)
                target_owners[b.loc(where)] = _owners(b, names, t["owners"], (*where, "owners"))
    tasks = _tasks(b, names, d.get("tasks") or [], year)
    return Ledger(units, tasks, ind_owners, target_owners)


def _units(b: PlanParts, raw: list[dict[str, Any]], parks: tuple[Park, ...]) -> tuple[Unit, ...]:
    out = [Unit(p.id, p.name, "park", p.aliases, p.name_en) for p in parks]
    seen = {p.id for p in parks}
    for n, u in enumerate(raw):
        if u["id"] in seen:
            b.error(
                ("units", n, "id"),
                msg("the unit id '{id}' is used twice (parks are units)", id=u["id"]),
            )
            continue
        seen.add(u["id"])
        out.append(
            Unit(u["id"], u["name"], u.get("kind", "department"), tuple(u.get("aliases") or ()))
        )
    return tuple(out)


def unit_names(units: tuple[Unit, ...]) -> dict[str, str]:
    """Every way a unit may be named (id, name, alias) → its id; an id wins over a name."""
    out: dict[str, str] = {}
    for u in units:
        for name in (*u.aliases, u.name):
            out.setdefault(name, u.id)
    out.update({u.id: u.id for u in units})
    return out


def owner_unit(units: tuple[Unit, ...], owner: str) -> str:
    """The id of the unit `owner` names (its id, name or alias); BadUsage naming the units,
    and the closest name, when none has it."""
    names = unit_names(units)
    unit = names.get(owner.strip())
    if unit is not None:
        return unit
    import difflib

    close = difflib.get_close_matches(owner, list(names), n=1)
    ids = ", ".join(sorted(set(names.values())))
    if close:
        raise BadUsage(
            msg(
                "unknown unit {owner!r} (units: {ids}); did you mean '{meant}'?",
                owner=owner,
                ids=ids,
                meant=close[0],
            )
        )
    raise BadUsage(msg("unknown unit {owner!r} (units: {ids})", owner=owner, ids=ids))


def _owners(b: PlanParts, names: dict[str, str], raw: Any, at: YPath) -> tuple[str, ...]:
    written = [raw] if isinstance(raw, str) else list(raw)
    out: list[str] = []
    for k, name in enumerate(written):
        where = at if isinstance(raw, str) else (*at, k)
        unit = names.get(str(name).strip())
        if unit is None:
            b.error(where, unknown_unit(b, str(name), names))
        elif unit not in out:
            out.append(unit)
    return tuple(out)


def unknown_unit(b: PlanParts, name: str, names: dict[str, str]) -> str:
    """The message for an owner that names no unit, with the closest name."""
    ids = sorted(set(names.values()))
    close = b._close(name, list(names))
    shown = ", ".join(ids[:12])
    if len(ids) > 12:
        shown = msg("{listed}, … ({count:,} in all)", listed=shown, count=len(ids))
    if close:
        return msg(
            "unknown unit '{name}' (units: {shown}); did you mean '{meant}'?",
            name=visible(name),
            shown=shown,
            meant=close[0],
        )
    return msg(
        "unknown unit '{name}' (units: {shown}); declare it under units:",
        name=visible(name),
        shown=shown,
    )


def _tasks(
    b: PlanParts, names: dict[str, str], raw: list[dict[str, Any]], plan_year: int
) -> tuple[Task, ...]:
    out: list[Task] = []
    seen: set[str] = set()
    for n, t in enumerate(raw):
        at: YPath = ("tasks", n)
        if t["id"] in seen:
            b.error((*at, "id"), msg("task id '{id}' is used twice", id=t["id"]))
        seen.add(t["id"])
        year = int(t.get("year", plan_year))
        if year < plan_year:
            b.error(
                (*at, "year"),
                msg(
                    "the task's year {year} is before the plan's, {plan}", year=year, plan=plan_year
                ),
            )
            continue
        text = str(t.get("by", "年底前"))
        due = _due(b, text, year, (*at, "by") if "by" in t else at)
        owners = list(_owners(b, names, t.get("owners") or [], (*at, "owners")))
        if t.get("lead") is not None:
            lead = _owners(b, names, t["lead"], (*at, "lead"))
            owners = [*lead, *(o for o in owners if o not in lead)]
        for k, park in enumerate(t.get("parks") or []):
            if park not in b.names.parks:
                b.error((*at, "parks", k), b.unknown_park(park))
        milestones = _milestones(b, t.get("milestones") or [], year, due, (*at, "milestones"))
        if due is None or milestones is None:
            continue
        out.append(
            Task(
                id=t["id"],
                name=t["name"],
                due=due,
                due_text=text,
                owners=tuple(owners),
                tier=t.get("tier"),
                parks=tuple(t.get("parks") or ()),
                milestones=milestones,
                source=t.get("source"),
                group=t.get("group"),
                year=year,
                loc=b.loc(at),
            )
        )
    return tuple(out)


def _due(b: PlanParts, text: str, year: int, at: YPath) -> date | None:
    """A deadline read by the plan's deadline reader, in `year`; a later year's date is
    refused with how to state it."""
    due = b.events.get(text.strip()) or parse_deadline(text, year)
    if due is not None and due.year != year:
        b.error(
            at,
            msg(
                "the deadline {text!r} ({due}) is not in {year}, the task's year; write year: "
                "{later} on the task if it is due in a later year",
                text=text,
                due=due,
                year=year,
                later=due.year,
            ),
        )
        return None
    return b.deadline(text, year, at)


def _milestones(
    b: PlanParts, raw: list[dict[str, Any]], year: int, due: date | None, at: YPath
) -> tuple[Milestone, ...] | None:
    out: list[Milestone] = []
    bad = False
    last: Milestone | None = None
    for k, m in enumerate(raw):
        where: YPath = (*at, k)
        if any(o.name == m["name"] for o in out):
            b.error(
                (*where, "name"),
                msg("the milestone {name!r} is named twice in this task", name=m["name"]),
            )
            bad = True
            continue
        day = None
        if m.get("by") is not None:
            day = _due(b, str(m["by"]), year, (*where, "by"))
            if day is None:
                bad = True
                continue
        if day is not None and last is not None and last.due is not None and day < last.due:
            b.error(
                (*where, "by"),
                msg(
                    "the milestone {name!r} is due {day}, before {last!r} ({due}), the milestone "
                    "before it; list milestones in order, or correct the date",
                    name=m["name"],
                    day=day,
                    last=last.name,
                    due=last.due,
                ),
            )
            bad = True
        elif day is not None and due is not None and day > due:
            b.error(
                (*where, "by"),
                msg(
                    "the milestone {name!r} is due {day}, after the task's deadline ({due})",
                    name=m["name"],
                    day=day,
                    due=due,
                ),
            )
            bad = True
        ms = Milestone(m["name"], day, str(m.get("by") or ""), b.loc(where))
        out.append(ms)
        if day is not None:
            last = ms
    return None if bad else tuple(out)
