"""The remarks (`Note` codes) in both languages: for each code a Chinese and an English
wording, each a function of the note's data and the parks' names. Part of the catalogue
(`labels.note` picks the language: the report's in a table, the messages' on stderr).

Data by code is as the core makes it (core/rollup, core/paths, core/assess …): park ids,
numbers, units. The warnings sent to stderr are `words_warnings`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .numbers import fmt_percent, fmt_ratio, fmt_signed
from .wording import join, unit
from .words_warnings import EN, WARNINGS, ZH, NoteText, both, by_language, how_zh, parks_of, q


def _rollup_incomplete(d: tuple[Any, ...], n: Mapping[str, str], language: str) -> str:
    parks = parks_of(n, d[0], language)
    if language == EN:
        what = "growth rate or base" if d[1] else "figure"
        return (
            f"incomplete: no {what} for {parks} ({d[2]} of {d[3]} parks have one); "
            "a park without a figure is not counted as zero"
        )
    return (
        f"园区合计不完整: 缺{parks}{'的增速或基数' if d[1] else '的数据'} "
        f"({d[3]}个园区中{d[2]}个有数); 缺数的园区不按零计"
    )


NOTES: dict[str, tuple[NoteText, NoteText]] = {
    **WARNINGS,
    "parks_lacking": both(
        lambda d, n: f"未覆盖: {parks_of(n, d, ZH)}",
        lambda d, n: f"not covered: {parks_of(n, d, EN)}",
    ),
    "parks_below": both(
        lambda d, n: f"未达到: {parks_of(n, d, ZH)}", lambda d, n: f"below: {parks_of(n, d, EN)}"
    ),
    "parks_below_share": both(
        lambda d, n: f"未完成分解目标: {parks_of(n, d, ZH)}",
        lambda d, n: f"below their share: {parks_of(n, d, EN)}",
    ),
    "parks_no_data": both(
        lambda d, n: f"无数据: {parks_of(n, d, ZH)}", lambda d, n: f"no data: {parks_of(n, d, EN)}"
    ),
    "year_settled": both(
        lambda d, n: "全年目标已确定" + ("完成" if d[0] else "无法完成"),
        lambda d, n: "the year's target is " + ("already met" if d[0] else "out of reach"),
    ),
    "rest_not_positive": both(
        lambda d, n: "上年其余月份为零或负数, 无法推算所需增速",
        lambda d, n: "last year's remaining months are zero or below: no growth needed is computed",
    ),
    "no_path_base": both(
        lambda d, n: "没有路径起点", lambda d, n: "no base to start the path from"
    ),
    "stock_no_start": both(
        lambda d, n: f"缺{d[0]}年末数, 无法按序时衡量比上年末的净增; 请补充{d[0]}年末数",
        lambda d, n: (
            f"no figure for the end of {d[0]}: the net increase cannot be measured against the "
            f"time elapsed; give {d[0]}'s year-end figure"
        ),
    ),
    "path_via": both(
        lambda d, n: f"所需增速按先在{d[0]}年达到{q(d[1], d[2], ZH)}计算",
        lambda d, n: f"growth needed to reach {q(d[1], d[2], EN)} in {d[0]} first",
    ),
    "path_current_prices": both(
        lambda d, n: "所需增速按现价总量计算, 增速目标按可比价",
        lambda d, n: "growth needed at current prices; the growth targets are at comparable prices",
    ),
    "path_aims_past": both(
        lambda d, n: f"路径取{q(d[0], d[1], ZH)} (超过目标的最小一档)",
        lambda d, n: f"the path aims at {q(d[0], d[1], EN)}, one step past the target",
    ),
    "path_starts_this_year": both(
        lambda d, n: f"路径从{d[0]}年实际起算", lambda d, n: f"the path starts from {d[0]}'s actual"
    ),
    "rollup_incomplete": by_language(_rollup_incomplete),
    "bases_not_positive": both(
        lambda d, n: "园区基数之和不为正或有负基数, 增速无法加权",
        lambda d, n: (
            "the parks' bases add up to zero or below, or one is negative: "
            "growth rates cannot be weighted"
        ),
    ),
    "growth_base_not_positive": both(
        lambda d, n: f"上年基数{q(d[0], d[1], ZH)}为零或负数, 无法计算增速",
        lambda d, n: (
            f"last year's base {q(d[0], d[1], EN)} is zero or below: "
            "no growth rate is computed from it"
        ),
    ),
    "fell_100": both(
        lambda d, n: f"{parks_of(n, d, ZH)}增速为-100%或更低, 推算不出基数",
        lambda d, n: f"{parks_of(n, d, EN)}: a fall of 100% or more leaves no base to weight by",
    ),
    "rate_unweighted": both(
        lambda d, n: f"{parks_of(n, d, ZH)}只有增速, 缺总量或基数, 无法加权",
        lambda d, n: (
            f"{parks_of(n, d, EN)}: a growth rate without a level or base cannot be weighted"
        ),
    ),
    "reported_growth_differs_from_parks": both(
        lambda d, n: f"上报增速{fmt_percent(d[0])}与园区汇总的{fmt_percent(d[1])}不一致",
        lambda d, n: (
            f"the reported growth {fmt_percent(d[0])} differs from the parks' roll-up "
            f"{fmt_percent(d[1])}"
        ),
    ),
    "reported_total_differs": both(
        lambda d, n: f"上报数与园区合计{q(d[0], d[2], ZH)}相差{fmt_signed(d[1])}{unit(d[2], ZH)}",
        lambda d, n: (
            f"the reported total differs from the sum of the parks, "
            f"{q(d[0], d[2], EN)}, by {fmt_signed(d[1])}{' ' if unit(d[2], EN).isascii() else ''}"
            f"{unit(d[2], EN)}"
        ),
    ),
    "terms_missing": both(
        lambda d, n: f"缺少{join(d, ZH)}", lambda d, n: f"missing: {join(d, EN)}"
    ),
    "ratios_not_averaged": both(
        lambda d, n: "园区的比值不能平均, 请上报分子和分母",
        lambda d, n: "ratios of parks are not averaged: report the numerator and the denominator",
    ),
    "zero_denominator": both(
        lambda d, n: f"{d[0]}为0, 无法计算", lambda d, n: f"{d[0]} is 0: cannot divide by zero"
    ),
    "comparable_weights": both(
        lambda d, n: "可比价增速按现价基数加权汇总, 为近似值",
        lambda d, n: (
            "comparable-price rates weighted by current-price bases (the usual approximation)"
        ),
    ),
    "comparable_reported": both(
        lambda d, n: "可比价增速须上报, 不能由现价总量推算",
        lambda d, n: (
            "comparable-price growth must be reported: it cannot be computed from "
            "levels at current prices"
        ),
    ),
    "not_summed": both(
        lambda d, n: (
            "按规划不由园区加总, 全区数须上报" if d[0] else "比率不能由园区加总或平均, 全区数须上报"
        ),
        lambda d, n: (
            "the plan says the zone's figure is reported, not summed"
            if d[0]
            else "rates are neither summed nor averaged: the zone's figure is reported"
        ),
    ),
    "parks_change_differs": both(
        lambda d, n: f"园区增减合计{q(d[0], d[1], ZH)}",
        lambda d, n: f"the parks' changes add up to {q(d[0], d[1], EN)}",
    ),
    # scores
    "scheme_split": both(
        lambda d, n: "按考核方案的分解目标", lambda d, n: "the scheme's share for this unit"
    ),
    "pro_rata": both(
        lambda d, n: f"序时目标 = 年度目标 × {fmt_ratio(d[0], 2)}",
        lambda d, n: f"pro rata: the year's target × {fmt_ratio(d[0], 2)}",
    ),
    "missing_scored": both(
        lambda d, n: f"无数据: 得分值的{fmt_ratio(d[0], 0)}",
        lambda d, n: f"no figure: {fmt_ratio(d[0], 0)} of the weight",
    ),
    "strict_not_met": both(
        lambda d, n: "未达到 (恰好等于目标不算超过): 少计最小一档",
        lambda d, n: "not past the target (reaching it exactly does not count): one step less",
    ),
    "reported_growth_differs": both(
        lambda d, n: (
            f"上报增速{fmt_percent(d[0])}与{how_zh(d[2])}"
            f"{'(现价)' if d[3] else ''}推算的{fmt_percent(d[1])}不一致"
        ),
        lambda d, n: (
            f"the reported growth {fmt_percent(d[0])} differs from "
            f"{fmt_percent(d[1])} computed from the {d[2]}"
            f"{' (levels at current prices)' if d[3] else ''}"
        ),
    ),
}
