"""A target and a finding in words: the target as a report writes it (≥ 95 家, 增长 ≥ 8%,
3–4 家, 全覆盖, 限上半年), the threshold a row is judged against, the actual and the verdict."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from .. import kinds
from ..model.periods import parse_deadline
from ..model.plan import Target
from ..model.results import Finding, Status
from ..model.units import SHARE_FRACTION
from . import labels
from .labels import quantity, w
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
        text += " " + w("target.due_event" if event else "target.due", due=t.due_text)
    return text


# How prose states a threshold, without a maths sign: 15个, 超过50项, 不超过2%.
_WORDED = {"≥": "target.words_at_least", ">": "target.words_more_than"}
_WORDED_CAP = {"≤": "target.words_at_most", "<": "target.words_less_than"}


def target_words(
    t: Target, finding: Finding | None = None, park_names: dict[str, str] | None = None
) -> str:
    """A target as a sentence states it, without a sign: 15个 (≥ 15个), 超过50项 (> 50项),
    不超过5% (≤ 5%); a range, a tolerance and the other forms as `target_text` writes them."""
    kind = kinds.get(t.kind)
    value = quantity(t.value, t.unit)
    if kind.family in ("growth", "increase"):  # 增长13%, 提高0.5个百分点; 增长不超过5%
        lower = finding is not None and kind.lower(t, finding.indicator)
        family = "increase_amount" if kind.family == "increase" and t.unit != "百分点" else ""
        key = f"target.words_{family or kind.family}{'_at_most' if lower else ''}"
        text = w(key, value=value)
    elif kind.family == "per_park":
        on_park = finding is not None and finding.park is not None
        text = value if on_park else w("target.words_per_park", value=value)
    elif kind.family == "level" and kind.symbol:
        if SHARE_FRACTION.fullmatch(t.text):  # 2/3, as the document writes it
            value = t.text
        text = w(_WORDED.get(kind.symbol) or _WORDED_CAP[kind.symbol], value=value)
    elif t.tolerance is not None:  # 10%左右, as the plan says it (the band is in the table)
        text = w("target.words_about", value=value)
    elif t.two_sided and t.high is not None:  # 55%–65%之间: a band, without (区间) in brackets
        text = w("target.words_band", low=value, high=quantity(t.high, t.unit))
    else:
        return target_text(t, finding, park_names)
    if t.due is not None:  # 750家, 限年底前: no brackets, the sentence brackets the target
        event = parse_deadline(t.due_text, t.year) is None
        key = "target.words_due_event" if event else "target.words_due"
        text = w(key, target=text, due=t.due_text)
    return text


Form = Callable[[kinds.Kind, Target, "Finding | None", dict[str, str]], str]


def _level(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if kind.symbol and SHARE_FRACTION.fullmatch(t.text):  # ≥ 2/3, as the document writes it
        return f"{kind.symbol} {t.text}"
    if kind.symbol:
        return f"{kind.symbol} {quantity(t.value, t.unit)}"
    if t.tolerance is not None:  # 左右
        tolerance_unit = "百分点" if t.unit == "percent" else t.unit
        return f"{quantity(t.value, t.unit)} ± {quantity(t.tolerance, tolerance_unit)}"
    band = " " + w("target.range") if t.two_sided else ""
    return f"{fmt_number(t.value)}–{quantity(t.high, t.unit)}{band}"  # a range


def _rate(verb: str) -> Form:
    def form(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
        sign = "≤" if f is not None and kind.lower(t, f.indicator) else "≥"
        return f"{w(verb)} {sign} {quantity(t.value, t.unit)}"

    return form


def _coverage(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if t.parks is None:
        return w("target.all_parks")
    return w("target.covering", parks=labels.join([names.get(p, p) for p in t.parks]))


def _per_park(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if f is not None and f.park is not None:
        return w("target.per_park_row", value=quantity(t.value, t.unit))
    return w("target.per_park", value=quantity(t.value, t.unit))


def _allocation(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    if f is not None and f.park is not None:
        return w("target.share_row", value=quantity(kind.threshold(t, f.park), t.unit))
    gap = " " if labels.english() else ""  # 高新区3个 / 高新区 3个
    shares = [f"{names.get(p, p)}{gap}{quantity(s, t.unit)}" for p, s in t.shares]
    return w("target.split", shares=labels.join(shares))


def _achieved(kind: kinds.Kind, t: Target, f: Finding | None, names: dict[str, str]) -> str:
    return w("target.achieved")


TARGET_FORMS: dict[str, Form] = {
    "achieved": _achieved,
    "level": _level,
    "growth": _rate("target.growth"),
    "increase": _rate("target.increase"),
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
        words = w("status.not_past")
    else:
        words = labels.status(f.status)
    return words if f.decides else w("status.stretch", status=words)


def actual_text(f: Finding) -> str:
    """The actual as a report shows it: 92家, 3.2%, 是/否 for a park's coverage, 4/5 园区 for
    the zone's row of a target every park must meet."""
    if f.basis == "parks" and f.actual is not None:
        return w("actual.parks", done=f.actual, parks=len(f.parks))
    if f.park is not None and kinds.get(f.target.kind).yes_no:
        return "" if f.actual is None else w("yes" if f.status is Status.MET else "no")
    return quantity(f.actual, f.actual_unit, rounded=True)
