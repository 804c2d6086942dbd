"""What an --output file's extension says it holds, and the format a command writes.

Nothing is ever written in one format under another format's extension: `format_for` picks the
format from the extension when --format is not given, and refuses a --format that disagrees
with it, a file type zonekpi cannot write, and a workbook to a terminal. Loaded on every
start-up (plumbing re-exports it): nothing costly is imported here.
"""

from __future__ import annotations

import sys

# What an --output file's extension says it holds; the formats each may be written in.
_EXTENSIONS = {
    ".csv": ("csv", "long"),
    ".tsv": ("tsv",),
    ".md": ("markdown",),
    ".markdown": ("markdown",),
    ".json": ("json",),
    ".txt": ("plain", "table", "text"),
    ".html": ("html",),
    ".htm": ("html",),
    ".xlsx": ("xlsx",),
}
_NOT_YET = (".xls", ".docx", ".pdf")
BINARY = ("xlsx",)  # formats whose renderer returns bytes: never to a terminal


def format_for(fmt: str | None, output: str | None) -> str:
    """The format to write: `fmt` if given, else what the --output file's extension says
    (report.json: json), else table. Nothing is ever written in one format under another
    format's extension: -f csv with -o report.json, or an .html zonekpi cannot write yet, is
    refused (BadUsage); so is a workbook (-f xlsx) to a terminal."""
    from pathlib import PurePath

    from .errors import BadUsage, msg

    ext = PurePath(output).suffix.lower() if output else ""
    if ext in _NOT_YET:
        raise BadUsage(
            msg(
                "cannot write a {ext} file yet; write a workbook for Excel and WPS with -o {xlsx}, "
                "or a page to print with -o {html}",
                ext=ext,
                xlsx=PurePath(output or "").with_suffix(".xlsx").name,
                html=PurePath(output or "").with_suffix(".html").name,
            )
        )
    allowed = _EXTENSIONS.get(ext)
    if fmt is None:
        return allowed[0] if allowed else "table"
    if allowed and fmt not in allowed:
        raise BadUsage(
            msg(
                "--format {fmt} and --output {output} disagree: a {ext} file holds {allowed}; "
                "leave out --format, or name the file for {fmt}",
                fmt=fmt,
                output=output,
                ext=ext,
                allowed=_either(allowed),
            )
        )
    if fmt in BINARY and not output and sys.stdout.isatty():
        raise BadUsage(
            msg(
                "--format {fmt} is a file, not for a terminal: write it with -o FILE.{fmt}", fmt=fmt
            )
        )
    return fmt


def _either(names: tuple[str, ...]) -> str:
    """'csv or long', worded in the messages' language."""
    from .errors import msg

    said = names[0]
    for name in names[1:]:
        said = msg("{first} or {then}", first=said, then=name)
    return said
