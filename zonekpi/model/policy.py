"""Policy incentives (政策兑现): what each claim earns under a plan's rules, and which cap bound it.

DOMAIN.md has no formula for this; the rules are the policy sentences of a plan (seed 004:
"给予技术交易额1%的奖励, 每项合同奖励最高不超过10万元"), written in the plan's `incentives:`
block (read by `incentload`). Pure: rules and claims in, a `Settlement` out.

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

import datetime
import unicodedata
from decimal import Decimal
from typing import Literal, NamedTuple

from .plan import NOWHERE, Loc

Cap = Literal["max_per_item", "max_per_beneficiary", "rule_budget", "budget"]


def beneficiary_key(name: str) -> str:
    """The name a beneficiary is grouped by: full-width and half-width forms alike (（集团） and
    (集团)), spaces ignored. The claims reader and the settlement group by it alike."""
    return "".join(unicodedata.normalize("NFKC", name).split())


class Rule(NamedTuple):
    """One incentive rule; money in 元."""

    id: str
    name: str
    source: str
    rate: Decimal | None = None  # a share of the claim's amount: 0.01 for 1%
    each: Decimal | None = None  # 元 per counted unit, when the rule pays per unit
    per: str | None = None  # the unit counted (件), with `each`
    max_per_item: Decimal | None = None
    max_per_beneficiary: Decimal | None = None  # a beneficiary, a year, under this rule
    budget: Decimal | None = None  # the rule's money for a year
    beneficiaries_per_item: int = 1  # 首台套 "分别给予奖励": maker and user, 2
    basis: str | None = None  # what the rate is of (技术交易额), for display
    note: str | None = None
    loc: Loc = NOWHERE


class Policy(NamedTuple):
    """A plan's incentive rules: the reports' money unit and the year's overall budget."""

    rules: tuple[Rule, ...]
    unit: str = "万元"
    budget: Decimal | None = None  # 元 for all rules in a year
    note: str | None = None

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


class Claim(NamedTuple):
    """One claim (申报): a contract, a purchase, a batch of patent transfers."""

    rule: str  # a rule id
    beneficiary: str  # as written in the claims file
    date: datetime.date
    reference: str  # contract number, patent number…
    amount: Decimal | None = None  # 元, for a rule paying a rate
    counted: Decimal | None = None  # units counted (25 件), for a rule paying per unit
    note: str | None = None
    loc: Loc = NOWHERE


class Payment(NamedTuple):
    """What one claim is paid: earned under the rule's rate, then after its caps (元)."""

    claim: Claim
    earned: Decimal  # before any cap, rounded to the 分
    payable: Decimal
    capped_by: tuple[Cap, ...]  # the caps that reduced it, in the order applied


class Subtotal(NamedTuple):
    """The payments of one beneficiary, one rule, or the year (元)."""

    key: str  # a beneficiary's name as first written, a rule id, or "" for the year
    claims: int
    earned: Decimal  # before any cap
    payable: Decimal
    budget: Decimal | None = None  # a rule's or the year's
    capped: Decimal | None = None  # what the claims came to before the budget was applied

    @property
    def over_budget(self) -> bool:
        """Whether the claims came to more than the budget (so it cut them)."""
        return self.budget is not None and self.capped is not None and self.capped > self.budget

    @property
    def remaining(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.payable


class Settlement(NamedTuple):
    """One year of claims settled under a policy."""

    year: int
    policy: Policy
    payments: tuple[Payment, ...]  # in the order the claims were read
    by_beneficiary: tuple[Subtotal, ...]  # by payable, largest first
    by_rule: tuple[Subtotal, ...]  # in the plan's order of rules
    total: Subtotal

    @property
    def over_budget(self) -> bool:
        """Whether any budget bound: some claims were cut in proportion."""
        return self.total.over_budget or any(s.over_budget for s in self.by_rule)
