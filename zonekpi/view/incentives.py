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
from .numbers import fmt_number, fmt_percent, to_json_number
from .table import Column, Table

CAP_LABELS: dict[Cap, str] = {
    "max_per_item": "单项封顶",
    "max_per_beneficiary": "单位年度封顶",
    "rule_budget": "政策预算按比例核减",
    "budget": "总预算按比例核减",
}


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
    return f"{CAP_LABELS[cap]} {money.quantity(amount)}"


def _title(s: Settlement, what: str, plan_title: str) -> str:
    return f"{plan_title} 政策兑现 {s.year}年: {what}".strip()


def _basis(p: Payment, rule: Rule, money: Money) -> str:
    if p.claim.amount is not None:
        return money.quantity(p.claim.amount)
    return f"{fmt_number(p.claim.counted)}{units.display(rule.per or '')}"


def claims_table(s: Settlement, plan_title: str = "", totals: bool = True) -> Table:
    money = Money(s.policy)
    u = units.display(money.unit)
    columns = [
        Column("file", "文件", display=False),
        Column("line", "行", numeric=True, display=False),
        Column("rule", "政策代码", display=False),
        Column("rule_name", "政策"),
        Column("beneficiary", "受益单位"),
        Column("date", "日期"),
        Column("reference", "编号"),
        Column("basis", "计算基数", numeric=True, machine=False),
        Column("amount", f"金额({u})", numeric=True, display=False),
        Column("count", "数量", numeric=True, display=False),
        Column("count_unit", "计量单位", display=False),
        Column("standard", "标准", numeric=True),
        Column("earned", f"按标准({u})", numeric=True),
        Column("cap", "封顶", machine=False),
        Column("capped_by", "封顶规则", display=False),
        Column("payable", f"兑现({u})", numeric=True),
        Column("unit", "金额单位", display=False),
        Column("note", "备注"),
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
    footer = [
        f"金额单位 {u}, 精确到分. 按标准 = 金额 × 比例, 或 数量 × 定额, 四舍五入到分; 封顶依次为"
        "单项封顶、单位年度封顶 (按日期先后兑现至封顶)、政策预算、总预算 (超出时按比例核减).",
        *(_totals(s, money) if totals else ()),
    ]
    return Table(
        _title(s, "申报明细", plan_title), columns, rows, footer, empty="(无申报 no claims)"
    )


def beneficiary_table(s: Settlement, plan_title: str = "", totals: bool = True) -> Table:
    money = Money(s.policy)
    u = units.display(money.unit)
    columns = [Column("beneficiary", "受益单位"), *_sum_columns(u)]
    rows = [{"beneficiary": t.key, **_sums(t, money)} for t in s.by_beneficiary]
    footer = _totals(s, money) if totals else []
    return Table(
        _title(s, "按受益单位汇总", plan_title), columns, rows, footer, empty="(无申报 no claims)"
    )


def _sum_columns(u: str) -> list[Column]:
    """The columns of a subtotal: claims, earned, cut by caps, payable."""
    return [
        Column("claims", "笔数", numeric=True),
        Column("earned", f"按标准({u})", numeric=True),
        Column("cut", f"封顶核减({u})", numeric=True),
        Column("payable", f"兑现({u})", numeric=True),
        Column("unit", "金额单位", display=False),  # CSV names the unit of every amount
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
        Column("rule", "政策代码", display=False),
        Column("name", "政策"),
        Column("standard", "标准", numeric=True),
        *_sum_columns(u),
        Column("budget", f"预算({u})", numeric=True),
        Column("remaining", f"预算余额({u})", numeric=True),
        Column("source", "政策原文", display=False),
    ]

    def row(t: Subtotal, rule: Rule | None) -> dict[str, str]:
        return {
            "rule": rule.id if rule else "",
            "name": rule.name if rule else "合计",
            "standard": standard(rule, money) if rule else "",
            **_sums(t, money),
            "budget": money.text(t.budget),
            "remaining": money.text(t.remaining),
            "source": rule.source if rule else "",
        }

    rows = [row(t, s.policy.rule(t.key)) for t in s.by_rule]
    if human:
        rows.append(row(s.total, None))
    return Table(_title(s, "按政策汇总", plan_title), columns, rows, _totals(s, money))


def _totals(s: Settlement, money: Money) -> list[str]:
    t = s.total
    line = (
        f"{s.year}年共 {t.claims} 笔申报, 按标准 {money.quantity(t.earned)}, "
        f"兑现 {money.quantity(t.payable)}"
    )
    if t.earned != t.payable:
        line += f" (封顶核减 {money.quantity(t.earned - t.payable)})"
    lines = [line + "."]
    for b in [*s.by_rule, t]:
        if b.budget is None:
            continue
        name = s.policy.rule(b.key).name if b.key else "总预算"
        if b.over_budget:
            lines.append(
                f"{name}: 预算 {money.quantity(b.budget)}, 封顶后应兑现 "
                f"{money.quantity(b.capped)}, 超出 {money.quantity((b.capped or 0) - b.budget)}, "
                "已按比例核减."
            )
        else:
            lines.append(
                f"{name}: 预算 {money.quantity(b.budget)}, 兑现 {money.quantity(b.payable)}, "
                f"余 {money.quantity(b.remaining)}."
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
        text = (
            f"{rule.name} ({standard(rule, money)}): {t.claims}笔, 兑现{money.quantity(t.payable)}"
        )
        capped = [p for p in s.payments if p.claim.rule == rule.id and p.capped_by]
        if capped:
            text += f", 其中{len(capped)}笔封顶, 核减{money.quantity(t.earned - t.payable)}"
        lines.append(text + "。")
    for b in s.by_beneficiary:
        lines.append(f"{b.key}: {b.claims}笔, 兑现{money.quantity(b.payable)}。")
    return [(_title(s, "兑现情况", plan_title), lines + _totals(s, money))]
