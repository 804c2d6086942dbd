"""The Excel workbook zonekpi writes (-f xlsx, -o FILE.xlsx), read back with openpyxl.

Numbers are numbers with their formats (values worked by hand from the example figures), status
cells are filled by their status, charts are there, the header is frozen and filtered, the page
is set for printing; plan text that looks like a formula stays text; the file is written in one
step and never over an input; LibreOffice opens it (converted to PDF). Reading figures FROM a
workbook is tests/test_xlsx.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

openpyxl = pytest.importorskip("openpyxl")

PLAN = str(ROOT / "plans" / "xinxiang-2018.yaml")
DATA = str(ROOT / "examples" / "xinxiang-2018-figures.csv")
MONTHLY = str(ROOT / "examples" / "xinxiang-2018-2018-10.csv")
GREEN, RED, AMBER, GREY = "00C6EFCE", "00FFC7CE", "00FFEB9C", "00D9D9D9"
FILL_OF = {  # the words of a status -> its fill
    "达标": GREEN,
    "符合序时": GREEN,
    "符合路径": GREEN,
    "未达标": RED,
    "逾期未完成": RED,
    "落后序时": AMBER,
    "低于目标": AMBER,
    "落后路径": AMBER,
    "无数据": GREY,
}
# Every example the README names, as a workbook: (name, argv)
EXAMPLES = [
    ("check-xinxiang-2018", ["check", PLAN, "--data", DATA]),
    ("check-xinxiang-2018-10", ["check", PLAN, "--period", "2018-10", "--data", MONTHLY]),
    (
        "check-jianxi-2022",
        ["check", "plans/jianxi-2022.yaml", "--data", "examples/jianxi-2022-figures.csv"],
    ),
    ("check-jianxi-2021", ["check", "plans/jianxi-2022.yaml", "--year", "2021"]),
    (
        "check-luoyang",
        ["check", "plans/luoyang-gxq-2018.yaml", "--data", "examples/luoyang-gxq-2018-figures.csv"],
    ),
    (
        "check-xinxiang-gxq-2017",
        [
            "check",
            "plans/xinxiang-gxq-2017.yaml",
            "--data",
            "examples/xinxiang-gxq-2017-figures.csv",
        ],
    ),
    ("check-xinxiang-gxq-2020", ["check", "plans/xinxiang-gxq-2020.yaml"]),
    ("rank", ["rank", PLAN, "--period", "2018-10", "--data", MONTHLY]),
    ("rank-explain", ["rank", PLAN, "--period", "2018-10", "--data", MONTHLY, "--explain"]),
    (
        "compare",
        [
            "compare",
            PLAN,
            "examples/xinxiang-2019.yaml",
            "--old-data",
            DATA,
            "--data",
            "examples/xinxiang-2019-figures.csv",
        ],
    ),
    (
        "incentives",
        [
            "incentives",
            "plans/xinxiang-gxq-2020.yaml",
            "--data",
            "examples/xinxiang-gxq-2020-claims.csv",
        ],
    ),
]
NUMBER_AS_TEXT = re.compile(r"[-+]?\d+(\.\d+)?%?")


def write(cli, tmp_path: Path, argv: list[str], name: str = "r.xlsx", code=(0, 1)) -> Path:
    """Run `argv` -o tmp/NAME from the repository's folder; the workbook's path."""
    out = tmp_path / name
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = cli(*argv, "-o", str(out))
    finally:
        os.chdir(here)
    assert result.exit_code in code, result.output + result.stderr
    return out


def columns(ws) -> dict[str, int]:
    """Header -> column number (row 2 holds the headers)."""
    return {c.value: c.column for c in ws[2] if c.value}


def rows(ws) -> list[tuple]:
    return [r for r in ws.iter_rows(min_row=3, max_row=ws.max_row) if any(c.value for c in r)]


@pytest.fixture(scope="module")
def year_book(tmp_path_factory):
    from click.testing import CliRunner

    from zonekpi.cli import cli as command

    out = tmp_path_factory.mktemp("xlsx") / "year.xlsx"
    result = CliRunner().invoke(command, ["check", PLAN, "--data", DATA, "-o", str(out)])
    assert result.exit_code == 1, result.output  # 5 targets missed
    return openpyxl.load_workbook(out)


def test_the_check_workbook_has_its_sheets(year_book):
    assert year_book.sheetnames == ["总表", "分园区", "完成与序时", "园区对比", "说明"]


def test_a_completion_is_a_number_worked_by_hand(year_book):
    # examples/xinxiang-2018-figures.csv: high-tech-firms, zone, 2018: 92 家; the plan:
    # 力争 ≥ 95家. 92 / 95 = 0.968421…, shown 96.8%; 92 short of 95: 未达标, red.
    ws = year_book["总表"]
    at = columns(ws)
    (row,) = [r for r in rows(ws) if r[at["指标"] - 1].value == "高新技术企业"]
    completion = row[at["完成率"] - 1]
    assert isinstance(completion.value, float)
    assert completion.value == pytest.approx(92 / 95)
    assert completion.number_format == "0.0%"
    actual = row[at["实际"] - 1]
    assert actual.value == 92 and actual.number_format == '0"家"'  # the unit in the format
    gap = row[at["差距"] - 1]
    assert gap.value == -3 and gap.number_format.startswith('+0"家";-0"家"')
    status = row[at["状态"] - 1]
    assert status.value == "未达标" and status.fill.fgColor.rgb == RED


def test_a_share_is_a_fraction_shown_as_a_percentage(year_book):
    # rd-spending 25.6亿元 over gdp 800亿元 (zone, 2018) = 3.2%; target ≥ 3%: 3.2 / 3.
    ws = year_book["总表"]
    at = columns(ws)
    row = next(r for r in rows(ws) if r[at["指标"] - 1].value == "全社会研发投入(R&D)占GDP比重")
    assert row[at["实际"] - 1].value == pytest.approx(25.6 / 800)
    assert row[at["实际"] - 1].number_format == "0.00%"
    assert row[at["完成率"] - 1].value == pytest.approx(3.2 / 3)
    assert row[at["状态"] - 1].fill.fgColor.rgb == GREEN


def test_every_status_cell_is_filled_by_its_status(year_book, cli, tmp_path):
    monthly = openpyxl.load_workbook(
        write(cli, tmp_path, ["check", PLAN, "--period", "2018-10", "--data", MONTHLY])
    )
    seen = set()
    for book in (year_book, monthly):
        ws = book["总表"]
        at = columns(ws)["状态"]
        for r in rows(ws):
            cell = r[at - 1]
            if cell.value:
                assert cell.fill.fgColor.rgb == FILL_OF[cell.value], cell.value
                seen.add(cell.value)
    assert {"达标", "未达标", "无数据", "落后序时"} <= seen  # green, red, grey and amber all met


def test_during_the_year_elapsed_is_ten_twelfths(cli, tmp_path):
    book = openpyxl.load_workbook(
        write(cli, tmp_path, ["check", PLAN, "--period", "2018-10", "--data", MONTHLY])
    )
    ws = book["总表"]
    elapsed = [r[columns(ws)["序时进度"] - 1] for r in rows(ws)]
    shown = [c for c in elapsed if c.value is not None]
    assert shown and all(c.value == pytest.approx(10 / 12) for c in shown)
    assert all(c.number_format == "0.0%" for c in shown)
    chart = book["完成与序时"]
    assert [c.value for c in chart[2]] == ["指标", "完成率", "序时进度"]
    assert len(chart._charts) == 1


def test_by_park_cells_are_numbers_coloured_by_the_parks_own_status(year_book):
    # 产业技术研究院 is split by park (分解: 高新区3个 …); each park met its share: green.
    ws = year_book["分园区"]
    at = columns(ws)
    split = [r for r in rows(ws) if r[at["目标"] - 1].value and "分解" in r[at["目标"] - 1].value]
    assert split
    cell = split[0][at["高新区"] - 1]
    assert cell.value == 3 and cell.fill.fgColor.rgb == GREEN
    gdp = next(r for r in rows(ws) if r[at["指标"] - 1].value == "生产总值")
    assert [gdp[at[p] - 1].value for p in ("高新区", "经开区", "全区")] == [210, 150, 800]


def test_charts_are_native_and_drawn_from_the_sheets_cells(year_book):
    completion = year_book["完成与序时"]
    (chart,) = completion._charts
    last = completion.max_row
    assert [s.val.numRef.f for s in chart.series] == [
        f"'完成与序时'!$B$3:$B${last}",  # 完成率
        f"'完成与序时'!$C$3:$C${last}",  # against 100% for a whole year
    ]
    assert chart.series[0].tx.strRef.f == "'完成与序时'!B2"  # the series is named by its header
    parks = year_book["园区对比"]
    assert parks._charts and all(len(c.series) >= 1 for c in parks._charts)
    assert [c.value for c in parks["A"][2:7]] == [
        "高新区",
        "经开区",
        "平原示范区",
        "红旗区",
        "牧野区",
    ]


def test_frozen_header_autofilter_widths_and_print_setup(year_book):
    for ws in year_book:
        assert ws.freeze_panes == "A3"
        assert ws.auto_filter.ref.startswith("A2:")
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$2"
    ws = year_book["总表"]
    last = int(ws.auto_filter.ref.split(":")[1][1:])
    names = [ws.cell(i, 1).value or "" for i in range(3, last + 1)]
    # 引进培育高层次科技创新创业人才(团队): 16 Chinese characters count 2 each, 4 others 1
    widest = max(sum(2 if ord(ch) >= 0x3000 else 1 for ch in name) for name in names)
    assert widest == 36
    assert ws.column_dimensions["A"].width == widest + 2  # and a margin
    assert ws.column_dimensions["D"].width == 40  # 目标: the widest, its long texts wrap
    assert any(ws.cell(i, 4).alignment.wrap_text for i in range(3, last + 1))


def test_the_notes_sheet_says_what_the_figures_are(year_book):
    from zonekpi.api import check, load_plan
    from zonekpi.view.outputs import CheckOutput

    notes = [c.value for r in year_book["说明"].iter_rows() for c in r if c.value]
    assert "新乡自创区2018年建设推进计划" in notes
    assert any("新乡市人民政府" in n for n in notes)  # the source
    assert "2018年" in notes  # the period
    assert "示例数据" in notes  # every figure in examples/ is marked 示例数据
    assert year_book["总表"]["A1"].value.endswith("示例数据")
    (_, sentences), *_ = CheckOutput([check(load_plan(PLAN, data=[DATA]))]).sentences()
    assert sentences and all(s in notes for s in sentences)


@pytest.mark.parametrize(("name", "argv"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_every_example_workbook_reads_back_with_numbers_as_numbers(cli, tmp_path, name, argv):
    book = openpyxl.load_workbook(write(cli, tmp_path, argv))
    assert book.sheetnames[-1] == "说明"
    numbers = 0
    for ws in book:
        assert ws["A2"].value and ws.freeze_panes == "A3"
        heads = columns(ws)
        for r in rows(ws):
            for c in r:
                if heads.get(ws.cell(2, c.column).value) and isinstance(c.value, str):
                    as_text = NUMBER_AS_TEXT.fullmatch(c.value)
                    assert as_text is None or ws.cell(2, c.column).value == "年份", (ws.title, c)
                numbers += isinstance(c.value, (int, float))
            status = [c for c in r if c.value in FILL_OF]
            assert all(c.fill.fgColor.rgb == FILL_OF[c.value] for c in status)
    assert numbers > 0 or name == "check-xinxiang-gxq-2020"  # an incentives plan: no figures
    if name.startswith("rank") and "explain" not in name:
        assert book["排名"]._charts


def test_path_has_target_actual_and_the_path_by_year(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "zonekpi", "path", "plans/jianxi-2022.yaml", "gdp", "-f", "xlsx"],
        cwd=ROOT,
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr
    (tmp_path / "p.xlsx").write_bytes(done.stdout)  # a pipe takes the workbook's bytes
    ws = openpyxl.load_workbook(tmp_path / "p.xlsx")["路径"]
    at = columns(ws)
    years = {r[at["年份"] - 1].value: r for r in rows(ws)}
    assert years["2022"][at["目标值"] - 1].value == 800  # ≥ 800亿元 in 2022
    assert years["2025"][at["路径值"] - 1].value == 1500
    (chart,) = ws._charts
    assert len(chart.series) == 2  # target and actual, bars
    (line,) = [c for c in chart._charts if c is not chart]  # the path, a line
    assert line.tagname == "lineChart" and line.series[0].val.numRef.f.startswith("'路径'!")


def test_plan_text_that_looks_like_a_formula_stays_text(cli, plan_file, tmp_path):
    plan = plan_file(
        """\
        id: t
        title: '=HYPERLINK("http://evil.example","t")'
        year: 2018
        parks:
          - {id: p1, name: "@SUM(1+1)"}
          - {id: p2, name: "-2+3\\abell"}
        indicators:
          - {id: a, name: '=HYPERLINK("http://evil.example","x")', unit: 家,
             targets: [{at_least: 1 家}]}
          - {id: b, name: "+cmd|' /C calc'!A0\\0\\e[31m", unit: 家, targets: [{at_least: 5 家}]}
        figures:
          - {indicator: a, period: 2018, value: 2 家}
          - {indicator: a, park: p1, period: 2018, value: 1 家}
          - {indicator: a, park: p2, period: 2018, value: 1 家}
          - {indicator: b, period: 2018, value: 3 家, note: "=1+1"}
        """
    )
    out = write(cli, tmp_path, ["check", str(plan)])
    book = openpyxl.load_workbook(out)
    ws = book["总表"]
    assert ws["A1"].value.startswith('=HYPERLINK("http://evil.example","t")')
    assert ws["A3"].value == '=HYPERLINK("http://evil.example","x")'
    assert ws["A3"].data_type == "s" and ws["A3"].quotePrefix
    assert ws["A4"].value == "+cmd|' /C calc'!A0\\x00\\x1b[31m"  # control characters shown
    heads = [c.value for c in book["分园区"][2]]
    assert "@SUM(1+1)" in heads and "-2+3\\x07bell" in heads
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)  # no formula


def test_dash_o_xlsx_with_another_format_is_refused(cli, tmp_path):
    out = tmp_path / "r.xlsx"
    result = cli("check", PLAN, "--data", DATA, "-o", str(out), "-f", "csv")
    assert result.exit_code == 2 and not out.exists()
    assert "disagree" in result.stderr and result.stderr.count("\n") == 1


def test_a_workbook_is_refused_on_a_terminal(monkeypatch):
    from zonekpi import plumbing
    from zonekpi.errors import BadUsage

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    with pytest.raises(BadUsage, match=r"-o FILE\.xlsx"):
        plumbing.format_for("xlsx", None)
    assert plumbing.format_for("xlsx", "r.xlsx") == "xlsx"
    assert plumbing.format_for(None, "r.XLSX") == "xlsx"


def test_a_workbook_is_never_written_over_an_input(cli, tmp_path):
    data = tmp_path / "figures.xlsx"
    shutil.copy(ROOT / "examples" / "xinxiang-2018-2018-10-park-sheets.xlsx", data)
    before = data.read_bytes()
    result = cli("check", PLAN, "--period", "2018-10", "--data", str(data), "-o", str(data))
    assert result.exit_code == 2 and "input" in result.stderr
    assert data.read_bytes() == before


def test_a_workbook_is_written_in_one_step_with_the_same_bytes(cli, tmp_path):
    out = write(cli, tmp_path, ["check", PLAN, "--data", DATA])
    first = out.read_bytes()
    out.write_bytes(b"last month")
    assert write(cli, tmp_path, ["check", PLAN, "--data", DATA]).read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]  # no temporary file left
    assert zipfile.ZipFile(out).testzip() is None


def test_english_sheets_with_lang_en(cli, tmp_path):
    book = openpyxl.load_workbook(
        write(cli, tmp_path, ["check", PLAN, "--data", DATA, "--lang", "en"])
    )
    assert book.sheetnames == ["Summary", "By park", "Completion", "Parks", "Notes"]
    items = [r[0].value for r in rows(book["Notes"]) if r[0].value][:4]
    assert items == ["Plan", "Source", "Period", "Illustrative"]
    assert book["Summary"]["A1"].value.endswith("illustrative figures")


def test_a_plain_check_does_not_import_openpyxl():
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "zonekpi", "check", PLAN, "--data", DATA],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr[-500:]
    assert "zonekpi.cli" in done.stderr  # the import times were written
    assert "openpyxl" not in done.stderr


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_libreoffice_converts_the_workbook_to_pdf(year_book, cli, tmp_path):
    book = write(cli, tmp_path, ["check", PLAN, "--period", "2018-10", "--data", MONTHLY])
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(book),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = tmp_path / "r.pdf"
    assert done.returncode == 0, done.stderr
    assert pdf.exists() and pdf.stat().st_size > 10_000
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_yes_or_no_is_a_number_shown_as_words(year_book):
    # tech-transfer-fund (是否, achieved: 是): the example figures give 1, so 是 and 达标.
    ws = year_book["总表"]
    at = columns(ws)
    row = next(r for r in rows(ws) if r[at["指标"] - 1].value == "建立科技成果转化基金")
    assert row[at["实际"] - 1].value == 1
    assert row[at["实际"] - 1].number_format == '"是";"是";"否"'
    assert row[at["状态"] - 1].value == "达标"


def test_check_by_owner_adds_the_owners_sheet(tmp_path):
    """`check --by owner -o r.xlsx`: the workbook gains 按责任单位 after 总表. The plan gives
    产业技术研究院 six owners (kjj: 市科技局 and the five parks), so it stands under each of
    them: 市科技局 and 高新区 among them; 园区对比 and the rest are still there."""
    from click.testing import CliRunner

    from zonekpi.cli import cli as command

    out = tmp_path / "r.xlsx"
    given = ["check", PLAN, "--data", DATA, "--by", "owner", "-o", str(out)]
    result = CliRunner().invoke(command, given)
    assert result.exit_code == 1, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:3] == ["总表", "按责任单位", "分园区"]
    sheet = book["按责任单位"]
    heads = [c.value for c in sheet[2]]
    owner, name = heads.index("责任单位"), heads.index("指标")
    held = list(sheet.iter_rows(min_row=3, values_only=True))
    under = {r[owner] for r in held if r[name] == "产业技术研究院"}
    assert {"市科技局", "高新区", "经开区", "平原示范区", "红旗区", "牧野区"} <= under
