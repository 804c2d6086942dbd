"""Hostile numbers and identities (issue 17), hand-worked: numbers read literally (a footnote
marker is no digit), levels that cannot be negative, no growth from a base of zero or below,
a workbook's percentage cells, and names, references and ids compared as a person sees them.
The command-line cases are in tests/hostile/numbers/ and tests/hostile/identities/."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from zonekpi.core.compare import compare
from zonekpi.core.figures import Figures
from zonekpi.core.settle import settle
from zonekpi.errors import InvalidInput, UnitError
from zonekpi.model.common import Loc
from zonekpi.model.numbers import foreign_digit
from zonekpi.model.periods import Period, parse_period
from zonekpi.model.policy import Claim, Policy, Rule, beneficiary_key
from zonekpi.model.results import Note, Status
from zonekpi.model.units import parse_quantity
from zonekpi.read.claims import parse_date, repeated_references, spelled_alike
from zonekpi.read.plan import load_plan
from zonekpi.read.policy import rule_key
from zonekpi.read.xlsx import _cell_text
from zonekpi.view import labels

D = Decimal
FOOTNOTE = "is not a digit: a footnote marker? remove it, or put the note in 备注"

# ------------------------------------------------------------------ A. numbers read literally


@pytest.mark.parametrize(
    ("text", "char"),
    [
        ("92¹ 家", "'¹' (U+00B9)"),  # NFKC: 921
        ("92² 家", "'²' (U+00B2)"),
        ("9³ 家", "'³' (U+00B3)"),
        ("310① 亿元", "'①' (U+2460)"),  # NFKC: 3101
        ("95⑳ 家", "'⑳' (U+2473)"),  # NFKC: 9520
        ("96⑴ 家", "'⑴' (U+2474)"),  # NFKC: 96(1)
        ("⒈5 亿元", "'⒈' (U+2488)"),  # NFKC: 1.5
        ("9₂ 家", "'₂' (U+2082)"),
        ("95 家①", "'①' (U+2460)"),  # after the unit: 家1 is no unit either
    ],
)
def test_a_footnote_marker_is_no_digit(text, char):
    with pytest.raises(UnitError) as refused:
        parse_quantity(text)
    assert str(refused.value) == f"{text!r}: {char} {FOOTNOTE}"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("٩٦ 家", "'٩' (U+0669) is a digit of another script (ARABIC-INDIC DIGIT NINE)"),
        ("९६ 家", "'९' (U+096F) is a digit of another script (DEVANAGARI DIGIT NINE)"),
        ("𝟗𝟔 家", "'𝟗' (U+1D7D7) is a digit of another script (MATHEMATICAL BOLD DIGIT NINE)"),
        ("Ⅻ 家", "'Ⅻ' (U+216B) is a Roman numeral"),
        ("½ 家", "'½' (U+00BD) is not one of the digits 0-9"),
        ("1〇 家", "'〇' (U+3007) is not one of the digits 0-9"),
    ],
)
def test_digits_of_other_scripts_and_numerals_are_refused(text, said):
    with pytest.raises(UnitError) as refused:
        parse_quantity(text)
    assert str(refused.value) == f"{text!r}: {said}; write the number with the digits 0-9"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("９６ 家", "96", "家"),  # full-width digits are digits
        ("１，２００万元", "1200", "万元"),
        ("８％", "8", "percent"),
        ("－３．５ 个百分点", "-3.5", "百分点"),
        ("45 m²", "45", "平方米"),  # ² in a spelling of the unit is the unit
        ("45㎡", "45", "平方米"),
        ("3 万m²", "3", "万平方米"),
        ("5 万元", "5", "万元"),  # 万 is a word of the unit, not a look-alike
    ],
)
def test_full_width_digits_and_units_with_superscripts_still_read(text, value, unit):
    assert parse_quantity(text) == (D(value), unit)


def test_chinese_numerals_are_words_not_look_alikes():
    assert foreign_digit("二〇一八年三月万元亿元百分点") == 1  # only 〇, at 1, is one
    assert foreign_digit("万元亿元百分点千米") is None
    assert foreign_digit("ascii 92") is None


def test_a_period_or_a_claim_date_with_a_footnote_marker_is_refused():
    with pytest.raises(ValueError, match=r"'2018¹': '¹' \(U\+00B9\) is not a digit"):
        parse_period("2018¹")
    with pytest.raises(ValueError, match="'٢٠١٨'"):
        parse_period("٢٠١٨")
    assert parse_period("２０１８年１-１０月") == Period(2018, 1, 10)
    with pytest.raises(ValueError, match=r"date '2020-05-1²': '²' \(U\+00B2\)"):
        parse_date("2020-05-1²")  # NFKC would read the 12th
    assert parse_date("２０２０-０５-１２") == datetime.date(2020, 5, 12)


def _csv(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "f.csv"
    path.write_text("indicator,park,period,value,unit\n" + rows, encoding="utf-8")
    return path


PLAN = """\
id: t
title: T
year: 2018
indicators:
  - {id: firms, name: 高新技术企业, unit: 家, stock: true, targets: [{at_least: 95 家}]}
  - {id: gdp, name: 生产总值, unit: 亿元, targets: [{at_least: 300 亿元}]}
  - {id: rd-share, name: 研发投入占比, unit: "%", targets: [{at_most: 3%}]}
  - {id: profit, name: 利润, unit: 亿元, can_be_negative: true, targets: [{growth: 10%}]}
"""


def _problems(plan: Path, data: Path | None = None) -> list[str]:
    with pytest.raises(InvalidInput) as refused:
        load_plan(plan, data=[data] if data else [])
    return [str(p) for p in refused.value.problems]


def test_the_fast_path_of_plain_numbers_reads_the_same_figures(plan_file, tmp_path):
    # 310 on the fast path, 92¹ and -310 through parse_quantity: one rule for all
    plan = plan_file(PLAN)
    data = _csv(tmp_path, "gdp,,2018,310,亿元\nfirms,,2018,92¹,家\ngdp,,2017,-310,亿元\n")
    assert _problems(plan, data) == [
        f"{data}:3: value of 'firms': '92¹ 家': '¹' (U+00B9) {FOOTNOTE}",
        f"{data}:4: value of 'gdp': '-310 亿元' is below zero, and 'gdp' (生产总值) cannot be; "
        "write can_be_negative: true on the indicator if it can be below zero",
    ]
    fine = load_plan(plan, data=[_csv(tmp_path, "gdp,,2018,310,亿元\nfirms,,2018,９６,家\n")])
    assert {f.indicator: f.value for f in fine.figures} == {"gdp": D(310), "firms": D(96)}


# ------------------------------------------------------------------ B. signs and bases

NEGATIVE = "write can_be_negative: true on the indicator if it can be below zero"


def test_a_negative_level_base_or_target_is_refused_unless_the_indicator_can_be(plan_file):
    plan = plan_file(
        PLAN
        + "  - {id: area, name: 面积, unit: 亩, targets: [{between: [-1 亩, 5 亩]}]}\n"
        + "figures:\n"
        + "  - {indicator: rd-share, period: 2018, value: -12%}\n"
        + "  - {indicator: gdp, period: 2018, value: 310 亿元, base: -5 亿元}\n"
        + "  - {indicator: profit, period: 2018, value: -10 亿元, base: -5 亿元}\n"
    )
    assert _problems(plan) == [
        f"{plan}:9:56: low end: '-1 亩' is below zero, and 'area' (面积) cannot be; {NEGATIVE}",
        f"{plan}:11:48: value of 'rd-share': '-12%' is below zero, and 'rd-share' (研发投入占比) "
        f"cannot be; {NEGATIVE}",
        f"{plan}:12:57: base of 'gdp': '-5 亿元' is below zero, and 'gdp' (生产总值) cannot be; "
        f"{NEGATIVE}",
    ]  # the profit's loss is read: it can be below zero


def test_a_reported_change_or_growth_may_be_negative(plan_file):
    plan = load_plan(
        plan_file(
            PLAN + "figures:\n"
            "  - {indicator: firms, period: 2018, value: 90 家, change: -5 家}\n"
            "  - {indicator: gdp, period: 2018, value: 300 亿元, growth: -3%}\n"
        )
    )
    firms, gdp = plan.figures
    assert (firms.change, gdp.growth) == (D(-5), D(-3))


def test_a_negative_tolerance_is_refused(plan_file):
    plan = plan_file(
        "id: t\ntitle: T\nyear: 2018\nindicators:\n"
        "  - {id: f, name: F, unit: 家, targets: [{about: 10 家, tolerance: -1 家}]}\n"
    )
    assert _problems(plan) == [
        f"{plan}:5:66: tolerance: '-1 家' is below zero; a tolerance is how far from 10 家 "
        "still counts as met: zero or more"
    ]


def _growth(plan_file, figures: str) -> tuple[Decimal | None, tuple]:
    plan = load_plan(plan_file(PLAN + "figures:\n" + figures))
    ind = plan.indicator("profit")
    actual = Figures(plan).growth(ind, None, Period(2018))
    return actual.value, actual.notes


def test_growth_from_a_positive_base_is_computed(plan_file):
    # 10 → 11亿元: 11 ÷ 10 − 1 = 10%
    value, notes = _growth(
        plan_file,
        "  - {indicator: profit, period: 2017, value: 10 亿元}\n"
        "  - {indicator: profit, period: 2018, value: 11 亿元}\n",
    )
    assert (value, notes) == (D(10), ())


@pytest.mark.parametrize(
    ("before", "now"),
    [("-5", "-10"), ("-5", "10"), ("0", "10")],  # formula: +100%, −300%, division by zero
)
def test_no_growth_from_a_base_of_zero_or_below(plan_file, before, now):
    value, notes = _growth(
        plan_file,
        f"  - {{indicator: profit, period: 2017, value: {before} 亿元}}\n"
        f"  - {{indicator: profit, period: 2018, value: {now} 亿元}}\n",
    )
    assert value is None
    assert notes == (Note("growth_base_not_positive", (D(before), "亿元")),)
    assert labels.note(notes[0]) == f"上年基数{before}亿元为零或负数, 无法计算增速"
    assert labels.note(notes[0], None, "en") == (
        f"last year's base {before}亿元 is zero or below: no growth rate is computed from it"
    )


def test_a_reported_base_of_zero_or_below_gives_no_growth_either(plan_file):
    value, notes = _growth(
        plan_file, "  - {indicator: profit, period: 2018, value: 3 亿元, base: -2 亿元}\n"
    )
    assert (value, notes) == (None, (Note("growth_base_not_positive", (D(-2), "亿元")),))


def test_a_growth_target_from_a_negative_base_is_no_data_with_the_reason(run_check):
    r = run_check(
        PLAN + "figures:\n"
        "  - {indicator: profit, period: 2017, value: -5 亿元}\n"
        "  - {indicator: profit, period: 2018, value: -10 亿元}\n"
    )
    (finding,) = [f for f in r.findings if f.indicator.id == "profit"]
    assert finding.status is Status.NO_DATA and finding.actual is None
    assert [n.code for n in finding.notes] == ["growth_base_not_positive"]


def test_compare_gives_no_growth_or_relative_change_from_zero_or_below(plan_file):
    old = load_plan(
        plan_file(
            "id: a\ntitle: A\nyear: 2017\nindicators:\n"
            "  - {id: p, name: 利润, unit: 亿元, can_be_negative: true,\n"
            "     targets: [{at_least: -5 亿元}]}\n"
            "  - {id: q, name: 收入, unit: 亿元, targets: [{at_least: 100 亿元}]}\n"
            "figures:\n  - {indicator: p, period: 2017, value: -5 亿元}\n"
            "  - {indicator: q, period: 2017, value: 100 亿元}\n",
            "old.yaml",
        )
    )
    new = load_plan(
        plan_file(
            "id: b\ntitle: B\nyear: 2018\nindicators:\n"
            "  - {id: p, name: 利润, unit: 亿元, can_be_negative: true,\n"
            "     targets: [{at_least: 10 亿元}]}\n"
            "  - {id: q, name: 收入, unit: 亿元, targets: [{at_least: 110 亿元}]}\n"
            "figures:\n  - {indicator: p, period: 2018, value: 10 亿元}\n"
            "  - {indicator: q, period: 2018, value: 110 亿元}\n",
            "new.yaml",
        )
    )
    c = compare(old, new)
    p, q = c.actuals
    # −5 → 10: no rate (the formula says −300%); 100 → 110: 110 ÷ 100 − 1 = 10%
    assert (p.growth, p.notes) == (None, (Note("growth_base_not_positive", (D(-5), "亿元")),))
    assert (q.growth, q.notes) == (D(10), ())
    tp, tq = c.targets
    # targets −5 → 10: +15亿元, no relative change; 100 → 110: +10亿元, 10 ÷ 100 = 10%
    assert (tp.amount, tp.relative) == (D(15), None)
    assert (tq.amount, tq.relative) == (D(10), D("0.1"))


def _cell(value, number_format, claims=False):
    sheet = SimpleNamespace(title="10月")
    cell = SimpleNamespace(value=value, number_format=number_format, parent=sheet, coordinate="D2")
    return _cell_text(cell, claims)


def test_a_workbook_percentage_cell_is_marked_with_its_sheet_and_cell():
    shown = _cell(3.1, "0%")
    assert shown == "310" and shown.where == "sheet '10月' cell D2"  # type: ignore[attr-defined]
    assert _cell(0.063, "0.0%") == "6.3"
    assert _cell(0.1, "0%", claims=True) == "10%"  # a ledger keeps its %
    assert type(_cell(3.1, "General")) is str


# ------------------------------------------------------------------ C. identities


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("甲科技公司", "甲科技公司\u200b"),  # zero-width space
        ("甲科技公司", "\ufeff甲科技公司"),  # byte-order mark
        ("甲科技公司", "甲科\u00ad技公司"),  # soft hyphen
        ("甲科技公司", "甲科技\u202e公司"),  # right-to-left override
        ("甲科技公司", "甲科技\u2066公司\u2069"),  # isolates
        ("China Tech", "\u0421hina Tech"),  # Cyrillic С
        ("Henan Data", "Henan D\u0430ta"),  # Cyrillic а
        ("OK科技", "\u039f\u039a科技"),  # Greek Ο Κ
        ("甲-乙公司", "甲\u2013乙公司"),  # en dash
        ("新乡某(集团)公司", "新乡某（集团） 公司"),  # full-width and a space, as before
    ],
)
def test_look_alike_names_are_one_beneficiary(one, other):
    assert beneficiary_key(one) == beneficiary_key(other)


def test_names_that_differ_stay_apart():
    assert beneficiary_key("甲科技公司") != beneficiary_key("乙科技公司")
    assert beneficiary_key("China Tech") != beneficiary_key("china tech")  # case is a name's
    assert beneficiary_key("一公司") != beneficiary_key("-公司")  # 一 is a word, not a dash


@pytest.mark.parametrize(
    "reference",
    ["JS-001", "js-001", "ＪＳ－００１", "JS\u2010001", "JS\u2011001", "JS\u2013001", "JS\u2212001",
     "JS-001\u200b", "J\u0405-001", " JS - 001 "],
)  # fmt: skip
def test_look_alike_references_are_one_contract(reference):
    assert rule_key(reference) == rule_key("JS-001")


def _claim(who: str, day: str, ref: str, line: int, amount: str = "10000000") -> Claim:
    return Claim(
        "tech",
        who,
        datetime.date.fromisoformat(day),
        ref,
        amount=D(amount),
        loc=Loc("c.csv", line),
    )


TECH = Rule("tech", "技术合同", "…", rate=D("0.01"), max_per_beneficiary=D(100000))


def test_a_look_alike_beneficiary_gets_one_cap_not_two():
    # 1000万元 × 1% = 10万元 each; one beneficiary's cap 10万元: 10万 + 0, not 10万 + 10万
    claims = [
        _claim("China Tech", "2020-03-01", "JS-001", 2),
        _claim("\u0421hina Tech", "2020-06-01", "JS-002", 3),
    ]
    s = settle(Policy((TECH,)), claims, 2020)
    assert [p.payable for p in s.payments] == [D(100000), D(0)]
    assert [(b.key, b.claims, b.payable) for b in s.by_beneficiary] == [
        ("China Tech", 2, D(100000))
    ]
    assert spelled_alike(claims) == [
        "warning: c.csv:3: beneficiary 'Сhina Tech' is 'China Tech' (c.csv:2) written another "
        "way (U+0421 CYRILLIC CAPITAL LETTER ES); both are settled as one party, under one cap"
    ]


def test_one_warning_a_second_spelling_none_for_the_same_one_repeated():
    claims = [
        _claim("甲公司", "2020-03-01", "A", 2),
        _claim("甲公司\u200b", "2020-04-01", "B", 3),
        _claim("甲公司\u200b", "2020-05-01", "C", 4),
        _claim("乙公司", "2020-05-01", "D", 5),
    ]
    assert spelled_alike(claims) == [
        "warning: c.csv:3: beneficiary '甲公司\\u200b' is '甲公司' (c.csv:2) written another way "
        "(U+200B ZERO WIDTH SPACE); both are settled as one party, under one cap"
    ]


def test_a_look_alike_reference_is_a_repeat_never_a_second_payment():
    claims = [
        _claim("甲公司", "2020-03-01", "JS-001", 2),
        _claim("甲公司", "2020-06-01", "JS-001\u200b", 3),
    ]
    (problem,) = repeated_references(claims, Policy((TECH,)))
    assert str(problem) == (
        "c.csv:3: reference 'JS-001\\u200b' under rule tech is claimed already (at line 2, as "
        "'JS-001'; they differ only by U+200B ZERO WIDTH SPACE) by the same beneficiary; remove "
        "the repeat"
    )
