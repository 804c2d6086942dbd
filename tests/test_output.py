"""Output formats: exact shapes per format, the JSON schema, CSV safety, exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from zonekpi.cli import cli
from zonekpi.render import FORMATS

from .conftest import HEADER

PLAN = (
    HEADER
    + """
indicators:
  - id: htf
    name: 高新技术企业
    unit: 家
    targets:
      - {at_least: 90 家, tier: floor}
      - {at_least: 95 家, tier: stretch}
  - {id: u, name: 城镇调查失业率, unit: "%", direction: lower, targets: [{at_most: 5.5%}]}
  - {id: x, name: "=HYPERLINK(\\"http://x\\")", unit: 项, targets: [{at_least: 1 项}]}
figures:
  - {indicator: htf, period: 2018, value: 92 家}
  - {indicator: u, period: 2018, value: 5.1%}
"""
)


@pytest.fixture
def plan(plan_file):
    return str(plan_file(PLAN))


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_json_follows_the_report_schema(plan):
    from jsonschema import Draft202012Validator

    from zonekpi.read.schema import schema

    result = run("check", plan, "--format", "json")
    # 92 ≥ 90 (确保) decides: met; 92 < 95 (力争) is reported beside it, not failed
    assert result.exit_code == 0
    assert run("check", plan, "--format", "json", "--fail-on", "stretch").exit_code == 1
    doc = json.loads(result.stdout)
    Draft202012Validator(schema("report.schema.json")).validate(doc)
    findings = doc["results"][0]["findings"]
    stretch = next(f for f in findings if f["tier"] == "stretch")
    assert stretch["actual"]["value"] == 92 and stretch["target"]["value"] == 95
    assert stretch["status"] == "missed" and stretch["decides"] is False
    assert stretch["completion"] == pytest.approx(92 / 95, abs=1e-6)
    # counts of the deciding rows (htf's floor, u, x), the stretch tier apart
    assert doc["results"][0]["summary"] == {
        "met": 2,
        "missed": 0,
        "no_data": 1,
        "on_track": 0,
        "behind": 0,
        "below": 0,
        "overdue": 0,
        "on_path": 0,
        "behind_path": 0,
        "stretch": {"missed": 1},
        "total": 4,
        "success": True,
    }


def test_csv_is_rectangular_with_a_header_and_formula_safe(plan):
    result = run("check", plan, "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:4] == ["plan", "year", "indicator", "name"]
    assert len(rows) == 5  # header + 4 findings
    assert {len(r) for r in rows} == {len(rows[0])}
    names = [r[3] for r in rows[1:]]
    # plain CSV is data for programs: the name as the plan writes it
    assert '=HYPERLINK("http://x")' in names
    gap = rows[0].index("gap")
    assert [r[gap] for r in rows[1:3]] == ["2", "-3"]  # numbers, not "+2家"
    # --excel is for a spreadsheet: a cell from plan text cannot start a formula there
    excel = run("check", plan, "--format", "csv", "--excel").stdout.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(excel, newline="")))
    assert '\'=HYPERLINK("http://x")' in [r[3] for r in rows[1:]]
    assert [r[gap] for r in rows[1:3]] == ["2", "-3"]  # numbers stay numbers


def test_excel_csv_has_a_bom_only_when_asked(plan):
    from zonekpi.core.check import check
    from zonekpi.read.plan import load_plan
    from zonekpi.render import Options, render
    from zonekpi.view.outputs import CheckOutput

    out = CheckOutput([check(load_plan(plan))])
    assert render(out, Options("csv", excel=True)).startswith("\ufeffplan,")
    assert render(out, Options("csv")).startswith("plan,")


def test_tsv_uses_tabs(plan):
    first = run("check", plan, "--format", "tsv").stdout.splitlines()[0]
    assert first.split("\t")[:2] == ["plan", "year"]


def test_markdown_is_a_pipe_table(plan):
    out = run("check", plan, "--format", "markdown").stdout
    lines = [ln for ln in out.splitlines() if ln.startswith("|")]
    assert lines[0].startswith("| 指标") and set(lines[1]) <= set("|-: ")
    assert len(lines) == 6  # header, rule, 4 rows
    assert "未达标" in out and "\x1b" not in out


def test_plain_aligns_wide_characters(plan):
    import re

    from wcwidth import wcswidth

    out = run("check", plan, "--format", "plain").stdout.splitlines()
    rule = out[3]
    status_start = [m.start() for m in re.finditer(r"-+", rule)][-1]
    rows = [line.rstrip() for line in out[4:8]]
    assert len(rows) == 4
    for line in rows:
        status = line.split()[-1]
        assert status in ("达标", "未达标", "无数据", "力争未达标")
        # Everything before the status is exactly as wide (in terminal cells) as the rule says.
        assert wcswidth(line[: len(line) - len(status)]) == status_start, line


def test_table_when_piped_is_plain_without_colour(plan):
    out = run("check", plan).stdout
    assert "\x1b" not in out and "高新技术企业" in out


def test_rich_table_colours_only_on_request(plan):
    from zonekpi.core.check import check
    from zonekpi.read.plan import load_plan
    from zonekpi.render import Options, render
    from zonekpi.view.outputs import CheckOutput

    out = CheckOutput([check(load_plan(plan))])
    coloured = render(out, Options("table", color=True, width=120))
    plain = render(out, Options("table", color=False, width=120))
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert "高新技术企业" in plain and "…" not in plain  # folded, not cut


def test_format_choices_come_from_the_registry():
    result = run("check", "--help")
    for name in FORMATS:
        assert name in result.stdout


def test_exit_codes(plan_file):
    met = plan_file(
        HEADER
        + """
indicators: [{id: a, name: 甲, unit: 家, targets: [{at_least: 1 家}]}]
figures: [{indicator: a, period: 2018, value: 1 家}]
""",
        "met.yaml",
    )
    assert run("check", str(met)).exit_code == 0
    assert run("check", str(met).replace("met", "nope")).exit_code == 2
    assert run("check", str(met), "--format", "nope").exit_code == 2
    assert run("check", str(met), "--park", "gxq").exit_code == 2


def test_every_command_has_help():
    for name, command in cli.commands.items():
        assert command.help, name
        assert run(name, "--help").exit_code == 0


def _on_a_terminal(args: list[str]) -> tuple[int, str, str]:
    """Run zonekpi with standard output on a pseudo-terminal, as a person at a prompt does."""
    import os
    import pty
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "COLUMNS": "160", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "zonekpi", *args],
        stdout=slave,
        stderr=subprocess.PIPE,
        cwd=root,
        env=env,
    )
    os.close(slave)
    chunks = []
    while True:  # read while it writes: a full pty buffer would otherwise block it
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child has closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    err = proc.stderr.read().decode() if proc.stderr else ""
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace"), err


@pytest.mark.skipif(__import__("sys").platform == "win32", reason="no pseudo-terminals")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "plans/xinxiang-2018.yaml"],
        ["check", "plans/xinxiang-2018.yaml", "--by-park"],
        ["compare", "plans/xinxiang-2018.yaml", "examples/xinxiang-2019.yaml"],
        ["path", "plans/jianxi-2022.yaml", "gdp"],
        ["rank", "plans/luoyang-gxq-2018.yaml", "-d", "examples/luoyang-gxq-2018-figures.csv"],
        [
            "rank",
            "plans/xinxiang-2018.yaml",
            "--period",
            "2018-10",
            "-d",
            "examples/xinxiang-2018-2018-10.csv",
            "--explain",
        ],
        [
            "incentives",
            "plans/xinxiang-gxq-2020.yaml",
            "-d",
            "examples/xinxiang-gxq-2020-claims.csv",
        ],
    ],
)
def test_every_command_draws_its_table_on_a_terminal(args):
    # `rank` once crashed here: its tables carry no statuses, and only a terminal draws rich.
    code, out, err = _on_a_terminal(args)
    assert "Traceback" not in err and "Traceback" not in out, err
    assert code in (0, 1), err
    assert "\x1b[" in out  # coloured: it really was the terminal table
