"""The monthly picture of a flow: 同比 for a level target, what the rest of the year needs and
the pace it needs, and 序时 by last year's monthly profile (去年同期进度). Worked by hand."""

from __future__ import annotations

from decimal import Decimal

from zonekpi.model.periods import Period
from zonekpi.view.check import check_table

from .conftest import HEADER

FDI = (
    HEADER
    + """
indicators:
  - {id: fdi, name: 实际利用外资, unit: 亿美元, targets: [{at_least: 0.72 亿美元}]}
figures:
  - {indicator: fdi, period: 2017-09, value: 0.40 亿美元}
  - {indicator: fdi, period: 2017, value: 0.80 亿美元}
  - {indicator: fdi, period: 2018-09, value: 0.45 亿美元}
"""
)
SEP = Period(2018, 1, 9)
Q = Decimal("0.0001")


def test_a_level_target_of_a_flow_gets_its_growth_on_last_years_same_period(run_check):
    f = run_check(FDI, period=SEP).findings[0]
    # 0.45 / 0.40 − 1 = +12.5% 同比, beside its completion 0.45 / 0.72 = 62.5%
    assert f.yoy == Decimal("12.5")
    assert f.completion == Decimal("0.625")


def test_the_rest_of_the_year_needs_an_amount_and_a_monthly_pace(run_check):
    r = run_check(FDI, period=SEP)
    f = r.findings[0]
    # 0.72 − 0.45 = 0.27亿美元 in 10–12月: 0.27 / 3 = 0.09 a month, against 0.45 / 9 = 0.05
    assert f.rest == Decimal("0.27")
    assert f.pace_needed == Decimal("0.09")
    assert f.pace_so_far == Decimal("0.05")
    row = check_table([r]).rows[0]
    assert row["rest_text"] == "0.27亿美元" and row["pace_text"] == "0.09 / 0.05亿美元"
    assert row["yoy"] == "+12.5%"


def test_seasonal_time_elapsed_is_last_years_share_done_by_the_same_month(run_check):
    text = FDI.replace("period: 2017-09, value: 0.40", "period: 2017-09, value: 0.496")
    text = text.replace("year: 2018\n", "year: 2018\nelapsed: seasonal\n")
    f = run_check(text, period=SEP).findings[0]
    # last year's 1–9月 0.496 of its 0.80 = 62%: 序时 62%, not 9/12 = 75%;
    # 0.45 / 0.72 = 62.5% done: ahead by 0.5 points, on track
    assert f.elapsed == Decimal("0.62") and f.schedule == "seasonal"
    assert f.ahead.quantize(Q) == Decimal("0.5000")
    assert f.status.value == "on_track"
    # by months it would be behind: 62.5% against 75%
    months = run_check(FDI, period=SEP).findings[0]
    assert months.elapsed == Decimal("0.75") and months.status.value == "behind"


def test_seasonal_without_last_years_profile_falls_back_to_months_and_says_so(run_check):
    text = FDI.replace("  - {indicator: fdi, period: 2017-09, value: 0.40 亿美元}\n", "")
    text = text.replace("year: 2018\n", "year: 2018\nelapsed: seasonal\n")
    f = run_check(text, period=SEP).findings[0]
    assert f.elapsed == Decimal("0.75") and f.schedule == "months"


def test_the_option_chooses_the_schedule(plan_file, cli):
    import json

    path = str(plan_file(FDI.replace("0.40 亿美元", "0.496 亿美元")))
    doc = json.loads(
        cli("check", path, "--period", "2018-09", "--elapsed", "seasonal", "-f", "json").stdout
    )
    f = doc["results"][0]["findings"][0]
    assert f["schedule"] == "seasonal" and f["elapsed"] == 0.62
