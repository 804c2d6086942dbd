"""The ledger as a workbook, a page and charts: what `tasks -o FILE.xlsx` and `-o FILE.html` hold.

The plan is test_tasks.PLAN; as of 2018-07-01 with the progress below, worked by hand:
- entry (确保, 上半年, kjj leads): no report → 逾期 1 day;
- onestop (力争, 年底前, kjj leads): 推进中 on 06-20 → 按计划推进;
- fund (力争, 6月底前, czj leads): 已完成 on 06-25 → 已完成 on time;
- park (河洛文化旅游节 04-08, gxq leads): 已完成 on 04-10 → 已完成, 2 days late;
- plant (jkq leads, 开工 by 03-31): 开工 done 03-20, 竣工 due 09-30, but no report since
  03-20 (103 days, more than the 30 of --unreported-days) → 未报送.
So kjj leads 2 tasks, 0 done, 1 overdue; czj 1 of 1 done; gxq 1 of 1; jkq 0 of 1;
by state: 逾期 1, 按计划推进 1, 已完成 2, 未报送 1.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from zonekpi import api
from zonekpi.read.plan import load_plan
from zonekpi.view.taskcharts import states_chart, units_chart

from .test_examples import run
from .test_tasks import PLAN, write

PROGRESS = """\
task,milestone,date,status,note
onestop,,2018-06-20,推进中,示例数据
fund,,2018-06-25,已完成,示例数据
park,,2018-04-10,已完成,示例数据
plant,开工,2018-03-20,已完成,示例数据
"""


def files(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path, "plan.yaml", PLAN), write(tmp_path, "progress.csv", PROGRESS)


def test_the_charts_count_by_hand(tmp_path: Path) -> None:
    plan, progress = files(tmp_path)
    rep = api.tasks(load_plan(plan), "2018-07-01", progress=[progress])
    units = units_chart(rep)
    assert units is not None
    bars = {b.label: (b.value, b.status) for b in units.bars}
    assert bars["市科技局"] == (0.0, "overdue")  # 0 of 2 done, entry overdue
    assert bars["市财政局"] == (100.0, "on_track")  # fund done
    assert bars["高新区"] == (100.0, "on_track")  # park done (late, but done)
    assert bars["经开区"] == (0.0, "on_track")  # plant: not done, not overdue
    states = states_chart(rep)
    assert states is not None
    counts = {b.label: b.value for b in states.bars}
    assert counts == {"逾期": 1.0, "按计划推进": 1.0, "已完成": 2.0, "未报送": 1.0}


def test_the_workbook(tmp_path: Path) -> None:
    plan, progress = files(tmp_path)
    out = tmp_path / "ledger.xlsx"
    args = ["tasks", str(plan), "--as-of", "2018-07-01", "-d", str(progress), "-o", str(out)]
    result = run(args)
    assert result.exit_code == 1, result.stderr  # entry is a 确保 task, overdue
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == ["任务台账", "各单位汇总", "说明"]
    ledger = book["任务台账"]
    assert "示例数据" in str(ledger["A1"].value)
    headers = [c.value for c in ledger[2]]
    status = headers.index("状态") + 1
    ids = {ledger.cell(r, 1).value: r for r in range(3, ledger.max_row + 1)}
    fill = {i: ledger.cell(r, status).fill.fgColor.rgb[-6:] for i, r in ids.items() if i}
    assert fill["entry"] == "FFC7CE"  # 逾期: red
    assert fill["fund"] == "C6EFCE" and fill["park"] == "C6EFCE"  # 已完成: green
    by_unit = book["各单位汇总"]
    heads = [c.value for c in by_unit[2]]
    rows = {r[heads.index("单位")].value: r for r in by_unit.iter_rows(min_row=3)}
    assert rows["市科技局"][heads.index("牵头任务")].value == 2  # a number, not text
    assert rows["市科技局"][heads.index("逾期")].value == 1
    notes = [str(c) for row in book["说明"].iter_rows(values_only=True) for c in row if c]
    assert any(v.startswith("截至7月1日, 市科技局牵头的2项任务") for v in notes)  # 督查通报


def test_the_page(tmp_path: Path) -> None:
    plan, progress = files(tmp_path)
    out = tmp_path / "ledger.html"
    args = ["tasks", str(plan), "--as-of", "2018-07-01", "-d", str(progress), "-o", str(out)]
    assert run(args).exit_code == 1
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 2  # by unit, by state
    assert "各牵头单位任务完成情况" in page and "任务状态分布" in page
    assert page.count("示例数据: 本报告所用数字为示例") == 1  # said once, above
    assert "截至7月1日" in page  # the 督查通报
