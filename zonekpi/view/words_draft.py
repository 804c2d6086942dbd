"""The words of `zonekpi draft --explain`, Chinese and English: how each drafted target is
described, why a sentence with numbers drafted nothing, and the two tables' titles and
columns. Part of the catalogue (`labels.w`).
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # a target's kind (model: Target.kind)
    "draft.kind.at_least": ("≥", "≥"),
    "draft.kind.more_than": (">", ">"),
    "draft.kind.at_most": ("≤", "≤"),
    "draft.kind.less_than": ("<", "<"),
    "draft.kind.about": ("约", "about"),
    "draft.kind.growth": ("增长", "growth"),
    "draft.kind.increase": ("提高", "increase"),
    "draft.kind.per_park": ("各园区至少", "each park ≥"),
    "draft.kind.coverage": ("全覆盖", "every park"),
    "draft.kind.allocation": ("分解到园区", "allocated"),
    "draft.kind.achieved": ("做成 (是否)", "done (yes/no)"),
    "draft.kind.between": ("区间", "between"),
    # why a sentence with numbers drafted nothing
    "draft.why.past": ("往年的数字, 不是目标", "an earlier year's figure, not a target"),
    "draft.why.incentive": (
        "政策兑现 (奖励/补助), 写在 incentives:",
        "an incentive rule (incentives:)",
    ),
    "draft.why.elsewhere": ("说的是别处 (中央/全国)", "about somewhere else (central government)"),
    "draft.why.no_target_form": (
        "没有目标的句式 (达到/不少于/增长…), 也没有 确保/力争/年内",
        "no wording of a target (reach, at least, grow by…) and no floor, stretch or "
        "within-the-year marker",
    ),
    # what a sentence drafted
    "draft.figure": ("往年数字 {period}: {name}", "figure {period}: {name}"),
    "draft.context": ("背景数字: {name} {value}", "context: {name} {value}"),
    "draft.repeat": ("(与前文重复, 已合并)", "(a repeat, merged)"),
    "draft.unsure": ("待确认", "to confirm"),
    "draft.sure": ("明确", "as stated"),
    "draft.drafted": ("起草的目标 (逐句)", "Drafted, sentence by sentence"),
    "draft.left": ("有数字但未起草的句子", "Sentences with numbers left out"),
    "draft.none": ("(没有)", "(none)"),
    "col.draft.line": ("行", "Line"),
    "col.draft.sentence": ("原文", "Sentence"),
    "col.draft.drafted": ("起草为", "Drafted as"),
    "col.draft.sure": ("把握", "Certainty"),
    "col.draft.why": ("原因", "Why"),
    "col.draft.task": ("任务", "Task"),
    "col.draft.tier": ("档次", "Tier"),
    "col.draft.by": ("期限", "Deadline"),
    "col.draft.owners": ("责任单位", "Owners"),
    "col.draft.milestones": ("节点", "Milestones"),
    "draft.tasks": ("起草的任务 (重点工作台账)", "Drafted tasks (the ledger)"),
    "draft.by_year_end": ("年底前", "by the year's end"),
}
