"""Plumbing: everything about writing what a run produced, and ending the run.

It owns:

- standard output (`emit`): a reader that has gone (``zonekpi check … | head -1``) ends the
  output quietly; a full disk is one message and exit 2, never a traceback;
- standard error (`stderr`, `say`, `report`, `usage`): one line per message, a line break that
  came from the input shown as ⏎ (`one_line`);
- both: a character the stream's encoding cannot hold (CO₂ under PYTHONIOENCODING=gbk) is
  written as an escape, CO\\u2082 (`_write`);
- ``--output`` files (`deliver`, `write_atomic`): written atomically, never over an input file
  (`refuse_to_overwrite_input`);
- the format an --output file's extension asks for (`format_for`, in formats.py);
- the terminal (`options`, `columns`): its width, and whether a table is coloured (a terminal,
  no NO_COLOR, a TERM other than dumb);
- the end of a run (`run`, `finish`): an unexpected exception reported as a bug (exit 3), Ctrl-C
  ending quietly (exit 130), the streams flushed and the process ended with `os._exit`.

Atomic writes: the text goes to a temporary file in the target's folder, is flushed to disk, and
then takes the target's name in one step (`os.replace`, atomic on POSIX and Windows). A failure
leaves the old file as it was and no temporary file behind.

Nothing here imports Click (the command line turns its own exceptions into these calls), and
nothing costly is imported before it is used: this module is loaded on every start-up.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NoReturn

from .exits import ExitCode
from .formats import format_for as format_for

if TYPE_CHECKING:
    from pathlib import Path

    from .errors import ZonekpiError
    from .render import Options


def emit(text: str | bytes) -> None:
    """Write to stdout (bytes, a workbook, as they are); if the reader has gone (| head), stop
    writing without a traceback."""
    try:
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            _write(sys.stdout, text)
        sys.stdout.flush()
    except OSError as exc:  # what is still buffered goes nowhere, not to a traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        if not isinstance(exc, BrokenPipeError):  # a full disk: the output is incomplete
            from .errors import ZonekpiError

            raise ZonekpiError(unwritten(exc)) from None


def unwritten(exc: OSError, path: str | Path | None = None) -> str:
    """What a failed write of the output (a full disk) is called, wherever it happens: of the
    --output file `path`, or of standard output."""
    from .errors import msg

    why = exc.strerror or str(exc)
    if path is None:
        return msg("could not write the output: {why}", why=why)
    return msg("could not write the output {path}: {why}", path=str(path), why=why)


def one_line(text: str) -> str:
    """A message on one line: a line break that came from the input is shown as ⏎."""
    return text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")


def word(message: str) -> str:
    """`message` in the messages' language (a Message from the catalogue, zonekpi/view/messages;
    any other text as it is)."""
    from .errors import Joined, Message

    if not isinstance(message, (Message, Joined)):
        return message
    from .view.messages import word as worded

    return worded(message)


def say(message: str) -> None:
    """A message on stderr as ``zonekpi: message``, on one line, in the messages' language."""
    stderr(f"zonekpi: {one_line(word(message))}")


def report(exc: ZonekpiError) -> None:
    """What a user gave that is wrong, on stderr: a line per problem, else the message."""
    from .errors import InvalidInput

    if not isinstance(exc, InvalidInput):
        say(exc.message)
        return
    from .view.messages import problem_line

    for problem in exc.problems:
        say(problem_line(problem))  # one line each, whatever a cell held


def usage(message: str, command: str) -> None:
    """A usage error on one line, like every other problem, with where to read more."""
    from .errors import msg

    say(msg("{message} (see: {command} --help)", message=message, command=command))


def stderr(text: str) -> None:
    """Write `text` and a line end to stderr, as ``click.echo(text, err=True)`` does: terminal
    escapes taken out when stderr is not a terminal, UTF-8 to a stream that says it is ASCII.
    A stderr that is gone or full is left alone: the exit status still tells."""
    stream = sys.stderr
    if stream is None:
        return
    line = text + "\n"
    with contextlib.suppress(OSError):
        if "\033" in line and not _isatty(stream):
            import re

            line = re.sub(r"\033\[[;?0-9]*[a-zA-Z]", "", line)
        binary = getattr(stream, "buffer", None)
        if binary is not None and _is_ascii(getattr(stream, "encoding", None) or "ascii"):
            binary.write(line.encode("utf-8", "replace"))
            binary.flush()
            return
        _write(stream, line)
        stream.flush()


def _write(stream: Any, text: str) -> None:
    """`text` to a text stream; what its encoding cannot hold (CO₂ to a GBK console,
    PYTHONIOENCODING=gbk) written as an escape (CO\\u2082), never a UnicodeEncodeError."""
    try:
        stream.write(text)
    except UnicodeEncodeError:  # raised before anything is written: the text is encoded whole
        encoding = getattr(stream, "encoding", None) or "utf-8"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding, "replace"))


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty()) or type(stream).__module__.startswith("ipykernel.")
    except Exception:
        return False


def _is_ascii(encoding: str) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False


def columns(default: int = 100) -> int:
    """The terminal's width: $COLUMNS, else the terminal's own (as shutil's, without the cost
    of importing shutil on every run)."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns or default
    except (AttributeError, ValueError, OSError):
        return default


def options(fmt: str, excel: bool = False, to_file: bool = False) -> Options:
    """The renderer's options: a table only on a terminal (plain when piped or written to a
    file), coloured only there, at the terminal's width."""
    from .render import Options

    tty = sys.stdout.isatty() and not to_file
    if fmt == "table" and not tty:
        fmt = "plain"
    # no-color.org: NO_COLOR counts only when set to something non-empty.
    color = tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    return Options(fmt, color=color, width=columns(), excel=excel)


def refuse_to_overwrite_input(output: str | None, inputs: Iterable[str]) -> None:
    """--output must not be any file the command read (a plan, a --previous plan, their data:
    files, --data files, claims): nothing a user wrote is ever replaced. The same file is
    found however it is named: through ``..``, a symbolic link or a hard link (the same device
    and inode); a workbook's ``#sheet`` is left out. BadUsage naming both."""
    if output is None:
        return
    from .errors import BadUsage, msg

    source = input_at(output, inputs)
    if source is not None:
        if source == output:
            raise BadUsage(
                msg(
                    "--output {output} is one of the input files; choose another file name",
                    output=output,
                )
            )
        raise BadUsage(
            msg(
                "--output {output} is one of the input files ({source}, the same file); "
                "choose another file name",
                output=output,
                source=source,
            )
        )


def input_at(output: str, inputs: Iterable[str]) -> str | None:
    """The input file that a write to `output` would replace, found however it is named
    (``..``, a symbolic or a hard link); None when there is none."""
    try:
        target = os.stat(output)  # through links: the file a write would replace
    except (OSError, ValueError):  # nothing there yet (or a name no file can have)
        return None
    for name in inputs:
        source = str(name)
        if ".xlsx#" in source.lower():
            source = source[: source.lower().index(".xlsx#") + 5]
        try:
            same = os.path.samestat(target, os.stat(source))
        except (OSError, ValueError):
            continue
        if same:
            return source
    return None


def deliver(text: str | bytes, output: str | None) -> None:
    """`text` (or a workbook's bytes) to the --output file (atomically), or to stdout."""
    if output:
        write_atomic(output, text)
    else:
        emit(text)


def write_atomic(path: str | Path, text: str | bytes, encoding: str = "utf-8") -> None:
    """Write `text` (bytes as they are) to `path` in one step; ZonekpiError for a target that
    is not a plain file (a device, a link, a folder) or a folder that does not exist."""
    import tempfile
    from pathlib import Path

    from .errors import ZonekpiError, msg

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise ZonekpiError(
            msg("{path}: not a plain file; --output writes only regular files", path=str(path))
        )
    if not folder.is_dir():
        raise ZonekpiError(
            msg(
                "{path}: the folder {folder} does not exist; create it first",
                path=str(path),
                folder=str(folder),
            )
        )
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # a folder that cannot be written to
        raise ZonekpiError(unwritten(exc, path)) from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(fd, "w", encoding=encoding, newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
        with contextlib.suppress(OSError):  # keep the permissions a user gave the old report
            os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else _default_mode())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # a full disk, a quota: the old file is as it was
            raise ZonekpiError(unwritten(exc, path)) from None
        raise


def _default_mode() -> int:
    """The mode a plain `open(path, "w")` would give: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def report_bug(exc: BaseException) -> None:
    """One line on stderr for an exception zonekpi did not expect (a bug); its traceback too
    when ZONEKPI_DEBUG is set (to anything but 0)."""
    if os.environ.get("ZONEKPI_DEBUG", "") not in ("", "0"):
        import traceback

        with contextlib.suppress(OSError):
            traceback.print_exception(type(exc), exc, exc.__traceback__)
    from .errors import msg

    what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    say(msg("internal error ({what}); please report it with the command you ran", what=what))


def run(command: Callable[[], object]) -> NoReturn:
    """Run the command line and end the process with its exit status: SystemExit's code; 2
    when click's own output (--help, --version) met a full disk; 3 for a bug; 130 for Ctrl-C."""
    # A run builds many small objects and no reference cycles worth collecting; the cyclic
    # collector's passes over them cost half the time of a 10,000-series check (bench/).
    import gc

    gc.disable()
    try:
        command()  # click's standalone mode: it always ends in SystemExit
    except SystemExit as exc:
        finish(exc.code)
    except OSError as exc:  # click's own output (--help, --version) to a full disk
        say(unwritten(exc))
        finish(ExitCode.INVALID)
    except KeyboardInterrupt:
        finish(ExitCode.INTERRUPTED)
    except Exception as exc:
        report_bug(exc)
        finish(ExitCode.INTERNAL)
    finish(ExitCode.OK)


def finish(code: Any) -> NoReturn:
    """End the process once the output is flushed, without freeing the run's objects one by
    one: for a million figures that took 0.5 s after the last line was written (bench/)."""
    if code is not None and not isinstance(code, int):  # sys.exit("message"): say it, 1
        stderr(str(code))
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader has gone (| head); a closed stream
            pass
        except OSError as exc:  # a full disk: the output is incomplete
            say(unwritten(exc))
            code = ExitCode.INVALID
    os._exit(code or 0)
