"""Assessment (考核): points, totals and ranks, every expected value worked by hand.

The small plan below has three parks, four scored indicators (one lower-is-better, one with a
figure missing for one park) and a tie. The arithmetic is written beside each assertion.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

from zonekpi.core.assess import assess
from zonekpi.core.scoring import competition_ranks, completion, points
from zonekpi.model.periods import Period
from zonekpi.model.results import Status
from zonekpi.model.scheme import Rule
from zonekpi.read.plan import load_plan
from zonekpi.view.labels import notes

from .conftest import ROOT

D = Decimal

SMALL = """\
id: t
title: 测试区
year: 2018
parks:
  - {id: a, name: 甲园}
  - {id: b, name: 乙园}
  - {id: c, name: 丙园}
indicators:
  - {id: firms, name: 高新技术企业, unit: 家, stock: true, targets: [{at_least: 30 家}]}
  - {id: jobless, name: 失业率, unit: "%", direction: lower, targets: [{at_most: 5%}]}
  - {id: output, name: 产值, unit: 亿元, targets: [{growth: 8%}]}
  - {id: patents, name: 专利, unit: 件, targets: [{at_least: 300 件}]}
figures:
  - {indicator: firms, park: a, period: 2018, value: 15 家}
  - {indicator: firms, park: b, period: 2018, value: 6 家}
  - {indicator: firms, park: c, period: 2018, value: 10 家}
  - {indicator: jobless, park: a, period: 2018, value: 4.5%}
  - {indicator: jobless, park: b, period: 2018, value: 5%}
  - {indicator: jobless, park: c, period: 2018, value: 4%}
  - {indicator: output, park: a, period: 2018, growth: 6%}
  - {indicator: output, park: b, period: 2018, growth: 8%}
  - {indicator: output, park: c, period: 2018, growth: 8%}
  - {indicator: patents, park: a, period: 2018, value: 90 件}
  - {indicator: patents, park: b, period: 2018, value: 100 件}
scoring:
  rule: {proportional: {cap: 120%}}
  items:
    - {indicator: firms, weight: 40, split: {a: 10 家, b: 10 家, c: 10 家}}
    - {indicator: jobless, weight: 20}
    - indicator: output
      weight: 20
      rule: {anchored: {at_target: 80%, points: 0.5, per: 1 个百分点, cap: 100%}}
    - {indicator: patents, weight: 20, split: {a: 100 件, b: 100 件, c: 100 件}}
"""


@pytest.fixture
def small(plan_file):
    def make(text: str = SMALL, **kwargs):
        return assess(load_plan(plan_file(text)), **kwargs)

    return make


def by_unit(ranking):
    return {s.unit: s for s in ranking.standings}


def item_points(standing):
    return {s.indicator.id: s.points for s in standing.scores}


def test_small_plan_points_worked_by_hand(small):
    r = by_unit(small())
    # 甲园: firms 15/10 = 150%, capped at 120% → 40 × 1.2 = 48.00
    #       jobless (lower is better) 5 / 4.5 = 111.11% → 20 × 1.1111 = 22.22
    #       output 6% vs 8%: 2 points short → 20 × 80% − 2 × 0.5 = 15.00
    #       patents 90/100 = 90% → 18.00
    assert item_points(r["a"]) == {
        "firms": D("48.00"),
        "jobless": D("22.22"),
        "output": D("15.00"),
        "patents": D("18.00"),
    }
    assert r["a"].points == D("103.22")
    # 乙园: firms 6/10 = 60% → 24.00; jobless 5/5 → 20.00; output 8% → 16.00; patents → 20.00
    assert item_points(r["b"]) == {
        "firms": D("24.00"),
        "jobless": D("20.00"),
        "output": D("16.00"),
        "patents": D("20.00"),
    }
    assert r["b"].total == D("80.00")
    # 丙园: firms 100% → 40.00; jobless 5/4 = 125%, capped → 24.00; output → 16.00;
    #       patents: no figure → 0.00, flagged
    assert item_points(r["c"]) == {
        "firms": D("40.00"),
        "jobless": D("24.00"),
        "output": D("16.00"),
        "patents": D("0.00"),
    }
    assert r["c"].total == D("80.00")
    assert [s.indicator.id for s in r["c"].missing] == ["patents"]


def test_small_plan_tie_shares_a_rank_and_keeps_the_plan_order(small):
    ranking = small()
    assert [(s.unit, s.rank) for s in ranking.standings] == [("a", 1), ("b", 2), ("c", 2)]
    assert any("丙园" in w and "专利" in w for w in notes(ranking.warnings))


def test_completion_shown_is_the_one_the_points_came_from(small):
    r = by_unit(small())
    jobless = next(s for s in r["a"].scores if s.indicator.id == "jobless")
    assert jobless.completion == D(5) / D("4.5")  # target ÷ actual
    output = next(s for s in r["a"].scores if s.indicator.id == "output")
    assert output.completion == D("0.75")  # 6% ÷ 8%


def test_cap_is_respected_whatever_the_overshoot(small, plan_file):
    text = SMALL.replace(
        "{indicator: firms, park: a, period: 2018, value: 15 家}",
        "{indicator: firms, park: a, period: 2018, value: 900 家}",
    )
    r = by_unit(small(text))
    assert item_points(r["a"])["firms"] == D("48.00")  # 40 × 120%, not 40 × 90


def test_weight_of_an_item_nobody_has_data_for_changes_no_rank(small):
    extra = """\
  - {id: awards, name: 奖项, unit: 项, targets: [{at_least: 3 项}]}
"""
    base = SMALL.replace("figures:\n", extra + "figures:\n")
    ranks = []
    for weight in ("1", "50", "500"):
        text = (
            base
            + f"    - {{indicator: awards, weight: {weight}, "
            + "split: {a: 1 项, b: 1 项, c: 1 项}}\n"
        )
        ranking = small(text)
        ranks.append([(s.unit, s.rank) for s in ranking.standings])
        assert all(s.missing for s in ranking.standings)
    assert ranks[0] == ranks[1] == ranks[2] == [("a", 1), ("b", 2), ("c", 2)]


def test_missing_data_can_earn_a_stated_share(small):
    r = by_unit(small(SMALL.replace("scoring:\n", "scoring:\n  missing: 50%\n")))
    assert item_points(r["c"])["patents"] == D("10.00")  # 20 × 50%
    assert r["c"].total == D("90.00")  # now ahead of 乙园's 80.00
    assert r["c"].rank == 2 and r["b"].rank == 3


def test_value_coefficient_multiplies_the_sum_of_points(small):
    text = SMALL.replace("scoring:\n", "scoring:\n  coefficients: {b: 1.1}\n")
    r = by_unit(small(text))
    assert r["b"].points == D("80.00")
    assert r["b"].total == D("88.00")  # 80.00 × 1.1
    assert r["b"].rank == 2 and r["c"].rank == 3


def test_during_the_year_a_flow_is_held_to_its_pro_rata_target(plan_file):
    text = """\
id: t
title: 测试区
year: 2018
parks:
  - {id: a, name: 甲园}
  - {id: b, name: 乙园}
indicators:
  - {id: cap, name: 引进资金, unit: 亿元, targets: [{at_least: 120 亿元}]}
  - {id: firms, name: 企业, unit: 家, stock: true, targets: [{at_least: 20 家}]}
figures:
  - {indicator: cap, park: a, period: 2018-09, value: 45 亿元}
  - {indicator: cap, park: b, period: 2018-09, value: 30 亿元}
  - {indicator: firms, park: a, period: 2018-09, value: 9 家}
  - {indicator: firms, park: b, period: 2018-09, value: 10 家}
scoring:
  items:
    - {indicator: cap, weight: 50, split: {a: 60 亿元, b: 40 亿元}}
    - {indicator: firms, weight: 50, split: {a: 10 家, b: 10 家}}
"""
    r = assess(load_plan(plan_file(text)), Period(2018, 1, 9))
    assert r.elapsed == D("0.75")
    units = by_unit(r)
    # a: 45 ÷ (60 × 9/12 = 45) = 100% → 50.00; b: 30 ÷ (40 × 0.75 = 30) = 100% → 50.00
    assert item_points(units["a"])["cap"] == D("50.00")
    assert item_points(units["b"])["cap"] == D("50.00")
    # a stock is held to its year-end target: 9/10 → 45.00; 10/10 → 50.00
    assert item_points(units["a"])["firms"] == D("45.00")
    assert item_points(units["b"])["firms"] == D("50.00")
    off = assess(
        load_plan(
            plan_file(text.replace("scoring:\n", "scoring:\n  schedule: false\n"), "off.yaml")
        ),
        Period(2018, 1, 9),
    )
    # without the schedule: 45/60 = 75% → 37.50
    assert item_points(by_unit(off)["a"])["cap"] == D("37.50")


# -- the rules, one at a time ------------------------------------------------------------------


def test_proportional_is_weight_times_completion_within_zero_and_cap():
    rule = Rule("proportional", cap=D("1.2"))
    assert points(rule, D(10), D("0.85"), False) == D("8.50")
    assert points(rule, D(10), D("1.5"), True) == D(12)
    assert points(rule, D(10), D("-0.3"), False) == 0  # a fall earns nothing, not less


def test_all_or_nothing():
    rule = Rule("all_or_nothing")
    assert points(rule, D(4), D("0.999"), False) == 0
    assert points(rule, D(4), D(1), True) == 4


def test_bands_take_the_highest_band_reached():
    rule = Rule("bands", bands=((D(1), D(1)), (D("0.8"), D("0.6"))))
    assert points(rule, D(10), D("1.01"), True) == 10
    assert points(rule, D(10), D("0.8"), False) == 6
    assert points(rule, D(10), D("0.79"), False) == 0


def test_anchored_per_point_of_completion_and_of_the_rate():
    by_completion = Rule("anchored", points=D("0.5"), cap=D("1.2"))
    # 92% complete: 8 points short → 10 × 80% − 8 × 0.5 = 4
    assert points(by_completion, D(10), D("0.92"), False) == 4
    # 110%: 8 + 10 × 0.5 = 13, capped at 12
    assert points(by_completion, D(10), D("1.1"), True) == 12
    # 70%: 8 − 15 = −7, floored at 0
    assert points(by_completion, D(10), D("0.7"), False) == 0
    by_rate = Rule("anchored", points=D("0.5"), per=D(1), per_unit="百分点", cap=D(1))
    # growth 9.6% against 13%: 3.4 points short → 8 − 1.7 = 6.3
    assert points(by_rate, D(10), D("9.6") / 13, False, ahead=D("-3.4")) == D("6.3")


def test_deduction_pro_rata_and_whole_steps():
    rule = Rule("deduction", points=D(2), per=D(1), per_unit="家")
    assert points(rule, D(10), D(1), True, ahead=D(0)) == 10
    assert points(rule, D(10), D("0.7"), False, ahead=D("-1.5")) == 7  # 10 − 1.5 × 2
    whole = Rule("deduction", points=D(2), per=D(1), per_unit="家", whole_steps=True)
    assert points(whole, D(10), D("0.7"), False, ahead=D("-1.5")) == 6  # 2 steps: 10 − 4
    assert points(whole, D(10), D(0), False, ahead=D(-9)) == 0  # never below the floor (0)


def test_completion_for_lower_is_better_and_odd_targets():
    assert completion(D(4), D(5), lower=True) == D("1.25")  # 5 ÷ 4
    assert completion(D(0), D(5), lower=True) is None  # nothing used: the best there is
    assert points(Rule("proportional", cap=D("1.2")), D(10), None, True) == 12
    assert completion(D(-4), D(-3), lower=True) == Fraction(4, 3)  # 下降4% against 下降3%
    assert completion(D(-3), D(-5)) == D("1.4")  # 1 + (−3 − −5) ÷ 5
    assert completion(D(2), D(0), met=True) == 1
    assert completion(D(-1), D(0), met=False) == 0


def test_competition_ranks():
    assert competition_ranks([D(90), D(95), D(90), D(80)]) == [2, 1, 2, 4]
    assert competition_ranks([]) == []


# -- the shipped plans ---------------------------------------------------------------------


XINXIANG = ROOT / "plans" / "xinxiang-2018.yaml"
MONTHLY = ROOT / "examples" / "xinxiang-2018-2018-10.csv"
LUOYANG = ROOT / "plans" / "luoyang-gxq-2018.yaml"


def test_xinxiang_october_ranking_worked_by_hand():
    r = assess(load_plan(XINXIANG, data=[MONTHLY]), Period(2018, 1, 10))
    gxq = by_unit(r)["gxq"]
    pts = item_points(gxq)
    assert pts["rd-share"] == D("4.80")  # 7.6 ÷ 166 = 4.578% vs 3%: 152.6%, capped 120% → 4.80
    assert pts["high-tech-value-added"] == D("2.06")  # 9.6% vs 13%: 2.4 − 3.4 × 0.1
    assert pts["high-tech-firms"] == D("9.29")  # a stock: 39 ÷ 42 = 92.86% × 10
    assert pts["young-talents"] == D("12.00")  # 310 ÷ (300 × 10/12 = 250) = 124% → cap 12
    assert pts["industry-institutes"] == D("10.00")  # 3 ≥ 3 × 10/12: met, no deduction
    assert pts["outside-capital"] == D("11.80")  # 88.5 ÷ (90 × 10/12 = 75) = 118%
    assert pts["innovation-experiences"] == D("6.00")  # 4 ÷ 2.5 = 160% → band 100%
    myq = by_unit(r)["myq"]
    assert [s.indicator.id for s in myq.missing] == ["leading-industry-share"]
    assert item_points(myq)["talent-apartments"] == 0  # 否: all or nothing
    assert [s.unit for s in r.standings] == ["gxq", "hqq", "jkq", "pysfq", "myq"]
    assert sum(item_points(gxq).values()) == gxq.points


def test_luoyang_departments_with_value_coefficients():
    r = by_unit(
        assess(load_plan(LUOYANG, data=[ROOT / "examples" / "luoyang-gxq-2018-figures.csv"]))
    )
    zq = r["zqaz"]
    # 10.2 ÷ 11 万平方米 = 92.73% × 20 = 18.545 → 18.55 (四舍五入); 4 × 20 + 18.55 = 98.55
    assert zq.points == D("98.55")
    assert zq.total == D("88.70")  # 98.55 × 0.9 = 88.695 → 88.70
    jr = r["jrgzj"]
    assert item_points(jr)["listed-firms"] == 0  # 突破35家, 35家 is not more than 35
    kj = r["kjcxj"]
    assert item_points(kj)["industrial-rd-share"] == D("15.00")  # 12 + 4 × 1, capped at 15
    assert kj.total == D("118.80")  # 99.00 × 1.2
    assert kj.rank == 1


# -- the command ---------------------------------------------------------------------------


def test_rank_command_done_when(cli):
    res = cli(
        "rank",
        str(XINXIANG),
        "--period",
        "2018-10",
        "--data",
        str(MONTHLY),
        "--explain",
        "--format",
        "plain",
    )
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[1].startswith("示例数据")  # the figures are examples
    head = res.stdout.splitlines()[3]
    for name in ("高新区", "红旗区", "经开区", "平原示范区", "牧野区"):
        assert name in head
    assert "4.80 (152.6%)" in res.stdout
    assert "名次" in res.stdout


def test_rank_json_and_csv(cli):
    res = cli("rank", str(XINXIANG), "--period", "2018-10", "--data", str(MONTHLY), "-f", "json")
    doc = json.loads(res.stdout)
    assert [u["rank"] for u in doc["ranking"]] == [1, 2, 3, 4, 5]
    first = doc["ranking"][0]
    assert first["total"] == pytest.approx(sum(i["points"] for i in first["items"]))
    res = cli(
        "rank",
        str(XINXIANG),
        "--period",
        "2018-10",
        "--data",
        str(MONTHLY),
        "-f",
        "csv",
        "--explain",
    )
    lines = res.stdout.splitlines()
    assert lines[0].startswith("rank,unit,unit_name,group,indicator,")
    assert len(lines) == 1 + 5 * 16  # one row per park and item


def test_rank_without_a_scheme_is_invalid_input(cli):
    res = cli("rank", str(ROOT / "plans" / "jianxi-2022.yaml"))
    assert res.exit_code == 2
    assert "no assessment scheme" in res.stderr and "scoring:" in res.stderr


BAD = [
    (
        "{indicator: firm, weight: 40, split: {a: 10 家}}",
        "unknown indicator 'firm'; did you mean 'firms'?",
    ),
    ("{indicator: firms, weight: 40}", "give each park's share under 'split:'"),
    ("{indicator: firms, weight: 40, split: {d: 10 家}}", "unknown park 'd'"),
    ("{indicator: firms, weight: 40, split: {a: 10 元}}", "share of park 'a'"),
    (
        "{indicator: output, weight: 20, rule: {anchored: {points: 1, per: 1 家}}}",
        "a step of 1家 does not measure 'output'",
    ),
    (
        "{indicator: output, weight: 20, rule: {anchored: {points: 1, per: 1%}}}",
        "in percentage points",
    ),
    (
        "{indicator: jobless, weight: 20, rule: {bands: "
        "[{from: 80%, points: 50%}, {from: 90%, points: 90%}]}}",
        "bands go from the highest completion down",
    ),
    (
        "{indicator: jobless, weight: 20, rule: {anchored: {points: 1, at_target: 80%, cap: 70%}}}",
        "at_target must lie between floor and cap",
    ),
    ("{indicator: jobless, weight: 0}", "weight: 0 must be more than 0"),
    ("{indicator: jobless, weight: 20, rule: {proportional: {cap: 1.2}}}", "write a percentage"),
    ("{indicator: jobless, weight: 20, department: x}", "needs units: departments"),
]


@pytest.mark.parametrize(("item", "message"), BAD)
def test_bad_schemes_name_the_line_and_the_fix(cli, plan_file, item, message):
    text = SMALL.split("  items:\n")[0] + "  items:\n    - " + item + "\n"
    path = plan_file(text)
    res = cli("validate", str(path))
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) >= 1
    assert any(message in line for line in lines), res.stderr
    assert all(line.startswith(f"zonekpi: {path}:") for line in lines)
    assert "Traceback" not in res.output


# -- review cases: rounding, tiers, splits of rates, strict targets, the months -------------

THREE = """\
id: t
title: 测试区
year: 2018
parks:
  - {id: a, name: 甲园}
  - {id: b, name: 乙园}
  - {id: c, name: 丙园}
"""


def test_points_are_rounded_half_up_from_exact_arithmetic(plan_file):
    text = (
        THREE
        + """\
indicators:
  - {id: cap, name: 引进资金, unit: 亿元, targets: [{at_least: 360 亿元}]}
figures:
  - {indicator: cap, park: a, period: 2018, value: 121 亿元}
  - {indicator: cap, park: b, period: 2018, value: 120 亿元}
  - {indicator: cap, park: c, period: 2018, value: 119 亿元}
scoring:
  rule: {proportional: {cap: 120%}}
  items:
    - {indicator: cap, weight: 3, split: {a: 120 亿元, b: 120 亿元, c: 120 亿元}}
"""
    )
    r = by_unit(assess(load_plan(plan_file(text))))
    # 3 × 121 ÷ 120 = 3.025 exactly → 3.03 (四舍五入), never 3.02 from 3.0249999…
    assert r["a"].points == D("3.03")
    # 3 × 119 ÷ 120 = 2.975 → 2.98
    assert r["c"].points == D("2.98")


def test_pro_rata_cap_on_a_flow_in_january_lower_is_better(plan_file):
    text = (
        THREE
        + """\
indicators:
  - id: energy
    name: 能耗
    unit: 万吨标准煤
    direction: lower
    targets: [{at_most: 15 万吨标准煤}]
figures:
  - {indicator: energy, park: a, period: 2018-01, value: 2 万吨标准煤}
  - {indicator: energy, park: b, period: 2018-01, value: 0.25 万吨标准煤}
  - {indicator: energy, park: c, period: 2018-01, value: 0 万吨标准煤}
scoring:
  rule: {proportional: {cap: 120%}}
  items:
    - indicator: energy
      weight: 3
      split: {a: 5 万吨标准煤, b: 5 万吨标准煤, c: 5 万吨标准煤}
"""
    )
    r = by_unit(assess(load_plan(plan_file(text)), Period(2018, 1, 1)))
    # January's cap: 5 × 1/12 = 0.41667; a used 2: 0.41667 ÷ 2 = 20.83% → 3 × 5/24 = 0.625 → 0.63
    assert r["a"].points == D("0.63")
    # b used 0.25: 0.41667 ÷ 0.25 = 166.7%, capped at 120% → 3.60
    assert r["b"].points == D("3.60")
    # c used nothing: the best there is → the cap, 3.60
    assert r["c"].points == D("3.60")
    assert r["a"].scores[0].status is Status.BEHIND  # during the year: against the schedule


def test_the_floor_tier_is_scored_unless_the_item_says_stretch(plan_file):
    text = (
        THREE
        + """\
indicators:
  - id: inst
    name: 研究院
    unit: 个
    stock: true
    targets:
      - {allocation: {a: 5 个, b: 5 个, c: 5 个}, tier: stretch}
      - {allocation: {a: 2 个, b: 2 个, c: 2 个}, tier: floor}
figures:
  - {indicator: inst, park: a, period: 2018, value: 2 个}
  - {indicator: inst, park: b, period: 2018, value: 4 个}
  - {indicator: inst, park: c, period: 2018, value: 5 个}
scoring:
  items:
    - {indicator: inst, weight: 10}
"""
    )
    r = by_unit(assess(load_plan(plan_file(text))))
    assert [r[p].points for p in "abc"] == [D("10.00")] * 3  # 2 of 确保 2: 100%
    stretch = text.replace(
        "{indicator: inst, weight: 10}", "{indicator: inst, weight: 10, tier: stretch}"
    )
    r = by_unit(assess(load_plan(plan_file(stretch, "stretch.yaml"))))
    assert [r[p].points for p in "abc"] == [D("4.00"), D("8.00"), D("10.00")]  # of 力争 5


def test_a_split_of_a_growth_target_gives_each_park_its_rate(plan_file):
    text = (
        THREE
        + """\
indicators:
  - {id: out, name: 产值, unit: 亿元, targets: [{growth: 10%}]}
figures:
  - {indicator: out, park: a, period: 2018, growth: 12%}
  - {indicator: out, park: b, period: 2018, growth: 6%}
  - {indicator: out, park: c, period: 2018, growth: 4%}
scoring:
  items:
    - indicator: out
      weight: 10
      split: {a: 15%, b: 8%, c: 4%}
      rule: {anchored: {points: 1, per: 1 个百分点, at_target: 80%, cap: 100%}}
"""
    )
    r = by_unit(assess(load_plan(plan_file(text))))
    # a: 12% against 15%, 3 points short: 8 − 3 = 5; b: 6% vs 8%: 8 − 2 = 6; c: 4% = 4%: 8
    assert [r[p].points for p in "abc"] == [D("5.00"), D("6.00"), D("8.00")]


def test_a_split_of_an_increase_is_scored_on_the_increase(plan_file):
    text = (
        THREE
        + """\
indicators:
  - {id: firms, name: 企业, unit: 家, stock: true, targets: [{increase: 15 家}]}
figures:
  - {indicator: firms, park: a, period: 2017, value: 10 家}
  - {indicator: firms, park: a, period: 2018, value: 14 家}
  - {indicator: firms, park: b, period: 2017, value: 10 家}
  - {indicator: firms, park: b, period: 2018, value: 15 家}
  - {indicator: firms, park: c, period: 2017, value: 10 家}
  - {indicator: firms, park: c, period: 2018, value: 20 家}
scoring:
  items:
    - {indicator: firms, weight: 10, split: {a: 5 家, b: 5 家, c: 5 家}}
"""
    )
    r = by_unit(assess(load_plan(plan_file(text))))
    # +4 of 5: 80% → 8.00; +5: 10.00; +10: 200%, capped at 100% → 10.00
    assert [r[p].points for p in "abc"] == [D("8.00"), D("10.00"), D("10.00")]


def test_a_strict_target_reached_exactly_is_missed_and_scores_below_full(plan_file):
    text = (
        THREE
        + """\
indicators:
  - {id: listed, name: 上市企业, unit: 家, stock: true, targets: [{more_than: 30 家}]}
figures:
  - {indicator: listed, park: a, period: 2018, value: 11 家}
  - {indicator: listed, park: b, period: 2018, value: 10 家}
  - {indicator: listed, park: c, period: 2018, value: 9 家}
scoring:
  items:
    - {indicator: listed, weight: 10, split: {a: 10 家, b: 10 家, c: 10 家}}
"""
    )
    r = by_unit(assess(load_plan(plan_file(text))))
    assert r["a"].points == D("10.00")
    assert r["b"].points == D("9.99")  # 突破10家 with exactly 10: missed, one hundredth below
    assert r["b"].scores[0].status is Status.MISSED
    assert r["c"].points == D("9.00")


def test_a_range_keeps_its_upper_end_during_the_year(plan_file):
    text = (
        THREE
        + """\
indicators:
  - {id: ipo, name: 上市, unit: 家, targets: [{between: [3 家, 6 家]}]}
figures:
  - {indicator: ipo, park: a, period: 2018-06, value: 2 家}
  - {indicator: ipo, park: b, period: 2018-06, value: 6 家}
  - {indicator: ipo, park: c, period: 2018-06, value: 1 家}
scoring:
  items:
    - {indicator: ipo, weight: 10, split: {a: 3 家, b: 3 家, c: 3 家}}
"""
    )
    # a split of a range is ≥ the share; by June the share is 3 × 6/12 = 1.5
    r = by_unit(assess(load_plan(plan_file(text)), Period(2018, 1, 6)))
    assert [r[p].points for p in "abc"] == [D("10.00"), D("10.00"), D("6.67")]


def test_departments_are_scored_on_the_share_of_parks_covered(plan_file):
    text = (
        THREE
        + """\
indicators:
  - {id: apt, name: 人才公寓, unit: 是否, targets: [{coverage: all}]}
figures:
  - {indicator: apt, park: a, period: 2018, value: 是}
  - {indicator: apt, park: b, period: 2018, value: 是}
  - {indicator: apt, park: c, period: 2018, value: 否}
scoring:
  units: departments
  departments: [{id: js, name: 建设局}]
  items:
    - {indicator: apt, weight: 9, department: js}
"""
    )
    r = by_unit(assess(load_plan(plan_file(text))))
    assert r["js"].points == D("6.00")  # 2 of 3 parks: 9 × 2/3


def test_rank_refuses_a_year_its_scheme_is_not_for(cli):
    res = cli("rank", str(XINXIANG), "--year", "2019")
    assert res.exit_code == 2
    assert "scoring scheme is for 2018, not 2019" in res.stderr


MORE_BAD = [
    ("scoring:\n  missing: 200%\n", "'200%': a share of the weight from 0% to 100%"),
    (
        "    - {indicator: jobless, weight: 20, rule: {deduction: {points: 1, floor: 150%}}}\n",
        "'150%': a share of the weight from 0% to 100%",
    ),
    ("    - {indicator: jobless, weight: 20, rule: {proportional: {cap: 0%}}}\n", "a cap of 0%"),
    ("    - {indicator: jobless, weight: 20000}\n", "out of range (maximum 10000)"),
    ("    - {indicator: firms, weight: 40, split: {a: 10 家, b: 10 家}}\n", "no share for c"),
    (
        "    - {indicator: firms, weight: 40, split: {a: 0 家, b: 1 家, c: 1 家}}\n",
        "more than zero",
    ),
]


@pytest.mark.parametrize(("line", "message"), MORE_BAD)
def test_more_bad_schemes(cli, plan_file, line, message):
    head, _ = SMALL.split("scoring:\n")
    if line.startswith("scoring:"):
        text = head + line + "  items:\n    - {indicator: jobless, weight: 20}\n"
    else:
        text = head + "scoring:\n  items:\n" + line
    res = cli("validate", str(plan_file(text)))
    assert res.exit_code == 2
    assert message in res.stderr, res.stderr
