"""The small words of target sentences: tiers, years, deadlines, comparators, and what a name
is stripped of. Each is a regular expression or a table; `forms` and `yesno` read them.
"""

from __future__ import annotations

import re

TIER = re.compile(r"确保|力争|争取|努力实现")
TIERS = {"确保": "floor", "力争": "stretch", "争取": "stretch", "努力实现": "stretch"}

# Years a clause names before a quantity: 今年, 明年, 后年, 2025年, "十四五"末, 到2025年.
YEAR = re.compile(
    r"(?P<rel>今年|当年|本年|明年|后年|去年|上年|前年)"
    r"|(?P<abs>(?:19|20)\d\d)\s*年(?!\d|度?[-—至到]\d)"
    r"|[\"“]?(?P<plan>十[一二三四五六七八九]五)[\"”]?(?:期)?(?:末|期末|时期末)"
)
RELATIVE = {
    "今年": 0,
    "当年": 0,
    "本年": 0,
    "明年": 1,
    "后年": 2,
    "去年": -1,
    "上年": -1,
    "前年": -2,
}
FIVE_YEAR_ENDS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}

# Deadlines inside the year, as `by:` writes them.
DEADLINE = re.compile(
    r"(?P<h1>上半年)|(?P<q>[一二三]季度末)|(?P<m>\d{1,2})月底前|(?P<end>年底前|年底|年末|年内底)"
)

# A comparator right before the number, and what it makes.
BEFORE: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"(?:同比)?(?:增长|增速|增幅|增长率|年均增长)(?:达到|达|为|保持在|在)?$"),
        "growth",
    ),
    (re.compile(r"(?:下降|降低|减少)$"), "decline"),
    (re.compile(r"(?:不少于|不低于|不小于|达到|达|至少|提高到|提高至|增加到|增加至)$"), "at_least"),
    (re.compile(r"(?:提高|提升|增加|上升)$"), "increase"),
    (re.compile(r"(?:突破|超过|超|逾|多于|大于|高于)$"), "more_than"),
    (re.compile(r"(?:控制在|不超过|不高于|不多于|不大于|低于|少于)$"), "at_most"),
    (re.compile(r"(?:接近|近|约|大约|将近)$"), "approx"),
]
# A word right after the number.
AFTER: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:及)?以上"), "at_least"),
    (re.compile(r"^(?:以内|以下|之内)"), "at_most"),
    (re.compile(r"^左右"), "about"),
    (re.compile(r"^(?:余|多)"), "more_than"),
]
LESS_THAN = re.compile(r"低于$|少于$")

# Leading words a name is stripped of, and trailing verbs and comparators.
LEAD = re.compile(
    r"^(?:(?:其中|确保|力争|争取|努力|要|并|今年|全年|年内|当年|明年|后年|同时|进一步|积极|全力|"
    r"累计|实现|计划|预计|全区|到\d{4}年(?:年)?底|\d{4}年(?:年)?底|\d{4}年|主要预期目标是|目标是|"
    r"在|将|使|推动|推进|加快|力求|[\"“]?十[一二三四五六七八九]五[\"”]?(?:期)?末)\s*)+"
)
TRAIL = re.compile(
    r"(?:(?:同比)?(?:增长|增速|增幅|增长率)|达到|达|突破|超过|不少于|不低于|不超过|控制在|"
    r"保持在|提高|提升|增加|在|为|完成|实现|超|至少|要|力争|确保|争取)+$"
)
VERBS = re.compile(
    r"^(?:新增|新建|新开工|新培育|新引进|新组建|新备案|引进培育|引进|培育|建设|建成|组织|开展|"
    r"申请|申报|吸引|完成|实施|谋划实施|举办|认定|发展|打造|转化|创造|落实|推动|扶持|带动|"
    r"招引|签约|开工建设|开工|评选|培养评选)?$"
)
NOUN_AFTER = re.compile(r"^[^,;:。、的]{1,24}")
