"""``--charts DIR``: each chart of a report as an SVG and a PNG file, for Word and WPS.

The charts are those of the HTML report (`view/charts.py` chooses them, `render/charts.py`
draws them), named after what they show: completion.svg/.png, parks.svg/.png (check),
path.* (path), ranking.* (rank). DIR is created when missing. Each file is written atomically
(a temporary file in DIR, then one rename) and never over an input file.

A PNG's text is drawn with a font of this machine, so one with Chinese characters must be
installed; without one zonekpi says which package to install and writes nothing (exit 2),
rather than draw boxes (tofu). The SVG files keep their text as text: the reader's fonts draw
it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import ZonekpiError, msg

if TYPE_CHECKING:  # this module is loaded on every start-up: nothing costly before it is used
    from pathlib import Path


def no_font() -> str:
    return msg(
        "no font with Chinese characters was found to draw the PNG charts; install one and try "
        "again (Debian/Ubuntu: sudo apt install fonts-noto-cjk; Windows has Microsoft YaHei)"
    )


def write_charts(made: Any, folder: str | None, inputs: Iterable[str]) -> list[Path]:
    """Write each chart of the output `made` (its `page()`) into `folder` as NAME.svg and
    NAME.png; the paths written (none without a folder). ZonekpiError when no CJK font is
    installed, `folder` is not a folder, or a file would replace an input."""
    if folder is None:
        return []
    if not folder.strip():
        raise ZonekpiError(msg("--charts '': give the name of a folder to write the charts in"))
    from pathlib import Path

    from .plumbing import input_at
    from .render.charts import cjk_font, png, svg_file

    page = made.page()
    font = cjk_font()
    if font is None:
        raise ZonekpiError(no_font())
    where = Path(folder)
    if where.exists() and not where.is_dir():
        raise ZonekpiError(
            msg("--charts {folder}: not a folder; give the name of a folder", folder=folder)
        )
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        why = exc.strerror or str(exc)
        said = msg("--charts {folder}: cannot create the folder: {why}", folder=folder, why=why)
        raise ZonekpiError(said) from None
    read = list(inputs)
    for chart in page.charts:  # every name checked before anything is written
        for suffix in (".svg", ".png"):
            target = where / f"{chart.name}{suffix}"
            source = input_at(str(target), read)
            if source is not None:
                raise ZonekpiError(
                    msg(
                        "--charts {folder}: {target} is one of the input files ({source}); "
                        "choose another folder",
                        folder=folder,
                        target=str(target),
                        source=source,
                    )
                )
    written = []
    for chart in page.charts:
        files = (
            (where / f"{chart.name}.svg", svg_file(chart, page.statuses).encode("utf-8")),
            (where / f"{chart.name}.png", png(chart, page.statuses, font)),
        )
        for target, data in files:
            write_bytes(target, data)
            written.append(target)
    return written


def write_bytes(target: Path, data: bytes) -> None:
    """`data` to `target` in one step: a temporary file beside it, flushed, then renamed."""
    import tempfile

    from .plumbing import unwritten

    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise ZonekpiError(
            msg(
                "{target}: not a plain file; --charts writes only regular files", target=str(target)
            )
        )
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ZonekpiError(unwritten(exc, target)) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ZonekpiError(unwritten(exc, target)) from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
