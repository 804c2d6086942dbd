"""Loading: a plan file (and figure files) → validated model, or every problem at once.

The steps are: read bytes (missing file, directory, encoding) → strict YAML with positions
(`yamlread`) → JSON Schema (`schema`) → model, where the checks the schema cannot express are
made: quantities and units, references between ids, duplicates, figure files. Each problem is a
`Problem` with file, line and column; `InvalidInput` carries them all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import units
from .errors import InvalidInput, Problem, UnitError
from .model import Figure, Indicator, Loc, Park, Plan, Target
from .yamlread import Document, decode, read_yaml
from .yamlread import Path as YPath

MAX_FILE_BYTES = 64 * 1024 * 1024
FLAG_WORDS = {"是": True, "否": False, "yes": True, "no": False, "true": True, "false": False}


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file, or InvalidInput with a one-line reason."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InvalidInput([Problem(name, 0, 0, "is a directory; give a plan file (.yaml)")])
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInput(
                [Problem(name, 0, 0, f"is {size:,} bytes; a plan or figure file is at most 64 MB")]
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise InvalidInput([Problem(name, 0, 0, "no such file")]) from None
    except PermissionError:
        raise InvalidInput([Problem(name, 0, 0, "cannot be read (permission denied)")]) from None
    except OSError as exc:
        raise InvalidInput([Problem(name, 0, 0, f"cannot be read ({exc.strerror})")]) from None


def read_document(path: str | Path) -> Document:
    """A YAML file read strictly, checked to be a mapping at the top."""
    doc = read_yaml(read_bytes(path), str(path))
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else f"the value {doc.data!r}"
        raise InvalidInput(
            [
                doc.problem(
                    (), f"the top level is {kind}; a plan is a mapping with keys id, title, year…"
                )
            ]
        )
    return doc


def load_plan(path: str | Path, *, data: Iterable[str | Path] = ()) -> Plan:
    """Read, validate and build a plan; figure files in `data` are layered over its figures."""
    from .schema import validate_plan

    doc = read_document(path)
    problems = validate_plan(doc)
    if problems:
        raise InvalidInput(problems)
    builder = _PlanBuilder(doc)
    plan = builder.build()
    extra: list[Figure] = []
    notes = list(plan.notes)
    for data_path in data:
        figures, file_notes = load_figures(data_path, plan, builder.problems)
        extra.extend(figures)
        notes.extend(file_notes)
    if builder.problems:
        raise InvalidInput(builder.problems)
    if extra:
        plan = _layer(plan, extra)
    if notes != list(plan.notes):
        plan = Plan(**{**plan.__dict__, "notes": tuple(notes)})
    return plan


def _layer(plan: Plan, extra: list[Figure]) -> Plan:
    """Figures from --data replace the plan's figures with the same indicator, park, period."""
    replaced = {f.key for f in extra}
    kept = tuple(f for f in plan.figures if f.key not in replaced)
    return Plan(**{**plan.__dict__, "figures": kept + tuple(extra)})


class _PlanBuilder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.file = doc.file
        self.problems: list[Problem] = []
        self.plan_year = int(doc.data["year"])

    def error(self, path: YPath, message: str, key: bool = False) -> None:
        self.problems.append(self.doc.problem(path, message, key))

    def loc(self, path: YPath) -> Loc:
        line, col = self.doc.where(path)
        return Loc(self.file, line, col)

    def build(self) -> Plan:
        d = self.doc.data
        parks = self.parks(d.get("parks") or [])
        self.park_ids = {p.id for p in parks}
        indicators = self.indicators(d["indicators"])
        self.by_id = {i.id: i for i in indicators}
        self.references(indicators, d["indicators"])
        figures = self.figures(d.get("figures") or [], ("figures",))
        base_dir = Path(self.file).parent
        for n, rel in enumerate(d.get("data") or []):
            path = base_dir / rel
            if not path.is_file():
                self.error(
                    ("data", n), f"figure file {rel!r} does not exist (relative to the plan)"
                )
                continue
            loaded, _ = _read_figure_file(path, self)
            figures.extend(loaded)
        self.duplicates(figures)
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
            notes=tuple(self.doc.notes),
        )

    def parks(self, raw: list[dict[str, Any]]) -> tuple[Park, ...]:
        seen: dict[str, int] = {}
        out = []
        for n, p in enumerate(raw):
            if p["id"] in seen:
                self.error(("parks", n, "id"), f"park id '{p['id']}' is used twice")
            seen[p["id"]] = n
            out.append(Park(p["id"], p["name"], p.get("role"), p.get("name_en")))
        return tuple(out)

    def indicators(self, raw: list[dict[str, Any]]) -> tuple[Indicator, ...]:
        out = []
        seen: set[str] = set()
        for n, ind in enumerate(raw):
            at: YPath = ("indicators", n)
            if ind["id"] in seen:
                self.error((*at, "id"), f"indicator id '{ind['id']}' is used twice")
            seen.add(ind["id"])
            try:
                unit = units.parse_unit(ind["unit"])
            except UnitError as exc:
                self.error((*at, "unit"), str(exc))
                continue
            share = ind.get("share")
            per_capita = ind.get("per_capita")
            proto = Indicator(
                id=ind["id"],
                name=ind["name"],
                unit=unit,
                direction=ind.get("direction", "higher"),
                growth_basis=ind.get("growth_basis", "current"),
                name_en=ind.get("name_en"),
                share=(share["numerator"], share["denominator"]) if share else None,
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
            )
            targets = tuple(
                t
                for k, raw_t in enumerate(ind.get("targets") or [])
                if (t := self.target(raw_t, proto, (*at, "targets", k))) is not None
            )
            out.append(Indicator(**{**proto.__dict__, "targets": targets}))
        return tuple(out)

    def quantity(self, raw: Any, path: YPath, unit: str, what: str) -> Decimal | None:
        """A quantity converted to `unit`, or None after recording the problem."""
        try:
            q = units.parse_quantity(raw)
            return units.convert(q.value, q.unit, unit)
        except UnitError as exc:
            self.error(path, f"{what}: {exc}")
            return None

    def target(self, raw: dict[str, Any], ind: Indicator, at: YPath) -> Target | None:
        kind = next(k for k in raw if k in _TARGET_KEYS)
        year = int(raw.get("year", self.plan_year))
        park = raw.get("park")
        if park is not None and park not in self.park_ids:
            self.error((*at, "park"), self.unknown_park(park))
        common: dict[str, Any] = {
            "kind": kind,
            "year": year,
            "tier": raw.get("tier"),
            "park": park,
            "source": raw.get("source"),
            "loc": self.loc(at),
        }
        value = raw[kind]
        here = (*at, kind)
        unit = ind.unit
        if kind == "growth":
            unit = "percent"
        elif kind == "increase" and units.is_percent(ind.unit):
            unit = "百分点"
        if kind in ("coverage", "per_park", "allocation") and not self.park_ids:
            self.error(here, f"a {kind} target needs parks; this plan lists none under 'parks:'")
            return None
        if kind == "coverage":
            parks = None if value == "all" else tuple(value)
            for k, p in enumerate(parks or ()):
                if p not in self.park_ids:
                    self.error((*here, k), self.unknown_park(p))
            text = "全覆盖" if parks is None else "覆盖 " + "、".join(parks)
            return Target(**common, text=text, unit=unit, parks=parks)
        if kind == "allocation":
            shares = []
            for p, q in value.items():
                if p not in self.park_ids:
                    self.error((*here, p), self.unknown_park(p), key=True)
                amount = self.quantity(q, (*here, p), unit, f"share of park '{p}'")
                if amount is not None:
                    shares.append((p, amount))
            text = "、".join(f"{p} {q}" for p, q in value.items())
            return Target(**common, text=text, unit=unit, shares=tuple(shares))
        if kind == "between":
            low = self.quantity(value[0], (*here, 0), unit, "low end")
            high = self.quantity(value[1], (*here, 1), unit, "high end")
            if low is None or high is None:
                return None
            if low > high:
                self.error(here, f"the low end {value[0]} is above the high end {value[1]}")
            return Target(**common, text=f"{value[0]}–{value[1]}", value=low, high=high, unit=unit)
        if kind == "growth" and not self.unit_is(
            value, "percent", here, "a growth target is a percentage, like '8%'"
        ):
            return None
        if (
            kind == "increase"
            and unit == "百分点"
            and not self.unit_is(
                value,
                "百分点",
                here,
                "the increase of a percentage is in percentage points, like '6.4 个百分点'",
            )
        ):
            return None
        amount = self.quantity(value, here, unit, kind.replace("_", " "))
        if amount is None:
            return None
        tolerance = None
        if kind == "about":
            tol_unit = "百分点" if units.is_percent(ind.unit) else unit
            tolerance = self.quantity(raw["tolerance"], (*at, "tolerance"), tol_unit, "tolerance")
        return Target(
            **common, text=str(value).strip(), value=amount, tolerance=tolerance, unit=unit
        )

    def unit_is(self, raw: Any, unit: str, path: YPath, message: str) -> bool:
        try:
            q = units.parse_quantity(raw)
        except UnitError as exc:
            self.error(path, str(exc))
            return False
        if q.unit != unit:
            self.error(path, f"{raw!r}: {message}")
            return False
        return True

    def unknown_park(self, park: str) -> str:
        known = ", ".join(sorted(self.park_ids)) or "none"
        return f"unknown park '{park}' (parks: {known})"

    def unknown_indicator(self, ind: str) -> str:
        import difflib

        close = difflib.get_close_matches(ind, list(self.by_id), n=1)
        return f"unknown indicator '{ind}'" + (f"; did you mean '{close[0]}'?" if close else "")

    def references(self, indicators: tuple[Indicator, ...], raw: list[dict[str, Any]]) -> None:
        for n, ind in enumerate(indicators):
            at = ("indicators", n)
            pairs: list[tuple[str, str]] = []
            if ind.share:
                pairs += [("share", "numerator"), ("share", "denominator")]
            if ind.per_capita:
                pairs += [("per_capita", "value"), ("per_capita", "population")]
            for block, key in pairs:
                ref = raw[n][block][key]
                if ref not in self.by_id:
                    self.error((*at, block, key), self.unknown_indicator(ref))
                elif ref == ind.id:
                    self.error((*at, block, key), f"indicator '{ind.id}' cannot refer to itself")

    def figure(self, raw: dict[str, Any], at: YPath) -> Figure | None:
        """A figure from a YAML mapping or a CSV row (raw strings), converted to its indicator."""
        ind_id = raw["indicator"]
        if ind_id not in self.by_id:
            self.error((*at, "indicator"), self.unknown_indicator(ind_id))
            return None
        ind = self.by_id[ind_id]
        park = raw.get("park") or None
        if park is not None and park not in self.park_ids:
            self.error((*at, "park"), self.unknown_park(park))
            return None
        period = raw["period"]
        value = flag = growth = base = change = None
        if raw.get("value") is not None:
            v = raw["value"]
            if ind.unit == "是否":
                flag = _flag(v)
                if flag is None:
                    self.error((*at, "value"), f"{v!r}: a 是否 indicator takes 是 or 否")
                    return None
            elif isinstance(v, bool):
                self.error(
                    (*at, "value"),
                    f"{v!r}: '{ind.id}' is measured in {units.display(ind.unit)}, not yes/no",
                )
                return None
            else:
                value = self.quantity(v, (*at, "value"), ind.unit, f"value of '{ind.id}'")
                if value is None:
                    return None
        if raw.get("growth") is not None:
            if not self.unit_is(
                raw["growth"], "percent", (*at, "growth"), "growth is a percentage, like '6.3%'"
            ):
                return None
            growth = units.parse_quantity(raw["growth"]).value
        if raw.get("base") is not None:
            base = self.quantity(raw["base"], (*at, "base"), ind.unit, "base")
        if raw.get("change") is not None:
            change_unit = "百分点" if units.is_percent(ind.unit) else ind.unit
            change = self.quantity(raw["change"], (*at, "change"), change_unit, "change")
        return Figure(
            ind_id,
            park,
            int(period),
            value,
            flag,
            growth,
            base,
            change,
            raw.get("note"),
            self.loc(at),
        )

    def figures(self, raw: list[dict[str, Any]], at: YPath) -> list[Figure]:
        out = []
        for n, item in enumerate(raw):
            fig = self.figure(item, (*at, n))
            if fig is not None:
                out.append(fig)
        return out

    def duplicates(self, figures: list[Figure]) -> None:
        first: dict[tuple[str, str | None, int], Figure] = {}
        for fig in figures:
            if fig.key in first:
                prev = first[fig.key].loc
                where = (
                    f"{prev.file}:{prev.line}" if prev.file != fig.loc.file else f"line {prev.line}"
                )
                park = f", park {fig.park}" if fig.park else ""
                self.problems.append(
                    Problem(
                        fig.loc.file,
                        fig.loc.line,
                        fig.loc.col,
                        f"a second figure for {fig.indicator}{park}, {fig.period} (first at "
                        f"{where}); put the level, growth and base in one figure",
                    )
                )
            else:
                first[fig.key] = fig


_TARGET_KEYS = {
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "between",
    "about",
    "growth",
    "increase",
    "coverage",
    "per_park",
    "allocation",
}


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    return FLAG_WORDS.get(units.normalise(str(value)).lower())


CSV_COLUMNS = ("indicator", "park", "period", "value", "unit")
MEASURES = ("value", "growth", "base", "change")


def load_figures(
    path: str | Path, plan: Plan, problems: list[Problem] | None = None
) -> tuple[list[Figure], list[str]]:
    """Figures from a CSV or YAML file for `plan`; problems go to `problems` or are raised."""
    builder = _PlanBuilder.__new__(_PlanBuilder)
    builder.file = str(path)
    builder.problems = [] if problems is None else problems
    builder.by_id = {i.id: i for i in plan.indicators}
    builder.park_ids = {p.id for p in plan.parks}
    builder.plan_year = plan.year
    before = len(builder.problems)
    figures, notes = _read_figure_file(Path(path), builder)
    builder.duplicates(figures)
    if problems is None and len(builder.problems) > before:
        raise InvalidInput(builder.problems)
    return figures, notes


def _read_figure_file(path: Path, builder: _PlanBuilder) -> tuple[list[Figure], list[str]]:
    name = str(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        doc = read_yaml(read_bytes(path), name)
        if not isinstance(doc.data, dict) or not isinstance(doc.data.get("figures"), list):
            builder.problems.append(
                Problem(name, 1, 1, "a YAML figure file is a mapping with a 'figures:' list")
            )
            return [], doc.notes
        sub = _PlanBuilder.__new__(_PlanBuilder)
        sub.__dict__.update(builder.__dict__)
        sub.doc, sub.file = doc, name

        problems = _validate_figures(doc)
        if problems:
            builder.problems.extend(problems)
            return [], doc.notes
        return sub.figures(doc.data["figures"], ("figures",)), doc.notes
    if path.suffix.lower() not in (".csv", ".txt", ".tsv"):
        builder.problems.append(
            Problem(name, 0, 0, "figure files are .csv or .yaml (export Excel sheets as CSV UTF-8)")
        )
        return [], []
    text, notes = decode(read_bytes(path), name)
    return _csv_figures(text, name, builder), notes


def _validate_figures(doc: Document) -> list[Problem]:
    from jsonschema import Draft202012Validator

    from .schema import _explain, schema

    full = schema()
    sub = {
        "$defs": full["$defs"],
        "type": "object",
        "required": ["figures"],
        "additionalProperties": False,
        "properties": {"figures": full["properties"]["figures"], "note": {"type": "string"}},
    }
    problems: list[Problem] = []
    for error in Draft202012Validator(sub).iter_errors(doc.data):
        problems.extend(_explain(error, doc))
    return problems


def _csv_figures(text: str, name: str, builder: _PlanBuilder) -> list[Figure]:
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        builder.problems.append(
            Problem(
                name, 1, 0, "is empty; the first row names the columns " + ",".join(CSV_COLUMNS)
            )
        )
        return []
    missing = [c for c in ("indicator", "period", "value") if c not in header]
    if missing:
        builder.problems.append(
            Problem(
                name,
                1,
                0,
                f"missing column(s) {', '.join(missing)}; the header is "
                + ",".join(CSV_COLUMNS)
                + " (and optionally measure, note)",
            )
        )
        return []
    unknown = [c for c in header if c not in (*CSV_COLUMNS, "measure", "note")]
    if unknown:
        builder.problems.append(
            Problem(
                name,
                1,
                0,
                f"unknown column(s) {', '.join(unknown)}; allowed: "
                + ",".join((*CSV_COLUMNS, "measure", "note")),
            )
        )
        return []
    merged: dict[tuple[str, str, str], tuple[dict[str, Any], int]] = {}
    order: list[tuple[str, str, str]] = []
    for row in reader:
        lineno = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            builder.problems.append(
                Problem(name, lineno, 0, f"has {len(row)} cells; the header has {len(header)}")
            )
            continue
        cells = {h: c.strip() for h, c in zip(header, row, strict=True)}
        where = Problem(name, lineno, 0, "")
        period = cells["period"]
        if not (period.isdigit() and len(period) == 4):
            builder.problems.append(
                Problem(name, lineno, 0, f"period {period!r} is not a year such as 2021")
            )
            continue
        measure = (cells.get("measure") or "value").lower()
        if measure not in MEASURES:
            builder.problems.append(
                Problem(name, lineno, 0, f"measure {measure!r} is not one of {', '.join(MEASURES)}")
            )
            continue
        ind = builder.by_id.get(cells["indicator"])
        raw_value: str = cells["value"]
        unit_cell = cells.get("unit", "")
        if not raw_value:
            builder.problems.append(
                Problem(
                    name,
                    lineno,
                    0,
                    "the value is empty; leave the row "
                    "out when there is no figure (never write 0 for none)",
                )
            )
            continue
        flag_unit = unit_cell and _unit_or_none(unit_cell) == "是否"
        text = f"{raw_value} {unit_cell}".strip() if unit_cell and not flag_unit else raw_value
        if (
            ind is not None
            and measure == "value"
            and ind.unit != "是否"
            and unit_cell
            and _is_percent_unit(unit_cell)
            and not units.is_percent(ind.unit)
        ):
            builder.problems.append(
                Problem(
                    name,
                    lineno,
                    0,
                    f"a value in % for '{ind.id}', measured in "
                    f"{units.display(ind.unit)}; if it is a growth rate, put 'growth' in the "
                    "measure column",
                )
            )
            continue
        key = (cells["indicator"], cells.get("park", ""), period)
        if key not in merged:
            merged[key] = (
                {
                    "indicator": cells["indicator"],
                    "park": cells.get("park") or None,
                    "period": int(period),
                    "note": cells.get("note") or None,
                },
                lineno,
            )
            order.append(key)
        entry, first_line = merged[key]
        if measure in entry:
            builder.problems.append(
                Problem(
                    name,
                    lineno,
                    0,
                    f"a second {measure} for {key[0]}"
                    f"{', park ' + key[1] if key[1] else ''}, {period} (first at line "
                    f"{first_line}); keep one",
                )
            )
            continue
        entry[measure] = text
        del where
    figures = []
    for key in order:
        entry, lineno = merged[key]
        sub = _PlanBuilder.__new__(_PlanBuilder)
        sub.__dict__.update(builder.__dict__)
        sub.doc = _LineDoc(name, lineno)
        sub.file = name
        fig = sub.figure(entry, ())
        if fig is not None:
            figures.append(fig)
    return figures


def _unit_or_none(text: str) -> str | None:
    try:
        return units.parse_unit(text)
    except UnitError:
        return None


def _is_percent_unit(text: str) -> bool:
    return _unit_or_none(text) == "percent"


class _LineDoc(Document):
    """A stand-in Document for a CSV row: every path points at that row."""

    def __init__(self, file: str, line: int) -> None:
        super().__init__(file, None)
        self.line = line

    def where(self, path: YPath, key: bool = False) -> tuple[int, int]:
        return (self.line, 0)
