"""The one catalogue of what a person reads, in Chinese and in English: statuses, tiers,
changes between plans, periods and units in words, every header, title, footer and sentence
template of a report (`words_report`, `words_text`), of pages, charts and workbooks
(`words_page`), of the task ledger (`words_tasks`) and of `draft --explain` (`words_draft`),
and the remarks (`Note` codes) the core attaches to its results (`words_notes`).

The core returns codes and numbers; this catalogue turns them into words, so the language of a
report is decided here and nowhere else. Every entry holds both wordings; `w(key, **fields)`
gives the report's (`lang.report()`), `w_in(language, key, **fields)` another's, such as the
messages' language for the same remarks sent to stderr as warnings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model.results import Note, Status
from . import lang
from .wording import (
    MONTH_NAMES,
    english,
    join,
    month_span,
    months,
    name,
    park_names,
    period,
    pick,
    points,
    quantity,
    spacer,
    unit,
)
from .words_draft import WORDS as _DRAFT
from .words_notes import NOTES
from .words_page import WORDS as _PAGE
from .words_report import WORDS as _REPORT
from .words_tasks import WORDS as _TASKS
from .words_text import WORDS as _TEXT

_PARTS = (_REPORT, _TEXT, _PAGE, _TASKS, _DRAFT)
WORDS: dict[str, tuple[str, str]] = {k: v for part in _PARTS for k, v in part.items()}
if len(WORDS) != sum(map(len, _PARTS)):  # a key in two modules: one would hide the other
    raise RuntimeError("a catalogue key is defined twice")
__all__ = [
    "MONTH_NAMES",
    "WORDS",
    "change",
    "english",
    "join",
    "month_span",
    "months",
    "name",
    "note",
    "notes",
    "park_names",
    "period",
    "pick",
    "points",
    "quantity",
    "spacer",
    "status",
    "tier",
    "unit",
    "w",
    "w_in",
]

STATUS: dict[Status, tuple[str, str]] = {
    Status.MET: ("达标", "met"),
    Status.MISSED: ("未达标", "missed"),
    Status.NO_DATA: ("无数据", "no data"),
    Status.ON_TRACK: ("符合序时", "on track"),
    Status.BEHIND: ("落后序时", "behind schedule"),
    Status.BELOW: ("低于目标", "below target"),
    Status.OVERDUE: ("逾期未完成", "overdue"),
    Status.ON_PATH: ("符合路径", "on path"),
    Status.BEHIND_PATH: ("落后路径", "behind path"),
}
TIER = {"floor": ("确保", "floor"), "stretch": ("力争", "stretch")}
CHANGE = {
    "raised": ("提高", "raised"),
    "lowered": ("降低", "lowered"),
    "unchanged": ("不变", "unchanged"),
    "added": ("新增", "added"),
    "dropped": ("取消", "dropped"),
    "changed_kind": ("改变类型", "kind changed"),
    "changed": ("调整", "changed"),
}


def w(key: str, /, **fields: Any) -> str:
    """The words of catalogue entry `key` in the report's language, its fields filled in."""
    return w_in(None, key, **fields)


def w_in(language: str | None, key: str, /, **fields: Any) -> str:
    """The words of `key` in `language` ('zh', 'en'; None: the report's)."""
    text = pick(WORDS[key], language)
    return text.format(**fields) if fields else text


def status(s: Status | str) -> str:
    """A status as a report shows it."""
    return pick(STATUS[Status(s)])


def status_words() -> dict[str, str]:
    """Status code -> words, for a column that holds the codes (CSV keeps `met`)."""
    return {s.value: pick(words) for s, words in STATUS.items()}


def tier(t: str | None) -> str:
    return pick(TIER[t]) if t in TIER else ""


def change(code: str) -> str:
    return pick(CHANGE[code])


def change_words() -> dict[str, str]:
    """Change code -> words, for `compare`'s column of codes."""
    return {code: pick(words) for code, words in CHANGE.items()}


# ------------------------------------------------------------------------------------ notes


def note(n: Note | str, names: Mapping[str, str] | None = None, language: str | None = None) -> str:
    """A remark in the report's words, or in `language` (the messages' for stderr); a string
    is a message made where the remark arose (`errors.msg`): worded in the same language."""
    if isinstance(n, str):
        from .messages import word

        return word(n, language or lang.report())
    zh, en = NOTES[n.code]
    return (en if english(language) else zh)(n.data, names or {})


def notes(
    ns: tuple[Note | str, ...],
    names: Mapping[str, str] | None = None,
    language: str | None = None,
) -> list[str]:
    return [note(n, names, language) for n in ns]
