"""The sentences of `--format text` for `check` (view/narrative.py), Chinese and English: each
entry a (zh, en) pair of templates whose {fields} the narrative fills. Part of the catalogue
(`labels.w`). The Chinese follows the style of a 统计月报: 截至10月末 for a stock, 累计 for a
flow, 同比增长, 提高…个百分点, 完成全年目标的…%, 比序时进度快/慢…个百分点, 净增; no maths sign.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "s.who": ("{park}", "{park}: "),
    "s.line": ("{who}{when}, {clauses}。", "{who}{when}, {clauses}."),
    "s.context": ("背景情况 (不考核): {items}。", "Context (not assessed): {items}."),
    "s.when_year": ("{year}年", "In {year}"),
    "s.when_stock": ("截至{month}月末", "At the end of {month}"),
    "s.when_months": ("{months}", "In {months}"),
    "s.no_data": ("{name}暂无数据", "{name}: no data yet"),
    "s.goal": ("目标", "the target"),
    "s.goal_tier": ("{tier}目标", "the {tier} target"),
    "s.year_goal": ("全年目标", "the year's target"),
    "s.year_goal_tier": ("全年{tier}目标", "the year's {tier} target"),
    "s.goal_parks": ("园区目标", "the park's target"),
    "s.goal_share": ("分解目标", "the park's share of the target"),
    "s.target_in": ("({target})", " ({target})"),
    # a growth rate against its target
    "s.grew": ("{name}同比增长{rate}", "{name} grew {rate} year on year"),
    "s.fell": ("{name}同比下降{rate}", "{name} fell {rate} year on year"),
    "s.level_with": ("{lead}与{goal}持平", "{lead}level with {goal}"),
    "s.above_by": ("{lead}高于{goal}{target}{amount}", "{lead}{amount} above {goal}{target}"),
    "s.below_by": ("{lead}低于{goal}{target}{amount}", "{lead}{amount} below {goal}{target}"),
    "s.reached": ("{lead}达到{goal}{target}", "{lead}reaching {goal}{target}"),
    "s.needed_up": (
        ", {rest}需同比增长{rate}才能完成全年目标",
        ", and {rest} must grow {rate} year on year to meet the year's target",
    ),
    "s.needed_down_enough": (
        ", {rest}同比下降不超过{rate}即可完成全年目标",
        ", and {rest} may fall up to {rate} year on year and still meet the year's target",
    ),
    "s.needed_cap_up": (
        ", {rest}同比增长不超过{rate}才能完成全年目标",
        ", and {rest} must grow no more than {rate} year on year to meet the year's target",
    ),
    "s.needed_cap_down": (
        ", {rest}需同比下降至少{rate}才能完成全年目标",
        ", and {rest} must fall at least {rate} year on year to meet the year's target",
    ),
    "s.needed_stock_up": (
        ", 年末前需再增长{rate}才能完成全年目标",
        ", and needs to grow another {rate} by the year's end to meet the year's target",
    ),
    "s.needed_stock_down": (
        ", 年末前需再下降{rate}才能完成全年目标",
        ", and needs to fall another {rate} by the year's end to meet the year's target",
    ),
    # targets every park must meet
    "s.parks_covered": (
        "{name}已覆盖{done}个园区(共{parks}个)",
        "{name}: {done} of {parks} parks covered",
    ),
    "s.parks_reached": (
        "{name}已达到目标的园区{done}个(共{parks}个)",
        "{name}: {done} of {parks} parks reached their target",
    ),
    "s.parks_short": (", 尚缺{parks}", ", not yet {parks}"),
    "s.done": ("{name}已落实", "{name}: done"),
    "s.not_done": ("{name}尚未落实", "{name}: not done yet"),
    # a level: the actual, its completion, the schedule, the rest of the year
    "s.lead": ("{name}{actual}", "{name}: {actual}"),
    "s.lead_cumulative": ("{name}累计{actual}", "{name}: {actual} so far this year"),
    "s.lead_up_pp": ("{name}比上年提高{amount}", "{name} up {amount} on last year"),
    "s.lead_down_pp": ("{name}比上年降低{amount}", "{name} down {amount} on last year"),
    "s.lead_up": ("{name}比上年增加{amount}", "{name} up {amount} on last year"),
    "s.lead_down": ("{name}比上年减少{amount}", "{name} down {amount} on last year"),
    "s.completed": ("{lead}完成{goal}({target})的{pct}", "{lead}{pct} of {goal} ({target})"),
    "s.cap_used": (
        "{lead}已使用{goal}({target})的{pct}",
        "{lead}{pct} of {goal} ({target}, a ceiling) used",
    ),
    "s.net_increase": (
        "{lead}比上年末净增{net}, 完成全年净增目标({target})的{pct}",
        "{lead}a net increase of {net} since the end of last year, {pct} of the net increase "
        "the year's target needs ({target})",
    ),
    "s.net_decrease": (
        "{lead}比上年末净减{net}, 完成全年净增目标({target})的{pct}",
        "{lead}a net decrease of {net} since the end of last year, {pct} of the net increase "
        "the year's target needs ({target})",
    ),
    "s.schedule_level": ("与序时进度持平", "on schedule"),
    "s.schedule_ahead": ("比序时进度快{pp}", "{pp} ahead of schedule"),
    "s.schedule_behind": ("比序时进度慢{pp}", "{pp} behind schedule"),
    "s.schedule_under": ("低于序时进度{pp}", "{pp} under the pace allowed"),
    "s.schedule_over": ("高于序时进度{pp}", "{pp} over the pace allowed"),
    "s.yoy_up": (", 同比增长{rate}", ", up {rate} year on year"),
    "s.yoy_down": (", 同比下降{rate}", ", down {rate} year on year"),
    "s.rest": (
        ", {rest}需完成{amount}, 月均{pace}, {so_far_months}月均{so_far}",
        ", {amount} still to do in {rest}, {pace} a month against {so_far} a month in "
        "{so_far_months}",
    ),
    # this year on the path to a later year's target
    "s.path_lead": ("{name}{actual}", "{name}: {actual}"),
    "s.path_goal": ("{year}年{goal}({target})", "{goal} for {year} ({target})"),
    "s.path_no_base": ("{goal}: 没有路径起点", "{goal}: no base to start the path from"),
    "s.path_above": (
        "高于路径今年应达的{point}, {status}",
        "above the {point} the path reaches this year, {status}",
    ),
    "s.path_below": (
        "低于路径今年应达的{point}, {status}",
        "below the {point} the path reaches this year, {status}",
    ),
    "s.path_at": (
        "达到路径今年应达的{point}, {status}",
        "at the {point} the path reaches this year, {status}",
    ),
    "s.path_since": ("从{year}年的{value}起", "from {value} in {year}"),
    "s.path_first": ("需先在{year}年达到{value}", "it needs to reach {value} in {year} first"),
    "s.path_that_is": ("即{how}", "that is, {how}"),
    "s.path_point": ("路径今年应达{point}", "the path reaches {point} this year"),
}

# 年均需增长23% / 需提高0.53个百分点 / 年均增长不超过5%即可: by how often (each year, or once
# over one year), which way, and in what (a rate, percentage points, the unit's amount)
_VERBS = {
    ("up", "rate"): ("增长", "grow", "growth"),
    ("down", "rate"): ("下降", "fall", "a fall"),
    ("up", "points"): ("提高", "rise", "a rise"),
    ("down", "points"): ("降低", "fall", "a fall"),
    ("up", "amount"): ("增加", "increase", "an increase"),
    ("down", "amount"): ("减少", "decrease", "a decrease"),
}
for (_way, _what), (_zh, _verb, _noun) in _VERBS.items():
    for _each, _zh_each, _en_each in (("each", "年均", " a year"), ("once", "", "")):
        WORDS[f"s.needed_{_each}_{_way}_{_what}"] = (
            f"{_zh_each}需{_zh}{{amount}}",
            f"it needs to {_verb} {{amount}}{_en_each}",
        )
        # after 需先在2023年达到55亿元: 即增长99.3% (需 is said once)
        WORDS[f"s.needed_{_each}_{_way}_{_what}_then"] = (
            f"{_zh_each}{_zh}{{amount}}",
            f"it needs to {_verb} {{amount}}{_en_each}",
        )
        WORDS[f"s.needed_{_each}_{_way}_{_what}_enough"] = (
            f"{_zh_each}{_zh}不超过{{amount}}即可",
            f"{_noun} of up to {{amount}}{_en_each} is enough",
        )
