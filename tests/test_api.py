"""The library API (zonekpi.api, exported lazily by `zonekpi`): one short test per function, on
the plans and examples of the repository, with numbers worked out by hand from those files."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from decimal import Decimal

import pytest

import zonekpi
from zonekpi import api
from zonekpi.errors import BadPeriod, InvalidInput
from zonekpi.exits import ExitCode, exit_code
from zonekpi.model.periods import Period

from .conftest import ROOT

XINXIANG = ROOT / "plans" / "xinxiang-2018.yaml"
XINXIANG_2019 = ROOT / "examples" / "xinxiang-2019.yaml"
JIANXI = ROOT / "plans" / "jianxi-2022.yaml"
LUOYANG = ROOT / "plans" / "luoyang-gxq-2018.yaml"
GXQ_2020 = ROOT / "plans" / "xinxiang-gxq-2020.yaml"
CLAIMS = ROOT / "examples" / "xinxiang-gxq-2020-claims.csv"


def messages(exc: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [p.message for p in exc.value.problems]


def test_the_package_exports_the_api_lazily():
    code = (
        "import sys, zonekpi; print(sorted(m for m in sys.modules if m.startswith('zonekpi'))); "
        "zonekpi.check; print(sorted(m for m in sys.modules if m.startswith('zonekpi')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [
        "['zonekpi', 'zonekpi.version']",  # the version string, nothing else
        "['zonekpi', 'zonekpi.api', 'zonekpi.version']",  # the core only when a function runs
    ]
    assert zonekpi.check is api.check and zonekpi.settle is api.settle
    with pytest.raises(AttributeError):
        zonekpi.no_such_function  # noqa: B018


def test_load_plan_layers_figure_files():
    bare = api.load_plan(XINXIANG)
    plan = api.load_plan(XINXIANG, data=[ROOT / "examples" / "xinxiang-2018-figures.csv"])
    assert bare.figures == () and bare.year == 2018
    # the CSV's five parks' 高新技术企业: 41 + 17 + 9 + 15 + 10, and the zone's 92
    firms = [f for f in plan.figures if f.indicator == "high-tech-firms"]
    assert sum(f.value for f in firms if f.park is not None) == Decimal(92)
    assert plan.inputs[-1].endswith("xinxiang-2018-figures.csv")


def test_check_counts_findings_by_status():
    plan = api.load_plan(XINXIANG, data=[ROOT / "examples" / "xinxiang-2018-figures.csv"])
    result = api.check(plan)
    counts = Counter(f.status.value for f in result.findings)
    # 58 targets: 48 met, 8 missed (tech-loans: 牧野区 lacks it; tech-insurance: 否; the
    # 贯标 share 89 / 92 = 96.7% < 100%; …), 只进一扇门 not done by 年底前: overdue; 1 no data
    assert counts == {"met": 48, "missed": 8, "overdue": 1, "no_data": 1}
    missed = {f.indicator.id: f.actual for f in result.findings if f.status.value == "missed"}
    assert missed["high-tech-value-added"] == Decimal("12.4")  # growth 12.4% < 13%
    assert missed["high-tech-firms"] == Decimal(92)  # 92 < 力争 95家
    assert exit_code(result) == ExitCode.MISSED
    assert exit_code([result], "never") == ExitCode.OK


def test_check_rolls_up_the_parks():
    result = api.check(api.load_plan(JIANXI), year=2021)
    gdp = next(t for t in result.totals if t.indicator.id == "gdp" and t.measure == "level")
    assert [(park, a.value) for park, a in gdp.values] == [
        ("jianxi", Decimal(414)),
        ("gxq", Decimal(284)),
        (None, Decimal(698)),  # 414 + 284, the zone's 2021 GDP
    ]


def test_check_makes_the_command_lines_checks():
    plan = api.load_plan(XINXIANG)
    with pytest.raises(InvalidInput) as unknown:
        api.check(plan, park="nope")
    assert messages(unknown) == ["unknown park 'nope' (parks: gxq, jkq, pysfq, hqq, myq)"]
    assert unknown.value.problems[0].file == str(XINXIANG)
    with pytest.raises(BadPeriod, match=r"^'2018-10' is not in --year 2019$"):
        api.check(plan, year=2019, period="2018-10")
    with pytest.raises(BadPeriod, match=r"is not a year to date.*write 2018-10"):
        api.check(plan, period="2018年10月")
    assert api.check(plan, period="2018-Q3").span == Period(2018, 1, 9)


def test_compare_finds_the_lowered_target():
    comparison = api.compare(api.load_plan(XINXIANG), api.load_plan(XINXIANG_2019))
    changed = {t.indicator.id: t for t in comparison.targets if t.change in ("raised", "lowered")}
    lowered = changed["leading-industry-share"]  # 主导产业占比 ≥ 70% in 2018, ≥ 68% in 2019
    assert (lowered.change, lowered.amount, lowered.unit) == ("lowered", Decimal(-2), "百分点")
    assert changed["high-tech-firms"].amount == Decimal(15)  # 95家 → 110家
    assert comparison.relaxed
    assert exit_code(comparison) == ExitCode.OK
    assert exit_code(comparison, "lowered") == ExitCode.MISSED


def test_compare_wants_the_new_plan_later():
    plan = api.load_plan(XINXIANG)
    with pytest.raises(InvalidInput) as same:
        api.compare(plan, plan)
    assert messages(same) == [f"is for 2018, not after {XINXIANG}'s 2018"]


def test_assess_scores_each_department():
    plan = api.load_plan(LUOYANG, data=[ROOT / "examples" / "luoyang-gxq-2018-figures.csv"])
    ranking = api.assess(plan)
    zqaz = next(s for s in ranking.standings if s.unit == "zqaz")
    # 征迁安置办: four items met (20 each) and 10.2 of 11 万平方米 expropriated, 20 × 10.2/11
    assert [s.points for s in zqaz.scores if s.target is not None][1] == Decimal("18.55")
    assert zqaz.points == Decimal("98.55")
    assert zqaz.total == Decimal("88.70")  # × the coefficient 0.9, rounded half up
    assert [s.unit for s in ranking.standings] == ["kjcxj", "jjfzj", "ghjsj", "zqaz", "jrgzj"]
    assert exit_code(ranking) == ExitCode.OK


def test_assess_makes_the_command_lines_checks():
    with pytest.raises(InvalidInput) as none:
        api.assess(api.load_plan(JIANXI))
    assert messages(none)[0].startswith("has no assessment scheme; add a 'scoring:' block")
    with pytest.raises(InvalidInput) as other:
        api.assess(api.load_plan(XINXIANG), period=2019)
    assert messages(other) == [
        "its scoring scheme is for 2018, not 2019; rank the plan of 2019, or leave out --year"
    ]


def test_settle_applies_the_caps():
    notes: list[str] = []
    settlement = api.settle(api.load_plan(GXQ_2020), CLAIMS, notes=notes)
    by_rule = {s.key: s.payable for s in settlement.by_rule}
    # 技术交易合同: 1% of 1500万 is 15万, capped at 10万; 1% of 500万; 1% of 2,380,000元
    assert by_rule["tech-contract-award"] == Decimal(100000 + 50000 + 23800)
    # 发明专利转移: 1万 a 件; 12 + 13 件 for one centre, capped at 20万 a year; 6 件
    assert by_rule["patent-transfer-award"] == Decimal(200000 + 60000)
    assert settlement.total.payable == Decimal(2553800)
    assert not settlement.over_budget and exit_code(settlement) == ExitCode.OK
    assert api.settle(api.load_plan(GXQ_2020), [CLAIMS]).total == settlement.total


def test_settle_makes_the_command_lines_checks():
    plan = api.load_plan(GXQ_2020)
    with pytest.raises(InvalidInput) as before:
        api.settle(plan, CLAIMS, year=2019)
    assert messages(before) == ["its rules are of 2020; --year 2019 is before them"]
    with pytest.raises(InvalidInput) as far:
        api.settle(plan, CLAIMS, year=2099)
    assert messages(far) == ["--year 2099 is far past the plan's 2020; check the year"]
    with pytest.raises(InvalidInput) as twice:
        api.settle(plan, [CLAIMS, CLAIMS])
    assert messages(twice) == ["is given twice; give each claims file once"]
    with pytest.raises(InvalidInput) as none:
        api.settle(api.load_plan(XINXIANG), CLAIMS)
    assert messages(none)[0].startswith("has no incentive rules")


def test_path_year_by_year():
    gdp = api.path(api.load_plan(JIANXI), "gdp")
    rows = {y.year: y for y in gdp.years}
    assert list(rows) == [2021, 2022, 2023, 2024, 2025]
    assert rows[2021].actual == 698 and (gdp.base_year, gdp.base) == (2021, 698)
    # 698亿元 (2021) through 2022's 力争 > 800亿元 (aimed at 801) to 1500亿元 (2025): from 698 the
    # next stated point needs 801 / 698 − 1 = 14.76%; 2022 → 2025 grows (1500 / 801)^(1/3) − 1
    assert round(rows[2021].rate, 4) == Decimal("0.1476") and rows[2021].to_year == 2022
    assert rows[2022].expected == 801 and round(rows[2023].growth, 4) == Decimal("0.2326")
    assert round(rows[2025].expected, 6) == 1500 and rows[2025].rate is None
    with pytest.raises(InvalidInput) as typo:
        api.path(api.load_plan(JIANXI), "gpd")
    assert messages(typo) == ["no indicator 'gpd'; did you mean 'gdp'?"]


def test_year_to_date():
    assert api.year_to_date("2018-10") == Period(2018, 1, 10)
    assert api.year_to_date(2018) == Period(2018)
    assert api.year_to_date(99999) == Period(99999)  # a year is taken as it is, as --year
    with pytest.raises(BadPeriod, match="is not a period"):
        api.year_to_date("2018x")
