"""The units a document holds answerable, read from its "(责任单位: …)" tags: each distinct
unit once, with a stable id (a table of common departments, such as 市科技局 → kjj; numbered
u01, u02 … for the rest, in the order the document first names them), and the short form a
list repeats as an alias (市科技局、财政局: 财政局 is 市财政局).

A park of the plan named in a tag is the park, not a unit: its id is the park's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# (责任单位:市科技局、财政局,各高校、科研院所) · (牵头单位:市科技局;责任单位:…) — after NFKC the
# brackets and colon are ASCII; a document may also use 【】 or no colon.
TAG = re.compile(
    r"[(【]\s*(?P<body>(?:牵头单位|责任单位|配合单位)\s*[::]?[^()【】]{1,300}?)\s*[)】]"
)
_LABEL = re.compile(r"(?:牵头单位|责任单位|配合单位)\s*[::]?")

# Common departments by their bare name (without 市/区/县 in front), as the plans write them.
COMMON = {
    "科技局": "kjj",
    "财政局": "czj",
    "工信委": "gxw",
    "工信局": "gxj",
    "发改委": "fgw",
    "发改局": "fgj",
    "国税局": "gsj",
    "地税局": "dsj",
    "税务局": "swuj",
    "统计局": "tjj",
    "人才办": "rcb",
    "人社局": "rsj",
    "公安局": "gaj",
    "不动产登记和交易中心": "bdc",
    "农牧局": "nmj",
    "农业农村局": "nyncj",
    "商务局": "swj",
    "金融局": "jrj",
    "金融办": "jrb",
    "知识产权局": "zscqj",
    "自创办": "zcb",
    "高校": "gx",
    "科研院所": "kyys",
    "住建局": "zjj",
    "自然资源局": "zrzyj",
    "自然资源和规划局": "zrzyj",
    "生态环境局": "sthjj",
    "教育局": "jyj",
    "市场监管局": "scjgj",
    "审计局": "sjj",
    "交通运输局": "jtysj",
    "卫健委": "wjw",
    "应急管理局": "yjglj",
    "城管局": "cgj",
    "招商局": "zsj",
    "大数据局": "dsjj",
    "自创区建设领导小组各成员单位": "ldxz",
    "经济发展局": "jjfzj",
    "科学技术局": "kxjsj",
    "人力资源部": "rlzyb",
    "纪工委": "jgw",
    "管委会各部门": "gwhbm",
    "相关部门": "xgbm",
}
_PREFIX = re.compile(r"^(?:市|区|县|各)")


@dataclass(frozen=True)
class DraftUnit:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    doubts: tuple[str, ...] = ()


def bare(name: str) -> str:
    """A unit's name without 市/区/县/各 in front: the key two spellings share."""
    return _PREFIX.sub("", name) if len(name) > 2 else name


def tag_names(body: str) -> list[str]:
    """The names of one tag, in order, the lead first: 市科技局、财政局,各高校、科研院所 →
    市科技局, 市财政局, 各高校, 科研院所 (财政局 takes 市 from the name its list starts with)."""
    out: list[str] = []
    for group in re.split(r"[,;]", _LABEL.sub(",", body)):
        names = [n.strip() for n in re.split(r"、", group) if n.strip()]
        if not names:
            continue
        lead = re.match(r"^[市区县](?=.{2})", names[0])
        for n, name in enumerate(names):
            if n and lead and not _PREFIX.match(name) and not _FULL.search(name):
                name = lead[0] + name
            if name not in out:
                out.append(name)
    return out


_FULL = re.compile(r"大学|学院|公司|集团|研究院|区$")


@dataclass
class Units:
    """The units of a document, built as its tags are read."""

    parks: dict[str, str]  # park name -> park id
    units: list[DraftUnit] = field(default_factory=list)
    _by_key: dict[str, int] = field(default_factory=dict)

    def owner(self, name: str) -> str:
        """The id of the park or unit `name` names, made a unit the first time it is met."""
        if name in self.parks:
            return self.parks[name]
        key = bare(name)
        at = self._by_key.get(key)
        if at is None:
            at = self._by_key.get(key.removeprefix("各"))
        if at is not None:
            return self.units[at].id
        ident = COMMON.get(key)
        taken = {u.id for u in self.units} | set(self.parks.values())
        if ident is None or ident in taken:
            n = 1 + sum(1 for u in self.units if re.fullmatch(r"u\d\d", u.id))
            ident = f"u{n:02d}"
            while ident in taken:
                n += 1
                ident = f"u{n:02d}"
        aliases = (key,) if key != name else ()
        doubts: tuple[str, ...] = ()
        if re.search(r"区$", name) and self.parks:
            doubts = (f"{name} 不在 parks: 若是园区, 加到 parks: 并在 owners: 中用园区的 id",)
        self._by_key[key] = len(self.units)
        self.units.append(DraftUnit(ident, name, aliases, doubts))
        return ident

    def resolve(self, name: str) -> str | None:
        """The id `name` (a unit's name or alias, a park's name) stands for, if known."""
        if name in self.parks:
            return self.parks[name]
        at = self._by_key.get(bare(name))
        return self.units[at].id if at is not None else None

    def owners(self, body: str) -> tuple[str, ...]:
        """A tag's owners as ids, in the tag's order, the lead first."""
        return tuple(dict.fromkeys(self.owner(n) for n in tag_names(body)))
