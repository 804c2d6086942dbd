"""Multi-year paths, worked by hand from seed 002: 698亿元 (2021) to 1500亿元 (2025)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zonekpi.core.check import check
from zonekpi.core.paths import cagr, point, progress
from zonekpi.model.results import Status
from zonekpi.read.plan import load_plan

from .conftest import ROOT

JIANXI = ROOT / "plans" / "jianxi-2022.yaml"
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


def test_path_command_year_by_year(cli):
    result = cli("path", str(JIANXI), "gdp", "-f", "csv")
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header == "year,target,target_value,actual_value,path_value,per_year_value,per_year_unit"
    by_year = {r.split(",")[0]: r.split(",") for r in rows}
    assert list(by_year) == ["2021", "2022", "2023", "2024", "2025"]
    assert by_year["2021"][3:7] == ["698", "698", "21.076249", "%"]
    # 698 × 1.210762² = 1023.23; × 1.210762³ = 1238.89
    assert by_year["2023"][4] == "1023.230179" and by_year["2024"][4] == "1238.888723"
    assert by_year["2025"][2] == "1500"


def test_path_command_names_a_wrong_indicator(cli):
    result = cli("path", str(JIANXI), "gpd")
    assert result.exit_code == 2 and "did you mean 'gdp'" in result.stderr
