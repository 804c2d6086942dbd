"""The numbers and the sentences of the reports, checked against values worked out by hand.

For the illustrative examples (plans/ with examples/ figures) each row below is worked from
the plan and the CSV with pencil arithmetic (in the comments), never from the program's output,
and checked the same in every format: the tidy CSV (`-f long`: exact, unrounded, percentages
as fractions), the workbook (总表 and 分园区: the same number, with a number format), the HTML
page's table and the charts' bars, and the 统计月报 sentences in Chinese and English, which
round as view/numbers.py says (completion and 序时 to 0.1%, growth rates to 0.1%, a share and
its gap to 0.01, counts to 0.1, money and areas to 0.01). A missing figure is never a zero.

The monthly case is plans/xinxiang-2018.yaml --period 2018-10 with
examples/xinxiang-2018-2018-10.csv: 序时进度 τ = 10/12 = 5/6.
"""

from __future__ import annotations

import csv
import html
import io
import re
from decimal import Decimal
from fractions import Fraction as F
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
XX = str(ROOT / "plans" / "xinxiang-2018.yaml")
MONTHLY = ["--period", "2018-10", "--data", str(ROOT / "examples" / "xinxiang-2018-2018-10.csv")]
JIANXI = str(ROOT / "plans" / "jianxi-2022.yaml")
JIANXI_DATA = ["--data", str(ROOT / "examples" / "jianxi-2022-figures.csv")]
LUOYANG = str(ROOT / "plans" / "luoyang-gxq-2018.yaml")
LUOYANG_DATA = ["--data", str(ROOT / "examples" / "luoyang-gxq-2018-figures.csv")]
NEW_FORMS = str(ROOT / "examples" / "new-forms-2018.yaml")
TAU = F(10, 12)


def run(*args: str) -> str:
    from click.testing import CliRunner

    from zonekpi.cli import cli
    from zonekpi.view import lang

    try:
        result = CliRunner().invoke(cli, list(args), prog_name="zonekpi")
    finally:
        lang.use(None)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def long_rows(*args: str) -> list[dict[str, str]]:
    text = run("check", *args, "-f", "long")
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def cell(rows: list[dict[str, str]], ind: str, park: str, measure: str, tid: str = "") -> str:
    found = [
        r
        for r in rows
        if (r["indicator"], r["park"], r["measure"], r["target_id"]) == (ind, park, measure, tid)
    ]
    assert len(found) == 1, (ind, park, measure, tid, len(found))
    return found[0]["value"]


def exact(text: str, hand: F) -> None:
    """The CSV's number is the hand value to 20 significant digits: unrounded (a value cut
    to 6 decimals, or to the 0.1% a report prints, fails)."""
    got = F(Decimal(text))
    assert abs(got - hand) <= abs(hand) * F(1, 10**20) + F(1, 10**24), (text, float(hand))


@pytest.fixture(scope="module")
def monthly() -> list[dict[str, str]]:
    return long_rows(XX, *MONTHLY)


@pytest.fixture(scope="module")
def zh() -> list[str]:
    return run("check", XX, *MONTHLY, "-f", "text").splitlines()


@pytest.fixture(scope="module")
def en() -> list[str]:
    return run("check", XX, *MONTHLY, "-f", "text", "--lang", "en").splitlines()


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    import openpyxl

    out = tmp_path_factory.mktemp("book") / "m.xlsx"
    run("check", XX, *MONTHLY, "-o", str(out))
    return openpyxl.load_workbook(out)


@pytest.fixture(scope="module")
def page() -> dict[str, list[str]]:
    """The HTML report's check table: each row's cells as text, by the row's label (+ park)."""
    text = run("check", XX, *MONTHLY, "-f", "html")
    table = text[text.find("<table") : text.find("</table>")]
    rows: dict[str, list[str]] = {}
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        cells = [
            html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", tr, re.S)
        ]
        if cells:
            rows.setdefault(" ".join(cells[:2]).strip(), cells)
    return rows


@pytest.fixture(scope="module")
def bars() -> dict[str, object]:
    from zonekpi import api
    from zonekpi.view.charts import check_page

    span = api.year_to_date("2018-10")
    plan = api.load_plan(XX, data=[MONTHLY[-1]], period=span)
    progress = check_page([api.check(plan, period=span)]).charts[0]
    return {b.label: b for b in progress.bars}


@pytest.fixture(scope="module")
def grid() -> dict[str, tuple[tuple[str, str], ...]]:
    """The parks × indicators chart: each row's (text, status) cells, 5 parks then 全区."""
    from zonekpi import api
    from zonekpi.view.charts import check_page

    span = api.year_to_date("2018-10")
    plan = api.load_plan(XX, data=[MONTHLY[-1]], period=span)
    chart = check_page([api.check(plan, period=span)]).charts[1]
    assert chart.columns == ("高新区", "经开区", "平原示范区", "红旗区", "牧野区", "全区")
    return {r.label: r.cells for r in chart.rows}


def line(lines: list[str], start: str) -> str:
    found = [s for s in lines if s.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


def summary_row(book, label: str, park: str | None = None) -> dict[str, tuple[object, str]]:
    """总表's row for `label` (and park): {header: (value, number format)}."""
    ws = book["总表"]
    header = [c.value for c in ws[2]]
    for row in ws.iter_rows(min_row=3):
        if row[0].value == label and (park is None or row[1].value == park):
            return {h: (c.value, c.number_format) for h, c in zip(header, row, strict=False)}
    raise AssertionError(label)


def park_row(book, label: str) -> dict[str, tuple[object, str]]:
    ws = book["分园区"]
    header = [c.value for c in ws[2]]
    for row in ws.iter_rows(min_row=3):
        if row[0].value == label:
            return {h: (c.value, c.number_format) for h, c in zip(header, row, strict=False)}
    raise AssertionError(label)


# ------------------------------------------------------------------ a stock with 净增 (count)


def test_stock_net_increase_high_tech_firms(monthly, zh, en, book, page, bars):
    # 高新技术企业, 力争 ≥ 95家, a stock: 上年末 (2017) 78家, 10月末 88家 (39+16+9+14+10 = 88).
    # covered = (88 − 78) / (95 − 78) = 10/17 = 0.588235…; τ = 5/6;
    # ahead = 10/17 − 5/6 = (60 − 85)/102 = −25/102 = −0.245098… (−24.5个百分点); gap 88 − 95 = −7
    tid = "high-tech-firms#1"
    exact(cell(monthly, "high-tech-firms", "zone", "covered", tid), F(10, 17))
    exact(cell(monthly, "high-tech-firms", "zone", "completion", tid), F(10, 17))
    exact(cell(monthly, "high-tech-firms", "zone", "elapsed", tid), TAU)
    exact(cell(monthly, "high-tech-firms", "zone", "ahead", tid), F(-25, 102))
    exact(cell(monthly, "high-tech-firms", "zone", "gap", tid), F(-7))
    for park, n in {"gxq": 39, "jkq": 16, "pysfq": 9, "hqq": 14, "myq": 10}.items():
        exact(cell(monthly, "high-tech-firms", park, "level"), F(n))
    exact(cell(monthly, "high-tech-firms", "zone", "level"), F(88))

    row = summary_row(book, "高新技术企业")
    assert row["实际"] == (88, '0"家"')
    assert row["完成率"][0] == pytest.approx(10 / 17) and row["完成率"][1] == "0.0%"
    assert row["序时进度"][0] == pytest.approx(5 / 6) and row["序时进度"][1] == "0.0%"
    assert row["比序时进度(百分点)"][0] == pytest.approx(-2500 / 102)
    assert row["差距"][0] == -7 and "家" in row["差距"][1]
    by_park = park_row(book, "高新技术企业")
    assert [
        by_park[p][0] for p in ("高新区", "经开区", "平原示范区", "红旗区", "牧野区", "全区")
    ] == [
        39,
        16,
        9,
        14,
        10,
        88,
    ]

    cells = page["高新技术企业"]
    assert cells[4:8] == ["88家", "58.8%", "83.3%", "-24.5个百分点"]
    bar = bars["高新技术企业 (力争)"]
    assert bar.value == pytest.approx(1000 / 17) and bar.mark == pytest.approx(250 / 3)
    assert bar.text == "58.8%"

    assert line(zh, "截至10月末, 高新技术企业88家") == (
        "截至10月末, 高新技术企业88家, 比上年末净增10家, 完成全年净增目标(17家)的58.8%, "
        "比序时进度慢24.5个百分点。"
    )
    assert line(en, "At the end of October, certified high-tech enterprises") == (
        "At the end of October, certified high-tech enterprises: 88家, a net increase of 10家 "
        "since the end of last year, 58.8% of the net increase the year's target needs (17家), "
        "24.5 percentage points behind schedule."
    )


def test_stock_in_area_incubation(monthly, zh, en, page):
    # 孵化面积 ≥ 45万平方米, a stock: 上年末 41.5, 10月末 44.4 (21.6+8.7+4.1+5.8+4.2 = 44.4).
    # 净增 2.9 of the 3.5 needed: 2.9/3.5 = 29/35 = 0.828571… (82.9%);
    # ahead 29/35 − 5/6 = (174 − 175)/210 = −1/210 = −0.0047619… (慢0.5个百分点); gap −0.6
    tid = "incubation-area#1"
    exact(cell(monthly, "incubation-area", "zone", "covered", tid), F(29, 35))
    exact(cell(monthly, "incubation-area", "zone", "ahead", tid), F(-1, 210))
    exact(cell(monthly, "incubation-area", "zone", "gap", tid), F(-6, 10))
    exact(cell(monthly, "incubation-area", "hqq", "level"), F(58, 10))
    assert page["孵化面积"][4:8] == ["44.4万平方米", "82.9%", "83.3%", "-0.5个百分点"]
    assert line(zh, "截至10月末, 孵化面积") == (
        "截至10月末, 孵化面积44.4万平方米, 比上年末净增2.9万平方米, "
        "完成全年净增目标(3.5万平方米)的82.9%, 比序时进度慢0.5个百分点。"
    )
    assert "a net increase of 2.9万平方米" in line(en, "At the end of October, incubation")


# ------------------------------------------------------------------ a share target


def test_share_rd_intensity_rolls_up_numerators_and_denominators(monthly, zh, en, book, page):
    # R&D ÷ GDP, 1–10月: zone 21.0 / 679 (parks 7.6+4.0+2.7+3.6+3.1 = 21.0, 166+129+102+162+120
    # = 679): 21/679 = 0.0309278… (3.09%), never the mean of the parks' shares
    # (0.04578+0.03101+0.02647+0.02222+0.02583)/5 = 0.03026. Target 3%: completion
    # (21/679)/(3/100) = 2100/2037 = 1.0309…; gap 21/679 − 3/100 = 63/67900 = 0.000928 (0.09 pp)
    tid = "rd-share#1"
    exact(cell(monthly, "rd-share", "zone", "actual", tid), F(21, 679))
    exact(cell(monthly, "rd-share", "zone", "completion", tid), F(2100, 2037))
    exact(cell(monthly, "rd-share", "zone", "gap", tid), F(63, 67900))
    exact(cell(monthly, "rd-share", "gxq", "level"), F(76, 1660))  # 7.6 ÷ 166
    exact(cell(monthly, "rd-share", "hqq", "level"), F(36, 1620))  # 3.6 ÷ 162

    row = summary_row(book, "全社会研发投入(R&D)占GDP比重")
    assert row["实际"][0] == pytest.approx(21 / 679) and row["实际"][1] == "0.00%"
    assert row["完成率"][0] == pytest.approx(2100 / 2037) and row["完成率"][1] == "0.0%"
    assert row["差距"][0] == pytest.approx(6300 / 67900) and "个百分点" in row["差距"][1]
    cells = page["全社会研发投入(R&D)占GDP比重"]
    assert cells[4:6] == ["3.09%", "103.1%"] and "+0.09个百分点" in cells
    assert line(zh, "1–10月, 全社会研发投入") == (
        "1–10月, 全社会研发投入(R&D)占GDP比重3.09%, 高于全年目标(3%)0.09个百分点。"
    )
    assert line(en, "In Jan–Oct, R&D intensity") == (
        "In Jan–Oct, R&D intensity: 3.09%, 0.09 percentage points above the year's target (3%)."
    )


def test_share_of_stocks_is_read_at_the_months_end(monthly, zh, en, book, grid):
    # 规模以上企业省级研发平台覆盖率 = 企业 with a platform ÷ 规上企业, both stocks: 574/595
    # (168+127+93+104+82 = 574; 168+131+98+110+88 = 595) = 0.964705… (96.47%); target 100%:
    # gap 574/595 − 1 = −21/595 = −3/85 (−3.53个百分点). 经开区 127/131 = 0.969465…
    tid = "provincial-platform-coverage#1"
    exact(cell(monthly, "provincial-platform-coverage", "zone", "actual", tid), F(574, 595))
    exact(cell(monthly, "provincial-platform-coverage", "zone", "gap", tid), F(-3, 85))
    exact(cell(monthly, "provincial-platform-coverage", "jkq", "level"), F(127, 131))
    by_park = park_row(book, "规模以上企业省级研发平台覆盖率")  # percent numbers, 6 places
    assert by_park["经开区"][0] == pytest.approx(12700 / 131, abs=1e-6)
    assert by_park["高新区"][0] == 100
    # the grid chart: 127/131 = 96.9466 → 96.95, 93/98 = 94.8980 → 94.9(0), zone 96.47
    texts = [text for text, _ in grid["规模以上企业省级研发平台覆盖率"]]
    assert texts == ["100", "96.95", "94.9", "94.55", "93.18", "96.47"]
    # a ratio of two stocks is a level at the month's end: 截至10月末, not 1–10月
    assert line(zh, "截至10月末, 规模以上企业省级研发平台覆盖率") == (
        "截至10月末, 规模以上企业省级研发平台覆盖率96.47%, 低于全年目标(100%)3.53个百分点。"
    )
    assert line(en, "At the end of October, coverage of above-size").endswith(
        "96.47%, 3.53 percentage points below the year's target (100%)."
    )


def test_per_capita_of_stocks(monthly, zh, en, book, page):
    # 万人有效发明专利 = 有效发明专利 ÷ 常住人口 × 10,000; the population is in 万人, so
    # 1757件 ÷ 127万人 = 1757/127 = 13.834645…件 (13.8件: a count to 0.1); 高新区 595/15 = 39.666…
    # completion (1757/127)/13 = 1757/1651 = 1.06420… (106.4%)
    tid = "invention-patents-per-10k#1"
    exact(cell(monthly, "invention-patents-per-10k", "zone", "actual", tid), F(1757, 127))
    exact(cell(monthly, "invention-patents-per-10k", "zone", "completion", tid), F(1757, 1651))
    exact(cell(monthly, "invention-patents-per-10k", "gxq", "level"), F(595, 15))
    row = summary_row(book, "万人有效发明专利")
    # the workbook shows it as the sentence does: 13.8件, one decimal for a count
    assert row["实际"][0] == pytest.approx(1757 / 127) and row["实际"][1] == '0.0"件"'
    assert page["万人有效发明专利"][4:6] == ["13.8件", "106.4%"]
    assert line(zh, "截至10月末, 万人有效发明专利") == (
        "截至10月末, 万人有效发明专利13.8件, 完成全年目标(13件)的106.4%。"
    )
    assert line(en, "At the end of October, valid invention patents per 10,000") == (
        "At the end of October, valid invention patents per 10,000 residents: 13.8件, "
        "106.4% of the year's target (13件)."
    )


# ------------------------------------------------------------------ growth targets


def test_growth_comparable_price_still_needed(monthly, zh, en, book, page):
    # 高新技术产业增加值 增长 ≥ 13%, 可比价: 1–10月 reported +7.4%; 2017 annual A' = 283.4,
    # 2017 1–10月 C' = 231.2. At comparable prices this year's 1–10月 is C'(1+g) = 231.2 × 1.074
    # = 248.3088, so 11–12月 need ((1.13 × 283.4) − 248.3088) / (283.4 − 231.2) − 1
    # = (320.242 − 248.3088) / 52.2 − 1 = 71.9332/52.2 − 1 = 0.378030… (37.8%).
    # gap 7.4% − 13% = −5.6个百分点. Parks' bases: 96/1.096, 52.3/1.061, 31.5/1.082, 40.2/1.053,
    # 28.4/1.046; the zone's base is their sum, never an average of the rates.
    tid = "high-tech-value-added#1"
    needed = (F(113, 100) * F(2834, 10) - F(2312, 10) * F(1074, 1000)) / F(522, 10) - 1
    exact(cell(monthly, "high-tech-value-added", "zone", "needed", tid), needed)
    exact(cell(monthly, "high-tech-value-added", "zone", "gap", tid), F(-56, 1000))
    bases = {
        "gxq": F(96) / F(1096, 1000),
        "jkq": F(523, 10) / F(1061, 1000),
        "pysfq": F(315, 10) / F(1082, 1000),
        "hqq": F(402, 10) / F(1053, 1000),
        "myq": F(284, 10) / F(1046, 1000),
    }
    for park, base in bases.items():
        exact(cell(monthly, "high-tech-value-added", park, "base"), base)
    exact(cell(monthly, "high-tech-value-added", "zone", "base"), sum(bases.values(), F(0)))
    row = summary_row(book, "高新技术产业增加值")
    assert row["实际"] == (pytest.approx(0.074), "0.00%")
    assert row["其余月份需增长"][0] == pytest.approx(float(needed))
    assert page["高新技术产业增加值"][8] == "37.8%"
    assert line(zh, "1–10月, 高新技术产业增加值") == (
        "1–10月, 高新技术产业增加值同比增长7.4%, 低于全年目标5.6个百分点, "
        "11–12月需同比增长37.8%才能完成全年目标。"
    )
    assert "Nov–Dec must grow 37.8% year on year" in line(en, "In Jan–Oct, value added of high")


def test_growth_from_levels_may_fall(monthly, zh, en):
    # 技术合同备案 增长 ≥ 20%: 1–10月 1225 against 930 a year before (+31.7% reported;
    # 1225/930 − 1 = 0.3172), 2017 total 1150: 11–12月 need (1.2 × 1150 − 1225)/(1150 − 930) − 1
    # = 155/220 − 1 = −13/44 = −0.295454… (may fall up to 29.5%). Gap 31.7 − 20 = +11.7个百分点.
    # The parks' bases 540/1.385 + 250/1.25 + 120/1.2 + 185/1.321 + 130/1.3 = 929.937…
    tid = "tech-contracts#1"
    exact(cell(monthly, "tech-contracts", "zone", "needed", tid), F(-13, 44))
    exact(cell(monthly, "tech-contracts", "zone", "gap", tid), F(117, 1000))
    base = (
        F(540) / F(1385, 1000)
        + F(250) / F(125, 100)
        + F(120) / F(12, 10)
        + F(185) / F(1321, 1000)
        + F(130) / F(13, 10)
    )
    exact(cell(monthly, "tech-contracts", "zone", "base"), base)
    assert line(zh, "1–10月, 技术合同备案") == (
        "1–10月, 技术合同备案同比增长31.7%, 高于全年目标11.7个百分点, "
        "11–12月同比下降不超过29.5%即可完成全年目标。"
    )
    assert "Nov–Dec may fall up to 29.5% year on year" in line(en, "In Jan–Oct, registered tech")


def test_roll_up_of_growth_weights_by_base_jianxi_2021(tmp_path):
    # 涧西区 414亿元 +6.3%, 高新区 284亿元 +4.9%: bases 414/1.063 = 389.4638, 284/1.049 = 270.7340,
    # sum 660.1978; growth 698/660.1978 − 1 = 0.0572589 (5.73%), not the mean 5.6%
    rows = long_rows(JIANXI, "--year", "2021")
    b1, b2 = F(414) / F(1063, 1000), F(284) / F(1049, 1000)
    exact(cell(rows, "gdp", "zone", "level"), F(698))
    exact(cell(rows, "gdp", "zone", "base"), b1 + b2)
    exact(cell(rows, "gdp", "zone", "growth"), F(698) / (b1 + b2) - 1)
    # 固定资产投资: only 涧西区's rate (+11.5%), no level: no zone rate at all, never 11.5%
    assert not [
        r for r in rows if r["indicator"] == "fixed-asset-investment" and r["park"] == "zone"
    ]
    table = run("check", JIANXI, "--year", "2021", "--by-park")
    assert re.search(r"生产总值 增速 +%\s+\+6\.3\s+\+4\.9\s+\+5\.73", table)
    html_page = run("check", JIANXI, "--year", "2021", "--by-park", "-f", "html")
    assert re.search(r"<td[^>]*>\s*\+5\.73\s*</td>", html_page) and "+5.6<" not in html_page
    import openpyxl  # 分园区 holds the roll-up as a percent number (to 6 places)

    out = tmp_path / "j.xlsx"
    run("check", JIANXI, "--year", "2021", "--by-park", "-o", str(out))
    growth = park_row(openpyxl.load_workbook(out), "生产总值 增速")  # percent numbers
    assert growth["全区"][0] == pytest.approx(float(F(698) / (b1 + b2) - 1) * 100, abs=1e-6)
    assert growth["全区"][1].startswith("+0.00")


# ------------------------------------------------------------------ flows against 序时进度


def test_flow_against_time_elapsed_and_the_rest_of_the_year(monthly, zh, en, book, page, bars):
    # 引进市外资金 ≥ 250亿元, 1–10月 231.9 (88.5+52.4+30.2+33.6+27.2 = 231.9): completion
    # 231.9/250 = 0.9276 (92.8%); ahead 0.9276 − 5/6 = 0.094266… (快9.4个百分点); the rest
    # 250 − 231.9 = 18.1, 18.1/2 = 9.05 a month against 231.9/10 = 23.19 so far
    tid = "outside-capital#1"
    exact(cell(monthly, "outside-capital", "zone", "completion", tid), F(9276, 10000))
    exact(cell(monthly, "outside-capital", "zone", "ahead", tid), F(9276, 10000) - TAU)
    exact(cell(monthly, "outside-capital", "zone", "rest", tid), F(181, 10))
    exact(cell(monthly, "outside-capital", "zone", "pace_needed", tid), F(905, 100))
    exact(cell(monthly, "outside-capital", "zone", "pace_so_far", tid), F(2319, 100))
    exact(cell(monthly, "outside-capital", "pysfq", "level"), F(302, 10))
    row = summary_row(book, "引进市外资金")
    assert row["实际"] == (231.9, '0.00"亿元"') and row["完成率"][0] == pytest.approx(0.9276)
    assert row["比序时进度(百分点)"][0] == pytest.approx(92.76 - 250 / 3)
    assert page["引进市外资金"][4:11] == [
        "231.9亿元",
        "92.8%",
        "83.3%",
        "+9.4个百分点",
        "",
        "18.1亿元",
        "9.05 / 23.19亿元",
    ]
    bar = bars["引进市外资金"]
    assert bar.value == pytest.approx(92.76) and bar.mark == pytest.approx(250 / 3)
    assert line(zh, "1–10月, 引进市外资金") == (
        "1–10月, 引进市外资金累计231.9亿元, 完成全年目标(250亿元)的92.8%, 比序时进度快9.4个百分点, "
        "11–12月需完成18.1亿元, 月均9.05亿元, 1–10月月均23.19亿元。"
    )
    assert line(en, "In Jan–Oct, capital attracted") == (
        "In Jan–Oct, capital attracted from outside the city: 231.9亿元 so far this year, 92.8% "
        "of the year's target (250亿元), 9.4 percentage points ahead of schedule, 18.1亿元 still "
        "to do in Nov–Dec, 9.05亿元 a month against 23.19亿元 a month in Jan–Oct."
    )


def test_count_threshold_rounds_a_monthly_pace_to_a_tenth(monthly, zh):
    # 发明专利授权量 ≥ 500件, 1–10月 394: 394/500 = 78.8%; 5/6 − 0.788 = 0.04533 (慢4.5个百分点);
    # rest 106, 53 a month, 39.4 a month so far
    tid = "invention-grants#1"
    exact(cell(monthly, "invention-grants", "zone", "completion", tid), F(788, 1000))
    exact(cell(monthly, "invention-grants", "zone", "ahead", tid), F(788, 1000) - TAU)
    assert line(zh, "1–10月, 发明专利授权量") == (
        "1–10月, 发明专利授权量累计394件, 完成全年目标(500件)的78.8%, 比序时进度慢4.5个百分点, "
        "11–12月需完成106件, 月均53件, 1–10月月均39.4件。"
    )


# ------------------------------------------------------------------ parks: per-park and coverage


def test_per_park_minimum(monthly, zh, en, book):
    # 可复制、可推广的自主创新经验, 各园区至少3条: 高新区 4, 经开区 2, 平原示范区 2, 红旗区 3,
    # 牧野区 2: two parks reach it; 经开区 2/3 = 0.666…, ahead 2/3 − 5/6 = −1/6,
    # rest 1 (0.5 a month)
    tid = "innovation-experiences#1"
    exact(cell(monthly, "innovation-experiences", "zone", "actual", tid), F(2))
    exact(cell(monthly, "innovation-experiences", "jkq", "completion", tid), F(2, 3))
    exact(cell(monthly, "innovation-experiences", "jkq", "ahead", tid), F(-1, 6))
    exact(cell(monthly, "innovation-experiences", "jkq", "pace_needed", tid), F(1, 2))
    exact(cell(monthly, "innovation-experiences", "zone", "level"), F(13))  # 4+2+2+3+2
    row = summary_row(book, "可复制、可推广的自主创新经验", "经开区")
    assert row["实际"] == (2, '0"条"') and row["完成率"][0] == pytest.approx(2 / 3)
    assert line(zh, "1–10月, 可复制") == (
        "1–10月, 可复制、可推广的自主创新经验已达到目标的园区2个(共5个), "
        "尚缺经开区、平原示范区、牧野区。"
    )
    assert "2 of 5 parks" in line(en, "In Jan–Oct, replicable innovation practices")


def test_coverage(zh, en):
    # 启动人才公寓建设, "一区四园"都要: 是 in 4 parks, 否 in 牧野区
    assert line(zh, "1–10月, 启动人才公寓建设") == (
        "1–10月, 启动人才公寓建设已覆盖4个园区(共5个), 尚缺牧野区。"
    )
    assert line(en, "In Jan–Oct, talent apartment") == (
        "In Jan–Oct, talent apartment construction started: 4 of 5 parks covered, not yet 牧野区."
    )


# ------------------------------------------------------------------ a ceiling, 左右, a band


@pytest.fixture(scope="module")
def jianxi_2022() -> tuple[list[dict[str, str]], list[str], list[str]]:
    rows = long_rows(JIANXI, *JIANXI_DATA)
    zh = run("check", JIANXI, *JIANXI_DATA, "-f", "text").splitlines()
    en = run("check", JIANXI, *JIANXI_DATA, "-f", "text", "--lang", "en").splitlines()
    return rows, zh, en


def test_ceiling_unemployment(jianxi_2022):
    # 城镇调查失业率控制在5.5%以内, 2022: 5.1%: gap 5.1 − 5.5 = −0.4个百分点 (−0.004), met
    rows, zh, en = jianxi_2022
    exact(cell(rows, "unemployment", "zone", "actual", "unemployment#1"), F(51, 1000))
    exact(cell(rows, "unemployment", "zone", "gap", "unemployment#1"), F(-4, 1000))
    assert line(zh, "2022年, 城镇调查失业率") == (
        "2022年, 城镇调查失业率5.1%, 低于目标(不超过5.5%)0.4个百分点, 达标。"
    )
    assert line(en, "In 2022, Surveyed urban unemployment") == (
        "In 2022, Surveyed urban unemployment rate: 5.1%, 0.4 percentage points below the target "
        "(at most 5.5%), met."
    )


def test_two_tiers_say_the_yoy_once(jianxi_2022):
    # 生产总值 2022: 806亿元, +6.1% reported; 806/800 = 1.0075 (100.8%) of both tiers (≥ 800 and
    # 力争 > 800); the sentence says 同比增长6.1% once, not once per tier
    rows, zh, _ = jianxi_2022
    exact(cell(rows, "gdp", "zone", "completion", "gdp#1"), F(806, 800))
    exact(cell(rows, "gdp", "zone", "yoy", "gdp#1"), F(61, 1000))
    said = line(zh, "2022年, 生产总值806亿元, 完成")
    assert said == (
        "2022年, 生产总值806亿元, 完成目标(800亿元)的100.8%, 同比增长6.1%, 达标; "
        "完成力争目标(超过800亿元)的100.8%, 力争达标。"
    )


def test_about_and_band_are_said_in_words():
    # 社会消费品零售总额增长10%左右 (±0.5个百分点): 10.3%, gap +0.3个百分点, met;
    # 资产负债率控制在55%-65%之间: 52%, 3个百分点 under the band, missed
    rows = long_rows(NEW_FORMS)
    zh = run("check", NEW_FORMS, "-f", "text").splitlines()
    exact(cell(rows, "retail-growth-about", "zone", "gap", "retail-growth-about#1"), F(3, 1000))
    exact(cell(rows, "debt-ratio", "zone", "gap", "debt-ratio#1"), F(-3, 100))
    assert line(zh, "2018年, 社会消费品零售总额增速") == (
        "2018年, 社会消费品零售总额增速10.3%, 高于目标(10%左右)0.3个百分点, 达标。"
    )
    assert line(zh, "2018年, 区属国企资产负债率") == (
        "2018年, 区属国企资产负债率52%, 低于目标(55%–65%之间)3个百分点, 未达标。"
    )
    assert not any("±" in s for s in zh)  # no maths sign in prose
    en = run("check", NEW_FORMS, "-f", "text", "--lang", "en").splitlines()
    assert line(en, "In 2018, 社会消费品零售总额增速") == (
        "In 2018, 社会消费品零售总额增速: 10.3%, 0.3 percentage points above the target "
        "(about 10%), met."
    )
    assert line(en, "In 2018, 区属国企资产负债率") == (
        "In 2018, 区属国企资产负债率: 52%, 3 percentage points below the target "
        "(between 55% and 65%), missed."
    )


# ------------------------------------------------------------------ paths


def test_path_years(jianxi_2022):
    rows, zh, _ = jianxi_2022
    # 综保区外贸 30 → 55 → 100亿元; 2022 actual 27.6: reaching 55 in 2023 needs 55/27.6 − 1
    # = 0.992753… (99.3%), for the 2024 target too (its path passes 55 in 2023)
    exact(cell(rows, "ftz-trade", "zone", "needed_per_year", "ftz-trade#2"), F(55) / F(276, 10) - 1)
    exact(cell(rows, "ftz-trade", "zone", "needed_per_year", "ftz-trade#3"), F(55) / F(276, 10) - 1)
    # 全市经济总量占比 12.8% (2021) → 15% (2025), linear in points: 2022's point 12.8 + 0.55 =
    # 13.35%; from 13.4% in 2022, (15 − 13.4)/3 = 0.5333个百分点 a year
    exact(cell(rows, "city-gdp-share", "zone", "path_point", "city-gdp-share#1"), F(1335, 10000))
    exact(cell(rows, "city-gdp-share", "zone", "needed_per_year", "city-gdp-share#1"), F(16, 3000))
    # 生产总值 → 1500亿元 in 2025 from 806 in 2022: (1500/806)^(1/3) − 1 = 0.230038… (23%)
    got = float(cell(rows, "gdp", "zone", "needed_per_year", "gdp#3"))
    assert got == pytest.approx((1500 / 806) ** (1 / 3) - 1, rel=1e-12)
    assert "年均需增长23%" in line(zh, "2022年, 生产总值806亿元;")
    assert "年均需提高0.53个百分点" in line(zh, "2022年, 全市经济总量占比")
    assert "需增长99.3%" in line(zh, "2022年, 综保区外贸总额27.6亿元;")


# ------------------------------------------------------------------ units converted, luoyang


def test_units_converted_before_comparing():
    # 新增孵化面积 523000平方米 = 52.3万平方米 of ≥ 50万平方米: 1.046 (104.6%);
    # 技术合同成交额 34000万元 = 3.4亿元 of ≥ 3亿元: 3.4/3 = 1.1333… (113.3%)
    rows = long_rows(LUOYANG, *LUOYANG_DATA)
    zh = run("check", LUOYANG, *LUOYANG_DATA, "-f", "text").splitlines()
    exact(
        cell(rows, "new-incubation-area", "zone", "completion", "new-incubation-area#1"),
        F(1046, 1000),
    )
    exact(
        cell(rows, "tech-contract-value", "zone", "completion", "tech-contract-value#1"), F(34, 30)
    )
    assert line(zh, "2018年, 新增孵化面积") == (
        "2018年, 新增孵化面积52.3万平方米, 完成目标(50万平方米)的104.6%, 达标。"
    )
    # 全区创新平台 ≥ 320个 by 年底前: 326/320 = 1.01875 (101.9%); the deadline in words, not in
    # brackets inside the target's brackets
    exact(
        cell(rows, "innovation-platforms", "zone", "completion", "innovation-platforms#1"),
        F(326, 320),
    )
    assert line(zh, "2018年, 全区创新平台数量") == (
        "2018年, 全区创新平台数量326个, 完成目标(320个, 限年底前)的101.9%, 达标。"
    )
    assert line(zh, "2018年, 技术合同成交额") == (
        "2018年, 技术合同成交额3.4亿元, 完成确保目标(3亿元)的113.3%, 达标。"
    )


# ------------------------------------------------------------------ missing is never zero


def test_missing_is_never_zero(monthly, zh, en, book, page, bars, grid):
    # 主导产业占比: 牧野区 has no figure for 2018-10; 高新技术企业知识产权贯标覆盖率 has none at all
    assert not [
        r for r in monthly if r["indicator"] == "leading-industry-share" and r["park"] == "myq"
    ]
    assert grid["主导产业占比"][4] == ("", "")  # 牧野区: an empty cell, not 0
    shares = park_row(book, "主导产业占比")
    assert shares["牧野区"][0] is None and shares["红旗区"][0] == pytest.approx(70.8)
    none = [r for r in monthly if r["indicator"] == "ip-standard-coverage"]
    assert none and all(r["value"] == "" or r["measure"] == "target" for r in none)
    row = summary_row(book, "高新技术企业知识产权贯标覆盖率")
    assert row["实际"][0] is None and row["完成率"][0] is None and row["状态"][0] == "无数据"
    assert page["高新技术企业知识产权贯标覆盖率"][4:6] == ["", ""]
    assert "高新技术企业知识产权贯标覆盖率" not in bars  # no bar, not a bar of 0
    assert line(zh, "截至10月末, 高新技术企业知识产权贯标覆盖率") == (
        "截至10月末, 高新技术企业知识产权贯标覆盖率暂无数据。"
    )
    assert line(en, "At the end of October, share of high-tech enterprises certified") == (
        "At the end of October, share of high-tech enterprises certified to the IP management "
        "standard: no data yet."
    )


# ------------------------------------------------------------------ rounding never hides a verdict


def test_growth_from_levels_is_said_as_the_table_shows_it():
    # xinxiang-gxq-2017: 规模以上工业总产值 566.2 / 520.0 − 1 = 0.0888461… (8.88%), target 8.5%:
    # +0.38个百分点; 固定资产投资 226.3 / 205.0 − 1 = 0.1039024… (10.39%), target 12%: −1.61
    plan = str(ROOT / "plans" / "xinxiang-gxq-2017.yaml")
    data = ["--data", str(ROOT / "examples" / "xinxiang-gxq-2017-figures.csv")]
    rows = long_rows(plan, *data)
    exact(
        cell(rows, "industrial-output", "zone", "actual", "industrial-output#1"), F(5662, 5200) - 1
    )
    zh = run("check", plan, *data, "-f", "text").splitlines()
    assert line(zh, "2017年, 规模以上工业总产值") == (
        "2017年, 规模以上工业总产值同比增长8.88%, 高于目标0.38个百分点, 达标。"
    )
    assert line(zh, "2017年, 固定资产投资") == (
        "2017年, 固定资产投资同比增长10.39%, 低于目标1.61个百分点, 未达标。"
    )


def test_a_near_miss_is_never_shown_as_level_or_100_percent(plan_file, tmp_path):
    # growth 12.96% against ≥ 13%: missed by 0.04个百分点 (one decimal would say 13%, 持平);
    # 4998件 of ≥ 5000件: 4998/5000 = 0.9996, 99.96% (one decimal would say 100%, beside 未达标)
    import openpyxl

    plan = plan_file(
        """\
        id: t
        title: 测试
        year: 2018
        indicators:
          - {id: va, name: 工业增加值, unit: 亿元, targets: [{growth: 13%}]}
          - {id: patents, name: 专利申请量, unit: 件, targets: [{at_least: 5000 件}]}
        figures:
          - {indicator: va, period: 2018, growth: 12.96%}
          - {indicator: patents, period: 2018, value: 4998 件}
        """
    )
    zh = run("check", str(plan), "-f", "text").splitlines()
    assert (
        line(zh, "2018年, 工业增加值")
        == "2018年, 工业增加值同比增长12.96%, 低于目标0.04个百分点, 未达标。"
    )
    assert line(zh, "2018年, 专利申请量") == (
        "2018年, 专利申请量4998件, 完成目标(5000件)的99.96%, 未达标。"
    )
    en = run("check", str(plan), "-f", "text", "--lang", "en").splitlines()
    assert line(en, "In 2018, 工业增加值") == (
        "In 2018, 工业增加值 grew 12.96% year on year, 0.04 percentage points below the target, "
        "missed."
    )
    out = tmp_path / "t.xlsx"
    run("check", str(plan), "-o", str(out))
    row = summary_row(openpyxl.load_workbook(out), "专利申请量")
    assert row["完成率"] == (pytest.approx(0.9996), "0.00%")  # 99.96%, not 100.0%
