"""Reading a plan's `scoring:` block into a `Scheme`, with every problem the schema cannot see.

The schema has checked the shape; this reader checks the meaning: percentages, indicators and
parks that exist, a department for every item when departments are ranked, a target to score
each item against (a zone total needs each park's share under `split:`), steps (`per:`) in
the unit of what they step over, bands from highest to lowest.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .. import kinds
from ..errors import Problem, msg
from ..kinds.targeting import (
    applies_as_is,
    gap_unit,
    park_targets,
    split_kind,
    unit_target,
    zone_target,
)
from ..model import units
from ..model.plan import Indicator, Park, Target
from ..model.scheme import ONE, ZERO, Department, Item, Rule, Scheme
from .reader import Names
from .scoring import RuleReader
from .yamlstrict import Document
from .yamlstrict import Path as YPath


class SchemeReader(RuleReader):
    """Builds the Scheme of one plan document."""

    def __init__(self, doc: Document, names: Names, problems: list[Problem], year: int) -> None:
        super().__init__(doc, names, problems)
        self.plan_year = year

    def scheme(
        self, raw: dict[str, Any], indicators: tuple[Indicator, ...], parks: tuple[Park, ...]
    ) -> Scheme | None:
        at: YPath = ("scoring",)
        self.parents = {p.id: p.parent for p in parks}
        kind = raw.get("units", "parks")
        if kind == "parks" and not parks:
            self.error(
                (*at, "units") if "units" in raw else at,
                msg(
                    "ranking parks needs parks under 'parks:'; this plan lists none (rank "
                    "departments instead: units: departments)"
                ),
            )
            return None
        departments = self.departments(raw.get("departments") or [], kind)
        default = self.rule(raw.get("rule", "proportional"), (*at, "rule"))
        known = {i.id: i for i in indicators}
        items = []
        seen: dict[tuple[str, str | None, str | None], int] = {}
        for n, r in enumerate(raw["items"]):
            item_at = (*at, "items", n)
            ind = known.get(r["indicator"])
            if ind is None:
                self.error((*item_at, "indicator"), self.unknown_indicator(r["indicator"]))
                continue
            rule = self.rule(r["rule"], (*item_at, "rule")) if "rule" in r else default
            key = (ind.id, r.get("tier"), r.get("department"))
            if key in seen:
                self.error(
                    (*item_at, "indicator"),
                    msg(
                        "'{id}' is scored twice (also item {item}); give it one weight",
                        id=ind.id,
                        item=seen[key] + 1,
                    ),
                )
            seen[key] = n
            item = self.item(r, ind, rule, kind, departments, item_at)
            if item is not None:
                items.append(item)
        if kind == "departments":
            answered = {i.department for i in items}
            for n, d in enumerate(departments):
                if d.id not in answered:
                    self.error(
                        (*at, "departments", n, "id"),
                        msg(
                            "department '{id}' answers for no item; give it items or remove it",
                            id=d.id,
                        ),
                    )
        coefficients = []
        ranked = [p.id for p in parks if p.parent is None]
        ids = {d.id for d in departments} if kind == "departments" else set(ranked)
        for unit, value in (raw.get("coefficients") or {}).items():
            if unit in self.parents and unit not in ids and kind == "parks":
                self.error(
                    (*at, "coefficients", unit),
                    msg(
                        "'{unit}' lies inside '{parent}'; the zone's own parks are ranked "
                        "({ranked})",
                        unit=unit,
                        parent=self.parents[unit],
                        ranked=", ".join(ranked),
                    ),
                    key=True,
                )
            elif unit not in ids:
                if kind == "departments":
                    said = msg(
                        "unknown department '{unit}' (ranked: {ranked})",
                        unit=unit,
                        ranked=", ".join(sorted(ids)),
                    )
                else:
                    said = msg(
                        "unknown park '{unit}' (ranked: {ranked})",
                        unit=unit,
                        ranked=", ".join(sorted(ids)),
                    )
                self.error(
                    (*at, "coefficients", unit),
                    said,
                    key=True,
                )
            coefficients.append((unit, Decimal(str(value))))
        missing = raw.get("missing", "zero")
        share = ZERO if missing == "zero" else ONE if missing == "full" else None
        if share is None:
            share = self.share(missing, (*at, "missing"), most=ONE)
        return Scheme(
            items=tuple(items),
            units=kind,
            departments=departments,
            coefficients=tuple(coefficients),
            missing=share,
            precision=int(raw.get("precision", 2)),
            schedule=bool(raw.get("schedule", True)),
            note=raw.get("note"),
            loc=self.loc(at),
        )

    def departments(self, raw: list[dict[str, Any]], kind: str) -> tuple[Department, ...]:
        at: YPath = ("scoring", "departments")
        if kind == "departments" and not raw:
            self.error(
                ("scoring",), msg("units: departments needs a 'departments:' list (id, name)")
            )
        elif kind == "parks" and raw:
            self.error(
                at, msg("departments are listed but parks are ranked; add units: departments")
            )
        out, seen = [], set()
        for n, d in enumerate(raw):
            if d["id"] in seen:
                self.error((*at, n, "id"), msg("department id '{id}' is used twice", id=d["id"]))
            seen.add(d["id"])
            out.append(Department(d["id"], d["name"]))
        return tuple(out)

    def item(
        self,
        r: dict[str, Any],
        ind: Indicator,
        rule: Rule,
        kind: str,
        departments: tuple[Department, ...],
        at: YPath,
    ) -> Item | None:
        year, tier = self.plan_year, r.get("tier")
        department = r.get("department")
        if kind == "departments":
            ids = [d.id for d in departments]
            if ids:
                listed = msg("one of {ids}", ids=", ".join(ids))
            else:
                listed = msg("none is listed under departments:")
            if department is None:
                self.error(
                    at, msg("item '{id}' needs 'department:' ({listed})", id=ind.id, listed=listed)
                )
            elif department not in ids:
                self.error(
                    (*at, "department"),
                    msg("unknown department '{unit}' ({listed})", unit=department, listed=listed),
                )
        elif department is not None:
            self.error(
                (*at, "department"),
                msg("parks are ranked; 'department:' needs units: departments"),
            )
        base = zone_target(ind, year, tier)
        own = park_targets(ind, year, tier)
        split = self.split(r.get("split") or {}, ind, base, (*at, "split"))
        if split and kind == "departments":
            self.error(
                (*at, "split"), msg("a split gives parks their targets; departments are ranked")
            )
        if not split and base is None and not own:
            if tier:
                said = msg(
                    "'{id}' has no target of tier {tier} for {year} to score against; add one, or "
                    "give each park's target under 'split:'",
                    id=ind.id,
                    tier=tier,
                    year=year,
                )
            else:
                said = msg(
                    "'{id}' has no target for {year} to score against; add one, or give each "
                    "park's target under 'split:'",
                    id=ind.id,
                    year=year,
                )
            self.error((*at, "indicator"), said)
            return None
        if (
            kind == "parks"
            and not r.get("split")
            and not own
            and base is not None
            and not applies_as_is(ind, base)
        ):
            self.error(
                (*at, "indicator"),
                msg(
                    "'{id}' has a zone total as its target ({target}), which no single park is "
                    "held to; give each park's share under 'split:' (分解目标)",
                    id=ind.id,
                    target=base.text,
                ),
            )
            return None
        if kind == "departments" and base is None:
            self.error(
                (*at, "indicator"),
                msg(
                    "'{id}' has only parks' targets for {year}; a department is scored on a "
                    "target for the whole zone",
                    id=ind.id,
                    year=year,
                ),
            )
            return None
        if rule.per is not None:
            target = base or (own[0] if own else None)
            gap = gap_unit(ind, target)
            if split:
                split_as, split_unit = split_kind(ind, base)
                gap = gap_unit(ind, Target(split_as, year, "", unit=split_unit))
            if (target is not None and kinds.get(target.kind).yes_no) or not units.compatible(
                rule.per_unit, gap
            ):
                self.error(
                    (*at, "rule") if "rule" in r else ("scoring", "rule"),
                    msg(
                        "a step of {step} does not measure '{id}', whose gap is in {unit}",
                        step=rule.per_text,
                        id=ind.id,
                        unit=units.display(gap),
                    ),
                )
                return None
        item = Item(
            indicator=ind.id,
            weight=Decimal(str(r["weight"])),
            rule=rule,
            tier=tier,
            split=tuple(split),
            department=department,
            note=r.get("note"),
            loc=self.loc(at),
        )
        if kind == "parks":
            probe = Scheme(items=(item,), units="parks")
            ranked = [p for p, parent in self.parents.items() if parent is None]
            if not any(unit_target(item, ind, p, probe, year) for p in ranked):
                self.error(
                    (*at, "indicator"),
                    msg(
                        "no ranked park ({ranked}) has a target on '{id}' for {year}; give them "
                        "one under 'split:'",
                        ranked=", ".join(ranked),
                        id=ind.id,
                        year=year,
                    ),
                )
                return None
        return item

    def split(
        self, raw: dict[str, Any], ind: Indicator, base: Target | None, at: YPath
    ) -> list[tuple[str, Decimal]]:
        """Each ranked park's share (分解目标), in the measure of the zone's target: a level
        (42 家), a growth rate (15%), an increase; every park of the zone, and only those."""
        if not raw:
            return []
        kind, unit = split_kind(ind, base)
        ranked = [p for p, parent in self.parents.items() if parent is None]
        out = []
        for park, q in raw.items():
            if park not in self.names.parks:
                self.error((*at, park), self.unknown_park(park), key=True)
                continue
            if park not in ranked:
                self.error(
                    (*at, park),
                    msg(
                        "'{unit}' lies inside '{parent}'; the zone's own parks are ranked "
                        "({ranked})",
                        unit=park,
                        parent=self.parents[park],
                        ranked=", ".join(ranked),
                    ),
                    key=True,
                )
                continue
            what = msg("share of park '{park}'", park=park)
            rate = kinds.get(kind).family == "growth"
            if rate:
                said = msg("{what}: a growth rate, like '15%'", what=what)
                amount = self.in_unit(q, "percent", (*at, park), said)
            else:
                amount = self.quantity(q, (*at, park), unit, what)
            if amount is None:
                continue
            if not rate and amount <= 0:
                self.error((*at, park), msg("{what}: a target must be more than zero", what=what))
                continue
            out.append((park, amount))
        left_out = [p for p in ranked if p not in raw]
        if left_out:
            self.error(
                at,
                msg(
                    "no share for {parks}; give every ranked park its target (a park left out "
                    "would rank with no points)",
                    parks=", ".join(left_out),
                ),
            )
        return out
