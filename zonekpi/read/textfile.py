"""A user's file as text: the bytes of a plan, a figure file or a claims file, read within a
size limit and decoded.

UTF-8 (BOM or not) and UTF-16 with a BOM are read as they are; GB18030/GBK, as Windows editors
save Chinese text, is read with a note saying how to convert the file; anything else (UTF-16
that lost its BOM, a binary file, bytes no encoding reads) is refused with a message saying how
to save the file. Every reader decodes here, so every file type accepts the same encodings.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InvalidInput, Problem

MAX_FILE_BYTES = 64 * 1024 * 1024


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file, or InvalidInput with a one-line reason."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise InvalidInput([Problem(name, 0, 0, "is a directory; give a plan file (.yaml)")])
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInput(
                [Problem(name, 0, 0, f"is {size:,} bytes; a plan or figure file is at most 64 MB")]
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise InvalidInput([Problem(name, 0, 0, "no such file")]) from None
    except PermissionError:
        raise InvalidInput([Problem(name, 0, 0, "cannot be read (permission denied)")]) from None
    except OSError as exc:
        raise InvalidInput([Problem(name, 0, 0, f"cannot be read ({exc.strerror})")]) from None


def decode(raw: bytes, file: str, kind: str = "plan") -> tuple[str, list[str]]:
    """Text of a file, and notes about how it was read; InvalidInput when it is not text.

    `kind` ("plan" or "figure file") is what messages call the file."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            raise bad(file, 0, "starts like UTF-16 but is not valid UTF-16 text") from None
    if b"\x00" in raw:
        if _utf16_without_bom(raw):
            raise bad(file, 0, "is UTF-16 text without a byte-order mark; save the file as UTF-8")
        raise bad(
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
            raise bad(
                file,
                line,
                f"is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            ) from None
        if not re.search(r"[\u4e00-\u9fff]", text):
            raise bad(file, line, "is not UTF-8 text; save the file as UTF-8") from None
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


def bad(file: str, line: int, message: str) -> InvalidInput:
    """The one problem that ends the reading of `file`."""
    return InvalidInput([Problem(file, line, 0, message)])
