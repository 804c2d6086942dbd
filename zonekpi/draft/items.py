"""A drafted item: a target with its indicator's name and unit, and what the name says about
the indicator — a stock (总数, 年底…) or a flow (新增, 年内…), a share (占…比重), per capita
(万人…), lower-is-better (失业率), comparable-price growth (生产总值) — with a `# 待确认` note
for what it does not say.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Item, Target

MONEY = ("元", "万元", "亿元", "千元", "百万元", "万亿元", "美元", "万美元", "亿美元")
_STOCK = re.compile(r"总数|总量|存量|累计|总规模|拥有|保有")
_FLOW = re.compile(r"^(?:新|年内|全年|引进|培育|申报|申请|完成|开展|组织|举办|吸引|转化|实施|谋划)")
_SHARE = re.compile(r"占|比重|占比|强度|覆盖率|比例|贡献度|贡献率")
_LOWER = re.compile(r"失业率|能耗|排放|事故|死亡|投诉|发生率|空置率")
_COMPARABLE = re.compile(r"生产总值|GDP|增加值")


def stock(item: Item) -> Item:
    return replace(item, stock=True, doubts=())


def shared(item: Item) -> list[Item]:
    """规模以上工业企业实现总产值、增加值增长8.5%: one target for each name of the list, with
    the subject before 实现 (or 的) put in front of each."""
    names = item.name.split("、")
    if (
        len(names) < 2
        or item.target.kind not in ("growth", "increase")
        or any(len(n) > 12 for n in names[1:])
    ):
        return [item]
    head = re.match(r"^(?P<subject>.+?)(?:实现|的)(?P<first>.+)$", names[0])
    subject, first = (head["subject"], head["first"]) if head else ("", names[0])
    return [replace(item, name=subject + n) for n in [first, *names[1:]]]


def make_item(name: str, unit: str, target: Target, group: str, part: str) -> Item:
    doubts: list[str] = []
    stock: bool | None = None
    if _STOCK.search(name) or (target.by == "年底前" and unit not in (*MONEY, "%", "是否")):
        stock = True
    elif _FLOW.match(name) or target.kind in ("growth", "increase") or unit in MONEY:
        stock = False
    elif unit not in ("%",) and target.kind not in ("achieved", "coverage"):
        doubts.append("存量还是流量原文没说: 年底时点数写 stock: true")
    share = bool(_SHARE.search(name)) and (unit == "%" or target.kind in ("growth",))
    if share:
        doubts.append("占比: 若两个数都上报, 加 share: {numerator: …, denominator: …}")
    per_capita = name.startswith(("万人", "人均", "每万人"))
    if per_capita:
        doubts.append(
            "人均/万人指标: 若人口也上报, 加 per_capita: {value: …, population: …, per: …}"
        )
    if unit == "?":
        doubts.append("增长率的指标单位原文没有写, 按 亿元 起草")
        unit = "亿元" if not re.search(r"企业|项目|专利|人才|合同备案", name) else "项"
    lower = bool(_LOWER.search(name))
    return Item(
        name=name,
        unit=unit,
        target=target,
        stock=stock,
        share=share,
        per_capita=per_capita,
        lower=lower,
        comparable=bool(_COMPARABLE.search(name)) and target.kind == "growth",
        group=group,
        doubts=tuple(doubts),
    )
