"""`zonekpi compare`: targets raised, lowered, added, dropped; figures' growth by park and zone.

Expected values worked by hand; the illustrative second year is examples/xinxiang-2019.yaml
(示例数据), made from the 2018 plan with the changes its note lists.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from zonekpi.core.compare import compare
from zonekpi.read.plan import load_plan

from .conftest import ROOT

OLD = ROOT / "plans" / "xinxiang-2018.yaml"
NEW = ROOT / "examples" / "xinxiang-2019.yaml"


def by_indicator(c):
    return {t.indicator.id: t for t in c.targets}


def test_the_illustrative_second_year():
    c = compare(load_plan(OLD), load_plan(NEW))
    t = by_indicator(c)
    htf = t["high-tech-firms"]
    # 95 → 110 家: +15, 15 / 95 = +15.8%
    assert (htf.change, htf.amount, htf.unit) == ("raised", 15, "家")
    assert htf.relative.quantize(Decimal("0.001")) == Decimal("0.158")
    share = t["rd-share"]
    # 3% → 3.2%: +0.2 percentage points, not +6.7%
    assert (share.change, share.amount, share.unit, share.relative) == (
        "raised",
        Decimal("0.2"),
        "百分点",
        None,
    )
    assert t["leading-industry-share"].change == "lowered" and t["leading-industry-share"].easier
    assert t["tech-contracts"].change == "changed_kind"  # growth 20% → 1600 项: not a number
    # 重点军民融合项目 (21个) is context in the 2018 plan, not a target: nothing to compare
    assert "military-civil-projects" not in t
    assert t["new-rd-institutions"].change == "added"
    # renamed with was: top-talents → top-level-talents, matched, unchanged
    assert t["top-level-talents"].change == "unchanged" and t["top-level-talents"].old is not None
    assert c.relaxed


def test_growth_of_figures_by_park_and_zone():
    c = compare(load_plan(OLD), load_plan(NEW))
    gdp = {a.park: a for a in c.actuals if a.indicator.id == "gdp"}
    # the zone: 800 → 858 (the five parks' sums): 858 / 800 − 1 = 7.25%
    assert (gdp[None].old.value, gdp[None].new.value) == (800, 858)
    assert gdp[None].growth == Decimal("7.25")
    # 高新区 210 → 216: 216 / 210 − 1 = 2.857%
    assert gdp["gxq"].growth.quantize(Decimal("0.001")) == Decimal("2.857")
    share = next(a for a in c.actuals if a.indicator.id == "leading-industry-share")
    # 72.5% → 72.9%: +0.4 points
    assert (share.growth, share.unit) == (Decimal("0.4"), "百分点")


def test_a_share_from_47_9_to_54_3_percent_is_6_4_points(plan_file):
    def plan(year, value, fig):
        return plan_file(
            f"""\
id: t{year}
title: 测试
year: {year}
indicators:
  - id: tax-share
    name: 税占比
    unit: "%"
    targets: [{{at_least: {value}}}]
figures:
  - {{indicator: tax-share, period: {year}, value: {fig}}}
""",
            name=f"p{year}.yaml",
        )

    c = compare(load_plan(plan(2021, "47.9%", "47.9%")), load_plan(plan(2022, "54.3%", "54.3%")))
    (t,) = c.targets
    assert (t.amount, t.unit, t.relative) == (Decimal("6.4"), "百分点", None)  # not +13.4%
    (a,) = c.actuals
    assert (a.growth, a.unit) == (Decimal("6.4"), "百分点")


def test_units_are_converted_before_comparing(plan_file):
    old = plan_file(
        "id: a\ntitle: 甲\nyear: 2018\nindicators:\n"
        "  - {id: x, name: 投资, unit: 万元, targets: [{at_least: 5000 万元}]}\n",
        name="a.yaml",
    )
    new = plan_file(
        "id: b\ntitle: 乙\nyear: 2019\nindicators:\n"
        "  - {id: x, name: 投资, unit: 亿元, targets: [{at_least: 0.6 亿元}]}\n",
        name="b.yaml",
    )
    (t,) = compare(load_plan(old), load_plan(new)).targets
    assert (t.change, t.amount, t.unit) == ("raised", Decimal("0.1"), "亿元")  # 0.5 → 0.6 亿元


def test_compare_command_in_every_format(cli):
    for fmt in ("plain", "markdown", "csv", "tsv", "json", "text"):
        result = cli("compare", str(OLD), str(NEW), "-f", fmt)
        assert result.exit_code == 0, (fmt, result.stderr)
        assert result.stdout.strip()
    rows = list(csv.DictReader(io.StringIO(cli("compare", str(OLD), str(NEW), "-f", "csv").stdout)))
    htf = next(r for r in rows if r["indicator"] == "high-tech-firms" and not r["park"])
    assert (htf["change"], htf["change_status"], htf["relative"]) == ("15", "raised", "15.8%")
    # 2019 (示例): 42 + 18 + 10 + 16 + 11 = 97 in the five parks; 2018: 92
    assert (htf["old_value"], htf["new_value"]) == ("92", "97")
    parks = [r["park"] for r in rows if r["indicator"] == "high-tech-firms" and r["park"]]
    assert parks == ["gxq", "jkq", "pysfq", "hqq", "myq"]
    doc = json.loads(cli("compare", str(OLD), str(NEW), "-f", "json").stdout)
    assert doc["report"] == "compare" and doc["old"]["year"] == 2018 and doc["new"]["year"] == 2019
    text = cli("compare", str(OLD), str(NEW), "-f", "text").stdout
    # 110 − 95 = 15家, 15 ÷ 95 = 15.8%; in prose without a sign (≥ is the table's)
    assert "高新技术企业: 目标由95家提高到110家 (+15家, +15.8%)" in text


def test_fail_on_lowered(cli):
    assert cli("compare", str(OLD), str(NEW), "-q").exit_code == 0
    assert cli("compare", str(OLD), str(NEW), "-q", "--fail-on", "lowered").exit_code == 1
    assert cli("compare", str(OLD), str(OLD)).exit_code == 2  # not a later year
