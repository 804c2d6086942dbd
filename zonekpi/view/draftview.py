"""`zonekpi draft --explain`: what each sentence drafted, and the sentences with numbers that
drafted nothing and why — the table a person reviews a draft with. Chinese by default, English
with --lang en."""

from __future__ import annotations

from ..draft.build import Draft
from ..draft.model import Item
from .lang import pick
from .table import Column, Table

_KINDS = {
    "at_least": ("≥", "≥"),
    "more_than": (">", ">"),
    "at_most": ("≤", "≤"),
    "less_than": ("<", "<"),
    "about": ("约", "about"),
    "growth": ("增长", "growth"),
    "increase": ("提高", "increase"),
    "per_park": ("各园区至少", "each park ≥"),
    "coverage": ("全覆盖", "every park"),
    "allocation": ("分解到园区", "allocated"),
    "achieved": ("做成 (是否)", "done (yes/no)"),
    "between": ("区间", "between"),
}
_TIERS = {"floor": ("确保", "floor"), "stretch": ("力争", "stretch")}
_WHY = {
    "past": ("往年的数字, 不是目标", "an earlier year's figure, not a target"),
    "incentive": ("政策兑现 (奖励/补助), 写在 incentives:", "an incentive rule (incentives:)"),
    "elsewhere": ("说的是别处 (中央/全国)", "about somewhere else (central government)"),
    "no_target_form": (
        "没有目标的句式 (达到/不少于/增长…), 也没有 确保/力争/年内",
        "no target form (达到/不少于/增长…) and no 确保/力争/年内",
    ),
}


def described(item: Item, ids: dict[int, str]) -> str:
    t = item.target
    word = pick(*_KINDS.get(t.kind, (t.kind, t.kind)))
    values = " – ".join(v.text() for v in t.values)
    if t.shares:
        values = ", ".join(f"{p} {v.text()}" for p, v in t.shares)
    text = f"{ids.get(id(item), '?')} {item.name}: {word} {values}".rstrip()
    extra = [pick(*_TIERS[t.tier])] if t.tier else []
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
        what += [
            pick(f"往年数字 {f.period}: {f.name}", f"figure {f.period}: {f.name}")
            for f in r.figures
        ]
        what += [
            pick(f"背景数字: {c.name} {c.value.text()}", f"context: {c.name} {c.value.text()}")
            for c in r.context
        ]
        if not what:
            what = [pick("(与前文重复, 已合并)", "(a repeat, merged)")]
        unsure = any(i.doubts or i.target.doubts for i in r.items if id(i) in ids)
        sure = pick("待确认", "to confirm") if unsure else pick("明确", "as stated")
        row = {"line": str(r.line), "sentence": _short(r.sentence), "drafted": "; ".join(what)}
        rows.append({**row, "sure": sure})
    drafted = Table(
        pick("起草的目标 (逐句)", "Drafted, sentence by sentence"),
        [
            Column("line", pick("行", "line"), numeric=True),
            Column("sentence", pick("原文", "sentence")),
            Column("drafted", pick("起草为", "drafted as")),
            Column("sure", pick("把握", "certainty")),
        ],
        rows,
    )
    left = Table(
        pick("有数字但未起草的句子", "Sentences with numbers left out"),
        [
            Column("line", pick("行", "line"), numeric=True),
            Column("sentence", pick("原文", "sentence")),
            Column("why", pick("原因", "why")),
        ],
        [
            {"line": str(x.line), "sentence": _short(x.sentence), "why": pick(*_WHY[x.why])}
            for x in draft.left
        ],
        empty=pick("(没有)", "(none)"),
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
