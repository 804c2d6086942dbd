"""One language per report: every human format (table, plain, markdown, text) of every command
on the five plans with their example figures is entirely Chinese by default and entirely
English with ``--lang en``, apart from the plan's own text (names, sentences, units) and the
data's (claims, notes); and the reworded sentences, checked against hand-worked values.

The plan's text is computed from the loaded plan (every string it holds except identifiers),
never listed by hand: an indicator id such as `gdp` is not plan text a person reads, so an id
leaking into a Chinese report fails the test.
"""

from __future__ import annotations

import csv
import html
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from zonekpi import api
from zonekpi.cli import cli
from zonekpi.model import units
from zonekpi.view import labels, lang
from zonekpi.view.numbers import fmt_amount, places_for

ROOT = Path(__file__).resolve().parent.parent
HUMAN = ("table", "plain", "markdown", "text")

XX18, XX19 = "plans/xinxiang-2018.yaml", "examples/xinxiang-2019.yaml"
JX22, LY18 = "plans/jianxi-2022.yaml", "plans/luoyang-gxq-2018.yaml"
GXQ17, GXQ20 = "plans/xinxiang-gxq-2017.yaml", "plans/xinxiang-gxq-2020.yaml"
XX18_FIG, XX18_OCT = "examples/xinxiang-2018-figures.csv", "examples/xinxiang-2018-2018-10.csv"
LY18_FIG = "examples/luoyang-gxq-2018-figures.csv"
GXQ17_FIG = "examples/xinxiang-gxq-2017-figures.csv"
JX22_FIG = "examples/jianxi-2022-figures.csv"
CLAIMS = "examples/xinxiang-gxq-2020-claims.csv"

# (plans, data files, argv) of each run: every command on the examples
RUNS: dict[str, tuple[tuple[str, ...], tuple[str, ...], list[str]]] = {
    "check-xinxiang": ((XX18,), (XX18_FIG,), ["check", XX18, "--data", XX18_FIG]),
    "check-xinxiang-by-park": (
        (XX18,),
        (XX18_FIG,),
        ["check", XX18, "--data", XX18_FIG, "--by-park"],
    ),
    "check-xinxiang-monthly": (
        (XX18,),
        (XX18_OCT,),
        ["check", XX18, "--period", "2018-10", "--data", XX18_OCT],
    ),
    "check-jianxi-2021": ((JX22,), (), ["check", JX22, "--year", "2021"]),
    "check-jianxi-2021-by-park": ((JX22,), (), ["check", JX22, "--year", "2021", "--by-park"]),
    "check-jianxi": ((JX22,), (JX22_FIG,), ["check", JX22, "--data", JX22_FIG]),
    "check-luoyang": ((LY18,), (LY18_FIG,), ["check", LY18, "--data", LY18_FIG]),
    "check-gxq-2017": ((GXQ17,), (GXQ17_FIG,), ["check", GXQ17, "--data", GXQ17_FIG]),
    "check-gxq-2020": ((GXQ20,), (), ["check", GXQ20]),
    "compare": ((XX18, XX19), (), ["compare", XX18, XX19]),
    "compare-gxq": (
        (GXQ17, GXQ20),
        (GXQ17_FIG,),
        ["compare", GXQ17, GXQ20, "--old-data", GXQ17_FIG],
    ),
    "path": ((JX22,), (JX22_FIG,), ["path", JX22, "gdp", "--data", JX22_FIG]),
    "path-share": ((JX22,), (), ["path", JX22, "city-gdp-share"]),
    "path-no-level": ((JX22,), (), ["path", JX22, "gdp-per-capita"]),
    "rank": ((XX18,), (XX18_OCT,), ["rank", XX18, "--period", "2018-10", "--data", XX18_OCT]),
    "rank-explain": (
        (XX18,),
        (XX18_OCT,),
        ["rank", XX18, "--period", "2018-10", "--data", XX18_OCT, "--explain"],
    ),
    "rank-departments": ((LY18,), (LY18_FIG,), ["rank", LY18, "--data", LY18_FIG, "--explain"]),
    "incentives": ((GXQ20,), (CLAIMS,), ["incentives", GXQ20, "--data", CLAIMS]),
    "incentives-by-rule": (
        (GXQ20,),
        (CLAIMS,),
        ["incentives", GXQ20, "--data", CLAIMS, "--by", "rule"],
    ),
    "validate": ((XX18, LY18), (), ["validate", XX18, LY18]),
}

# Fields that hold identifiers or codes, never words a report shows.
IDENTIFIERS = frozenset(
    re.findall(
        r"\w+",
        "id park parent parks indicator kind tier role direction growth_basis rollup elapsed "
        "name_en was share_of share per_capita inputs aliases units rule measure shares",
    )
)
DATA_TEXT = ("note", "beneficiary", "reference", "unit")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002fa1f]")
WORD = re.compile(r"[A-Za-z]{2,}")


def _strings(value: Any, out: set[str], field: str = "") -> None:
    """Every string a plan holds (units also as reports write them), identifiers left out (a
    field of records, such as the plan's parks, is read record by record)."""
    records = isinstance(value, tuple) and any(hasattr(v, "_fields") for v in value)
    if field in IDENTIFIERS and not records:
        return
    if isinstance(value, str):
        if value:
            out.add(value)
            out.add(units.display(value))
        return
    if isinstance(value, dict):
        for v in value.values():
            _strings(v, out)
        return
    fields = getattr(value, "_fields", None)
    if fields is not None:
        for name in fields:
            _strings(getattr(value, name), out, name)
        return
    if isinstance(value, (tuple, list)):
        for v in value:
            _strings(v, out)


def plan_text(plans: tuple[str, ...], data: tuple[str, ...]) -> list[str]:
    """The text of the plans and of the data files: what a report may quote in any language,
    longest first (removed before shorter ones inside it)."""
    found: set[str] = set()
    for plan in plans:
        loaded = api.load_plan(ROOT / plan)
        _strings(loaded, found)
        found.add(loaded.file)
        found.add(plan)
    for name in data:  # the data's words: notes, beneficiaries, references (not its ids)
        with open(ROOT / name, encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                found.update((row.get(k) or "").strip() for k in DATA_TEXT)
    found.discard("")
    found.update(data)
    return sorted(found, key=len, reverse=True)


def without(text: str, quoted: list[str]) -> str:
    """`text` with every quoted string taken out (Markdown's escapes undone first)."""
    text = html.unescape(re.sub(r"\\([\\|*_`\[\]])", r"\1", text))
    for q in quoted:
        text = text.replace(q, " ")
    return text


def run(argv: list[str]) -> str:
    result = CliRunner().invoke(cli, argv, prog_name="zonekpi")
    assert result.exit_code in (0, 1), result.output
    return result.stdout


CASES = [
    (name, fmt)
    for name, (_, _, argv) in RUNS.items()
    for fmt in HUMAN
    if not ("--by" in argv and fmt == "text")  # --by picks a table; text gives them all
    and not (argv[0] == "validate" and fmt != "table")  # validate prints one line, in any format
]


@pytest.fixture(scope="module")
def quoted() -> dict[str, list[str]]:
    return {name: plan_text(plans, data) for name, (plans, data, _) in RUNS.items()}


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_the_default_report_has_no_english_word(
    name: str, fmt: str, quoted: dict[str, list[str]]
) -> None:
    argv = RUNS[name][2]
    out = run(argv if fmt == "table" else [*argv, "--format", fmt])
    left = without(out, quoted[name])
    words = sorted(set(WORD.findall(left)))
    assert not words, f"English words in the Chinese report: {words}"


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_the_english_report_has_no_chinese_but_the_plans(
    name: str, fmt: str, quoted: dict[str, list[str]]
) -> None:
    argv = RUNS[name][2]
    shown = argv if fmt == "table" else [*argv, "--format", fmt]
    out = run([*shown, "--lang", "en"])
    left = without(out, quoted[name])
    chinese = sorted({m.group() for m in CJK.finditer(left)})
    assert not chinese, f"Chinese outside the plan's text in the English report: {chinese}"
    assert WORD.search(out), "an English report has English words"


def test_ids_are_not_plan_text() -> None:
    """The check above would pass vacuously if ids counted as plan text: they do not."""
    text = plan_text((JX22,), ())
    assert "gdp" not in text and "生产总值" in text


# ---------------------------------------------------------------- the rounding rule, by hand


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("13.8346", "件", "13.8"),  # 万人有效发明专利: a count, to the tenth
        ("13.75", "件", "13.8"),  # half up (四舍五入)
        ("186.5", "件", "186.5"),
        ("88", "家", "88"),  # a whole count has no decimals
        ("3.0921", "percent", "3.09"),  # a share to the hundredth
        ("0.005", "percent", "0.01"),
        ("9.054", "亿元", "9.05"),  # money to the hundredth
        ("0.1500", "万平方米", "0.15"),
        ("1.25", "人次", "1.3"),  # people counted: to the tenth
        ("1.524", "万人", "1.52"),  # 15,240 people: a multiple of a count, to the hundredth
        ("6.425", "百分点", "6.43"),
    ],
)
def test_figures_are_rounded_as_their_unit_is_written(value: str, unit: str, shown: str) -> None:
    assert fmt_amount(Decimal(value), unit) == shown


def test_the_places_of_each_kind_of_unit() -> None:
    shown = ("件", "家", "人", "万人", "percent", "百分点", "亿元", "吨")
    assert [places_for(u) for u in shown] == [1, 1, 1, 2, 2, 2, 2, 2]


def test_a_change_keeps_its_sign_with_the_units_places() -> None:
    assert fmt_amount(Decimal("0.7594"), "件", signed=True) == "+0.8"
    assert fmt_amount(Decimal("-3.551"), "percent", signed=True) == "-3.55"


# ------------------------------------------------------------- sentences, worked out by hand


@pytest.fixture(scope="module")
def monthly() -> list[str]:
    lang.use(None)
    return run(
        ["check", XX18, "--period", "2018-10", "--data", XX18_OCT, "-f", "text"]
    ).splitlines()


def line_of(lines: list[str], name: str) -> str:
    (found,) = [line for line in lines if f", {name}" in line]
    return found


def test_a_stock_is_stated_at_the_months_end_with_its_net_increase(monthly: list[str]) -> None:
    # 高新技术企业: 78家 at the end of 2017 (examples), 88家 at the end of October, 力争 95家:
    # net increase 88 − 78 = 10家 of the 95 − 78 = 17家 the year needs: 10/17 = 58.8%;
    # 10 of 12 months elapsed is 83.3%: 58.8 − 83.3 = 24.5 points behind
    line = line_of(monthly, "高新技术企业88家")
    assert line == (
        "截至10月末, 高新技术企业88家, 比上年末净增10家, 完成全年净增目标(17家)的58.8%, "
        "比序时进度慢24.5个百分点。"
    )


def test_a_flow_states_its_completion_without_a_sign(monthly: list[str]) -> None:
    # 创新引领型产业集群专项项目: 13个 of ≥ 15个 = 86.7%; 86.7 − 83.3 = 3.3 points ahead;
    # 15 − 13 = 2个 in 11–12月, 1个 a month, against 13/10 = 1.3个 a month so far
    line = line_of(monthly, "创新引领型产业集群专项项目")
    assert "完成全年目标(15个)的86.7%, 比序时进度快3.3个百分点" in line
    assert "11–12月需完成2个, 月均1个, 1–10月月均1.3个" in line
    assert "≥" not in line


def test_a_ratio_is_rounded_as_its_unit_is_written(monthly: list[str]) -> None:
    # 万人有效发明专利: 1757件 valid patents ÷ 127万人 (the parks' 15 + 12 + 21 + 43 + 36) × 1万
    # = 13.8346件, written 13.8件;
    # 13.8346 ÷ 13 = 106.4%
    line = line_of(monthly, "万人有效发明专利")
    assert "万人有效发明专利13.8件, 完成全年目标(13件)的106.4%" in line


def test_parks_reached_are_counted_in_words(monthly: list[str]) -> None:
    line = line_of(monthly, "可复制、可推广的自主创新经验")
    assert "已达到目标的园区2个(共5个), 尚缺经开区、平原示范区、牧野区" in line


def test_a_strict_target_says_more_than(monthly: list[str]) -> None:
    # 专利申请总量 > 5000件: 4627/5000 = 92.5%
    line = line_of(monthly, "专利申请总量")
    assert "完成全年目标(超过5000件)的92.5%" in line


def test_a_growth_sentence_in_english() -> None:
    out = run(
        ["check", XX18, "--period", "2018-10", "--data", XX18_OCT, "-f", "text", "--lang", "en"]
    )
    # 高新技术产业增加值 7.4% against 增长 ≥ 13%: 13 − 7.4 = 5.6 points below
    assert (
        "In Jan–Oct, value added of high-tech industries grew 7.4% year on year, 5.6 percentage "
        "points below the year's target, and Nov–Dec must grow"
    ) in out
    assert (
        "At the end of October, certified high-tech enterprises: 88家, a net increase of 10家 "
        "since the end of last year, 58.8% of the net increase the year's target needs (17家), "
        "24.5 percentage points behind schedule."
    ) in out.splitlines()


def test_an_increase_is_said_as_a_rise_in_points() -> None:
    # compare: 税占比 an actual rising from one share to another is 提高…个百分点
    lang.use(None)
    assert labels.points(Decimal("6.4")) == "6.4个百分点"
    lang.use("en")
    try:
        assert labels.points(Decimal("6.4")) == "6.4 percentage points"
        assert labels.points(Decimal("1")) == "1 percentage point"
    finally:
        lang.use(None)


def test_notes_follow_the_language_asked_for() -> None:
    from zonekpi.model.results import Note

    note = Note("parks_lacking", ("myq",))
    names = {"myq": "牧野区"}
    assert labels.note(note, names) == "未覆盖: 牧野区"
    assert labels.note(note, names, "en") == "not covered: 牧野区"
    lang.use("en")
    try:
        assert labels.note(note, names) == "not covered: 牧野区"
        assert labels.note(note, names, "zh") == "未覆盖: 牧野区"
    finally:
        lang.use(None)


def test_every_note_code_has_both_wordings() -> None:
    from zonekpi.view.words_notes import NOTES

    for code, pair in NOTES.items():
        assert len(pair) == 2 and all(callable(f) for f in pair), code


def test_every_catalogue_entry_has_the_same_fields_in_both_languages() -> None:
    fields = re.compile(r"{(\w+)}")
    for key, (zh, en) in labels.WORDS.items():
        assert set(fields.findall(zh)) == set(fields.findall(en)), key
        assert not CJK.search(en), f"{key}: Chinese in the English wording {en!r}"


INCREASES = """\
id: t
title: 测试
year: 2018
indicators:
  - {id: tax, name: 税占比, name_en: tax share, unit: "%", targets: [{increase: 5 个百分点}]}
  - {id: firms, name: 高新技术企业, unit: 家, targets: [{increase: 10 家}]}
figures:
  - {indicator: tax, period: 2018, value: 54.3%}
  - {indicator: tax, period: 2017, value: 47.9%}
  - {indicator: firms, period: 2018, value: 93 家}
  - {indicator: firms, period: 2017, value: 85 家}
"""


def test_an_increase_target_is_said_as_提高_not_as_a_bare_number(plan_file) -> None:
    path = str(plan_file(INCREASES))
    zh = run(["check", path, "-f", "text"]).splitlines()[2:]
    # 税占比: 54.3 − 47.9 = 6.4 points, 1.4 over the 5 aimed at; 高新技术企业: 93 − 85 = 8家 of
    # the 10家 aimed at = 80%
    assert zh == [
        "2018年, 税占比比上年提高6.4个百分点, 高于目标(提高5个百分点)1.4个百分点, 达标。",
        "2018年, 高新技术企业比上年增加8家, 完成目标(增加10家)的80%, 未达标。",
    ]
    en = run(["check", path, "-f", "text", "--lang", "en"]).splitlines()[2:]
    assert en[0] == (
        "In 2018, tax share up 6.4 percentage points on last year, 1.4 percentage points above "
        "the target (an increase of 5 pp), met."
    )


def test_a_ratio_in_the_table_is_rounded_as_its_unit_is_written() -> None:
    # 万人有效发明专利 2018: 1830件 ÷ 133万人 = 13.7594件 a 万人, shown 13.8件; against ≥ 13件 the
    # gap is 0.7594, shown +0.8件; 13.7594 ÷ 13 = 105.8%
    out = run(["check", XX18, "--data", XX18_FIG, "-f", "plain"])
    (line,) = [x for x in out.splitlines() if x.startswith("万人有效发明专利")]
    assert "13.8件" in line and "+0.8件" in line and "105.8%" in line and "13.7594" not in line
