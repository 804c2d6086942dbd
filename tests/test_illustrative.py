"""示例数据: when any figure a report uses is marked illustrative, every format says so.

The example figure files under examples/ mark every row 示例数据 (note column), or say it in the
title and a 注 line (the layouts); plans/jianxi-2022.yaml carries the 2021 figures of the
published speech, unmarked. Worked by hand from those files.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from zonekpi.model.common import is_illustrative

ROOT = Path(__file__).resolve().parent.parent
XX18 = str(ROOT / "plans" / "xinxiang-2018.yaml")
XX18_FIG = str(ROOT / "examples" / "xinxiang-2018-figures.csv")
XX18_YUEBAO = str(ROOT / "examples" / "xinxiang-2018-2018-10-yuebao.csv")
JX22 = str(ROOT / "plans" / "jianxi-2022.yaml")
BANNER_ZH = "示例数据: 本报告所用数字为示例, 非实际统计数据"
BANNER_EN = "Illustrative data: the figures in this report are examples, not official statistics"
EXAMPLE = ("check", XX18, "--data", XX18_FIG)
REAL = ("check", JX22, "--year", "2021")  # the plan's own figures, not marked


@pytest.mark.parametrize(
    ("note", "marked"),
    [
        ("示例数据", True),
        ("示例数据 (illustrative)", True),
        ("Illustrative figures", True),
        ("示例", True),
        ("", False),
        (None, False),
        ("统计局快报", False),
        ("实际", False),
    ],
)
def test_what_marks_a_figure(note, marked):
    assert is_illustrative(note) is marked


@pytest.mark.parametrize("fmt", ["plain", "table", "markdown"])
def test_tables_say_it_under_the_title(cli, fmt):
    lines = cli(*EXAMPLE, "-f", fmt).stdout.splitlines()
    assert lines[0].startswith("**新乡自创区2018年建设推进计划") or lines[0].startswith("新乡")
    under = [ln for ln in lines[1:4] if ln.strip()]
    assert under[0] == BANNER_ZH
    assert cli(*EXAMPLE, "-f", fmt).stdout.count(BANNER_ZH) == 1


def test_text_says_it_before_the_sentences(cli):
    lines = cli(*EXAMPLE, "-f", "text").stdout.splitlines()
    assert lines[2] == BANNER_ZH and "研发" in lines[3]


def test_english_report_says_it_in_english(cli):
    out = cli(*EXAMPLE, "-f", "plain", "--lang", "en").stdout
    assert out.splitlines()[1] == BANNER_EN and BANNER_ZH not in out


@pytest.mark.parametrize("fmt", ["csv", "tsv", "long"])
def test_every_csv_row_says_true(cli, fmt):
    out = cli(*EXAMPLE, "-f", fmt).stdout
    rows = list(csv.DictReader(io.StringIO(out), delimiter="\t" if fmt == "tsv" else ","))
    assert rows and {r["illustrative"] for r in rows} == {"true"}
    assert BANNER_ZH not in out  # data for programs: the column says it, not a line


def test_json_says_it_at_the_top(cli):
    from jsonschema import Draft202012Validator

    from zonekpi.read.schema import schema

    doc = json.loads(cli(*EXAMPLE, "-f", "json").stdout)
    assert doc["illustrative"] is True
    Draft202012Validator(schema("report.schema.json")).validate(doc)
    older = {k: v for k, v in doc.items() if k != "illustrative"}  # a report written before it
    Draft202012Validator(schema("report.schema.json")).validate(older)


def test_the_plans_own_figures_are_not_marked(cli):
    for fmt in ("plain", "markdown", "text"):
        out = cli(*REAL, "--by-park", "-f", fmt).stdout
        assert "示例数据" not in out, fmt
    for fmt in ("csv", "long"):
        rows = list(csv.DictReader(io.StringIO(cli(*REAL, "-f", fmt).stdout)))
        assert rows and {r["illustrative"] for r in rows} == {"false"}
    assert json.loads(cli(*REAL, "-f", "json").stdout)["illustrative"] is False


def test_a_layout_that_says_it_in_its_title_marks_its_figures(cli):
    # the 月报 layout says 示例数据 in its title row and its 注 line, not in a column
    args = ("check", XX18, "--period", "2018-10", "--data", XX18_YUEBAO)
    assert cli(*args, "-f", "plain").stdout.splitlines()[1] == BANNER_ZH
    assert json.loads(cli(*args, "-f", "json").stdout)["illustrative"] is True


def test_one_marked_figure_of_the_year_is_enough(cli, plan_file, tmp_path):
    plan = plan_file(
        """\
        id: t
        title: 测试
        year: 2018
        indicators:
          - {id: a, name: 企业, unit: 家, targets: [{at_least: 1 家}]}
          - {id: b, name: 项目, unit: 个, targets: [{at_least: 1 个}]}
        """
    )
    data = tmp_path / "f.csv"
    data.write_text(
        "indicator,park,period,value,unit,note\na,,2018,2,家,\nb,,2018,3,个,示例\n", "utf-8"
    )
    doc = json.loads(cli("check", str(plan), "--data", str(data), "-f", "json").stdout)
    assert doc["illustrative"] is True
    # marked only in a year no check of 2018 reads (more than 5 years before): not said
    data.write_text(
        "indicator,park,period,value,unit,note\na,,2018,2,家,\nb,,2018,3,个,\n"
        "b,,2010,1,个,示例数据\n",
        "utf-8",
    )
    result = cli("check", str(plan), "--data", str(data), "-f", "json")
    assert json.loads(result.stdout)["illustrative"] is False


def test_other_commands_say_it_too(cli):
    rank = cli(
        "rank",
        str(ROOT / "plans" / "luoyang-gxq-2018.yaml"),
        "--data",
        str(ROOT / "examples" / "luoyang-gxq-2018-figures.csv"),
        "-f",
        "plain",
    ).stdout
    assert rank.splitlines()[1] == BANNER_ZH
    compare = cli("compare", XX18, str(ROOT / "examples" / "xinxiang-2019.yaml"), "-f", "json")
    assert json.loads(compare.stdout)["illustrative"] is True
    claims = str(ROOT / "examples" / "xinxiang-gxq-2020-claims.csv")
    plan = str(ROOT / "plans" / "xinxiang-gxq-2020.yaml")
    settled = cli("incentives", plan, "--data", claims, "-f", "csv", "--by", "rule").stdout
    assert {r["illustrative"] for r in csv.DictReader(io.StringIO(settled))} == {"true"}
    from jsonschema import Draft202012Validator

    from zonekpi.read.schema import schema

    doc = json.loads(cli("incentives", plan, "--data", claims, "-f", "json").stdout)
    assert doc["illustrative"] is True
    Draft202012Validator(schema("incentives.schema.json")).validate(doc)


def test_one_function_answers_for_every_format():
    from zonekpi.api import check, load_plan
    from zonekpi.view.illustrative import illustrative

    assert illustrative(check(load_plan(XX18, data=[XX18_FIG]))) is True
    assert illustrative(check(load_plan(JX22), year=2021)) is False
    assert illustrative(check(load_plan(XX18))) is False  # the published plan, no figures
