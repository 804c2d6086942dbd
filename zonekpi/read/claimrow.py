"""One claim from the cells of its row of a claims file: its rule, beneficiary, reference and
date (`parse_date`), and the amount or the count its rule pays on; ValueError with the one
message for the row when it cannot be paid as written."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from ..errors import UnitError, msg
from ..model import units
from ..model.common import Loc
from ..model.policy import Claim, Policy, Rule, beneficiary_key
from .policy import rule_key, to_yuan


def parse_date(text: str) -> datetime.date:
    """A day written 2020-05-12, 2020/5/12, 2020.5.12, 2020年5月12日 or 20200512."""
    odd = units.foreign_digit(text)
    if odd is not None:  # 2020-05-1² is not the 12th
        raise ValueError(
            msg("date {text!r}: {why}", text=text, why=units.foreign_digit_problem(text, odd))
        )
    spelled = units.normalise(text)
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", spelled)
    m = m or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", spelled)
    if m is None:
        if re.fullmatch(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*月?", spelled):
            raise ValueError(
                msg("date {text!r} is a month; a claim's date is a day, like 2020-05-12", text=text)
            )
        raise ValueError(msg("date {text!r} is not a date; write it like 2020-05-12", text=text))
    try:
        return datetime.date(*(int(g) for g in m.groups()))
    except ValueError:
        raise ValueError(
            msg("date {text!r} is not a day of the calendar; check it", text=text)
        ) from None


def _claim(
    get: dict[str, str], by_name: dict[str, Rule], policy: Policy, year: int, loc: Loc
) -> Claim:
    """One claim from a row's cells; ValueError with the message for the row."""
    rule = by_name.get(rule_key(get["rule"]))
    if rule is None:
        raise ValueError(_unknown_rule(get["rule"], policy))
    if not beneficiary_key(get["beneficiary"]):  # (nothing but a zero-width space is empty)
        raise ValueError(
            msg(
                "the beneficiary is empty; every claim names its beneficiary and its reference "
                "(contract or patent number)"
            )
        )
    if not beneficiary_key(get["reference"]):
        raise ValueError(
            msg(
                "the reference is empty; every claim names its beneficiary and its reference "
                "(contract or patent number)"
            )
        )
    if not get["date"]:
        raise ValueError(msg("the date is empty; write the claim's date, like 2020-05-12"))
    date = parse_date(get["date"])
    if date.year != year:
        raise ValueError(
            msg(
                "dated {date}, outside {year}; settle it with --year {other}, or correct the date",
                date=date.isoformat(),
                year=year,
                other=date.year,
            )
        )
    unit = get.get("unit", "")
    if get.get("amount") and get.get("count"):
        if rule.rate is not None:
            raise ValueError(
                msg(
                    "both an amount and a count; rule {rule} pays on the amount, so leave the "
                    "count empty",
                    rule=rule.id,
                )
            )
        raise ValueError(
            msg(
                "both an amount and a count; rule {rule} pays on the count, so leave the "
                "amount empty",
                rule=rule.id,
            )
        )
    if rule.rate is not None:
        if "amount" not in get:
            raise ValueError(
                msg(
                    "rule {rule} pays a rate of an amount; this file has no amount column",
                    rule=rule.id,
                )
            )
        amount = _amount(get["amount"], unit, rule)
        return Claim(rule.id, get["beneficiary"], date, get["reference"], amount=amount,
                     note=get.get("note") or None, loc=loc)  # fmt: skip
    text = get.get("count") or get.get("amount", "")
    counted = _count(text, unit, rule)
    return Claim(rule.id, get["beneficiary"], date, get["reference"], counted=counted,
                 note=get.get("note") or None, loc=loc)  # fmt: skip


def _amount(text: str, unit: str, rule: Rule) -> Decimal:
    of = rule.basis or "amount"
    if not text:
        raise ValueError(
            msg(
                "rule {rule} pays a rate of the {of}; the amount is empty (write it with its "
                "unit, like '1500 万元')",
                rule=rule.id,
                of=of,
            )
        )
    try:
        if unit and not units.is_bare_number(text):
            raise UnitError(
                msg(
                    "the amount {text!r} has a unit and the unit column says {unit!r}; keep one",
                    text=text,
                    unit=unit,
                )
            )
        value = to_yuan(f"{text} {unit}" if unit else text)
    except UnitError as exc:
        raise ValueError(msg("{what}: {why}", what="amount", why=exc.message)) from None
    if value <= 0:
        raise ValueError(msg("amount {text!r} must be more than 0", text=text))
    return value


def _count(text: str, unit: str, rule: Rule) -> Decimal:
    per = units.display(rule.per or "")
    if not text:
        raise ValueError(
            msg(
                "rule {rule} pays per {per}; the count is empty (write the number of {per}, "
                "like '3')",
                rule=rule.id,
                per=per,
            )
        )
    try:
        q = units.parse_quantity(text, unit or rule.per)
        if unit and not units.is_bare_number(text):
            raise UnitError(
                msg(
                    "the count {text!r} has a unit and the unit column says {unit!r}; keep one",
                    text=text,
                    unit=unit,
                )
            )
    except UnitError as exc:
        raise ValueError(msg("{what}: {why}", what="count", why=exc.message)) from None
    if q.unit != rule.per:
        raise ValueError(
            msg(
                "count {text!r}{unit}: rule {rule} pays per {per}; give the number of {per}",
                text=text,
                unit=" " + unit if unit else "",
                rule=rule.id,
                per=per,
            )
        )
    if q.value <= 0 or q.value != q.value.to_integral_value():
        raise ValueError(msg("count {text!r} must be a whole number more than 0", text=text))
    return q.value


def _unknown_rule(written: str, policy: Policy) -> str:
    import difflib

    if not written:
        return msg(
            "the rule is empty; name the rule by its id: {ids}",
            ids=", ".join(r.id for r in policy.rules),
        )
    known = [r.id for r in policy.rules] + [r.name for r in policy.rules]
    close = difflib.get_close_matches(written, known, n=1)
    ids = ", ".join(r.id for r in policy.rules)
    if close:
        return msg(
            "no rule '{written}' in the plan (rules: {ids}); did you mean '{meant}'?",
            written=written,
            ids=ids,
            meant=close[0],
        )
    return msg("no rule '{written}' in the plan (rules: {ids})", written=written, ids=ids)
