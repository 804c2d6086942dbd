"""Multi-year paths, worked by hand: 698亿元 (2021) to 1500亿元 (2025) through 2022's 801, and
综保区外贸 30 → 55 → 100亿元 from an actual of 27.6亿元 (docs/domain.md, "Multi-year paths")."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from zonekpi.core.check import check
from zonekpi.core.paths import aim, cagr, point, progress, step
from zonekpi.exits import ExitCode, exit_code
from zonekpi.model.periods import Period
from zonekpi.model.plan import Target
from zonekpi.model.results import Note, Status
from zonekpi.read.plan import load_plan

from .conftest import ROOT

JIANXI = ROOT / "plans" / "jianxi-2022.yaml"
FIGURES = ROOT / "examples" / "jianxi-2022-figures.csv"
Q = Decimal("0.0001")


def test_698_to_1500_in_four_years_needs_21_08_percent_a_year():
    # (1500 / 698)^(1/4) − 1 = 2.148997^(0.25) − 1 = 0.210762
    assert cagr(Decimal(698), Decimal(1500), 4).quantize(Q) == Decimal("0.2108")
    # the path's point for 2022: 698 × 1.210762 = 845.11
    r = cagr(Decimal(698), Decimal(1500), 4)
    assert point(Decimal(698), r, 1).quantize(Decimal("0.01")) == Decimal("845.11")
    assert point(Decimal(698), r, 4).quantize(Decimal("0.000001")) == 1500


def test_800_in_2022_leaves_23_31_percent_a_year():
    p = progress(2021, Decimal(698), 2025, Decimal(1500), 2022, Decimal(800))
    # (1500 / 800)^(1/3) − 1 = 1.875^(1/3) − 1 = 0.233106
    assert p.remaining.quantize(Q) == Decimal("0.2331")
    # achieved 800 / 698 − 1 = 14.61%; 14.61 / 21.08 = 0.69: acceleration needed
    assert p.achieved.quantize(Q) == Decimal("0.1461")
    assert p.grade == "acceleration_needed"


@pytest.mark.parametrize(
    ("actual", "grade"),
    [(1500, "reached"), (850, "on_track"), (740, "limited_progress"), (690, "deterioration")],
)
def test_grades(actual, grade):
    # 850: 21.78% achieved ≥ 0.95 × 21.08%; 740: 6.02% / 21.08% = 0.29; 690: below the base
    assert progress(2021, Decimal(698), 2025, Decimal(1500), 2022, Decimal(actual)).grade == grade


def test_a_share_moves_by_points_not_by_compound_growth():
    p = progress(2021, Decimal("12.8"), 2025, Decimal(15), 2022, None, linear=True)
    # (15 − 12.8) / 4 = 0.55 points a year; 2022 should be at 13.35%
    assert p.required == Decimal("0.55") and p.expected == Decimal("13.35")


def test_jianxi_check_shows_the_paths():
    r = check(load_plan(JIANXI))
    paths = {(f.indicator.id, f.target.year): f for f in r.paths}
    assert set(paths) == {
        ("gdp", 2025),
        ("city-gdp-share", 2025),
        ("ftz-trade", 2023),
        ("ftz-trade", 2024),
    }
    gdp = paths["gdp", 2025].path
    assert (gdp.base_year, gdp.base) == (2021, 698)  # 414 + 284, rolled up from the parks
    # graded straight from 698 to 1500: (1500 / 698)^(1/4) − 1 = 21.08%
    assert gdp.required.quantize(Q) == Decimal("0.2108")
    # through 2022's stated point: 力争 > 800亿元 aims one step past, at 801
    assert gdp.expected == 801
    # no 2022 figure: needed from 2021's 698 to the next stated point, 2022's 801:
    # 801 / 698 − 1 = 0.147564
    assert (gdp.since_year, gdp.to_year, gdp.to) == (2021, 2022, 801)
    assert gdp.needed.quantize(Q) == Decimal("0.1476")
    # 综保区: no actual before 2022, so the path starts from this year's stated 30亿元; without
    # any actual nothing is measured from, so no growth needed is given (not the plan's 83.33%)
    ftz = paths["ftz-trade", 2023].path
    assert (ftz.base_year, ftz.base, ftz.base_from, ftz.expected) == (2022, 30, "target", 30)
    assert ftz.needed is None and paths["ftz-trade", 2024].path.needed is None
    assert all(f.status is Status.NO_DATA for f in r.paths)  # no 2022 figures yet


def test_ftz_trade_from_the_actual_27_6_needs_99_28_percent():
    # 综保区外贸: 确保30亿元 (2022), 55 (2023), 100 (2024); the actual of 2022 is 27.6亿元
    r = check(load_plan(JIANXI, data=[FIGURES]))
    rows = {f.target.year: f for f in r.paths if f.indicator.id == "ftz-trade"}
    p23, p24 = rows[2023].path, rows[2024].path
    # the path starts from the 2022 target (no actual before 2022): this year should be at 30
    assert (p23.base_year, p23.base, p23.expected) == (2022, 30, 30)
    # 27.6 < 30: behind the path, a status of its own (落后路径, not 落后序时)
    assert rows[2023].status is Status.BEHIND_PATH and rows[2024].status is Status.BEHIND_PATH
    # from the actual 27.6 (2022) to the next stated point 55 (2023): 55 / 27.6 − 1 = 0.992754
    assert (p23.since_year, p23.since, p23.to_year, p23.to) == (2022, Decimal("27.6"), 2023, 55)
    assert p23.needed.quantize(Q) == Decimal("0.9928") and not p23.needed_linear
    # the 2024 row measures to the same next stated point, 2023's 55, and says so
    assert p24.needed == p23.needed and p24.to_year == 2023
    assert Note("path_via", (2023, Decimal(55), "亿元")) in rows[2024].notes


def test_check_table_and_json_show_the_growth_still_needed(cli):
    table = cli("check", str(JIANXI), "--data", str(FIGURES), "-f", "plain").stdout
    lines = table.splitlines()
    assert lines[1].startswith("示例数据")  # the example figures are illustrative
    assert "此后年均需增长" in lines[3]
    line = next(x for x in lines if "2023年 ≥ 55亿元" in x)
    # 30亿元 (2022年目标): the path starts from a target, said as such; 99.3% = 55 / 27.6 − 1
    assert "30亿元 (2022年目标)" in line and "99.3%" in line and "落后路径" in line
    gdp = next(x for x in lines if "2025年 ≥ 1500亿元" in x)
    # 806 in 2022 ≥ 801 (the path through > 800): on the path; (1500 / 806)^(1/3) − 1 = 23.00%
    assert "698亿元 (2021年)" in gdp and "801亿元" in gdp and " 23% " in gdp and "符合路径" in gdp
    # from levels at current prices, while gdp's growth rates are comparable: a note says so
    assert "可比价" in gdp
    assert "符合路径2项, 落后路径2项" in lines[-1]
    doc = json.loads(cli("check", str(JIANXI), "--data", str(FIGURES), "-f", "json").stdout)
    result = doc["results"][0]
    assert result["summary"]["on_path"] == 2 and result["summary"]["behind_path"] == 2
    assert result["summary"]["total"] == len(result["findings"]) + len(result["paths"])
    ftz = next(p for p in result["paths"] if p["indicator"] == "ftz-trade")
    assert ftz["status"] == "behind_path"
    assert ftz["path"]["needed_per_year"] == pytest.approx(99.275362, abs=1e-6)
    assert ftz["path"]["needed_unit"] == "%" and ftz["path"]["needed_from"] == 27.6
    share = next(p for p in result["paths"] if p["indicator"] == "city-gdp-share")
    # (15 − 13.4) / 3 = 0.533333 points a year
    assert share["path"]["needed_per_year"] == pytest.approx(0.533333, abs=1e-6)
    assert share["path"]["needed_unit"] == "个百分点"


def test_check_of_2021_starts_from_2021s_figures():
    r = check(load_plan(JIANXI), year=2021)
    rows = {(f.indicator.id, f.target.kind, f.target.year): f for f in r.paths}
    at_least = rows["gdp", "at_least", 2022]
    # 2021's 698亿元 (414 + 284) is the base: 800 / 698 − 1 = 0.146132
    assert (at_least.path.base_year, at_least.path.base) == (2021, 698)
    assert at_least.path.needed.quantize(Q) == Decimal("0.1461")
    assert at_least.status is Status.ON_PATH  # the path starts at this year's actual
    # > 800亿元 aims at 801: 801 / 698 − 1 = 0.147564
    assert rows["gdp", "more_than", 2022].path.needed.quantize(Q) == Decimal("0.1476")
    # 2025's 1500 is reached through 2022's 801, the next stated point
    assert rows["gdp", "at_least", 2025].path.to_year == 2022
    # 12.8% in 2021 to 15% in 2025: (15 − 12.8) / 4 = 0.55 points a year
    share = rows["city-gdp-share", "at_least", 2025].path
    assert share.needed == Decimal("0.55") and share.needed_linear
    # a target without any figure up to 2021 has no base
    assert rows["ftz-trade", "at_least", 2023].notes == (Note("no_path_base"),)


def test_a_stated_point_is_passed_through(cli):
    result = cli("path", str(JIANXI), "ftz-trade", "-f", "csv")
    assert result.exit_code == 0
    by_year = {r["year"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    # 30 → 55 → 100: 55 in 2023 as stated (one curve 30 → 100 put it at 54.77)
    assert [by_year[y]["path_value"] for y in ("2022", "2023", "2024")] == ["30", "55", "100"]
    # 55 / 30 − 1 = 83.3333%; 100 / 55 − 1 = 81.8182%
    assert by_year["2023"]["path_growth_value"] == "83.333333"
    assert by_year["2024"]["path_growth_value"] == "81.818182"
    assert by_year["2022"]["needed_per_year_value"] == ""  # no actual: nothing to measure from
    with_data = cli("path", str(JIANXI), "ftz-trade", "--data", str(FIGURES), "-f", "csv")
    by_year = {r["year"]: r for r in csv.DictReader(io.StringIO(with_data.stdout))}
    # from 27.6 in 2022 to 55 in 2023: 55 / 27.6 − 1 = 99.2754%
    assert by_year["2022"]["needed_per_year_value"] == "99.275362"
    assert by_year["2022"]["path_value"] == "30"  # the path starts from the target, not 27.6


def test_path_command_year_by_year(cli):
    result = cli("path", str(JIANXI), "gdp", "--data", str(FIGURES), "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "year,target,target_value,actual_value,path_value,path_growth_value,path_growth_unit,"
        "needed_per_year_value,needed_per_year_unit,needed_to_year,period,illustrative"
    )
    by_year = {r["year"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert list(by_year) == ["2021", "2022", "2023", "2024", "2025"]
    # 2021: 698, to the next stated point (2022: > 800 aims at 801): 801 / 698 − 1 = 14.7564%
    assert by_year["2021"]["needed_per_year_value"] == "14.756447"
    assert by_year["2021"]["needed_to_year"] == "2022"
    assert by_year["2022"]["path_value"] == "801"
    # 2022 → 2025: (1500 / 801)^(1/3) − 1 = 23.2593%; 801 × 1.232593 = 987.31, again 1216.95
    assert by_year["2023"]["path_growth_value"] == "23.259267"
    assert by_year["2023"]["path_value"] == "987.306729"
    assert by_year["2024"]["path_value"] == "1216.947038"
    # from 806 in 2022 to 1500 in 2025: (1500 / 806)^(1/3) − 1 = 23.0039%
    assert by_year["2022"]["needed_per_year_value"] == "23.00386"
    assert by_year["2025"]["target_value"] == "1500" and by_year["2025"]["path_value"] == "1500"


def test_step_and_aim_past_a_strict_threshold():
    assert step(Decimal("15")) == 1 and step(Decimal("800")) == 1
    assert step(Decimal("2.5")) == Decimal("0.1") and step(Decimal("2.50")) == Decimal("0.01")
    target = Target("more_than", 2020, "15 个", Decimal(15), unit="个")
    assert aim(target) == 16
    assert aim(target._replace(kind="less_than", value=Decimal("5.5"))) == Decimal("5.4")
    assert aim(target._replace(kind="at_least")) == 15


STRICT = """\
id: t
title: 测试
year: 2018
indicators:
  - id: platforms
    name: 平台
    unit: 个
    targets:
      - {more_than: 15 个, year: 2020}
figures:
  - {indicator: platforms, period: 2018, value: 10 个}
"""


def test_a_strict_target_has_a_path_past_its_threshold(run_check, plan_file, cli):
    (row,) = run_check(STRICT).paths
    # > 15个 is missed at 15: the path aims at 16. From 10 in 2018: (16 / 10)^(1/2) − 1 = 0.264911
    assert row.path.target == 16 and row.path.needed.quantize(Q) == Decimal("0.2649")
    assert Note("path_aims_past", (Decimal(16), "个")) in row.notes
    result = cli("path", str(plan_file(STRICT)), "platforms", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # 10 × 1.264911 = 12.649111, then 16
    assert [r["path_value"] for r in rows] == ["10", "12.649111", "16"]


PARK = """\
id: t
title: 测试
year: 2022
parks:
  - {id: a, name: 甲园}
  - {id: b, name: 乙园}
indicators:
  - id: rev
    name: 营业收入
    unit: 亿元
    targets:
      - {at_least: 100 亿元}
      - {at_least: 60 亿元, park: a, year: 2024}
figures:
  - {indicator: rev, park: a, period: 2021, value: 36 亿元}
  - {indicator: rev, park: a, period: 2022, value: 40 亿元}
  - {indicator: rev, park: b, period: 2022, value: 50 亿元}
"""


def test_a_parks_own_later_target_is_in_its_report_and_the_zones(run_check, plan_file, cli):
    (row,) = run_check(PARK, park="a").paths
    # 36 (2021) → 60 (2024): P_2022 = 36 × (60 / 36)^(1/3) = 36 × 1.185631 = 42.68; 40 < 42.68
    assert row.park == "a" and round(row.path.expected, 2) == Decimal("42.68")
    assert row.status is Status.BEHIND_PATH
    # from 40 in 2022: (60 / 40)^(1/2) − 1 = 0.224745
    assert row.path.needed.quantize(Q) == Decimal("0.2247")
    assert run_check(PARK, park="b").paths == ()
    assert [f.park for f in run_check(PARK).paths] == ["a"]  # the zone's report has it too
    text = cli("check", str(plan_file(PARK)), "--park", "a", "-f", "text").stdout
    assert "甲园2022年, 营业收入40亿元; 2024年目标(60亿元): 低于路径今年应达的42.68亿元" in text
    assert cli("check", str(plan_file(PARK)), "--park", "a", "--fail-on", "behind").exit_code == 1
    assert cli("check", str(plan_file(PARK)), "--park", "a").exit_code == 0


MONTHLY = """\
id: m
title: 测试
year: 2018
indicators:
  - id: rev
    name: 营业收入
    unit: 亿元
    targets:
      - {at_least: 150 亿元, year: 2020}
figures:
  - {indicator: rev, period: 2017, value: 80 亿元}
  - {indicator: rev, period: 2018-06, value: 45 亿元}
"""


def test_a_month_report_shows_the_later_target_against_the_time_elapsed(run_check, plan_file, cli):
    r = run_check(MONTHLY, period=Period(2018, 1, 6))
    (row,) = r.paths
    # 80 (2017) → 150 (2020): r = (150 / 80)^(1/3) − 1 = 23.31%; P_2018 = 80 × 1.233106 = 98.65
    assert round(row.path.expected, 2) == Decimal("98.65")
    # a flow: 45 ÷ 98.6485 = 45.6% of the year's point after half the year: behind the path
    assert row.elapsed == Decimal("0.5") and round(row.ahead, 1) == Decimal("-4.4")
    assert row.status is Status.BEHIND_PATH and r.count(Status.BEHIND_PATH) == 1
    # needed from the latest whole year's actual, 80 in 2017, to 150 in 2020: 23.31% a year
    assert row.path.since_year == 2017 and row.path.needed.quantize(Q) == Decimal("0.2331")
    assert exit_code(r) is ExitCode.OK and exit_code(r, "behind") is ExitCode.MISSED
    text = cli("check", str(plan_file(MONTHLY)), "--period", "2018-06", "-f", "text").stdout
    said = "1–6月, 营业收入45亿元; 2020年目标(150亿元): 低于路径今年应达的98.65亿元, 落后路径"
    assert said in text


THREE_YEARS = """\
id: three
title: 三年行动计划
year: 2023
indicators:
  - id: firms
    name: 高新技术企业
    unit: 家
    stock: true
    targets:
      - {at_least: 242 家, year: 2025}
  - id: accidents
    name: 安全事故
    unit: 次
    targets:
      - {at_most: 0 次, year: 2025}
  - id: net
    name: 净流入
    unit: 亿元
    can_be_negative: true
    targets:
      - {at_least: 10 亿元, year: 2025}
figures:
  - {indicator: firms, period: 2023, value: 200 家}
  - {indicator: accidents, period: 2023, value: 4 次}
  - {indicator: net, period: 2023, value: -5 亿元}
"""


def test_a_plan_whose_targets_are_all_later_shows_them(run_check, plan_file, cli):
    r = run_check(THREE_YEARS)
    firms, accidents, net = r.paths
    # 200 (2023) → 242 (2025): (242 / 200)^(1/2) − 1 = 1.1 − 1 = 10% a year
    assert firms.path.needed.quantize(Q) == Decimal("0.1000")
    # to zero, and up from below zero: no compound rate, equal amounts a year
    # (0 − 4) / 2 = −2次; (10 − (−5)) / 2 = +7.5亿元
    assert accidents.path.needed == -2 and accidents.path.needed_linear
    assert net.path.needed == Decimal("7.5") and net.path.needed_linear
    assert r.count(Status.ON_PATH) == 3
    text = cli("check", str(plan_file(THREE_YEARS)), "-f", "text").stdout
    assert "无目标" not in text
    assert "2023年, 高新技术企业200家; 2025年目标(242家): 年均需增长10%。" in text
    assert "2023年, 安全事故4次; 2025年目标(不超过0次): 年均需减少2次。" in text
    table = cli("check", str(plan_file(THREE_YEARS)), "-f", "plain").stdout
    assert "-2次" in table and "+7.5亿元" in table and "符合路径3项" in table


def test_a_path_through_zero_and_below(plan_file, cli):
    plan = str(plan_file(THREE_YEARS))
    to_zero = cli("path", plan, "accidents", "-f", "csv")
    assert to_zero.exit_code == 0
    # 4次 (2023) → 0次 (2025): linear, −2次 a year, through 2次
    rows = list(csv.DictReader(io.StringIO(to_zero.stdout)))
    assert [r["path_value"] for r in rows] == ["4", "2", "0"]
    assert rows[1]["path_growth_value"] == "-2" and rows[1]["path_growth_unit"] == "次"
    up = list(csv.DictReader(io.StringIO(cli("path", plan, "net", "-f", "csv").stdout)))
    # −5亿元 → 10亿元: +7.5亿元 a year, through 2.5
    assert [r["path_value"] for r in up] == ["-5", "2.5", "10"]
    assert "每年相同增减量" in cli("path", plan, "net", "-f", "plain").stdout


def _plans():
    return sorted([*(ROOT / "plans").glob("*.yaml"), *(ROOT / "examples").glob("*.yaml")])


EVERY_INDICATOR = [
    (path.relative_to(ROOT).as_posix(), ind.id)
    for path in _plans()
    for ind in load_plan(path).indicators
    if ind.targets
]


@pytest.mark.parametrize(("plan", "indicator"), EVERY_INDICATOR)
def test_path_works_for_every_indicator_of_every_plan(cli, plan, indicator):
    for fmt in ("plain", "json"):
        result = cli("path", str(ROOT / plan), indicator, "-f", fmt)
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output and "Traceback" not in result.stderr
        assert result.stdout.strip()


def test_path_of_an_indicator_without_a_level_target_lists_its_targets(cli):
    out = cli("path", str(JIANXI), "gdp-per-capita", "-f", "plain").stdout
    assert "增长 ≥ 10%" in out and "没有总量目标" in out and "无目标" not in out


def test_path_command_names_a_wrong_indicator(cli):
    result = cli("path", str(JIANXI), "gpd")
    assert result.exit_code == 2 and "did you mean 'gdp'" in result.stderr


def test_path_writes_the_file_its_extension_names(cli, tmp_path):
    """`path -o FILE` as every report command: the format from the extension, atomically, never
    over an input (exit 2), and a disagreeing --format refused."""
    book = tmp_path / "gdp.xlsx"
    assert cli("path", str(JIANXI), "gdp", "-o", str(book)).exit_code == 0
    assert book.read_bytes()[:2] == b"PK"  # a workbook (a zip), not text
    table = tmp_path / "gdp.csv"
    assert cli("path", str(JIANXI), "gdp", "-o", str(table)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert rows[0]["year"] == "2021" and rows[0]["actual_value"] == "698"  # 414 + 284
    assert cli("path", str(JIANXI), "gdp", "-o", str(table), "-f", "json").exit_code == 2
    before = JIANXI.read_bytes()
    assert cli("path", str(JIANXI), "gdp", "-o", str(JIANXI), "-f", "plain").exit_code == 2
    assert JIANXI.read_bytes() == before
