"""The parts of a plan that its builder reads besides indicators and targets.

Parks (their ids, parents, cycles and nesting depth), outside units, events and the deadlines
written with them (`by:`), context figures, and the references between indicators (a share's
numerator and denominator, a per-capita value and population). `PlanParts` is the base of the
plan builder in `read.plan`, which reads the indicators and their targets and puts the plan
together; these methods record problems through it like the rest of the builder.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ..errors import UnitError, msg
from ..model import units
from ..model.periods import parse_deadline
from ..model.plan import Context, Indicator, Park
from .reader import Reader
from .yamlstrict import Path as YPath

MAX_PARK_DEPTH = 16  # parks inside parks (区中园): a zone, its parks, theirs… 16 levels at most


class PlanParts(Reader):
    """Reads a plan's parks, outside units, events, deadlines, context and references."""

    events: dict[str, date]

    def parks(self, raw: list[dict[str, Any]]) -> tuple[Park, ...]:
        seen: dict[str, int] = {}
        out = []
        for n, p in enumerate(raw):
            if p["id"] in seen:
                self.error(("parks", n, "id"), msg("park id '{id}' is used twice", id=p["id"]))
            seen[p["id"]] = n
            out.append(
                Park(
                    p["id"],
                    p["name"],
                    p.get("role"),
                    p.get("name_en"),
                    p.get("parent"),
                    tuple(p.get("aliases") or ()),
                )
            )
        self.names.parks = set(seen)
        reported: set[str] = set()  # parks on a cycle already reported: one line a cycle
        for n, park in enumerate(out):
            if park.parent is None or park.id in reported:
                continue
            if park.parent not in seen:
                self.error(("parks", n, "parent"), self.unknown_park(park.parent))
            elif _reaches(park.parent, park.id, parents := {p.id: p.parent for p in out}):
                path = [park.id]
                while (up := parents[path[-1]]) is not None and up not in path:
                    path.append(up)
                reported.update(path)
                self.error(
                    ("parks", n, "parent"),
                    msg(
                        "park '{id}' would lie inside itself ({path}); a park's parent must be a "
                        "park that is not inside it",
                        id=park.id,
                        path=" → ".join([*path, park.id]),
                    ),
                )
        if not reported:
            self.nesting(out)
        return tuple(out)

    def nesting(self, parks: list[Park]) -> None:
        """A problem for the first park nested deeper than MAX_PARK_DEPTH (区中园 inside 园区
        inside the zone is 2 levels): the roll-ups go down the parks one level at a time."""
        parents = {p.id: p.parent for p in parks}
        depth: dict[str | None, int] = {None: 0}
        for n, park in enumerate(parks):
            chain: list[str] = []
            node: str | None = park.id
            while node not in depth and node in parents and node not in chain:
                chain.append(node)
                node = parents[node]
            level = depth.get(node, 0)
            for inner in reversed(chain):
                level += 1
                depth[inner] = level
            if depth[park.id] > MAX_PARK_DEPTH:
                path = [park.id]
                while (up := parents.get(path[-1])) is not None and len(path) <= depth[park.id]:
                    path.append(up)
                path.reverse()
                shown = path if len(path) <= 6 else [*path[:2], "…", *path[-2:]]
                self.error(
                    ("parks", n, "parent"),
                    msg(
                        "park '{id}' is nested {depth} levels deep ({path}); parks are nested at "
                        "most {most} levels",
                        id=park.id,
                        depth=depth[park.id],
                        path=" → ".join(shown),
                        most=MAX_PARK_DEPTH,
                    ),
                )
                return

    def deadline(self, text: str, year: int, at: YPath) -> date | None:
        """The date of a deadline written `text` for a target of `year`, or None after
        recording why it cannot be read."""
        due = self.events.get(text.strip()) or parse_deadline(text, year)
        if due is None:
            said = msg(
                "cannot read the deadline {text!r}: write a month (2018-06), a date (2018-06-30), "
                "上半年, 三季度末, 年底前, 6月底前 or an event under events:",
                text=text,
            )
            if self.events:
                said = msg(
                    "{said}; the plan's events: {events}", said=said, events=", ".join(self.events)
                )
            self.error(at, said)
            return None
        if due.year != year:
            self.error(
                at,
                msg(
                    "the deadline {text!r} ({due}) is not in {year}, the year of the target",
                    text=text,
                    due=due,
                    year=year,
                ),
            )
            return None
        return due

    def event_dates(self, raw: list[dict[str, Any]]) -> dict[str, date]:
        """Each event's name (and id) → its date, for `by:`."""
        out: dict[str, date] = {}
        for n, e in enumerate(raw):
            try:
                day = date.fromisoformat(e["date"])
            except ValueError:
                self.error(
                    ("events", n, "date"),
                    msg("{date!r} is not a date (2018-04-08)", date=e["date"]),
                )
                continue
            for key in (e["name"], e.get("id")):
                if key is not None and key in out:
                    self.error(("events", n), msg("the event {key!r} is named twice", key=key))
                elif key is not None:
                    out[key] = day
        return out

    def outside(self, raw: list[dict[str, Any]], parks: set[str]) -> tuple[Park, ...]:
        out: list[Park] = []
        for n, o in enumerate(raw):
            if o["id"] in parks or any(p.id == o["id"] for p in out):
                self.error(("outside", n, "id"), msg("the id '{id}' is used twice", id=o["id"]))
                continue
            out.append(Park(o["id"], o["name"], "outside"))
        return tuple(out)

    def context(self, raw: list[dict[str, Any]]) -> tuple[Context, ...]:
        """Figures the document states without a target: kept as written, never checked."""
        out: list[Context] = []
        for n, c in enumerate(raw):
            at: YPath = ("context", n)
            if c.get("park") is not None and c["park"] not in self.names.parks:
                self.error((*at, "park"), self.unknown_park(c["park"]))
            value = self.any_quantity(c["value"], (*at, "value"))
            count = self.any_quantity(c["count"], (*at, "count")) if "count" in c else None
            if value is None or ("count" in c and count is None):
                continue
            out.append(
                Context(
                    name=c["name"],
                    value=value[0],
                    unit=value[1],
                    number=count[0] if count else None,
                    number_unit=count[1] if count else "",
                    id=c.get("id"),
                    year=c.get("year"),
                    park=c.get("park"),
                    group=c.get("group"),
                    source=c.get("source"),
                    note=c.get("note"),
                    loc=self.loc(at),
                )
            )
        return tuple(out)

    def any_quantity(self, raw: Any, at: YPath) -> tuple[Decimal, str] | None:
        """A quantity in the unit it is written in (a context figure has no indicator)."""
        try:
            q = units.parse_quantity(raw)
        except UnitError as exc:
            self.error(at, exc.message)
            return None
        if q.unit is None:
            self.error(
                at, msg("{raw!r}: write the unit too, for example '505 亿元' or '67 个'", raw=raw)
            )
            return None
        return q.value, q.unit

    def references(self, indicators: tuple[Indicator, ...], raw: list[dict[str, Any]]) -> None:
        terms = _terms(indicators)
        on_cycle: set[str] = set()  # one line a cycle
        # where each indicator was written (one left out for a bad unit shifts the others)
        written = {r["id"]: n for n, r in reversed(list(enumerate(raw)))}
        for ind in indicators:
            n = written[ind.id]
            at = ("indicators", n)
            pairs: list[tuple[str, str]] = []
            if ind.share:
                pairs += [("share", "numerator"), ("share", "denominator")]
            if ind.per_capita:
                pairs += [("per_capita", "value"), ("per_capita", "population")]
            for block, key in pairs:
                ref = raw[n][block][key]
                if ref not in self.names.indicators:
                    self.error((*at, block, key), self.unknown_indicator(ref))
                elif key == "population" and not units.compatible(
                    self.names.indicators[ref].unit, "人"
                ):
                    self.error(
                        (*at, block, key),
                        msg(
                            "the population '{ref}' is measured in {unit}; per capita needs "
                            "people (人, 万人)",
                            ref=ref,
                            unit=units.display(self.names.indicators[ref].unit),
                        ),
                    )
                elif ref == ind.id:
                    self.error(
                        (*at, block, key), msg("indicator '{id}' cannot refer to itself", id=ind.id)
                    )
                elif ind.id not in on_cycle and _reaches(ref, ind.id, terms):
                    on_cycle.update(
                        i
                        for i in terms
                        if _reaches(i, ind.id, terms) and _reaches(ind.id, i, terms)
                    )
                    self.error(
                        (*at, block, key),
                        msg(
                            "indicator '{id}' is computed from itself through '{ref}'; a share or "
                            "per-capita indicator must refer to reported figures",
                            id=ind.id,
                            ref=ref,
                        ),
                    )
                    break


def _terms(indicators: tuple[Indicator, ...]) -> dict[str, list[str]]:
    """Each ratio indicator's terms (numerator and denominator, or value and population)."""
    out: dict[str, list[str]] = {}
    for ind in indicators:
        if ind.share:
            out[ind.id] = list(ind.share)
        elif ind.per_capita:
            out[ind.id] = list(ind.per_capita[:2])
    return out


def _reaches(start: str, goal: str, edges: dict[str, str | None] | dict[str, list[str]]) -> bool:
    """Whether following `edges` from `start` (itself included) arrives at `goal`."""
    seen = {start}
    todo = [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        nxt = edges.get(node)
        for n in [nxt] if isinstance(nxt, str) else nxt or []:
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return False
