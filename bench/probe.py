"""How the benchmark runs a command: in a process of its own, with an environment as installed
(compiled modules reused, a cache of its own, no colour), measuring its wall time, CPU time, page
faults and peak memory. Shared by bench/run.py and the cases beside it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Runs one command and reports its wall time, CPU time, page faults and peak memory, from a
# process of its own so that they are that command's alone.
PROBE = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
wall = time.perf_counter() - t
used = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu, faults = used.ru_utime + used.ru_stime, used.ru_minflt + used.ru_majflt
print(json.dumps({"wall": wall, "cpu": cpu, "faults": faults, "rss_kb": used.ru_maxrss, "rc": rc}))
"""


def environment(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules are reused
    env["ZONEKPI_CACHE"] = str(cache)
    env["NO_COLOR"] = "1"
    return env


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    return time.perf_counter() - t


def probed(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *cmd], capture_output=True, text=True, env=env, cwd=ROOT
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def zonekpi_command() -> str:
    beside = Path(sys.executable).parent / ("zonekpi.exe" if os.name == "nt" else "zonekpi")
    found = str(beside) if beside.exists() else shutil.which("zonekpi")
    if not found:
        sys.exit("bench: no zonekpi beside this Python; pip install . first")
    return found
