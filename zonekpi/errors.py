"""Errors and problems: everything that can be wrong with what a user gave zonekpi.

A `Problem` is one finding about an input, with the file, line and column it points at; the
CLI prints each as one line ``FILE:LINE:COL: message``. Core modules raise the small exceptions
below; none of them prints or exits.

Every message a person reads is made with `msg`: an English template and its arguments. The
`Message` it returns is a str, the English text, so the library and its callers read it as
they always did; the command line words it in the messages' language from the catalogue of
templates in the view (zonekpi/view/messages/), which a test keeps complete.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple


class Message(str):
    """A message for a person: as a str, its English text; `template` and `args` are what it
    was made of, so that the view can word it in another language. An argument may itself be
    a Message (a character's name, a reason), worded with it."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, args: dict[str, Any] | None = None) -> Message:
        given = dict(args or {})
        self = super().__new__(cls, template.format_map(given))
        self.template = template
        self.args = given
        return self

    def __getnewargs__(self) -> tuple[str, dict[str, Any]]:  # type: ignore[override]
        return self.template, self.args


def msg(template: str, /, **args: Any) -> Message:
    """A message from its English `template` (str.format fields: ``'{name!r} is …'``) and its
    arguments. The template must be a literal string: a test finds every one in the source and
    requires its wording in each language (zonekpi/view/messages/)."""
    return Message(template, args)


class Problem(NamedTuple):
    """One thing wrong with an input file, located as precisely as the input allows."""

    file: str
    line: int = 0
    col: int = 0
    message: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return f"{where}: {self.message}"


class Joined(str):
    """Messages joined into one (`joined`): as a str, their English text; the view words each
    part."""

    parts: tuple[str, ...]
    sep: str

    def __new__(cls, parts: tuple[str, ...], sep: str = ", ") -> Joined:
        self = super().__new__(cls, sep.join(parts))
        self.parts, self.sep = parts, sep
        return self

    def __getnewargs__(self) -> tuple[tuple[str, ...], str]:  # type: ignore[override]
        return self.parts, self.sep


def joined(parts: Iterable[str], sep: str = ", ") -> str:
    """`parts` (messages, or any text) joined by `sep`, each worded in the messages' language
    when it is shown."""
    return Joined(tuple(parts), sep)


def said(exc: BaseException) -> str:
    """What an exception says: the Message it was made with (a ValueError of a period, a
    UnitError), else its text."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Message) else str(exc)


class ZonekpiError(Exception):
    """Base of every error zonekpi reports to a user."""

    @property
    def message(self) -> str:
        """What the error says: its Message when it was made with one, else its text."""
        return said(self)


class InvalidInput(ZonekpiError):
    """One or more input files are invalid; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.col, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class BadPeriod(ZonekpiError):
    """A period that is not a year to date (1–N月), or not in the year asked for; the command
    line shows it as an invalid --period."""


class BadUsage(ZonekpiError):
    """Options that cannot be used as given (--output naming an input file); the command line
    shows it as a usage error, with where to read more."""


class UnitError(ZonekpiError):
    """A quantity or unit could not be read; the message says what to write instead."""


class NoUnit(UnitError):
    """A number written without its unit; `number` is the number as written."""

    def __init__(self, message: str, number: str) -> None:
        self.number = number
        super().__init__(message)


class NotFinite(UnitError):
    """NaN or infinity where a figure belongs."""


class UnitMismatch(UnitError):
    """Two units of different dimensions (家 against 元) were to be compared."""

    def __init__(self, have: str, want: str) -> None:
        self.have, self.want = have, want
        super().__init__(
            msg(
                "unit {have} cannot be converted to {want} (different kinds of quantity)",
                have=have,
                want=want,
            )
        )


# Characters that look like nothing, or like an ordinary space, in an editor.
_CHAR_NAMES = {
    "\u00a0": msg("a no-break space (U+00A0)"),
    "\u3000": msg("a full-width space (U+3000)"),
    "\u200b": msg("an invisible zero-width space (U+200B)"),
    "\u200c": msg("an invisible zero-width non-joiner (U+200C)"),
    "\u200d": msg("an invisible zero-width joiner (U+200D)"),
    "\u2060": msg("an invisible word joiner (U+2060)"),
    "\ufeff": msg("an invisible byte-order mark (U+FEFF)"),
    "\t": msg("a tab"),
}


def char_name(char: str) -> Message:
    """How a message names an invisible or space-like character: 'a no-break space (U+00A0)'."""
    if char in _CHAR_NAMES:
        return _CHAR_NAMES[char]
    code = f"U+{ord(char):04X}"
    if char.isspace():
        return msg("a special space ({code})", code=code)
    return msg("an invisible character ({code})", code=code)


def visible(text: str) -> str:
    """`text` with every invisible character escaped as Python writes it ('firms\\u200b')."""
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c.isprintable():
            out.append(c)
        elif ord(c) < 0x100:
            out.append(f"\\x{ord(c):02x}")
        elif ord(c) < 0x10000:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(f"\\U{ord(c):08x}")
    return "".join(out)


def stray(text: str) -> tuple[str, Message] | None:
    """(`text` without its invisible characters, what was typed where) when it has some:
    ('unit', "a no-break space (U+00A0) was typed after 'unit'"); None when it has none."""
    if text.isprintable():
        return None
    odd = [n for n, c in enumerate(text) if not c.isprintable()]
    clean = "".join(c for c in text if c.isprintable())
    if not clean:
        return None
    char = char_name(text[odd[0]])
    if odd == list(range(len(text) - len(odd), len(text))):
        return clean, msg("{char} was typed after '{clean}'", char=char, clean=clean)
    if odd == list(range(len(odd))):
        return clean, msg("{char} was typed before '{clean}'", char=char, clean=clean)
    return clean, msg("{char} was typed inside '{clean}'", char=char, clean=clean)


def invalid(file: str, line: int, col: int, message: str) -> InvalidInput:
    """Shorthand for an InvalidInput with a single problem."""
    return InvalidInput([Problem(file, line, col, message)])


def each(items: Iterable[Any], make: Callable[..., Any]) -> tuple[list[Any], InvalidInput | None]:
    """`make` of every item, and one InvalidInput with the problems of all the invalid ones."""
    made, problems = [], []
    for item in items:
        try:
            made.append(make(item))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    return made, InvalidInput(problems) if problems else None
