"""A user's file as text: the bytes of a plan, a figure file or a claims file, read within a
size limit and decoded.

UTF-8 (BOM or not) and UTF-16 with a BOM are read as they are; GB18030/GBK, as Windows editors
save Chinese text, is read with a note saying how to convert the file; anything else (UTF-16
that lost its BOM, a binary file, bytes no encoding reads) is refused with a message saying how
to save the file. Every reader decodes here, so every file type accepts the same encodings.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..errors import InvalidInput, Message, Problem, msg

if TYPE_CHECKING:
    import zipfile

MAX_FILE_BYTES = 64 * 1024 * 1024  # a plan, a figure file, a claims file, a workbook

_NOT_FILES = (  # what a path may name that is not a file, as messages call it
    (stat.S_ISCHR, msg("a character device")),
    (stat.S_ISBLK, msg("a block device")),
    (stat.S_ISFIFO, msg("a named pipe (FIFO)")),
    (stat.S_ISSOCK, msg("a socket")),
)


def open_file(path: str | Path, limit: int = MAX_FILE_BYTES) -> BinaryIO:
    """A user's file opened for reading, or InvalidInput with a one-line reason.

    Only a regular file is opened: a directory, a device (/dev/zero never ends), a named pipe
    (opening one waits for a writer, forever) or a socket is refused from its stat, before it is
    opened; the file is opened without waiting (O_NONBLOCK) and checked again, so a name swapped
    for a pipe in between is refused too. A file over `limit` bytes is refused from its stat;
    `read_bytes` also counts what it reads, since a size can change while a file is read."""
    name = str(path)
    try:
        info = os.stat(path)  # through links: what a data: link to /dev/zero names
        _refuse_non_file(info, name)
        if info.st_size > limit:
            raise InvalidInput([Problem(name, 0, 0, _too_big(info.st_size, limit))])
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InvalidInput([Problem(name, 0, 0, msg("no such file"))]) from None
    except PermissionError:
        raise InvalidInput(
            [Problem(name, 0, 0, msg("cannot be read (permission denied)"))]
        ) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        why = getattr(exc, "strerror", None) or str(exc)
        raise InvalidInput([Problem(name, 0, 0, msg("cannot be read ({why})", why=why))]) from None
    try:
        _refuse_non_file(os.fstat(fd), name)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _refuse_non_file(info: os.stat_result, name: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InvalidInput([Problem(name, 0, 0, msg("is a directory; give a plan file (.yaml)"))])
    if not stat.S_ISREG(info.st_mode):
        said = msg("is {kind}, not a file; zonekpi reads only regular files", kind=_kind(info))
        raise InvalidInput([Problem(name, 0, 0, said)])


def _kind(info: os.stat_result) -> Message:
    if stat.S_ISDIR(info.st_mode):
        return msg("a directory")
    return next(
        (said for test, said in _NOT_FILES if test(info.st_mode)), msg("not a regular file")
    )


def not_a_file(path: str | Path) -> str:
    """What `path` names when it is there but not a regular file ("a directory", "a named pipe
    (FIFO)"…), found without opening it; '' for a regular file or a path that cannot be
    looked at (reading it says why)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return ""
    return "" if stat.S_ISREG(info.st_mode) else _kind(info)


def _too_big(size: int, limit: int, over: bool = False) -> Message:
    mb = limit // 1024 // 1024
    if over:
        return msg(
            "is over {size:,} bytes; a plan or figure file is at most {mb} MB", size=size, mb=mb
        )
    return msg("is {size:,} bytes; a plan or figure file is at most {mb} MB", size=size, mb=mb)


def oversized_part(source: BinaryIO, limit: int) -> zipfile.ZipInfo | None:
    """The first part of the zip archive `source` (a workbook, a .docx) that unpacks to more
    than `limit` bytes, as its directory says, before anything is unpacked: a zip bomb's guard.
    None when every part is within it; zipfile.BadZipFile when `source` is no zip."""
    import zipfile

    with zipfile.ZipFile(source) as parts:
        return next((p for p in parts.infolist() if p.file_size > limit), None)


def read_bytes(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file (see `open_file`), at most `limit` of them, or InvalidInput with a
    one-line reason."""
    with open_file(path, limit) as f:
        try:
            raw = f.read(limit + 1)  # never more than the limit and one byte in memory
        except OSError as exc:
            raise InvalidInput(
                [Problem(str(path), 0, 0, msg("cannot be read ({why})", why=exc.strerror))]
            ) from None
    if len(raw) > limit:
        raise InvalidInput([Problem(str(path), 0, 0, _too_big(limit, limit, over=True))])
    return raw


def decode(raw: bytes, file: str, kind: str = "plan") -> tuple[str, list[str]]:
    """Text of a file, and notes about how it was read; InvalidInput when it is not text.

    `kind` ("plan" or "figure file") is what messages call the file."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise bad(file, 0, msg("starts like UTF-16 but is not valid UTF-16 text")) from None
    if b"\x00" in raw:
        if _utf16_without_bom(raw):
            raise bad(
                file, 0, msg("is UTF-16 text without a byte-order mark; save the file as UTF-8")
            )
        raise bad(
            file,
            0,
            msg(
                "is not a text file (it contains NUL bytes); a {kind} is {format} text saved as "
                "UTF-8",
                kind=kind_word(kind),
                format=_format(file, kind),
            ),
        )
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise bad(
                file,
                line,
                msg(
                    "is not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8",
                    byte=raw[exc.start],
                ),
            ) from None
        if not re.search(r"[\u4e00-\u9fff]", text):
            raise bad(file, line, msg("is not UTF-8 text; save the file as UTF-8")) from None
        note = msg(
            "{file}: read as GB18030/GBK, not UTF-8; to stop this note save it as UTF-8 "
            "(VS Code: Save with Encoding; Notepad++: Encoding > UTF-8) or run "
            "`iconv -f GB18030 -t UTF-8 {file} > new{suffix}`",
            file=file,
            suffix=_suffix(file),
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


_KINDS = {
    "plan": msg("plan"),
    "figure file": msg("figure file"),
    "claims file": msg("claims file"),
    "progress file": msg("progress file"),
    "document": msg("document"),
}


def kind_word(kind: str) -> str:
    """What messages call a kind of file ("plan", "figure file", "claims file", "progress
    file")."""
    return _KINDS.get(kind, kind)


def bad(file: str, line: int, message: str) -> InvalidInput:
    """The one problem that ends the reading of `file`."""
    return InvalidInput([Problem(file, line, 0, message)])
