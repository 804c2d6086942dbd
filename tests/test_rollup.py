"""Rolling park figures up to the zone (一区四园), with every expected value worked by hand.

The arithmetic is in the comment beside each assertion. The real case is seed 002 (洛阳涧西区,
2021): 涧西区 414亿元 +6.3% and 高新区 284亿元 +4.9% make 698亿元 +5.73%, not the 5.6% of a
plain average.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from zonekpi.core.check import check
from zonekpi.core.figures import Figures
from zonekpi.model.results import Status
from zonekpi.read.plan import load_plan
from zonekpi.view.labels import notes

from .conftest import HEADER, ROOT

JIANXI = ROOT / "plans" / "jianxi-2022.yaml"
Q = Decimal("0.01")


def total(result, indicator, measure):
    found = [t for t in result.totals if t.indicator.id == indicator and t.measure == measure]
    assert len(found) == 1, found
    return found[0]


# -- the real case: seed 002 ------------------------------------------------------------------


def test_jianxi_gdp_2021_rolls_up_to_698_at_5_73_percent():
    r = check(load_plan(JIANXI), year=2021)
    level = total(r, "gdp", "level").of(None)
    assert level.value == 698  # 414 + 284
    growth = total(r, "gdp", "growth").of(None)
    # bases: 414 / 1.063 = 389.4638, 284 / 1.049 = 270.7340; Σ 660.1978
    # 698 / 660.1978 − 1 = 0.057259 → +5.73%
    assert growth.value.quantize(Q) == Decimal("5.73")
    assert growth.value.quantize(Q) != Decimal("5.60")  # (6.3 + 4.9) / 2, the wrong answer
    roll = growth.rollup
    assert roll.base.quantize(Q) == Decimal("660.20")
    assert [p.base.quantize(Q) for p in roll.parts] == [Decimal("389.46"), Decimal("270.73")]
    # 生产总值 grows at comparable prices: the weights are current-price bases, and it says so.
    assert any("近似" in n for n in notes(growth.notes, r.names))


def test_jianxi_retail_2021_rolls_up_to_331_at_9_32_percent():
    r = check(load_plan(JIANXI), year=2021)
    assert total(r, "retail-sales", "level").of(None).value == 331  # 278 + 53
    growth = total(r, "retail-sales", "growth").of(None)
    # bases: 278 / 1.096 = 253.6496, 53 / 1.079 = 49.1196; Σ 302.7692
    # 331 / 302.7692 − 1 = 0.093242 → +9.32%
    assert growth.value.quantize(Q) == Decimal("9.32")
    assert not any(
        "近似" in n for n in notes(growth.notes, r.names)
    )  # current prices: no approximation


def test_jianxi_growth_without_levels_is_not_averaged():
    """规上工业增加值: 涧西区 +11.6%, 高新区 +10.1%, no levels: no zone growth, and why."""
    r = check(load_plan(JIANXI), year=2021)
    zone = total(r, "industrial-value-added", "growth").of(None)
    assert zone.value is None
    assert any("涧西区、高新区" in n and "无法加权" in n for n in notes(zone.notes, r.names))


def test_jianxi_json_carries_the_roll_up_and_its_inputs(cli):
    from jsonschema import Draft202012Validator

    from zonekpi.read.schema import schema

    result = cli("check", str(JIANXI), "--year", "2021", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    Draft202012Validator(schema("report.schema.json")).validate(doc)
    totals = {(t["indicator"], t["measure"]): t for t in doc["results"][0]["totals"]}
    gdp, growth = totals["gdp", "level"], totals["gdp", "growth"]
    assert gdp["zone"]["value"] == 698 and gdp["zone"]["unit"] == "亿元"
    assert abs(growth["zone"]["value"] - 5.73) <= 0.01
    parts = growth["zone"]["derivation"]["rollup"]["parts"]
    assert [(p["park"], p["value"], p["growth"]) for p in parts] == [
        ("jianxi", 414, 6.3),
        ("gxq", 284, 4.9),
    ]
    assert all(p["base_from"] == "level ÷ (1 + growth)" for p in parts)
    retail = totals["retail-sales", "growth"]["zone"]
    assert totals["retail-sales", "level"]["zone"]["value"] == 331
    assert abs(retail["value"] - 9.32) <= 0.01
    assert [p["park"] for p in gdp["parks"]] == ["jianxi", "gxq"]


def test_jianxi_by_park_table(cli):
    result = cli("check", str(JIANXI), "--year", "2021", "--by-park", "--format", "plain")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("指标"))
    assert header.split()[:5] == ["指标", "单位", "涧西区", "高新区", "全区"]
    gdp = next(line for line in lines if line.startswith("生产总值 "))
    growth = next(line for line in lines if line.startswith("生产总值 增速"))
    assert gdp.split()[1:5] == ["亿元", "414", "284", "698"]
    assert growth.split()[2:6] == ["%", "+6.3", "+4.9", "+5.73"]


def test_by_park_csv_has_stable_columns_and_bare_numbers(cli):
    result = cli("check", str(JIANXI), "--year", "2021", "--by-park", "--format", "csv")
    header, *rows = result.stdout.splitlines()
    assert header == (
        "plan,year,indicator,name,measure,unit,tier,kind,target,jianxi,gxq,zone,status,"
        "jianxi_status,gxq_status,notes,period,illustrative"
    )
    assert "jianxi-2022,2021,gdp,生产总值,level,亿元,,,,414,284,698,,,,,2021,false" in rows


def test_by_park_and_park_together_is_a_usage_error(cli):
    result = cli("check", str(JIANXI), "--by-park", "--park", "gxq")
    assert result.exit_code == 2
    assert "--by-park" in result.stderr


# -- the rules, one at a time -----------------------------------------------------------------

PARKS = """\
parks:
  - {id: a, name: 甲园, role: core}
  - {id: b, name: 乙园, role: radiating}
"""


def plan(body: str) -> str:
    return HEADER + PARKS + body


def test_shares_are_sums_over_sums_not_means(run_check):
    r = run_check(
        plan(
            """
indicators:
  - {id: rd, name: 研发投入, unit: 亿元}
  - {id: gdp, name: 生产总值, unit: 亿元}
  - id: rd-share
    name: 研发投入占GDP比重
    unit: "%"
    share: {numerator: rd, denominator: gdp}
    targets: [{at_least: 3%}]
figures:
  - {indicator: rd, park: a, period: 2018, value: 9.5 亿元}
  - {indicator: rd, park: b, period: 2018, value: 4600 万元}
  - {indicator: gdp, park: a, period: 2018, value: 210 亿元}
  - {indicator: gdp, park: b, period: 2018, value: 150 亿元}
"""
        )
    )
    f = r.findings[0]
    # (9.5 + 0.46) / (210 + 150) = 9.96 / 360 = 2.7667% (the mean of 4.52% and 0.31% is 2.41%)
    assert f.actual.quantize(Decimal("0.0001")) == Decimal("2.7667")
    assert f.status is Status.MISSED
    (_, num_id, num), (_, den_id, den) = f.derivation.terms
    assert (num_id, num.value, den_id, den.value) == ("rd", Decimal("9.96"), "gdp", 360)
    assert [p.value for p in num.rollup.parts] == [Decimal("9.5"), Decimal("0.46")]


def test_per_capita_is_a_sum_over_the_summed_population(run_check):
    r = run_check(
        plan(
            """
indicators:
  - {id: pat, name: 有效发明专利, unit: 件}
  - {id: pop, name: 常住人口, unit: 万人}
  - id: pat-per
    name: 万人有效发明专利
    unit: 件
    per_capita: {value: pat, population: pop, per: 10000}
    targets: [{at_least: 13 件}]
figures:
  - {indicator: pat, park: a, period: 2018, value: 620 件}
  - {indicator: pat, park: b, period: 2018, value: 310 件}
  - {indicator: pop, park: a, period: 2018, value: 16 万人}
  - {indicator: pop, park: b, period: 2018, value: 12 万人}
"""
        )
    )
    # 930 件 / 280,000 人 × 10,000 = 33.2143 (the parks: 38.75 and 25.83; their mean 32.29)
    assert r.findings[0].actual.quantize(Decimal("0.0001")) == Decimal("33.2143")


def test_a_missing_park_makes_the_total_incomplete_not_zero(run_check):
    r = run_check(
        plan(
            """
indicators:
  - id: htf
    name: 高新技术企业
    unit: 家
    targets: [{at_least: 40 家}]
figures:
  - {indicator: htf, park: a, period: 2018, value: 41 家}
"""
        )
    )
    f = r.findings[0]
    # 41 alone already exceeds 40, but 乙园 is unknown: no data, never "met with 乙园 = 0".
    assert f.status is Status.NO_DATA and f.actual is None
    assert any("缺乙园" in n and "2个园区中1个有数" in n for n in notes(f.notes, r.names))
    assert f.derivation.rollup.missing == ("b",)


def test_a_reported_zone_total_is_used_and_shown_beside_the_sum(run_check):
    r = run_check(
        plan(
            """
indicators:
  - id: gdp
    name: 生产总值
    unit: 亿元
    targets: [{at_least: 155 亿元}]
figures:
  - {indicator: gdp, park: a, period: 2018, value: 100 亿元}
  - {indicator: gdp, park: b, period: 2018, value: 50 亿元}
  - {indicator: gdp, period: 2018, value: 160 亿元}
"""
        )
    )
    f = r.findings[0]
    assert f.actual == 160 and f.status is Status.MET  # the reported total is the one judged
    assert f.derivation.rollup.value == 150  # 100 + 50
    assert f.derivation.rollup.difference == 10  # 160 − 150
    assert any("150亿元" in n and "+10亿元" in n for n in notes(f.notes, r.names))


def test_growth_from_reported_bases_and_last_years_levels(run_check):
    r = run_check(
        plan(
            """
indicators:
  - id: retail
    name: 社会消费品零售总额
    unit: 亿元
    targets: [{growth: 9%}]
figures:
  - {indicator: retail, park: a, period: 2018, value: 120 亿元, base: 100 亿元}
  - {indicator: retail, park: b, period: 2018, value: 52 亿元}
  - {indicator: retail, park: b, period: 2017, value: 50 亿元}
"""
        )
    )
    f = r.findings[0]
    # (120 + 52) / (100 + 50) − 1 = 172 / 150 − 1 = 14.6667%
    assert f.actual.quantize(Decimal("0.0001")) == Decimal("14.6667")
    assert [p.base_from for p in f.derivation.rollup.parts] == ["reported base", "level 2017"]


def test_a_growth_rate_without_level_cannot_be_weighted(run_check):
    r = run_check(
        plan(
            """
indicators:
  - id: retail
    name: 社会消费品零售总额
    unit: 亿元
    targets: [{growth: 9%}]
figures:
  - {indicator: retail, park: a, period: 2018, value: 278 亿元, growth: 9.6%}
  - {indicator: retail, park: b, period: 2018, growth: 7.9%}
"""
        )
    )
    f = r.findings[0]
    assert f.status is Status.NO_DATA and f.actual is None
    assert any("乙园只有增速" in n for n in notes(f.notes, r.names))
    assert f.derivation.rollup.unweighted == ("b",)


def test_a_reported_zone_growth_is_primary(run_check):
    r = run_check(
        plan(
            """
indicators:
  - id: retail
    name: 社会消费品零售总额
    unit: 亿元
    targets: [{growth: 9%}]
figures:
  - {indicator: retail, period: 2018, growth: 8.5%}
  - {indicator: retail, park: a, period: 2018, value: 110 亿元, growth: 10%}
  - {indicator: retail, park: b, period: 2018, value: 120 亿元, growth: 20%}
"""
        )
    )
    f = r.findings[0]
    assert f.actual == Decimal("8.5") and f.status is Status.MISSED
    # the parks: 230 / (100 + 100) − 1 = 15%, 6.5 points away from 8.5%: worth a remark
    assert f.derivation.rollup.value == 15
    assert any("不一致" in n for n in notes(f.notes, r.names))


def test_comparable_growth_needs_reported_rates_from_every_park(run_check):
    r = run_check(
        plan(
            """
indicators:
  - id: gdp
    name: 生产总值
    unit: 亿元
    growth_basis: comparable
    targets: [{growth: 7%}]
figures:
  - {indicator: gdp, park: a, period: 2018, value: 110 亿元, growth: 8%}
  - {indicator: gdp, park: b, period: 2018, value: 105 亿元}
  - {indicator: gdp, park: b, period: 2017, value: 100 亿元}
"""
        )
    )
    f = r.findings[0]
    # 乙园's 5% would come from current-price levels: not a comparable-price rate.
    assert f.status is Status.NO_DATA
    assert f.derivation.rollup.missing == ("b",)


def test_changes_are_summed_for_counts(run_check):
    r = run_check(
        plan(
            """
indicators:
  - id: htf
    name: 高新技术企业
    unit: 家
    targets: [{increase: 10 家}]
figures:
  - {indicator: htf, park: a, period: 2018, value: 41 家}
  - {indicator: htf, park: a, period: 2017, value: 35 家}
  - {indicator: htf, park: b, period: 2018, change: 3 家}
"""
        )
    )
    f = r.findings[0]
    assert f.actual == 9  # (41 − 35) + 3
    assert f.status is Status.MISSED


def test_rates_are_never_summed(run_check):
    r = run_check(
        plan(
            """
indicators:
  - id: unemp
    name: 城镇调查失业率
    unit: "%"
    direction: lower
    targets: [{at_most: 5.5%}]
  - id: gdp-pc
    name: 人均GDP
    unit: 元
    rollup: none
    targets: [{at_least: 80000 元}]
figures:
  - {indicator: unemp, park: a, period: 2018, value: 4%}
  - {indicator: unemp, park: b, period: 2018, value: 5%}
  - {indicator: gdp-pc, park: a, period: 2018, value: 90000 元}
  - {indicator: gdp-pc, park: b, period: 2018, value: 70000 元}
"""
        )
    )
    unemp, gdp_pc = r.findings
    assert unemp.status is Status.NO_DATA and any("比率" in n for n in notes(unemp.notes, r.names))
    assert gdp_pc.status is Status.NO_DATA and any(
        "按规划不由园区加总" in n for n in notes(gdp_pc.notes, r.names)
    )
    assert any("rates" in n for n in notes(unemp.notes, r.names, "en"))


def test_a_zone_has_a_flag_when_any_park_has_it(plan_file):
    text = plan(
        """
indicators:
  - id: incubator
    name: 国家级孵化器
    unit: 是否
    targets: [{at_least: 1 是否}]
figures:
  - {indicator: incubator, park: a, period: 2018, value: 否}
  - {indicator: incubator, park: b, period: 2018, value: VALUE}
"""
    )
    for value, expected in (("是", True), ("否", False)):
        p = load_plan(plan_file(text.replace("VALUE", value)))
        assert Figures(p).flag(p.indicators[0], None, 2018) is expected
    # 甲园 says no and 乙园 has not reported: unknown, not "no".
    unknown = text.replace("  - {indicator: incubator, park: b, period: 2018, value: VALUE}\n", "")
    p = load_plan(plan_file(unknown))
    assert Figures(p).flag(p.indicators[0], None, 2018) is None


# -- parks inside parks (区中园) ---------------------------------------------------------------

NESTED = (
    HEADER
    + """
parks:
  - {id: a, name: 甲园}
  - {id: a1, name: 甲一园, parent: a}
  - {id: a2, name: 甲二园, parent: a}
  - {id: b, name: 乙园}
indicators:
  - id: rev
    name: 营业收入
    unit: 亿元
    targets:
      - {growth: 10%}
      - {at_least: 270 亿元}
  - id: platform
    name: 研发平台
    unit: 是否
    targets: [{coverage: all}]
figures:
  - {indicator: rev, park: a1, period: 2018, value: 110 亿元, growth: 10%}
  - {indicator: rev, park: a2, period: 2018, value: 60 亿元, growth: 20%}
  - {indicator: rev, park: b, period: 2018, value: 105 亿元, base: 100 亿元}
  - {indicator: platform, park: a2, period: 2018, value: 是}
  - {indicator: platform, park: b, period: 2018, value: 否}
"""
)


def test_nested_parks_roll_up_level_by_level(run_check):
    r = run_check(NESTED)
    growth, level, cover = r.findings
    # 甲园 = 甲一园 + 甲二园 = 110 + 60 = 170; the zone = 甲园 + 乙园 = 170 + 105 = 275
    assert level.actual == 275 and level.status is Status.MET
    # bases: 110 / 1.1 = 100, 60 / 1.2 = 50, 乙园 100 (reported): 275 / 250 − 1 = 10%
    assert growth.actual == 10 and growth.status is Status.MET
    a = total(r, "rev", "growth").of("a")
    # 甲园 on its own: 170 / 150 − 1 = 13.3333%
    assert a.value.quantize(Decimal("0.0001")) == Decimal("13.3333")
    zone_parts = growth.derivation.rollup.parts
    assert [(p.park, p.base, p.base_from) for p in zone_parts] == [
        ("a", 150, "sum of its parks' bases"),
        ("b", 100, "reported base"),
    ]
    # coverage counts the zone's own parks: 甲园 has it through 甲二园, 乙园 does not.
    assert cover.status is Status.MISSED
    assert [(f.park, f.status) for f in cover.parks] == [("a", Status.MET), ("b", Status.MISSED)]


def test_a_parent_parks_reported_total_stands_for_it(run_check):
    r = run_check(
        NESTED + "  - {indicator: rev, park: a, period: 2018, value: 172 亿元, growth: 13%}\n"
    )
    level = r.findings[1]
    assert level.actual == 277  # 172 (reported by 甲园) + 105
    a = total(r, "rev", "level").of("a")
    assert a.rollup.difference == 2  # 172 − (110 + 60)


def test_park_option_on_a_parent_park_rolls_up_its_own_parks(run_check):
    r = run_check(NESTED.replace("- {growth: 10%}", "- {growth: 10%, park: a}"), park="a")
    assert [(f.indicator.id, f.actual.quantize(Decimal("0.01"))) for f in r.findings] == [
        ("rev", Decimal("13.33")),  # 170 / 150 − 1
        ("platform", Decimal("1")),
    ]


def test_a_parent_parks_reported_level_is_weighted_by_its_own_base(run_check):
    """甲园 reports 180 but no growth; its parks grew 10% and 20% (13.3333% together), so its
    base is 180 ÷ 1.133333 = 158.8235, not its parks' 150 (which belongs to 170, not 180)."""
    r = run_check(NESTED + "  - {indicator: rev, park: a, period: 2018, value: 180 亿元}\n")
    growth = r.findings[0]
    a, _ = growth.derivation.rollup.parts
    assert a.base.quantize(Decimal("0.0001")) == Decimal("158.8235")
    assert a.base_from == "level ÷ (1 + growth)"
    # (180 + 105) / (158.8235 + 100) − 1 = 10.1136%
    assert growth.actual.quantize(Decimal("0.0001")) == Decimal("10.1136")


@pytest.mark.parametrize(
    ("parks", "message"),
    [
        ("[{id: a, name: 甲, parent: z}]", "unknown park 'z'"),
        ("[{id: a, name: 甲, parent: b}, {id: b, name: 乙, parent: a}]", "inside itself"),
    ],
)
def test_bad_parents_are_refused_with_a_line(plan_file, cli, parks, message):
    path = plan_file(
        HEADER
        + f"parks: {parks}\n"
        + "indicators:\n  - {id: x, name: 甲, unit: 家, targets: [{at_least: 1 家}]}\n"
    )
    result = cli("validate", str(path))
    assert result.exit_code == 2
    assert f"{path}:4:" in result.stderr and message in result.stderr


def test_rollup_sum_on_a_percentage_is_refused(plan_file, cli):
    path = plan_file(HEADER + "indicators:\n  - {id: x, name: 失业率, unit: '%', rollup: sum}\n")
    result = cli("validate", str(path))
    assert result.exit_code == 2 and "never summed" in result.stderr


def test_ratio_indicators_computed_from_each_other_are_refused(plan_file, cli):
    path = plan_file(
        HEADER
        + """indicators:
  - {id: x, name: 甲, unit: '%', share: {numerator: y, denominator: z}}
  - {id: y, name: 乙, unit: '%', share: {numerator: x, denominator: z}}
  - {id: z, name: 丙, unit: 亿元}
"""
    )
    result = cli("validate", str(path))
    assert result.exit_code == 2 and "computed from itself" in result.stderr


# -- the 2018 新乡 plan: one status per park and one for the zone -------------------------------


def test_xinxiang_json_nests_park_findings_under_the_zone(cli):
    from jsonschema import Draft202012Validator

    from zonekpi.read.schema import schema

    plan_path = ROOT / "plans" / "xinxiang-2018.yaml"
    data = ROOT / "examples" / "xinxiang-2018-figures.csv"
    result = cli("check", str(plan_path), "--data", str(data), "--format", "json")
    doc = json.loads(result.stdout)
    Draft202012Validator(schema("report.schema.json")).validate(doc)
    alloc = next(f for f in doc["results"][0]["findings"] if f["kind"] == "allocation")
    # 9 = 3 + 2 + 1 + 2 + 1, the zone against the sum of the shares
    assert alloc["target"]["value"] == 9 and alloc["actual"]["value"] == 9
    assert [(p["park"], p["target"]["value"], p["status"]) for p in alloc["parks"]] == [
        ("gxq", 3, "met"),
        ("jkq", 2, "met"),
        ("pysfq", 1, "met"),
        ("hqq", 2, "met"),
        ("myq", 1, "met"),
    ]


def test_xinxiang_per_park_targets_print_a_row_per_park(cli):
    plan_path = ROOT / "plans" / "xinxiang-2018.yaml"
    data = ROOT / "examples" / "xinxiang-2018-figures.csv"
    result = cli("check", str(plan_path), "--data", str(data), "--format", "csv")
    rows = [line.split(",") for line in result.stdout.splitlines()]
    header = rows[0]
    col = {k: header.index(k) for k in ("indicator", "kind", "park", "status")}
    for kind in ("coverage", "per_park", "allocation"):
        got = [(r[col["park"]], r[col["status"]]) for r in rows[1:] if r[col["kind"]] == kind]
        zone_rows = [g for g in got if g[0] == ""]
        park_rows = [g for g in got if g[0] != ""]
        per_target = len(zone_rows)
        assert per_target >= 1
        assert len(park_rows) == 5 * per_target  # 高新区, 经开区, 平原示范区, 红旗区, 牧野区
    # 可复制、可推广的自主创新经验 各园区至少3条: 平原示范区 has 2 (示例数据); it and the zone miss.
    exp = [
        (r[col["park"]], r[col["status"]])
        for r in rows[1:]
        if r[col["indicator"]] == "innovation-experiences"
    ]
    assert exp == [
        ("", "missed"),
        ("gxq", "met"),
        ("jkq", "met"),
        ("pysfq", "missed"),
        ("hqq", "met"),
        ("myq", "met"),
    ]


# -- cases found in review: reported rates, bases without levels, the zone's own levels -------


def test_reported_rates_are_weighted_by_reported_bases(run_check):
    """Each park reports 110 on a base of 100 and a comparable-price rate of 3%: the zone grew
    3% (Σ B·g / Σ B = (100·3 + 100·3) / 200), not the 10% its current-price levels imply."""
    r = run_check(
        plan(
            """
indicators:
  - {id: gdp, name: 生产总值, unit: 亿元, growth_basis: comparable, targets: [{growth: 5%}]}
figures:
  - {indicator: gdp, park: a, period: 2018, value: 110 亿元, base: 100 亿元, growth: 3%}
  - {indicator: gdp, park: b, period: 2018, value: 110 亿元, base: 100 亿元, growth: 3%}
"""
        )
    )
    f = r.findings[0]
    assert f.actual == 3 and f.status is Status.MISSED


def test_a_base_and_a_rate_weigh_without_a_level(run_check):
    r = run_check(
        plan(
            """
indicators:
  - {id: rev, name: 营业收入, unit: 亿元, targets: [{growth: 9%}]}
figures:
  - {indicator: rev, park: a, period: 2018, base: 100 亿元, growth: 20%}
  - {indicator: rev, park: b, period: 2018, value: 110 亿元, growth: 0%}
"""
        )
    )
    f = r.findings[0]
    # bases 100 and 110 / 1.00 = 110: (100·20 + 110·0) / 210 = 9.5238%
    assert f.actual.quantize(Decimal("0.0001")) == Decimal("9.5238")
    assert f.status is Status.MET


def test_zone_growth_from_summed_levels_and_its_own_last_year(run_check):
    r = run_check(
        plan(
            """
indicators:
  - {id: retail, name: 社会消费品零售总额, unit: 亿元, targets: [{growth: 10%}]}
figures:
  - {indicator: retail, period: 2017, value: 100 亿元}
  - {indicator: retail, park: a, period: 2018, value: 60 亿元}
  - {indicator: retail, park: b, period: 2018, value: 55 亿元}
"""
        )
    )
    f = r.findings[0]
    assert f.actual == 15  # (60 + 55) / 100 − 1
    assert f.status is Status.MET


def test_the_zones_own_levels_give_its_change(run_check):
    r = run_check(
        plan(
            """
indicators:
  - {id: firms, name: 企业, unit: 家, targets: [{increase: 2 家}]}
figures:
  - {indicator: firms, period: 2018, value: 12 家}
  - {indicator: firms, period: 2017, value: 10 家}
  - {indicator: firms, park: a, period: 2018, value: 6 家}
  - {indicator: firms, park: a, period: 2017, value: 5 家}
  - {indicator: firms, park: b, period: 2018, value: 5 家}
  - {indicator: firms, park: b, period: 2017, value: 5 家}
"""
        )
    )
    f = r.findings[0]
    assert f.actual == 2 and f.status is Status.MET  # 12 − 10, the reported totals
    assert any("1家" in n for n in notes(f.notes, r.names))  # the parks: (6 − 5) + (5 − 5)


def test_coverage_counts_any_amount(run_check):
    r = run_check(
        plan(
            """
indicators:
  - {id: fund, name: 科技金融资金, unit: 亿元, targets: [{coverage: all}]}
figures:
  - {indicator: fund, park: a, period: 2018, value: 4000 万元}
  - {indicator: fund, park: b, period: 2018, value: 0 亿元}
"""
        )
    )
    f = r.findings[0]
    assert [(p.park, p.status) for p in f.parks] == [("a", Status.MET), ("b", Status.MISSED)]


@pytest.mark.parametrize(
    ("indicators", "message"),
    [
        (
            """
  - {id: rd, name: 研发, unit: 亿元}
  - {id: gdp, name: 生产总值, unit: 亿元}
  - {id: s, name: 强度, unit: '%', rollup: none, share: {numerator: rd, denominator: gdp}}
""",
            "computed from its terms",
        ),
        (
            """
  - {id: pat, name: 专利, unit: 件}
  - {id: area, name: 面积, unit: 平方公里}
  - {id: s, name: 每平方公里专利, unit: 件, per_capita: {value: pat, population: area}}
""",
            "per capita needs people",
        ),
    ],
)
def test_ratio_indicators_that_cannot_work_are_refused(plan_file, cli, indicators, message):
    path = plan_file(HEADER + "indicators:" + indicators)
    result = cli("validate", str(path))
    assert result.exit_code == 2 and message in result.stderr
    assert f"{path}:7:" in result.stderr  # the third indicator
