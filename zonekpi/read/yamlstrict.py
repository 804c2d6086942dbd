"""Strict YAML for hand-typed plans: plain data, every value's line and column, no surprises.

PyYAML as it comes is wrong for files people type: it keeps the last of two duplicate keys,
reads ``no``/``on`` as booleans, ``0012`` as 10 and ``1:20`` as 80, makes date objects that
JSON Schema rejects, accepts ``.nan``, expands alias bombs exponentially, and its composer
recurses (the C one crashes the process on ~50,000 nested brackets). So this module reads the
*event stream* (libyaml's parser where present) and builds the data itself, without recursion:

- scalars resolve as in YAML 1.2's core schema, but stricter: only ``true``/``false`` are
  booleans, integers are decimal, floats become Decimal, dates and ``1:20`` stay strings, and
  ``.nan``/``.inf`` stay strings (a later check says they are not numbers);
- mapping keys are strings; a duplicate key is an error naming both lines;
- nesting deeper than MAX_DEPTH stops reading at once, before anything is composed;
- aliases share the anchored object, and their total expanded size is bounded;
- bytes are decoded here: UTF-8 (BOM or not), UTF-16 with a BOM, and GB18030/GBK as saved by
  Windows editors (with a note), anything else refused with a message saying how to convert.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import yaml

from ..errors import InvalidInput, Problem

MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000

Path = tuple[str | int, ...]

_NULL = re.compile(r"~|null|Null|NULL|")
_TRUE = re.compile(r"true|True|TRUE")
_FALSE = re.compile(r"false|False|FALSE")
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")

try:  # libyaml's parser: ~10x faster; it only tokenises here, so it cannot crash on depth.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python PyYAML
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class Document:
    """A YAML file read into plain data, with the position of every value and key."""

    def __init__(
        self,
        file: str,
        data: Any,
        marks: dict[Path, tuple[int, int]] | None = None,
        key_marks: dict[Path, tuple[int, int]] | None = None,
        notes: list[str] | None = None,
        digest: str = "",  # sha256 of the file's bytes: what a validation is cached under
        spelled: dict[tuple[int, int], str] | None = None,
    ) -> None:
        self.file = file
        self.data = data
        self.marks = marks if marks is not None else {}
        self.key_marks = key_marks if key_marks is not None else {}
        self.notes = notes if notes is not None else []
        self.digest = digest
        # numbers typed otherwise than they read (01 is 1), by (line, col): for messages
        self.spelled = spelled if spelled is not None else {}

    def where(self, path: Path, key: bool = False) -> tuple[int, int]:
        """(line, col) of the value at `path`, or of the nearest enclosing value we know."""
        table = self.key_marks if key else self.marks
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if not key and p in self.key_marks:
                return self.key_marks[p]
            p = p[:-1]
        return self.marks.get((), (1, 1))

    def problem(self, path: Path, message: str, key: bool = False) -> Problem:
        line, col = self.where(path, key)
        return Problem(self.file, line, col, message)


def decode(raw: bytes, file: str, kind: str = "plan") -> tuple[str, list[str]]:
    """Text of a file, and notes about how it was read; InvalidInput when it is not text.

    `kind` ("plan" or "figure file") is what messages call the file."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise _bad(file, 0, "starts like UTF-16 but is not valid UTF-16 text") from None
    if b"\x00" in raw:
        if _utf16_without_bom(raw):
            raise _bad(file, 0, "is UTF-16 text without a byte-order mark; save the file as UTF-8")
        raise _bad(
            file,
            0,
            f"is not a text file (it contains NUL bytes); a {kind} is {_format(file, kind)} "
            "text saved as UTF-8",
        )
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise _bad(
                file,
                line,
                f"is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            ) from None
        if not re.search(r"[\u4e00-\u9fff]", text):
            raise _bad(file, line, "is not UTF-8 text; save the file as UTF-8") from None
        note = (
            f"{file}: read as GB18030/GBK, not UTF-8; to stop this note save it as UTF-8 "
            "(VS Code: Save with Encoding; Notepad++: Encoding > UTF-8) or run "
            f"`iconv -f GB18030 -t UTF-8 {file} > new{_suffix(file)}`"
        )
        return text, [note]


def _utf16_without_bom(raw: bytes) -> bool:
    """Whether bytes with NULs in them are UTF-16 text that lost its byte-order mark: every
    other byte NUL (Latin text), decoding to printable text and line breaks."""
    if len(raw) % 2:
        return False
    for encoding, nuls in (("utf-16-le", raw[1::2]), ("utf-16-be", raw[0::2])):
        if nuls.count(0) * 4 < len(nuls):  # mostly Chinese text has fewer NULs
            continue
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text.strip() and "".join(text.split()).isprintable():
            return True
    return False


def _suffix(file: str) -> str:
    """The file's extension (.yaml, .csv), for a command line that writes a copy of it."""
    name = file.replace("\\", "/").rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[1].lower() if "." in name.strip(".") else ".yaml"


def _format(file: str, kind: str) -> str:
    """What text a file holds: YAML for a plan, CSV (or TSV, YAML) for a figure file."""
    suffix = _suffix(file)
    if kind == "plan" or suffix in (".yaml", ".yml"):
        return "YAML"
    return "TSV" if suffix == ".tsv" else "CSV"


def _bad(file: str, line: int, message: str) -> InvalidInput:
    return InvalidInput([Problem(file, line, 0, message)])


def read_yaml(raw: bytes, file: str, kind: str = "plan") -> Document:
    """Parse YAML bytes strictly into a Document; InvalidInput on any problem. `kind` ("plan"
    or "figure file") is what messages call the file."""
    text, notes = decode(raw, file, kind)
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        start = (
            "a plan starts with keys such as 'id:' and 'year:'"
            if kind == "plan"
            else f"a {kind} starts with 'figures:'"
        )
        raise _bad(file, 0, f"is empty; {start}")
    builder = _Builder(file)
    try:
        builder.run(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in str(exc.problem):
            _too_deep(text, file)
        raise _syntax_error(exc, text, file) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        # libyaml counts bytes of the UTF-8 text, the pure-Python reader characters
        before = (
            text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")
            if _Loader.__name__.startswith("C")
            else text[: exc.position]
        )
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise InvalidInput(
            [
                Problem(
                    file,
                    line,
                    col,
                    f"YAML syntax: control character {what} is not allowed; delete it",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other errors without marks
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _bad(file, 0, f"YAML syntax: {message}") from None
    digest = hashlib.sha256(raw).hexdigest()
    return Document(
        file, builder.result, builder.marks, builder.key_marks, notes, digest, builder.spelled
    )


def _too_deep(text: str, file: str) -> None:
    """Raise the MAX_DEPTH problem where the text first goes too deep. libyaml 0.2.6 (in the
    PyYAML 6.0.4 wheels) refuses 1,000 levels before its events reach MAX_DEPTH; the
    pure-Python parser does not, and is only asked after libyaml has refused the text."""
    with contextlib.suppress(yaml.YAMLError):
        _Builder(file).run(yaml.parse(text, Loader=yaml.SafeLoader))


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> InvalidInput:
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
        from ..errors import char_name

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


class _Frame:
    __slots__ = ("anchor", "container", "key", "key_mark", "nodes", "path", "seen")

    def __init__(self, container: Any, path: Path, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.anchor = anchor
        self.key: Any = _NO_KEY
        self.key_mark: tuple[int, int] = (0, 0)
        self.seen: dict[str, int] = {}
        self.nodes = 1


_NO_KEY = object()


class _Builder:
    """Turns YAML events into plain data without recursion, recording marks as it goes."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Path, tuple[int, int]] = {}
        self.key_marks: dict[Path, tuple[int, int]] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_nodes = 0
        self.result: Any = None
        self.documents = 0
        self.spelled: dict[tuple[int, int], str] = {}

    def fail(self, event: Any, message: str) -> InvalidInput:
        m = event.start_mark
        return InvalidInput([Problem(self.file, m.line + 1, m.column + 1, message)])

    def run(self, events: Iterator[Any]) -> None:
        stack: list[_Frame] = []
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.place(stack, event, self.scalar(event), 1)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.check_tag(event)
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(
                        event, f"nesting deeper than {MAX_DEPTH} levels; a plan is never this deep"
                    )
                path = self.child_path(stack, event)
                container: Any = {} if kind is yaml.MappingStartEvent else []
                self.marks[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
                stack.append(_Frame(container, path, event.anchor))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    self.anchors[frame.anchor] = (frame.container, frame.nodes)
                if stack:
                    stack[-1].nodes += frame.nodes
                self.place(stack, event, frame.container, 0, placed_path=frame.path)
            elif kind is yaml.AliasEvent:
                if event.anchor not in self.anchors:
                    raise self.fail(event, f"alias *{event.anchor} has no anchor before it")
                value, nodes = self.anchors[event.anchor]
                self.alias_nodes += nodes
                if self.alias_nodes > MAX_ALIAS_NODES:
                    raise self.fail(
                        event,
                        f"aliases expand to more than {MAX_ALIAS_NODES:,} values "
                        "(an alias bomb?); write the values out instead",
                    )
                self.place(stack, event, value, nodes)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise self.fail(event, "more than one YAML document ('---'); keep one per file")

    def child_path(self, stack: list[_Frame], event: Any) -> Path:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        if top.key is _NO_KEY:
            raise self.fail(event, "a mapping key must be a plain value, not a list or mapping")
        return (*top.path, top.key)

    def place(
        self,
        stack: list[_Frame],
        event: Any,
        value: Any,
        nodes: int,
        placed_path: Path | None = None,
    ) -> None:
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not stack:
            self.result = value
            return
        top = stack[-1]
        top.nodes += nodes
        if isinstance(top.container, list):
            if placed_path is None:
                item_path: Path = (*top.path, len(top.container))
                self.marks[item_path] = mark
            top.container.append(value)
            return
        if top.key is _NO_KEY:  # this value is a key
            if placed_path is not None or isinstance(value, (dict, list)):
                raise self.fail(event, "a mapping key must be a plain value, not a list or mapping")
            key = "" if value is None else str(value).lower() if isinstance(value, bool) else value
            key = str(key)
            if key in top.seen:
                raise self.fail(
                    event,
                    f"duplicate key '{key}' (first at line {top.seen[key]}); "
                    "YAML keeps only one of them: remove or rename one",
                )
            top.seen[key] = mark[0]
            top.key, top.key_mark = key, mark
            return
        path = (*top.path, top.key)
        self.key_marks[path] = top.key_mark
        if placed_path is None:
            self.marks[path] = mark
        top.container[top.key] = value
        top.key = _NO_KEY

    def check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag and tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!"):
            raise self.fail(event, f"YAML tag {_short(tag)} is not allowed in a plan; remove it")

    def scalar(self, event: Any) -> Any:
        value: str = event.value
        tag = event.tag
        if tag is None and event.implicit[0] and not event.style:
            result = _resolve_plain(value)
            if type(result) is int and value[0] in "0+-" and str(result) != value:
                m = event.start_mark
                self.spelled[(m.line + 1, m.column + 1)] = value  # 01, +5: as typed
        elif tag in (None, "!", "tag:yaml.org,2002:str"):
            result = value
        elif tag == "tag:yaml.org,2002:int" and _INT.fullmatch(value):
            result = _resolve_plain(value)
        elif tag == "tag:yaml.org,2002:float" and _FLOAT.fullmatch(value):
            result = Decimal(value)
        elif tag == "tag:yaml.org,2002:bool" and _BOOL.fullmatch(value):
            result = bool(_TRUE.fullmatch(value))
        elif tag == "tag:yaml.org,2002:null":
            result = None
        else:
            raise self.fail(event, f"YAML tag {_short(tag)} is not allowed here; remove it")
        if event.anchor:
            self.anchors[event.anchor] = (result, 1)
        return result


def _short(tag: str) -> str:
    """A tag as the user typed it: !!python/object, not tag:yaml.org,2002:python/object."""
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


def _resolve_plain(value: str) -> Any:
    """YAML 1.2 core-schema resolution, without octal/hex and with floats as Decimal."""
    if _NULL.fullmatch(value):
        return None
    if _TRUE.fullmatch(value):
        return True
    if _FALSE.fullmatch(value):
        return False
    if _INT.fullmatch(value):
        return int(value) if len(value) <= MAX_INT_DIGITS else Decimal(value)
    if _FLOAT.fullmatch(value):
        return Decimal(value)
    return value


MAX_INT_DIGITS = 4000  # Python refuses to read longer integers; a Decimal holds any length
