"""Tasks and units drafted from a document, worked by hand from real sentences of the five
source documents: a 责任单位 tag gives owners in its order and one unit each; a list of named
projects gives one task each with the sentence's tier and deadline; an event deadline is left
for the reviewer; steps in a row are milestones; a short name is an alias of the full one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from zonekpi.draft.api import draft
from zonekpi.draft.build import draft_text
from zonekpi.draft.units import Units, tag_names
from zonekpi.read.plan import load_plan

PARKS = ("高新区", "经开区", "平原示范区", "红旗区", "牧野区")
HEAD = "新乡自创区2018年建设推进计划\n三、重点工作\n(五)加快培育创新引领型平台\n"


def _draft(body: str, parks: tuple[str, ...] = PARKS):  # type: ignore[no-untyped-def]
    return draft_text(HEAD + body, year=2018, parks=parks)


def _plan(tmp_path: Path, body: str) -> tuple[str, object]:
    doc = tmp_path / "doc.txt"
    doc.write_text(HEAD + body, encoding="utf-8")
    text, _made = draft(doc, year=2018, parks=PARKS)
    out = tmp_path / "plan.yaml"
    out.write_text(text, encoding="utf-8")
    return text, load_plan(out)  # must validate


def test_a_tag_gives_its_owners_in_order_the_lead_first() -> None:
    # the tag of 新乡 2018 (六)1, shortened: 市科技局 leads; 农牧局 and 发改委 take 市 from it;
    # the parks are the plan's parks (their ids); the universities are units of their own
    made = _draft(
        "1.支持重大新型研发机构建设。继续支持河南电池研究院创新发展。"
        "(责任单位:市科技局、农牧局、发改委,高新区、经开区,河南师范大学)\n"
    )
    (task,) = made.tasks
    assert task.name == "支持重大新型研发机构建设"
    assert task.owners == ("kjj", "nmj", "fgw", "gxq", "jkq", "u01")
    assert task.group == "(五)加快培育创新引领型平台"
    assert [(u.id, u.name, u.aliases) for u in made.units] == [
        ("kjj", "市科技局", ("科技局",)),
        ("nmj", "市农牧局", ("农牧局",)),
        ("fgw", "市发改委", ("发改委",)),
        ("u01", "河南师范大学", ()),
    ]
    assert task.tier is None and task.by is None  # no 确保/力争 and no deadline in the item


def test_a_lead_and_a_partner_tag() -> None:
    # 新乡高新区 2020, 三(一): (牵头单位:区人力资源部、科学技术局;配合单位:管委会各部门)
    assert tag_names("牵头单位:区人力资源部、科学技术局;配合单位:管委会各部门") == [
        "区人力资源部",
        "区科学技术局",
        "管委会各部门",
    ]


def test_a_short_name_is_the_full_units_alias() -> None:
    units = Units({"高新区": "gxq"})
    assert units.owners("责任单位:市科技局、财政局") == ("kjj", "czj")
    # a later tag writes 科技局 alone (市商务局、科技局): the same unit, not a new one
    assert units.owners("责任单位:市商务局、科技局,高新区") == ("swj", "kjj", "gxq")
    assert units.resolve("科技局") == "kjj"
    assert units.resolve("市财政局") == "czj" and units.resolve("财政局") == "czj"
    assert [u.id for u in units.units] == ["kjj", "czj", "swj"]


def test_a_named_project_list_is_one_task_each_with_tier_and_deadline() -> None:
    # 新乡高新区 2017 (11), with 上半年 added to show the deadline
    source = "抓在建、促开工、保投产,力争上半年新乡大数据产业园、沈数机床、长荣线业等项目开工建设;"
    made = _draft(source)
    assert [(t.name, t.tier, t.by) for t in made.tasks] == [
        ("新乡大数据产业园项目开工建设", "stretch", "上半年"),
        ("沈数机床项目开工建设", "stretch", "上半年"),
        ("长荣线业项目开工建设", "stretch", "上半年"),
    ]
    assert {t.source for t in made.tasks} == {source}


def test_竣工投产_gives_two_milestones_and_确保_the_floor() -> None:
    made = _draft("确保德恩叉车1#厂房、新豪机电、东鼎实业等在建项目竣工投产。")
    assert [t.name for t in made.tasks] == [
        "德恩叉车1#厂房项目竣工投产",
        "新豪机电项目竣工投产",
        "东鼎实业项目竣工投产",
    ]
    assert {t.tier for t in made.tasks} == {"floor"}
    assert {tuple(m.name for m in t.milestones) for t in made.tasks} == {("竣工", "投产")}


def test_the_verb_before_the_list() -> None:
    # 洛阳高新区 2018: no tier word; a list with 等 is a commitment all the same
    made = _draft("开工建设辛辛路改建、开元西路、新华路跨洛河大桥工程等一批基础设施工程。")
    assert [(t.name, t.tier) for t in made.tasks] == [
        ("辛辛路改建开工建设", None),
        ("开元西路开工建设", None),
        ("新华路跨洛河大桥工程开工建设", None),
    ]


def test_one_project_named_in_the_clause_before() -> None:
    # 洛阳高新区 2018: 确保上半年实现项目进驻 — the project is the one 建设 names before it
    made = _draft(
        "积极推动创业中心与北航科技园合作建设洛阳市军民融合成果转移中心,确保上半年实现项目进驻。"
    )
    (task,) = made.tasks
    assert (task.name, task.tier, task.by) == (
        "洛阳市军民融合成果转移中心实现项目进驻",
        "floor",
        "上半年",
    )


def test_numbers_and_activities_are_not_tasks() -> None:
    made = _draft(
        "确保年内新增注册基金不少于2只。"  # a numeric target, not a task
        "推动洛-布产业园、旅游开发、文物交流等项目快速落地。"  # activities, not named projects
        "争取更多风口产业项目加快落地。"  # no project named
    )
    assert made.tasks == []


def test_an_event_deadline_is_left_for_the_reviewer(tmp_path: Path) -> None:
    # 涧西区 2022: the speech gives no date for the festival, so by: is written as a comment
    text, plan = _plan(
        tmp_path,
        "加快建设5G智能VR电竞未来乐园,确保今年河洛文化旅游节前建成投用,全年新增企业10家以上。",
    )
    ledger = plan.ledger  # type: ignore[attr-defined]
    (task,) = ledger.tasks
    assert task.name == "5G智能VR电竞未来乐园建成投用"
    assert task.tier == "floor" and task.due == date(2018, 12, 31)  # 年底前 until the date is added
    assert (
        "    # by: 河洛文化旅游节  # 待确认: 原文没有给出 河洛文化旅游节 的日期; 在 events: 中加上"
        in text
    )


def test_steps_in_a_row_are_milestones(tmp_path: Path) -> None:
    # 新乡 2018 (六)1: 完成注册,实现备案,力争纳入…序列 — the 力争 is the last step's, not the task's
    text, plan = _plan(
        tmp_path,
        "1.支持重大新型研发机构建设。重点推进新一代移动通信与物联网产业研究院、健康中原研究院等新型研发"
        "机构建设,完成注册,实现备案,力争纳入省重大新型研发机构序列。(责任单位:市科技局、发改委)\n"
        "全年新增孵化器3家以上。\n",
    )
    (task,) = plan.ledger.tasks  # type: ignore[attr-defined]
    assert [m.name for m in task.milestones] == ["注册", "备案", "纳入序列"]
    assert task.tier is None
    assert '      - {name: "纳入序列", note: "力争"}' in text
    assert task.owners == ("kjj", "fgw")


def test_a_target_inside_a_tagged_item_carries_its_owners(tmp_path: Path) -> None:
    # 新乡 2018 (五)1: the item's 新建省级以上研发平台20个 is owned by 市科技局 and 市发改委
    _text, plan = _plan(
        tmp_path,
        "1.推进研发平台建设。依托优势创新单元,整合各类创新资源。全年新建省级以上研发平台20个。"
        "(责任单位:市科技局、发改委)\n"
        "(六)加快建设创新载体\n全年新增孵化器3家以上。\n",
    )
    ledger = plan.ledger  # type: ignore[attr-defined]
    owned = {k: v for k, v in ledger.indicator_owners.items() if v}
    assert list(owned.values()) == [("kjj", "fgw")]  # the 孵化器 target stands outside the item
    (ident,) = owned
    assert "研发平台" in plan.indicator(ident).name  # type: ignore[attr-defined]


def test_a_later_year_is_the_tasks_year(tmp_path: Path) -> None:
    _text, plan = _plan(
        tmp_path, "积极推进大数据交易中心筹建,争取2019年落地。全年新增孵化器3家以上。"
    )
    (task,) = plan.ledger.tasks  # type: ignore[attr-defined]
    assert (task.name, task.tier, task.year, task.due) == (
        "大数据交易中心落地",
        "stretch",
        2019,
        date(2019, 12, 31),
    )


def test_a_name_with_quotes_and_a_hash_stays_text(tmp_path: Path) -> None:
    # quotes, a comment mark and a flow-mapping brace in a name are written as a quoted string
    _text, plan = _plan(
        tmp_path,
        '确保永安机械"十车五系" #1厂房、新豪{机电}等项目竣工投产。全年新增孵化器3家以上。',
    )
    names = [t.name for t in plan.ledger.tasks]  # type: ignore[attr-defined]
    assert names == ['永安机械"十车五系" #1厂房项目竣工投产', "新豪{机电}项目竣工投产"]
