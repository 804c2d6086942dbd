"""Messages for YAML that does not parse: where the mistake was typed, and how to fix it.

libyaml reports the place it gave up, which is often a line or two after the mistake: a
full-width colon '：' or comma '，', a full-width or no-break space in an indent, a tab. This
module finds what was typed and words the message for someone editing the file by hand.
"""

from __future__ import annotations

import yaml

from ..errors import InvalidInput, Problem, char_name, msg

# What libyaml says most often, worded like every other message (others are shown as it says)
_LIBYAML = {
    "could not find expected ':'": msg("could not find expected ':'"),
    "mapping values are not allowed in this context": msg(
        "mapping values are not allowed in this context"
    ),
    "did not find expected ',' or '}'": msg("did not find expected ',' or '}}'"),
    "did not find expected ',' or ']'": msg("did not find expected ',' or ']'"),
    "did not find expected '-' indicator": msg("did not find expected '-' indicator"),
    "did not find expected key": msg("did not find expected key"),
    "did not find expected node content": msg("did not find expected node content"),
    "found character that cannot start any token": msg(
        "found character that cannot start any token"
    ),
    "found a tab character that violates indentation": msg(
        "found a tab character that violates indentation"
    ),
    "found unexpected end of stream": msg("found unexpected end of stream"),
    "found undefined tag handle": msg("found undefined tag handle"),
    "found unknown escape character": msg("found unknown escape character"),
    "invalid YAML": msg("invalid YAML"),
}
_FLOWS = {
    "parsing a flow mapping": msg("parsing a flow mapping"),
    "parsing a flow sequence": msg("parsing a flow sequence"),
    "parsing a flow node": msg("parsing a flow node"),
    "parsing a block mapping": msg("parsing a block mapping"),
    "parsing a block collection": msg("parsing a block collection"),
    "scanning a simple key": msg("scanning a simple key"),
    "scanning a quoted scalar": msg("scanning a quoted scalar"),
}


def said(problem: str) -> str:
    """What libyaml said, as a Message when it is one of the common sayings."""
    return _LIBYAML.get(problem, problem)


def _context(context: str) -> str:
    """libyaml's 'while parsing a flow mapping' as 'parsing a flow mapping' (a Message)."""
    context = context.removeprefix("while ")
    return _FLOWS.get(context, context)


def syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> InvalidInput:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    col = mark.column + 1 if mark else 0
    problem = (exc.problem or "invalid YAML").strip()
    lines = text.splitlines()
    here = lines[mark.line] if mark and mark.line < len(lines) else ""
    hint: str = ""
    # libyaml notices a full-width colon or space a line or two after it was typed: find it.
    colon_line = _typed_near(lines, line, "：")
    space = _odd_space_near(lines, line)
    comma = _fullwidth_comma(lines, exc) if "expected ','" in problem else None
    if "\t" in problem or "'\\t'" in problem or (here and "\t" in here[: col or None]):
        hint = msg("indent with spaces; YAML does not allow tabs for indentation")
    elif colon_line:
        line, col = colon_line, lines[colon_line - 1].index("：") + 1
        hint = msg("a full-width colon '：' was typed; YAML needs an ASCII ':' followed by a space")
    elif space:
        line, col, char, after_colon = space
        if after_colon:
            hint = msg(
                "{char} was typed after ':'; YAML needs an ordinary space after a colon",
                char=char_name(char),
            )
        else:
            hint = msg("{char} was typed; indent with ordinary spaces", char=char_name(char))
    elif comma:
        line, col = comma
        if exc.context and "sequence" in exc.context:
            message = msg(
                "YAML syntax: a full-width comma '，' was typed; YAML needs an ASCII ',' between "
                "the entries of a flow sequence"
            )
        else:
            message = msg(
                "YAML syntax: a full-width comma '，' was typed; YAML needs an ASCII ',' between "
                "the entries of a flow mapping"
            )
        return InvalidInput([Problem(file, line, col, message)])
    elif "cannot start any token" in problem and here[col - 1 : col] in ("%", "@", "`"):
        char = here[col - 1]
        example = 'unit: "%"' if char == "%" else f'note: "{char}…"'
        hint = msg(
            "a value that starts with '{char}' must be quoted, like {example}",
            char=char,
            example=example,
        )
    elif "expected '-' indicator" in problem and exc.context_mark:
        hint = msg(
            "check the indentation: line {line} does not line up with the keys above it "
            "(the list starts at line {start})",
            line=line,
            start=exc.context_mark.line + 1,
        )
    elif "mapping values are not allowed" in problem:
        hint = msg("a value that contains ': ' must be quoted, like title: \"关于…: 2018\"")
    elif exc.context and "flow" in exc.context and exc.context_mark:
        hint = msg(
            "{context} that starts at line {start} was not closed (a missing ']' or '}}'?)",
            context=_context(exc.context),
            start=exc.context_mark.line + 1,
        )
    elif exc.context and "mapping" in exc.context:
        hint = msg("check the indentation and that every key is followed by ': '")
    elif exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
        hint = msg(
            "{context} that starts at line {start}",
            context=_context(exc.context),
            start=exc.context_mark.line + 1,
        )
    if hint:
        message = msg("YAML syntax: {problem}; {hint}", problem=said(problem), hint=hint)
    else:
        message = msg("YAML syntax: {problem}", problem=said(problem))
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
    message = msg("YAML syntax: control character {what} is not allowed; delete it", what=what)
    return InvalidInput([Problem(file, line, col, message)])
