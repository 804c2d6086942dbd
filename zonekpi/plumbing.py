"""Writing output files atomically: a reader (or a crash) never sees half a report.

The text goes to a temporary file in the target's folder, is flushed to disk, and then takes the
target's name in one step (`os.replace`, atomic on POSIX and Windows). A failure leaves the old
file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` in one step; ZonekpiError for a target that is not a plain file
    (a device, a link, a folder) or a folder that does not exist."""
    from .errors import ZonekpiError

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise ZonekpiError(f"{path}: not a plain file; --output writes only regular files")
    if not folder.is_dir():
        raise ZonekpiError(f"{path}: the folder {folder} does not exist; create it first")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(OSError):  # keep the permissions a user gave the old report
            os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else _default_mode())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _default_mode() -> int:
    """The mode a plain `open(path, "w")` would give: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
