"""`check --format long`: the tidy CSV, read back with the csv module as a script would.

Expected values are worked by hand from plans/xinxiang-2018.yaml and the illustrative figures
in examples/ (the arithmetic is in the comments), never copied from output. The property test
at the end states the one rule of the long table's numbers: a cell is the core's number, never
rounded (a percentage as a fraction).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zonekpi.core.check import check
from zonekpi.model.plan import Figure, Indicator, Park, Plan, Target
from zonekpi.render import Options, render
from zonekpi.view.outputs import CheckOutput

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "plans" / "xinxiang-2018.yaml")
FIGURES = str(ROOT / "examples" / "xinxiang-2018-figures.csv")
MONTHLY = str(ROOT / "examples" / "xinxiang-2018-2018-10.csv")
JIANXI = str(ROOT / "plans" / "jianxi-2022.yaml")
PARKS = ("gxq", "jkq", "pysfq", "hqq", "myq")

COLUMNS = [
    "plan",
    "year",
    "period",
    "indicator",
    "name",
    "park",
    "park_name",
    "target_id",
    "target_year",
    "kind",
    "tier",
    "measure",
    "value",
    "unit",
    "status",
    "illustrative",
]


def read(text: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    assert rows, "no rows"
    return rows


def value(rows: list[dict[str, str]], indicator: str, park: str, measure: str, tid: str = ""):
    found = [
        r
        for r in rows
        if (r["indicator"], r["park"], r["measure"]) == (indicator, park, measure)
        and r["target_id"] == tid
    ]
    assert len(found) == 1, (indicator, park, measure, tid, found)
    return found[0]


@pytest.fixture(scope="module")
def yearly() -> list[dict[str, str]]:
    from click.testing import CliRunner

    from zonekpi.cli import cli

    result = CliRunner().invoke(cli, ["check", PLAN, "--data", FIGURES, "-f", "long"])
    assert result.exit_code == 1, result.output  # some targets of the example are missed
    assert result.stdout.splitlines()[0] == ",".join(COLUMNS)
    return read(result.stdout)


def test_completion_is_actual_over_target_worked_by_hand(yearly):
    # 高新技术企业 力争 ≥ 95家; the figure file gives the zone 92家 (41 + 17 + 9 + 15 + 10):
    # completion 92 ÷ 95 = 0.968421052631578947…, as a fraction, not "96.8%"
    row = value(yearly, "high-tech-firms", "zone", "completion", "high-tech-firms#1")
    assert float(row["value"]) == pytest.approx(92 / 95, rel=1e-15)
    assert len(row["value"]) > 10  # full precision, not rounded to one decimal of a percent
    assert row["unit"] == "fraction" and row["status"] == "missed" and row["tier"] == "stretch"
    assert (
        float(value(yearly, "high-tech-firms", "zone", "actual", "high-tech-firms#1")["value"])
        == 92
    )
    assert (
        float(value(yearly, "high-tech-firms", "zone", "target", "high-tech-firms#1")["value"])
        == 95
    )
    assert (
        float(value(yearly, "high-tech-firms", "zone", "gap", "high-tech-firms#1")["value"]) == -3
    )


def test_a_share_is_a_fraction_worked_by_hand(yearly):
    # R&D ÷ GDP: 25.6亿元 ÷ 800亿元 = 0.032 (3.2%) against ≥ 3% (0.03): completion 0.032 ÷ 0.03
    # = 1.0666…, the gap +0.2个百分点 = 0.002
    tid = "rd-share#1"
    assert float(value(yearly, "rd-share", "zone", "actual", tid)["value"]) == pytest.approx(0.032)
    assert float(value(yearly, "rd-share", "zone", "target", tid)["value"]) == pytest.approx(0.03)
    completion = value(yearly, "rd-share", "zone", "completion", tid)
    assert float(completion["value"]) == pytest.approx(0.032 / 0.03, rel=1e-15)
    assert float(value(yearly, "rd-share", "zone", "gap", tid)["value"]) == pytest.approx(0.002)
    # each park's own share, a figure row: 高新区 9.5 ÷ 210 = 0.0452380952…
    gxq = value(yearly, "rd-share", "gxq", "level")
    assert float(gxq["value"]) == pytest.approx(9.5 / 210, rel=1e-15) and gxq["unit"] == "fraction"


def test_growth_is_a_fraction(yearly):
    # 技术合同: growth ≥ 20%, the file reports 21.0%: actual 0.21, target 0.2, gap 1个百分点 = 0.01
    tid = "tech-contracts#1"
    assert float(value(yearly, "tech-contracts", "zone", "actual", tid)["value"]) == 0.21
    assert float(value(yearly, "tech-contracts", "zone", "target", tid)["value"]) == 0.2
    assert float(value(yearly, "tech-contracts", "zone", "gap", tid)["value"]) == 0.01
    assert float(value(yearly, "tech-contracts", "zone", "growth")["value"]) == 0.21


def test_the_park_rows_of_a_zone_wide_target_are_there(yearly):
    # 高新技术企业 is judged for the zone only; its parks' figures are rows of their own
    by_park = {p: float(value(yearly, "high-tech-firms", p, "level")["value"]) for p in PARKS}
    assert by_park == {"gxq": 41, "jkq": 17, "pysfq": 9, "hqq": 15, "myq": 10}
    assert float(value(yearly, "high-tech-firms", "zone", "level")["value"]) == 92
    assert value(yearly, "high-tech-firms", "gxq", "level")["park_name"] == "高新区"


def test_rows_per_indicator_and_park(yearly):
    counts = Counter((r["indicator"], r["park"]) for r in yearly)
    # the zone: target, actual, completion, gap of the one target, and the level figure
    assert counts["high-tech-firms", "zone"] == 5
    # each park: its level alone (the target is the zone's)
    assert all(counts["high-tech-firms", p] == 1 for p in PARKS)
    # rd-share: the target's four rows and the zone's share; each park its share
    assert counts["rd-share", "zone"] == 5 and all(counts["rd-share", p] == 1 for p in PARKS)
    # 技术合同 (growth ≥ 20%, no completion for a growth target): target, actual, gap; level
    # 1392项 and growth 21.0% as figures
    assert counts["tech-contracts", "zone"] == 5


def test_every_row_has_a_period_and_numbers_parse(yearly):
    assert {r["period"] for r in yearly} == {"2018"} and {r["year"] for r in yearly} == {"2018"}
    for r in yearly:
        assert set(r) == set(COLUMNS)
        if r["value"]:
            float(r["value"])  # a number, never 64.4% or +0.53个百分点
            assert "e" not in r["value"].lower() and "%" not in r["value"]
        else:  # no number: only a target that has none (全覆盖, 实现)
            assert r["measure"] == "target", r
        assert r["park"], "the zone is 'zone', never empty (pandas would drop it in a group-by)"
        assert r["illustrative"] == "true"  # every figure of the example file is 示例数据


def test_monthly_period_and_schedule():
    from click.testing import CliRunner

    from zonekpi.cli import cli

    args = ["check", PLAN, "--period", "2018-10", "--data", MONTHLY, "-f", "long"]
    rows = read(CliRunner().invoke(cli, args).stdout)
    assert {r["period"] for r in rows} == {"2018-10"}
    tid = "high-tech-firms#1"
    # a stock: 88家 at the end of October, 78家 at last year's end, 95家 aimed at: the way
    # covered (88 − 78) ÷ (95 − 78) = 10/17 against 序时 10/12; behind by 10/17 − 10/12
    covered = float(value(rows, "high-tech-firms", "zone", "covered", tid)["value"])
    assert covered == pytest.approx(10 / 17, rel=1e-15)
    assert float(value(rows, "high-tech-firms", "zone", "elapsed", tid)["value"]) == pytest.approx(
        10 / 12, rel=1e-15
    )
    ahead = float(value(rows, "high-tech-firms", "zone", "ahead", tid)["value"])
    assert ahead == pytest.approx(10 / 17 - 10 / 12, rel=1e-12)
    assert value(rows, "high-tech-firms", "zone", "ahead", tid)["status"] == "behind"


def test_by_park_long_is_the_same_long_table():
    from click.testing import CliRunner

    from zonekpi.cli import cli

    plain = CliRunner().invoke(cli, ["check", PLAN, "--data", FIGURES, "-f", "long"]).stdout
    by_park = CliRunner().invoke(cli, ["check", PLAN, "--data", FIGURES, "-f", "long", "-P"])
    assert by_park.stdout == plain


def test_one_park_long_has_that_park_only(cli):
    rows = read(cli("check", PLAN, "--data", FIGURES, "--park", "gxq", "-f", "long").stdout)
    assert {r["park"] for r in rows} == {"gxq"}
    # 高新区's own R&D share, 9.5 ÷ 210; its allocation of 产业研究院: 3 of 3 (completion 1)
    assert float(value(rows, "rd-share", "gxq", "level")["value"]) == pytest.approx(9.5 / 210)
    tid = "industry-institutes#2"
    assert float(value(rows, "industry-institutes", "gxq", "completion", tid)["value"]) == 1


def test_a_rolled_up_growth_gives_its_bases():
    from click.testing import CliRunner

    from zonekpi.cli import cli

    args = ["check", JIANXI, "--year", "2021", "-f", "long"]
    rows = read(CliRunner().invoke(cli, args).stdout)
    # 生产总值 2021 (the plan's own figures): 涧西区 414亿元 +6.3%, 高新区 284亿元 +4.9%;
    # bases 414 ÷ 1.063 and 284 ÷ 1.049; the zone 698 ÷ (414/1.063 + 284/1.049) − 1 = 5.7259%
    base = 414 / 1.063 + 284 / 1.049
    assert float(value(rows, "gdp", "jianxi", "base")["value"]) == pytest.approx(414 / 1.063)
    assert float(value(rows, "gdp", "zone", "base")["value"]) == pytest.approx(base, rel=1e-12)
    growth = float(value(rows, "gdp", "zone", "growth")["value"])
    assert growth == pytest.approx(698 / base - 1, rel=1e-12)
    assert {r["illustrative"] for r in rows} == {"false"}  # the plan's own, real figures


def test_long_is_for_check_only(cli):
    result = cli("compare", PLAN, str(ROOT / "examples" / "xinxiang-2019.yaml"), "-f", "long")
    assert result.exit_code == 2 and "--format long" in result.stderr


def test_long_goes_to_a_csv_file(cli, tmp_path):
    out = tmp_path / "r.csv"
    assert cli("check", PLAN, "--data", FIGURES, "-f", "long", "-o", str(out)).exit_code == 1
    assert out.read_text(encoding="utf-8").startswith("plan,year,period,indicator,")


# -- the formula guard: only where the file goes into a spreadsheet ------------------------------


def test_plain_csv_keeps_a_sign_and_excel_guards_a_formula(cli, plan_file):
    path = plan_file(
        """\
        id: t
        title: '=HYPERLINK("http://evil.example","x")'
        year: 2018
        indicators:
          - {id: a, name: '+0.53', unit: 家, targets: [{at_least: 1 家}]}
          - id: b
            name: '=HYPERLINK("http://evil.example","x")'
            unit: 家
            targets: [{at_least: 1 家}]
        figures:
          - {indicator: a, period: 2018, value: 2 家}
          - {indicator: b, period: 2018, value: 2 家}
        """
    )
    for fmt in ("csv", "long"):
        rows = read(cli("check", str(path), "-f", fmt).stdout)
        names = {r["name"] for r in rows}
        assert names == {"+0.53", '=HYPERLINK("http://evil.example","x")'}  # as written
        excel = read(cli("check", str(path), "-f", fmt, "--excel").stdout)
        assert {r["name"] for r in excel} == {"'+0.53", '\'=HYPERLINK("http://evil.example","x")'}
        # a number stays a number in a spreadsheet too: the gap of a (2 − 1) is 1
        numbers = {r["gap"] if fmt == "csv" else r["value"] for r in excel}
        assert "1" in numbers and not any(n.startswith("'") for n in numbers)


def test_a_per_year_value_keeps_its_sign_without_excel(cli):
    # the case: 全市占比 on its path needs +0.53个百分点 a year; plain CSV wrote
    # '+0.53个百分点 (the guard) although no spreadsheet was asked for
    args = ("check", JIANXI, "--data", str(ROOT / "examples" / "jianxi-2022-figures.csv"))
    rows = read(cli(*args, "-f", "csv").stdout)
    share = next(r for r in rows if r["indicator"] == "city-gdp-share" and r["needed_per_year"])
    assert share["needed_per_year"] == "+0.53个百分点"
    excel = read(cli(*args, "-f", "csv", "--excel").stdout)
    share = next(r for r in excel if r["indicator"] == "city-gdp-share" and r["needed_per_year"])
    assert share["needed_per_year"] == "'+0.53个百分点"  # in a spreadsheet: text, not a formula


# -- the property: every number is the core's, not rounded ----------------------------------------

YEAR = 2020
FIRMS = Indicator(
    "firms", "企业", "家", targets=(Target("at_least", YEAR, "7 家", Decimal(7), unit="家"),)
)
OUTPUT = Indicator(
    "output",
    "产值",
    "亿元",
    targets=(Target("growth", YEAR, "8%", Decimal(8), unit="percent"),),
)
RD = Indicator("rd", "研发", "亿元")
SHARE = Indicator(
    "share",
    "研发占比",
    "percent",
    share=("rd", "output"),
    targets=(Target("at_least", YEAR, "2.5%", Decimal("2.5"), unit="percent"),),
)
levels = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=3)
rates = st.decimals(min_value=Decimal("-40"), max_value=Decimal("150"), places=2)
counts = st.integers(min_value=0, max_value=500).map(Decimal)
park_figures = st.tuples(counts, levels, rates, levels)  # firms, output, growth, rd


def _plan(data: list[tuple[Decimal, Decimal, Decimal, Decimal]]) -> Plan:
    parks = tuple(Park(f"p{i}", f"园{i}") for i in range(len(data)))
    figures = []
    for i, (firms, output, growth, rd) in enumerate(data):
        figures += [
            Figure("firms", f"p{i}", YEAR, firms),
            Figure("output", f"p{i}", YEAR, output, growth=growth),
            Figure("rd", f"p{i}", YEAR, rd),
        ]
    return Plan(
        "t",
        "性质",
        YEAR,
        "t.yaml",
        parks=parks,
        indicators=(FIRMS, OUTPUT, RD, SHARE),
        figures=tuple(figures),
    )


def _close(cell: str, core: Decimal) -> bool:
    return abs(float(cell) - float(core)) <= 1e-12 * max(1.0, abs(float(core)))


@settings(max_examples=60, deadline=None)
@given(st.lists(park_figures, min_size=1, max_size=4))
def test_every_number_round_trips_to_the_core(data):
    result = check(_plan(data))
    rows = read(render(CheckOutput([result]), Options("long")))
    hundred = Decimal(100)
    # the core's numbers, each with the divisor that turns a percentage into a fraction
    expected: dict[tuple[str, str, str, str], Decimal] = {}
    for total in result.totals:
        scale = hundred if total.unit == "percent" else Decimal(1)
        for park, actual in total.values:
            if actual.value is not None:
                key = (total.indicator.id, park or "zone", total.measure, "")
                expected[key] = actual.value / scale
    for f in result.findings:
        tid = f"{f.indicator.id}#1"
        scale = hundred if f.target.unit == "percent" else Decimal(1)
        for measure, number, divisor in (
            ("target", f.target.value, scale),
            ("actual", f.actual, scale),
            ("completion", f.completion, Decimal(1)),
            ("gap", f.gap, scale),
        ):
            if number is not None:
                expected[f.indicator.id, "zone", measure, tid] = number / divisor
    seen = set()
    for r in rows:
        key = (r["indicator"], r["park"], r["measure"], r["target_id"])
        if key in expected:
            assert _close(r["value"], expected[key]), (key, r["value"], expected[key])
            seen.add(key)
    assert seen == set(expected)  # every number of the core is in the table


# -- LibreOffice: what its CSV import does with an --excel file -----------------------------------


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="needs LibreOffice")
def test_libreoffice_reads_the_excel_long_csv_as_docs_say(tmp_path):
    """docs/output.md: LibreOffice ignores the BOM (the first cell reads ï»¿plan); told UTF-8
    (--infilter CSV:44,34,76,1) it reads the header, the Chinese and every value as a number."""
    import subprocess

    import openpyxl

    from zonekpi.api import check as api_check
    from zonekpi.api import load_plan

    text = render(
        CheckOutput([api_check(load_plan(PLAN, data=[FIGURES]))]), Options("long", excel=True)
    )
    (tmp_path / "r.csv").write_bytes(text.encode("utf-8"))
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"

    def convert(*how: str) -> openpyxl.worksheet.worksheet.Worksheet:
        out = tmp_path / ("utf8" if how else "default")
        subprocess.run(
            [
                "soffice",
                profile,
                "--headless",
                *how,
                "--convert-to",
                "xlsx",
                "--outdir",
                str(out),
                str(tmp_path / "r.csv"),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        return openpyxl.load_workbook(out / "r.xlsx").active

    default = convert()
    # the BOM read in the locale's legacy charset (ï»¿plan under Latin-1); a LibreOffice that
    # honours it makes this fail: then docs/output.md and the README can drop the import step
    assert default["A1"].value != "plan"
    sheet = convert("--infilter=CSV:44,34,76,1")
    header = [c.value for c in sheet[1]]
    assert header == COLUMNS
    at = header.index("value")
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][header.index("name")] == "研发投入"
    assert all(isinstance(r[at], (int, float)) for r in rows if r[at] is not None)
    assert {r[header.index("illustrative")] for r in rows} == {True}
