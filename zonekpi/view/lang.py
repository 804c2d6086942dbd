"""The language a person reads: Chinese (zh) by default, English (en) with ``--lang en``.

Reports (tables, sentences, workbooks, pages) follow ``--lang`` alone, so a monthly script
gives the same report on every machine. Error and warning messages follow ``--lang`` when it
is given, else the environment: an English ``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` (en_US.UTF-8)
gives English messages, anything else Chinese. The command line sets the language once, at the
start of a command (`use`); the catalogues that word a report (`view/labels.py`) or a message
(`view/messages/`) ask `report()` or `messages()`. The library API leaves it alone: a program
that calls `zonekpi.check` gets Chinese words unless it calls `use("en")`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from contextvars import ContextVar

LANGS = ("zh", "en")

_REPORT: ContextVar[str] = ContextVar("zonekpi_report_lang", default="zh")
_MESSAGES: ContextVar[str | None] = ContextVar("zonekpi_message_lang", default=None)


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The messages' language the locale asks for: the first of LC_ALL, LC_MESSAGES, LANG that
    is set decides (as POSIX orders them); 'en' when it names English, else 'zh'."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def use(lang: str | None) -> None:
    """Set the language of this run: `lang` ('zh' or 'en') for reports and messages; None
    keeps reports Chinese and lets the environment choose the messages' language."""
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGS)}")
    _REPORT.set(lang or "zh")
    _MESSAGES.set(lang)


def report() -> str:
    """The language of reports: 'zh' or 'en'."""
    return _REPORT.get()


def messages() -> str:
    """The language of error and warning messages: 'zh' or 'en'."""
    return _MESSAGES.get() or from_environment()
