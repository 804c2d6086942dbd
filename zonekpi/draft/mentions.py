"""Numbers with units in a clause: ``20家``, ``8.5%``, ``3-4家``, ``60%-70%``, ``2/3``,
``6.4个百分点``, ``4万m2`` (㎡ after NFKC), ``三支`` and ``两批次`` (a Chinese numeral, kept only
where a comparator makes it a count: 不少于两批次, 三支以上).

A unit is one zonekpi accepts (`zonekpi units`), as documents spell it: ``批次`` is 批, ``万m2``
万平方米. Years, dates, ordinals (第2) and names with digits (中电科22所, 12+2+1) are not
quantities here: their units are not in the list, or a digit, letter or sign touches them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# As written -> as zonekpi spells it. Longest first, so 万元 wins over 元 and 个百分点 over 个.
UNITS: dict[str, str] = {
    "个百分点": "个百分点",
    "百分点": "个百分点",
    "万亿元": "万亿元",
    "亿美元": "亿美元",
    "万美元": "万美元",
    "美元": "美元",
    "亿元": "亿元",
    "百万元": "百万元",
    "万元": "万元",
    "千元": "千元",
    "元": "元",
    "万平方米": "万平方米",
    "万平米": "万平方米",
    "万m2": "万平方米",
    "平方公里": "平方公里",
    "平方千米": "平方公里",
    "平方米": "平方米",
    "m2": "平方米",
    "公里": "公里",
    "万亩": "万亩",
    "亩": "亩",
    "公顷": "公顷",
    "万吨": "万吨",
    "吨": "吨",
    "万人次": "万人次",
    "人次": "人次",
    "万人": "万人",
    "人": "人",
    "%": "%",
    "家": "家",
    "个": "个",
    "件": "件",
    "项": "项",
    "名": "名",
    "套": "套",
    "户": "户",
    "只": "只",
    "支": "支",
    "次": "次",
    "轮": "轮",
    "条": "条",
    "座": "座",
    "批次": "批",
    "批": "批",
    "场": "场",
    "台套": "台套",
    "台": "台",
    "辆": "辆",
    "份": "份",
}
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NUM = r"\d+(?:\.\d+)?"
_CN = "一二两三四五六七八九十"
_QUANTITY = re.compile(
    rf"(?<![\d.A-Za-z+#])(?:(?P<low>{_NUM})\s*(?P<lowunit>{_UNIT})?\s*[-~—–至到]\s*)?"
    rf"(?P<num>{_NUM})(?P<more>余|多)?\s*(?P<unit>{_UNIT})(?![A-Za-z+])"
    rf"|(?<![\d/])(?P<top>\d{{1,3}})/(?P<bottom>\d{{1,3}})(?![\d/])"
    rf"|(?<![第{_CN}])(?P<cn>[{_CN}])(?P<cnunit>个|家|支|批次|批|名|项|件|条|座|套)(?=以上)"
    rf"|(?<=不少于)(?P<cn2>[{_CN}])(?P<cnunit2>个|家|支|批次|批|名|项|件|条|座|套)"
)
_CN_VALUE = {c: str(i) for i, c in enumerate("零一二三四五六七八九十")} | {"两": "2"}


@dataclass(frozen=True)
class Mention:
    start: int  # offset in the clause
    end: int
    number: str  # as written (a fraction 2/3 stays so)
    unit: str  # zonekpi's spelling; "%" for a fraction
    low: str | None = None  # a range's low end (3-4家: low 3, number 4)
    chinese: bool = False  # 三支, 两批次
    more: bool = False  # 10余条, 60多个: more than the number

    @property
    def text(self) -> str:
        return f"{self.number}{self.unit}"


def mentions(clause: str) -> list[Mention]:
    """The quantities of a clause, in order."""
    out: list[Mention] = []
    for m in _QUANTITY.finditer(clause):
        if m["num"] is not None:
            unit = UNITS[m["unit"]]
            if m["lowunit"] is not None and UNITS[m["lowunit"]] != unit:
                continue  # 2018年-2020年 never gets here; 3个-4家 is not one range
            if unit == "%" and m.start() > 0 and clause[m.start() - 1] == "-":
                continue
            out.append(Mention(m.start(), m.end(), m["num"], unit, m["low"], more=bool(m["more"])))
        elif m["top"] is not None:
            top, bottom = int(m["top"]), int(m["bottom"])
            if 0 < top < bottom:
                out.append(Mention(m.start(), m.end(), f"{top}/{bottom}", "%"))
        else:
            cn, unit = (m["cn"], m["cnunit"]) if m["cn"] else (m["cn2"], m["cnunit2"])
            out.append(Mention(m.start(), m.end(), _CN_VALUE[cn], UNITS[unit], chinese=True))
    return out
