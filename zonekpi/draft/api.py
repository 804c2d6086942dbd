"""Drafting as one call: a document's path in, the plan's YAML text and the draft out."""

from __future__ import annotations

from pathlib import Path

from .build import Draft, draft_text
from .document import read_document
from .write import plan_yaml


def draft(
    path: str | Path, year: int | None = None, parks: tuple[str, ...] | None = None
) -> tuple[str, Draft]:
    """The plan YAML drafted from the document at `path`, and the draft it was written from."""
    name = str(path)
    text = read_document(path)
    made = draft_text(text, year, parks, file=name)
    stem = Path(name).stem
    plan_id = f"draft-{made.year}" if not stem.isascii() or not stem else f"{_slug(stem)}"
    return plan_yaml(made, plan_id, Path(name).name), made


def _slug(stem: str) -> str:
    out = "".join(c if c.isalnum() and c.isascii() else "-" for c in stem.lower()).strip("-")
    return out or "draft"
