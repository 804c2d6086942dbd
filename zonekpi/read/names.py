"""Names as offices write them: column headings, indicators and parks by id, name or alias, the
zone's totals (合计, 全区), measures (增速) and statuses (快报 … 最终).

A name is matched after `key`: NFKC (full-width letters, digits and brackets as ASCII), without
spaces, quotes, a leading 其中: or a list number (1. 一、 (二)), lower-case. An indicator is found
by its id, then by its name, an alias or its `was:` (last year's id or name); a park by its id,
name or alias, and the zone by 合计, 全区, 总计, 汇总 or the plan's region. Two candidates are
never chosen between: the match is refused with both named (`lookup.Lookup`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# --------------------------------------------------------------------------- normal forms

_LIST_NUMBER = re.compile(r"^(?:其中[:：]?|\(?[0-9一二三四五六七八九十]{1,3}[)、.．](?![0-9])\s*)+")
_DROPPED = str.maketrans("", "", " \t\u3000\u00a0\"'“”‘’「」『』")


def key(text: str) -> str:
    """`text` as names are matched: NFKC, no spaces or quotes, no list number, lower-case."""
    spelled = unicodedata.normalize("NFKC", text).translate(_DROPPED).strip()
    return _LIST_NUMBER.sub("", spelled).lower()


def heading_key(text: str) -> str:
    """A column heading as it is matched: `key`, without a unit in brackets or a trailing % or
    ± ('同比增长(%)' → '同比增长', '同比±%' → '同比')."""
    k = key(text)
    unit = _UNIT_IN_BRACKETS.search(k)
    if unit is not None and k[: unit.start()] and _is_unit(unit[1]):
        k = k[: unit.start()]
    return k.rstrip("%±").strip()


_UNIT_IN_BRACKETS = re.compile(r"\(([^()]*)\)$")


def _is_unit(text: str) -> bool:
    from ..errors import UnitError
    from ..model import units

    try:
        units.parse_unit(text)
    except UnitError:
        return text in ("%", "‰", "±%")
    return True


# ------------------------------------------------------------------------ column headings

# The headings of a long table (one figure a row), Chinese and English, by the column they name.
LONG_COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": (
        "indicator",
        "指标",
        "指标名称",
        "指标名",
        "项目",
        "项目名称",
        "统计指标",
        "名称",
    ),
    "park": (
        "park",
        "园区",
        "园区名称",
        "园区/单位",
        "单位名称",
        "填报单位",
        "园区id",
        "片区",
        "地区",
    ),
    "period": ("period", "期间", "时间", "月份", "统计期", "报告期", "年月", "统计时间", "时期"),
    "value": (
        "value",
        "数值",
        "本期",
        "本期数",
        "数据",
        "值",
        "完成值",
        "完成数",
        "实际",
        "实际完成",
        "累计",
        "累计数",
        "本期累计",
        "本年累计",
    ),
    "unit": ("unit", "单位", "计量单位"),
    "measure": ("measure", "口径", "指标口径", "数据口径"),
    "note": ("note", "备注", "说明", "注"),
    "status": ("status", "状态", "数据状态", "核算状态", "数据性质"),
}
# The columns every layout may have beside its figures (序号 is read past).
META_COLUMNS = ("indicator", "park", "unit", "measure", "note", "status")
IGNORED = ("序号", "编号", "行次", "代码", "栏次")

# The figure columns of a 统计月报, each relative to the report's period P (1–N月 of year Y).
RELATIVE: dict[str, tuple[str, ...]] = {
    "month": ("本月", "当月", "本月数", "当月数", "本月完成", "当月完成", "本月值"),
    "ytd": (
        "累计",
        "累计数",
        "本年累计",
        "本期累计",
        "累计完成",
        "本年累计完成",
        "本年",
        "本期",
        "本期数",
        "数值",
        "完成值",
        "完成数",
        "实际完成",
    ),
    "last_ytd": (
        "去年同期",
        "上年同期",
        "去年同期累计",
        "上年同期累计",
        "同期",
        "同期累计",
        "去年同期数",
        "上年同期数",
        "上年同期完成",
    ),
    "last_month": ("去年同月", "上年同月", "上年同期当月", "去年同期当月", "上年本月"),
    "last_year": (
        "上年全年",
        "去年全年",
        "上年",
        "去年",
        "上年末",
        "上年底",
        "年初",
        "年初数",
        "上年末数",
        "上年数",
        "上年累计",
    ),
    "growth": (
        "同比增长",
        "同比",
        "增速",
        "增长",
        "同比增速",
        "比上年同期增长",
        "比去年同期增长",
        "同比增减",
        "累计增长",
        "累计同比",
        "累计增速",
        "增幅",
        "同比增幅",
        "累计同比增长",
    ),
    "month_growth": (
        "本月同比",
        "当月同比",
        "本月增长",
        "当月增长",
        "本月增速",
        "当月增速",
        "本月同比增长",
        "当月同比增长",
    ),
}
# What each names in words, for messages.
RELATIVE_SAID = {
    "month": "本月",
    "ytd": "1-N月累计",
    "last_ytd": "去年同期",
    "last_month": "去年同月",
    "last_year": "上年全年",
    "growth": "同比增长(%)",
    "month_growth": "本月同比(%)",
}

_HEADINGS: dict[str, str] = {}
for _column, _words in LONG_COLUMNS.items():
    for _word in _words:
        _HEADINGS.setdefault(heading_key(_word), _column)
_RELATIVE: dict[str, str] = {
    heading_key(w): column for column, words in RELATIVE.items() for w in words
}
_YTD_HEADING = re.compile(r"^(?:(\d{4})年)?1[-—–~至到](\d{1,2})月(?:份)?(累计|累计数|合计)?$")
_MONTH_HEADING = re.compile(r"^(?:(\d{4})年)?(\d{1,2})月(?:份)?(当月|本月)?$")


@lru_cache(maxsize=4096)
def long_column(heading: str) -> str | None:
    """The column of a long table a heading names (指标 → indicator), or None."""
    return _HEADINGS.get(heading_key(heading))


@lru_cache(maxsize=4096)
def relative_column(heading: str) -> tuple[str, int | None] | None:
    """(kind, month) of a 统计月报 column relative to the report's period: ('ytd', None) for
    累计, ('ytd', 10) for 1-10月累计 (its own month), ('month', None) for 本月; None for a heading
    that is not one."""
    k = heading_key(heading)
    if k in _RELATIVE:
        return _RELATIVE[k], None
    m = _YTD_HEADING.match(k)
    if m and m[1] is None and m[3]:  # 1-10月累计: the year to date of the report
        return "ytd", int(m[2])
    return None


@lru_cache(maxsize=4096)
def month_heading(heading: str) -> tuple[int | None, int, int] | None:
    """(year or None, first, last) of a heading naming months without a full period: 10月 →
    (None, 10, 10), 1-10月 → (None, 1, 10), 2018年10月 → (2018, 10, 10); None otherwise."""
    k = heading_key(heading)
    m = _YTD_HEADING.match(k)
    if m:
        return (int(m[1]) if m[1] else None, 1, int(m[2]))
    m = _MONTH_HEADING.match(k)
    if m:
        return (int(m[1]) if m[1] else None, int(m[2]), int(m[2]))
    return None


# ------------------------------------------------------------------ measures and statuses

MEASURE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("value", "数值", "本期", "总量", "绝对值", "水平", "完成", "累计", "本期数"), "value"
    ),
    **dict.fromkeys(
        ("growth", "增速", "增长", "同比", "同比增长", "增长率", "增幅", "同比增速"), "growth"
    ),
    **dict.fromkeys(("base", "基数", "同期基数", "上年同期", "去年同期", "上年同期基数"), "base"),
    **dict.fromkeys(("change", "增减", "提高", "变化", "增减百分点", "比上年提高"), "change"),
}
# A row named for an indicator with one of these after it holds its growth (高新技术产业增加值增速).
GROWTH_SUFFIXES = ("同比增长", "同比增速", "增长率", "增速", "增长", "同比", "增幅")

# Statuses of a figure, from the first estimate to the last: a later status replaces an earlier.
STATUSES: dict[str, int] = {
    **dict.fromkeys(("快报", "快报数", "flash"), 1),
    **dict.fromkeys(("初步核算", "初步", "初核", "初步数", "初步核算数", "preliminary"), 2),
    **dict.fromkeys(("核实", "核实数", "verified"), 3),
    **dict.fromkeys(("最终", "最终核实", "最终数", "终核", "final"), 4),
}
STATUS_NAMES = ("快报", "初步核算", "核实", "最终")


def status_rank(text: str) -> int | None:
    """The rank of a status word (快报 1 … 最终 4), or None for a word that is not one."""
    return STATUSES.get(key(text))


# The zone's own total, in a park column, row or sheet.
ZONE_WORDS = ("合计", "总计", "全区", "全区合计", "汇总", "全园区", "全区总计", "total", "zone")
# Sheets of a workbook that hold no figures.
NOTE_SHEETS = (
    "说明",
    "封面",
    "目录",
    "填表说明",
    "备注",
    "注",
    "注释",
    "指标解释",
    "readme",
    "notes",
)
# The first words of a footnote row.
FOOTNOTES = (
    "注",
    "说明",
    "备注",
    "资料来源",
    "数据来源",
    "填表人",
    "负责人",
    "制表",
    "审核",
    "填报人",
)


_FIRST = frozenset(w[0] for w in FOOTNOTES)


def is_footnote(text: str) -> bool:
    """Whether a row starting with `text` is a footnote (注：…, 说明：…, 填表人 …)."""
    k = text.lstrip()
    if not k or k[0] not in _FIRST:
        return False
    return k.startswith(FOOTNOTES) and not k.startswith("注册")
