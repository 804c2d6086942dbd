"""The task ledger (重点工作台账): deadlines, states as of a day, owners, progress files, exit.

Every expected value is worked out by hand from the dates in the test: 上半年 ends on 6月30日,
so on 7月1日 a task not done is 1 day overdue; done on 7月5日 it is done 5 days late.
"""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from zonekpi import api
from zonekpi.core.tasks import task_state
from zonekpi.errors import InvalidInput
from zonekpi.exits import ExitCode, exit_code
from zonekpi.model.tasks import Milestone, Progress, Task
from zonekpi.read.plan import load_plan

from .conftest import ROOT
from .test_examples import run

PLAN = """\
id: t-2018
title: 测试区2018年重点工作
year: 2018
parks:
  - {id: gxq, name: 高新区, role: core}
  - {id: jkq, name: 经开区, role: radiating}
units:
  - {id: kjj, name: 市科技局, aliases: [科技局]}
  - {id: czj, name: 市财政局, aliases: [财政局]}
events:
  - {name: 河洛文化旅游节, date: 2018-04-08}
indicators:
  - id: firms
    name: 高新技术企业
    unit: 家
    owners: [科技局]
    targets:
      - {at_least: 95 家}
  - id: rd
    name: 研发投入
    unit: 亿元
    targets:
      - {at_least: 10 亿元, owners: [czj, gxq]}
tasks:
  - {id: entry, name: 项目进驻, by: 上半年, owners: [kjj], tier: floor}
  - {id: onestop, name: 只进一扇门, by: 年底前, owners: [kjj, czj], tier: stretch}
  - {id: fund, name: 成果转化基金, by: 6月底前, owners: [czj], tier: stretch}
  - {id: park, name: 乐园, by: 河洛文化旅游节, owners: [gxq, kjj]}
  - id: plant
    name: 厂房
    owners: [jkq]
    milestones:
      - {name: 开工, by: 3月底前}
      - {name: 竣工, by: 9月底前}
      - {name: 投产}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return write(tmp_path, "plan.yaml", PLAN)


def report(plan: Path, as_of: str, progress: str | None = None, **kw):
    files = []
    if progress is not None:
        files.append(write(plan.parent, "progress.csv", progress))
    return api.tasks(load_plan(plan), as_of, progress=files, **kw)


def state(rep, task_id: str):
    return next(s for s in rep.states if s.task.id == task_id)


# ---------------------------------------------------------------------------- reading the plan


def test_deadlines_are_read_by_the_plans_deadline_reader(plan: Path) -> None:
    ledger = load_plan(plan).ledger
    assert ledger is not None
    due = {t.id: (t.due, t.due_text) for t in ledger.tasks}
    assert due["entry"] == (date(2018, 6, 30), "上半年")
    assert due["fund"] == (date(2018, 6, 30), "6月底前")
    assert due["park"] == (date(2018, 4, 8), "河洛文化旅游节")  # the event's date
    assert due["plant"] == (date(2018, 12, 31), "年底前")  # none given: 年底前
    plant = ledger.task("plant")
    assert [(m.name, m.due) for m in plant.milestones] == [
        ("开工", date(2018, 3, 31)),
        ("竣工", date(2018, 9, 30)),
        ("投产", None),
    ]


def test_owners_by_id_name_or_alias_lead_first(plan: Path) -> None:
    ledger = load_plan(plan).ledger
    assert ledger is not None
    assert ledger.task("park").owners == ("gxq", "kjj")  # a park is a unit
    assert ledger.task("park").lead == "gxq"
    firms, rd = load_plan(plan).indicators
    assert ledger.owners_of("firms", firms.targets[0].loc) == ("kjj",)  # the indicator's
    assert ledger.owners_of("rd", rd.targets[0].loc) == ("czj", "gxq")  # the target's own


def test_a_lead_goes_first(tmp_path: Path) -> None:
    text = PLAN.replace("owners: [kjj, czj], tier: stretch}", "owners: [kjj, czj], lead: 财政局}")
    ledger = load_plan(write(tmp_path, "p.yaml", text)).ledger
    assert ledger is not None and ledger.task("onestop").owners == ("czj", "kjj")


# ---------------------------------------------------------------------------- states, by hand


def test_half_year_task_without_done_row_is_one_day_overdue_on_1_july(plan: Path) -> None:
    s = state(report(plan, "2018-07-01"), "entry")
    assert (s.state, s.days_overdue) == ("overdue", 1)  # 6月30日 → 7月1日
    s = state(report(plan, "2018-06-30"), "entry")
    assert s.state == "due_soon" and s.days_left == 0  # the deadline day itself is not late


def test_a_task_done_5_days_late(plan: Path) -> None:
    rows = "task,date,status\nentry,2018-06-20,推进中\nentry,2018-07-05,已完成\n"
    s = state(report(plan, "2018-07-31", rows), "entry")
    assert (s.state, s.days_late, s.done_on) == ("done", 5, date(2018, 7, 5))
    from zonekpi.view.tasks import detail, state_words

    assert f"{state_words()[s.state]} ({detail(s)})" == "已完成 (逾期5天)"
    on_time = state(
        report(plan, "2018-07-31", "task,date,status\nentry,2018-06-30,已完成\n"), "entry"
    )
    assert (on_time.state, on_time.days_late) == ("done", 0)


def test_later_rows_update_earlier_ones_and_the_history_stays(plan: Path) -> None:
    rows = (
        "任务,日期,状态,完成比例,备注\n"
        "fund,2018-05-01,已完成,100%,误报\n"
        "fund,2018-05-10,推进中,60%,更正: 尚在推进\n"
        "fund,2018-06-01,已完成,,\n"
        "fund,2018-06-15,已完成,,再次确认\n"
    )
    s = state(report(plan, "2018-07-01", rows), "fund")
    assert s.state == "done" and s.done_on == date(2018, 6, 1)  # the first of the last run
    assert len(s.history) == 4 and s.last is not None and s.last.note == "再次确认"
    assert s.percent == 60  # the latest percent given
    before = state(report(plan, "2018-05-20", rows), "fund")  # as of 5月20日: the correction
    assert before.state == "on_track"  # 41 days left; reported 10 days before
    assert (
        len(before.history) == 2 and before.last is not None and before.last.status == "in_progress"
    )


def test_reports_after_the_day_are_not_seen(plan: Path) -> None:
    rows = "task,date,status\nentry,2018-07-05,已完成\n"
    s = state(report(plan, "2018-07-01", rows), "entry")
    assert s.state == "overdue" and s.history == ()


def test_due_soon_unreported_and_on_track(plan: Path) -> None:
    # 成果转化基金 due 6月30日: on 6月20日 10 days left, within 15
    s = state(report(plan, "2018-06-20"), "fund")
    assert (s.state, s.days_left) == ("due_soon", 10)
    s = state(report(plan, "2018-06-20", soon=5), "fund")
    assert (s.state, s.days_left) == ("unreported", 10)  # nothing reported in 30 days
    rows = "task,date,status\nfund,2018-05-22,推进中\n"  # 29 days before 6月20日
    s = state(report(plan, "2018-06-20", rows, soon=5), "fund")
    assert s.state == "on_track"
    rows = "task,date,status\nfund,2018-05-21,推进中\n"  # 30 days before: outside the period
    assert state(report(plan, "2018-06-20", rows, soon=5), "fund").state == "unreported"


def test_milestones_order_and_the_stage_a_task_stands_at(plan: Path) -> None:
    # 开工 due 3月31日, not reported done: on 4月10日 the task is 10 days overdue on 开工
    s = state(report(plan, "2018-04-10"), "plant")
    assert s.state == "overdue" and s.days_overdue == 10
    assert s.milestone_due is not None and s.milestone_due.name == "开工"
    rows = (
        "task,milestone,date,status\nplant,开工,2018-03-20,已完成\nplant,竣工,2018-04-01,推进中\n"
    )
    s = state(report(plan, "2018-04-10", rows), "plant")
    assert s.reached is not None and s.reached.name == "开工"
    assert s.milestone_due is not None and s.milestone_due.name == "竣工"
    assert s.state == "on_track" and s.days_left == 173  # 4月10日 → 9月30日: 20+31+30+31+31+30
    rows += "plant,竣工,2018-09-01,已完成\nplant,投产,2018-11-02,已完成\n"
    s = state(report(plan, "2018-12-01", rows), "plant")
    assert (s.state, s.done_on, s.days_late) == ("done", date(2018, 11, 2), 0)  # all steps done


def test_cancelled(plan: Path) -> None:
    s = state(
        report(plan, "2018-12-31", "task,date,status\nonestop,2018-03-01,已取消\n"), "onestop"
    )
    assert s.state == "cancelled"


def test_task_state_directly() -> None:
    t = Task("x", "X", date(2018, 6, 30), "上半年", milestones=(Milestone("开工"),))
    done = Progress("x", date(2018, 6, 1), "done")
    assert task_state(t, [done], date(2018, 7, 1)).state == "done"


# ---------------------------------------------------------------------------- owners


def test_the_owner_summary_counts_exactly(plan: Path) -> None:
    rows = (
        "task,milestone,date,status\n"
        "entry,,2018-07-05,已完成\n"  # kjj leads: done 5 days late
        "onestop,,2018-08-20,推进中\n"  # kjj leads: on track (reported 11 days ago)
        "park,,2018-04-01,已完成\n"  # gxq leads (kjj shares): done on time
        "plant,开工,2018-03-25,已完成\n"  # jkq leads: 竣工 due 9月30日
    )
    rep = report(plan, "2018-08-31", rows)
    # fund (czj, 6月30日) is 62 days overdue; plant's 竣工 is due in 30 days: unreported
    states = {s.task.id: s.state for s in rep.states}
    assert states == {
        "entry": "done",
        "onestop": "on_track",
        "fund": "overdue",
        "park": "done",
        "plant": "unreported",
    }
    by_unit = {o.unit: o for o in rep.owners}
    assert list(by_unit) == ["gxq", "jkq", "kjj", "czj"]  # parks first, then units, as declared
    kjj = by_unit["kjj"]
    assert (len(kjj.led), kjj.count("done"), kjj.count("on_track"), kjj.count("overdue")) == (
        2,
        1,
        1,
        0,
    )
    assert len(kjj.shared) == 1  # 乐园
    czj = by_unit["czj"]
    assert (len(czj.led), czj.count("overdue"), len(czj.shared)) == (1, 1, 1)
    assert (len(by_unit["gxq"].led), by_unit["gxq"].count("done")) == (1, 1)
    assert by_unit["jkq"].count("unreported") == 1
    from zonekpi.view.tasks import bulletin

    lines = bulletin(rep)
    assert lines[0] == (
        "截至8月31日, 共5项任务: 已完成2项 (其中逾期完成1项), 按计划推进1项, 即将到期0项, "
        "逾期1项, 未报送1项, 已取消0项。"
    )
    assert "截至8月31日, 市科技局牵头的2项任务已完成1项, 无逾期。" in lines
    assert (
        "截至8月31日, 市财政局牵头的1项任务已完成0项, 逾期1项: 成果转化基金 (逾期62天)。" in lines
    )


def test_owner_filter_by_name_or_alias(plan: Path) -> None:
    rep = report(plan, "2018-08-31", owner="科技局")
    assert rep.owner == "kjj"
    assert [s.task.id for s in rep.states] == ["entry", "onestop", "park"]  # led or shared


# ---------------------------------------------------------------------------- exit status


def test_a_stretch_task_overdue_does_not_fail_a_floor_one_does(plan: Path) -> None:
    # 6月底前 fund is 力争; 上半年 entry is 确保. On 7月1日 both are overdue. 乐园 is done and
    # 厂房 has started (开工), so that nothing else untiered is overdue.
    others = "park,,2018-04-01,已完成\nplant,开工,2018-03-20,已完成\n"
    done_entry = f"task,milestone,date,status\nentry,,2018-06-29,已完成\n{others}"
    rep = report(plan, "2018-07-01", done_entry)
    assert state(rep, "fund").state == "overdue" and not state(rep, "fund").failing
    assert exit_code(rep) == ExitCode.OK
    rep = report(plan, "2018-07-01", f"task,milestone,date,status\n{others}")
    assert state(rep, "entry").failing
    assert exit_code(rep) == ExitCode.MISSED
    assert exit_code(rep, "never") == ExitCode.OK


def test_fail_on_due_soon(plan: Path) -> None:
    rows = (
        "task,milestone,date,status\nentry,,2018-06-01,推进中\npark,,2018-04-01,已完成\n"
        "plant,开工,2018-03-20,已完成\n"
    )
    rep = report(plan, "2018-06-20", rows)
    assert state(rep, "entry").state == "due_soon"
    assert exit_code(rep) == ExitCode.OK
    assert exit_code(rep, "due-soon") == ExitCode.MISSED


def test_cli_exit_statuses(plan: Path) -> None:
    result = run(["tasks", str(plan), "--as-of", "2018-07-01"])
    assert result.exit_code == 1, result.output
    result = run(["tasks", str(plan), "--as-of", "2018-03-01"])
    assert result.exit_code == 0, result.output
    result = run(["tasks", str(plan), "--as-of", "2018-07-01", "--fail-on", "never"])
    assert result.exit_code == 0
    result = run(["tasks", str(plan), "--as-of", "2018-13-01"])
    assert result.exit_code == 2 and "2018-13-01" in result.stderr


# ---------------------------------------------------------------------------- formats


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "csv", "tsv", "json", "text"])
def test_every_format(plan: Path, fmt: str) -> None:
    for by in ([], ["--by", "owner"], ["--by", "park"], ["--by", "status"]):
        result = run(["tasks", str(plan), "--as-of", "2018-07-01", "-f", fmt, *by])
        assert result.exit_code == 1, result.output
        assert "项目进驻" in result.stdout


def test_json_follows_its_schema(plan: Path) -> None:
    rows = write(plan.parent, "p.csv", "task,date,status,percent\nentry,2018-07-05,已完成,100\n")
    result = run(["tasks", str(plan), "--as-of", "2018-08-01", "-d", str(rows), "-f", "json"])
    doc = json.loads(result.stdout)
    schema = json.loads((ROOT / "schemas" / "tasks.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    entry = next(t for t in doc["tasks"] if t["id"] == "entry")
    assert (entry["status"], entry["days_late"], entry["percent"]) == ("done", 5, 100)
    assert doc["summary"]["tasks"] == 5
    assert run(["schema", "--tasks"]).stdout.strip().startswith("{")


def test_csv_keeps_codes_and_numbers(plan: Path) -> None:
    result = run(["tasks", str(plan), "--as-of", "2018-07-01", "-f", "csv", "--lang", "en"])
    header, *rows = result.stdout.splitlines()
    cols = header.split(",")
    entry = dict(zip(cols, rows[0].split(","), strict=True))
    assert (entry["status"], entry["days_overdue"], entry["tier"]) == ("overdue", "1", "floor")


def test_english_bulletin(plan: Path) -> None:
    result = run(["tasks", str(plan), "--as-of", "2018-07-01", "-f", "text", "--lang", "en"])
    assert "As of 1 July, of the 1 tasks led by 市财政局, 0 are done, 1 overdue" in result.stdout


# ---------------------------------------------------------------------------- validation


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(InvalidInput) as exc:
        load_plan(write(tmp_path, "bad.yaml", text))
    return [str(p) for p in exc.value.problems]


def test_unknown_owner_with_did_you_mean(tmp_path: Path) -> None:
    lines = problems(tmp_path, PLAN.replace("owners: [czj], tier", "owners: [czk], tier"))
    assert len(lines) == 1
    assert "unknown unit 'czk'" in lines[0] and "did you mean 'czj'?" in lines[0]
    assert lines[0].startswith(f"{tmp_path / 'bad.yaml'}:27:")  # the fund task's line


def test_deadline_outside_the_plans_year_unless_a_later_year_is_stated(tmp_path: Path) -> None:
    later = PLAN.replace("by: 年底前, owners: [kjj, czj]", "by: 2019-06-30, owners: [kjj, czj]")
    lines = problems(tmp_path, later)
    assert len(lines) == 1 and "(2019-06-30) is not in 2018" in lines[0]
    assert "write year: 2019 on the task" in lines[0]
    stated = later.replace("by: 2019-06-30,", "by: 2019-06-30, year: 2019,")
    ledger = load_plan(write(tmp_path, "ok.yaml", stated)).ledger
    assert ledger is not None and ledger.task("onestop").due == date(2019, 6, 30)


def test_a_milestone_dated_before_the_previous_one(tmp_path: Path) -> None:
    lines = problems(
        tmp_path, PLAN.replace("{name: 竣工, by: 9月底前}", "{name: 竣工, by: 2月底前}")
    )
    assert len(lines) == 1
    assert "the milestone '竣工' is due 2018-02-28, before '开工' (2018-03-31)" in lines[0]


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        (
            "task,date,status\nentyr,2018-06-01,推进中\n",
            "unknown task 'entyr'; did you mean 'entry'?",
        ),
        (
            "task,milestone,date,status\nplant,竣公,2018-06-01,推进中\n",
            "task 'plant' has no milestone '竣公' (its milestones: 开工, 竣工, 投产); "
            "did you mean '竣工'?",
        ),
        (
            "task,date,status\nentry,2018-06-01,进行中\n",
            "unknown status '进行中': write 未启动, 推进中, 已完成 or 已取消; "
            "did you mean '推进中'?",
        ),
        ("task,date,status\nentry,2018-06,推进中\n", "a report's date is a day"),
    ],
)
def test_bad_progress_rows(plan: Path, rows: str, said: str) -> None:
    path = write(plan.parent, "bad.csv", rows)
    with pytest.raises(InvalidInput) as exc:
        api.tasks(load_plan(plan), "2018-07-01", progress=[path])
    (line,) = [str(p) for p in exc.value.problems]
    assert line.startswith(f"{path}:2") and said in line


def test_tasks_by_name_in_progress_files(plan: Path) -> None:
    s = state(report(plan, "2018-07-10", "任务,日期,状态\n项目进驻,2018-07-05,已完成\n"), "entry")
    assert (s.state, s.days_late) == ("done", 5)


# ---------------------------------------------------------------------------- check --by owner


def test_check_by_owner_groups_targets_by_their_owners(plan: Path) -> None:
    figures = write(plan.parent, "f.csv", "indicator,park,period,value\nfirms,,2018,96 家\n")
    result = run(["check", str(plan), "--data", str(figures), "--by", "owner", "-f", "csv"])
    assert result.exit_code == 0, result.output  # rd has no figure: no data, not missed
    header, *rows = result.stdout.splitlines()
    cols = header.split(",")
    got = [
        (r["owner"], r["indicator"], r["status"])
        for r in (dict(zip(cols, x.split(","), strict=True)) for x in rows)
    ]
    # firms: its indicator's owner (科技局 → kjj); rd: the target's own, 财政局 and 高新区
    assert got == [("gxq", "rd", "no_data"), ("kjj", "firms", "met"), ("czj", "rd", "no_data")]
    plain = run(["check", str(plan), "--data", str(figures), "--by", "owner", "-f", "plain"])
    assert "市科技局: 达标1项" in plain.stdout
    both = run(["check", str(plan), "--by", "park", "--park", "gxq"])
    assert both.exit_code == 2


def test_a_progress_workbook_with_date_and_percent_cells(plan: Path) -> None:
    from datetime import datetime

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "10月"
    sheet.append(["任务", "日期", "状态", "完成比例", "备注"])
    sheet.append(["entry", datetime(2018, 7, 5), "已完成", 1, "示例"])
    sheet["D2"].number_format = "0%"
    path = plan.parent / "progress.xlsx"
    book.save(path)
    rep = api.tasks(load_plan(plan), "2018-07-31", progress=[f"{path}#10月"])
    s = state(rep, "entry")
    assert (s.state, s.days_late, s.percent) == ("done", 5, 100)


def test_usage_errors(plan: Path) -> None:
    text = "id: b\ntitle: B\nyear: 2018\nindicators:\n  - {id: firms, name: 企业, unit: 家}\n"
    result = run(["tasks", str(write(plan.parent, "bare.yaml", text)), "--as-of", "2018-06-30"])
    assert result.exit_code == 2 and "has no tasks: write them under tasks:" in result.stderr
    result = run(["tasks", str(plan), "--as-of", "2018-06-30", "--owner", "科技厅"])
    assert result.exit_code == 2 and "did you mean '科技局'?" in result.stderr
    result = run(["tasks", str(plan), "--as-of", "2018-06-30", "-f", "xlsx"])
    assert result.stdout_bytes.startswith(b"PK")  # a workbook (a zip) to a pipe, not text
