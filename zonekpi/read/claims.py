"""Claims files: one incentive claim a row of a CSV, TSV or .xlsx table, with every problem.

`read_claims` reads each row (rule, beneficiary, date, amount or count, reference) against the
plan's Policy and refuses, with file:line, a claim that names no rule, falls outside the year,
repeats a reference, or gives an amount without a unit: a claim is never skipped in silence.
The table itself is read by `tables`, the rules by `policy`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..errors import Problem, joined, msg, said, visible
from ..model.common import Loc
from ..model.policy import Claim, Policy, beneficiary_key
from .claimrow import _claim
from .claimrow import parse_date as parse_date
from .policy import rule_key
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
    out: list[str] = []
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
            problems.append(
                Problem(name, 1, 0, msg("column '{column}' appears twice; keep one", column=h))
            )
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
                name,
                1,
                0,
                msg("is empty; the first row names the columns {columns}", columns=HEADER),
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
            problems.append(_repeat(c, same[0], msg("by the same beneficiary; remove the repeat")))
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
            one = allowed == 1
            others = msg("one beneficiary") if one else msg("{n} beneficiaries", n=allowed)
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
