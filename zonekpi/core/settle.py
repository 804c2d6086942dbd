"""Policy incentives (政策兑现): what each claim earns under a plan's rules, and which cap bound it.

The rules are the policy sentences of a plan (新乡高新区 2020 工作方案: "给予技术交易额1%的奖励,
每项合同奖励最高不超过10万元"), written in the plan's `incentives:` block (read by
`read.claims`); docs/domain.md, "Policy incentives". Pure: rules and claims in, a `Settlement`
out.

A rule pays either a rate of a claim's amount (1% of 技术交易额) or a fixed sum per counted unit
(1万元 per 件 of 发明专利). Its caps are applied in this order:

1. `max_per_item`: each claim (one contract, one purchase, one batch of patents) earns at most
   this much;
2. `max_per_beneficiary`: one beneficiary earns at most this much under the rule in a year. Its
   claims are paid in date order (then file order) until the cap is reached, so the claim that
   crosses it is paid the rest and later ones nothing — as a ledger kept through the year would;
3. the rule's `budget`, then the plan's overall `budget`: when the claims add up to more, every
   claim under it is cut in proportion (按比例核减), and the cents (分) left by rounding go to the
   largest remainders, so the payments add up to the budget exactly.

Money is exact: amounts are Decimal 元, a claim's earning is rounded once to the 分 (half up,
四舍五入) before any cap, and caps, budgets and totals are whole 分. Every total is a sum of the
claims' payments, so a spreadsheet that adds the per-claim column gets the same figure.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from ..model.policy import (
    Cap,
    Claim,
    Payment,
    Policy,
    Rule,
    Settlement,
    Subtotal,
    beneficiary_key,
)

CAPS: tuple[Cap, ...] = ("max_per_item", "max_per_beneficiary", "rule_budget", "budget")


def earned(rule: Rule, claim: Claim) -> Decimal:
    """What a claim earns before caps, in 元 rounded to the 分: rate × amount, or each × count."""
    return _yuan(_earned_fen(rule, claim))


def _earned_fen(rule: Rule, claim: Claim) -> int:
    if rule.rate is not None:
        if claim.amount is None:
            raise ValueError(f"rule {rule.id} pays a rate of an amount; the claim has none")
        exact = Fraction(rule.rate) * Fraction(claim.amount) * 100
    else:
        if rule.each is None or claim.counted is None:
            raise ValueError(f"rule {rule.id} pays per {rule.per}; the claim has no count")
        exact = Fraction(rule.each) * Fraction(claim.counted) * 100
    return math.floor(exact + Fraction(1, 2))  # 四舍五入 to the 分 (amounts are positive)


def _fen(yuan: Decimal) -> int:
    """Whole 分 of an amount the loader has checked to be whole 分."""
    return int(Fraction(yuan) * 100)


def _yuan(fen: int) -> Decimal:
    """分 as 元, exactly, however many digits (a Decimal made from text is never rounded)."""
    return Decimal(f"{fen}E-2")


def settle(policy: Policy, claims: list[Claim], year: int) -> Settlement:
    """Every claim's payment and the totals; the claims are valid ones of `year` (read.claims).

    The arithmetic is in whole 分 (Python integers, so no total is ever rounded)."""
    rules = {r.id: r for r in policy.rules}
    earned_fen = [_earned_fen(rules[c.rule], c) for c in claims]
    caps: list[list[Cap]] = [[] for _ in claims]
    paid = list(earned_fen)

    for n, c in enumerate(claims):  # 1. per item
        limit = rules[c.rule].max_per_item
        if limit is not None and paid[n] > _fen(limit):
            paid[n] = _fen(limit)
            caps[n].append("max_per_item")

    used: dict[tuple[str, str], int] = {}
    for n in sorted(range(len(claims)), key=lambda n: (claims[n].date, n)):
        c = claims[n]  # 2. per beneficiary and year, in date order
        limit = rules[c.rule].max_per_beneficiary
        if limit is None:
            continue
        key = (c.rule, beneficiary_key(c.beneficiary))
        left = max(_fen(limit) - used.get(key, 0), 0)
        if paid[n] > left:
            paid[n] = left
            caps[n].append("max_per_beneficiary")
        used[key] = used.get(key, 0) + paid[n]

    capped: dict[str, int] = {}
    for r in policy.rules:  # 3. each rule's budget
        members = [n for n, c in enumerate(claims) if c.rule == r.id]
        capped[r.id] = sum(paid[n] for n in members)
        if r.budget is not None:
            _cut(members, _fen(r.budget), paid, caps, "rule_budget")
    year_capped = sum(paid)
    if policy.budget is not None:  # 4. the year's budget
        _cut(list(range(len(claims))), _fen(policy.budget), paid, caps, "budget")

    payments = tuple(
        Payment(c, _yuan(earned_fen[n]), _yuan(paid[n]), tuple(caps[n]))
        for n, c in enumerate(claims)
    )
    fen = {id(p): (earned_fen[n], paid[n]) for n, p in enumerate(payments)}

    def subtotal(key: str, members: list[Payment], budget: Decimal | None = None) -> Subtotal:
        return Subtotal(
            key,
            len(members),
            _yuan(sum(fen[id(p)][0] for p in members)),
            _yuan(sum(fen[id(p)][1] for p in members)),
            budget,
        )

    by_rule = tuple(
        subtotal(r.id, [p for p in payments if p.claim.rule == r.id], r.budget)._replace(
            capped=_yuan(capped[r.id])
        )
        for r in policy.rules
    )
    groups: dict[str, list[Payment]] = {}
    for p in payments:
        groups.setdefault(beneficiary_key(p.claim.beneficiary), []).append(p)
    by_beneficiary = sorted(
        (subtotal(ps[0].claim.beneficiary, ps) for ps in groups.values()),
        key=lambda s: -s.payable,
    )
    total = subtotal("", list(payments), policy.budget)._replace(capped=_yuan(year_capped))
    return Settlement(year, policy, payments, tuple(by_beneficiary), by_rule, total)


def _cut(members: list[int], budget: int, paid: list[int], caps: list[list[Cap]], cap: Cap) -> None:
    """Cut the payments of `members` in proportion when they add up to more than `budget`."""
    for n, after in zip(members, prorate([paid[n] for n in members], budget), strict=True):
        if after < paid[n]:
            paid[n] = after
            caps[n].append(cap)


def prorate(amounts: list[int], budget: int) -> list[int]:
    """`amounts` (whole 分) scaled to add up to `budget` exactly when they come to more.

    Each gets its exact share floored to the 分; the 分 left over go one each to the largest
    remainders (the earlier claim first on a tie). So the sum is the budget to the 分 and no
    claim is paid more than its exact share rounded up.
    """
    total = sum(amounts)
    if total <= budget:
        return list(amounts)
    floors = [a * budget // total for a in amounts]
    remainders = [a * budget % total for a in amounts]
    left = budget - sum(floors)
    for n in sorted(range(len(amounts)), key=lambda n: (-remainders[n], n))[:left]:
        floors[n] += 1
    return floors
