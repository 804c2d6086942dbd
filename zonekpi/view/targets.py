"""A target and a finding in words: the target as a report writes it (≥ 95 家, 增长 ≥ 8%,
3–4 家, 全覆盖, 限上半年), the threshold a row is judged against, the actual and the verdict."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from .. import kinds
from ..model.periods import parse_deadline
from ..model.plan import Target
from ..model.results import Finding, Status
from ..model.units import SHARE_FRACTION, fmt_quantity
from . import labels
from .numbers import fmt_number


def target_text(
    t: Target, finding: Finding | None = None, park_names: dict[str, str] | None = None
) -> str:
    """A target as a report shows it: ≥ 95 家, 增长 ≥ 8%, 3–4 家, 全覆盖 — in the words of its
    kind's family (`Kind.family` is the key of `TARGET_FORMS`)."""
    kind = kinds.get(t.kind)
    text = TARGET_FORMS[kind.family](kind, t, finding, park_names or {})
    if t.due is not None:  # 限上半年, 限2018-06-30; an event: 限河洛文化旅游节前
        event = parse_deadline(t.due_text, t.year) is None
        text += f" (限{t.due_text}{'前' if event else ''})"
    return text


Form = Callable[[kinds.Kind, Target, "Finding | None", dict[str, str]], str]


def _level(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if kind.symbol and SHARE_FRACTION.fullmatch(t.text):  # ≥ 2/3, as the document writes it
        return f"{kind.symbol} {t.text}"
    if kind.symbol:
        return f"{kind.symbol} {fmt_quantity(t.value, t.unit)}"
    if t.tolerance is not None:  # 左右
        tolerance_unit = "百分点" if t.unit == "percent" else t.unit
        return f"{fmt_quantity(t.value, t.unit)} ± {fmt_quantity(t.tolerance, tolerance_unit)}"
    band = " (区间)" if t.two_sided else ""
    return f"{fmt_number(t.value)}–{fmt_quantity(t.high, t.unit)}{band}"  # a range


def _rate(verb: str) -> Form:
    def form(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
        sign = "≤" if f is not None and kind.lower(t, f.indicator) else "≥"
        return f"{verb} {sign} {fmt_quantity(t.value, t.unit)}"

    return form


def _coverage(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if t.parks is None:
        return "全覆盖"
    return "覆盖 " + "、".join(names.get(p, p) for p in t.parks)


def _per_park(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if f is not None and f.park is not None:
        return f"≥ {fmt_quantity(t.value, t.unit)} (各园区)"
    return f"各园区 ≥ {fmt_quantity(t.value, t.unit)}"


def _allocation(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if f is not None and f.park is not None:
        return f"≥ {fmt_quantity(kind.threshold(t, f.park), t.unit)} (分解)"
    return "分解: " + "、".join(f"{names.get(p, p)}{fmt_quantity(s, t.unit)}" for p, s in t.shares)


def _achieved(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    return "实现"


TARGET_FORMS: dict[str, Form] = {
    "achieved": _achieved,
    "level": _level,
    "growth": _rate("增长"),
    "increase": _rate("提高"),
    "coverage": _coverage,
    "per_park": _per_park,
    "allocation": _allocation,
}


def target_value(t: Target, park: str | None) -> Decimal | None:
    """The threshold a row is judged against: an allocation's share for a park, the sum of
    the shares for the zone; otherwise the target's value."""
    return kinds.get(t.kind).threshold(t, park)


def status_text(f: Finding) -> str:
    """A row's verdict in words: 达标, 未达标, 逾期未完成…; a strict target (突破, 超过) reached
    exactly is 未突破, not a 未达标 beside a completion of 100%; a stretch tier (力争) beside its
    floor says it is the stretch that was or was not reached."""
    if f.status is Status.MISSED and kinds.get(f.target.kind).strict and f.gap == 0:
        words = "未突破"
    else:
        words = labels.status(f.status)
    return words if f.decides else f"力争{words}"


def actual_text(f: Finding) -> str:
    """The actual as a report shows it: 92家, 3.2%, 是/否 for a park's coverage, 4/5 园区 for
    the zone's row of a target every park must meet."""
    if f.basis == "parks" and f.actual is not None:
        return f"{f.actual}/{len(f.parks)} 园区"
    if f.park is not None and kinds.get(f.target.kind).yes_no:
        return "" if f.actual is None else "是" if f.status is Status.MET else "否"
    return fmt_quantity(f.actual, f.actual_unit)
