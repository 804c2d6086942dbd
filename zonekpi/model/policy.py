"""Policy incentives (政策兑现): the types of a plan's rules, the claims made under them and
their settlement, and how a beneficiary's name is matched.

A Rule pays either a rate of a claim's amount (1% of 技术交易额) or a fixed sum per counted unit
(1万元 per 件 of 发明专利), under its caps; a Policy is a plan's rules with the reports' money
unit and the year's budget. They are read from the plan's `incentives:` block by read/policy.py
and claims files by read/claims.py, and settled by core/settle.py, whose docstring gives the
order the caps apply in. Money is Decimal 元, in whole 分.
"""

from __future__ import annotations

import datetime
import unicodedata
from decimal import Decimal
from typing import Literal, NamedTuple

from .common import NOWHERE, Loc

Cap = Literal["max_per_item", "max_per_beneficiary", "rule_budget", "budget"]


def beneficiary_key(name: str) -> str:
    """The name a beneficiary is grouped by, as a person reads it: full-width and half-width
    forms alike (（集团） and (集团), NFKC), spaces and invisible characters ignored (a zero-width
    space, a bidi control: every format character, Cf), hyphens and dashes as '-' (JS‐001 is
    JS-001), and Cyrillic and Greek letters that look Latin as those Latin letters (Сhina with a
    Cyrillic С is China): `LOOK_ALIKE`. The claims reader and the settlement group by it
    alike, so a look-alike spelling never gets a second cap; references and rule ids are
    matched by it too (`read.policy.rule_key`)."""
    if name.isascii():
        return "".join(name.split())
    folded = unicodedata.normalize("NFKC", name).translate(LOOK_ALIKE)
    return "".join(c for c in "".join(folded.split()) if unicodedata.category(c) != "Cf")


# What `beneficiary_key` folds, a small explicit table: dashes and minus signs to '-'; the
# Cyrillic and Greek letters that are drawn as a Latin letter to that letter (not every
# confusable of Unicode's list: those a name, a contract number or an id is typed with).
_DASHES = "\u02d7\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_LATIN_LOOKING = {
    "АВЕЅІЈКМНОРСТХУҮԚԜ": "ABESIJKMHOPCTXYYQW",  # Cyrillic capitals
    "аеѕіјорсхуүһԁԛԝӏ": "aesijopcxyyhdqwl",  # Cyrillic small letters
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ": "ABEZHIKMNOPTYX",  # Greek capitals
    "αικνορυχ": "aikvopux",  # Greek small letters
}
LOOK_ALIKE = str.maketrans(
    {c: "-" for c in _DASHES}
    | {
        c: latin
        for cs, latins in _LATIN_LOOKING.items()
        for c, latin in zip(cs, latins, strict=True)
    }
)


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
