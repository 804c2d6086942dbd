"""Figure tables as offices send them (issue 18): Chinese headings and names, the layouts of a
统计月报, revisions by status, rows for indicators the plan does not have. Every expected figure
is worked out by hand from the table in the test."""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from zonekpi.errors import InvalidInput
from zonekpi.model.periods import Period
from zonekpi.read.plan import load_plan

from .conftest import ROOT

XX18 = str(ROOT / "plans" / "xinxiang-2018.yaml")
LONG = ROOT / "examples" / "xinxiang-2018-2018-10.csv"
LAYOUT_EXAMPLES = [
    "xinxiang-2018-2018-10-zh-long.csv",
    "xinxiang-2018-2018-10-yuebao.csv",
    "xinxiang-2018-2018-10-periods-across.csv",
    "xinxiang-2018-2018-10-parks-across.csv",
    "xinxiang-2018-2018-10-park-sheets.xlsx",
]

PLAN = """\
id: t
title: 测试
region: 示例高新区
year: 2018
parks:
  - {id: gxq, name: 高新区, aliases: [高新技术产业开发区]}
  - {id: jkq, name: 经开区}
indicators:
  - id: gdp
    name: 生产总值
    aliases: [地区生产总值, GDP]
    unit: 亿元
    targets: [{at_least: 300 亿元}]
  - id: hvta
    name: 高新技术产业增加值
    unit: 亿元
    growth_basis: comparable
    targets: [{growth: 10%}]
  - id: firms
    name: 高新技术企业
    unit: 家
    stock: true
    targets: [{at_least: 95 家}]
  - id: patents
    name: 发明专利授权量
    was: 专利授权
    unit: 件
    targets: [{at_least: 100 件}]
  - id: patent-apps
    name: 专利申请量
    aliases: [专利]
    unit: 件
  - id: patent-grants
    name: 专利授权量
    aliases: [专利]
    unit: 件
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(path)


def figures(plan: Path, *data: str, **kwargs) -> dict:
    """{(indicator, park, period as written): (value, growth)} of the plan with `data`."""
    loaded = load_plan(plan, data=data, **kwargs)
    return {(f.indicator, f.park, str(f.period)): (f.value, f.growth) for f in loaded.figures}


def problems(plan: Path, *data: str, **kwargs) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_plan(plan, data=data, **kwargs)
    return [str(p) for p in caught.value.problems]


def notes(plan: Path, *data: str, **kwargs) -> list[str]:
    return list(load_plan(plan, data=data, **kwargs).notes)


# ------------------------------------------------------------- every layout, one check


@pytest.mark.parametrize("name", LAYOUT_EXAMPLES)
def test_each_example_layout_gives_the_check_of_the_long_table(cli, name):
    args = ["check", XX18, "--period", "2018-10", "-f", "json", "--data"]
    long = cli(*args, str(LONG))
    layout = cli(*args, str(ROOT / "examples" / name))
    assert layout.exit_code == long.exit_code == 0, layout.stderr
    assert layout.stderr == long.stderr == ""
    assert json.loads(layout.stdout) == json.loads(long.stdout)
    assert layout.stdout == long.stdout


@pytest.mark.parametrize("name", LAYOUT_EXAMPLES)
def test_the_examples_are_marked_illustrative(name):
    path = ROOT / "examples" / name
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        text = " ".join(
            str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row
        )
        book.close()
    else:
        text = path.read_text(encoding="utf-8")
    assert "示例数据" in text


# ----------------------------------------------------------- Chinese headings and names


def test_a_long_table_under_chinese_headings_with_names_and_aliases(plan, tmp_path):
    data = write(
        tmp_path,
        "zh.csv",
        """
        指标名称,园区/单位,时间,本期,计量单位,口径,备注
        地区生产总值,高新技术产业开发区,2018年1-10月,120,亿元,,
        生产总值,经开区,2018-10,95,亿元,,
        GDP,合计,2018-10,215,亿元,,
        高新技术产业增加值,全区,2018-10,8.5,%,增速,快报数
        """,
    )
    got = figures(plan, data)
    assert got[("gdp", "gxq", "2018-10")] == (Decimal(120), None)
    assert got[("gdp", "jkq", "2018-10")] == (Decimal(95), None)
    assert got[("gdp", None, "2018-10")] == (Decimal(215), None)  # 合计: the zone's own total
    assert got[("hvta", None, "2018-10")] == (None, Decimal("8.5"))


def test_the_english_long_table_takes_names_and_aliases_too(plan, tmp_path):
    data = write(
        tmp_path,
        "en.csv",
        """
        indicator,park,period,value,unit
        GDP,高新区,2018,300,亿元
        """,
    )
    assert figures(plan, data) == {("gdp", "gxq", "2018"): (Decimal(300), None)}


def test_a_renamed_indicator_is_found_by_its_old_name(plan, tmp_path):
    data = write(tmp_path, "was.csv", "指标,期间,数值,单位\n专利授权,2018,120,件\n")
    assert figures(plan, data) == {("patents", None, "2018"): (Decimal(120), None)}


def test_an_ambiguous_name_is_refused_with_both_candidates(plan, tmp_path):
    data = write(tmp_path, "amb.csv", "指标,期间,数值,单位\n专利,2018,120,件\n")
    assert problems(plan, data) == [
        f"{data}:2: indicator '专利' is ambiguous: it names 专利申请量 (patent-apps), "
        "专利授权量 (patent-grants); write the id"
    ]


def test_an_unknown_name_says_which_it_may_be(plan, tmp_path):
    data = write(tmp_path, "typo.csv", "指标,期间,数值,单位\n生产总直,2018,300,亿元\n")
    assert problems(plan, data) == [
        f"{data}:2: unknown indicator '生产总直'; did you mean '生产总值' (gdp)?"
    ]


def test_an_unknown_park_name_lists_the_parks(plan, tmp_path):
    data = write(tmp_path, "park.csv", "指标,园区,期间,数值,单位\n生产总值,新区,2018,300,亿元\n")
    (line,) = problems(plan, data)
    assert line.startswith(f"{data}:2: unknown park '新区' (parks: 高新区 gxq, 经开区 jkq;")


# -------------------------------------------------------------------------- 统计月报


YUEBAO = """
    2018年1-10月示例高新区主要指标（示例数据）
    单位：亿元
    序号,指标名称,园区,本月,1-10月累计,去年同期,同比增长(%),上年全年
    一、经济指标,,,,,,,
    1,地区生产总值,高新区,13.2,120,108,11.1,135
    ,,经开区,10.1,95,88,8.0,
    ,,合计,23.3,215,196,9.7,
    2,高新技术产业增加值,合计,6,60,55,7.5,
    注：本表为示例数据。
    2. 合计为全区数。
    """


def test_a_yuebao_its_columns_relative_to_the_title_period(plan, tmp_path):
    data = write(tmp_path, "yb.csv", YUEBAO)
    # 1-10月累计 is 2018-10; 去年同期 2017-10; 上年全年 2017; 同比 the growth of 2018-10.
    # 本月 beside 1-10月累计 is no figure of its own (it only checks the year to date).
    assert figures(plan, data) == {
        ("gdp", "gxq", "2018-10"): (Decimal(120), Decimal("11.1")),
        ("gdp", "gxq", "2017-10"): (Decimal(108), None),
        ("gdp", "gxq", "2017"): (Decimal(135), None),
        ("gdp", "jkq", "2018-10"): (Decimal(95), Decimal("8.0")),
        ("gdp", "jkq", "2017-10"): (Decimal(88), None),
        ("gdp", None, "2018-10"): (Decimal(215), Decimal("9.7")),
        ("gdp", None, "2017-10"): (Decimal(196), None),
        ("hvta", None, "2018-10"): (Decimal(60), Decimal("7.5")),
        ("hvta", None, "2017-10"): (Decimal(55), None),
    }
    # 120 ÷ 108 − 1 = 11.11% (reported 11.1), 95 ÷ 88 − 1 = 7.95% (8.0), 215 ÷ 196 − 1 =
    # 9.69% (9.7): all within rounding; 增加值 is at comparable prices and never compared
    assert notes(plan, data) == []


def test_the_period_from_a_cell_the_sheet_name_or_the_command_line(plan, tmp_path):
    rows = "指标,单位,本月,累计\n生产总值,亿元,30,250\n"
    in_cell = write(tmp_path, "cell.csv", "期间,2018年1-9月\n" + rows)
    assert set(figures(plan, in_cell)) == {("gdp", None, "2018-09")}
    bare = write(tmp_path, "bare.csv", rows)
    assert set(figures(plan, bare, period=Period(2018, 1, 8))) == {("gdp", None, "2018-08")}
    book = tmp_path / "sheet.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "2018年1-7月"
    for row in rows.splitlines():
        wb.active.append([int(c) if c.isdigit() else c for c in row.split(",")])
    wb.save(book)
    assert set(figures(plan, str(book))) == {("gdp", None, "2018-07")}


def test_a_relative_column_without_a_period_is_refused(plan, tmp_path):
    data = write(tmp_path, "noperiod.csv", "指标,单位,本月,累计\n生产总值,亿元,30,250\n")
    assert problems(plan, data) == [
        f"{data}:1: cell C1: the period of the table is not stated, and column '本月' is "
        "relative to it; put it in the title (2018年1-10月), in a 期间 cell above the header "
        "(期间: 2018-10), or give --period"
    ]


def test_a_month_alone_is_a_figure_when_no_year_to_date_is_beside_it(plan, tmp_path):
    data = write(tmp_path, "m.csv", "2018年10月\n指标,单位,本月\n生产总值,亿元,30\n")
    assert figures(plan, data) == {("gdp", None, "2018-10..10"): (Decimal(30), None)}


def test_a_growth_row_under_its_indicator(plan, tmp_path):
    data = write(
        tmp_path,
        "g.csv",
        """
        2018年1-10月
        指标,单位,1-10月累计
        高新技术产业增加值,亿元,60
        高新技术产业增加值增速,%,7.5
        """,
    )
    assert figures(plan, data) == {("hvta", None, "2018-10"): (Decimal(60), Decimal("7.5"))}


def test_numbers_as_text_with_separators_and_full_width_digits_are_read(plan, tmp_path):
    data = write(
        tmp_path,
        "t.csv",
        """
        2018年1-10月
        指标,单位,1-10月累计,去年同期
        生产总值,万元,"1,234,500",１，１００，０００
        """,
    )
    assert figures(plan, data) == {
        ("gdp", None, "2018-10"): (Decimal("123.45"), None),  # 1,234,500万元 = 123.45亿元
        ("gdp", None, "2017-10"): (Decimal(110), None),
    }
    assert notes(plan, data) == []


def test_dashes_are_no_figure(plan, tmp_path):
    data = write(
        tmp_path, "d.csv", "2018年1-10月\n指标,单位,本月,累计,去年同期\n生产总值,亿元,—,250,-\n"
    )
    assert figures(plan, data) == {("gdp", None, "2018-10"): (Decimal(250), None)}


# ------------------------------------------------------------------------ months across


def test_months_across(plan, tmp_path):
    data = write(
        tmp_path,
        "months.csv",
        """
        示例高新区2018年分月数据
        指标,单位,1月,2月,3月,1-3月
        生产总值,亿元,30,31,32,93
        高新技术企业,家,80,82,85,
        """,
    )
    got = figures(plan, data)
    assert got[("gdp", None, "2018-01")] == (Decimal(30), None)  # 1月: January is 1–1月
    assert got[("gdp", None, "2018-02..02")] == (Decimal(31), None)
    assert got[("gdp", None, "2018-03")] == (Decimal(93), None)
    assert got[("firms", None, "2018-03..03")] == (Decimal(85), None)
    assert notes(plan, data) == []  # 30 + 31 + 32 = 93


def test_yyyy_mm_headings_are_years_to_date_unless_the_title_says_months(plan, tmp_path):
    rows = "指标,单位,2018-01,2018-02\n生产总值,亿元,30,61\n"
    assert set(figures(plan, write(tmp_path, "a.csv", rows))) == {
        ("gdp", None, "2018-01"),
        ("gdp", None, "2018-02"),
    }
    monthly = write(tmp_path, "b.csv", "分月数据（当月）\n" + rows)
    assert set(figures(plan, monthly)) == {("gdp", None, "2018-01"), ("gdp", None, "2018-02..02")}


# ------------------------------------------------------------------------- parks across


def test_parks_across_with_the_zones_total(plan, tmp_path):
    data = write(
        tmp_path,
        "parks.csv",
        """
        2018年1-10月 分园区
        指标,单位,高新区,经开区,合计
        生产总值,亿元,120,95,215
        高新技术企业,家,60,30,
        """,
    )
    assert figures(plan, data) == {
        ("gdp", "gxq", "2018-10"): (Decimal(120), None),
        ("gdp", "jkq", "2018-10"): (Decimal(95), None),
        ("gdp", None, "2018-10"): (Decimal(215), None),
        ("firms", "gxq", "2018-10"): (Decimal(60), None),
        ("firms", "jkq", "2018-10"): (Decimal(30), None),
    }


def test_a_park_column_that_names_no_park(plan, tmp_path):
    data = write(
        tmp_path, "p.csv", "2018年1-10月\n指标,单位,高新区,新区,合计\n生产总值,亿元,1,2,3\n"
    )
    assert problems(plan, data) == [
        f"{data}:2: the columns are parks, and '新区' (D2) names no park (parks: 高新区 gxq, "
        "经开区 jkq; the zone: 合计 or 全区); write the park's name, id or an alias of it in the "
        "plan"
    ]


# ------------------------------------------------------------------ a sheet for each park


def park_book(path: Path, sheets: dict[str, list[list[object]]]) -> str:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return str(path)


HEAD = ["指标名称", "单位", "本月", "1-10月累计", "去年同期", "同比增长(%)"]


def test_a_workbook_with_a_sheet_for_each_park(plan, tmp_path):
    book = park_book(
        tmp_path / "parks.xlsx",
        {
            "高新区": [["2018年1-10月 高新区"], HEAD, ["生产总值", "亿元", 12, 120, 108, 11.1]],
            "jkq": [["2018年1-10月"], HEAD, ["生产总值", "亿元", 10, 95, None, None]],
            "全区": [["2018年1-10月"], HEAD, ["生产总值", "亿元", 22, 215, None, None]],
            "说明": [["示例数据"]],
        },
    )
    assert figures(plan, book) == {
        ("gdp", "gxq", "2018-10"): (Decimal(120), Decimal("11.1")),
        ("gdp", "gxq", "2017-10"): (Decimal(108), None),
        ("gdp", "jkq", "2018-10"): (Decimal(95), None),
        ("gdp", None, "2018-10"): (Decimal(215), None),
    }


def test_a_park_sheet_named_for_no_park_is_refused(plan, tmp_path):
    book = park_book(
        tmp_path / "parks.xlsx",
        {
            "高新区": [["2018年1-10月"], HEAD, ["生产总值", "亿元", 12, 120, None, None]],
            "新区": [["2018年1-10月"], HEAD, ["生产总值", "亿元", 1, 2, None, None]],
        },
    )
    assert problems(plan, book) == [
        f"{book}#新区: the workbook has a sheet for each park, and sheet '新区' is named for no "
        "park (parks: 高新区 gxq, 经开区 jkq; the zone: 全区 or 合计); rename it for its park, or "
        "move it out of the workbook"
    ]


def test_a_percentage_cell_in_a_column_of_levels(plan, tmp_path):
    book = tmp_path / "pct.xlsx"
    park_book(book, {"1-10月": [["2018年1-10月"], HEAD, ["生产总值", "亿元", None, 0.085]]})
    wb = openpyxl.load_workbook(book)
    wb["1-10月"]["D3"].number_format = "0.0%"
    wb.save(book)
    assert problems(plan, str(book)) == [
        f"{book}#1-10月:3: cell D3: '8.5%' is a percentage in the 1-10月累计 column, where "
        "'生产总值' is a level in 亿元; put a growth rate in a 同比增长(%) column (or a row "
        "'生产总值增速'), and the level here"
    ]


# ---------------------------------------------------------------- what a person would see


def test_a_yoy_that_disagrees_with_its_levels_is_a_warning(plan, tmp_path):
    data = write(
        tmp_path,
        "yoy.csv",
        "2018年1-10月\n指标,单位,1-10月累计,去年同期,同比增长(%)\n生产总值,亿元,300,270,12.5\n",
    )
    # 300 ÷ 270 − 1 = 11.11%; rounding of 300, 270 and 12.5 allows ±0.05 + 0.19 + 0.21
    assert notes(plan, data) == [
        f"warning: {data}:3: cell E3: 同比增长(%) 12.5% disagrees with 1-10月累计 300 ÷ "
        "去年同期 270 − 1 = 11.11% (C3, D3) by more than rounding; correct the cell that is "
        "wrong (the check uses the reported growth)"
    ]
    assert figures(plan, data)[("gdp", None, "2018-10")] == (Decimal(300), Decimal("12.5"))


def test_a_month_larger_than_its_year_to_date(plan, tmp_path):
    data = write(
        tmp_path, "m.csv", "2018年1-10月\n指标,单位,本月,1-10月累计\n生产总值,亿元,40,30\n"
    )
    assert notes(plan, data) == [
        f"warning: {data}:3: cell C3: 本月 40 is more than 1-10月累计 30 (D3): a month is part of "
        "its year to date; correct the cell that is wrong"
    ]


def test_months_that_do_not_add_up_to_their_year_to_date(plan, tmp_path):
    data = write(tmp_path, "s.csv", "2018年\n指标,单位,1月,2月,1-2月\n生产总值,亿元,30,31,70\n")
    # 30 + 31 = 61, not 70 (rounding allows 3 × 0.5)
    assert notes(plan, data) == [
        f"warning: {data}:3: cell E3: the months 1–2月 add up to 61, not 1-2月 70; correct the "
        "cell that is wrong"
    ]


def test_a_year_to_date_that_falls(plan, tmp_path):
    data = write(tmp_path, "f.csv", "2018年\n指标,单位,1-8月,1-9月\n生产总值,亿元,250,240\n")
    assert notes(plan, data) == [
        f"warning: {data}:3: cell D3: 1-9月 240 is less than 1-8月 250 (C3): a year to date of a "
        "flow cannot fall; correct the cell that is wrong (if the columns are the months alone, "
        "head them 8月, 9月)"
    ]


def test_a_stock_may_fall(plan, tmp_path):
    data = write(tmp_path, "f.csv", "2018年\n指标,单位,1-8月,1-9月\n高新技术企业,家,90,88\n")
    assert notes(plan, data) == []


def test_a_table_of_no_known_layout(plan, tmp_path):
    data = write(tmp_path, "x.csv", "项目名,数\n生产总值,300\n")
    assert problems(plan, data) == [
        f"{data}:1: cannot tell the layout of this table: no header row names an indicator "
        "column (指标, 指标名称 or indicator) in its first rows (found: 项目名, 数); expected a "
        "long table (指标, 园区, 期间, 数值, 单位), or indicators down with 本月, 1-N月累计, "
        "去年同期, 同比增长(%), 单位 (a 统计月报), with months across (1月 … 12月, 2018-01 …) or "
        "with parks across (高新区 …, 合计)"
    ]


def test_unknown_headings_of_a_yuebao(plan, tmp_path):
    data = write(tmp_path, "h.csv", "2018年1-10月\n指标,单位,累计,环比\n生产总值,亿元,30,2\n")
    (line,) = problems(plan, data)
    assert line.startswith(f"{data}:2: unknown column heading(s) '环比' (D2); expected a long")


# ------------------------------------------------------------------ unknown indicators


def test_unknown_indicators_are_refused_or_skipped_with_one_warning(plan, tmp_path):
    data = write(
        tmp_path,
        "u.csv",
        """
        2018年1-10月
        指标,单位,1-10月累计
        生产总值,亿元,300
        研发人员,人,30
        研发机构,个,3
        研发人员,人,31
        """,
    )
    lines = problems(plan, data)  # one line a name, with its other rows
    assert len(lines) == 2
    assert lines[0].startswith(f"{data}:4: cell A4: unknown indicator '研发人员'")
    assert lines[0].endswith("(check --skip-unknown reads the rest) (and 1 more row: 6)")
    assert lines[1].startswith(f"{data}:5: cell A5: unknown indicator '研发机构'")
    kept = load_plan(plan, data=[data], skip_unknown=True)
    assert [(f.indicator, f.value) for f in kept.figures] == [("gdp", Decimal(300))]
    assert list(kept.notes) == [
        "warning: skipped 3 rows for indicators the plan does not have (--skip-unknown): "
        "研发人员, 研发机构"
    ]


def test_skip_unknown_on_the_command_line(cli, plan, tmp_path):
    data = write(
        tmp_path, "u.csv", "indicator,period,value,unit\ngdp,2018,310,亿元\nrevenue,2018,3,亿元\n"
    )
    refused = cli("check", str(plan), "--data", data)
    assert refused.exit_code == 2
    assert "unknown indicator 'revenue'" in refused.stderr
    skipped = cli("check", str(plan), "--data", data, "--skip-unknown")
    assert skipped.exit_code in (0, 1)
    assert "skipped 1 row for indicators the plan does not have (--skip-unknown): revenue" in (
        skipped.stderr
    )


# ----------------------------------------------------------------------------- revisions


def test_the_later_status_wins_whatever_the_order_of_the_files(plan, tmp_path):
    flash = write(tmp_path, "kb.csv", "指标,期间,数值,单位,状态\n生产总值,2018-10,300,亿元,快报\n")
    final = write(tmp_path, "hs.csv", "指标,期间,数值,单位,状态\n生产总值,2018-10,306,亿元,核实\n")
    for order in ((flash, final), (final, flash)):
        assert figures(plan, *order) == {("gdp", None, "2018-10"): (Decimal(306), None)}
        assert notes(plan, *order) == [
            f"warning: revised gdp, 2018-10: 300亿元 (快报, {flash}:2) → 306亿元 (核实, {final}:2)"
        ]


def test_two_values_without_statuses_are_refused(plan, tmp_path):
    one = write(tmp_path, "a.csv", "indicator,period,value,unit\ngdp,2018-10,300,亿元\n")
    two = write(tmp_path, "b.csv", "indicator,period,value,unit\ngdp,2018-10,306,亿元\n")
    assert problems(plan, one, two) == [
        f"{two}:2: gdp, 2018-10 is 306亿元 here and 300亿元 at {one}:2; give each file's figure "
        "its status in a 状态 column (快报, 初步核算, 核实, 最终): the later status replaces the "
        "earlier; or keep one"
    ]


def test_the_same_value_twice_is_no_revision(plan, tmp_path):
    one = write(tmp_path, "a.csv", "indicator,period,value,unit\ngdp,2018-10,300,亿元\n")
    two = write(tmp_path, "b.csv", "指标,期间,数值,单位,状态\n生产总值,2018-10,300,亿元,核实\n")
    assert notes(plan, one, two) == []


def test_an_unknown_status_is_refused(plan, tmp_path):
    data = write(tmp_path, "s.csv", "指标,期间,数值,单位,状态\n生产总值,2018-10,300,亿元,估计\n")
    assert problems(plan, data) == [
        f"{data}:2: status '估计' is not one of 快报, 初步核算, 核实, 最终 (from the first "
        "estimate to the last); leave the cell empty when the figure has none"
    ]


def test_the_bad_input_catalogue_holds_the_layout_cases():
    bad = ROOT / "tests" / "bad"
    for name in (
        "layout-percent-in-level.csv",
        "layout-unrecognised.csv",
        "layout-no-period.csv",
        "layout-unknown-heading.csv",
        "layout-park-column-for-no-park.csv",
        "layout-unknown-name.csv",
        "layout-decimal-comma.csv",
        "layout-parks-and-periods.csv",
        "layout-growth-in-points.csv",
        "long-zh-unknown-column.csv",
        "long-zh-unknown-status.csv",
        "accepted/layout-yoy-disagrees.csv",
        "accepted/layout-month-over-ytd.csv",
        "accepted/layout-months-do-not-add-up.csv",
        "accepted/layout-ytd-falls.csv",
        "accepted/layout-number-as-text.csv",
    ):
        assert (bad / name).is_file(), name
        assert (bad / name).with_suffix(".expected").is_file(), name


def test_a_row_with_its_month_alone_beside_an_empty_year_to_date(plan, tmp_path):
    data = write(
        tmp_path,
        "m.csv",
        "2018年1-10月\n指标,单位,本月,1-10月累计\n生产总值,亿元,30,\n高新技术企业,家,88,88\n",
    )
    assert figures(plan, data) == {
        ("gdp", None, "2018-10..10"): (Decimal(30), None),
        ("firms", None, "2018-10"): (Decimal(88), None),
    }


def test_english_and_chinese_headings_mixed(plan, tmp_path):
    data = write(
        tmp_path, "mixed.csv", "indicator,园区,period,数值,unit\ngdp,高新区,2018,120,亿元\n"
    )
    assert figures(plan, data) == {("gdp", "gxq", "2018"): (Decimal(120), None)}


def test_an_id_with_an_invisible_character_keeps_its_message(plan, tmp_path):
    data = write(tmp_path, "zw.csv", "indicator,period,value,unit\ngdp\u200b,2018,120,亿元\n")
    (line,) = problems(plan, data)
    assert "invisible" in line and "delete it" in line
