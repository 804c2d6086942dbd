"""The installed command in a real process: exit codes, stdout/stderr separation, pipes, colour.

These run `zonekpi` as a shell script would: the console script of the environment running the
tests (or `python -m zonekpi` when the package is not installed), in the repository root.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zonekpi import __version__

ROOT = Path(__file__).resolve().parent.parent
PLAN = "plans/xinxiang-2018.yaml"
FIGURES = "examples/xinxiang-2018-figures.csv"
ESC = "\x1b"


def zonekpi_command() -> list[str]:
    """The console script next to this Python, else on PATH, else `python -m zonekpi`."""
    scripts = Path(sys.executable).parent
    for name in ("zonekpi", "zonekpi.exe"):
        if (scripts / name).is_file():
            return [str(scripts / name)]
    found = shutil.which("zonekpi")
    return [found] if found else [sys.executable, "-m", "zonekpi"]


ZONEKPI = zonekpi_command()


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "PYTHONWARNINGS")
    }
    env.update(extra)
    return env


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ZONEKPI, *args],
        cwd=ROOT,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def assert_quiet(result: subprocess.CompletedProcess[str]) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
        assert "BrokenPipe" not in stream
        assert "Exception ignored" not in stream


# ------------------------------------------------------------------------------ bad input


def test_missing_plan_is_one_line_on_stderr_and_exit_2() -> None:
    result = run("check", "missing.yaml")
    assert_quiet(result)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "zonekpi: missing.yaml: no such file\n"


def test_an_invalid_plan_is_reported_on_stderr_only() -> None:
    result = run("check", "tests/examples/invalid/dup-key.yaml")
    assert_quiet(result)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("zonekpi: tests/examples/invalid/dup-key.yaml:7:5: duplicate key")


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", PLAN, "--format", "nope"],
        ["check", PLAN, "--year", "next"],
        ["no-such-command"],
    ],
    ids=["no-plan", "bad-format", "bad-year", "bad-command"],
)
def test_usage_errors_exit_2_on_stderr(args: list[str]) -> None:
    result = run(*args)
    assert_quiet(result)
    assert result.returncode == 2
    assert result.stdout == ""
    # one line, like every other problem, saying where to read more
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("zonekpi: ") and "--help)" in result.stderr


# ---------------------------------------------------------------- stdout and stderr apart


def test_data_on_stdout_notes_on_stderr() -> None:
    result = run("check", "tests/examples/valid/gbk.yaml", "--format", "csv")
    assert_quiet(result)
    assert result.returncode == 0  # every target with data is met
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["indicator"] for r in rows] == ["high-tech-firms", "unemployment", "revenue"]
    assert {r["status"] for r in rows} == {"met"}
    (note,) = result.stderr.splitlines()
    assert note.startswith("zonekpi: tests/examples/valid/gbk.yaml: ")
    assert "GB18030" in note


def test_json_on_stdout_is_parseable_and_missed_exits_1() -> None:
    result = run("check", PLAN, "--data", FIGURES, "--format", "json")
    assert_quiet(result)
    # README: 高新技术产业增加值 grew 12.4% against a 13% target, so a target is missed.
    assert result.returncode == 1
    json.loads(result.stdout)
    assert result.stderr == ""


# -------------------------------------------------------------------------------- pipes


@pytest.fixture(scope="module")
def bash() -> str:
    found = shutil.which("bash")
    if not found:
        pytest.skip("needs bash")
    return found


def piped(bash: str, args: list[str], reader: str) -> subprocess.CompletedProcess[str]:
    command = f"set -o pipefail; {shlex.join([*ZONEKPI, *args])} | {reader}"
    return subprocess.run(
        [bash, "-c", command],
        cwd=ROOT,
        env=clean_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",  # head -c may cut a character in two
        timeout=120,
        check=False,
    )


def test_head_ends_the_output_quietly(bash: str) -> None:
    result = piped(bash, ["check", PLAN, "--format", "csv"], "head -1")
    assert_quiet(result)
    assert result.stdout.startswith("plan,year,indicator,")
    assert result.stdout.count("\n") == 1
    # The published plan has no figures: no target with data, so nothing is missed.
    assert result.returncode == 0


@pytest.mark.parametrize(
    ("fmt", "data", "code"),
    [("csv", [], 0), ("plain", ["--data", FIGURES], 1), ("json", ["--data", FIGURES], 1)],
    ids=["csv-no-data", "plain-missed", "json-missed"],
)
def test_a_closed_pipe_keeps_the_exit_code(bash: str, fmt: str, data: list[str], code: int) -> None:
    # Twenty copies of the plan (over 130 kB): more than a pipe holds, so zonekpi meets EPIPE.
    result = piped(bash, ["check", *[PLAN] * 20, *data, "--format", fmt], "head -c 10")
    assert_quiet(result)
    assert len(result.stdout) <= 10
    assert result.returncode == code


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "args",
    [["check", PLAN, "--format", "csv"], ["check", PLAN, "--format", "json"], ["--help"]],
    ids=["csv", "json", "help"],
)
def test_a_full_disk_is_one_line_and_exit_2(args: list[str]) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:  # every write: ENOSPC
        result = subprocess.run(
            [*ZONEKPI, *args],
            cwd=ROOT,
            env=clean_env(),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )
    # one line, no traceback, whatever the command had still to write
    assert result.stderr == "zonekpi: could not write the output: No space left on device\n"
    assert result.returncode == 2


def test_everything_written_reaches_a_pipe_before_the_process_exits() -> None:
    # zonekpi ends with os._exit once its streams are flushed: nothing may stay buffered.
    many = run("check", *[PLAN] * 20, "--format", "csv")
    one = run("check", PLAN, "--format", "csv")
    lines = one.stdout.splitlines()
    assert many.returncode == 0
    assert many.stdout.splitlines() == [lines[0], *lines[1:] * 20]


# ------------------------------------------------------------------------------ version


def project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, flags=re.M)
    assert match
    return match.group(1)


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    result = run(flag)
    assert result.returncode == 0
    assert result.stdout == f"zonekpi, version {__version__}\n"
    assert result.stderr == ""
    assert __version__ == project_version()


def test_python_dash_m_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "zonekpi", "--version"],
        cwd=ROOT,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout == f"zonekpi, version {__version__}\n"
    assert result.stderr == ""


# ------------------------------------------------------------------------------- colour


@pytest.mark.parametrize("no_color", [None, "1"], ids=["default", "NO_COLOR"])
def test_table_piped_has_no_escape_codes(no_color: str | None) -> None:
    env = clean_env(TERM="xterm-256color")
    if no_color is not None:
        env["NO_COLOR"] = no_color
    result = run("check", PLAN, "--data", FIGURES, "--format", "table", env=env)
    assert_quiet(result)
    assert result.returncode == 1
    assert "高新技术企业" in result.stdout
    assert ESC not in result.stdout
    assert ESC not in result.stderr


def on_a_terminal(env: dict[str, str]) -> str:
    """stdout of `zonekpi check … --format table` run on a pseudo-terminal."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [*ZONEKPI, "check", "tests/examples/valid/minimal.yaml", "--format", "table"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=subprocess.DEVNULL,
        )
    finally:
        os.close(follower)
    chunks = []
    try:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    assert proc.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8", errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_and_no_color_turns_it_off() -> None:
    coloured = on_a_terminal(clean_env(TERM="xterm-256color"))
    assert ESC in coloured  # otherwise the NO_COLOR check below would prove nothing
    plain = on_a_terminal(clean_env(TERM="xterm-256color", NO_COLOR="1"))
    assert "高新技术企业" in plain
    assert ESC not in plain


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_an_empty_no_color_does_not_turn_colour_off() -> None:
    assert ESC in on_a_terminal(clean_env(TERM="xterm-256color", NO_COLOR=""))
