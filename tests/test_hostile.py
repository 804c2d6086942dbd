"""The hostile suite: inputs written by someone careless or malicious, each with what zonekpi
must do — one line naming the file and place and exit 2, or the exact right figure; never a
traceback, a hang, exit 1 for a crash, data lost or code run.

Every case is a YAML file under tests/hostile/ (one folder per theme):

    about: what the case is (one line)
    files:                      # written to a fresh folder; {dir} in texts is that folder
      plan.yaml: |
        id: t
        ...
      f.csv: "indicator,park,period,value,unit\\ngdp,,2018,92¹,亿元\\n"
    binary:                     # files given as hex, for bytes YAML cannot hold
      f.xlsx: "504b0304..."
    xlsx:                       # workbooks built with openpyxl when the case runs
      f.xlsx:
        sheet: 10月                   # the first sheet's title (optional)
        rows: [[indicator, park, period, value, unit], [gdp, "", "2018", 3.1, 亿元]]
        formats: {D2: "0%"}           # number formats by cell (optional)
    setup:                      # things a text cannot be: links, FIFOs, devices
      - [symlink, target, name]       # name → target (target may be /dev/zero)
      - [hardlink, existing, name]
      - [fifo, name]
    generate:                   # files too big to keep here, made by bench/generate.py's
      - {name: f.csv, kind: wide-header, columns: 100000}   # `hostile` (its kinds listed there)
    terminal: true                     # stdout is a terminal (a pty, 120 columns): rich tables
    seconds: 10                        # the run must end within this many seconds (bounded work)
    argv: [check, "{dir}/plan.yaml", --data, "{dir}/f.csv"]
    env: {PYTHONIOENCODING: gbk}       # optional, added to a clean environment
    exit: 2
    stderr: "{dir}/f.csv:2: …"         # the exact whole stderr (one line, without a newline),
    stderr_has: ["92¹", "footnote"]    # or parts it must contain
    stderr_lacks: ["--output"]         # parts stderr must not contain
    stdout_has: ["…"]                  # parts stdout must contain
    stdout_lacks: ["\\x1b"]            # parts stdout must not contain
    unchanged: [plan.yaml]             # files that must be byte for byte as written

Run as a subprocess (`python -m zonekpi`) with a 60-second limit: a hang fails the case. Its
messages are in English (LC_MESSAGES=en_US.UTF-8), as the cases quote them; their Chinese is
tested by tests/bad/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
CASES = sorted(HOSTILE.rglob("*.yaml"))
TIMEOUT = 60


def _ids(path: Path) -> str:
    return path.relative_to(HOSTILE).with_suffix("").as_posix()


def _fill(value: Any, folder: Path) -> Any:
    if isinstance(value, str):
        return value.replace("{dir}", str(folder))
    if isinstance(value, list):
        return [_fill(v, folder) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, folder) for k, v in value.items()}
    return value


def _generator() -> Any:
    """bench/generate.py's `hostile`, which makes the suite's big files."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.hostile


def _prepare(case: dict[str, Any], folder: Path) -> None:
    for made in case.get("generate") or []:
        params = {k: v for k, v in made.items() if k not in ("name", "kind")}
        _generator()(made["kind"], folder / made["name"], **params)
    for name, text in (case.get("files") or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_fill(text, folder).encode("utf-8"))
    for name, hexed in (case.get("binary") or {}).items():
        (folder / name).write_bytes(bytes.fromhex(hexed))
    for name, book in (case.get("xlsx") or {}).items():
        _workbook(folder / name, book)
    for step in case.get("setup") or []:
        what, *args = step
        if what == "symlink":
            target, name = args
            source = target if target.startswith("/") else str(folder / target)
            (folder / name).symlink_to(source)
        elif what == "hardlink":
            existing, name = args
            os.link(folder / existing, folder / name)
        elif what == "fifo":
            os.mkfifo(folder / args[0])
        else:  # pragma: no cover - a mistake in a case file
            raise ValueError(f"unknown setup step {what!r}")


def _workbook(path: Path, book: dict[str, Any]) -> None:
    """A workbook of one sheet: its rows as YAML gives them (numbers stay numbers), then the
    number formats of the cells named."""
    import openpyxl

    made = openpyxl.Workbook()
    sheet = made.active
    if book.get("sheet"):
        sheet.title = book["sheet"]
    for row in book["rows"]:
        sheet.append(row)
    for cell, number_format in (book.get("formats") or {}).items():
        sheet[cell].number_format = number_format
    made.save(path)


@pytest.mark.skipif(sys.platform == "win32", reason="links and FIFOs")
@pytest.mark.parametrize("path", CASES, ids=_ids)
def test_hostile(path: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    _prepare(case, tmp_path)
    written = {n: (tmp_path / n).read_bytes() for n in case.get("unchanged") or []}
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "LC_MESSAGES": "en_US.UTF-8",  # messages in English, as the cases are written
        "NO_COLOR": "1",
        "ZONEKPI_CACHE": str(tmp_path / ".cache"),
        **{k: str(v) for k, v in (case.get("env") or {}).items()},
    }
    argv = [sys.executable, "-m", "zonekpi", *_fill(case["argv"], tmp_path)]
    started = time.monotonic()
    if case.get("terminal"):
        done = _on_a_terminal(argv, {**env, "COLUMNS": "120"})
    else:
        done = subprocess.run(
            argv,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
        )
    took = time.monotonic() - started
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert took <= case.get("seconds", TIMEOUT), f"took {took:.1f} s"
    assert done.returncode == case["exit"], f"exit {done.returncode}\nstderr: {err}\nstdout: {out}"
    if "stderr" in case:
        assert err.rstrip("\n") == _fill(case["stderr"], tmp_path), err
    for part in _fill(case.get("stderr_has") or [], tmp_path):
        assert part in err, err
    for part in _fill(case.get("stderr_lacks") or [], tmp_path):
        assert part not in err, err
    if case["exit"] == 2:  # one line a problem, each naming where
        assert err.strip(), "exit 2 without a message"
    for part in _fill(case.get("stdout_has") or [], tmp_path):
        assert part in out, out
    for part in case.get("stdout_lacks") or []:
        assert part not in out, out
    for name, before in written.items():
        assert (tmp_path / name).read_bytes() == before, f"{name} was changed"


def _on_a_terminal(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """Run `argv` with a pseudo-terminal for stdout (what a person at a terminal sees)."""
    import pty
    import threading

    leader, follower = pty.openpty()
    run = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=follower, stderr=subprocess.PIPE
    )
    os.close(follower)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        _, err = run.communicate(timeout=TIMEOUT)
    finally:
        if run.poll() is None:
            run.kill()
            run.communicate()
    reader.join(timeout=5)
    os.close(leader)
    out = b"".join(chunks).replace(b"\r\n", b"\n")
    return subprocess.CompletedProcess(argv, run.returncode, out, err)


def test_the_suite_has_cases() -> None:
    assert len(CASES) >= 40
