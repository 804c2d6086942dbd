"""Sanity checks of the figures given (zonekpi/core/sanity.py), one rule at a time, by hand.

Every figure file here is a CSV written to a temporary folder: its header is line 1, so the
n-th figure row is line n + 1. The plan is for 2018 with three parks (甲园 a, 乙园 b, 丙园 c).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zonekpi import api
from zonekpi.errors import InvalidInput
from zonekpi.model.periods import Period
from zonekpi.model.results import PlanResult
from zonekpi.read.plan import load_plan
from zonekpi.view import labels, lang

from .conftest import HEADER, ROOT

PLAN = (
    HEADER
    + """
parks:
  - {id: a, name: 甲园}
  - {id: b, name: 乙园}
  - {id: c, name: 丙园}
indicators:
  - {id: output, name: 工业总产值, unit: 亿元, targets: [{at_least: 120 亿元}]}
  - {id: firms, name: 高新技术企业, unit: 家, stock: true, targets: [{at_least: 95 家}]}
  - {id: new-firms, name: 新增企业, unit: 家}
  - {id: rd, name: 研发投入, unit: 亿元}
  - {id: gdp, name: 生产总值, unit: 亿元}
  - {id: rd-share, name: 研发投入强度, unit: "%", share: {numerator: rd, denominator: gdp}}
  - {id: coverage, name: 研发平台覆盖率, unit: "%"}
  - {id: fdi, name: 实际利用外资, unit: 亿美元, targets: [{at_least: 1 万美元}]}
  - {id: talents, name: 引进人才, unit: 人}
  - {id: profit, name: 利润总额, unit: 亿元, can_be_negative: true}
"""
)
COLUMNS = "indicator,park,period,value,unit\n"


@pytest.fixture(autouse=True)
def english():
    """These tests read the warnings and refusals in English (`labels.notes` in Chinese is
    tests/test_language.py's)."""
    lang.use("en")
    yield
    lang.use(None)


class Checked:
    """A check of PLAN with one figure file: the result, its warnings in words, the file."""

    def __init__(self, result: PlanResult, data: Path) -> None:
        self.result = result
        self.words = labels.notes(result.warnings, result.names, "en")
        self.data = str(data)

    def codes(self) -> list[str]:
        return [w.code for w in self.result.warnings if not isinstance(w, str)]


@pytest.fixture
def checked(plan_file, tmp_path):
    """checked(rows, period=None, plan=PLAN) -> Checked: api.check of the plan with the rows."""

    def run(rows: list[str], period: str | None = None, plan: str = PLAN) -> Checked:
        data = tmp_path / "f.csv"
        data.write_text(COLUMNS + "".join(f"{r}\n" for r in rows), encoding="utf-8")
        loaded = load_plan(plan_file(plan), data=[data])
        return Checked(api.check(loaded, period=period), data)

    return run


def zonekpi(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m zonekpi ARGS` from the repository root, as a user runs it."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "NO_COLOR": "1",
        "ZONEKPI_CACHE": "off",
    }
    return subprocess.run(
        [sys.executable, "-m", "zonekpi", *args, "--lang", "en"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


# -------------------------------------------------- 1. figures given, none for the period


def test_a_file_of_2024_09_checked_as_the_year_exits_2_naming_2024_09(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.replace("year: 2018", "year: 2024"), encoding="utf-8")
    data = tmp_path / "figures.csv"
    data.write_text(COLUMNS + "output,,2024-09,84,亿元\nfirms,,2024-09,90,家\n", encoding="utf-8")
    expected = (
        f"zonekpi: {data}: no figure is for 2024 as a whole; the file "
        "holds 2024-09 (Jan–Sep): give --period 2024-09\n"
    )
    done = zonekpi("check", str(plan), "--data", str(data))
    assert (done.returncode, done.stderr, done.stdout) == (2, expected, "")
    # --quiet does not hide a run that used no figure
    quiet = zonekpi("check", str(plan), "--data", str(data), "--quiet")
    assert (quiet.returncode, quiet.stderr) == (2, expected)
    # as the option says: 84 of 120 after 9/12 = 70% against 75%, behind (exit 0: nothing
    # missed yet); no word on stderr
    right = zonekpi("check", str(plan), "--data", str(data), "--period", "2024-09")
    assert (right.returncode, right.stderr) == (0, "")


def test_a_file_typed_with_the_wrong_year_names_its_years_and_year(plan_file, tmp_path):
    data = tmp_path / "figures.csv"
    data.write_text(COLUMNS + "output,a,2016,30,亿元\noutput,b,2015,35,亿元\n", encoding="utf-8")
    plan = load_plan(plan_file(PLAN), data=[data])
    with pytest.raises(InvalidInput) as refused:
        api.check(plan)
    # one figure each of 2015 and 2016: the later of the commonest is suggested
    assert str(refused.value) == (
        f"{data}: no figure is for 2018 as a whole; the file holds 2015, 2016: give --year 2016"
    )


def test_a_year_to_date_checked_against_another_names_both(plan_file, tmp_path):
    data = tmp_path / "figures.csv"
    data.write_text(COLUMNS + "output,,2018,130,亿元\n", encoding="utf-8")
    plan = load_plan(plan_file(PLAN), data=[data])
    with pytest.raises(
        InvalidInput, match=r"no figure is for 2018-09 \(Jan–Sep\); the file holds "
    ):
        api.check(plan, period="2018-09")
    with pytest.raises(InvalidInput, match=r"the file holds 2018: leave out --period$"):
        api.check(plan, period="2018-09")


def test_without_figures_a_plan_is_checked_as_before(plan_file):
    r = api.check(load_plan(plan_file(PLAN)))
    assert [f.status.value for f in r.findings] == ["no_data"] * 3
    assert r.warnings == ()


def test_last_years_figures_alone_are_no_figure_for_the_year(plan_file, tmp_path):
    # 2017 would be the base of 2018's figure, but there is none: nothing reads it
    data = tmp_path / "figures.csv"
    data.write_text(COLUMNS + "output,,2017,100,亿元\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"the file holds 2017: give --year 2017$"):
        api.check(load_plan(plan_file(PLAN), data=[data]))


def test_a_plan_that_states_last_years_results_is_checked_on_its_path(checked):
    later = "[{at_least: 120 亿元}, {at_least: 200 亿元, year: 2020}]"
    plan = PLAN.replace("[{at_least: 120 亿元}]", later)
    # a check of the year: the path to 2020's 200亿元 starts from 2017's 100亿元
    c = checked(["output,,2017,100,亿元"], plan=plan)
    assert [f.status.value for f in c.result.findings] == ["no_data"] * 3
    assert (c.result.paths[0].path.base, c.words) == (100, [])


def test_an_earlier_year_on_the_path_of_a_later_target_is_used(checked):
    plan = PLAN.replace(
        "[{at_least: 120 亿元}]", "[{at_least: 120 亿元}, {at_least: 200 亿元, year: 2020}]"
    )
    # 2015 is history; the path to 2020's 200亿元 starts from the latest actual before 2018
    c = checked(["output,,2015,90,亿元"], plan=plan)
    assert c.words == []
    assert c.result.paths[0].path.base_year == 2015


# ------------------------------------------------------------- 2. figures given, not used


def test_figures_of_another_period_are_counted_and_named(checked):
    rows = ["output,,2018,130,亿元"]  # line 2: used
    indicators, parks = ("rd", "gdp", "profit", "output"), ("a", "b", "c")
    rows += [f"{i},{p},2018-09,10,亿元" for i in indicators for p in parks]  # lines 3–14
    c = checked(rows)
    assert c.words == [
        f"{c.data}:3: 12 figures not used: they are for 2018-09; give --period "
        "2018-09 to check them"
    ]
    assert c.codes() == ["figures_not_used"]


def test_one_figure_not_used_is_one(checked):
    plan = PLAN.replace("[{at_least: 95 家}]", "[{at_least: 95 家}, {at_least: 99 家, year: 2019}]")
    c = checked(["output,,2018,130,亿元", "firms,,2019,96,家"], plan=plan)
    assert c.words == [
        f"{c.data}:3: 1 figure not used: it is for 2019; give --year 2019 to check it"
    ]


def test_bases_history_and_the_pieces_of_the_period_are_used(checked):
    rows = [
        "output,,2018-09,75,亿元",  # 1–9月 + 10月 = 1–10月: both used
        "output,,2018-10..10,9,亿元",
        "output,,2017-10,80,亿元",  # last year's same period: the base
        "output,,2017,100,亿元",  # last year: the year's total, for the growth still needed
        "gdp,,2015,90,亿元",  # an earlier year: history, not warned about
        "firms,,2018-10,90,家",  # a stock's reading at the end of the period
    ]
    assert checked(rows, period="2018-10").words == []


def test_a_stocks_earlier_readings_are_not_used(checked):
    rows = ["firms,,2018-08..08,88,家", "firms,,2018-09..09,89,家", "firms,,2018-10..10,90,家"]
    c = checked(rows, period="2018-10")
    assert c.result.findings[1].actual == 90  # read at the end of October
    assert c.words == [
        f"{c.data}:2: 2 figures not used: they are for 2018-08..08, 2018-09..09; "
        "give --period 2018-09 to check them"
    ]


# ----------------------------------------------------------- 3. a year to date that falls


def test_a_year_to_date_below_the_months_before_names_both_lines(checked, cli):
    rows = ["output,,2018-08,90,亿元", "output,,2018-09,84,亿元"]
    c = checked(rows, period="2018-09")
    falls = (
        f"{c.data}:3: 'output': Jan–Sep 2018 year to date 84亿元 is less than "
        f"Jan–Aug 2018 year to date 90亿元 at {c.data}:2; a year to date of a flow cannot fall: "
        "one of the two is wrong"
    )
    assert falls in c.words
    assert c.codes() == ["figures_not_used", "ytd_falls"]  # 1–8月 is not read for 1–9月
    # on the command line: one line on stderr, with the file and line first
    plan = str(Path(c.data).parent / "plan.yaml")
    result = cli("check", plan, "--data", c.data, "--period", "2018-09", "--lang", "en")
    assert f"zonekpi: warning: {falls}" in result.stderr.splitlines()


@pytest.mark.parametrize(
    "rows",
    [
        ["firms,,2018-08,90,家", "firms,,2018-09,84,家"],  # a stock can fall
        ["coverage,,2018-08,60,%", "coverage,,2018-09,55,%"],  # a share is no flow
        ["profit,,2018-08,9,亿元", "profit,,2018-09,8,亿元", "profit,a,2018-09,-1,亿元"],
    ],
    ids=["stock", "percent", "can-be-negative"],
)
def test_a_year_to_date_may_fall_where_it_can(checked, rows):
    assert "ytd_falls" not in checked(rows, period="2018-09").codes()


# ------------------------------------------------------------------ 4. shares and scales


def test_a_computed_share_of_184653_percent_warns(checked):
    # 1846.53亿元 ÷ 1亿元 = 1846.53 = 184653%
    c = checked(["rd,,2018,1846.53,亿元", "gdp,,2018,1,亿元"])
    assert c.words == [
        f"{c.data}:2: 'rd-share' 2018: 184653% is above 100% (computed: "
        "研发投入 ÷ 生产总值); a share lies between 0 and 100%: check the figures and their units"
    ]


def test_a_reported_share_below_0_is_refused_and_100_percent_does_not_warn(checked, tmp_path):
    # a share cannot be below zero: refused when read (issue 17), no longer a warning
    with pytest.raises(InvalidInput) as refused:
        checked(["coverage,a,2018,-2,%", "coverage,b,2018,100,%"])
    assert [str(p) for p in refused.value.problems] == [
        f"{tmp_path / 'f.csv'}:2: value of 'coverage': '-2%' is below zero, and 'coverage' "
        "(研发平台覆盖率) cannot be; write can_be_negative: true on the indicator if it can be "
        "below zero"
    ]
    assert checked(["coverage,b,2018,100,%", "coverage,c,2018,0,%"]).words == []


def test_a_percentage_that_can_be_negative_is_no_share(checked):
    plan = PLAN.replace(
        '{id: coverage, name: 研发平台覆盖率, unit: "%"}',
        '{id: coverage, name: 增速, unit: "%", can_be_negative: true}',
    )
    assert checked(["coverage,a,2018,-2,%"], plan=plan).words == []


def test_a_target_of_1_wan_dollars_for_yi_dollars_warns(checked):
    # 1 万美元 = 0.0001 亿美元 against an actual of 0.73 亿美元 (7300 万美元): 0.0001 ÷ 0.73 =
    # 1/7300; 亿美元 is 10^4 万美元, the nearest step to 7300
    c = checked(["fdi,,2018,0.73,亿美元"])
    plan = Path(c.data).parent / "plan.yaml"
    line = PLAN.splitlines().index(next(x for x in PLAN.splitlines() if "id: fdi" in x)) + 1
    assert c.words == [
        f"{plan}:{line}: 'fdi' 2018: the target 1 万美元 is 1/7300 of the actual "
        f"0.73亿美元 ({c.data}:2): looks like 亿美元 written as 万美元?"
    ]


def test_during_the_year_a_target_is_compared_pro_rata(checked):
    # after September: 1 万美元 × 9/12 = 0.000075亿美元 against 0.73: 0.000075 ÷ 0.73 = 1/9733
    c = checked(["fdi,,2018-09,0.73,亿美元"], period="2018-09")
    assert c.words[0].endswith(
        "the target 1 万美元 × the time elapsed 75% is 1/9733 of the actual 0.73亿美元 "
        f"({c.data}:2): looks like 亿美元 written as 万美元?"
    )


def test_a_figure_10000_times_last_years_warns(checked):
    # 3,000,000 ÷ 300 = 10,000: 亿元 is 10^4 万元, so 万元 written as 亿元
    c = checked(["gdp,,2017,300,亿元", "gdp,,2018,3000000,亿元"])
    assert c.words == [
        f"{c.data}:3: 'gdp' 2018: the figure 3000000亿元 is 10000× last year's "
        f"300亿元 ({c.data}:2): looks like 万元 written as 亿元?"
    ]


def test_a_figure_8571_times_its_siblings_median_warns_once(checked):
    # median of 30, 35, 300000 is 35; 300000 ÷ 35 = 8571.4; the others are 30 ÷ 35 and 1
    rows = ["output,a,2018,30,亿元", "output,b,2018,35,亿元", "output,c,2018,300000,亿元"]
    rows.append("output,c,2017,31,亿元")  # 300000 ÷ 31 = 9677: one warning, the first reference
    c = checked(rows)
    assert c.words == [
        f"{c.data}:4: 'output' (丙园) 2018: the figure 300000亿元 is 9677× last "
        f"year's 31亿元 ({c.data}:5): looks like 万元 written as 亿元?"
    ]
    # the zone's 300065 is rolled up from the suspect park: its target is left alone
    assert c.codes() == ["scale_slip"]


@pytest.mark.parametrize(
    "rows",
    [
        # a count of 1 against 300: a small park, never a unit slip (家 has no multiples)
        ["new-firms,a,2018,1,家", "new-firms,b,2018,300,家", "new-firms,c,2018,280,家"],
        # 3 people against 400 and 500: a small count; 人 is compared only from 10,000
        ["talents,a,2018,3,人", "talents,b,2018,400,人", "talents,c,2018,500,人"],
        # zero says nothing of a unit
        ["gdp,,2017,300,亿元", "gdp,,2018,0,亿元"],
        # 99 times is not more than 100 times
        ["gdp,,2017,3,亿元", "gdp,,2018,297,亿元"],
    ],
    ids=["count", "people", "zero", "99-times"],
)
def test_what_is_never_taken_for_a_unit_slip(checked, rows):
    assert "scale_slip" not in checked(rows).codes()


def test_big_levels_of_people_are_compared(checked):
    # 3 人 against 30,000 and 40,000: the larger is a big level; 35,000 ÷ 3 = 11,667 ≈ 10^4
    rows = ["talents,a,2018,3,人", "talents,b,2018,30000,人", "talents,c,2018,40000,人"]
    c = checked(rows)
    assert c.words == [
        f"{c.data}:2: 'talents' (甲园) 2018: the figure 3人 is 1/10000 of the median "
        "of its sibling parks, 30000人: looks like 万人 written as 人?"
    ]


# ------------------------------------------------------------------ 5. a stock added up


def test_a_share_given_by_quarter_and_added_up_warns(checked):
    c = checked(["coverage,a,2018-Q1,60,%", "coverage,a,2018-04..06,62,%"], period="2018-06")
    # 60 + 62 = 122 (%): added up as a flow would be
    assert c.words[0] == (
        f"{c.data}:2: 'coverage' (甲园) Jan–Jun 2018: 122% is the sum of 2 "
        "figures (Jan–Mar + Apr–Jun), but a % or a ratio is a level at a moment; a stock is read "
        "at the end of a period, never summed: declare 'stock: true'"
    )


def test_readings_of_an_undeclared_stock_added_up_warn(checked):
    # 80 + 81 + 82 + 83 + 84 + 85 = 495, each at least half of last year's 78
    rows = ["new-firms,,2017,78,家"]
    rows += [f"new-firms,,2018-{m:02d}..{m:02d},{79 + m},家" for m in range(1, 7)]
    c = checked(rows, period="2018-06")
    assert c.words == [
        f"{c.data}:3: 'new-firms' Jan–Jun 2018: 495家 is the sum of 6 figures "
        "(Jan + Feb + … + Jun), each at least half of last year's 78家: readings of a stock; a "
        "stock is read at the end of a period, never summed: declare 'stock: true'"
    ]


def test_months_of_a_flow_and_readings_of_a_declared_stock_are_fine(checked):
    rows = ["output,,2017,100,亿元"]
    rows += [f"output,,2018-{m:02d}..{m:02d},{v},亿元" for m, v in enumerate([8, 7, 9], 1)]
    rows += [f"firms,,2018-{m:02d}..{m:02d},{87 + m},家" for m in range(1, 4)]
    c = checked(rows, period="2018-03")
    assert c.result.findings[0].actual == 24  # 8 + 7 + 9
    assert c.result.findings[1].actual == 90  # March's reading
    assert "stock_summed" not in c.codes()


def test_the_json_report_carries_the_warnings(plan_file, tmp_path, cli):
    data = tmp_path / "f.csv"
    data.write_text(COLUMNS + "output,,2018-08,90,亿元\noutput,,2018-09,84,亿元\n", "utf-8")
    args = ("--data", str(data), "--period", "2018-09", "-f", "json")
    result = cli("check", str(plan_file(PLAN)), *args)
    (plan,) = json.loads(result.stdout)["results"]
    assert [w.split(":")[1] for w in plan["warnings"]] == ["2", "3"]


def test_refusals_look_at_the_periods_only_when_no_figure_is_exactly_used():
    from zonekpi.core.sanity import refusals
    from zonekpi.model.plan import Figure, Indicator, Plan

    ind = Indicator("output", "产值", "亿元")
    figs = tuple(Figure("output", None, Period(2018, m, m), 1) for m in range(1, 13))
    plan = Plan("t", "t", 2018, "plan.yaml", indicators=(ind,), figures=figs)
    assert refusals(plan, Period(2018)) == ()  # twelve months make up the year
    assert refusals(plan._replace(figures=figs[:11]), Period(2018))[0].code == (
        "no_figure_for_period"
    )
