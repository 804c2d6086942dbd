"""During the year: periods, year-to-date figures, 序时进度 and growth still needed.

Expected values are worked by hand (the arithmetic is beside each), the first from the example
in DOMAIN.md "Months": A′ = 100, C′₁₀ = 80, C₁₀ = 84, G = 8% → the last two months need +20%.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from zonekpi.core.check import check
from zonekpi.core.figures import Figures
from zonekpi.core.months import tile
from zonekpi.model.periods import Period, parse_period
from zonekpi.model.results import Note, Status
from zonekpi.read.plan import load_plan
from zonekpi.view.labels import notes

from .conftest import HEADER

OCT = Period(2018, 1, 10)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2018", Period(2018)),
        (2018, Period(2018)),
        ("2018-10", Period(2018, 1, 10)),
        ("2018-Q3", Period(2018, 1, 9)),
        ("2018-H1", Period(2018, 1, 6)),
        ("2018-10..10", Period(2018, 10, 10)),
        ("2018年1-10月", Period(2018, 1, 10)),
        ("2018年1—10月累计", Period(2018, 1, 10)),
        ("2018年10月", Period(2018, 10, 10)),
        ("2018年一季度", Period(2018, 1, 3)),
        ("2018年前三季度", Period(2018, 1, 9)),
        ("2018年三季度", Period(2018, 7, 9)),
        ("2018年上半年", Period(2018, 1, 6)),
        ("2018年下半年", Period(2018, 7, 12)),
        ("２０１８－１０", Period(2018, 1, 10)),
        ("2018年1-10月份", Period(2018, 1, 10)),
        ("2018年1月-10月", Period(2018, 1, 10)),
        ("2018年1～10月", Period(2018, 1, 10)),
        ("2018　年 1-10 月", Period(2018, 1, 10)),
        ("2018年十月", Period(2018, 10, 10)),
        ("2018/10/1", Period(2018, 1, 10)),  # a spreadsheet's date for the month
    ],
)
def test_periods_are_read_in_the_forms_offices_write(text, period):
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["2018-13", "2018-10..03", "十月", "2018/10"])
def test_impossible_periods_are_refused_with_a_hint(text):
    with pytest.raises(ValueError, match=r"2018|months"):
        parse_period(text)


def test_time_elapsed_by_months_and_by_days():
    assert OCT.elapsed() == Decimal(10) / 12
    # 2018 is not a leap year: 1 January to 31 October is 304 days of 365
    assert OCT.elapsed("days") == Decimal(304) / Decimal(365)
    assert Period(2020, 1, 2).elapsed("days") == Decimal(60) / Decimal(366)  # 31 + 29


def test_tiling_months():
    spans = [(1, 9, "1-9"), (10, 10, "10"), (1, 3, "Q1"), (4, 10, "4-10")]
    assert tile(spans, 1, 10) in (["1-9", "10"], ["Q1", "4-10"])  # two parts, not more
    assert tile([*spans, (1, 10, "1-10")], 1, 10) == ["1-10"]
    assert tile([(1, 3, "a"), (5, 10, "b")], 1, 10) is None  # April missing: no total


MONTHLY = (
    HEADER
    + """
indicators:
  - id: output
    name: 规模以上工业总产值
    unit: 亿元
    targets:
      - growth: 8%
      - at_least: 120 亿元
figures:
  - {indicator: output, period: 2017, value: 100 亿元}
  - {indicator: output, period: 2017-10, value: 80 亿元}
  - {indicator: output, period: 2018-10, value: 84 亿元}
"""
)


def test_domain_example_growth_still_needed(run_check):
    r = run_check(MONTHLY, period=OCT)
    growth, level = r.findings
    assert growth.actual == 5  # 84 / 80 − 1
    # 5% < 8%: compared as it stands, no 序时 comparison: 低于目标, not 落后序时
    assert growth.status is Status.BELOW
    # ((1 + 8%)·100 − 84) / (100 − 80) − 1 = 24 / 20 − 1 = 20%
    assert growth.needed == 20
    # 84 / 120 = 70% of the year's target after 10/12 = 83.33% of the year: 13.33 points behind
    assert level.completion == Decimal("0.7")
    assert level.elapsed == Decimal(10) / 12
    assert level.ahead.quantize(Decimal("0.01")) == Decimal("-13.33")
    assert level.status is Status.BEHIND


def test_ahead_of_schedule_is_on_track_and_past_the_target_is_met(run_check):
    ahead = run_check(MONTHLY.replace("at_least: 120", "at_least: 100"), period=OCT)
    # 84 / 100 = 84% against 83.33%: 0.67 points ahead
    assert ahead.findings[1].status is Status.ON_TRACK
    assert ahead.findings[1].ahead.quantize(Decimal("0.01")) == Decimal("0.67")
    past = run_check(MONTHLY.replace("at_least: 120", "at_least: 80"), period=OCT)
    assert past.findings[1].status is Status.MET  # a flow of 84 already past 80 for the year


def test_a_month_without_a_figure_is_no_data_not_zero(run_check):
    r = run_check(MONTHLY, period=Period(2018, 1, 9))
    assert [f.status for f in r.findings] == [Status.NO_DATA, Status.NO_DATA]


def test_single_months_add_up_to_the_year_to_date(plan_file):
    singles = "".join(
        f"  - {{indicator: output, period: 2018年{m}月, value: {v} 亿元}}\n"
        for m, v in zip(range(1, 11), [8, 7, 9, 8, 8, 9, 8, 9, 9, 9], strict=True)
    )
    text = MONTHLY.replace("  - {indicator: output, period: 2018-10, value: 84 亿元}\n", singles)
    plan = load_plan(plan_file(text))
    ind = plan.indicators[0]
    # 8 + 7 + 9 + 8 + 8 + 9 + 8 + 9 + 9 + 9 = 84, the year-to-date figure given directly above
    assert Figures(plan).level(ind, None, OCT).value == 84
    assert check(plan, period=OCT).findings[0].needed == 20


def test_a_year_to_date_plus_its_next_month(plan_file):
    text = MONTHLY.replace(
        "  - {indicator: output, period: 2018-10, value: 84 亿元}\n",
        "  - {indicator: output, period: 2018-09, value: 75 亿元}\n"
        "  - {indicator: output, period: 2018年10月, value: 9 亿元}\n",
    )
    plan = load_plan(plan_file(text))
    assert Figures(plan).level(plan.indicators[0], None, OCT).value == 84  # 75 + 9


def test_a_stock_is_read_at_the_end_of_the_period_never_summed(plan_file):
    text = (
        HEADER
        + """
indicators:
  - {id: firms, name: 高新技术企业, unit: 家, stock: true, targets: [{at_least: 95 家}]}
figures:
  - {indicator: firms, period: 2018年9月, value: 88 家}
  - {indicator: firms, period: 2018年10月, value: 90 家}
"""
    )
    plan = load_plan(plan_file(text))
    assert Figures(plan).level(plan.indicators[0], None, OCT).value == 90  # not 178
    # without last year's end there is no way covered to weigh: 90 < 95 stands as below the
    # target, and the row says what is missing (not 落后序时 with an empty 序时 cell)
    f = check(plan, period=OCT).findings[0]
    assert f.status is Status.BELOW and f.elapsed is None
    assert Note("stock_no_start", (2017,)) in f.notes


@pytest.mark.parametrize(
    ("start", "status", "ahead"), [(60, "on_track", "2.38"), (85, "behind", "-33.33")]
)
def test_a_stock_counts_the_way_covered_since_the_start_of_the_year(
    plan_file, start, status, ahead
):
    text = (
        HEADER
        + f"""
indicators:
  - {{id: firms, name: 高新技术企业, unit: 家, stock: true, targets: [{{at_least: 95 家}}]}}
figures:
  - {{indicator: firms, period: 2017, value: {start} 家}}
  - {{indicator: firms, period: 2018-10, value: 90 家}}
"""
    )
    f = check(load_plan(plan_file(text)), period=OCT).findings[0]
    # from 60: (90 − 60) / (95 − 60) = 85.71% against 83.33%: +2.38 points
    # from 85: (90 − 85) / (95 − 85) = 50% against 83.33%: −33.33 points
    assert f.status.value == status
    assert f.ahead.quantize(Decimal("0.01")) == Decimal(ahead)


def test_growth_already_secured_is_met_and_needs_nothing(run_check):
    r = run_check(MONTHLY.replace("2018-10, value: 84", "2018-10, value: 110"), period=OCT)
    growth = r.findings[0]
    # 110 ≥ (1 + 8%) × 100 = 108 already: the year's growth is met, whatever November brings
    assert growth.status is Status.MET and growth.needed is None


def test_no_growth_needed_from_a_remainder_that_is_not_positive(run_check):
    r = run_check(MONTHLY.replace("2017, value: 100", "2017, value: 78"), period=OCT)
    growth = r.findings[0]
    # last year: 78 for the year, 80 to October (a revision): the last two months were −2
    assert growth.needed is None and Note("rest_not_positive") in growth.notes
    assert any("无法推算" in n for n in notes(growth.notes))


def test_lower_is_better_growth(run_check):
    text = (
        HEADER
        + """
indicators:
  - {id: energy, name: 能源消费量, unit: 万吨标准煤, direction: lower, targets: [{growth: -3%}]}
figures:
  - {indicator: energy, period: 2017, value: 100 万吨标准煤}
  - {indicator: energy, period: 2017-10, value: 80 万吨标准煤}
  - {indicator: energy, period: 2018-10, value: 76 万吨标准煤}
"""
    )
    f = run_check(text, period=OCT).findings[0]
    # −5% so far; the year may reach 97: (97 − 76) / 20 − 1 = +5% at most in the last two months
    assert f.status is Status.ON_TRACK and f.needed == 5
    over = run_check(text.replace("value: 76", "value: 98"), period=OCT).findings[0]
    assert over.status is Status.MISSED  # 98 > 97 already: the cap for the year is broken


def test_a_stocks_growth_is_needed_from_now_to_the_years_end(run_check):
    text = (
        HEADER
        + """
indicators:
  - {id: firms, name: 企业, unit: 家, stock: true, targets: [{growth: 20%}]}
figures:
  - {indicator: firms, period: 2017, value: 100 家}
  - {indicator: firms, period: 2017-10, value: 95 家}
  - {indicator: firms, period: 2018-10, value: 105 家}
"""
    )
    f = run_check(text, period=OCT).findings[0]
    # the year's end needs 120: 120 / 105 − 1 = 14.29% more from now (not 200%)
    assert f.needed.quantize(Decimal("0.01")) == Decimal("14.29")


def test_a_stocks_increase_counts_from_last_years_end(run_check):
    text = (
        HEADER
        + """
indicators:
  - {id: firms, name: 企业, unit: 家, stock: true, targets: [{increase: 10 家}]}
figures:
  - {indicator: firms, period: 2017, value: 100 家}
  - {indicator: firms, period: 2017-10, value: 95 家}
  - {indicator: firms, period: 2018-10, value: 105 家}
"""
    )
    assert run_check(text, period=OCT).findings[0].actual == 5  # 105 − 100, not 105 − 95


def test_current_price_growth_still_needed_uses_the_levels(run_check):
    text = MONTHLY.replace("2018-10, value: 84 亿元}", "2018-10, value: 84 亿元, growth: 7.4%}")
    growth = run_check(text, period=OCT).findings[0]
    assert growth.needed == 20  # from C₁₀ = 84, not 80 × 1.074 = 85.92


def test_a_reported_base_is_last_years_same_period(run_check):
    text = MONTHLY.replace("  - {indicator: output, period: 2017-10, value: 80 亿元}\n", "")
    text = text.replace("2018-10, value: 84 亿元}", "2018-10, value: 84 亿元, base: 80 亿元}")
    assert run_check(text, period=OCT).findings[0].needed == 20


def test_december_year_to_date_is_the_annual_check(plan_file):
    text = MONTHLY.replace("2018-10, value: 84", "2018-12, value: 109")
    plan = load_plan(plan_file(text))
    by_period = check(plan, period=parse_period("2018-12"))
    annual = check(plan)
    assert [(f.status, f.actual) for f in by_period.findings] == [
        (f.status, f.actual) for f in annual.findings
    ]
    # 109 / 100 − 1 = 9% ≥ 8%: met; 109 < 120: missed
    assert [f.status for f in annual.findings] == [Status.MET, Status.MISSED]


def test_parks_roll_up_month_by_month(run_check):
    r = run_check(
        HEADER
        + """
parks:
  - {id: a, name: 甲园}
  - {id: b, name: 乙园}
indicators:
  - {id: output, name: 工业总产值, unit: 亿元, targets: [{growth: 8%}]}
figures:
  - {indicator: output, park: a, period: 2018-10, value: 50 亿元, growth: 10%}
  - {indicator: output, park: b, period: 2018-10, value: 34 亿元, growth: 2%}
""",
        period=OCT,
    )
    f = r.findings[0]
    # bases 50 / 1.1 = 45.4545, 34 / 1.02 = 33.3333: 84 / 78.7879 − 1 = 6.6154%
    assert f.actual.quantize(Decimal("0.0001")) == Decimal("6.6154")
    assert f.status is Status.BELOW  # 6.6% < 8%, as it stands


def test_period_on_the_command_line(cli, plan_file):
    path = str(plan_file(MONTHLY))
    result = cli("check", path, "--period", "2018-10", "--format", "csv")
    assert result.exit_code == 0  # behind schedule is not a failure by default
    header, growth, level = result.stdout.splitlines()
    assert "elapsed" in header.split(",") and "needed" in header.split(",")
    assert ",below," in growth and ",20%," in growth
    assert ",behind," in level and ",70%," in level  # 84 / 120
    assert cli("check", path, "--period", "2018-10", "-q", "--fail-on", "behind").exit_code == 1
    bad = cli("check", path, "--period", "2018年10月")
    assert bad.exit_code == 2 and "2018-10" in bad.stderr  # a single month is not a year to date


def test_the_narrative_says_it_as_a_monthly_report_does(cli, plan_file):
    path = str(plan_file(MONTHLY))
    result = cli("check", path, "--period", "2018-10", "--format", "text")
    assert result.exit_code == 0
    title, blank, sentence = result.stdout.splitlines()
    assert title == "测试 2018年1–10月" and blank == ""
    # one sentence for the indicator: its growth (84 / 80 − 1 = 5%, 3 points under 8%, the
    # last two months need 20%), then its level (84 / 120 = 70%, 83.33% − 70% = 13.3 points)
    assert sentence == (
        "1–10月, 规模以上工业总产值同比增长5%, 低于全年目标3个百分点, "
        "11–12月需同比增长20%才能完成全年目标; "
        "完成全年目标(120亿元)的70%, 比序时进度慢13.3个百分点, "
        # 同比 (5%) said once, above; 120 − 84 = 36 in two months: 18 a month against 84 / 10 = 8.4
        "11–12月需完成36亿元, 月均18亿元, 1–10月月均8.4亿元。"
    )


def test_the_annual_narrative_gives_the_verdict(cli, plan_file):
    text = MONTHLY.replace("2018-10, value: 84", "2018, value: 109")
    result = cli("check", str(plan_file(text)), "--format", "text")
    sentence = result.stdout.splitlines()[-1]
    # 109 / 100 − 1 = 9%: 1 point over 8%; 109 / 120 = 90.8%
    assert sentence == (
        "2018年, 规模以上工业总产值同比增长9%, 高于目标1个百分点, 达标; "
        "完成目标(120亿元)的90.8%, 未达标。"  # 同比增长9% said once, above
    )


def test_json_carries_the_period_and_the_schedule(cli, plan_file):
    import json

    from jsonschema import Draft202012Validator

    from zonekpi.read.schema import schema

    result = cli("check", str(plan_file(MONTHLY)), "--period", "2018-10", "-f", "json")
    doc = json.loads(result.stdout)
    Draft202012Validator(schema("report.schema.json")).validate(doc)
    r = doc["results"][0]
    assert r["period"] == "2018-10"
    assert r["summary"]["behind"] == 1 and r["summary"]["below"] == 1
    assert r["summary"]["on_track"] == 0
    growth, level = r["findings"]
    assert growth["needed"] == 20 and growth["status"] == "below"
    assert level["elapsed"] == pytest.approx(10 / 12, abs=1e-6)
    assert level["ahead"] == pytest.approx(70 - 100 * 10 / 12, abs=1e-6)  # −13.33 points


def test_parts_that_do_not_add_up_the_same_way_are_not_used(plan_file):
    text = MONTHLY.replace(
        "  - {indicator: output, period: 2018-10, value: 84 亿元}\n",
        "  - {indicator: output, period: 2018-09, value: 75 亿元}\n"
        "  - {indicator: output, period: 2018年10月, value: 9 亿元}\n"
        "  - {indicator: output, period: 2018年一季度, value: 20 亿元}\n"
        "  - {indicator: output, period: 2018-04..10, value: 90 亿元}\n",
    )
    r = check(load_plan(plan_file(text)), period=OCT)
    # 75 + 9 = 84, but 20 + 90 = 110: no year-to-date figure, and a warning naming the lines
    assert r.findings[1].status is Status.NO_DATA
    assert any("disagree" in w and "2018年1–10月" in w for w in r.warnings)
