"""Sentence forms beyond one quantity in one clause: distributive lists (分别), per-park
minimums (各园区至少…), coverage over the parks ("一区四园"都要…, 实现…全覆盖), allocations
over named parks (9个研究院, 即: 高新区的…, 经开区的…), and things to be done (建成投产,
竣工通车, 实现…进驻: `achieved: 是`) where a tier word or a deadline makes them targets.

Each function takes a sentence and returns items, and the offsets of the quantities it used so
that `forms` does not read them again.
"""

from __future__ import annotations

import re

from . import forms as f
from .clause import clean, deadline, tier_at, year_at
from .items import make_item
from .mentions import UNITS, mentions
from .model import Item, Target, Value
from .sentences import Sentence, clauses

_NUM = r"\d+(?:\.\d+)?"
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_DISTRIBUTIVE = re.compile(
    rf"(?P<names>[^,;:。]+?)分别(?P<cmp>不少于|不低于|达到|达|超过|突破|为|增长|提高)?"
    rf"(?P<vals>{_NUM}\s*(?:{_UNIT})?(?:\s*(?:、|和|及|与)\s*{_NUM}\s*(?:{_UNIT})?)+)"
)
_VALUE = re.compile(rf"(?P<n>{_NUM})\s*(?P<u>{_UNIT})?")
_PER_PARK = re.compile(
    rf"各(?:园区|园|片区|县区|功能区)(?:都|均)?(?:至少|不少于)(?:要)?(?P<verb>[^\d,;。]{{0,8}}?)"
    rf"(?P<n>{_NUM})\s*(?P<u>{_UNIT})(?P<noun>[^,;。]+)"
)
_ZONE = r"[\"“]?一区[一二三四五六七八九十多]园[\"”]?"
_ALL_PARKS = re.compile(rf"{_ZONE}(?:都要|均要|都|均|要(?=启动|及时跟进))(?P<what>[^;。]*)")
_FULL = re.compile(r"(?:实现|推进)(?P<what>[^,;。]{2,40}?)全覆盖")
_ALLOCATION = re.compile(r"(?P<n>\d+)个(?P<noun>[^,;。:]{2,16}?),即:(?P<list>[^。]+)")
_DONE = re.compile(
    r"建成投产|建成投用|建成运营|竣工投产|竣工通车|竣工验收|投入使用|投入运营|开工建设|落地|落户|"
    r"进驻|建成|竣工|投产|挂牌|完成[^,;。]{2,20}(?:建设|工程)|互联互通|服务目标"
)
_VAGUE = re.compile(r"加快|更多|尽快|早日|如期|^确保项目")
_TIERED = re.compile(r"确保|力争|争取")
_WITHIN = re.compile(r"年内|今年")
_SPAN = re.compile(r"[^,;。]*")


def distributive(s: Sentence, drafter: f.Drafter) -> tuple[list[Item], set[int]]:
    """新增20亿元企业、10亿元企业、亿元企业分别不少于1家、1家和7家: one target each."""
    items: list[Item] = []
    used: set[int] = set()
    for m in _DISTRIBUTIVE.finditer(s.text):
        names = [n for n in re.split(r"、|和|及|与", m["names"]) if n.strip()]
        values = list(_VALUE.finditer(m["vals"]))
        if len(names) != len(values):
            continue
        unit = next((UNITS[v["u"]] for v in reversed(values) if v["u"]), None)
        if unit is None:
            continue
        verb = re.match(r"^(?:新增|新建|引进|培育|新培育|新引进)", clean(names[0]))
        kind = {"超过": "more_than", "突破": "more_than", "增长": "growth", "提高": "increase"}
        what = kind.get(m["cmp"] or "", "at_least")
        for name, v in zip(names, values, strict=True):
            name = clean(name)
            if verb and not name.startswith(verb[0]):
                name = verb[0] + name
            u = UNITS[v["u"]] if v["u"] else unit
            pos = m.start("vals") + v.start()
            target = Target(
                what,
                (Value(v["n"], u),),
                tier_at(s.text, pos),
                _year(drafter, s, pos),
                deadline(s.text),
                source=s.text,
            )
            items.append(make_item(name, "亿元" if what == "growth" else u, target, s.group, ""))
        used |= {m.start("vals") + v.start() for v in values}
        used |= {m.start("names") + x.start for x in mentions(m["names"])}
    return items, used


def _year(drafter: f.Drafter, s: Sentence, pos: int) -> int | None:
    year = year_at(s.text, pos, drafter.year)
    return None if year == drafter.year else year


def per_park(s: Sentence, drafter: f.Drafter) -> tuple[list[Item], set[int]]:
    items: list[Item] = []
    used: set[int] = set()
    for m in _PER_PARK.finditer(s.text):
        unit = UNITS[m["u"]]
        target = Target(
            "per_park",
            (Value(m["n"], unit),),
            tier_at(s.text, m.start("n")),
            _year(drafter, s, m.start()),
            deadline(s.text),
            source=s.text,
        )
        name = clean(m["noun"])
        items.append(make_item(name, unit, target, s.group, ""))
        used.add(m.start("n"))
    return items, used


def coverage(s: Sentence, drafter: f.Drafter) -> list[Item]:
    """ "一区四园"都要建立…: every park; 实现…全覆盖: every park, or 100% of a population of
    firms (高新技术企业知识产权贯标全覆盖 is a share, not parks)."""
    items: list[Item] = []
    for m in _ALL_PARKS.finditer(s.text):
        what = re.sub(r"^(?:及时跟进)?[,]?", "", m["what"])
        what = _SPAN.match(what)[0] if _SPAN.match(what) else what  # type: ignore[index]
        if mentions(what) or not drafter.parks or not what.strip():
            continue
        name = clean(re.sub(r"^(?:要|全面|启动各自的|各自的)", "", what))
        name = re.sub(r"工作$", "", name)
        target = Target("coverage", (), tier_at(s.text, m.start()), None, None, source=s.text)
        items.append(make_item(name, "是否", target, s.group, ""))
    for m in _FULL.finditer(s.text):
        what = clean(m["what"])
        if "企业" in what:
            target = Target(
                "at_least",
                (Value("100", "%"),),
                tier_at(s.text, m.start()),
                None,
                None,
                source=s.text,
            )
            items.append(make_item(what + "覆盖率", "%", target, s.group, ""))
        elif drafter.parks and not any(i.name in what for i in items):
            what = re.sub(_ZONE, "", what)
            target = Target("coverage", (), tier_at(s.text, m.start()), None, None, source=s.text)
            items.append(make_item(what, "是否", target, s.group, ""))
    return items


def allocation(s: Sentence, drafter: f.Drafter) -> tuple[list[Item], set[int]]:
    """N个X,即:高新区的a、b,经开区的c…: how many of X each named park has, when they add
    up to N."""
    m = _ALLOCATION.search(s.text)
    if m is None or not drafter.parks:
        return [], set()
    shares: list[tuple[str, Value]] = []
    for piece in re.split(r"[,;]", m["list"]):
        park = next((p for p in drafter.parks if piece.startswith(p + "的")), None)
        if park is None:
            continue
        count = len([x for x in piece[len(park) + 1 :].split("、") if x.strip()])
        shares.append((park, Value(str(count), "个")))
    if sum(int(v.number) for _, v in shares) != int(m["n"]):
        return [], set()
    target = Target(
        "allocation",
        (),
        tier_at(s.text, m.start()),
        None,
        None,
        shares=tuple(shares),
        source=s.text,
    )
    return [make_item(clean(m["noun"]), "个", target, s.group, "")], set()


def _outside_quotes(clause: str) -> list[str]:
    """A clause cut at 、 outside quotation marks (“只进一扇门、最多跑一次” is one thing)."""
    pieces, start, depth = [], 0, 0
    for at, c in enumerate(clause):
        depth += 1 if c == "“" else -1 if c == "”" and depth else 0
        if c == "、" and depth == 0:
            pieces.append(clause[start:at])
            start = at + 1
    return [*pieces, clause[start:]]


def achieved(s: Sentence, drafter: f.Drafter) -> list[Item]:
    """确保…建成投产, 力争上半年竣工通车, 年内完成…建设: a thing to be done, when a tier word, a
    deadline or a year governs it and its clause has no quantity."""
    items: list[Item] = []
    previous = ""
    for at, clause in clauses(s.text):
        done = _DONE.search(clause)
        governs = (
            _TIERED.search(s.text, s.text.rfind(";", 0, at) + 1, at + len(clause))
            or _WITHIN.search(s.text, 0, at + len(clause))
            or deadline(clause)
        )
        year = year_at(s.text, at + len(clause), drafter.year)
        if done is None or governs is None or (year is not None and year != drafter.year):
            previous = clause
            continue
        if mentions(clause) or _VAGUE.search(clause):
            previous = clause
            continue
        pieces = [clause] if "等" in clause else _outside_quotes(clause)
        pieces = [p for p in pieces if "过半" not in p]
        for piece in pieces:
            if not _DONE.search(piece) and len(pieces) > 1:
                piece = piece + _DONE.search(clause)[0]  # type: ignore[index]
            name = clean(re.sub(r"上半年|年底前|年内|\d{4}年", "", piece))
            if len(name) < 6 or name.startswith("实现"):
                name = clean(previous) + name
            target = Target(
                "achieved",
                (),
                tier_at(s.text, at + len(clause)),
                None,
                deadline(clause),
                source=s.text,
            )
            items.append(make_item(name, "是否", target, s.group, ""))
        previous = clause
    return items
