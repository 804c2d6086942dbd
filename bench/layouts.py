"""The 统计月报 layout at scale: reading it against reading the long table of the same figures.

    python bench/layouts.py            # 10,000 series (a minute or so)
    python bench/layouts.py 1000       # fewer

`monthly_report(series)` writes bench/generate.py's plan for `series` indicator × park series
and the same figures three ways: a long table (a row a figure: 1–10月, last year's 1–10月 and the
growth, three rows a series), a 统计月报 CSV (a row a series: 本月, 1-10月累计, 去年同期,
同比增长(%)) and that 统计月报 as an .xlsx workbook. It times `load_plan(plan, data=[file])` in
this process, the best of `repeats` interleaved runs, less the plan read alone, so that what is
compared is the reading of the figures; the workbook is read by openpyxl in read-only mode.
Goals: the CSV 统计月报 within 1.5× the long table's time, the workbook within 5 s. Not part of
`bench/run.py` (which measures whole commands); run it on its own.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import KINDS, PARKS, generate  # noqa: E402

UNITS = {"money": "亿元", "count": "个", "growth": "万元", "stock": "家"}


def _figures(i: int, p: int) -> tuple[int, int, str]:
    """This year's 1–10月, last year's, and the growth they imply (one decimal)."""
    now = 100 + (i * 7 + p * 3) % 170
    before = 90 + (i * 5 + p) % 40
    return now, before, f"{(now / before - 1) * 100:.1f}"


def write_files(series: int, folder: Path) -> tuple[Path, Path, Path, Path]:
    """The plan, the long table, the 统计月报 CSV and its workbook, for `series` series."""
    plan, _ = generate(series, folder)
    indicators = max(series // PARKS, 1)
    long_table = folder / f"long-{series}.csv"
    report = folder / f"report-{series}.csv"
    with long_table.open("w", encoding="utf-8", newline="") as out:
        out.write("indicator,park,period,value,unit,measure\n")
        for i in range(indicators):
            unit = UNITS[KINDS[i % len(KINDS)]]
            for p in range(PARKS):
                now, before, growth = _figures(i, p)
                out.write(f"i{i},p{p},2018-10,{now},{unit},value\n")
                out.write(f"i{i},p{p},2017-10,{before},{unit},value\n")
                out.write(f"i{i},p{p},2018-10,{growth},%,growth\n")
    rows: list[list[object]] = []
    with report.open("w", encoding="utf-8", newline="") as out:
        out.write("2018年1-10月主要指标\n指标,园区,单位,本月,1-10月累计,去年同期,同比增长(%)\n")
        for i in range(indicators):
            unit = UNITS[KINDS[i % len(KINDS)]]
            stock = KINDS[i % len(KINDS)] == "stock"
            for p in range(PARKS):
                now, before, growth = _figures(i, p)
                month = now if stock else now // 10
                out.write(f"i{i},p{p},{unit},{month},{now},{before},{growth}\n")
                rows.append([f"i{i}", f"p{p}", unit, month, now, before, float(growth)])
    book_path = folder / f"report-{series}.xlsx"
    import openpyxl  # type: ignore[import-untyped]

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("1-10月")
    sheet.append(["2018年1-10月主要指标"])
    sheet.append(["指标", "园区", "单位", "本月", "1-10月累计", "去年同期", "同比增长(%)"])
    for row in rows:
        sheet.append(row)
    book.save(book_path)
    return plan, long_table, report, book_path


def _timed(plan: Path, data: list[Path]) -> float:
    from zonekpi.read.plan import load_plan

    t = time.perf_counter()
    loaded = load_plan(plan, data=data)
    took = time.perf_counter() - t
    assert loaded.figures or not data
    return took


def monthly_report(series: int = 10_000, repeats: int = 7) -> dict[str, float]:
    """Seconds to read the long table, the 统计月报 CSV and the 统计月报 workbook of `series`
    series (the plan's own reading taken off), and the ratio of the CSVs'."""
    folder = Path(tempfile.mkdtemp(prefix="zonekpi-layouts-"))
    os.environ.setdefault("ZONEKPI_CACHE", str(folder / "cache"))
    try:
        plan, long_table, report, book = write_files(series, folder)
        best = {"alone": float("inf"), "long": float("inf"), "report": float("inf")}
        book_s = float("inf")
        for n in range(repeats):  # interleaved, best of each: a busy moment hits all alike
            best["alone"] = min(best["alone"], _timed(plan, []))
            best["long"] = min(best["long"], _timed(plan, [long_table]))
            best["report"] = min(best["report"], _timed(plan, [report]))
            if n < max(1, repeats // 2):
                book_s = min(book_s, _timed(plan, [book]))
        alone = best["alone"]
        long_s, report_s, book_s = best["long"] - alone, best["report"] - alone, book_s - alone
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "series": series,
        "plan": alone,
        "long": long_s,
        "report_csv": report_s,
        "ratio": report_s / long_s,
        "report_xlsx": book_s,
    }


def main() -> None:
    series = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    r = monthly_report(series)
    ok_ratio = "✓" if r["ratio"] <= 1.5 else "✗"
    ok_book = "✓" if r["report_xlsx"] <= 5 else "✗"
    print(f"{series:,} series (the plan alone: {r['plan']:.2f} s, taken off each)")
    print(f"  long table CSV:    {r['long']:.2f} s")
    ratio = f"{r['ratio']:.2f}× {ok_ratio}, goal ≤ 1.5×"
    print(f"  统计月报 CSV:      {r['report_csv']:.2f} s  ({ratio})")
    print(f"  统计月报 .xlsx:    {r['report_xlsx']:.2f} s  {ok_book} (goal ≤ 5 s)")


if __name__ == "__main__":
    main()
