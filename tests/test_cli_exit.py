"""How a run ends when something other than the input goes wrong: a bug (an exception zonekpi
did not expect) is exit 3 and one line asking for a report; Ctrl-C is exit 130 and nothing.

Each runs the real `main()` in a subprocess, as the installed command does, with one function
of zonekpi.api replaced by one that raises.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from zonekpi.exits import ExitCode

from .conftest import ROOT

PLAN = "plans/xinxiang-2018.yaml"
REPORT = "please report it with the command you ran"


def run_main(raised: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`zonekpi check PLAN args…` with api.check raising `raised` (a Python expression)."""
    script = (
        "import sys\n"
        "import zonekpi.api\n"
        "from zonekpi.cli import main\n"
        "def broken(*args, **kwargs):\n"
        f"    raise {raised}\n"
        "zonekpi.api.check = broken\n"
        f"sys.argv = ['zonekpi', 'check', {PLAN!r}, *{list(args)!r}]\n"
        "main()\n"
    )
    environ = {k: v for k, v in os.environ.items() if k != "ZONEKPI_DEBUG"}
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**environ, **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_a_bug_is_exit_3_and_one_line_asking_for_a_report():
    done = run_main("ValueError('boom\\nat two')")
    assert done.returncode == ExitCode.INTERNAL == 3
    assert done.stdout == ""
    assert done.stderr == f"zonekpi: internal error (ValueError: boom⏎at two); {REPORT}\n"


def test_a_bug_without_a_message_names_its_kind():
    done = run_main("RuntimeError()", "--format", "json")
    assert done.returncode == 3
    assert done.stderr == f"zonekpi: internal error (RuntimeError); {REPORT}\n"


def test_zonekpi_debug_shows_the_traceback_too():
    done = run_main("ValueError('boom')", ZONEKPI_DEBUG="1")
    assert done.returncode == 3
    assert done.stderr.startswith("Traceback (most recent call last):\n")
    assert "in broken\nValueError: boom\n" in done.stderr
    assert done.stderr.endswith(f"zonekpi: internal error (ValueError: boom); {REPORT}\n")


def test_invalid_input_is_still_exit_2_not_a_bug():
    done = run_main("__import__('zonekpi.errors').errors.invalid('x.yaml', 3, 1, 'no good')")
    assert (done.returncode, done.stderr) == (2, "zonekpi: x.yaml:3:1: no good\n")


def test_a_keyboard_interrupt_is_exit_130_and_quiet():
    done = run_main("KeyboardInterrupt")
    assert (done.returncode, done.stdout, done.stderr) == (ExitCode.INTERRUPTED, "", "")


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGINT")
def test_ctrl_c_while_blocked_writing_the_report_is_exit_130_without_aborted():
    """SIGINT, as Ctrl-C sends it, to a run blocked writing to a pager that stopped reading.
    (A named pipe given as the plan no longer blocks: it is refused before it is opened.)"""
    plans = [PLAN] * 20  # over 130 kB of report: more than a pipe holds
    run = subprocess.Popen(
        [sys.executable, "-m", "zonekpi", "check", *plans, "--format", "csv"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Python turns SIGINT into KeyboardInterrupt only when it is not ignored at start-up,
        # as it is for a background job of a shell.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert run.stdout is not None and run.stderr is not None
        assert run.stdout.read(1)  # the report has begun: the work is done, the pipe fills
        time.sleep(0.3)  # blocked in write(): nobody reads
        run.send_signal(signal.SIGINT)
        time.sleep(0.3)
        run.stdout.close()  # the pager quits: what is still buffered goes nowhere
        err = run.stderr.read().decode("utf-8")
        run.wait(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
            run.communicate()
    assert (run.returncode, err) == (130, "")


@pytest.mark.parametrize(
    ("args", "code", "starts"),
    [
        (["-o", "r.json"], 0, "{"),  # the extension picks the format
        (["-o", "r.md"], 0, "**"),
        (["-o", "r.csv"], 0, "plan,year,"),
        (["-o", "r.txt", "-f", "text"], 0, "测试 2018年"),
        (["-o", "r.json", "-f", "csv"], 2, None),  # the two disagree: refused
        (["-o", "r.xlsx"], 0, "PK"),  # a workbook (a zip), never CSV text under its name
        (["-o", "r.xlsx", "-f", "csv"], 2, None),
    ],
)
def test_the_output_files_extension_picks_or_checks_the_format(
    plan_file, tmp_path, args, code, starts
):
    plan = plan_file(
        "id: t\ntitle: 测试\nyear: 2018\n"
        "indicators:\n  - {id: a, name: A, unit: 家, targets: [{at_least: 1 家}]}\n"
    )
    out = tmp_path / args[1]
    done = subprocess.run(
        [sys.executable, "-m", "zonekpi", "check", str(plan), "-o", str(out), *args[2:]],
        capture_output=True,
        text=True,
    )
    assert done.returncode == code, done.stderr
    if starts is None:
        assert not out.exists() and done.stderr.count("\n") == 1
    else:
        assert out.read_bytes().startswith(starts.encode("utf-8"))
