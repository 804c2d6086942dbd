"""Shaping a Settlement for output (`zonekpi incentives`): three tables, JSON and sentences.

- `claims_table`: one row per claim, in the order read: what it earns by the rule, the caps that
  bound it, what is payable;
- `beneficiary_table`: one row per beneficiary, largest payment first;
- `rule_table`: one row per rule with its budget, and (for people) the year's total.

Money is shown in the policy's unit (万元 unless the plan says otherwise) to the 分, trailing
zeros dropped; CSV and JSON carry the same numbers bare, with the unit named once.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any

from ..model import units
from ..model.policy import Cap, Payment, Policy, Rule, Settlement, Subtotal
from ..version import __version__
from .labels import w
from .numbers import fmt_number, fmt_percent, to_json_number
from .table import Column, Table


class Money:
    """Amounts in 元 shown in the policy's unit, to the 分."""

    def __init__(self, policy: Policy) -> None:
        self.unit = policy.unit
        factor = units.convert(Decimal(1), policy.unit, "元")
        self.places = 2 + max(0, factor.adjusted())  # 万元: 6 places, the 分

    def value(self, yuan: Decimal | None) -> Decimal | None:
        """`yuan` in the unit, exactly: 1 分 is 0.000001 万元, however many digits before it."""
        if yuan is None:
            return None
        with localcontext() as ctx:
            ctx.prec = max(28, yuan.adjusted() + self.places + 4)
            return units.convert(yuan, "元", self.unit)

    def text(self, yuan: Decimal | None) -> str:
        return fmt_number(self.value(yuan), self.places)

    def quantity(self, yuan: Decimal | None) -> str:
        """With the unit: 10万元."""
        shown = self.text(yuan)
        return f"{shown}{units.spacer(self.unit)}{units.display(self.unit)}" if shown else ""

    def json(self, yuan: Decimal | None) -> Decimal | None:
        """An exact number for JSON (the JSON renderer writes a Decimal digit for digit)."""
        value = self.value(yuan)
        if value is None:
            return None
        with localcontext() as ctx:
            ctx.prec = max(28, value.adjusted() + self.places + 4)
            if value == value.to_integral_value():
                return value.quantize(Decimal(1))
            return value.normalize()


def standard(rule: Rule, money: Money) -> str:
    """What a rule pays, as people write it: 1%, 1万元/件."""
    if rule.rate is not None:
        return fmt_percent(rule.rate * 100, 6)
    return f"{money.quantity(rule.each)}/{units.display(rule.per or '')}"


def cap_text(cap: Cap, rule: Rule, policy: Policy, money: Money) -> str:
    """A cap that bound a claim, with its amount: 单项封顶 10万元."""
    amount = {
        "max_per_item": rule.max_per_item,
        "max_per_beneficiary": rule.max_per_beneficiary,
        "rule_budget": rule.budget,
        "budget": policy.budget,
    }[cap]
    return f"{w(f'incentives.cap.{cap}')} {money.quantity(amount)}"


def _claims(n: int) -> str:
    """How many claims: 3笔 / 3 claims, 1 claim."""
    return w("incentives.n_claim" if n == 1 else "incentives.n_claims", n=n)


def _title(s: Settlement, what: str, plan_title: str) -> str:
    return w("incentives.title", plan=plan_title, year=s.year, what=w(what)).strip()


def _col(
    key: str, u: str = "", numeric: bool = False, display: bool = True, machine: bool = True
) -> Column:
    """A column headed by the catalogue's col.incentives.KEY (with the money unit `u`)."""
    header = w(f"col.incentives.{key}", u=u)
    return Column(key, header, numeric=numeric, display=display, machine=machine)


def _basis(p: Payment, rule: Rule, money: Money) -> str:
    if p.claim.amount is not None:
        return money.quantity(p.claim.amount)
    return f"{fmt_number(p.claim.counted)}{units.display(rule.per or '')}"


def claims_table(s: Settlement, plan_title: str = "", totals: bool = True) -> Table:
    money = Money(s.policy)
    u = units.display(money.unit)
    columns = [
        _col("file", display=False),
        _col("line", numeric=True, display=False),
        _col("rule", display=False),
        _col("rule_name"),
        _col("beneficiary"),
        _col("date"),
        _col("reference"),
        _col("basis", numeric=True, machine=False),
        _col("amount", u, numeric=True, display=False),
        _col("count", numeric=True, display=False),
        _col("count_unit", display=False),
        _col("standard", numeric=True),
        _col("earned", u, numeric=True),
        _col("cap", machine=False),
        _col("capped_by", display=False),
        _col("payable", u, numeric=True),
        _col("unit", display=False),
        _col("note"),
    ]
    rows = []
    for p in s.payments:
        c = p.claim
        rule = s.policy.rule(c.rule)
        rows.append(
            {
                "file": c.loc.file,
                "line": str(c.loc.line),
                "rule": rule.id,
                "rule_name": rule.name,
                "beneficiary": c.beneficiary,
                "date": c.date.isoformat(),
                "reference": c.reference,
                "basis": _basis(p, rule, money),
                "amount": money.text(c.amount),
                "count": fmt_number(c.counted),
                "count_unit": units.display(rule.per) if rule.per else "",
                "standard": standard(rule, money),
                "earned": money.text(p.earned),
                "cap": "; ".join(cap_text(k, rule, s.policy, money) for k in p.capped_by),
                "capped_by": ";".join(p.capped_by),
                "payable": money.text(p.payable),
                "unit": u,
                "note": c.note or "",
            }
        )
    footer = [w("incentives.how", u=u), *(_totals(s, money) if totals else ())]
    title = _title(s, "incentives.claims", plan_title)
    return Table(title, columns, rows, footer, empty=w("incentives.no_claims"))


def beneficiary_table(s: Settlement, plan_title: str = "", totals: bool = True) -> Table:
    money = Money(s.policy)
    u = units.display(money.unit)
    columns = [_col("beneficiary"), *_sum_columns(u)]
    rows = [{"beneficiary": t.key, **_sums(t, money)} for t in s.by_beneficiary]
    footer = _totals(s, money) if totals else []
    title = _title(s, "incentives.by_beneficiary", plan_title)
    return Table(title, columns, rows, footer, empty=w("incentives.no_claims"))


def _sum_columns(u: str) -> list[Column]:
    """The columns of a subtotal: claims, earned, cut by caps, payable."""
    return [
        _col("claims", numeric=True),
        _col("earned", u, numeric=True),
        _col("cut", u, numeric=True),
        _col("payable", u, numeric=True),
        _col("unit", display=False),  # CSV names the unit of every amount
    ]


def _sums(t: Subtotal, money: Money) -> dict[str, str]:
    return {
        "claims": str(t.claims),
        "earned": money.text(t.earned),
        "cut": money.text(t.earned - t.payable),
        "payable": money.text(t.payable),
        "unit": units.display(money.unit),
    }


def rule_table(s: Settlement, plan_title: str = "", human: bool = True) -> Table:
    money = Money(s.policy)
    u = units.display(money.unit)
    columns = [
        _col("rule", display=False),
        _col("rule_name")._replace(key="name"),
        _col("standard", numeric=True),
        *_sum_columns(u),
        _col("budget", u, numeric=True),
        _col("remaining", u, numeric=True),
        _col("source", display=False),
    ]

    def row(t: Subtotal, rule: Rule | None) -> dict[str, str]:
        return {
            "rule": rule.id if rule else "",
            "name": rule.name if rule else w("incentives.total"),
            "standard": standard(rule, money) if rule else "",
            **_sums(t, money),
            "budget": money.text(t.budget),
            "remaining": money.text(t.remaining),
            "source": rule.source if rule else "",
        }

    rows = [row(t, s.policy.rule(t.key)) for t in s.by_rule]
    if human:
        rows.append(row(s.total, None))
    title = _title(s, "incentives.by_rule", plan_title)
    return Table(title, columns, rows, _totals(s, money), empty=w("incentives.no_claims"))


def _totals(s: Settlement, money: Money) -> list[str]:
    t = s.total
    line = w(
        "incentives.total_line",
        year=s.year,
        claims=_claims(t.claims),
        earned=money.quantity(t.earned),
        payable=money.quantity(t.payable),
    )
    if t.earned != t.payable:
        line += w("incentives.total_cut", cut=money.quantity(t.earned - t.payable))
    lines = [line + w("stop")]
    for b in [*s.by_rule, t]:
        if b.budget is None:
            continue
        name = s.policy.rule(b.key).name if b.key else w("incentives.budget")
        if b.over_budget:
            over = money.quantity((b.capped or 0) - b.budget)
            lines.append(
                w(
                    "incentives.over_budget",
                    name=name,
                    budget=money.quantity(b.budget),
                    capped=money.quantity(b.capped),
                    over=over,
                )
            )
        else:
            lines.append(
                w(
                    "incentives.in_budget",
                    name=name,
                    budget=money.quantity(b.budget),
                    payable=money.quantity(b.payable),
                    left=money.quantity(b.remaining),
                )
            )
    if s.policy.note:
        lines.append(s.policy.note.strip())
    return lines


def settlement_json(s: Settlement, plan_id: str, title: str, file: str) -> dict[str, Any]:
    money = Money(s.policy)

    def subtotal(t: Subtotal) -> dict[str, Any]:
        return {
            "claims": t.claims,
            "earned": money.json(t.earned),
            "payable": money.json(t.payable),
            "budget": money.json(t.budget),
            "remaining": money.json(t.remaining),
            "over_budget": t.over_budget,
        }

    def payment(p: Payment) -> dict[str, Any]:
        c = p.claim
        rule = s.policy.rule(c.rule)
        return {
            "file": c.loc.file,
            "line": c.loc.line,
            "rule": c.rule,
            "beneficiary": c.beneficiary,
            "date": c.date.isoformat(),
            "reference": c.reference,
            "amount": money.json(c.amount),
            "count": to_json_number(c.counted),
            "count_unit": units.display(rule.per) if rule.per else None,
            "earned": money.json(p.earned),
            "capped_by": list(p.capped_by),
            "payable": money.json(p.payable),
            "note": c.note,
        }

    def rule_json(t: Subtotal) -> dict[str, Any]:
        r = s.policy.rule(t.key)
        return {
            "rule": r.id,
            "name": r.name,
            "source": r.source,
            "rate": to_json_number(r.rate * 100, 8) if r.rate is not None else None,
            "each": money.json(r.each),
            "per": units.display(r.per) if r.per else None,
            "max_per_item": money.json(r.max_per_item),
            "max_per_beneficiary": money.json(r.max_per_beneficiary),
            **subtotal(t),
        }

    return {
        "zonekpi": __version__,
        "report": "incentives",
        "plan": plan_id,
        "title": title,
        "file": file,
        "year": s.year,
        "unit": units.display(money.unit),
        "claims": [payment(p) for p in s.payments],
        "beneficiaries": [{"beneficiary": t.key, **subtotal(t)} for t in s.by_beneficiary],
        "rules": [rule_json(t) for t in s.by_rule],
        "total": subtotal(s.total),
    }


def settlement_sentences(s: Settlement, plan_title: str = "") -> list[tuple[str, list[str]]]:
    money = Money(s.policy)
    lines = []
    for t in s.by_rule:
        rule = s.policy.rule(t.key)
        text = w(
            "incentives.s_rule",
            name=rule.name,
            standard=standard(rule, money),
            claims=_claims(t.claims),
            payable=money.quantity(t.payable),
        )
        capped = [p for p in s.payments if p.claim.rule == rule.id and p.capped_by]
        if capped:
            cut = money.quantity(t.earned - t.payable)
            text += w("incentives.s_capped", n=len(capped), cut=cut)
        lines.append(text + w("stop"))
    for b in s.by_beneficiary:
        text = w("incentives.s_beneficiary", name=b.key, claims=_claims(b.claims))
        lines.append(text + w("incentives.s_paid", payable=money.quantity(b.payable)) + w("stop"))
    return [(_title(s, "incentives.outcome", plan_title), lines + _totals(s, money))]
