"""The arithmetic of points (考核, 量化赋分): one completion into points under one rule, and
ranks of totals; `core.assess` applies it to a plan's figures and scheme (`model.scheme`).

Completion for scoring (`completion`) is actual ÷ target for a higher-is-better target and
target ÷ actual for a lower-is-better one (docs/domain.md, "Assessment"); a range or 左右
target counts 100% inside it and is measured from the nearest end outside it; a yes/no is 100%
or 0%.

Rules, each in points of a weight w:

- proportional: w × completion, within 0 and the cap (cap 120%: at most 1.2 w);
- all_or_nothing: w when the target is met, else 0;
- bands: the share of w of the highest band whose lower end the completion reaches, else 0;
- anchored: meeting earns `at_target` × w (80%), each step above or below adds or removes
  `points`, within `floor` × w and `cap` × w;
- deduction: w when met, minus `points` per step short (a part of a step pro rata, or a whole
  step with `whole_steps`), never below `floor` × w.

A step is one percentage point of completion, or, with `per`, that much of the target's own
measure (1 家, 1 个百分点 of a growth rate), counted in the direction that is better.

The arithmetic is exact (fractions): completion, steps and points are rounded once, at the end,
half up (四舍五入), so 3 × 121/120 = 3.025 shows as 3.03 however the division would round.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from ..model.scheme import Rule


def completion(
    actual: Decimal | Fraction, target: Decimal | Fraction, lower: bool = False, met: bool = False
) -> Fraction | None:
    """actual ÷ target (target ÷ actual when lower is better), exactly; None for a lower-is-
    better actual of zero or less, the best there is (held by any cap).

    A negative target (a decline: 能耗下降3% as a growth of −3%) is measured as actual ÷ target
    when lower is better, and by its distance, 1 + (actual − target) ÷ |target|, when higher is
    better. A target of zero counts 100% when met and 0% when not.
    """
    a, t = Fraction(actual), Fraction(target)
    if t == 0:
        return Fraction(1 if met else 0)
    if t < 0:
        return a / t if lower else 1 + (a - t) / -t
    if not lower:
        return a / t
    return t / a if a > 0 else None


def points(
    rule: Rule,
    weight: Decimal,
    completed: Fraction | Decimal | None,
    met: bool,
    ahead: Fraction | Decimal | None = None,
) -> Fraction:
    """The points `weight` earns under `rule` at completion `completed` (None: unbounded, the
    best there is); `ahead` is how far past the target the actual is, in the rule's `per_unit`
    (negative: short of it). Exact; rounding is the caller's."""
    w = Fraction(weight)
    completed = None if completed is None else Fraction(completed)
    ahead = None if ahead is None else Fraction(ahead)
    cap, floor = Fraction(rule.cap), Fraction(rule.floor)
    if rule.kind == "all_or_nothing":
        return w if met else Fraction(0)
    if completed is None:  # nothing used of a cap: as high as the rule goes
        top = {"proportional": cap, "anchored": cap, "deduction": Fraction(1)}
        return w * top.get(rule.kind, Fraction(rule.bands[0][1]) if rule.bands else Fraction(0))
    if rule.kind == "proportional":
        return w * _clamp(completed, Fraction(0), cap)
    if rule.kind == "bands":
        for low, share in rule.bands:
            if completed >= low:
                return w * Fraction(share)
        return Fraction(0)
    steps = _steps(rule, completed, ahead)
    if rule.kind == "anchored":
        earned = w * Fraction(rule.at_target) + Fraction(rule.points) * steps
        return _clamp(earned, w * floor, w * cap)
    # deduction
    if met:
        return w
    short = max(-steps, Fraction(0))
    if rule.whole_steps:
        short = Fraction(math.ceil(short))
    return max(w - Fraction(rule.points) * short, w * floor)


def _steps(rule: Rule, completed: Fraction, ahead: Fraction | None) -> Fraction:
    if rule.per is None or ahead is None:
        return (completed - 1) * 100
    return ahead / Fraction(rule.per)


def _clamp(value: Fraction, low: Fraction, high: Fraction) -> Fraction:
    return max(low, min(value, high))


def round_half_up(value: Fraction, places: int) -> Decimal:
    """`value` to `places` decimals, halves away from zero (四舍五入), exactly."""
    scaled = value * 10**places
    n = math.floor(abs(scaled) + Fraction(1, 2))
    return Decimal(-n if scaled < 0 else n).scaleb(-places)


def as_decimal(value: Fraction) -> Decimal:
    """A fraction as a decimal for display (28 significant digits)."""
    return Decimal(value.numerator) / Decimal(value.denominator)


def competition_ranks(totals: list[Decimal]) -> list[int]:
    """Ranks for totals, highest first, ties sharing a rank and the next rank skipped (1, 2, 2,
    4), as league tables do."""
    return [1 + sum(1 for other in totals if other > t) for t in totals]
