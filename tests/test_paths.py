"""Multi-year paths, worked by hand from seed 002: 698亿元 (2021) to 1500亿元 (2025)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from zonekpi.core.check import check
from zonekpi.core.paths import aim, cagr, point, progress, step
from zonekpi.model.plan import Target
from zonekpi.model.results import Status
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
    assert gdp.required.quantize(Q) == Decimal("0.2108")
    # 综保区: no actual before 2022, so from this year's 30亿元: 55 / 30 − 1 = 83.33% in a year,
    # (100 / 30)^(1/2) − 1 = 82.57% a year to 2024
    assert paths["ftz-trade", 2023].path.required.quantize(Q) == Decimal("0.8333")
    assert paths["ftz-trade", 2024].path.required.quantize(Q) == Decimal("0.8257")
    assert all(f.status is Status.NO_DATA for f in r.paths)  # no 2022 figures yet


def test_a_year_below_its_path_point_is_behind(run_check):
    r = run_check(
        """\
id: t
title: 测试
year: 2022
indicators:
  - id: gdp
    name: 生产总值
    unit: 亿元
    targets:
      - {at_least: 800 亿元}
      - {at_least: 1500 亿元, year: 2025}
figures:
  - {indicator: gdp, period: 2021, value: 698 亿元}
  - {indicator: gdp, period: 2022, value: 800 亿元}
"""
    )
    (path,) = r.paths
    assert path.status is Status.BEHIND  # 800 < 845.11
    assert r.findings[0].status is Status.MET  # this year's own target, 800 ≥ 800


def test_check_table_and_json_show_the_path(cli):
    table = cli("check", str(JIANXI), "-f", "plain").stdout
    line = next(x for x in table.splitlines() if "2025年 ≥ 1500亿元" in x)
    assert "698亿元 (2021年)" in line and "845.11亿元" in line and "21.08%" in line
    import json

    doc = json.loads(cli("check", str(JIANXI), "-f", "json").stdout)
    gdp = next(p for p in doc["results"][0]["paths"] if p["indicator"] == "gdp")
    assert gdp["path"]["required"] == pytest.approx(21.0762, abs=1e-4)
    assert gdp["path"]["shape"] == "compound"


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
        "needed_per_year_value,needed_per_year_unit,needed_to_year"
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
    targets:
      - {at_least: 10 亿元, year: 2025}
figures:
  - {indicator: firms, period: 2023, value: 200 家}
  - {indicator: accidents, period: 2023, value: 4 次}
  - {indicator: net, period: 2023, value: -5 亿元}
"""


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
