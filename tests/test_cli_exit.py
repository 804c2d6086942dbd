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
from pathlib import Path

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


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_ctrl_c_while_reading_a_plan_is_exit_130_without_aborted(tmp_path: Path):
    """SIGINT, as Ctrl-C sends it, to a run blocked reading a plan from a named pipe."""
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    run = subprocess.Popen(
        [sys.executable, "-m", "zonekpi", "check", str(fifo)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Python turns SIGINT into KeyboardInterrupt only when it is not ignored at start-up,
        # as it is for a background job of a shell.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    writer = None
    try:
        deadline = time.monotonic() + 60
        while writer is None:  # opening the writing end succeeds once zonekpi opens the plan
            try:
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                assert run.poll() is None and time.monotonic() < deadline, run.communicate()
                time.sleep(0.02)
        time.sleep(0.1)  # into read(): the plan's first byte never comes
        run.send_signal(signal.SIGINT)
        out, err = run.communicate(timeout=60)
    finally:
        if writer is not None:
            os.close(writer)
        if run.poll() is None:
            run.kill()
            run.communicate()
    assert (run.returncode, out, err) == (130, "", "")
