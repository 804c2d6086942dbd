"""The warnings (`Note` codes of core/sanity, core/scale, core/assess …) in both languages: each
a Chinese and an English wording of its data, sent to stderr in the messages' language. Part of
the catalogue (`labels.note`); the helpers here word parks, quantities and periods for
`words_notes` too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from .numbers import fmt_number
from .wording import join, months, period, quantity, unit

NoteText = Callable[[tuple[Any, ...], Mapping[str, str]], str]
ZH, EN = "zh", "en"


def parks_of(names: Mapping[str, str], ids: tuple[Any, ...], language: str) -> str:
    return join([names.get(i, i) for i in ids], language)


def _park(names: Mapping[str, str], park: Any) -> str:
    """' (高新区)' after an indicator's id for a park's figure; '' for the zone's."""
    return f" ({names.get(park, park)})" if park else ""


def q(value: Decimal, u: str, language: str) -> str:
    return quantity(value, u, language=language)


def _span(p: Any, language: str, with_months: bool = True) -> str:
    """A period as options write it, with its months: 2024-09 (1–9月); a year alone: 2024."""
    return str(p) if p.is_year or not with_months else f"{p} ({months(p, language)})"


def _spans(periods: tuple[Any, ...], language: str, with_months: bool = True) -> str:
    """A few periods in time order, then how many there are: 2018-01, 2018-02, … (9 periods)."""
    shown = 4
    text = ", ".join(_span(p, language, with_months) for p in periods[:shown])
    if len(periods) <= shown:
        return text
    return text + (
        f", … ({len(periods)} periods)" if language == EN else f", … (共{len(periods)}期)"
    )


def _option(hint: tuple[str, ...], language: str) -> str:
    """The option that checks other figures: give --period 2024-09, leave out --period."""
    if not hint:
        return ""
    if hint[0] == "no --period":
        return "leave out --period" if language == EN else "请去掉 --period"
    return f"give {hint[0]} {hint[1]}" if language == EN else f"请用 {hint[0]} {hint[1]}"


def _times(ratio: Any, language: str) -> str:
    """How many times larger, or which fraction: 7300×, 1/7300 of (7300倍, 1/7300)."""
    if ratio >= 1:
        return f"{fmt_number(ratio, 0)}×" if language == EN else f"{fmt_number(ratio, 0)}倍"
    return f"1/{fmt_number(1 / ratio, 0)}" + (" of" if language == EN else "")


_AGAINST = {
    "base": ("同时上报的基数", "the base reported with it"),
    "last_year": ("上年实际", "last year's"),
    "siblings": ("同级园区的中位数", "the median of its sibling parks,"),
    "actual": ("实际", "the actual"),
    "target": ("全年目标", "the year's target"),
}
_WHAT = {"figure": ("数据", "figure"), "target": ("目标", "target")}


def _against(how: str, language: str) -> str:
    zh, en = _AGAINST[how]
    return en if language == EN else zh


def how_zh(how: str) -> str:
    """'levels 2017→2018' / 'level and base 2018' (core/yoy) in Chinese."""
    if how.startswith("levels "):
        return f"由{how.removeprefix('levels ')}总量"
    if how.startswith("level and base "):
        return f"由{how.removeprefix('level and base ')}总量和基数"
    return how


def _summed(spans: tuple[Any, ...], language: str) -> str:
    if len(spans) <= 4:
        return " + ".join(months(p, language) for p in spans)
    first, second, last = spans[0], spans[1], spans[-1]
    return f"{months(first, language)} + {months(second, language)} + … + {months(last, language)}"


def _scale_slip(d: tuple[Any, ...], n: Mapping[str, str], language: str) -> str:
    en = language == EN
    what = _WHAT[d[5]][1 if en else 0]
    shown = d[15] or q(d[6], d[7], language)
    pro_rata = (
        f" × {'the time elapsed' if en else '序时进度'} {fmt_number(d[16] * 100, 2)}%"
        if d[16] != 1
        else ""
    )
    at = f" ({d[10]}:{d[11]})" if d[10] and d[11] else ""
    ref = q(d[9], d[7], language)
    head = f"{d[0]}:{d[1]}: '{d[2]}'{_park(n, d[3])} {period(d[4], language)}"
    if en:
        text = f"{head}: the {what} {shown}{pro_rata} is {_times(d[12], EN)} {_against(d[8], EN)}"
        text += f" {ref}{at}"
        if d[13]:
            return text + f": looks like {unit(d[13], EN)} written as {unit(d[14], EN)}?"
        return text + ": a unit slip?"
    text = f"{head}: 数量级可疑, {what}{shown}{pro_rata}是{_against(d[8], ZH)}{ref}{at}的"
    text += _times(d[12], ZH)
    if d[13]:
        return text + f": 是否把{unit(d[13], ZH)}写成了{unit(d[14], ZH)}?"
    return text + ": 单位是否有误?"


def _stock_summed(d: tuple[Any, ...], n: Mapping[str, str], language: str) -> str:
    en = language == EN
    head = f"{d[0]}:{d[1]}: '{d[2]}'{_park(n, d[3])} {period(d[4], language)}"
    total, summed = q(d[5], d[6], language), _summed(d[7], language)
    if en:
        why = (
            "), but a % or a ratio is a level at a moment"
            if d[8] == "rate"
            else f"), each at least half of {_against(d[8], EN)} {q(d[9], d[6], EN)}: "
            "readings of a stock"
        )
        return (
            f"{head}: {total} is the sum of {len(d[7])} figures ({summed}{why}; a stock is read "
            "at the end of a period, never summed: declare 'stock: true'"
        )
    why = (
        "), 但百分比或比值是时点数"
        if d[8] == "rate"
        else f"), 每个都不少于{_against(d[8], ZH)}{q(d[9], d[6], ZH)}的一半: 是存量的读数"
    )
    return (
        f"{head}: {total}是{len(d[7])}个数据之和 ({summed}{why}; 存量按期末读数, 不能逐月相加: "
        "请在规划中声明 'stock: true'"
    )


def _no_figure(d: tuple[Any, ...], n: Mapping[str, str], language: str) -> str:
    p = d[1]
    if language == EN:
        text = "no figure is for " + (f"{p.year} as a whole" if p.is_year else _span(p, EN))
        text += f"; the file holds {_spans(d[2], EN)}" if d[2] else "; the file holds no figure"
    else:
        text = f"没有{period(p, ZH)}{'全年' if p.is_year else ''}的数据"
        text += f"; 文件中的数据为 {_spans(d[2], ZH)}" if d[2] else "; 文件中没有数据"
    return text + (f": {_option(d[3], language)}" if d[3] else "")


def _not_used(d: tuple[Any, ...], n: Mapping[str, str], language: str) -> str:
    spans = _spans(d[3], language, with_months=False)
    if language == EN:
        many = d[2] > 1
        text = (
            f"{d[0]}:{d[1]}: {d[2]} figure{'s' if many else ''} not used: "
            f"{'they are' if many else 'it is'} for {spans}"
        )
        return text + (f"; {_option(d[4], EN)} to check {'them' if many else 'it'}" if d[4] else "")
    text = f"{d[0]}:{d[1]}: {d[2]}个数据未使用: 属于 {spans}"
    return text + (f"; 如需核对, {_option(d[4], ZH)}" if d[4] else "")


def _ytd_falls(d: tuple[Any, ...], n: Mapping[str, str], language: str) -> str:
    head = f"{d[0]}:{d[1]}: '{d[2]}'{_park(n, d[3])}"
    now, before = q(d[5], d[8], language), q(d[7], d[8], language)
    if language == EN:
        return (
            f"{head}: {period(d[4], EN)} year to date {now} is less than {period(d[6], EN)} "
            f"year to date {before} at {d[9]}:{d[10]}; a year to date of a flow cannot fall: "
            "one of the two is wrong"
        )
    return (
        f"{head}: {period(d[4], ZH)}累计{now}小于{period(d[6], ZH)}累计{before} "
        f"({d[9]}:{d[10]}); 累计数不会减少: 两者之一有误"
    )


def _share_out(d: tuple[Any, ...], n: Mapping[str, str], language: str) -> str:
    head = f"{d[0]}:{d[1]}: '{d[2]}'{_park(n, d[3])} {period(d[4], language)}"
    value = quantity(d[5], "percent")
    if language == EN:
        return (
            f"{head}: {value} is {'above 100%' if d[5] > 0 else 'below 0'}"
            + (f" (computed: {d[6][0]} ÷ {d[6][1]})" if d[6] else "")
            + "; a share lies between 0 and 100%: check the figures and their units"
        )
    return (
        f"{head}: 占比{value}{'超过100%' if d[5] > 0 else '低于0'}"
        + (f" (计算: {d[6][0]} ÷ {d[6][1]})" if d[6] else "")
        + "; 占比应在0–100%之间: 请核对数据及其单位"
    )


def both(zh: NoteText, en: NoteText) -> tuple[NoteText, NoteText]:
    return zh, en


def by_language(
    fn: Callable[[tuple[Any, ...], Mapping[str, str], str], str],
) -> tuple[NoteText, NoteText]:
    """A wording that takes the language: its Chinese and its English."""
    return (lambda d, n: fn(d, n, ZH)), (lambda d, n: fn(d, n, EN))


WARNINGS: dict[str, tuple[NoteText, NoteText]] = {
    "shares_differ": both(
        lambda d, n: (
            f"{d[0]}:{d[1]}: '{d[2]}'的分解目标合计{fmt_number(d[3])}{d[5]}, "
            f"与全区目标{fmt_number(d[4])}{d[5]}不一致"
        ),
        lambda d, n: (
            f"{d[0]}:{d[1]}: the shares of '{d[2]}' add up to {fmt_number(d[3])} {d[5]}, "
            f"but the zone's target is {fmt_number(d[4])} {d[5]}"
        ),
    ),
    "no_targets_for_year": both(
        lambda d, n: (
            f"{d[0]}: 没有{d[1]}年的目标; 规划中有目标的年份: " + ", ".join(str(y) for y in d[2])
        ),
        lambda d, n: (
            f"{d[0]}: no targets for {d[1]}; the plan has targets for "
            + ", ".join(str(y) for y in d[2])
        ),
    ),
    "full_marks_differ": both(
        lambda d, n: (
            "各单位满分不同 ("
            + ", ".join(f"{name} {fmt_number(full)}" for name, full in d)
            + "); 总分按原样比较"
        ),
        lambda d, n: (
            "full marks differ ("
            + ", ".join(f"{name} {fmt_number(full)}" for name, full in d)
            + "); totals are compared as they stand"
        ),
    ),
    "no_unit_has_figures": both(
        lambda d, n: (
            f"没有单位有{period(d[0], ZH)}的数据"
            + (f"; 数据属于年内部分月份: 请用 --period {d[1]}" if d[1] else "")
        ),
        lambda d, n: (
            f"no unit has any figure for {period(d[0], EN)}"
            + (f"; the figures are for parts of the year: give --period {d[1]}" if d[1] else "")
        ),
    ),
    "split_differs": both(
        lambda d, n: (
            f"{d[0]}:{d[1]}: '{d[2]}'的分解合计{q(d[3], d[5], ZH)}, "
            f"与全区目标{q(d[4], d[5], ZH)}不一致"
        ),
        lambda d, n: (
            f"{d[0]}:{d[1]}: the split of '{d[2]}' adds up to {q(d[3], d[5], EN)}, "
            f"but the zone's target is {q(d[4], d[5], EN)}"
        ),
    ),
    "unit_lacks_figures": both(
        lambda d, n: f"{d[0]}: {join(d[1], ZH)}无数据; 按考核方案对缺数的规定计分",
        lambda d, n: (
            f"{d[0]}: no figure for {join(d[1], EN)}; scored as the scheme says for missing data"
        ),
    ),
    "no_figure_for_period": by_language(_no_figure),
    "figures_not_used": by_language(_not_used),
    "ytd_falls": by_language(_ytd_falls),
    "share_out_of_range": by_language(_share_out),
    "scale_slip": by_language(_scale_slip),
    "stock_summed": by_language(_stock_summed),
}
