"""Golden files: the exact output of every format of every command on the illustrative examples.

Each case in `CASES` (and `TTY_CASES`) is a name and the arguments of one `zonekpi` run. The run
is a subprocess, ``python -m zonekpi ARGS`` from the repository root, with stdin from /dev/null
and a fixed environment, `ENV` (NO_COLOR=1, COLUMNS=120, LANG and LC_ALL C.UTF-8, TERM=dumb,
ZONEKPI_CACHE=off; nothing else is inherited, so no PYTHONIOENCODING; PYTHONHASHSEED is left
random on purpose, so that output depending on set order would show); never in-process, since
the CLI ends with os._exit. Two files per case:

    tests/golden/NAME.out   the exact bytes written to stdout (BOM and CRLF of --excel included)
    tests/golden/NAME.meta  the command, the exit code and the exact stderr, for example

        argv: zonekpi check plans/xinxiang-2018.yaml --data examples/xinxiang-2018-figures.csv
        exit: 1
        stderr:
        zonekpi: warning: …

A refactor that changes one cell, one exit code or one message fails the case with a unified
diff of expected against actual (carriage returns, byte-order marks and escape codes shown as
``\\r``, ``\\ufeff``, ``\\x1b``).

When a change of output is intended, regenerate every file and review the diff in git:

    ZONEKPI_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
    git diff --stat tests/golden/

Regeneration also deletes files in tests/golden/ that belong to no case. Piped, ``--format
table`` is the plain format, and that is what the ``-table`` cases pin. The code has no switch
that forces rich's terminal table into a pipe (the choice is `sys.stdout.isatty()` in
`zonekpi.cli._options`), so the `TTY_CASES` run the command with stdout on a pseudo-terminal
(POSIX only; skipped elsewhere), with the terminal's output processing turned off so that the
file holds the bytes the program wrote.
"""

from __future__ import annotations

import difflib
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("ZONEKPI_UPDATE_GOLDEN", "") not in ("", "0")
TIMEOUT = 120  # seconds a run may take

ENV: dict[str, str] = {
    "NO_COLOR": "1",
    "COLUMNS": "120",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "TERM": "dumb",
    "ZONEKPI_CACHE": "off",  # every run validates its plans afresh: no state between runs
}
if "SYSTEMROOT" in os.environ:  # Python on Windows cannot start without it
    ENV["SYSTEMROOT"] = os.environ["SYSTEMROOT"]

FORMATS = ("table", "plain", "markdown", "csv", "tsv", "json", "text")

# The illustrative inputs (examples/ is 示例数据; plans/ are the published documents).
XX18 = "plans/xinxiang-2018.yaml"
XX19 = "examples/xinxiang-2019.yaml"
XX18_FIG = "examples/xinxiang-2018-figures.csv"
XX18_OCT = "examples/xinxiang-2018-2018-10.csv"
JX22 = "plans/jianxi-2022.yaml"
JX22_FIG = "examples/jianxi-2022-figures.csv"
LY18 = "plans/luoyang-gxq-2018.yaml"
LY18_FIG = "examples/luoyang-gxq-2018-figures.csv"
GXQ17 = "plans/xinxiang-gxq-2017.yaml"
GXQ17_FIG = "examples/xinxiang-gxq-2017-figures.csv"
GXQ20 = "plans/xinxiang-gxq-2020.yaml"
GXQ20_CLAIMS = "examples/xinxiang-gxq-2020-claims.csv"

YEARLY = ["check", XX18, "--data", XX18_FIG]
MONTHLY = ["check", XX18, "--period", "2018-10", "--data", XX18_OCT]
BY_PARK = ["check", JX22, "--year", "2021", "--by-park"]
COMPARE = ["compare", XX18, XX19]
PATH = ["path", JX22, "gdp"]
RANK_MONTHLY = ["rank", XX18, "--period", "2018-10", "--data", XX18_OCT, "--explain"]
RANK_DEPTS = ["rank", LY18, "--data", LY18_FIG]
INCENTIVES = ["incentives", GXQ20, "--data", GXQ20_CLAIMS]
TASKS = [
    "tasks",
    XX18,
    "--as-of",
    "2018-10-31",
    "--progress",
    "examples/xinxiang-2018-progress.csv",
]
TASKS_LY = ["tasks", LY18, "--as-of", "2018-10-31", "-d", "examples/luoyang-gxq-2018-progress.csv"]


def every_format(
    name: str, argv: list[str], formats: tuple[str, ...] = FORMATS
) -> dict[str, list[str]]:
    """NAME-FORMAT for each format; `table` is the default, written without --format."""
    return {
        f"{name}-{fmt}": argv if fmt == "table" else [*argv, "--format", fmt] for fmt in formats
    }


CASES: dict[str, list[str]] = {
    # ------------------------------------------------------------------------------ check
    # the published plans as they are: targets, (mostly) no figures
    "check-xinxiang-2018-nodata-table": ["check", XX18],
    "check-jianxi-2022-nodata-table": ["check", JX22],
    "check-jianxi-2022-nodata-text": ["check", JX22, "--format", "text"],
    "check-gxq-2020-nodata-table": ["check", GXQ20],
    # the year's figures (README's first example)
    **every_format("check-yearly", YEARLY),
    "check-yearly-csv-excel": [*YEARLY, "--format", "csv", "--excel"],
    "check-yearly-tsv-excel": [*YEARLY, "--format", "tsv", "--excel"],
    "check-yearly-long": [*YEARLY, "--format", "long"],  # the tidy CSV
    "check-yearly-by-park-plain": [*YEARLY, "--by-park", "--format", "plain"],
    "check-yearly-park-gxq-plain": [*YEARLY, "--park", "gxq", "--format", "plain"],
    "check-yearly-park-gxq-csv": [*YEARLY, "--park", "gxq", "--format", "csv"],
    "check-yearly-park-myq-text": [*YEARLY, "--park", "myq", "--format", "text"],
    # 1–10月 against 序时进度 (README's monthly example; examples/monthly-report.sh)
    **every_format("check-monthly", MONTHLY),
    "check-monthly-csv-excel": [*MONTHLY, "--fail-on", "never", "--format", "csv", "--excel"],
    "check-monthly-quiet": [*MONTHLY, "--fail-on", "behind", "--quiet"],
    "check-monthly-long-excel": [*MONTHLY, "--fail-on", "never", "--format", "long", "--excel"],
    "check-monthly-period-chinese-table": [
        "check",
        XX18,
        "--period",
        "2018年1-10月",
        "--data",
        XX18_OCT,
    ],
    "check-monthly-by-park-plain": [*MONTHLY, "--by-park", "--format", "plain"],
    # the parks side by side, added up (README: 涧西区 and 高新区's 2021 results)
    **every_format("check-by-park", BY_PARK),
    "check-jianxi-2021-plain": ["check", JX22, "--year", "2021", "--format", "plain"],
    "check-by-park-long": [*BY_PARK, "--format", "long"],  # the same long table, bases too
    # the other plans with their illustrative figures
    "check-jianxi-2022-plain": ["check", JX22, "--data", JX22_FIG, "--format", "plain"],
    "check-jianxi-2022-json": ["check", JX22, "--data", JX22_FIG, "--format", "json"],
    "check-jianxi-2022-text": ["check", JX22, "--data", JX22_FIG, "--format", "text"],
    "check-jianxi-2022-by-park-table": ["check", JX22, "--data", JX22_FIG, "--by-park"],
    "check-luoyang-2018-plain": ["check", LY18, "--data", LY18_FIG, "--format", "plain"],
    "check-luoyang-2018-text": ["check", LY18, "--data", LY18_FIG, "--format", "text"],
    "check-gxq-2017-plain": ["check", GXQ17, "--data", GXQ17_FIG, "--format", "plain"],
    "check-gxq-2017-text": ["check", GXQ17, "--data", GXQ17_FIG, "--format", "text"],
    "check-xinxiang-2019-previous-plain": ["check", XX19, "--previous", XX18, "-f", "plain"],
    "check-two-plans-csv": ["check", XX18, XX19, "--format", "csv"],
    # usage errors and invalid input: exit 2, one line a problem
    "check-error-excel-with-table": ["check", XX18, "--excel"],
    "check-error-unknown-park": ["check", XX18, "--park", "nosuch"],
    "check-error-month-not-ytd": ["check", XX18, "--period", "2018年10月", "--data", XX18_OCT],
    # ---------------------------------------------------------------------------- compare
    **every_format("compare", COMPARE),
    "compare-csv-excel": [*COMPARE, "--format", "csv", "--excel"],
    "compare-fail-on-lowered-quiet": [*COMPARE, "--fail-on", "lowered", "--quiet"],
    "compare-gxq-2017-2020-table": ["compare", GXQ17, GXQ20, "--old-data", GXQ17_FIG],
    "compare-error-same-year": ["compare", XX19, XX18],
    "compare-error-long": [*COMPARE, "--format", "long"],  # the tidy CSV is check's
    # ------------------------------------------------------------------------------- path
    **every_format("path-jianxi-gdp", PATH),
    "path-jianxi-gdp-data-plain": [*PATH, "--data", JX22_FIG, "--format", "plain"],
    "path-jianxi-ftz-trade-plain": ["path", JX22, "ftz-trade", "--format", "plain"],
    "path-jianxi-city-gdp-share-plain": ["path", JX22, "city-gdp-share", "--format", "plain"],
    "path-jianxi-no-level-target-plain": ["path", JX22, "gdp-per-capita", "--format", "plain"],
    "path-error-close-indicator": ["path", JX22, "gdp-per-capital"],
    # ------------------------------------------------------------------------------- rank
    **every_format("rank-monthly-explain", RANK_MONTHLY),
    "rank-monthly-plain": [*RANK_MONTHLY[:-1], "--format", "plain"],
    "rank-yearly-plain": ["rank", XX18, "--data", XX18_FIG, "--format", "plain"],
    **every_format("rank-departments", RANK_DEPTS, ("table", "csv", "json", "text")),
    "rank-departments-explain-plain": [*RANK_DEPTS, "--explain", "--format", "plain"],
    "rank-error-no-scheme": ["rank", JX22],
    # ------------------------------------------------------------------------- incentives
    **every_format("incentives", INCENTIVES),
    "incentives-by-beneficiary-plain": [*INCENTIVES, "--by", "beneficiary", "--format", "plain"],
    "incentives-by-rule-plain": [*INCENTIVES, "--by", "rule", "--format", "plain"],
    "incentives-by-beneficiary-csv": [*INCENTIVES, "--by", "beneficiary", "--format", "csv"],
    "incentives-csv-excel": [*INCENTIVES, "--format", "csv", "--excel"],
    "incentives-error-other-year": [*INCENTIVES, "--year", "2021"],
    # ------------------------------------------------------------------------------ tasks
    **every_format("tasks", TASKS),
    "tasks-by-owner-plain": [*TASKS, "--by", "owner", "--format", "plain"],
    "tasks-owner-kjj-text": [*TASKS, "--owner", "科技局", "--format", "text"],
    "tasks-luoyang-plain": [*TASKS_LY, "--format", "plain"],
    "tasks-luoyang-text-en": [*TASKS_LY, "--format", "text", "--lang", "en"],
    "tasks-luoyang-by-status-csv": [*TASKS_LY, "--by", "status", "--format", "csv"],
    "tasks-luoyang-h1-fail": ["tasks", LY18, "--as-of", "2018-07-01", "--format", "plain"],
    "check-by-owner-plain": ["check", XX18, "--data", XX18_FIG, "--by", "owner", "-f", "plain"],
    # ------------------------------------------------------- the same reports in English
    "en-check-yearly-plain": [*YEARLY, "--format", "plain", "--lang", "en"],
    "en-check-monthly-text": [*MONTHLY, "--format", "text", "--lang", "en"],
    "en-check-monthly-markdown": [*MONTHLY, "--format", "markdown", "--lang", "en"],
    "en-check-by-park-plain": [*BY_PARK, "--format", "plain", "--lang", "en"],
    "en-check-jianxi-2022-text": ["check", JX22, "--data", JX22_FIG, "-f", "text", "--lang", "en"],
    "en-compare-text": [*COMPARE, "--format", "text", "--lang", "en"],
    "en-compare-plain": [*COMPARE, "--format", "plain", "--lang", "en"],
    "en-path-jianxi-gdp-plain": [*PATH, "--data", JX22_FIG, "--format", "plain", "--lang", "en"],
    "en-rank-monthly-explain-plain": [*RANK_MONTHLY, "--format", "plain", "--lang", "en"],
    "en-rank-departments-text": [*RANK_DEPTS, "--format", "text", "--lang", "en"],
    "en-incentives-plain": [*INCENTIVES, "--format", "plain", "--lang", "en"],
    "en-incentives-text": [*INCENTIVES, "--format", "text", "--lang", "en"],
    "en-validate-all-plans": ["validate", JX22, LY18, XX18, GXQ17, GXQ20, XX19, "--lang", "en"],
    # ------------------------------------------------------------- validate, units, schema
    "validate-all-plans": ["validate", JX22, LY18, XX18, GXQ17, GXQ20, XX19],
    "validate-with-figures": ["validate", XX18, "--data", XX18_FIG, "--data", XX18_OCT],
    "validate-error-figures-of-another-plan": ["validate", LY18, "--data", GXQ17_FIG],
    "units": ["units"],
    "schema-plan": ["schema"],
    "schema-report": ["schema", "--report"],
    "schema-incentives": ["schema", "--incentives"],
    "schema-error-both": ["schema", "--report", "--incentives"],
    "version": ["--version"],
}


class TtyCase(NamedTuple):
    argv: list[str]
    color: bool  # False: ENV as it is (NO_COLOR=1, TERM=dumb); True: no NO_COLOR, a colour TERM


# stdout on a pseudo-terminal: `--format table` is rich's table (and `path`'s bar chart)
TTY_CASES: dict[str, TtyCase] = {
    "tty-check-yearly-table": TtyCase(YEARLY, color=False),
    "tty-check-by-park-table": TtyCase(BY_PARK, color=False),
    "tty-path-jianxi-gdp-table": TtyCase(PATH, color=False),
    "tty-compare-table": TtyCase(COMPARE, color=False),
    "tty-incentives-table": TtyCase(INCENTIVES, color=False),
    "tty-check-monthly-table-color": TtyCase(MONTHLY, color=True),
    "tty-rank-departments-table-color": TtyCase(RANK_DEPTS, color=True),
}

# Left out, because the current code crashes there with a Python traceback (paths of this
# machine on stderr): `path` of an indicator whose only level target is in the plan's own year,
# e.g. `path plans/xinxiang-2018.yaml high-tech-firms` (ValueError) or `path
# plans/xinxiang-2018.yaml rd-share` (decimal.InvalidOperation).


class Run(NamedTuple):
    stdout: bytes
    stderr: bytes
    code: int


def run_piped(argv: list[str]) -> Run:
    done = subprocess.run(
        [sys.executable, "-m", "zonekpi", *argv],
        cwd=ROOT,
        env=ENV,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Run(done.stdout, done.stderr, done.returncode)


def run_on_tty(argv: list[str], color: bool) -> Run:
    """stdout on a pseudo-terminal whose output processing (\\n -> \\r\\n) is off; stderr to a
    file, so that a long stderr cannot stall the program while the terminal is read."""
    import pty
    import select
    import tempfile
    import termios

    env = dict(ENV)
    if color:
        del env["NO_COLOR"]
        env["TERM"] = "xterm-256color"
    leader, follower = pty.openpty()
    attrs = termios.tcgetattr(follower)
    attrs[1] &= ~termios.OPOST  # oflag: the bytes as written
    termios.tcsetattr(follower, termios.TCSANOW, attrs)
    chunks = []
    with tempfile.TemporaryFile() as err:
        with subprocess.Popen(
            [sys.executable, "-m", "zonekpi", *argv],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=follower,
            stderr=err,
        ) as proc:
            os.close(follower)
            try:
                while select.select([leader], [], [], TIMEOUT)[0]:
                    try:
                        chunk = os.read(leader, 65536)
                    except OSError:  # EIO: the program has closed the terminal
                        break
                    if not chunk:
                        break
                    chunks.append(chunk)
                else:
                    proc.kill()
                    pytest.fail(f"no output for {TIMEOUT} s: {shlex.join(argv)}")
            finally:
                os.close(leader)
            code = proc.wait(timeout=TIMEOUT)
        err.seek(0)
        stderr = err.read()
    return Run(b"".join(chunks), stderr, code)


def meta(argv: list[str], result: Run, tty: str = "") -> bytes:
    head = f"argv: {shlex.join(['zonekpi', *argv])}\n"
    if tty:
        head += f"tty: {tty}\n"
    return f"{head}exit: {result.code}\nstderr:\n".encode() + result.stderr


def shown(data: bytes) -> list[str]:
    """Lines for a diff, with what cannot be seen made visible."""
    text = data.decode("utf-8", errors="backslashreplace")
    for raw, visible in (("\r", "\\r"), ("\ufeff", "\\ufeff"), ("\x1b", "\\x1b")):
        text = text.replace(raw, visible)
    lines = [line + "\n" for line in text.split("\n")]
    last = lines.pop()  # what follows the last line end: "\n" when the text ends with one
    if last != "\n":
        lines.append(last.removesuffix("\n") + "⟨no newline at end⟩\n")
    return lines


def compare(name: str, files: dict[str, bytes]) -> None:
    """Each golden file of NAME against what the run wrote; rewrite them with UPDATE."""
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        for suffix, actual in files.items():
            path = GOLDEN / f"{name}{suffix}"
            if not path.exists() or path.read_bytes() != actual:
                path.write_bytes(actual)
        return
    problems = []
    for suffix, actual in files.items():
        path = GOLDEN / f"{name}{suffix}"
        if not path.exists():
            problems.append(f"{path.relative_to(ROOT)} is missing")
            continue
        expected = path.read_bytes()
        if expected == actual:
            continue
        diff = "".join(
            difflib.unified_diff(
                shown(expected),
                shown(actual),
                f"expected: {path.relative_to(ROOT)}",
                "actual",
            )
        )
        problems.append(diff or f"{path.relative_to(ROOT)}: the bytes differ")
    if problems:
        hint = "(if the change is intended: ZONEKPI_UPDATE_GOLDEN=1 python -m pytest "
        pytest.fail("\n".join([*problems, hint + "tests/test_golden.py)"]), pytrace=False)


@pytest.mark.parametrize("name", list(CASES))
def test_golden(name: str) -> None:
    argv = CASES[name]
    result = run_piped(argv)
    compare(name, {".out": result.stdout, ".meta": meta(argv, result)})


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal needs POSIX")
@pytest.mark.parametrize("name", list(TTY_CASES))
def test_golden_on_a_terminal(name: str) -> None:
    case = TTY_CASES[name]
    result = run_on_tty(case.argv, case.color)
    tty = "yes, colour (TERM=xterm-256color, no NO_COLOR)" if case.color else "yes"
    compare(name, {".out": result.stdout, ".meta": meta(case.argv, result, tty)})


def golden_names() -> Iterator[str]:
    yield from CASES
    yield from TTY_CASES


def test_every_golden_file_belongs_to_a_case() -> None:
    assert not set(CASES) & set(TTY_CASES), "a name is both a piped and a terminal case"
    names = set(golden_names())
    stale = sorted(
        p
        for p in GOLDEN.glob("*")
        if p.suffix in (".out", ".meta") and p.name.rsplit(".", 1)[0] not in names
    )
    if UPDATE:
        for path in stale:
            path.unlink()
        return
    assert not stale, f"golden files of no case (ZONEKPI_UPDATE_GOLDEN=1 deletes them): {stale}"
