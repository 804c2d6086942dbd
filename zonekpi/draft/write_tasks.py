"""A draft's units and tasks written as plan YAML (`units:`, `tasks:`), each task with its
sentence as `source`, and `# 待确认: …` beside what a person must settle: a deadline tied to an
event the document gives no date for (written as a comment, so the draft still validates), a
task no 确保/力争 governs, a name taken from a long first sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from .tasks import DraftMilestone, DraftTask
from .units import DraftUnit

Say = Callable[[str], str]  # text as a YAML scalar, or as a comment


def units_yaml(units: list[DraftUnit], q: Say, comment: Say) -> list[str]:
    if not units:
        return []
    lines = ["units:", "  # 文中 (责任单位: …) 所列的部门与单位; 园区用 parks: 的 id."]
    for u in units:
        parts = [f"id: {u.id}", f"name: {q(u.name)}"]
        if u.aliases:
            parts.append("aliases: [" + ", ".join(q(a) for a in u.aliases) + "]")
        line = f"  - {{{', '.join(parts)}}}"
        if u.id.startswith("u") and u.id[1:].isdigit():
            line += "  # 待确认: id 是编号, 可改成简短的拼音缩写"
        lines.append(line)
        for doubt in u.doubts:
            lines.append(f"    # 待确认: {comment(doubt)}")
    return lines


def tasks_yaml(tasks: list[DraftTask], q: Say, comment: Say) -> list[str]:
    if not tasks:
        return []
    lines = [
        "tasks:",
        "  # 重点工作台账: 带 (责任单位: …) 的各项, 与句中点名的项目 (一项目一任务);"
        " 没写期限的按年底前.",
    ]
    for n, t in enumerate(tasks, start=1):
        lines += _task(f"t{n:02d}", t, q, comment)
    return lines


def _task(ident: str, t: DraftTask, q: Say, comment: Say) -> list[str]:
    lines = [
        f"  - id: {ident}",
        f"    name: {q(t.name)}",
        f"    source: {q(t.source)}",
    ]
    if t.group:
        lines.append(f"    group: {q(t.group)}")
    if t.tier is not None:
        lines.append(f"    tier: {t.tier}")
    if t.year is not None:
        lines.append(f"    year: {t.year}")
    if t.by is not None:
        lines.append(f"    by: {t.by}")
    elif t.event is not None:
        lines.append(
            f"    # by: {comment(t.event)}"
            f"  # 待确认: 原文没有给出 {comment(t.event)} 的日期; 在 events: 中加上"
            " {name: …, date: YYYY-MM-DD, source: 给出日期的句子} 后去掉本行的 #; 之前按年底前核对"
        )
    if t.owners:
        lines.append(f"    owners: [{', '.join(t.owners)}]")
    if t.milestones:
        lines.append("    milestones:")
        lines += [f"      - {_milestone(m, t.by is None, q)}" for m in t.milestones]
    for doubt in t.doubts:
        lines.append(f"    # 待确认: {comment(doubt)}")
    return lines


def _milestone(m: DraftMilestone, own_deadline: bool, q: Say) -> str:
    parts = [f"name: {q(m.name)}"]
    if m.by is not None and own_deadline:
        parts.append(f"by: {m.by}")
    if m.note:
        parts.append(f"note: {q(m.note)}")
    return "{" + ", ".join(parts) + "}"
