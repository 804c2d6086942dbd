"""Loading a plan: file → strict YAML → JSON Schema → model, or every problem at once.

The steps: read bytes (missing file, directory, encoding) → strict YAML with positions
(`yamlstrict`) → JSON Schema (`schema`) → model, where what the schema cannot express is
checked: quantities and units, references between ids, duplicates, figure files
(`read.figures`), and each target through its kind (`kinds`). Each problem is a `Problem`
with file, line and column; `InvalidInput` carries them all.

This module owns loading (`load_plan`, `load_figures`, `read_document`) and the builder's core:
putting the plan together, its indicators and their targets. The builder's other parts (parks,
outside units, events and deadlines, context figures, references between indicators) are in
`read.planparts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import kinds
from ..errors import InvalidInput, Problem, UnitError, msg
from ..model import units
from ..model.periods import Period
from ..model.plan import Figure, Indicator, Plan, Target
from .figfile import read_figure_file
from .figures import FigureReader, duplicates
from .planparts import PlanParts
from .reader import Names
from .textfile import not_a_file, read_bytes
from .yamlstrict import Document, read_yaml
from .yamlstrict import Path as YPath

__all__ = ["load_figures", "load_plan", "read_bytes", "read_document"]


def read_document(path: str | Path) -> Document:
    """A YAML file read strictly, checked to be a mapping at the top."""
    doc = read_yaml(read_bytes(path), str(path))
    if not isinstance(doc.data, dict):
        if isinstance(doc.data, list):
            said = msg("the top level is a list; a plan is a mapping with keys id, title, year…")
        else:
            said = msg(
                "the top level is the value {value!r}; a plan is a mapping with keys id, title, "
                "year…",
                value=doc.data,
            )
        raise InvalidInput([doc.problem((), said)])
    return doc


def load_plan(
    path: str | Path,
    *,
    data: Iterable[str | Path] = (),
    skip_unknown: bool = False,
    period: Period | None = None,
) -> Plan:
    """Read, validate and build a plan; figure files in `data` are layered over its figures.
    `skip_unknown`: rows of tables for indicators the plan does not have are left out with a
    warning instead of refused; `period`: the period of a table that does not state its own
    (a 统计月报's 本月 and 累计 columns). The same figure in several files is settled by their
    statuses (read/revisions.py)."""
    from .schema import validate_plan

    doc = read_document(path)
    problems = validate_plan(doc)
    if problems:
        raise InvalidInput(problems)
    data = list(data)
    try:
        builder = _PlanBuilder(doc)
        builder.names.skip_unknown, builder.names.period = skip_unknown, period
        plan = builder.build()
    except Exception:  # the model assumes a valid plan: was it remembered as one wrongly?
        from .schema import forget, remembered

        if not remembered(doc):
            raise
        forget(doc)
        problems = validate_plan(doc, cache=False)
        if problems:
            raise InvalidInput(problems) from None
        raise
    extra: list[Figure] = []
    notes = list(plan.notes)
    for data_path in data:
        figures, file_notes = read_figure_file(Path(data_path), builder.names, builder.problems)
        extra.extend(figures)
        notes.extend(file_notes)
    if len(data) > 1:  # the same figure in two files: a revision, or two values refused
        from .revisions import settle_revisions

        extra, revised = settle_revisions(
            extra, builder.names.statuses, builder.names.indicators, builder.problems
        )
        notes.extend(revised)
    if builder.names.skipped:
        notes.append(_skipped(builder.names.skipped))
    if builder.problems:
        raise InvalidInput(builder.problems)
    replaced = {f.key for f in extra} if plan.figures else set()  # --data replaces the
    kept = tuple(f for f in plan.figures if f.key not in replaced)  # plan's figure for a key
    inputs = (*plan.inputs, *(str(d) for d in data))
    return Plan(
        **{
            **plan._asdict(),
            "figures": kept + tuple(extra),
            "notes": tuple(notes),
            "inputs": inputs,
        }
    )


def _skipped(names: list[str]) -> str:
    """The one warning for the rows --skip-unknown left out: how many, and the first names."""
    distinct = list(dict.fromkeys(names))
    shown = ", ".join(distinct[:5])
    if len(distinct) > 5:
        shown = msg("{shown} and {more} more", shown=shown, more=len(distinct) - 5)
    if len(names) == 1:
        return msg(
            "warning: skipped 1 row for indicators the plan does not have (--skip-unknown): "
            "{shown}",
            shown=shown,
        )
    return msg(
        "warning: skipped {count} rows for indicators the plan does not have (--skip-unknown): "
        "{shown}",
        count=len(names),
        shown=shown,
    )


def load_figures(path: str | Path, plan: Plan) -> list[Figure]:
    """Figures of a CSV or YAML figure file for `plan`; InvalidInput on any problem."""
    names = Names({i.id: i for i in plan.indicators}, {p.id for p in plan.parks})
    names.last_year = last_year(plan.year, plan.indicators)
    names.places = {p.id: p for p in (*plan.parks, *plan.outside)}
    names.region = plan.region
    problems: list[Problem] = []
    figures, _ = read_figure_file(Path(path), names, problems)
    if problems:
        raise InvalidInput(problems)
    return figures


def last_year(year: int, indicators: Iterable[Indicator]) -> int:
    """The last year a plan's figures can be used for: its year, or its last target's."""
    return max([year, *(t.year for i in indicators for t in i.targets)])


def _has_owners(indicators: list[dict[str, Any]]) -> bool:
    return any(
        "owners" in i or any("owners" in t for t in i.get("targets") or []) for i in indicators
    )


class _PlanBuilder(PlanParts):
    """Builds the model of one plan document, collecting every semantic problem."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc, Names(), [])
        self.plan_year = int(doc.data["year"])

    def build(self) -> Plan:
        d = self.doc.data
        parks = self.parks(d.get("parks") or [])
        outside = self.outside(d.get("outside") or [], {p.id for p in parks})
        self.outside_ids = {o.id for o in outside}
        self.names.parks = {p.id for p in parks}
        self.events = self.event_dates(d.get("events") or [])
        indicators = self.indicators(d["indicators"])
        # figures may be given for an outside unit (the city's total, for a share of it)
        self.names.parks = {p.id for p in parks} | {o.id for o in outside}
        self.names.places = {p.id: p for p in (*parks, *outside)}
        self.names.region = d.get("region")
        self.names.indicators = {i.id: i for i in indicators}
        self.names.last_year = last_year(self.plan_year, indicators)
        self.references(indicators, d["indicators"])
        figures = FigureReader(self.doc, self.names, self.problems).figures(
            d.get("figures") or [], ("figures",)
        )
        base_dir = Path(self.file).parent
        self.inputs = [self.file, *(str(base_dir / rel) for rel in d.get("data") or [])]
        for n, rel in enumerate(d.get("data") or []):
            path = base_dir / rel
            if not path.exists():
                self.error(
                    ("data", n),
                    msg("figure file {rel!r} does not exist (relative to the plan)", rel=rel),
                )
                continue
            odd = not_a_file(path)
            if odd:
                self.error(
                    ("data", n),
                    msg(
                        "figure file {rel!r} is {odd}, not a file; zonekpi reads only regular "
                        "files",
                        rel=rel,
                        odd=odd,
                    ),
                )
                continue
            loaded, _ = read_figure_file(path, self.names, self.problems)
            figures.extend(loaded)
        self.problems.extend(duplicates(figures))
        scoring = None
        if d.get("scoring") is not None:
            from .scheme import SchemeReader

            reader = SchemeReader(self.doc, self.names, self.problems, self.plan_year)
            scoring = reader.scheme(d["scoring"], indicators, parks)
        incentives = None
        if d.get("incentives") is not None:
            from .policy import PolicyReader

            incentives = PolicyReader(self.doc, self.names, self.problems).policy(d["incentives"])
        ledger = None
        if d.get("units") or d.get("tasks") or _has_owners(d["indicators"]):
            from .tasks import read_ledger

            ledger = read_ledger(self, d, parks, self.plan_year)
        return Plan(
            id=d["id"],
            title=d["title"],
            year=self.plan_year,
            file=self.file,
            region=d.get("region"),
            source=dict(d.get("source") or {}),
            parks=parks,
            indicators=indicators,
            figures=tuple(figures),
            elapsed=d.get("elapsed", "months"),
            inputs=tuple(self.inputs),
            notes=tuple(self.doc.notes),
            scoring=scoring,
            incentives=incentives,
            outside=outside,
            context=self.context(d.get("context") or []),
            ledger=ledger,
        )

    def indicators(self, raw: list[dict[str, Any]]) -> tuple[Indicator, ...]:
        out = []
        seen: set[str] = set()
        for n, ind in enumerate(raw):
            at: YPath = ("indicators", n)
            if ind["id"] in seen:
                self.error((*at, "id"), msg("indicator id '{id}' is used twice", id=ind["id"]))
            seen.add(ind["id"])
            try:
                unit = units.parse_unit(ind["unit"])
            except UnitError as exc:
                self.error((*at, "unit"), exc.message)
                continue
            share = ind.get("share")
            per_capita = ind.get("per_capita")
            proto = Indicator(
                id=ind["id"],
                name=ind["name"],
                unit=unit,
                direction=ind.get("direction"),
                growth_basis=ind.get("growth_basis", "current"),
                name_en=ind.get("name_en"),
                share=(share["numerator"], share["denominator"]) if share else None,
                share_of=share.get("of") if share else None,
                per_capita=(
                    (
                        per_capita["value"],
                        per_capita["population"],
                        int(per_capita.get("per", 10000)),
                    )
                    if per_capita
                    else None
                ),
                group=ind.get("group"),
                source=ind.get("source"),
                loc=self.loc(at),
                rollup=ind.get("rollup"),
                stock=bool(ind.get("stock", False)),
                was=ind.get("was"),
                can_be_negative=bool(ind.get("can_be_negative", False)),
                aliases=tuple(ind.get("aliases") or ()),
            )
            if proto.rollup == "sum" and (share or per_capita or units.is_percent(unit)):
                self.error(
                    (*at, "rollup"),
                    msg(
                        "a percentage or ratio is never summed over parks; remove 'rollup: sum' "
                        "(shares and per-capita values are computed from summed terms)"
                    ),
                )
            elif proto.rollup == "none" and (share or per_capita):
                self.error(
                    (*at, "rollup"),
                    msg(
                        "a share or per-capita indicator is computed from its terms; put "
                        "'rollup: none' on the numerator or denominator whose sum is wrong"
                    ),
                )
            if proto.share_of is not None and proto.share_of not in self.outside_ids:
                known = ", ".join(sorted(self.outside_ids)) or "none"
                self.error(
                    (*at, "share", "of"),
                    msg(
                        "'{of}' is not an outside unit (outside: {known}); declare it under "
                        "outside:, for example {{id: city, name: 新乡市}}",
                        of=proto.share_of,
                        known=known,
                    ),
                )
            targets = tuple(
                t
                for k, raw_t in enumerate(ind.get("targets") or [])
                if (t := self.target(raw_t, proto, (*at, "targets", k))) is not None
            )
            out.append(proto._replace(targets=targets))
        return tuple(out)

    def target(self, raw: dict[str, Any], ind: Indicator, at: YPath) -> Target | None:
        name = next(k for k in raw if k in kinds.KINDS)
        kind = kinds.get(name)
        year = int(raw.get("year", self.plan_year))
        park = raw.get("park")
        if park is not None and park not in self.names.parks:
            self.error((*at, "park"), self.unknown_park(park))
        if kind.per_park and not self.names.parks:
            if name[0] in "aeiou":
                said = msg(
                    "an {name} target needs parks; this plan lists none under 'parks:'", name=name
                )
            else:
                said = msg(
                    "a {name} target needs parks; this plan lists none under 'parks:'", name=name
                )
            self.error((*at, name), said)
            return None
        common: dict[str, Any] = {
            "kind": name,
            "year": year,
            "tier": raw.get("tier"),
            "park": park,
            "source": raw.get("source"),
            "loc": self.loc(at),
            "two_sided": bool(raw.get("two_sided", False)),
        }
        if raw.get("two_sided") and name != "between":
            self.error((*at, "two_sided"), msg("two_sided is for a between range only"))
        if raw.get("by") is not None:
            due = self.deadline(str(raw["by"]), year, (*at, "by"))
            if due is None:
                return None
            common.update(due=due, due_text=str(raw["by"]))
        return kind.read(raw, at, ind, common, self)

    def is_park(self, park: str) -> bool:
        return park in self.names.parks
