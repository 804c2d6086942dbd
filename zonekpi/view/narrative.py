"""The monthly report in sentences (`--format text`): one sentence per indicator.

"1–10月, 规模以上工业增加值同比增长9.1%, 高于全年目标0.6个百分点。" is what a zone office writes
under its table, in the style of a 统计月报: 截至10月末 for a stock, 累计 for a flow, 净增 and
完成全年目标的…% for a count towards its year-end level, 比序时进度快/慢…个百分点, 提高…个百分点;
no maths sign in prose; figures rounded as their unit is written (`numbers.places_for`). With
``--lang en`` the same sentences in English. The words are the catalogue's (`words_text`);
this module decides which are said. Pure text from a PlanResult: no terminal, no Click.
"""

from __future__ import annotations

from decimal import Decimal

from .. import kinds
from ..model import units
from ..model.plan import Indicator
from ..model.results import Finding, PlanResult, Status
from . import labels
from .check import context_texts, starts_here
from .labels import quantity, w
from .numbers import PERCENT_PLACES, fmt_number, fmt_ratio
from .targets import actual_text, status_text, target_words


def sentences(r: PlanResult) -> list[str]:
    """The report's sentences, one per indicator with a target, in the plan's order; then one
    per indicator with targets of later years, this year on the path to them."""
    names = labels.park_names(r.plan.parks)
    by_indicator: dict[str, list[Finding]] = {}
    for f in r.findings:
        by_indicator.setdefault(f.indicator.id, []).append(f)
    out = []
    who = w("s.who", park=names[r.park]) if r.park else ""
    for findings in by_indicator.values():
        clauses = [_clause(f, r, names, first=(n == 0)) for n, f in enumerate(findings)]
        said = "; ".join(c for c in clauses if c)
        out.append(w("s.line", who=who, when=_when(r, findings[0]), clauses=said))
    out += _path_sentences(r, names)
    background = context_texts(r)
    if background:
        out.append(w("s.context", items="; ".join(background)))
    return out


def _path_sentences(r: PlanResult, names: dict[str, str]) -> list[str]:
    """One sentence per indicator (and park) with later targets: this year's actual, then for
    each target where the path stands this year and the growth a year still needed."""
    groups: dict[tuple[str, str | None], list[Finding]] = {}
    for f in r.paths:
        groups.setdefault((f.indicator.id, f.park), []).append(f)
    out = []
    whose = w("s.who", park=names[r.park]) if r.park else ""
    for (_, park), rows in groups.items():
        f = rows[0]
        where = names.get(park, park) if park and park != r.park else ""
        name = f"{where}{' ' if where and labels.english() else ''}{labels.name(f.indicator)}"
        if f.actual is not None:
            lead = w("s.path_lead", name=name, actual=actual_text(f))
        else:
            lead = w("s.no_data", name=name)
        clauses = "; ".join(_path_clause(p, r, names) for p in rows)
        out.append(w("s.line", who=whose, when=_when(r, f), clauses=f"{lead}; {clauses}"))
    return out


def _goal(f: Finding, key: str = "s.goal") -> str:
    """目标, 力争目标 / the target, the stretch target."""
    tier = labels.tier(f.target.tier)
    return w(key + "_tier", tier=tier) if tier else w(key)


def _path_clause(f: Finding, r: PlanResult, names: dict[str, str]) -> str:
    """实现2023年确保目标(55亿元): 低于路径今年应达的30亿元, 落后路径, 此后年均需增长99.3%."""
    t = f.target
    goal = w("s.path_goal", year=t.year, goal=_goal(f), target=target_words(t, f, names))
    p = f.path
    if p is None:
        return w("s.path_no_base", goal=goal)
    unit = f.indicator.unit
    parts = []
    if f.actual is not None and not starts_here(f):
        side = "above" if f.actual > p.expected else "below" if f.actual < p.expected else "at"
        point = quantity(p.expected, unit, rounded=True)
        parts.append(w(f"s.path_{side}", point=point, status=labels.status(f.status)))
    if p.needed is not None and p.to_year is not None and p.since_year is not None:
        if p.since_year < r.year:
            parts.append(w("s.path_since", year=p.since_year, value=quantity(p.since, unit)))
        years = p.to_year - p.since_year
        how = _needed_words(f, years)
        if p.to_year != t.year and p.to is not None:  # 需先在2023年达到55亿元, 即增长99.3%
            first = quantity(p.to, unit, rounded=True)
            parts.append(w("s.path_first", year=p.to_year, value=first))
            how = w("s.path_that_is", how=_needed_words(f, years, then=True))
        parts.append(how)
    elif f.actual is None:
        parts.append(w("s.path_point", point=quantity(p.expected, unit, rounded=True)))
    return f"{goal}: " + ", ".join(parts) if parts else goal


def _needed_words(f: Finding, years: int, then: bool = False) -> str:
    """年均需增长23% / 年均需提高0.53个百分点 / 年均下降不超过5%即可; over one year 需增长99.3%;
    `then`, after the point to reach first: 增长99.3% (即…)."""
    p = f.path
    assert p is not None and p.needed is not None
    value, unit = p.needed, f.indicator.unit
    if p.needed_linear:
        amount = labels.points(abs(value), 2) if units.is_percent(unit) else ""
        amount = amount or quantity(abs(value), unit, rounded=True)
        way = "points" if units.is_percent(unit) else "amount"
    else:
        amount = f"{fmt_number(abs(value) * 100, 1)}%"
        way = "rate"
    each = "each" if years > 1 else "once"
    lower = kinds.lower(f.target, f.indicator)
    if (value <= 0) if lower else (value >= 0):
        key = f"s.needed_{each}_{'down' if lower else 'up'}_{way}"
        return w(key + ("_then" if then else ""), amount=amount)
    return w(f"s.needed_{each}_{'up' if lower else 'down'}_{way}_enough", amount=amount)


def _when(r: PlanResult, f: Finding) -> str:
    """2018年 / 截至10月末 (a stock) / 1–10月 (a flow)."""
    span = r.span
    if span.is_year:
        return w("s.when_year", year=span.year)
    if _at_a_moment(f.indicator, r):
        month = labels.pick((str(span.last), labels.MONTH_NAMES[span.last - 1]))
        return w("s.when_stock", month=month)
    return w("s.when_months", months=labels.months(span), year=span.year)


def _at_a_moment(ind: Indicator, r: PlanResult) -> bool:
    """A stock, or a share or a per-capita figure of stocks only (规模以上企业省级研发平台覆盖率
    = 企业数 ÷ 企业数, 万人有效发明专利 = 有效专利 ÷ 常住人口): read at the month's end, 截至10月末,
    never 1–10月."""
    if ind.stock:
        return True
    parts = ind.share or (ind.per_capita[:2] if ind.per_capita else ())
    known = {i.id: i for i in r.plan.indicators}
    return bool(parts) and all(p in known and known[p].stock for p in parts)


def _schedule(ahead: Decimal, cap: bool) -> str:
    """比序时进度快4.2个百分点 / 慢… / 与序时进度持平; for a cap, 低于/高于 (used so far)."""
    if fmt_number(abs(ahead), 1) == "0":
        return w("s.schedule_level")
    pp = labels.points(abs(ahead))
    if cap:  # `ahead` is τ − used: positive is under the pace allowed
        return w("s.schedule_under" if ahead > 0 else "s.schedule_over", pp=pp)
    return w("s.schedule_ahead" if ahead > 0 else "s.schedule_behind", pp=pp)


def _still_needed(f: Finding, r: PlanResult) -> str:
    """What the remaining months need for the year's growth target."""
    assert f.needed is not None
    rest = labels.month_span(r.span.last + 1, 12)
    rate = f"{fmt_number(abs(f.needed), 1)}%"
    if f.indicator.stock:  # from now to the year's end
        return w("s.needed_stock_up" if f.needed >= 0 else "s.needed_stock_down", rate=rate)
    if kinds.lower(f.target, f.indicator):
        key = "s.needed_cap_up" if f.needed >= 0 else "s.needed_cap_down"
    else:
        key = "s.needed_up" if f.needed >= 0 else "s.needed_down_enough"
    return w(key, rest=rest, rate=rate)


def _growth_clause(f: Finding, r: PlanResult, first: bool) -> str:
    """规模以上工业增加值同比增长9.1%, 高于全年目标0.6个百分点 (a growth target)."""
    assert f.actual is not None
    lead = ""
    if first:
        key = "s.grew" if f.actual >= 0 else "s.fell"
        rate = f"{fmt_number(abs(f.actual), PERCENT_PLACES)}%"  # 12.96%, as the table
        lead = _then(w(key, name=labels.name(f.indicator), rate=rate))
    gap = f.gap or Decimal(0)
    which = _goal(f, "s.year_goal" if not r.span.is_year else "s.goal")
    if fmt_number(abs(gap), PERCENT_PLACES) == "0":  # never 持平 beside 未达标 for 12.96 of 13
        text = w("s.level_with", lead=lead, goal=which)
    else:
        key = "s.above_by" if gap > 0 else "s.below_by"
        amount = labels.points(abs(gap), PERCENT_PLACES)
        text = w(key, lead=lead, goal=which, target="", amount=amount)
    if f.needed is not None:
        text += _still_needed(f, r)
    return text + _verdict(f)


def _parks_clause(f: Finding, names: dict[str, str], yes_no: bool) -> str:
    """已覆盖4个园区(共5个), 尚缺牧野区 / 已达到目标的园区2个(共5个)."""
    short = [names.get(p.park or "", "") for p in f.parks if p.status is not Status.MET]
    done = len(f.parks) - len(short)
    key = "s.parks_covered" if yes_no else "s.parks_reached"
    text = w(key, name=labels.name(f.indicator), done=done, parks=len(f.parks))
    if short:
        text += w("s.parks_short", parks=labels.join(short))
    return text + _verdict(f)


def _lead(f: Finding, r: PlanResult) -> str:
    """The indicator and its actual: 专利申请总量累计4627件, 高新技术企业88家, 税占比比上年提高
    6.4个百分点 (an increase target)."""
    ind = f.indicator
    kind = kinds.get(f.target.kind)
    if kind.family == "increase" and f.actual is not None:
        key = "s.lead_up" if f.actual >= 0 else "s.lead_down"
        if units.is_percent(ind.unit):
            amount = labels.points(abs(f.actual))
            key += "_pp"
        else:
            amount = quantity(abs(f.actual), f.actual_unit, rounded=True)
        return w(key, name=labels.name(ind), amount=amount)
    cumulative = not r.span.is_year and kinds.accumulates(ind)
    key = "s.lead_cumulative" if cumulative else "s.lead"
    return w(key, name=labels.name(ind), actual=actual_text(f))


def _clause(f: Finding, r: PlanResult, names: dict[str, str], first: bool) -> str:
    ind = f.indicator
    goal = _goal(f)
    target = target_words(f.target, f, names)
    if f.status is Status.NO_DATA:
        return w("s.no_data", name=labels.name(ind)) if first else ""
    kind = kinds.get(f.target.kind)
    if kind.family == "growth":
        return _growth_clause(f, r, first)
    if kind.counts_parks and f.park is None:
        return _parks_clause(f, names, kind.yes_no)
    if kind.yes_no:  # one park
        key = "s.done" if f.status is Status.MET else "s.not_done"
        return w(key, name=labels.name(ind)) + _verdict(f)
    if f.park is not None and kind.per_park:
        minimum = kind.threshold(f.target, f.park)
        goal = w("s.goal_parks" if kind.counts_parks else "s.goal_share")
        target = quantity(minimum, f.target.unit)
    lead = _then(_lead(f, r)) if first else ""
    goal = _goal(f, "s.year_goal") if not r.span.is_year and f.park is None else goal
    cap = kind.ceiling
    if f.completion is not None and not units.is_percent(ind.unit):
        pct = fmt_ratio(f.completion)
        if f.covered is not None and f.start is not None and f.actual is not None:
            text = _net_increase(f, lead, goal, pct)
        else:
            key = "s.cap_used" if cap else "s.completed"
            text = w(key, lead=lead, goal=goal, target=target, pct=pct)
        if f.ahead is not None:
            text += ", " + _schedule(f.ahead, cap)
        return text + _rest(f, r, first) + _verdict(f)
    gap = f.gap or Decimal(0)
    if gap:
        key = "s.above_by" if gap > 0 else "s.below_by"
        amount = quantity(abs(gap), f.gap_unit, rounded=True) if f.gap_unit else ""
        if f.gap_unit == "百分点":
            amount = labels.points(abs(gap), 2)
        text = w(key, lead=lead, goal=goal, target=w("s.target_in", target=target), amount=amount)
    else:
        text = w("s.reached", lead=lead, goal=goal, target=w("s.target_in", target=target))
    return text + _verdict(f)


def _net_increase(f: Finding, lead: str, goal: str, pct: str) -> str:
    """A count towards its year-end level: 比上年末净增10家, 完成全年净增目标(17家)的58.8%."""
    assert f.start is not None and f.actual is not None
    unit = f.actual_unit
    threshold = kinds.get(f.target.kind).threshold(f.target, f.park)
    net = quantity(f.actual - f.start, unit, rounded=True)
    aim = quantity(threshold - f.start, unit, rounded=True) if threshold is not None else ""
    key = "s.net_increase" if f.actual >= f.start else "s.net_decrease"
    if f.actual < f.start:
        net = quantity(f.start - f.actual, unit, rounded=True)
    return w(key, lead=lead, net=net, goal=goal, target=aim, pct=pct)


def _rest(f: Finding, r: PlanResult, first: bool = True) -> str:
    """同比 and what the rest of the year needs of a flow: ", 同比增长12.5%, 11–12月需完成
    0.27亿美元, 月均0.09亿美元, 1–10月月均0.05亿美元". 同比 once a sentence: a second target
    of the same figure (the 力争 tier) does not say it again."""
    text = ""
    if f.yoy is not None and first:
        key = "s.yoy_up" if f.yoy >= 0 else "s.yoy_down"
        text += w(key, rate=f"{fmt_number(abs(f.yoy), 1)}%")
    if f.rest and f.pace_needed is not None and f.pace_so_far is not None:
        unit = f.actual_unit
        last = r.span.last
        text += w(
            "s.rest",
            rest=labels.month_span(last + 1, 12),
            amount=quantity(f.rest, unit, rounded=True),
            pace=quantity(f.pace_needed, unit, rounded=True),
            so_far_months=labels.month_span(1, last),
            so_far=quantity(f.pace_so_far, unit, rounded=True),
        )
    return text


def _then(lead: str) -> str:
    """A clause's lead with what follows it: '高新技术企业88家, '; nothing without one."""
    return f"{lead}, " if lead else ""


def _verdict(f: Finding) -> str:
    if f.status in (Status.MET, Status.MISSED, Status.OVERDUE):
        return ", " + status_text(f)
    return ""
