"""The plan's `incentives:` block read into a Policy: its rules, money unit and budgets.

The schema has checked the rules' shape; `PolicyReader` checks their meaning: money in a money
unit and whole 分, rates within 0–100%, a rule paying either a rate or a sum per unit, ids and
names used once (a claim names its rule by either, matched by `rule_key`). `to_yuan` reads an
amount of money, here and in claims files alike.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..errors import NoUnit, UnitError, msg
from ..model import units
from ..model.policy import Policy, Rule, beneficiary_key
from .reader import Reader
from .yamlstrict import Path as YPath

HUNDRED = Decimal(100)


class PolicyReader(Reader):
    """Builds the Policy of one plan document."""

    def policy(self, raw: dict[str, Any]) -> Policy | None:
        at: YPath = ("incentives",)
        unit = "万元"
        if "unit" in raw:
            try:
                unit = units.parse_unit(str(raw["unit"]))
            except UnitError as exc:
                self.error((*at, "unit"), msg("{what}: {why}", what="unit", why=exc.message))
                return None
            if units.dimension(unit) != units.dimension("元"):
                self.error(
                    (*at, "unit"),
                    msg(
                        "unit {unit} is not money; reports are in 元, 万元 or 亿元",
                        unit=units.display(unit),
                    ),
                )
                return None
        budget = self.money(raw["budget"], (*at, "budget"), "budget") if "budget" in raw else None
        rules = []
        named: dict[str, tuple[str, int]] = {}  # a claim's rule cell may be an id or a name
        for n, r in enumerate(raw["rules"]):
            rule_at = (*at, "rules", n)
            for key in ("id", "name"):
                if key == "name" and rule_key(r["name"]) == rule_key(r["id"]):
                    continue
                other = named.get(rule_key(r[key]))
                if other is not None:
                    self.error(
                        (*rule_at, key),
                        msg(
                            "rule {key} '{value}' is already the {other} of rule {number}; a claim "
                            "names its rule by id or name, so give each rule its own",
                            key=key,
                            value=r[key],
                            other=other[0],
                            number=other[1] + 1,
                        ),
                    )
                else:
                    named[rule_key(r[key])] = (key, n)
            rule = self.rule(r, rule_at)
            if rule is not None:
                rules.append(rule)
        if len(rules) != len(raw["rules"]):
            return None
        return Policy(tuple(rules), unit, budget, raw.get("note"))

    def rule(self, r: dict[str, Any], at: YPath) -> Rule | None:
        before = len(self.problems)
        rate = each = per = None
        if "rate" in r and ("each" in r or "per" in r):
            self.error(
                (*at, "each" if "each" in r else "per"),
                msg(
                    "a rule pays either 'rate: 1%' of an amount, or 'each: 1 万元' with 'per: 件', "
                    "not both"
                ),
            )
            return None
        if "each" in r and "per" not in r:
            self.error(
                (*at, "each"), msg("'each' needs 'per:', the unit counted, such as 'per: 件'")
            )
            return None
        if "per" in r and "each" not in r:
            self.error(
                (*at, "per"),
                msg("'per' needs 'each:', the sum paid for each, such as 'each: 1 万元'"),
            )
            return None
        if "rate" not in r and "each" not in r:
            self.error(
                at,
                msg(
                    "a rule pays either 'rate: 1%' of an amount, or 'each: 1 万元' with 'per: 件'; "
                    "this rule has neither"
                ),
            )
            return None
        if "of" in r and "rate" not in r:
            self.error((*at, "of"), msg("'of' names what a rate is of; this rule pays per unit"))
            return None
        if "rate" in r:
            rate = self.in_unit(r["rate"], "percent", (*at, "rate"), msg("a rate is a percentage"))
            if rate is not None and not 0 < rate <= HUNDRED:
                self.error(
                    (*at, "rate"),
                    msg("rate {rate!r} must be more than 0% and at most 100%", rate=r["rate"]),
                )
            rate = None if rate is None else rate / HUNDRED
        else:
            each = self.money(r["each"], (*at, "each"), "each")
            try:
                per = units.parse_unit(str(r["per"]))
            except UnitError as exc:
                self.error((*at, "per"), msg("{what}: {why}", what="per", why=exc.message))
            else:
                if units.dimension(per) in (units.dimension("元"), units.dimension("percent")):
                    self.error(
                        (*at, "per"),
                        msg(
                            "per is the unit counted, such as 件 or 个, not {unit}",
                            unit=units.display(per),
                        ),
                    )
        caps = {
            k: self.money(r[k], (*at, k), k) if k in r else None
            for k in ("max_per_item", "max_per_beneficiary", "budget")
        }
        if len(self.problems) != before:
            return None
        return Rule(
            id=r["id"],
            name=r["name"],
            source=r["source"],
            rate=rate,
            each=each,
            per=per,
            max_per_item=caps["max_per_item"],
            max_per_beneficiary=caps["max_per_beneficiary"],
            budget=caps["budget"],
            beneficiaries_per_item=r.get("beneficiaries_per_item", 1),
            basis=r.get("of"),
            note=r.get("note"),
            loc=self.loc(at),
        )

    def money(self, raw: Any, path: YPath, what: str) -> Decimal | None:
        """An amount of money in 元: more than 0 and whole 分; None after recording a problem."""
        try:
            value = to_yuan(raw)
        except UnitError as exc:
            self.error(path, msg("{what}: {why}", what=what, why=exc.message))
            return None
        if value <= 0:
            self.error(path, msg("{what}: {raw!r} must be more than 0", what=what, raw=raw))
            return None
        if value != value.quantize(Decimal("0.01")):
            self.error(
                path,
                msg(
                    "{what}: {raw!r} is finer than a 分 (0.01 元); round it to the 分",
                    what=what,
                    raw=raw,
                ),
            )
            return None
        return value


def to_yuan(raw: Any, default_unit: str | None = None) -> Decimal:
    """An amount of money written with its unit ('10 万元'), in 元; UnitError if it is not money.

    A unit zonekpi does not know is not matched to the nearest one it does: '1500万' is not
    '1500 万吨', and 万 alone is a number word, not a unit."""
    try:
        q = units.parse_quantity(raw, default_unit)
    except NoUnit as exc:
        raise UnitError(
            msg(
                "{number!r} has no unit; an amount of money is in 元, 万元 or 亿元, like "
                "'1500 万元'",
                number=exc.number,
            )
        ) from None
    except UnitError as exc:
        if "unknown unit" not in str(exc):
            raise
        unit = getattr(exc.message, "args", {}).get("unit", "")
        raise UnitError(
            msg(
                "{raw!r}: unknown unit {unit!r}; an amount of money is in 元, 万元 or 亿元, like "
                "'1500 万元'",
                raw=str(raw).strip(),
                unit=unit,
            )
        ) from None
    if units.dimension(q.unit) != units.dimension("元"):
        raise UnitError(
            msg(
                "{raw!r} is not an amount of money; write it in 元, 万元 or 亿元, like '10 万元'",
                raw=str(raw).strip(),
            )
        )
    return units.convert(q.value, q.unit, "元")


def rule_key(text: str) -> str:
    """How a rule id or name, or a reference, is matched: as a beneficiary's name is
    (`beneficiary_key`: full-width forms, spaces, invisible characters, dashes and Latin-looking
    letters folded), case ignored too (JS-001, js-001 and JS‐001 are one contract)."""
    return beneficiary_key(text).casefold()
