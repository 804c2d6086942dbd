"""`zonekpi draft --explain`: what each sentence drafted, and the sentences with numbers that
drafted nothing and why — the table a person reviews a draft with. Chinese by default, English
with --lang en."""

from __future__ import annotations

from ..draft.build import Draft
from ..draft.model import Item
from . import labels
from .labels import w
from .table import Column, Table


def described(item: Item, ids: dict[int, str]) -> str:
    t = item.target
    word = w(f"draft.kind.{t.kind}") if f"draft.kind.{t.kind}" in labels.WORDS else t.kind
    values = " – ".join(v.text() for v in t.values)
    if t.shares:
        values = ", ".join(f"{p} {v.text()}" for p, v in t.shares)
    text = f"{ids.get(id(item), '?')} {item.name}: {word} {values}".rstrip()
    extra = [labels.tier(t.tier)] if t.tier else []
    extra += [str(t.year)] if t.year else []
    extra += [t.by] if t.by else []
    return text + (f" ({', '.join(extra)})" if extra else "")


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def explain_tables(draft: Draft) -> list[Table]:
    ids = {id(i): ind.id for ind in draft.indicators for i in ind.items}
    rows: list[dict[str, str]] = []
    for r in draft.readings:
        what = [described(i, ids) for i in r.items if id(i) in ids]
        what += [w("draft.figure", period=f.period, name=f.name) for f in r.figures]
        what += [w("draft.context", name=c.name, value=c.value.text()) for c in r.context]
        if not what:
            what = [w("draft.repeat")]
        unsure = any(i.doubts or i.target.doubts for i in r.items if id(i) in ids)
        sure = w("draft.unsure") if unsure else w("draft.sure")
        row = {"line": str(r.line), "sentence": _short(r.sentence), "drafted": "; ".join(what)}
        rows.append({**row, "sure": sure})
    drafted = Table(
        w("draft.drafted"),
        [
            Column(key, w(f"col.draft.{key}"), numeric=key == "line")
            for key in ("line", "sentence", "drafted", "sure")
        ],
        rows,
    )
    left = Table(
        w("draft.left"),
        [
            Column(key, w(f"col.draft.{key}"), numeric=key == "line")
            for key in ("line", "sentence", "why")
        ],
        [
            {"line": str(x.line), "sentence": _short(x.sentence), "why": w(f"draft.why.{x.why}")}
            for x in draft.left
        ],
        empty=w("draft.none"),
    )
    return [drafted, left]


class ExplainOutput:
    """The two tables of --explain for the renderers."""

    def __init__(self, draft: Draft) -> None:
        self.made = explain_tables(draft)

    def table(self) -> Table:
        return self.made[0]

    def tables(self) -> list[Table]:
        return self.made

    def json(self) -> dict[str, object]:
        from ..version import __version__

        return {
            "zonekpi": __version__,
            "drafted": self.made[0].rows,
            "left_out": self.made[1].rows,
        }

    def sentences(self) -> list[tuple[str, list[str]]]:
        return [(t.title, t.footer) for t in self.made]
