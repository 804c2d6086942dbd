"""What shell scripts rely on: exit statuses, --quiet, --fail-on, --output, --excel."""

from __future__ import annotations

import os

import pytest

from zonekpi.errors import ZonekpiError
from zonekpi.plumbing import write_atomic

from .conftest import ROOT

PLAN = str(ROOT / "plans" / "xinxiang-2018.yaml")
DATA = str(ROOT / "examples" / "xinxiang-2018-figures.csv")  # 43 met, 5 missed, 2 no data


def test_quiet_prints_nothing_and_keeps_the_exit_status(cli):
    result = cli("check", PLAN, "--data", DATA, "--quiet")
    assert result.exit_code == 1  # 5 targets missed
    assert result.stdout == "" and result.stderr == ""


@pytest.mark.parametrize(("fail_on", "code"), [("missed", 1), ("behind", 1), ("never", 0)])
def test_fail_on_chooses_what_makes_exit_1(cli, fail_on, code):
    assert cli("check", PLAN, "--data", DATA, "-q", "--fail-on", fail_on).exit_code == code


def test_fail_on_never_still_fails_on_bad_input(cli, tmp_path):
    missing = str(tmp_path / "nope.yaml")
    assert cli("check", missing, "--fail-on", "never").exit_code == 2


def test_output_writes_the_report_to_a_file(cli, tmp_path):
    out = tmp_path / "report.csv"
    result = cli("check", PLAN, "--data", DATA, "-f", "csv", "--output", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("plan,year,indicator,")
    # the header, 50 targets, and 5 park rows under each of 4 coverage, 1 per-park, 1 allocation
    # 58 targets of the zone; 7 coverage, 1 per-park and 1 allocation target with a row a park
    assert len(text.splitlines()) == 1 + 58 + (7 + 1 + 1) * 5
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]  # no temporary file left


def test_output_refuses_to_replace_an_input_file(cli, tmp_path):
    plan = tmp_path / "plan.yaml"
    original = (ROOT / "plans" / "xinxiang-2018.yaml").read_bytes()
    plan.write_bytes(original)
    result = cli("check", str(plan), "--output", str(plan))
    assert result.exit_code == 2 and "input files" in result.stderr
    assert plan.read_bytes() == original


def test_excel_csv_has_a_bom_and_crlf(cli, tmp_path):
    out = tmp_path / "r.csv"
    cli("check", PLAN, "--data", DATA, "-f", "csv", "--excel", "-o", str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfplan,year,")
    assert raw.count(b"\r\n") == raw.count(b"\n")


def test_excel_needs_csv_or_tsv(cli):
    result = cli("check", PLAN, "--excel")
    assert result.exit_code == 2 and "--excel" in result.stderr


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("last month", encoding="utf-8")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ZonekpiError, match=f"could not write the output {target}: disk full"):
        write_atomic(target, "this month")
    assert target.read_text(encoding="utf-8") == "last month"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_failed_write_of_the_output_names_the_file(cli, tmp_path, monkeypatch):
    import errno

    target = tmp_path / "report.csv"
    target.write_text("last month", encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = cli("check", PLAN, "-f", "csv", "-o", str(target))
    assert result.exit_code == 2
    assert (
        result.stderr == f"zonekpi: could not write the output {target}: No space left on device\n"
    )
    assert target.read_text(encoding="utf-8") == "last month"


def test_atomic_write_keeps_the_reports_permissions(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_run_killed_while_writing_leaves_the_old_report_intact(tmp_path):
    """The process dies (SIGKILL, as a power cut or `kill -9` would) after the new report is
    written to its temporary file and before it is renamed: the old report is untouched."""
    import signal
    import subprocess
    import sys

    if not hasattr(signal, "SIGKILL"):
        pytest.skip("no SIGKILL on this platform")
    target = tmp_path / "report.csv"
    target.write_text("last month's report\n", encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from zonekpi.cli import main\n"
        f"sys.argv = ['zonekpi', 'check', {PLAN!r}, '-f', 'csv', '-o', {str(target)!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == "last month's report\n"
    left = [p.name for p in tmp_path.iterdir() if p.name != "report.csv"]
    assert all(name.startswith(".report.csv.") for name in left)  # hidden, never the report


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("last month", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "this month")
    assert target.read_text(encoding="utf-8") == "last month"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_rank_output_never_replaces_an_input(cli, tmp_path):
    import shutil

    plan = tmp_path / "plan.yaml"
    shutil.copy(ROOT / "plans" / "xinxiang-2018.yaml", plan)
    before = plan.read_bytes()
    result = cli("rank", str(plan), "-o", str(plan))
    assert result.exit_code == 2
    assert plan.read_bytes() == before
