"""The JSON Schemas: reading them from the package, and validating a plan with YAML positions.

`plan.schema.json` is the single definition of the plan format; this module reports *every*
schema error at once, each mapped back to the line and column of the offending YAML value and
phrased for someone editing the file by `schemaerrors` (unknown keys get a "did you mean").
jsonschema is imported only here, and only when a plan is validated.

Validation is done once per file content: a plan that passed is remembered by the sha256 of its
bytes, the schema and zonekpi's version (an empty marker file in the user's cache folder), so a
monthly script that checks the same plan dozens of times pays for jsonschema (~80 ms to import)
once. Only success is remembered; a plan with errors is validated every time. A marker holds
its own name: an empty, damaged or hand-made one is not trusted, and a plan remembered as valid
that the model cannot be built from is validated again and its marker removed (read/plan.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import Problem
from .yamlstrict import Document

SCHEMAS = ("plan.schema.json", "report.schema.json")


@cache
def schema_text(name: str = "plan.schema.json") -> str:
    """The text of a shipped schema (package data; the repository's schemas/ in a checkout).

    Read from the package's folder directly: importlib.resources costs ~8 ms to import, paid on
    every run since the validation marker hashes the schema. A zip-installed package falls back
    to it."""
    here = Path(__file__).resolve().parent.parent  # the package's folder
    for path in (here / "schemas" / name, here.parent / "schemas" / name):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    from importlib import resources

    return resources.files("zonekpi").joinpath("schemas").joinpath(name).read_text("utf-8")


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
    from ..version import __version__

    key = hashlib.sha256(
        f"{__version__}\0{doc.digest}\0".encode() + schema_text().encode("utf-8")
    ).hexdigest()
    return folder / "valid" / key


def validate_plan(doc: Document, cache: bool = True) -> list[Problem]:
    """Every schema error in a plan document, located and explained; none, without jsonschema,
    for a document remembered as valid (unless `cache` is False)."""
    marker = _marker(doc) if cache else None
    if marker is not None and _written_here(marker):
        return []
    from jsonschema import Draft202012Validator

    from .schemaerrors import explain

    validator = Draft202012Validator(schema())
    problems = explain(validator.iter_errors(doc.data), doc, "plan")
    if not problems and marker is not None:
        _remember(marker)
    return problems


def remembered(doc: Document) -> bool:
    """Whether `doc` was taken as valid from the cache, without jsonschema."""
    marker = _marker(doc)
    return marker is not None and _written_here(marker)


def forget(doc: Document) -> None:
    """Remove `doc`'s marker: a plan the model cannot be built from was remembered wrongly (a
    marker made by hand, or left by a version whose schema let the plan pass)."""
    marker = _marker(doc)
    if marker is not None:
        with contextlib.suppress(OSError):
            marker.unlink()


def _written_here(marker: Path) -> bool:
    """Whether `marker` is one `_remember` wrote: a regular file (not a link, a folder, a pipe)
    holding its own name. An empty, damaged or planted file is not: the plan is validated."""
    expected = _content(marker)
    try:
        info = os.lstat(marker)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(expected):
            return False
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(marker, flags)
    except (OSError, ValueError):
        return False
    with os.fdopen(fd, "rb") as f:
        try:
            return (
                stat.S_ISREG(os.fstat(f.fileno()).st_mode) and f.read(len(expected) + 1) == expected
            )
        except OSError:
            return False


def _content(marker: Path) -> bytes:
    return f"zonekpi valid {marker.name}\n".encode("ascii", "replace")


def _remember(marker: Path) -> None:
    """Write the marker (in one step, over a damaged one); a cache that cannot be written is
    simply not used."""
    part = marker.with_name(f".{marker.name}.{os.getpid()}")
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(_content(marker))
        os.replace(part, marker)
    except OSError:
        with contextlib.suppress(OSError):
            part.unlink()


def validate_figures(doc: Document) -> list[Problem]:
    """Schema errors of a YAML figure file: a mapping with the plan's `figures:` list."""
    from jsonschema import Draft202012Validator

    from .schemaerrors import explain

    full = schema()
    sub = {
        "$defs": full["$defs"],
        "type": "object",
        "required": ["figures"],
        "additionalProperties": False,
        "properties": {"figures": full["properties"]["figures"], "note": {"type": "string"}},
    }
    return explain(Draft202012Validator(sub).iter_errors(doc.data), doc, "figure file")
