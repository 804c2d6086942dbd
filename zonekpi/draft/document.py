"""A published document read as plain text: a text or Markdown file, an HTML page saved from a
site, or a Word .docx, within a size limit, decoded (UTF-8, UTF-16 with a BOM, GBK via
read.textfile), normalised (NFKC: full-width digits and commas as ASCII, ㎡ as m2) and with
traditional characters read as simplified (`hanzi`).

PDF is refused with a message saying how to get text out of one: the libraries that read PDF
(pdfminer.six, pypdf) lose the order and spacing of Chinese text in many government PDFs, and a
scanned PDF holds no text at all, so a draft from one would be wrong in silence.
"""

from __future__ import annotations

import os
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InvalidInput, Problem, msg
from ..read.textfile import decode, oversized_part, read_bytes
from .hanzi import simplified

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024  # a work plan is tens of kilobytes; a .docx a few hundred
MAX_DOCUMENT_CHARS = 200_000  # of text read: the five plans are 4,000–11,000, a long one 30,000
MAX_DOCX_PART = 16 * 1024 * 1024  # a .docx part unpacked (a plan's word/document.xml: < 1 MB)


def bad(file: str, message: str) -> InvalidInput:
    return InvalidInput([Problem(file, 0, 0, message)])


def read_document(path: str | Path) -> str:
    """The document's text, normalised; InvalidInput with one line when it has none."""
    name = str(path)
    try:
        size = os.stat(path).st_size if os.path.isfile(path) else 0
    except (OSError, ValueError):
        size = 0  # read_bytes says why it cannot be read
    if size > MAX_DOCUMENT_BYTES:
        raise bad(
            name,
            msg(
                "is {size:,} bytes; a document to draft from is at most 5 MB (save the plan's "
                "text alone)",
                size=size,
            ),
        )
    raw = read_bytes(path, MAX_DOCUMENT_BYTES)
    suffix = Path(name).suffix.lower()
    if raw.startswith(b"%PDF"):
        raise bad(
            name,
            msg(
                "is a PDF; zonekpi draft reads text, Markdown, HTML and .docx: copy the text out "
                "(pdftotext -layout FILE.pdf FILE.txt, or Save as Text), or OCR a scanned PDF "
                "first"
            ),
        )
    if suffix == ".docx" or raw.startswith(b"PK\x03\x04"):
        text = _docx(raw, name)
    else:
        if not raw.strip():
            raise bad(name, msg("is empty; give the document's text (.txt, .md, .html or .docx)"))
        if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise bad(
                name,
                msg(
                    "is not a text file (it holds NUL bytes); give the document as text, .html "
                    "or .docx"
                ),
            )
        text, _notes = decode(raw, name, kind="document")
        if suffix in (".html", ".htm") or re.match(r"\s*<(?:!doctype|html)", text[:200], re.I):
            text = _html(text)
        elif suffix in (".md", ".markdown"):
            text = _markdown(text)
    return normalise(text, name)


def normalise(text: str, name: str = "") -> str:
    """NFKC, traditional read as simplified, line ends as \\n; InvalidInput when no Chinese
    text is left (a binary file that decoded, a scan)."""
    text = simplified(unicodedata.normalize("NFKC", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")
    if len(text) > MAX_DOCUMENT_CHARS:
        raise bad(
            name,
            msg(
                "holds {chars:,} characters of text; a document to draft from is at most "
                "{most:,} (a work plan is 5,000–30,000): save the plan's text alone",
                chars=len(text),
                most=MAX_DOCUMENT_CHARS,
            ),
        )
    if len(re.findall(r"[\u4e00-\u9fff]", text)) < 10:
        raise bad(name, msg("holds no Chinese text to draft from; give the document's text"))
    return text


class _Text(HTMLParser):
    """The text of an HTML page: block elements end lines; script and style are dropped."""

    BLOCKS = frozenset(
        ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "title", "table")
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data.replace("\n", " "))


def _html(text: str) -> str:
    parser = _Text()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def _markdown(text: str) -> str:
    """Markdown's marks taken off: heading #s, quotes, list bullets, emphasis."""
    text = re.sub(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)", "", text)
    return re.sub(r"\*\*|__", "", text)


def _docx(raw: bytes, name: str) -> str:
    """The text of a .docx given as its bytes: each part's unpacked size is checked from the
    zip's directory first, so that a small file cannot unpack to gigabytes (a zip bomb)."""
    import io

    try:
        import docx  # python-docx: imported only for a .docx
    except ImportError:
        raise bad(
            name,
            msg("is a .docx; install python-docx (pip install python-docx) or save it as text"),
        ) from None
    try:
        big = oversized_part(io.BytesIO(raw), MAX_DOCX_PART)
    except Exception:
        big = None  # not a zip: python-docx says so below
    if big is not None:
        raise bad(
            name,
            msg(
                "its part {part} unpacks to {size:,} bytes; a .docx to draft from unpacks to at "
                "most {mb} MB a part: save the plan's text alone",
                part=big.filename,
                size=big.file_size,
                mb=MAX_DOCX_PART // 2**20,
            ),
        )
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception:
        raise bad(
            name, msg("is not a Word .docx file zonekpi can read; save it as .docx or as text")
        ) from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise bad(name, msg("holds no text (a scanned document?); give the document's text"))
    return text
