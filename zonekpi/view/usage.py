"""Click's usage errors as messages: a missing argument, an option zonekpi does not have, a
value not among the choices, worded in the messages' language.

Click words its errors in English when it raises them; its exceptions carry what they are about
(the option's name, the parameter, the choices offered), so they are worded again here from
those, by the exception's type. Click is not imported (the command line alone imports it): an
exception is known by the names of its classes. A few errors click raises without such
attributes (an extra argument, a command that does not exist) are read from its English words;
anything else is shown as click words it.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import Message, msg

LANGS = ("zh", "en")


def asked_language(args: list[str]) -> str | None:
    """The language `--lang` asks for among a command line's arguments, before click has read
    them (its usage errors are worded before the command runs); None when not asked."""
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and n + 1 < len(args) and args[n + 1] in LANGS:
            return args[n + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]
    return None


def usage_message(exc: Any) -> str:
    """What a click UsageError says, as a message worded in the messages' language."""
    kinds = {k.__name__ for k in type(exc).__mro__}
    param = getattr(exc, "param", None)
    if "NoSuchOption" in kinds:
        possible = sorted(getattr(exc, "possibilities", None) or ())
        name = exc.option_name
        if len(possible) == 1:
            return msg("No such option: {name} Did you mean {meant}?", name=name, meant=possible[0])
        if possible:
            return msg(
                "No such option: {name} (Possible options: {options})",
                name=name,
                options=", ".join(possible),
            )
        return msg("No such option: {name}", name=name)
    if "MissingParameter" in kinds and param is not None and not exc.message:
        hint = _hint(exc)
        if (exc.param_type or param.param_type_name) == "argument":
            return msg("Missing argument {hint}.", hint=hint)
        return msg("Missing option {hint}.", hint=hint)
    if "BadParameter" in kinds and "MissingParameter" not in kinds and param is not None:
        return msg("Invalid value for {hint}: {why}", hint=_hint(exc), why=_value(exc.message))
    text = exc.message
    if "BadOptionUsage" in kinds and re.fullmatch(r"Option '.*' requires an argument\.", text):
        return msg("Option '{name}' requires an argument.", name=exc.option_name)
    if m := re.fullmatch(r"Got unexpected extra argument \((.*)\)", text):
        return msg("Got unexpected extra argument ({args})", args=m[1])
    if m := re.fullmatch(r"Got unexpected extra arguments \((.*)\)", text):
        return msg("Got unexpected extra arguments ({args})", args=m[1])
    if m := re.fullmatch(r"No such command '(.*)'\.", text):
        return msg("No such command '{name}'.", name=m[1])
    if text == "Missing command.":
        return msg("Missing command.")
    said = exc.format_message()
    return text if isinstance(text, Message) and said == text else str(said)


def _hint(exc: Any) -> str:
    """The parameter an error is about, as click names it: 'PLANS', '--format' / '-f'."""
    hint = exc.param_hint
    if hint is None:
        hint = exc.param.get_error_hint(exc.ctx)
    if isinstance(hint, (tuple, list)):
        return " / ".join(repr(h) for h in hint)
    return str(hint)


def _value(message: str) -> str:
    """A type's refusal of a value: its message when zonekpi made it, else click's words."""
    if m := re.fullmatch(r"(.*) is not a valid integer\.", message):
        return msg("{value} is not a valid integer.", value=m[1])
    if m := re.fullmatch(r"(File|Directory|Path) (.*) does not exist\.", message):
        return msg("{path} does not exist.", path=m[2])
    if m := re.fullmatch(r"(File|Path) (.*) is a directory\.", message):
        return msg("{path} is a directory.", path=m[2])
    if m := re.fullmatch(r"Directory (.*) is a file\.", message):
        return msg("{path} is a file, not a folder.", path=m[1])
    return message
