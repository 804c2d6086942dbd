"""Claims files: one incentive claim a row of a CSV, TSV or .xlsx table, with every problem.

`read_claims` reads each row (rule, beneficiary, date, amount or count, reference) against the
plan's Policy and refuses, with file:line, a claim that names no rule, falls outside the year,
repeats a reference, or gives an amount without a unit: a claim is never skipped in silence.
The table itself is read by `tables`, the rules by `policy`.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from ..errors import Problem, UnitError, visible, joined, msg, said
from ..model import units
from ..model.common import Loc
from ..model.policy import Claim, Policy, Rule, beneficiary_key
from .policy import rule_key, to_yuan
from .tables import TABLE_SUFFIXES, header_names, split_sheet, table_rows

# column → the names it may be written as (English, or the Chinese of a finance ledger)
CLAIM_COLUMNS: dict[str, tuple[str, ...]] = {
    "rule": ("rule", "规则", "政策"),
    "beneficiary": ("beneficiary", "受益单位", "申报单位", "单位名称"),
    "date": ("date", "日期"),
    "amount": ("amount", "金额"),
    "count": ("count", "数量", "件数"),
    "unit": ("unit", "计量单位"),
    "reference": ("reference", "编号", "合同编号"),
    "note": ("note", "备注"),
}
REQUIRED = ("rule", "beneficiary", "date", "reference")
HEADER = "rule,beneficiary,date,amount,unit,count,reference,note"


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


def read_claims(
    paths: Iterable[str | Path], policy: Policy, year: int, problems: list[Problem]
) -> tuple[list[Claim], list[str]]:
    """The claims of every file for `year`, and notes on how the files were read; every claim
    that cannot be paid as written is a problem."""
    claims: list[Claim] = []
    notes: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if str(path) in seen:
            problems.append(
                Problem(str(path), 0, 0, msg("is given twice; give each claims file once"))
            )
            continue
        seen.add(str(path))
        rows, file_notes = _table(Path(path), problems)
        notes.extend(file_notes)
        if rows is not None:
            claims.extend(_claims(rows, str(path), policy, year, problems))
    problems.extend(repeated_references(claims, policy))
    notes.extend(spelled_alike(claims))
    return claims, notes


def spelled_alike(claims: list[Claim]) -> list[str]:
    """A warning for each beneficiary written a second way that is the same name as a person
    reads it (`beneficiary_key`: a zero-width space, a Cyrillic С, a full-width bracket): both
    spellings are one party, under one cap, and the warning names both and where they are."""
    out = []
    seen: dict[str, dict[str, Claim]] = {}
    for c in claims:
        spellings = seen.setdefault(beneficiary_key(c.beneficiary), {})
        if c.beneficiary in spellings:
            continue
        if spellings:
            was = next(iter(spellings.values()))
            out.append(
                msg(
                    "warning: {file}:{line}: beneficiary '{name}' is '{was}' ({was_at}) written "
                    "another way ({differing}); both are settled as one party, under one cap",
                    file=c.loc.file,
                    line=c.loc.line,
                    name=visible(c.beneficiary),
                    was=visible(was.beneficiary),
                    was_at=f"{was.loc.file}:{was.loc.line}",
                    differing=_differing(was.beneficiary, c.beneficiary),
                )
            )
        spellings[c.beneficiary] = c
    return out


def _differing(a: str, b: str, width: bool = True) -> str:
    """The characters two spellings of one name differ by, named: 'U+200B ZERO WIDTH SPACE';
    without `width`, only the invisible and look-alike ones (not full-width forms or spaces)."""
    odd = [
        c
        for c in dict.fromkeys(a + b)
        if a.count(c) != b.count(c)
        and beneficiary_key(c) != (c if width else unicodedata.normalize("NFKC", c).strip())
    ]
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in odd)


def _table(
    path: Path, problems: list[Problem]
) -> tuple[Iterable[tuple[int, list[str]]] | None, list[str]]:
    """(line, cells) of a CSV, TSV or workbook sheet; None after recording a problem."""
    path, sheet = split_sheet(path)
    name = str(path)
    if path.is_dir():
        problems.append(
            Problem(name, 0, 0, msg("is a directory; give a claims file (.csv or .xlsx)"))
        )
        return None, []
    if path.suffix.lower() not in TABLE_SUFFIXES:
        problems.append(
            Problem(
                name, 0, 0, msg("claims files are .csv, .tsv or .xlsx (Excel: save as CSV UTF-8)")
            )
        )
        return None, []
    return table_rows(path, sheet, problems, "claims file", claims=True)


def _header(cells: list[str], name: str, problems: list[Problem]) -> dict[str, int] | None:
    """Column positions by their English key; None after recording a problem."""
    spelled = header_names(cells)
    alias = {a: key for key, names in CLAIM_COLUMNS.items() for a in names}
    at: dict[str, int] = {}
    unknown = []
    for n, h in enumerate(spelled):
        key = alias.get(h)
        if key is None:
            unknown.append(h or msg("(empty, column {n})", n=n + 1))
        elif key in at:
            problems.append(Problem(name, 1, 0, msg("column '{column}' appears twice; keep one", column=h)))
            return None
        else:
            at[key] = n
    if unknown:
        problems.append(
            Problem(
                name,
                1,
                0,
                msg(
                    "unknown column(s) {listed}; the header is {header}",
                    listed=joined(unknown),
                    header=HEADER,
                ),
            )
        )
        return None
    missing = [c for c in REQUIRED if c not in at]
    if "amount" not in at and "count" not in at:
        missing.append(msg("amount or count"))
    if missing:
        problems.append(
            Problem(
                name,
                1,
                0,
                msg(
                    "missing column(s) {missing}; the header is {header}",
                    missing=joined(missing),
                    header=HEADER,
                ),
            )
        )
        return None
    return at


def _claims(
    numbered: Iterable[tuple[int, list[str]]],
    name: str,
    policy: Policy,
    year: int,
    problems: list[Problem],
) -> list[Claim]:
    rows = iter(numbered)
    first = next(rows, None)
    if first is None:
        problems.append(
            Problem(
                name, 1, 0, msg("is empty; the first row names the columns {columns}", columns=HEADER)
            )
        )
        return []
    at = _header(first[1], name, problems)
    if at is None:
        return []
    width = max(at.values()) + 1
    by_name = {rule_key(r.name): r for r in policy.rules}
    by_name |= {rule_key(r.id): r for r in policy.rules}  # an id wins over a name
    out = []
    for line, row in rows:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if len(cells) < width or any(cells[width:]):
            problems.append(
                Problem(
                    name,
                    line,
                    0,
                    msg(
                        "has {cells} cells; the header has {width} (an empty cell is nothing "
                        "between two commas)",
                        cells=len(row),
                        width=width,
                    ),
                )
            )
            continue
        get = {k: cells[n] for k, n in at.items()}
        try:
            out.append(_claim(get, by_name, policy, year, Loc(name, line)))
        except ValueError as exc:
            problems.append(Problem(name, line, 0, said(exc)))
    return out


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


def repeated_references(claims: list[Claim], policy: Policy) -> list[Problem]:
    """A problem for each claim that repeats a reference under the same rule: the same
    beneficiary twice, or more beneficiaries than the rule pays for one item."""
    problems = []
    seen: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        key = (c.rule, rule_key(c.reference))
        earlier = seen.setdefault(key, [])
        rule = policy.rule(c.rule)
        who = beneficiary_key(c.beneficiary)
        same = [e for e in earlier if beneficiary_key(e.beneficiary) == who]
        if same:
            problems.append(
                _repeat(c, same[0], msg("by the same beneficiary; remove the repeat"))
            )
            continue
        differ = [e for e in earlier if (e.amount, e.counted) != (c.amount, c.counted)]
        if differ and len(earlier) < rule.beneficiaries_per_item:
            e = differ[0]
            problems.append(
                _repeat(
                    c,
                    e,
                    msg(
                        "by {who} at {theirs}, not {mine}; one item has one amount, so correct "
                        "one of them",
                        who=e.beneficiary,
                        theirs=_shown(e),
                        mine=_shown(c),
                    ),
                )
            )
            continue
        if len(earlier) >= rule.beneficiaries_per_item:
            allowed = rule.beneficiaries_per_item
            if allowed == 1:
                others = msg("one beneficiary")
            else:
                others = msg("{n} beneficiaries", n=allowed)
            why = msg(
                "by {who}; rule {rule} pays {others} per item (correct the reference, or set "
                "beneficiaries_per_item for a rule that pays each party)",
                who=earlier[0].beneficiary,
                rule=rule.id,
                others=others,
            )
            problems.append(_repeat(c, earlier[0], why))
            continue
        earlier.append(c)
    return problems


def _shown(c: Claim) -> str:
    if c.amount is not None:
        return f"{format(c.amount, 'f')} 元"
    return format(c.counted or 0, "f")


def _repeat(claim: Claim, first: Claim, why: str) -> Problem:
    at = first.loc.seen_from(claim.loc)
    differing = _differing(first.reference, claim.reference, width=False)
    if differing:  # JS‐001 (U+2010) beside JS-001: one contract
        at = msg(
            "{at}, as '{first}'; they differ only by {differing}",
            at=at,
            first=visible(first.reference),
            differing=differing,
        )
    return Problem(
        claim.loc.file,
        claim.loc.line,
        0,
        msg(
            "reference '{reference}' under rule {rule} is claimed already (at {at}) {why}",
            reference=visible(claim.reference),
            rule=claim.rule,
            at=at,
            why=why,
        ),
    )
