"""The monthly report in sentences (`--format text`): one Chinese sentence per indicator.

"1–10月, 规模以上工业增加值同比增长9.1%, 高于年度目标0.6个百分点。" is what a zone office writes
under its table; these are those sentences, built from the findings, ready to paste. Pure text
from a PlanResult: no terminal, no Click.
"""

from __future__ import annotations

from decimal import Decimal

from .. import kinds
from ..model import units
from ..model.results import Finding, PlanResult, Status
from . import labels
from .check import context_texts, starts_here
from .numbers import fmt_number, fmt_percent, fmt_ratio
from .targets import actual_text, status_text, target_text


def sentences(r: PlanResult) -> list[str]:
    """The report's sentences, one per indicator with a target, in the plan's order; then one
    per indicator with targets of later years, this year on the path to them."""
    names = {p.id: p.name for p in r.plan.parks}
    by_indicator: dict[str, list[Finding]] = {}
    for f in r.findings:
        by_indicator.setdefault(f.indicator.id, []).append(f)
    out = []
    for findings in by_indicator.values():
        clauses = [_clause(f, r, names, first=(n == 0)) for n, f in enumerate(findings)]
        who = f"{names[r.park]}" if r.park else ""
        when = _when(r, findings[0])
        out.append(f"{who}{when}, " + "; ".join(c for c in clauses if c) + "。")
    out += _path_sentences(r, names)
    background = context_texts(r)
    if background:
        out.append("背景情况 (不考核): " + "; ".join(background) + "。")
    return out


def _path_sentences(r: PlanResult, names: dict[str, str]) -> list[str]:
    """One sentence per indicator (and park) with later targets: this year's actual, then for
    each target where the path stands this year and the growth a year still needed."""
    groups: dict[tuple[str, str | None], list[Finding]] = {}
    for f in r.paths:
        groups.setdefault((f.indicator.id, f.park), []).append(f)
    out = []
    for (_, park), rows in groups.items():
        f = rows[0]
        who = names.get(park, park) if park and park != r.park else ""
        name = f"{who}{f.indicator.name}"
        lead = f"{name}{actual_text(f)}" if f.actual is not None else f"{name}暂无数据"
        whose = f"{names[r.park]}" if r.park else ""
        clauses = "; ".join(_path_clause(p, r, names) for p in rows)
        out.append(f"{whose}{_when(r, f)}, {lead}; {clauses}。")
    return out


def _path_clause(f: Finding, r: PlanResult, names: dict[str, str]) -> str:
    """实现2023年确保目标(≥ 55亿元): 低于路径今年应达的30亿元, 落后路径, 此后年均需增长99.3%."""
    t = f.target
    goal = f"{t.year}年{labels.tier(t.tier)}目标({target_text(t, f, names)})"
    p = f.path
    if p is None:
        return f"{goal}: 没有路径起点"
    unit = f.indicator.unit
    parts = []
    if f.actual is not None and not starts_here(f):
        side = "高于" if f.actual > p.expected else "低于" if f.actual < p.expected else "达到"
        point = units.fmt_quantity(round(p.expected, 2), unit)
        parts.append(f"{side}路径今年应达的{point}, {labels.status(f.status)}")
    if p.needed is not None and p.to_year is not None and p.since_year is not None:
        if p.since_year < r.year:
            parts.append(f"从{p.since_year}年的{units.fmt_quantity(p.since, unit)}起")
        how = _needed_words(f, p.to_year - p.since_year)
        if p.to_year != t.year and p.to is not None:  # 需先在2023年达到55亿元, 即增长99.3%
            parts.append(f"需先在{p.to_year}年达到{units.fmt_quantity(round(p.to, 2), unit)}")
            how = "即" + how.replace("需", "", 1)
        parts.append(how)
    elif f.actual is None:
        parts.append(f"路径今年应达{units.fmt_quantity(round(p.expected, 2), unit)}")
    return f"{goal}: " + ", ".join(parts) if parts else goal


def _needed_words(f: Finding, years: int) -> str:
    """年均需增长23% / 年均需提高0.53个百分点 / 年均下降不超过5%即可; over one year 需增长99.3%."""
    p = f.path
    assert p is not None and p.needed is not None
    value, unit = p.needed, f.indicator.unit
    if p.needed_linear:
        shown = "个百分点" if units.is_percent(unit) else units.display(unit)
        amount = f"{fmt_number(abs(value), 2)}{shown}"
        up, down = ("提高", "降低") if units.is_percent(unit) else ("增加", "减少")
    else:
        amount = fmt_percent(abs(value) * 100, 1)
        up, down = "增长", "下降"
    each = "年均" if years > 1 else ""
    if kinds.lower(f.target, f.indicator):
        return f"{each}需{down}{amount}" if value <= 0 else f"{each}{up}不超过{amount}即可"
    return f"{each}需{up}{amount}" if value >= 0 else f"{each}{down}不超过{amount}即可"


def _when(r: PlanResult, f: Finding) -> str:
    span = r.span
    if span.is_year:
        return f"{span.year}年"
    if f.indicator.stock:
        return f"截至{span.last}月末"
    return span.months_label


def _pp(value: Decimal) -> str:
    return f"{fmt_number(abs(value), 1)}个百分点"


def _schedule(ahead: Decimal, cap: bool) -> str:
    """超序时进度4.2个百分点 / 落后… / 与序时进度持平; for a cap, 低于/高于 (used so far)."""
    if fmt_number(abs(ahead), 1) == "0":
        return "与序时进度持平"
    if cap:  # `ahead` is τ − used: positive is under the pace allowed
        return f"{'低于' if ahead > 0 else '高于'}序时进度{_pp(ahead)}"
    return f"{'超' if ahead > 0 else '落后'}序时进度{_pp(ahead)}"


def _still_needed(f: Finding, r: PlanResult) -> str:
    """What the remaining months need for the year's growth target."""
    assert f.needed is not None
    rest = f"{r.span.last + 1}–12月" if r.span.last < 11 else "12月"
    rate = fmt_percent(abs(f.needed), 1)
    if f.indicator.stock:  # from now to the year's end
        verb = "增长" if f.needed >= 0 else "下降"
        return f", 年末前需再{verb}{rate}才能完成全年目标"
    if kinds.lower(f.target, f.indicator):
        if f.needed >= 0:
            return f", {rest}同比增长不超过{rate}才能完成全年目标"
        return f", {rest}需同比下降至少{rate}才能完成全年目标"
    if f.needed >= 0:
        return f", {rest}需同比增长{rate}才能完成全年目标"
    return f", {rest}同比下降不超过{rate}即可完成全年目标"


def _clause(f: Finding, r: PlanResult, names: dict[str, str], first: bool) -> str:
    ind = f.indicator
    tier = labels.tier(f.target.tier)
    goal = f"{tier}目标" if tier else "目标"
    target = target_text(f.target, f, names)
    if f.status is Status.NO_DATA:
        return f"{ind.name}暂无数据" if first else ""
    kind = kinds.get(f.target.kind)
    if kind.family == "growth":
        assert f.actual is not None
        verb = "增长" if f.actual >= 0 else "下降"
        lead = f"{ind.name}同比{verb}{fmt_percent(abs(f.actual), 1)}, " if first else ""
        gap = f.gap or Decimal(0)
        which = f"{'年度' if not r.span.is_year else ''}{goal}"
        if fmt_number(abs(gap), 1) == "0":
            text = f"{lead}与{which}持平"
        else:
            text = f"{lead}{'高于' if gap > 0 else '低于'}{which}{_pp(gap)}"
        if f.needed is not None:
            text += _still_needed(f, r)
        return text + _verdict(f, r)
    if kind.counts_parks and f.park is None:
        short = [names.get(p.park or "", "") for p in f.parks if p.status is not Status.MET]
        done = len(f.parks) - len(short)
        what = "已覆盖" if kind.yes_no else "已达到各园区目标的有"
        text = f"{ind.name}{what}{done}/{len(f.parks)}个园区"
        if short:
            text += f", 尚缺{'、'.join(short)}"
        return text + _verdict(f, r)
    if kind.yes_no:  # one park
        return f"{ind.name}{'已落实' if f.status is Status.MET else '尚未落实'}" + _verdict(f, r)
    if f.park is not None and kind.per_park:
        minimum = kind.threshold(f.target, f.park)
        goal = "各园区目标" if kind.counts_parks else "分解目标"
        target = units.fmt_quantity(minimum, f.target.unit)
    actual = actual_text(f)
    lead = f"{ind.name}{'累计' if not r.span.is_year and kinds.accumulates(ind) else ''}{actual}"
    if not first:
        lead = ""
    cap = kind.ceiling
    if f.completion is not None and not units.is_percent(ind.unit):
        what = f"已使用年度控制{goal}" if cap else f"完成{goal}"
        if f.covered is not None:  # a stock: the way from last year's end is its completion
            what = f"比上年末的增量完成{goal}"
        text = f"{lead}{', ' if lead else ''}{what}({target})的{fmt_ratio(f.completion)}"
        if f.ahead is not None:
            text += ", " + _schedule(f.ahead, cap)
        return text + _rest(f, r) + _verdict(f, r)
    gap = f.gap or Decimal(0)
    side = "高于" if gap > 0 else "低于" if gap < 0 else "达到"
    unit = units.display(f.gap_unit) if f.gap_unit else ""
    amount = f"{fmt_number(abs(gap), 2)}{unit}" if gap else ""
    text = f"{lead}{', ' if lead else ''}{side}{goal}({target}){amount}"
    return text + _verdict(f, r)


def _rest(f: Finding, r: PlanResult) -> str:
    """同比 and what the rest of the year needs of a flow: ", 同比增长12.5%, 10–12月需完成
    0.27亿美元, 月均0.09亿美元, 1–9月月均0.05亿美元"."""
    text = ""
    if f.yoy is not None:
        verb = "增长" if f.yoy >= 0 else "下降"
        text += f", 同比{verb}{fmt_percent(abs(f.yoy), 1)}"
    if f.rest and f.pace_needed is not None and f.pace_so_far is not None:
        unit = f.actual_unit
        last = r.span.last
        rest = f"{last + 1}–12月" if last < 11 else "12月"
        text += (
            f", {rest}需完成{units.fmt_quantity(round(f.rest, 2), unit)}, "
            f"月均{units.fmt_quantity(round(f.pace_needed, 2), unit)}, "
            f"1–{last}月月均{units.fmt_quantity(round(f.pace_so_far, 2), unit)}"
        )
    return text


def _verdict(f: Finding, r: PlanResult) -> str:
    if f.status in (Status.MET, Status.MISSED, Status.OVERDUE):
        return ", " + status_text(f)
    return ""
