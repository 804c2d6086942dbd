"""Figures from Excel workbooks (.xlsx), as statistics offices send them."""

from __future__ import annotations

import contextlib
import datetime
from decimal import Decimal

import openpyxl

from .conftest import ROOT

PLAN = str(ROOT / "plans" / "xinxiang-2018.yaml")
CSV = ROOT / "examples" / "xinxiang-2018-2018-10.csv"


def workbook(path, rows, title="1-10月"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.create_sheet("说明").append(["示例数据"])
    book.save(path)
    return str(path)


def as_excel_types(row):
    """The CSV row as Excel stores it once typed in: numbers as numbers, 2018-10 as a date."""
    out = list(row)
    period = out[2]
    if len(period) == 7:  # Excel turns "2018-10" into 1 October 2018
        out[2] = datetime.datetime(int(period[:4]), int(period[5:]), 1)
    elif period.isdigit():
        out[2] = int(period)
    with contextlib.suppress(ValueError):  # 是/否 stay text
        out[3] = float(out[3]) if "." in out[3] else int(out[3])
    return out


def test_a_workbook_gives_the_same_report_as_its_csv(cli, tmp_path):
    import csv

    header, *rows = list(csv.reader(CSV.open(encoding="utf-8")))
    book = workbook(tmp_path / "figures.xlsx", [header, *(as_excel_types(r) for r in rows)])
    from_xlsx = cli("check", PLAN, "--period", "2018-10", "--data", book, "-f", "csv")
    from_csv = cli("check", PLAN, "--period", "2018-10", "--data", str(CSV), "-f", "csv")
    assert from_xlsx.exit_code == from_csv.exit_code
    assert from_xlsx.stdout == from_csv.stdout


def test_a_named_sheet(cli, tmp_path):
    rows = [
        ["indicator", "park", "period", "value", "unit"],
        ["high-tech-firms", "", 2018, 96, "家"],
    ]
    book = workbook(tmp_path / "f.xlsx", [["nothing here"]], title="封面")
    wb = openpyxl.load_workbook(book)
    data = wb.create_sheet("2018")
    for row in rows:
        data.append(row)
    wb.save(book)
    result = cli("check", PLAN, "--data", book + "#2018", "-f", "json")
    assert result.exit_code in (0, 1)
    assert '"value": 96' in result.stdout


def test_a_missing_sheet_names_the_sheets_there(cli, tmp_path):
    book = workbook(tmp_path / "f.xlsx", [["indicator", "period", "value"]])
    result = cli("check", PLAN, "--data", book + "#10月")
    assert result.exit_code == 2
    assert "no sheet '10月'" in result.stderr and "1-10月, 说明" in result.stderr


def test_a_file_that_is_not_a_workbook(cli, tmp_path):
    fake = tmp_path / "f.xlsx"
    fake.write_text("indicator,period,value\n", encoding="utf-8")
    result = cli("check", PLAN, "--data", str(fake))
    assert result.exit_code == 2 and "not a readable .xlsx" in result.stderr
    assert "Traceback" not in result.stderr


def test_cells_as_excel_formats_them(plan_file, tmp_path):
    """A rate typed as 6.3% is stored as 0.063; a month typed 2018年10月 becomes a date shown
    with 年 and 月; a tiny amount is a float Python would print in e-notation."""
    from zonekpi.model.periods import Period
    from zonekpi.read.plan import load_plan

    plan = plan_file(
        "id: t\ntitle: 测试\nyear: 2018\nindicators:\n"
        "  - {id: out, name: 产值, unit: 亿元, targets: [{growth: 6%}]}\n"
        "  - {id: tiny, name: 小额, unit: 亿元}\n"
    )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "park", "period", "value", "unit", "measure"])
    sheet.append(["out", "", datetime.datetime(2018, 10, 1), 0.063, "%", "growth"])
    sheet["D2"].number_format = "0.0%"
    sheet.append(["out", "", datetime.datetime(2018, 10, 1), 9, "亿元", ""])
    sheet["C3"].number_format = 'yyyy"年"m"月"'
    sheet.append(["tiny", "", 2018, 0.00005, "亿元", ""])
    path = tmp_path / "f.xlsx"
    book.save(path)
    figures = {(f.indicator, f.period): f for f in load_plan(plan, data=[path]).figures}
    assert figures["out", Period(2018, 1, 10)].growth == Decimal("6.3")  # 6.3%, not 0.063%
    assert figures["out", Period(2018, 10, 10)].value == 9  # October alone, not 1–10月
    assert figures["tiny", Period(2018)].value == Decimal("0.00005")


def test_a_sheet_beginning_below_row_1_and_its_line_numbers(cli, tmp_path):
    """Rows 1–2 never typed in (not in the file at all): the header is row 3, and a problem
    names the row as Excel numbers it, past a gap of rows left out too."""
    book = openpyxl.Workbook()
    sheet = book.active
    for col, text in enumerate(["indicator", "park", "period", "value", "unit"], 1):
        sheet.cell(row=3, column=col, value=text)
    for col, value in enumerate(["high-tech-firms", "", 2018, 96, "家"], 1):
        sheet.cell(row=4, column=col, value=value)
    for col, value in enumerate(["high-tech-firms", "", 2018, 97, "家"], 1):
        sheet.cell(row=9, column=col, value=value)
    path = tmp_path / "f.xlsx"
    book.save(path)
    result = cli("check", PLAN, "--data", str(path))
    assert result.exit_code == 2
    assert f"{path}:9: a second value for high-tech-firms, 2018 (first at line 4)" in result.stderr
