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
- aliases share the anchored object, and their total expanded size is bounded.

The bytes are decoded by `textfile` (UTF-8, a BOM, GB18030 with a note); a file that does not
parse is worded by `yamlerrors`, which finds the mistake where it was typed.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import yaml

from ..errors import InvalidInput, Problem, msg
from .textfile import bad, decode

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


def read_yaml(raw: bytes, file: str, kind: str = "plan") -> Document:
    """Parse YAML bytes strictly into a Document; InvalidInput on any problem. `kind` ("plan"
    or "figure file") is what messages call the file."""
    text, notes = decode(raw, file, kind)
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        if kind == "plan":
            raise bad(file, 0, msg("is empty; a plan starts with keys such as 'id:' and 'year:'"))
        raise bad(file, 0, msg("is empty; a figure file starts with 'figures:'"))
    builder = _Builder(file)
    try:
        builder.run(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in str(exc.problem):
            _too_deep(text, file)
        from .yamlerrors import syntax_error

        raise syntax_error(exc, text, file) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        from .yamlerrors import control_character

        libyaml = _Loader.__name__.startswith("C")
        raise control_character(exc, text, file, libyaml) from None
    except yaml.YAMLError as exc:  # pragma: no cover - other errors without marks
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise bad(file, 0, msg("YAML syntax: {problem}", problem=message)) from None
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
                        event,
                        msg(
                            "nesting deeper than {depth} levels; a plan is never this deep",
                            depth=MAX_DEPTH,
                        ),
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
                    raise self.fail(
                        event, msg("alias *{anchor} has no anchor before it", anchor=event.anchor)
                    )
                value, nodes = self.anchors[event.anchor]
                self.alias_nodes += nodes
                if self.alias_nodes > MAX_ALIAS_NODES:
                    raise self.fail(
                        event,
                        msg(
                            "aliases expand to more than {limit:,} values (an alias bomb?); "
                            "write the values out instead",
                            limit=MAX_ALIAS_NODES,
                        ),
                    )
                self.place(stack, event, value, nodes)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise self.fail(
                        event, msg("more than one YAML document ('---'); keep one per file")
                    )

    def child_path(self, stack: list[_Frame], event: Any) -> Path:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        if top.key is _NO_KEY:
            raise self.fail(
                event, msg("a mapping key must be a plain value, not a list or mapping")
            )
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
                raise self.fail(
                    event, msg("a mapping key must be a plain value, not a list or mapping")
                )
            key = "" if value is None else str(value).lower() if isinstance(value, bool) else value
            key = str(key)
            if key in top.seen:
                raise self.fail(
                    event,
                    msg(
                        "duplicate key '{key}' (first at line {first}); "
                        "YAML keeps only one of them: remove or rename one",
                        key=key,
                        first=top.seen[key],
                    ),
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
            raise self.fail(
                event, msg("YAML tag {tag} is not allowed in a plan; remove it", tag=_short(tag))
            )

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
            raise self.fail(
                event, msg("YAML tag {tag} is not allowed here; remove it", tag=_short(tag))
            )
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
