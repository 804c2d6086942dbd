"""The words of every report in one place: statuses, tiers, changes between plans, and the
remarks (`Note` codes) the core attaches to its results.

The core returns codes; this catalogue turns them into what a person reads, so the language of
a report is decided here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..model.results import Note, Status

STATUS = {
    Status.MET: "达标",
    Status.MISSED: "未达标",
    Status.NO_DATA: "无数据",
    Status.ON_TRACK: "符合序时",
    Status.BEHIND: "落后序时",
}
STATUS_BY_CODE = {s.value: words for s, words in STATUS.items()}
TIER = {"floor": "确保", "stretch": "力争"}
CHANGE = {
    "raised": "提高",
    "lowered": "降低",
    "unchanged": "不变",
    "added": "新增",
    "dropped": "取消",
    "changed_kind": "改变类型",
    "changed": "调整",
}


def status(s: Status | str) -> str:
    """A status as a report shows it."""
    return STATUS[Status(s)]


def tier(t: str | None) -> str:
    return TIER.get(t or "", "")


def _parks(names: Mapping[str, str], ids: tuple[Any, ...]) -> str:
    return "、".join(names.get(i, i) for i in ids)


NoteText = Callable[[tuple[Any, ...], Mapping[str, str]], str]

NOTES: dict[str, NoteText] = {
    "parks_lacking": lambda d, n: f"未覆盖 lacking: {_parks(n, d)}",
    "parks_below": lambda d, n: f"未达到 below: {_parks(n, d)}",
    "parks_below_share": lambda d, n: f"未完成分解目标 below share: {_parks(n, d)}",
    "parks_no_data": lambda d, n: f"无数据 no data: {_parks(n, d)}",
    "year_settled": lambda d, n: "全年目标已确定" + ("完成" if d[0] else "无法完成"),
    "rest_not_positive": lambda d, n: (
        "上年其余月份为零或负数, 无法推算所需增速; last year's remaining months are not positive"
    ),
    "no_path_base": lambda d, n: "没有起点 no base to start from",
}


def note(n: Note | str, names: Mapping[str, str] | None = None) -> str:
    """A remark in the report's words (a string is already words: passed on)."""
    if isinstance(n, str):
        return n
    return NOTES[n.code](n.data, names or {})


def notes(ns: tuple[Note | str, ...], names: Mapping[str, str] | None = None) -> list[str]:
    return [note(n, names) for n in ns]
