"""The words of every report in one place: statuses, tiers, changes between plans, and the
remarks (`Note` codes) the core attaches to its results.

The core returns codes; this catalogue turns them into what a person reads, so the language of
a report is decided here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..model.results import Note, Status
from ..model.units import display, fmt_quantity, spacer
from .numbers import fmt_number, fmt_percent, fmt_ratio, fmt_signed

STATUS = {
    Status.MET: "达标",
    Status.MISSED: "未达标",
    Status.NO_DATA: "无数据",
    Status.ON_TRACK: "符合序时",
    Status.BEHIND: "落后序时",
    Status.BELOW: "低于目标",
    Status.OVERDUE: "逾期未完成",
    Status.ON_PATH: "符合路径",
    Status.BEHIND_PATH: "落后路径",
}
STATUS_BY_CODE = {s.value: words for s, words in STATUS.items()}
TIER = {"floor": "确保", "stretch": "力争"}
CHANGE = {
    "raised": "提高",
    "lowered": "降低",
    "unchanged": "不变",
    "added": "新增",
    "dropped": "取消",
    "changed_kind": "改变类型",
    "changed": "调整",
}


def status(s: Status | str) -> str:
    """A status as a report shows it."""
    return STATUS[Status(s)]


def tier(t: str | None) -> str:
    return TIER.get(t or "", "")


def _parks(names: Mapping[str, str], ids: tuple[Any, ...]) -> str:
    return "、".join(names.get(i, i) for i in ids)


def _park(names: Mapping[str, str], park: Any) -> str:
    """' (高新区)' after an indicator's id for a park's figure; '' for the zone's."""
    return f" ({names.get(park, park)})" if park else ""


def _span(p: Any, months: bool = True) -> str:
    """A period as options write it, with its months: 2024-09 (1–9月); a year alone: 2024."""
    return str(p) if p.is_year or not months else f"{p} ({p.months_label})"


def _spans(periods: tuple[Any, ...], months: bool = True, shown: int = 4) -> str:
    """A few periods in time order, then how many there are: 2018-01, 2018-02, … (9 periods)."""
    text = ", ".join(_span(p, months) for p in periods[:shown])
    return text + (f", … ({len(periods)} periods)" if len(periods) > shown else "")


def _option(hint: tuple[str, ...]) -> str:
    """The option that checks other figures: give --period 2024-09, give --year 2017…"""
    if not hint:
        return ""
    if hint[0] == "no --period":
        return "leave out --period"
    return f"give {hint[0]} {hint[1]}"


def _times(ratio: Any) -> str:
    """How many times larger, or which fraction: 7300×, 1/7300 of."""
    return f"{fmt_number(ratio, 0)}×" if ratio >= 1 else f"1/{fmt_number(1 / ratio, 0)} of"


_AGAINST = {
    "base": "the base reported with it",
    "last_year": "last year's",
    "siblings": "the median of its sibling parks,",
    "actual": "the actual",
    "target": "the year's target",
}


NoteText = Callable[[tuple[Any, ...], Mapping[str, str]], str]

NOTES: dict[str, NoteText] = {
    "parks_lacking": lambda d, n: f"未覆盖 lacking: {_parks(n, d)}",
    "parks_below": lambda d, n: f"未达到 below: {_parks(n, d)}",
    "parks_below_share": lambda d, n: f"未完成分解目标 below share: {_parks(n, d)}",
    "parks_no_data": lambda d, n: f"无数据 no data: {_parks(n, d)}",
    "year_settled": lambda d, n: "全年目标已确定" + ("完成" if d[0] else "无法完成"),
    "rest_not_positive": lambda d, n: (
        "上年其余月份为零或负数, 无法推算所需增速; last year's remaining months are not positive"
    ),
    "no_path_base": lambda d, n: "没有起点 no base to start from",
    "stock_no_start": lambda d, n: (
        f"缺{d[0]}年末数, 无法按序时衡量比上年末的增量; give {d[0]}'s year-end figure"
    ),
    "path_via": lambda d, n: (
        f"所需增速按先达到{d[0]}年的{fmt_quantity(d[1], d[2])}; to the stated point of {d[0]} first"
    ),
    "path_current_prices": lambda d, n: (
        "所需增速按现价总量, 增速目标按可比价; "
        "needed growth at current prices, rate targets comparable"
    ),
    "path_aims_past": lambda d, n: (
        f"路径取{fmt_quantity(d[0], d[1])} (超过目标的最小一档); the path aims one step past"
    ),
    "path_starts_this_year": lambda d, n: f"路径从{d[0]}年实际起算; the path starts this year",
    "rollup_incomplete": lambda d, n: (
        f"园区合计不完整, 缺 {_parks(n, d[0])}{'的增速或基数' if d[1] else ''} "
        f"({d[2]}/{d[3]} 园区有数); incomplete: a park without a figure is not counted as zero"
    ),
    "bases_not_positive": lambda d, n: (
        "园区基数之和不为正或有负基数, 增速无法加权; "
        "bases of zero or below cannot weight growth rates"
    ),
    "growth_base_not_positive": lambda d, n: (
        f"上年基数为零或负数, 无法计算增速 (无法计算); the base {fmt_quantity(d[0], d[1])} is "
        "zero or below, so no growth rate is computed from it"
    ),
    "fell_100": lambda d, n: (
        f"{_parks(n, d)} 增速为 -100% 或更低, 推算不出基数; "
        "a fall of 100% leaves no base to weight by"
    ),
    "rate_unweighted": lambda d, n: (
        f"{_parks(n, d)} 只有增速, 缺总量或基数, 无法加权; "
        "a growth rate without a level or base cannot be weighted"
    ),
    "reported_growth_differs_from_parks": lambda d, n: (
        f"上报增速 {fmt_percent(d[0])} 与园区汇总 {fmt_percent(d[1])} "
        "不一致; the reported growth differs from the parks' roll-up"
    ),
    "reported_total_differs": lambda d, n: (
        f"上报数与园区合计 {fmt_quantity(d[0], d[2])} 相差 "
        f"{fmt_signed(d[1])}{spacer(d[2])}{display(d[2])}; "
        "the reported total differs from the sum of the parks"
    ),
    "terms_missing": lambda d, n: f"缺少 {'、'.join(d)} missing",
    "ratios_not_averaged": lambda d, n: (
        "园区的比值不能平均, 请上报分子和分母; ratios of parks are not averaged: "
        "report the numerator and the denominator"
    ),
    "zero_denominator": lambda d, n: f"{d[0]} 为 0, 无法计算 cannot divide by zero",
    "comparable_weights": lambda d, n: (
        "可比价增速按现价基数加权汇总, 为近似值; comparable-price rates weighted by "
        "current-price bases (the usual approximation)"
    ),
    "comparable_reported": lambda d, n: (
        "可比价增速须上报, 不能由现价总量推算; comparable-price growth must be reported"
    ),
    "not_summed": lambda d, n: (
        "按规划不由园区加总 (rollup: none), 全区数须上报; "
        "the plan says the zone's figure is reported, not summed"
        if d[0]
        else "比率不能由园区加总或平均, 全区数须上报; rates are neither summed nor averaged"
    ),
    "parks_change_differs": lambda d, n: (
        f"园区增减合计 {fmt_quantity(d[0], d[1])}; the parks' changes add up to another figure"
    ),
    # warnings
    "shares_differ": lambda d, n: (
        f"{d[0]}:{d[1]}: the shares of '{d[2]}' add up to {fmt_number(d[3])} {d[5]}, but the "
        f"zone's target is {fmt_number(d[4])} {d[5]}"
    ),
    "no_targets_for_year": lambda d, n: (
        f"{d[0]}: no targets for {d[1]}; the plan has targets for "
        + ", ".join(str(y) for y in d[2])
    ),
    "full_marks_differ": lambda d, n: (
        "满分不同 full marks differ ("
        + ", ".join(f"{name} {fmt_number(full)}" for name, full in d)
        + "); totals are compared as they stand"
    ),
    "no_unit_has_figures": lambda d, n: (
        f"no unit has any figure for {d[0].label}"
        + (f"; the figures are for parts of the year: give --period {d[1]}" if d[1] else "")
    ),
    "split_differs": lambda d, n: (
        f"{d[0]}:{d[1]}: the split of '{d[2]}' adds up to {fmt_quantity(d[3], d[5])}, but the "
        f"zone's target is {fmt_quantity(d[4], d[5])}"
    ),
    "unit_lacks_figures": lambda d, n: (
        f"{d[0]}: 无数据 no figure for {'、'.join(d[1])}; scored as the scheme says for "
        "missing data"
    ),
    "no_figure_for_period": lambda d, n: (
        f"没有{d[1].label}{'全年' if d[1].is_year else ''}的数据 no figure is for "
        + (f"{d[1].year} as a whole" if d[1].is_year else _span(d[1]))
        + (f"; the file holds {_spans(d[2])}" if d[2] else "")
        + ("" if d[2] else "; the file holds no figure")
        + (f": {_option(d[3])}" if d[3] else "")
    ),
    "figures_not_used": lambda d, n: (
        f"{d[0]}:{d[1]}: {d[2]}个数据未使用 {d[2]} figure{'s' if d[2] > 1 else ''} not used: "
        f"{'they are' if d[2] > 1 else 'it is'} for {_spans(d[3], months=False)}"
        + (f"; {_option(d[4])} to check {'them' if d[2] > 1 else 'it'}" if d[4] else "")
    ),
    "ytd_falls": lambda d, n: (
        f"{d[0]}:{d[1]}: 累计数小于前期累计 '{d[2]}'{_park(n, d[3])}: {d[4].label} 累计 "
        f"{fmt_quantity(d[5], d[8])} is less than {d[6].label} 累计 {fmt_quantity(d[7], d[8])} "
        f"at {d[9]}:{d[10]}; a year to date of a flow cannot fall: one of the two is wrong"
    ),
    "share_out_of_range": lambda d, n: (
        f"{d[0]}:{d[1]}: 占比超出0–100% '{d[2]}'{_park(n, d[3])} {d[4].label}: "
        f"{fmt_quantity(d[5], 'percent')} is {'above 100%' if d[5] > 0 else 'below 0'}"
        + (f" (computed: {d[6][0]} ÷ {d[6][1]})" if d[6] else "")
        + "; a share lies between 0 and 100%: check the figures and their units"
    ),
    "scale_slip": lambda d, n: (
        f"{d[0]}:{d[1]}: 数量级可疑 '{d[2]}'{_park(n, d[3])} {d[4].label}: the {d[5]} "
        + (d[15] or fmt_quantity(d[6], d[7]))
        + (f" × 序时进度 {fmt_number(d[16] * 100, 2)}%" if d[16] != 1 else "")
        + f" is {_times(d[12])} {_AGAINST[d[8]]} {fmt_quantity(d[9], d[7])}"
        + (f" ({d[10]}:{d[11]})" if d[10] and d[11] else "")
        + (f": looks like {display(d[13])} written as {display(d[14])}?" if d[13] else "")
        + ("" if d[13] else ": a unit slip?")
    ),
    "stock_summed": lambda d, n: (
        f"{d[0]}:{d[1]}: 存量不能逐月相加 '{d[2]}'{_park(n, d[3])} {d[4].label}: "
        f"{fmt_quantity(d[5], d[6])} is the sum of {len(d[7])} figures ("
        + (
            " + ".join(p.months_label for p in d[7])
            if len(d[7]) <= 4
            else f"{d[7][0].months_label} + {d[7][1].months_label} + … + {d[7][-1].months_label}"
        )
        + (
            "), but a % or a ratio is a level at a moment"
            if d[8] == "rate"
            else f"), each at least half of {_AGAINST[d[8]]} {fmt_quantity(d[9], d[6])}: "
            "readings of a stock"
        )
        + "; a stock is read at the end of a period, never summed: declare 'stock: true'"
    ),
    # scores
    "scheme_split": lambda d, n: "分解目标 (考核方案) the scheme's share for this unit",
    "pro_rata": lambda d, n: f"序时目标 = 年度目标 × {fmt_ratio(d[0], 2)} pro rata",
    "missing_scored": lambda d, n: f"无数据 no figure: {fmt_ratio(d[0], 0)} of the weight",
    "strict_not_met": lambda d, n: "未达到 (恰好等于目标不算超过): 少计最小一档",
    "reported_growth_differs": lambda d, n: (
        f"上报增速 {fmt_percent(d[0])} 与总量推算的 {fmt_percent(d[1])} 不一致; reported growth "
        f"differs from the {d[2]}{' (levels at current prices)' if d[3] else ''}"
    ),
}


def note(n: Note | str, names: Mapping[str, str] | None = None) -> str:
    """A remark in the report's words (a string is already words: passed on)."""
    if isinstance(n, str):
        return n
    return NOTES[n.code](n.data, names or {})


def notes(ns: tuple[Note | str, ...], names: Mapping[str, str] | None = None) -> list[str]:
    return [note(n, names) for n in ns]
