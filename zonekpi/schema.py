"""The JSON Schemas: reading them from the package, and validating a plan with YAML positions.

`plan.schema.json` is the single definition of the plan format; this module reports *every*
schema error at once, each mapped back to the line and column of the offending YAML value and
phrased for someone editing the file (unknown keys get a "did you mean"). jsonschema is
imported only here, and only when a plan is validated.

Validation is done once per file content: a plan that passed is remembered by the sha256 of its
bytes, the schema and zonekpi's version (an empty marker file in the user's cache folder), so a
monthly script that checks the same plan dozens of times pays for jsonschema (~80 ms to import)
once. Only success is remembered; a plan with errors is validated every time.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from .errors import Problem
from .yamlread import Document

SCHEMAS = ("plan.schema.json", "report.schema.json")


@cache
def schema_text(name: str = "plan.schema.json") -> str:
    """The text of a shipped schema (package data; the repository's schemas/ in a checkout).

    Read from the package's folder directly: importlib.resources costs ~8 ms to import, paid on
    every run since the validation marker hashes the schema. A zip-installed package falls back
    to it."""
    here = Path(__file__).resolve().parent
    for path in (here / "schemas" / name, here.parent / "schemas" / name):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    from importlib import resources

    return resources.files(__package__).joinpath("schemas").joinpath(name).read_text("utf-8")


@cache
def schema(name: str = "plan.schema.json") -> dict[str, Any]:
    import json

    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded


def cache_dir() -> Path | None:
    """Where validation results are remembered; None when ZONEKPI_CACHE is set to 'off'."""
    setting = os.environ.get("ZONEKPI_CACHE", "")
    if setting.lower() in ("off", "0", "no"):
        return None
    if setting:
        return Path(setting)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "zonekpi"


def _marker(doc: Document) -> Path | None:
    folder = cache_dir()
    if folder is None or not doc.digest:
        return None
    from . import __version__

    key = hashlib.sha256(
        f"{__version__}\0{doc.digest}\0".encode() + schema_text().encode("utf-8")
    ).hexdigest()
    return folder / "valid" / key


def validate_plan(doc: Document) -> list[Problem]:
    """Every schema error in a plan document, located and explained."""
    marker = _marker(doc)
    if marker is not None and marker.exists():
        return []
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema())
    problems = []
    for error in validator.iter_errors(doc.data):
        problems.extend(_explain(error, doc))
    if not problems and marker is not None:
        _remember(marker)
    return sorted(set(problems))


def _remember(marker: Path) -> None:
    """Create the marker; a cache that cannot be written is simply not used."""
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass


def _leaf_errors(error: Any) -> list[Any]:
    """For oneOf/anyOf, the errors of the branch that came closest, when one clearly did."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        hint = error.schema.get("x-zonekpi-hint")
        if hint:
            branch = _chosen_branch(error)
            if branch is not None:  # {proportional: {cap: 1.2}}: what is wrong inside it
                inner = [e for e in error.context if e.relative_schema_path[0] == branch]
                if inner:
                    return [e for sub in inner for e in _leaf_errors(sub)]
            return [error]
        best = min(error.context, key=lambda e: (len(e.context or ()), -len(e.absolute_path)))
        return [best]
    return [error]


def _chosen_branch(error: Any) -> int | None:
    """The oneOf branch a mapping picked by its one distinguishing key, if exactly one."""
    if not isinstance(error.instance, dict):
        return None
    keys = [
        (n, b["required"][0])
        for n, b in enumerate(error.schema.get("oneOf", []))
        if isinstance(b, dict) and len(b.get("required", ())) == 1
    ]
    chosen = [n for n, key in keys if key in error.instance]
    return chosen[0] if len(chosen) == 1 else None


def _explain(error: Any, doc: Document) -> list[Problem]:
    out = []
    for err in _leaf_errors(error):
        path = tuple(err.absolute_path)
        if err.validator == "additionalProperties":
            for key, message in _unknown_keys(err, path):
                out.append(doc.problem((*path, key), message, key=True))
            continue
        message, at_key = _message(err, path)
        out.append(doc.problem(path, message, key=at_key))
    return out


def _unknown_keys(err: Any, path: tuple[Any, ...]) -> list[tuple[str, str]]:
    """One message per unknown key, with the likeliest intended key."""
    known = list(err.schema.get("properties", {}))
    out = []
    for key in sorted(set(err.instance) - set(known)):
        import difflib

        close = difflib.get_close_matches(key.strip("\u3000 "), known, n=1)
        tip = f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(known)}"
        if "：" in key:
            tip = "; a full-width colon '：' was typed: YAML needs ':' and a space"
        elif "\u3000" in key:
            tip = "; it contains a full-width space (U+3000): indent with ordinary spaces"
        out.append((key, f"unknown key '{key.strip()}' in {_describe(path)}{tip}"))
    return out


def _describe(path: tuple[Any, ...]) -> str:
    if not path:
        return "the plan"
    parts: list[str] = []
    for p in path:
        parts.append(f"[{p + 1}]" if isinstance(p, int) else f".{p}" if parts else str(p))
    return "".join(parts)


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    import json

    return repr(value) if isinstance(value, str) else json.dumps(value, default=str)


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "a mapping (key: value lines)",
    "array": "a list ('- ' items)",
    "boolean": "true or false",
}


def _message(err: Any, path: tuple[Any, ...]) -> tuple[str, bool]:
    """The message for one error, and whether it points at a key rather than a value."""
    where = _describe(path)
    hint = err.schema.get("x-zonekpi-hint") if isinstance(err.schema, dict) else None
    v = err.validator
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return f"{where} needs '{missing}'", False
    if v in ("oneOf", "anyOf") and hint:
        present = (
            sorted(set(err.instance) & _comparison_keys(err.schema))
            if isinstance(err.instance, dict)
            else []
        )
        found = f" (found: {', '.join(present)})" if present else " (found none)"
        return f"{where}: {hint}{found}", False
    if v == "enum":
        allowed = ", ".join(str(x) for x in err.validator_value)
        return f"{where}: {_show(err.instance)} is not one of: {allowed}", False
    if v == "const":
        return f"{where}: must be {_show(err.validator_value)}", False
    if v == "type":
        want = err.validator_value
        words = " or ".join(
            _TYPE_WORDS.get(w, w) for w in ([want] if isinstance(want, str) else want)
        )
        if hint:
            return f"{where}: {_show(err.instance)} — {hint}", False
        return f"{where} must be {words}, not {_show(err.instance)}", False
    if v == "pattern" and hint:
        return f"{where}: {_show(err.instance)} — {hint}", False
    if v == "exclusiveMinimum":
        return f"{where}: {_show(err.instance)} must be more than {err.validator_value}", False
    if v in ("minimum", "maximum"):
        return f"{where}: {_show(err.instance)} is out of range ({v} {err.validator_value})", False
    if v in ("minItems", "maxItems", "minLength", "minProperties"):
        return f"{where}: {err.message}", False
    if v == "dependentRequired":
        return f"{where}: {err.message.replace('is a dependency of', 'goes with')}", False
    return f"{where}: {err.message}", False


def _comparison_keys(schema_: dict[str, Any]) -> set[str]:
    return {b["required"][0] for b in schema_.get("oneOf", []) if "required" in b}


def validate_figures(doc: Document) -> list[Problem]:
    """Schema errors of a YAML figure file: a mapping with the plan's `figures:` list."""
    from jsonschema import Draft202012Validator

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
    return sorted(set(problems))
