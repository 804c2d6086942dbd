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
from .check import actual_text, context_texts, status_text, target_text
from .numbers import fmt_number, fmt_percent, fmt_ratio


def sentences(r: PlanResult) -> list[str]:
    """The report's sentences, one per indicator with a target, in the plan's order."""
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
    background = context_texts(r)
    if background:
        out.append("背景情况 (不考核): " + "; ".join(background) + "。")
    return out


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
        return text + _verdict(f, r)
    gap = f.gap or Decimal(0)
    side = "高于" if gap > 0 else "低于" if gap < 0 else "达到"
    unit = units.display(f.gap_unit) if f.gap_unit else ""
    amount = f"{fmt_number(abs(gap), 2)}{unit}" if gap else ""
    text = f"{lead}{', ' if lead else ''}{side}{goal}({target}){amount}"
    return text + _verdict(f, r)


def _verdict(f: Finding, r: PlanResult) -> str:
    if f.status in (Status.MET, Status.MISSED, Status.OVERDUE):
        return ", " + status_text(f)
    return ""
