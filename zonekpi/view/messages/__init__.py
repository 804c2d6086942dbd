"""The words of every error, warning and note zonekpi prints, in the messages' language.

A message is made below the view, where the language is not known, with `errors.msg`: an
English template and its arguments (``msg("unknown park {park!r} (parks: {parks})", …)``).
This package is the one catalogue of their other wordings: each submodule maps the English
templates of a part of zonekpi to their Chinese (`ZH`), with the same fields. `word` gives a
message in the language of this run's messages (`lang.messages()`: ``--lang``, else the
locale, else Chinese), wording the messages inside it too (a character's name, a reason).

To add a message: write it in English with `msg(...)` where it arises (a literal template,
its values as named arguments), and its Chinese here under the same template;
tests/test_messages.py finds every template in the source and fails for one without its
Chinese, or with other fields. Imported only when a message is printed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ...errors import Joined, Message, Problem
from .. import lang


@cache
def catalogue() -> dict[str, str]:
    """Every English template, mapped to its Chinese."""
    from . import cli, core, draft, model, plan, read, reports, tables, tasks

    table: dict[str, str] = {}
    for part in (model, read, plan, tables, tasks, core, draft, reports, cli):
        table.update(part.ZH)
    return table


def word(text: str, language: str | None = None) -> str:
    """`text` in `language` (default: the messages' language of this run): a Message from its
    template in the catalogue, with its arguments worded too; any other text as it is."""
    language = language or lang.messages()
    if language == "en":
        return str(text)
    if isinstance(text, Joined):
        return text.sep.join(word(part, language) for part in text.parts)
    if not isinstance(text, Message):
        return str(text)
    template = catalogue().get(text.template)
    if template is None:  # a template without its Chinese (a test forbids it): English
        return str(text)
    return template.format_map({k: _arg(v, language) for k, v in text.args.items()})


def _arg(value: Any, language: str) -> Any:
    if isinstance(value, (Message, Joined)):
        return word(value, language)
    return value


def where(problem: Problem) -> str:
    """FILE:LINE:COL of a problem, as much of it as is known."""
    place = problem.file
    if problem.line:
        place += f":{problem.line}"
        if problem.col:
            place += f":{problem.col}"
    return place


def problem_line(problem: Problem, language: str | None = None) -> str:
    """A problem as one line, ``FILE:LINE:COL: message``, in the messages' language."""
    return f"{where(problem)}: {word(problem.message, language)}"
