"""The seed plans' task ledgers: the 28 "(责任单位: …)" items of 新乡自创区 2018 with their owners,
and every named project of the other documents, each under its sentence from the seed."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from zonekpi.read.plan import load_plan

from .conftest import ROOT
from .test_plans import PLANS, SEEDS

SEED_DIR = ROOT.parent / "shared" / "seeds"
TAG = re.compile(r"\(责任单位:([^)]*)\)")


def seed_text(stem: str) -> str:
    seed = SEED_DIR / SEEDS[stem]
    if not seed.exists():
        pytest.skip("the seed documents are not beside this checkout")
    return seed.read_text(encoding="utf-8")


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_every_task_quotes_its_sentence_from_the_seed(path: Path) -> None:
    text = flat(seed_text(path.stem))
    ledger = load_plan(path).ledger
    assert ledger is not None and ledger.tasks, f"{path.stem} has no tasks"
    for task in ledger.tasks:
        assert task.source, f"{task.id}: no source"
        at = 0
        for part in task.source.split("…"):  # the parts in order, each in the seed
            found = text.find(flat(part), at)
            assert found >= 0, f"{task.id}: {part!r} is not in {SEEDS[path.stem]} (after {at})"
            at = found + len(flat(part))


def test_xinxiang_2018_holds_the_28_responsibility_items() -> None:
    text = seed_text("xinxiang-2018")
    tags = TAG.findall(text)
    assert len(tags) == 28
    ledger = load_plan(ROOT / "plans" / "xinxiang-2018.yaml").ledger
    assert ledger is not None
    quoted = [m for t in ledger.tasks if t.source for m in TAG.findall(t.source)]
    assert len(quoted) == 28 and Counter(quoted) == Counter(tags)
    names = {u.id: {u.name, *u.aliases} for u in ledger.units}
    flat_text = flat(text)
    for task in ledger.tasks:
        assert task.source is not None
        (tag,) = TAG.findall(task.source)
        # the owners are the tag's units, in its order (the first leads)
        written = re.split("[、,]", tag)
        assert len(written) == len(task.owners), task.id
        for name, unit in zip(written, task.owners, strict=True):
            assert name in names[unit], f"{task.id}: {name} is not {unit}"
        # the heading and the tag belong to one item: no other tag between them
        head, *_ = task.source.split("…")
        start = flat_text.index(flat(head))
        end = flat_text.index(flat(f"(责任单位:{tag})"), start)
        assert "(责任单位:" not in flat_text[start:end], task.id
    assert ledger.task("w1-3").tier == "stretch"  # 力争年底前实现"只进一扇门、最多跑一次"
    assert ledger.task("w8-1").due_text == "年内"  # 年内要有明显进展
    assert [m.name for m in ledger.task("w6-1").milestones] == ["注册", "备案", "纳入序列"]


def test_xinxiang_2018_targets_inside_an_item_carry_its_owners() -> None:
    plan = load_plan(ROOT / "plans" / "xinxiang-2018.yaml")
    assert plan.ledger is not None
    owners = plan.ledger.indicator_owners
    assert owners["industry-institutes"] == ("kjj", "gxq", "jkq", "pysfq", "hqq", "myq")
    assert owners["entrepreneurs-trained"] == ("rcb", "kjj", "gxw")  # 市人才办、科技局、工信委
    assert owners["specialized-parks-revenue"] == ("gxw",)


@pytest.mark.parametrize(
    ("stem", "named"),
    [
        # 确保德恩叉车1#厂房、新豪机电、东鼎实业、天鸿医药物流、德源石化等在建项目竣工投产 (5),
        # 力争新乡大数据产业园、沈数机床、长荣线业等项目开工建设 (3), 中航联教、丽晶美能 落户 (2),
        # 大数据交易中心 (1), 4 roads 新开工 and 3 works 开工建设
        ("xinxiang-gxq-2017", 18),
        # 转移中心 进驻, 银隆 ×2, 14个项目 开工, 河洛路, 6 works 开工, 孙旗屯四期, 4 安置房
        ("luoyang-gxq-2018", 16),
        ("jianxi-2022", 4),  # VR电竞乐园 建成投用, 三六零/周山/金鼎 落地
        # 3 新开工项目, 5 companies 落地, and the 4 items of 三、保障措施 (牵头单位: …; 配合单位: …)
        ("xinxiang-gxq-2020", 12),
    ],
)
def test_named_projects_one_task_each(stem: str, named: int) -> None:
    ledger = load_plan(ROOT / "plans" / f"{stem}.yaml").ledger
    assert ledger is not None and len(ledger.tasks) == named


def test_tiers_and_deadlines_follow_the_sentence() -> None:
    ledger = load_plan(ROOT / "plans" / "luoyang-gxq-2018.yaml").ledger
    assert ledger is not None
    for task in ledger.tasks:
        assert task.source is not None
        if "确保" in task.source:
            assert task.tier == "floor", task.id
        elif "力争" in task.source:
            assert task.tier == "stretch", task.id
        else:
            assert task.tier is None, task.id
        half = "上半年" in task.source
        assert task.due == (date(2018, 6, 30) if half else date(2018, 12, 31)), task.id
    gxq2017 = load_plan(ROOT / "plans" / "xinxiang-gxq-2017.yaml").ledger
    assert gxq2017 is not None
    assert [m.name for m in gxq2017.task("deen-forklift-plant-1").milestones] == ["竣工", "投产"]
