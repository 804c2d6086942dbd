"""`zonekpi draft --explain`: what each sentence drafted, and the sentences with numbers that
drafted nothing and why — the table a person reviews a draft with. Chinese by default, English
with --lang en."""

from __future__ import annotations

from ..draft.build import Draft, park_ids
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
    return [drafted, _tasks_table(draft), left]


def _tasks_table(draft: Draft) -> Table:
    """The tasks drafted: each with its tier, deadline, owners (by name, the lead first) and
    milestones, and whether anything about it is to be confirmed."""
    names = {u.id: u.name for u in draft.units}
    names.update({ident: name for name, ident in park_ids(draft.parks).items()})
    rows = []
    for t in draft.tasks:
        by = t.by or t.event or w("draft.by_year_end")
        rows.append(
            {
                "line": str(t.line),
                "task": _short(t.name, 40),
                "tier": labels.tier(t.tier),
                "by": f"{t.year} {by}" if t.year else by,
                "owners": "、".join(names.get(o, o) for o in t.owners),
                "milestones": " → ".join(m.name for m in t.milestones),
                "sure": w("draft.unsure") if t.doubts or t.event else w("draft.sure"),
            }
        )
    keys = ("line", "task", "tier", "by", "owners", "milestones", "sure")
    columns = [Column(k, w(f"col.draft.{k}"), numeric=k == "line") for k in keys]
    return Table(w("draft.tasks"), columns, rows, empty=w("draft.none"))


class ExplainOutput:
    """The three tables of --explain for the renderers: targets, tasks, what was left out."""

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
            "tasks": self.made[1].rows,
            "left_out": self.made[2].rows,
        }

    def sentences(self) -> list[tuple[str, list[str]]]:
        return [(t.title, t.footer) for t in self.made]
