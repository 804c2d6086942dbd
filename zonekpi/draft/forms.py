"""The sentence forms of numeric targets: a clause's quantities read as targets.

For each quantity of a clause (`mentions`): the comparator before or after it gives the kind
(达到/不少于/以上 at_least, 突破/超过 more_than, 控制在…以内 at_most, 左右 about, 3-4家 between,
增长8% growth, 提高6.4个百分点 increase); the nearest 确保/力争/争取 before it in the sentence
the tier; a year word before it the year (今年, 明年, 后年, 到2025年, "十四五"末); a deadline in
its clause `by:` (上半年, 年底前); the words before it (or, after a bare verb, the noun after
it) the indicator's name. A clause with no name of its own continues the one before it: a path
(今年30亿元, 明年55亿元, 后年100亿元), or 其中工业投资15% after a growth.

Not targets: a quantity that is part of a name (50亿元以上项目, 超100亿元的企业), the size of
something named (总投资110亿元的…: context), a count of a list (等4个…), an approximate figure
(接近700亿元), and what an earlier year achieved (a figure of that year).
"""

from __future__ import annotations

import re

from . import words as w
from .clause import clean, deadline, kind_of, noun_after, tier_at, value_of, year_at
from .items import MONEY, make_item, shared, stock
from .mentions import Mention, mentions
from .model import Context, Figure, Item, Reading, Target, Value
from .sentences import Sentence, clauses

_NAME_OF = re.compile(r"(?:总投资|总规模|投资|规模|计划总投资|注册资本)$")
_LIST_COUNT = re.compile(r"等$")
_WHEN = re.compile(r"年内|全年|今年|年底|到\d{4}年")
_TARGET_VERB = re.compile(
    r"^(?:新开工建设|新开工|新建|新增|新培育|新引进|新组建|新备案|成立|建成|完成|引进培育|引进|培育|"
    r"组织|开展|申报|申请|吸引|举办|转化|谋划实施|创造|评选|培养评选|签约|招引|建设)"
)
_QUOTED_COUNT = re.compile(r"[“\"][^”\"]*、[^”\"]*[”\"]\d+\S?$")
_VERB_END = re.compile(r"(?:建设|新增|新建|完成|引进|培育|创造|组建|打造|实施|建立|开展|吸引)$")
_DOUBLE = re.compile(r"^\d+个\d+%")
_QUANTITIES = re.compile(r"\d+(?:\.\d+)?(?:个|家|户|套|名|件|项|条|座|万元|亿元|平方米|亩|人|%)$")
_ASPECT = {"万平方米": "面积", "平方米": "面积", "亩": "面积", "亿元": "金额", "万元": "金额"}
_FROM_TO = re.compile(r"从[^从]*$")
_HALF = re.compile(r"(?P<name>[^,;。、]+?)过半")
_SPLIT_LIST = re.compile(r"、")


class Drafter:
    """Reads the sentences of one document; `read` returns what one sentence drafted."""

    def __init__(self, year: int, parks: tuple[str, ...]) -> None:
        self.year = year
        self.parks = parks

    def read(self, s: Sentence, taken: set[int] | None = None) -> Reading:
        reading = Reading(s.text, s.line)
        taken = taken if taken is not None else set()
        found: list[Item] = []
        previous = ""
        for at, clause in clauses(s.text):
            for sub_at, part in _parts(clause):
                for m in mentions(part):
                    pos = at + sub_at + m.start
                    if pos in taken:
                        continue
                    item = self._one(s, part, m, pos, clause, found, reading)
                    bare = not clean(part[: m.start]) and not self._past(s, pos)
                    if item is None and not found and bare and previous:
                        item = self._one(
                            s,
                            clean(previous) + part,
                            m,
                            pos,
                            clause,
                            found,
                            reading,
                            len(clean(previous)),
                        )
                    if item is not None:
                        each = shared(item)
                        reading.items += each
                        found += each
                for half in _HALF.finditer(part):
                    pos = at + sub_at + half.start()
                    target = Target(
                        "more_than",
                        (Value("50", "%"),),
                        tier_at(s.text, pos),
                        None,
                        deadline(part),
                        source=s.text,
                    )
                    item = make_item(clean(half["name"]) + "完成比例", "%", target, s.group, part)
                    reading.items.append(stock(item))
            previous = clause
        return reading

    def _one(
        self,
        s: Sentence,
        part: str,
        m: Mention,
        pos: int,
        clause: str,
        found: list[Item],
        reading: Reading,
        shift: int = 0,
    ) -> Item | None:
        m = Mention(m.start + shift, m.end + shift, m.number, m.unit, m.low, m.chinese, m.more)
        before, after = part[: m.start], part[m.end :]
        same = [
            i for i in found if i.unit == m.unit or (m.unit == "%" and i.target.kind == "growth")
        ]
        last = same[-1] if same else (found[-1] if found else None)
        later = [x for x in mentions(part) if x.start > m.start]
        kind = "more_than" if m.more else kind_of(before, after)
        if m.chinese and kind != "at_least" and not before.endswith("不少于"):
            return None
        past = self._past(s, pos)
        governed = bool(
            tier_at(s.text, pos)
            or w.DEADLINE.search(part)
            or _WHEN.search(s.text[:pos])
            or year_at(s.text, pos, self.year) == self.year
        )
        lead = (
            _TARGET_VERB.match(clean(before))
            or _TARGET_VERB.match(clean(clause))
            or _VERB_END.search(before)
        )
        if (
            _QUOTED_COUNT.search(part[: m.end])
            or _DOUBLE.search(part[m.start :])
            or (m.unit == "%" and re.search(r"\d+个$", before))
        ):
            return None  # 6个100%, “…”3个领域: a slogan or the size of a list
        of_thing = not re.search(r"完成|实现|达到|新增", before) or m.unit in MONEY
        if after.startswith("的") and kind is None and m.low is None and of_thing:
            if _NAME_OF.search(before) or past or m.unit not in (*MONEY, "%"):
                noun = re.sub(r"^\d+(?:\.\d+)?[个家项只支座条]?", "", noun_after(after[1:]))
                said = clean(before)
                name = f"{noun} ({said})" if noun and said else noun or said or "?"
                reading.context.append(Context(name, value_of(m)[0], s.text, s.group))
            return None  # 超100亿元的企业: part of a name
        if later and re.match(r"^(?:以上)?的?[^\d,;、。的以]", after) and m.unit in MONEY:
            return None  # 50亿元以上项目不少于4个: part of the name
        if _LIST_COUNT.search(before) and (kind is None or not lead):
            reading.context.append(
                Context(clean(noun_after(after)) or "?", value_of(m)[0], s.text, s.group)
            )
            return None  # 等4个省重点支持的专项: the size of a list
        if kind == "approx":
            reading.context.append(Context(clean(before) or "?", value_of(m)[0], s.text, s.group))
            return None
        if re.search(r"的$|的\d+(?:\.\d+)?\S{0,3}$", before) and not governed:
            return None  # 区领导分包的398个重大项目: what work is on, not a target
        if kind is None and not governed and not past:
            at_end = not after or after[0] in "、和及与"
            if not (lead or at_end):
                return None  # 强力推进关堤乡19个村(社区)的…: a count, no commitment
        if _FROM_TO.search(before):  # 占比从2021年末的12.8%增加到15%: the name is before 从
            before = before[: _FROM_TO.search(before).start()]  # type: ignore[union-attr]
        name = clean(_QUANTITIES.sub("", before))
        if _QUANTITIES.search(before) and name:
            name += _ASPECT.get(m.unit, "")  # 房屋征收550户11万平方米: the 面积 of it
        noun = noun_after(after)
        if name.endswith("的"):
            name = name[:-1] + noun
        if noun and len(name) > 12 and not re.search(r"[\d%]", noun):
            name = noun  # “一区四园”要围绕…建设9个产业技术研究院
        if noun and (not name or w.VERBS.match(name) or len(name) <= 2):
            name = (name if w.VERBS.match(name) else "") + noun
        inherited = False
        among = before.strip().startswith("其中")
        if past and not name:
            self._figure(s, name, m, kind, reading, pos)
            return None
        if not name or (among and last is not None):
            if last is None or (last.unit != m.unit and not name):
                return None
            inherited = not name
            name = name or last.name
            if kind is None and last.target.kind in ("growth", "at_least", "more_than"):
                kind = last.target.kind if last.unit == m.unit or m.unit == "%" else kind
        if past:
            self._figure(s, name, m, kind, reading, pos)
            return None
        return self._target(s, name, m, kind, pos, part, inherited, last)

    def _past(self, s: Sentence, pos: int) -> bool:
        year = year_at(s.text, pos, self.year)
        if year is not None:
            return year < self.year
        return s.past or bool(re.search(r"去年|上年|过去一年", s.text[:pos]))

    def _figure(
        self, s: Sentence, name: str, m: Mention, kind: str | None, reading: Reading, pos: int
    ) -> None:
        period = year_at(s.text, pos, self.year) or self.year - 1
        if kind in ("at_least", "more_than", "about", "at_most") or m.low is not None:
            reading.context.append(Context(name, value_of(m)[0], s.text, s.group))
            return None
        park = next((p for p in self.parks if name.startswith(p)), None)
        if park is not None:
            name = name[len(park) :] or name
        elif reading.figures:
            park = reading.figures[-1].park  # 高新区GDP…;规上工业增加值…: still 高新区
        growth = kind == "growth" and m.unit == "%"
        if (
            growth
            and reading.figures
            and reading.figures[-1].growth is None
            and (reading.figures[-1].name == name or len(name) <= 2)
        ):
            f = reading.figures[-1]
            reading.figures[-1] = Figure(
                f.name, f.unit, f.period, f.value, value_of(m)[0], f.park, f.source
            )
            return None
        fig = Figure(
            name,
            "%" if growth else m.unit,
            period,
            None if growth else value_of(m)[0],
            value_of(m)[0] if growth else None,
            park,
            s.text,
        )
        reading.figures.append(fig)
        return None

    def _target(
        self,
        s: Sentence,
        name: str,
        m: Mention,
        kind: str | None,
        pos: int,
        part: str,
        inherited: bool,
        last: Item | None,
    ) -> Item:
        doubts: list[str] = []
        negative = False
        if kind == "decline":
            negative, kind = True, "growth" if m.unit == "%" else "increase"
            if m.unit not in ("%", "个百分点"):
                kind = "at_most"
                negative = False
        if kind is None:
            kind = "at_least"
            if not inherited:
                doubts.append("原文没有 达到/以上/不少于, 按 at_least (不少于) 起草")
        if kind == "increase" and m.unit == "%":
            kind = "growth"
            doubts.append("提高…% 按增长率 (growth) 起草; 若指百分点, 改为 increase")
        if kind == "growth" and m.unit != "%":
            kind = "increase"
        if m.low is not None:
            kind = "between"
        unit = m.unit
        if kind in ("growth",):
            unit = last.unit if inherited and last is not None else "?"
        elif kind == "increase" and m.unit == "个百分点":
            unit = "%"
        if inherited and last is not None:
            unit = last.unit if kind in ("growth", "increase") else unit
        tier = tier_at(s.text, pos)
        if inherited and last is not None and tier is None:
            tier = last.target.tier
        year = year_at(s.text, pos, self.year)
        target = Target(
            kind,
            value_of(m, negative),
            tier,
            None if year == self.year else year,
            deadline(part) or deadline(s.text[:pos]),
            source=s.text,
            doubts=tuple(doubts),
        )
        return make_item(name, unit, target, s.group, part)


def _parts(clause: str) -> list[tuple[int, str]]:
    """A clause cut at 、 where the pieces each hold a quantity (3条道路、2个社区)."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for cut in _SPLIT_LIST.finditer(clause):
        pieces.append((start, clause[start : cut.start()]))
        start = cut.end()
    pieces.append((start, clause[start:]))
    if len(pieces) > 1 and all(mentions(p) for _, p in pieces[1:]) and mentions(pieces[0][1]):
        return pieces
    return [(0, clause)]
