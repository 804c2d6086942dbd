"""Messages for YAML that does not parse: where the mistake was typed, and how to fix it.

libyaml reports the place it gave up, which is often a line or two after the mistake: a
full-width colon '：' or comma '，', a full-width or no-break space in an indent, a tab. This
module finds what was typed and words the message for someone editing the file by hand.
"""

from __future__ import annotations

import yaml

from ..errors import InvalidInput, Problem, char_name


def syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> InvalidInput:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    col = mark.column + 1 if mark else 0
    problem = (exc.problem or "invalid YAML").strip()
    lines = text.splitlines()
    here = lines[mark.line] if mark and mark.line < len(lines) else ""
    hint = ""
    # libyaml notices a full-width colon or space a line or two after it was typed: find it.
    colon_line = _typed_near(lines, line, "：")
    space = _odd_space_near(lines, line)
    comma = _fullwidth_comma(lines, exc) if "expected ','" in problem else None
    if "\t" in problem or "'\\t'" in problem or (here and "\t" in here[: col or None]):
        hint = "indent with spaces; YAML does not allow tabs for indentation"
    elif colon_line:
        line, col = colon_line, lines[colon_line - 1].index("：") + 1
        hint = "a full-width colon '：' was typed; YAML needs an ASCII ':' followed by a space"
    elif space:
        line, col, char, after_colon = space
        if after_colon:
            hint = (
                f"{char_name(char)} was typed after ':'; YAML needs an ordinary space after a colon"
            )
        else:
            hint = f"{char_name(char)} was typed; indent with ordinary spaces"
    elif comma:
        line, col = comma
        kind = "sequence" if exc.context and "sequence" in exc.context else "mapping"
        message = (
            "YAML syntax: a full-width comma '，' was typed; YAML needs an ASCII ',' between "
            f"the entries of a flow {kind}"
        )
        return InvalidInput([Problem(file, line, col, message)])
    elif "cannot start any token" in problem and here[col - 1 : col] in ("%", "@", "`"):
        char = here[col - 1]
        example = 'unit: "%"' if char == "%" else f'note: "{char}…"'
        hint = f"a value that starts with '{char}' must be quoted, like {example}"
    elif "expected '-' indicator" in problem and exc.context_mark:
        hint = (
            f"check the indentation: line {line} does not line up with the keys above it "
            f"(the list starts at line {exc.context_mark.line + 1})"
        )
    elif "mapping values are not allowed" in problem:
        hint = "a value that contains ': ' must be quoted, like title: \"关于…: 2018\""
    elif exc.context and "flow" in exc.context and exc.context_mark:
        opened = exc.context_mark.line + 1
        hint = f"{exc.context.removeprefix('while ')} that starts at line {opened} was not closed"
        hint += " (a missing ']' or '}'?)"
    elif exc.context and "mapping" in exc.context:
        hint = "check the indentation and that every key is followed by ': '"
    elif exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
        hint = (
            f"{exc.context.removeprefix('while ')} that starts at line {exc.context_mark.line + 1}"
        )
    message = f"YAML syntax: {problem}"
    if hint:
        message += f"; {hint}"
    return InvalidInput([Problem(file, line, col, message)])


def _typed_near(lines: list[str], line: int, char: str) -> int:
    """The line (1-based) at or up to two lines above `line` where `char` was typed, or 0."""
    for n in range(min(line, len(lines)), max(0, line - 3), -1):
        if char in lines[n - 1]:
            return n
    return 0


_ODD_SPACES = ("\u3000", "\u00a0")  # typed for a space: a full-width one, a no-break one


def _odd_space_near(lines: list[str], line: int) -> tuple[int, int, str, bool] | None:
    """(line, col, char, after a colon) of a full-width or no-break space typed in the indent
    or after a colon, at or up to two lines above `line`; None when there is none."""
    for n in range(min(line, len(lines)), max(0, line - 3), -1):
        text = lines[n - 1]
        indent = text[: len(text) - len(text.lstrip(" " + "".join(_ODD_SPACES)))]
        for char in _ODD_SPACES:
            if char in indent:
                return n, indent.index(char) + 1, char, False
        for char in _ODD_SPACES:
            if ":" + char in text:
                return n, text.index(":" + char) + 2, char, True
    return None


def _fullwidth_comma(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, int] | None:
    """(line, col) of the last full-width comma between where an unfinished flow collection
    starts and where the parser gave up, or None."""
    start, end = exc.context_mark, exc.problem_mark
    if start is None or end is None or not exc.context or "flow" not in exc.context:
        return None
    found = None
    for n in range(start.line, min(end.line + 1, len(lines))):
        text = lines[n]
        first = start.column if n == start.line else 0
        last = end.column if n == end.line else len(text)
        at = text.rfind("，", first, last)
        if at >= 0:
            found = (n + 1, at + 1)
    return found


def control_character(
    exc: yaml.reader.ReaderError, text: str, file: str, libyaml: bool
) -> InvalidInput:
    """A character YAML does not allow, at its line and column."""
    # libyaml counts bytes of the UTF-8 text, the pure-Python reader characters
    before = (
        text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")
        if libyaml
        else text[: exc.position]
    )
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
    message = f"YAML syntax: control character {what} is not allowed; delete it"
    return InvalidInput([Problem(file, line, col, message)])
