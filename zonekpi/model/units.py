"""Units and quantities: reading ``95 家`` or ``1,200 万元`` and converting between units.

This is the only module that imports pint, and it does so only when two different units meet
(3000 万元 against a target in 亿元): a check whose units all match never pays for pint. The list
of units is ``units.txt`` beside this file, in pint's definition format; the names and aliases are
read from it here with a few lines of parsing, so the whitelist and the conversions cannot drift.

Quantities are parsed here rather than by pint, whose expression parser reads ``2 200 元`` as 400
(implicit multiplication) and ``1,2 万元`` as 12: a quantity is one strict decimal number, then one
unit from the list. The number grammar (NUMBER, PLAIN_NUMBER, SHARE_FRACTION, the look-alike
digit checks, the messages for a text that is not a number) is `numbers`; its names are
re-exported here for the readers that use them as ``units.…``. A quantity holding a superscript,
subscript, circled, parenthesised or Roman numeral, or a digit of another script, is refused with
the character named (`literal`); a unit may hold one where it is a known spelling (``m²``, ``㎡``).

It also owns how a quantity is shown (``95家``, ``0.12亿元``, ``5.73%``), so that readers and the
core can word messages and findings without importing the view.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import Message, NoUnit, UnitError, UnitMismatch, msg
from .numbers import (
    DIGITS,
    E_NOTATION,
    EXPRESSION,
    LITERAL_LEAD,
    finite,
    number_error,
    sized,
)
from .numbers import MAX_DIGITS as MAX_DIGITS
from .numbers import NUMBER as NUMBER
from .numbers import PLAIN_NUMBER as PLAIN_NUMBER
from .numbers import SHARE_FRACTION as SHARE_FRACTION
from .numbers import foreign_digit as foreign_digit
from .numbers import foreign_digit_problem as foreign_digit_problem
from .numbers import is_bare_number as is_bare_number
from .numbers import normalise as normalise

# Spellings pint cannot hold as names (not identifiers), mapped to names in units.txt. Keys are
# as they look after NFKC normalisation (㎡ becomes "m2", ％ becomes "%").
_SYMBOLS = {
    "%": "percent",
    "‰": "permille",
    "m²": "平方米",
    "km²": "平方公里",
    "万m2": "万平方米",
    "万m²": "万平方米",
    "yes/no": "是否",
    "是/否": "是否",
}
# How a canonical unit is shown in reports.
_DISPLAY = {"percent": "%", "permille": "‰", "百分点": "个百分点", "是否": "是/否"}


class Quantity(NamedTuple):
    """A decimal number with one unit, as written by a user (``95 家``)."""

    value: Decimal
    unit: str

    def __str__(self) -> str:
        return f"{fmt_number(self.value)}{spacer(self.unit)}{display(self.unit)}"


DEFINITIONS = Path(__file__).with_name("units.txt")


@cache
def _definitions() -> tuple[tuple[str, str, list[str]], ...]:
    """Each line of units.txt as (name, definition, other names): `万元 = 10000 * 元 = wan_yuan`
    is ("万元", "10000 * 元", ["wan_yuan"])."""
    lines = []
    for raw in DEFINITIONS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line and "=" in line:
            name, expr, *others = (p.strip() for p in line.split("="))
            lines.append((name, expr, [o for o in others if o]))
    return tuple(lines)


@cache
def _aliases() -> dict[str, str]:
    """Every accepted spelling, mapped to its canonical name (the first name on its line)."""
    table: dict[str, str] = {}
    for canonical, _, others in _definitions():
        for name in (canonical, *others):
            table[name] = canonical
            table[name.lower()] = canonical
    for symbol, canonical in _SYMBOLS.items():
        table[symbol] = canonical
    return table


@cache
def _dimensions() -> dict[str, str]:
    """Each canonical unit's kind ([money], [person], …), read from units.txt without pint: a
    unit is either a base (`人 = [person]`) or a multiple of one before it (`万人 = 10000 * 人`)."""
    dims: dict[str, str] = {}
    for name, expr, _ in _definitions():
        if expr.startswith("["):
            dims[name] = expr
        else:
            base = expr.replace("*", " ").replace("/", " ").split()[-1]
            if base in dims:
                dims[name] = dims[base]
    return dims


@cache
def _factors() -> dict[str, tuple[Decimal, str]]:
    """Each unit as a multiple of its base unit, read from units.txt (`亿元 = 100000000 * 元`,
    `亩 = 10000 / 15 * 平方米`): conversions between them need no pint."""
    out: dict[str, tuple[Decimal, str]] = {}
    for name, expr, _ in _definitions():
        if expr.startswith("["):
            out[name] = (Decimal(1), name)
            continue
        tokens = expr.split()
        if len(tokens) < 3 or tokens[-2] != "*" or tokens[-1] not in out:
            continue
        try:
            number = Decimal(tokens[0])
            if len(tokens) == 5 and tokens[1] == "/":
                number /= Decimal(tokens[2])
            elif len(tokens) != 3:
                continue
        except InvalidOperation:
            continue
        factor, base = out[tokens[-1]]
        out[name] = (number * factor, base)
    return out


def dimension(unit: str) -> str | None:
    """The kind of quantity a canonical unit measures, or None when units.txt does not say."""
    return _dimensions().get(unit)


def known_units() -> list[str]:
    """The canonical unit names, in the order of units.txt."""
    return list(dict.fromkeys(_aliases().values()))


def spellings() -> list[tuple[str, list[str]]]:
    """Each canonical unit with its other accepted spellings (lower-case duplicates left out)."""
    table: dict[str, list[str]] = {name: [] for name in known_units()}
    for spelling, name in _aliases().items():
        others = table[name]
        if spelling != display(name) and spelling.lower() not in {o.lower() for o in others}:
            others.append(spelling)
    return list(table.items())


def literal(text: str) -> None:
    """UnitError when `text`, a quantity as written, holds a look-alike digit (see
    `foreign_digit`) anywhere but in a known spelling of the unit after its number (5 m²)."""
    at = foreign_digit(text)
    if at is None:
        return
    lead = LITERAL_LEAD.match(text)  # (it always matches: all of it is optional)
    end = lead.end() if lead is not None else 0
    if not DIGITS.isdisjoint(text[:end]):
        try:
            parse_unit(text[end:])
        except UnitError:
            pass
        else:
            return
    raise UnitError(msg("{text!r}: {why}", text=text.strip(), why=foreign_digit_problem(text, at)))


@lru_cache(maxsize=512)
def parse_unit(text: str) -> str:
    """The canonical name of a unit as written, or UnitError naming what is accepted."""
    spelled = normalise(text)
    compact = re.sub(r"\s+", "", spelled)
    table = _aliases()
    for key in (spelled, compact, compact.lower()):
        if key in table:
            return table[key]
    raise UnitError(_unknown(text.strip(), compact))


def _unknown(text: str, compact: str) -> Message:
    import difflib

    close = difflib.get_close_matches(compact, list(_aliases()), n=1, cutoff=0.5)
    if close:
        meant = display(_aliases()[close[0]])
        return msg("unknown unit {unit!r}; did you mean {meant!r}?", unit=text, meant=meant)
    return msg("unknown unit {unit!r}; see `zonekpi units` for the accepted units", unit=text)


def parse_quantity(text: Any, default_unit: str | None = None) -> Quantity:
    """Read ``95 家``, ``8%``, ``-3.5 个百分点`` or ``1,200 万元`` into a Quantity.

    A bare number is accepted only when `default_unit` is given (a CSV whose unit column is
    filled in); otherwise the unit is required, since zonekpi never guesses one.
    """
    if isinstance(text, Quantity):  # already read (a CSV row's number and unit)
        return text
    if isinstance(text, bool) or text is None:
        raise UnitError(msg("expected a number with a unit, like '95 家', not {text!r}", text=text))
    if isinstance(text, (int, Decimal, float)):
        if default_unit is None:
            raise NoUnit(
                msg(
                    "{text} has no unit; write it with its unit, for example '{text} 家'", text=text
                ),
                str(text),
            )
        return Quantity(finite(Decimal(str(text)), str(text)), default_unit)
    text = str(text)
    if text.isascii():
        spelled = text.strip()
    else:
        literal(text)  # 92¹ is not 921
        spelled = normalise(text)
    ratio = SHARE_FRACTION.fullmatch(spelled)
    if ratio is not None:  # 占全市1/8: a share of a whole, in percent (as exact as Decimal holds)
        top, bottom = Decimal(ratio[1]), Decimal(ratio[2])
        if bottom == 0 or top > bottom:
            raise UnitError(
                msg("{text!r}: a share written as a fraction is at most 1 (1/8, 2/3)", text=spelled)
            )
        return Quantity(top / bottom * 100, "percent")
    match = NUMBER.match(spelled)
    if not match:
        raise number_error(spelled)
    rest = spelled[match.end() :].strip()
    number = spelled[: match.end()]
    if rest and (rest[0].isdigit() or rest[0] in ",./"):
        raise number_error(spelled)
    if rest[:1] == ":" and rest[1:2].isdigit():
        raise UnitError(
            msg(
                "{text!r} is a ratio or a time, not a number; write one number and its unit, "
                "like '95 家'",
                text=spelled,
            )
        )
    if E_NOTATION.match(rest):
        raise UnitError(
            msg("{text!r}: write the number out (1.5e3 is 1500), not in e-notation", text=spelled)
        )
    if not rest:
        if default_unit is None:
            raise NoUnit(
                msg(
                    "{text!r} has no unit; write it with its unit, for example '{bare} 家'",
                    text=spelled,
                    bare=spelled,
                ),
                number,
            )
        unit = default_unit
    else:
        if EXPRESSION.search(rest) or rest[:1] == "*":
            raise UnitError(
                msg(
                    "{text!r} is an expression; write one number and one unit, such as '5 元'",
                    text=spelled,
                )
            )
        unit = parse_unit(rest)
    return Quantity(sized(finite(Decimal(number.replace(",", "")), spelled), number), unit)


def display(unit: str) -> str:
    """How a canonical unit is written in reports (percent as %, 百分点 as 个百分点)."""
    return _DISPLAY.get(unit, unit)


def spacer(unit: str) -> str:
    """No space before % and ‰, one before ASCII unit names, none before Chinese ones."""
    shown = display(unit)
    return " " if shown[:1].isascii() and shown[:1].isalpha() else ""


def fmt_quantity(value: Decimal | None, unit: str) -> str:
    """A value in `unit` as reports show it: 95家, 0.12亿元, 5.73% ('' for no value)."""
    if value is None:
        return ""
    if is_percent(unit):
        return f"{fmt_number(value, 2)}%"
    return f"{fmt_number(value)}{spacer(unit)}{display(unit)}"


def fmt_number(value: Decimal | int | None, places: int = 4) -> str:
    """A decimal rounded half up (四舍五入) to at most `places` places, trailing zeros dropped,
    never an exponent: 0.12 (not 0.12000000000000001), 50 (not 5E+1); the views use it too."""
    if value is None:
        return ""
    d = Decimal(value)
    d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if d.adjusted() < 24 else d
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def is_percent(unit: str) -> bool:
    return unit == "percent"


def is_flag(unit: str) -> bool:
    """A 是否 (yes/no) indicator."""
    return unit == "是否"


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry(str(DEFINITIONS), non_int_type=Decimal, cache_folder=None)


def convert(value: Decimal, unit: str, to: str) -> Decimal:
    """`value` in `unit`, expressed in `to`; UnitMismatch when the kinds differ (家 vs 元)."""
    if unit == to:
        return value
    known = _factors()
    if unit in known and to in known:  # a multiple of the same base: exact, without pint
        (f_from, base), (f_to, base_to) = known[unit], known[to]
        if base != base_to:
            raise UnitMismatch(display(unit), display(to))
        converted = value * f_from / f_to
        return converted.normalize() if converted else Decimal(0)
    import pint

    registry = _registry()
    try:
        converted = registry.Quantity(value, unit).to(to).magnitude
    except pint.DimensionalityError:
        raise UnitMismatch(display(unit), display(to)) from None
    try:
        return Decimal(converted).normalize() if converted else Decimal(0)
    except InvalidOperation:  # pragma: no cover - pint returned something odd
        raise UnitError(
            msg("cannot convert {value} {unit} to {to}", value=value, unit=unit, to=to)
        ) from None


def compatible(unit: str, other: str) -> bool:
    """Whether a figure in `unit` can be compared with a target in `other`."""
    if unit == other:
        return True
    mine, theirs = dimension(unit), dimension(other)
    if mine is not None and theirs is not None:  # the common case, without loading pint
        return mine == theirs
    try:
        convert(Decimal(1), unit, other)
    except UnitMismatch:
        return False
    return True
