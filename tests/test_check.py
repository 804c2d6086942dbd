"""The annual check: every target kind, with expected values worked out by hand.

Each expected number in these tests was computed by hand from the figures in the test (the
arithmetic is in the comment beside it), never copied from the program's output.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from zonekpi.model.results import Note, Status
from zonekpi.view.labels import notes
from zonekpi.view.targets import actual_text

from .conftest import HEADER

PARKS = """\
parks:
  - {id: gxq, name: 高新区, role: core}
  - {id: jkq, name: 经开区, role: radiating}
  - {id: myq, name: 牧野区, role: radiating}
"""


def one(result, indicator=None, tier=None, park=None):
    found = [
        f
        for f in result.findings
        if (indicator is None or f.indicator.id == indicator)
        and (tier is None or f.target.tier == tier)
        and f.park == park
    ]
    assert len(found) == 1, found
    return found[0]


def test_at_least_completion_and_gap(run_check):
    r = run_check(
        HEADER
        + """
indicators:
  - id: htf
    name: 高新技术企业
    unit: 家
    targets:
      - {at_least: 90 家, tier: floor}
      - {at_least: 95 家, tier: stretch}
figures:
  - {indicator: htf, period: 2018, value: 92 家}
"""
    )
    floor, stretch = one(r, "htf", "floor"), one(r, "htf", "stretch")
    assert floor.status is Status.MET and stretch.status is Status.MISSED
    # 92 / 95 = 0.968421…; gap 92 − 95 = −3
    assert stretch.completion.quantize(Decimal("0.000001")) == Decimal("0.968421")
    assert stretch.gap == -3
    # 92 / 90 = 1.0222…
    assert floor.completion.quantize(Decimal("0.0001")) == Decimal("1.0222")
    # the floor (确保) decides: met, so the check succeeds; the missed 力争 is reported beside it
    assert floor.decides and not stretch.decides
    assert r.success


def test_units_converted_exactly_before_comparing(run_check):
    # 1200 万元 = 1200 × 10^4 元 = 0.12 亿元: meets "at least 0.12 亿元" exactly, no float noise.
    r = run_check(
        HEADER
        + """
indicators:
  - {id: fund, name: 基金, unit: 亿元, targets: [{at_least: 0.12 亿元}]}
figures:
  - {indicator: fund, period: 2018, value: 1200 万元}
"""
    )
    f = one(r, "fund")
    assert f.actual == Decimal("0.12")
    assert f.status is Status.MET
    assert actual_text(f) == "0.12亿元"


def test_more_than_is_strict(run_check):
    r = run_check(
        HEADER
        + """
indicators:
  - {id: p, name: 转化科技成果, unit: 项, targets: [{more_than: 50 项}]}
figures:
  - {indicator: p, period: 2018, value: 50 项}
"""
    )
    assert one(r, "p").status is Status.MISSED  # 超过50项: 50 is not more than 50


def test_ceiling_and_missing_is_not_zero(run_check):
    r = run_check(
        HEADER
        + """
indicators:
  - {id: u, name: 城镇调查失业率, unit: "%", direction: lower, targets: [{at_most: 5.5%}]}
  - {id: e, name: 能耗, unit: 万吨标准煤, direction: lower, targets: [{at_most: 10 万吨标准煤}]}
figures:
  - {indicator: u, period: 2018, value: 5.1%}
"""
    )
    u = one(r, "u")
    assert u.status is Status.MET
    assert u.gap == Decimal("-0.4")  # 5.1 − 5.5 percentage points
    assert u.gap_unit == "百分点"
    # No figure for 能耗: "no data", never "0 ≤ 10, met".
    e = one(r, "e")
    assert e.status is Status.NO_DATA and e.actual is None
    assert r.success  # nothing missed: exit 0


def test_between_inclusive(run_check):
    r = run_check(
        HEADER
        + """
indicators:
  - {id: a, name: 新三板挂牌, unit: 家, targets: [{between: [3 家, 4 家]}]}
  - {id: b, name: 完成比例, unit: "%", targets: [{between: [60%, 70%]}]}
  - {id: c, name: 上市, unit: 家, targets: [{between: [1 家, 2 家]}]}
  - {id: d, name: 能耗增速, unit: "%", direction: lower, targets: [{between: [2%, 3%]}]}
  - {id: e, name: 失业率, unit: "%", direction: lower, targets: [{between: [2%, 3%]}]}
figures:
  - {indicator: a, period: 2018, value: 4 家}
  - {indicator: b, period: 2018, value: 58%}
  - {indicator: c, period: 2018, value: 3 家}
  - {indicator: d, period: 2018, value: 4%}
  - {indicator: e, period: 2018, value: 1%}
"""
    )
    assert one(r, "a").status is Status.MET
    assert one(r, "b").status is Status.MISSED and one(r, "b").gap == -2  # 58 − 60
    # a range's top is an aim for higher-is-better: 3 listings against 1–2 is met, exceeded by 1
    assert one(r, "c").status is Status.MET and one(r, "c").gap == 1  # 3 − 2
    # lower-is-better mirrors it: above the top (4% > 3%) is missed, below the bottom is met
    assert one(r, "d").status is Status.MISSED and one(r, "d").gap == 1  # 4 − 3
    assert one(r, "e").status is Status.MET and one(r, "e").gap == -1  # 1 − 2


def test_about_with_tolerance(run_check):
    r = run_check(
        HEADER
        + """
indicators:
  - id: s
    name: 占全市比重
    unit: "%"
    targets: [{about: 15%, tolerance: 0.5 个百分点}]
  - id: t
    name: 另一比重
    unit: "%"
    targets: [{about: 15%, tolerance: 0.5 个百分点}]
figures:
  - {indicator: s, period: 2018, value: 14.6%}
  - {indicator: t, period: 2018, value: 15.6%}
"""
    )
    assert one(r, "s").status is Status.MET  # |14.6 − 15| = 0.4 ≤ 0.5
    assert one(r, "t").status is Status.MISSED  # |15.6 − 15| = 0.6 > 0.5


GROWTH = (
    HEADER
    + """
indicators:
  - {id: retail, name: 社会消费品零售总额, unit: 亿元, targets: [{growth: 9%}]}
  - {id: gdp, name: 生产总值, unit: 亿元, growth_basis: comparable, targets: [{growth: 8%}]}
  - {id: inv, name: 固定资产投资, unit: 亿元, targets: [{growth: 12%}]}
figures:
"""
)


def test_growth_computed_from_levels(run_check):
    r = run_check(
        GROWTH
        + """
  - {indicator: retail, period: 2018, value: 3000000 万元}
  - {indicator: retail, period: 2017, value: 280 亿元}
"""
    )
    f = one(r, "retail")
    # 3,000,000 万元 = 300 亿元; 300 / 280 − 1 = 0.0714285714… = 7.142857%
    assert f.actual.quantize(Decimal("0.000001")) == Decimal("7.142857")
    assert f.status is Status.MISSED
    assert "computed" in f.basis


def test_growth_from_reported_base(run_check):
    # 涧西区 2021: GDP 414 亿元; a base of 389.46 亿元 on this year's coverage gives
    # 414 / 389.46 − 1 = 0.0630102… = 6.30% (the reported 6.3%).
    r = run_check(
        GROWTH
        + """
  - {indicator: inv, period: 2018, value: 414 亿元, base: 389.46 亿元}
"""
    )
    f = one(r, "inv")
    assert f.actual.quantize(Decimal("0.0001")) == Decimal("6.3010")
    assert "base" in f.basis


def test_reported_growth_is_primary_and_disagreement_is_noted(run_check):
    r = run_check(
        GROWTH
        + """
  - {indicator: retail, period: 2018, value: 278 亿元, growth: 9.6%}
  - {indicator: retail, period: 2017, value: 250 亿元}
"""
    )
    f = one(r, "retail")
    assert f.actual == Decimal("9.6") and f.basis == "reported"
    assert f.status is Status.MET
    # Levels imply 278 / 250 − 1 = 11.2%, 1.6 pp from the reported 9.6%: worth a note.
    assert any("11.2%" in n for n in notes(f.notes, r.names))


def test_comparable_price_growth_must_be_reported(run_check):
    r = run_check(
        GROWTH
        + """
  - {indicator: gdp, period: 2018, value: 300 亿元}
  - {indicator: gdp, period: 2017, value: 270 亿元}
"""
    )
    f = one(r, "gdp")
    # 300 / 270 − 1 = 11.1% at current prices, but GDP growth is real growth: not computable.
    assert f.status is Status.NO_DATA
    assert any("comparable" in n for n in notes(f.notes, r.names, "en"))
    assert any("可比价" in n for n in notes(f.notes, r.names))


def test_growth_exactly_at_target_is_met(run_check):
    r = run_check(
        GROWTH
        + """
  - {indicator: inv, period: 2018, value: 112 亿元}
  - {indicator: inv, period: 2017, value: 100 亿元}
"""
    )
    assert one(r, "inv").status is Status.MET  # 112 / 100 − 1 = 12% exactly


def test_lower_is_better_growth_is_a_ceiling(run_check):
    r = run_check(
        HEADER
        + """
indicators:
  - {id: e1, name: 单位GDP能耗, unit: 吨标准煤, direction: lower, targets: [{growth: -3%}]}
  - {id: e2, name: 单位GDP水耗, unit: 吨, direction: lower, targets: [{growth: -3%}]}
figures:
  - {indicator: e1, period: 2018, growth: -3.5%}
  - {indicator: e2, period: 2018, growth: -2%}
"""
    )
    assert one(r, "e1").status is Status.MET  # fell 3.5%, more than 3%
    assert one(r, "e2").status is Status.MISSED  # fell only 2%


def test_increase_in_percentage_points(run_check):
    # 税占比 54.3%, 比去年提高6.4个百分点: 54.3 − 47.9 = 6.4 pp (not 54.3 / 47.9 − 1 = 13.4%).
    r = run_check(
        HEADER
        + """
indicators:
  - {id: tax, name: 税占比, unit: "%", targets: [{increase: 6.4 个百分点}]}
  - {id: firms, name: 高新技术企业, unit: 家, targets: [{increase: 10 家}]}
figures:
  - {indicator: tax, period: 2018, value: 54.3%}
  - {indicator: tax, period: 2017, value: 47.9%}
  - {indicator: firms, period: 2018, value: 93 家}
  - {indicator: firms, period: 2017, value: 85 家}
"""
    )
    tax = one(r, "tax")
    assert tax.actual == Decimal("6.4") and tax.status is Status.MET
    firms = one(r, "firms")
    assert firms.actual == 8 and firms.status is Status.MISSED  # 93 − 85 = 8 < 10
    assert firms.completion == Decimal("0.8")


def test_share_is_ratio_of_sums_with_units_converted(run_check):
    r = run_check(
        HEADER
        + """
indicators:
  - {id: rd, name: 研发投入, unit: 亿元}
  - {id: gdp, name: 生产总值, unit: 亿元}
  - id: rd-share
    name: 研发投入占GDP比重
    unit: "%"
    share: {numerator: rd, denominator: gdp}
    targets: [{at_least: 3%}]
figures:
  - {indicator: rd, period: 2018, value: 32000 万元}
  - {indicator: gdp, period: 2018, value: 100 亿元}
"""
    )
    f = one(r, "rd-share")
    # 32000 万元 = 3.2 亿元; 3.2 / 100 = 3.2%
    assert f.actual == Decimal("3.2") and f.status is Status.MET


def test_per_capita(run_check):
    r = run_check(
        HEADER
        + """
indicators:
  - {id: pat, name: 有效发明专利, unit: 件}
  - {id: pop, name: 常住人口, unit: 万人}
  - id: pat-10k
    name: 万人有效发明专利
    unit: 件
    per_capita: {value: pat, population: pop, per: 10000}
    targets: [{at_least: 13 件}]
figures:
  - {indicator: pat, period: 2018, value: 1300 件}
  - {indicator: pop, period: 2018, value: 100 万人}
"""
    )
    # 1300 / 1,000,000 people × 10,000 = 13 件 per 10,000 people: exactly the target.
    f = one(r, "pat-10k")
    assert f.actual == 13 and f.status is Status.MET


def test_share_with_a_missing_part_is_no_data(run_check):
    r = run_check(
        HEADER
        + """
indicators:
  - {id: rd, name: 研发投入, unit: 亿元}
  - {id: gdp, name: 生产总值, unit: 亿元}
  - id: rd-share
    name: 研发投入占GDP比重
    unit: "%"
    share: {numerator: rd, denominator: gdp}
    targets: [{at_least: 3%}]
figures:
  - {indicator: rd, period: 2018, value: 3 亿元}
"""
    )
    f = one(r, "rd-share")
    assert f.status is Status.NO_DATA
    assert any("生产总值" in n for n in notes(f.notes, r.names))


PARK_PLAN = (
    HEADER
    + PARKS
    + """
indicators:
  - {id: tt, name: 成果转化机构, unit: 是否, targets: [{coverage: all}]}
  - {id: exp, name: 自主创新经验, unit: 条, targets: [{per_park: 3 条}]}
  - id: inst
    name: 产业技术研究院
    unit: 个
    targets:
      - at_least: 6 个
      - allocation: {gxq: 3 个, jkq: 2 个, myq: 1 个}
figures:
  - {indicator: tt, park: gxq, period: 2018, value: 是}
  - {indicator: tt, park: jkq, period: 2018, value: 否}
  - {indicator: tt, park: myq, period: 2018, value: 是}
  - {indicator: exp, park: gxq, period: 2018, value: 4 条}
  - {indicator: exp, park: jkq, period: 2018, value: 3 条}
  - {indicator: exp, park: myq, period: 2018, value: 2 条}
  - {indicator: inst, park: gxq, period: 2018, value: 3 个}
  - {indicator: inst, park: jkq, period: 2018, value: 2 个}
"""
)


def test_coverage_per_park_and_allocation_for_the_zone(run_check):
    r = run_check(PARK_PLAN)
    tt = one(r, "tt")
    assert tt.status is Status.MISSED and actual_text(tt) == "2/3 园区"
    # the parks short of it are named by id in the result, by name in the report
    assert Note("parks_lacking", ("jkq",)) in tt.notes
    assert any("经开区" in n for n in notes(tt.notes, r.names))
    exp = one(r, "exp")
    assert exp.status is Status.MISSED and Note("parks_below", ("myq",)) in exp.notes
    alloc = next(f for f in r.findings if f.target.kind == "allocation")
    # 牧野区 has no figure: the allocation is not met, not missed either.
    assert alloc.status is Status.NO_DATA and Note("parks_no_data", ("myq",)) in alloc.notes
    assert any("牧野区" in n for n in notes(alloc.notes, r.names))
    assert r.warnings == ()  # 3 + 2 + 1 = 6 = the zone's target


@pytest.mark.parametrize(
    ("park", "expected"),
    [
        ("gxq", {"tt": Status.MET, "exp": Status.MET, "inst": Status.MET}),
        ("jkq", {"tt": Status.MISSED, "exp": Status.MET, "inst": Status.MET}),
        ("myq", {"tt": Status.MET, "exp": Status.MISSED, "inst": Status.NO_DATA}),
    ],
)
def test_each_park_against_its_own_targets(run_check, park, expected):
    r = run_check(PARK_PLAN, park=park)
    got = {f.indicator.id: f.status for f in r.findings}
    assert got == expected
    assert all(f.park == park for f in r.findings)


def test_allocation_shares_not_adding_up_are_reported(run_check):
    r = run_check(PARK_PLAN.replace("at_least: 6 个", "at_least: 9 个"))
    assert len(r.warnings) == 1
    words = notes(r.warnings, None, "en")[0]
    assert "add up to 6" in words and "9" in words
    assert "合计6个" in notes(r.warnings)[0]


def test_multi_year_targets_are_checked_in_their_year(run_check):
    text = (
        HEADER
        + """
indicators:
  - id: trade
    name: 综保区外贸总额
    unit: 亿元
    targets:
      - {at_least: 30 亿元, year: 2018}
      - {at_least: 55 亿元, year: 2019}
figures:
  - {indicator: trade, period: 2018, value: 31 亿元}
  - {indicator: trade, period: 2019, value: 50 亿元}
"""
    )
    assert [f.status for f in run_check(text).findings] == [Status.MET]
    later = run_check(text, year=2019)
    assert [f.status for f in later.findings] == [Status.MISSED]


def test_previous_plan_supplies_last_years_levels(plan_file):
    from zonekpi.core.check import check
    from zonekpi.read.plan import load_plan

    last = plan_file(
        """\
id: t-2017
title: 去年
year: 2017
indicators:
  - {id: retail, name: 社会消费品零售总额, unit: 万元}
figures:
  - {indicator: retail, period: 2017, value: 2500000 万元}
""",
        "last.yaml",
    )
    this = plan_file(
        HEADER
        + """
indicators:
  - {id: retail, name: 社会消费品零售总额, unit: 亿元, targets: [{growth: 10%}]}
figures:
  - {indicator: retail, period: 2018, value: 280 亿元}
"""
    )
    r = check(load_plan(this), previous=load_plan(last))
    f = r.findings[0]
    # last year 2,500,000 万元 = 250 亿元; 280 / 250 − 1 = 12%
    assert f.actual == Decimal("12") and f.status is Status.MET


def test_previous_plan_change_is_converted_to_this_years_unit(plan_file):
    from zonekpi.core.check import check
    from zonekpi.read.plan import load_plan

    last = plan_file(
        """\
id: t-2017
title: 去年
year: 2017
indicators:
  - {id: profit, name: 利润, unit: 万元}
figures:
  - {indicator: profit, period: 2017, change: 10000 万元}
""",
        "last.yaml",
    )
    this = plan_file(
        HEADER
        + """
indicators:
  - {id: profit, name: 利润, unit: 亿元, targets: [{increase: 2 亿元, year: 2017}]}
"""
    )
    r = check(load_plan(this), year=2017, previous=load_plan(last))
    f = r.findings[0]
    # 10000 万元 = 1 亿元, short of the 2 亿元 increase (not 10000 亿元, met)
    assert f.actual == Decimal("1") and f.status is Status.MISSED and f.gap == -1


def test_data_file_layers_over_plan_figures(plan_file, tmp_path):
    from zonekpi.core.check import check
    from zonekpi.read.plan import load_plan

    path = plan_file(
        HEADER
        + """
indicators:
  - {id: htf, name: 高新技术企业, unit: 家, targets: [{at_least: 95 家}]}
figures:
  - {indicator: htf, period: 2018, value: 90 家}
"""
    )
    csv = tmp_path / "fig.csv"
    csv.write_text("indicator,park,period,value,unit\nhtf,,2018,96,家\n", encoding="utf-8")
    r = check(load_plan(path, data=[csv]))
    assert r.findings[0].actual == 96 and r.findings[0].status is Status.MET
