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
    argv: [check, "{dir}/plan.yaml", --data, "{dir}/f.csv"]
    env: {PYTHONIOENCODING: gbk}       # optional, added to a clean environment
    exit: 2
    stderr: "{dir}/f.csv:2: …"         # the exact whole stderr (one line, without a newline),
    stderr_has: ["92¹", "footnote"]    # or parts it must contain
    stdout_has: ["…"]                  # parts stdout must contain
    stdout_lacks: ["\\x1b"]            # parts stdout must not contain
    unchanged: [plan.yaml]             # files that must be byte for byte as written

Run as a subprocess (`python -m zonekpi`) with a 60-second limit: a hang fails the case.
"""

from __future__ import annotations

import os
import subprocess
import sys
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


def _prepare(case: dict[str, Any], folder: Path) -> None:
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
        "NO_COLOR": "1",
        "ZONEKPI_CACHE": str(tmp_path / ".cache"),
        **{k: str(v) for k, v in (case.get("env") or {}).items()},
    }
    argv = [sys.executable, "-m", "zonekpi", *_fill(case["argv"], tmp_path)]
    done = subprocess.run(
        argv,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
    )
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert done.returncode == case["exit"], f"exit {done.returncode}\nstderr: {err}\nstdout: {out}"
    if "stderr" in case:
        assert err.rstrip("\n") == _fill(case["stderr"], tmp_path), err
    for part in _fill(case.get("stderr_has") or [], tmp_path):
        assert part in err, err
    if case["exit"] == 2:  # one line a problem, each naming where
        assert err.strip(), "exit 2 without a message"
    for part in _fill(case.get("stdout_has") or [], tmp_path):
        assert part in out, out
    for part in case.get("stdout_lacks") or []:
        assert part not in out, out
    for name, before in written.items():
        assert (tmp_path / name).read_bytes() == before, f"{name} was changed"


def test_the_suite_has_cases() -> None:
    assert len(CASES) >= 1
