"""The number grammar: the only definition of a number in a user's file.

A number is an optional sign, then digits (in groups of three between commas, or not grouped),
then an optional fraction after a point; at most MAX_DIGITS digits before the point. Full-width
digits and signs (``８％``, ``１，２００``) are accepted through NFKC (`normalise`). This module
owns NUMBER (the whole grammar), PLAIN_NUMBER (its commonest form, for the fast path that reads a
large table's plain numbers), SHARE_FRACTION (a share written 1/8), the check that a text is a
number alone (`is_bare_number`), the checks on a number's size and finiteness, and the message
saying why a text does not read as a number. `units.parse_quantity` puts them together with a
unit; every reader uses them through it.

Numbers are read literally: only the digits 0–9 and ０–９ are digits. NFKC would read a footnote
marker as a digit (``92¹`` as 921, ``310①`` as 3101), and Decimal reads the digits of other
scripts (``٩٢`` as 92); `foreign_digit` finds such a character and `foreign_digit_problem` names
it. It imports only the standard library's re, unicodedata and decimal: it is read at start-up.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from ..errors import Message, NotFinite, UnitError, msg


def normalise(text: str) -> str:
    """NFKC, so that full-width digits, signs and spaces read as their ASCII forms."""
    return unicodedata.normalize("NFKC", text).strip()


DIGITS = frozenset("0123456789０１２３４５６７８９")


def foreign_digit(text: str) -> int | None:
    """Where the first character of `text` is that reads as a digit without being one of 0–9
    or ０–９ (None when there is none): a superscript or subscript (¹ ₂), a circled,
    parenthesised or dotted numeral (① ⑴ ⒈), a Roman numeral (Ⅻ), a digit of another script
    (٩ ९ 𝟗), or any other character NFKC turns into a digit. Chinese numerals (一 万 亿) are
    words, not look-alikes: 万元 is a unit."""
    if text.isascii():
        return None
    for n, c in enumerate(text):
        if c < "\x80" or c in DIGITS:
            continue
        if _looks_like_digit(c):
            return n
    return None


@lru_cache(maxsize=256)
def _looks_like_digit(c: str) -> bool:
    if unicodedata.numeric(c, None) is not None:
        return not unicodedata.name(c, "").startswith("CJK ")
    return any("0" <= d <= "9" for d in unicodedata.normalize("NFKC", c))


def foreign_digit_problem(text: str, at: int) -> Message:
    """What is wrong with the look-alike digit at `at` in `text`, and what to write instead."""
    c = text[at]
    name = unicodedata.name(c, "")
    shown = f"{c!r} (U+{ord(c):04X})"
    if any(w in name for w in _MARKERS):
        return msg(
            "{shown} is not a digit: a footnote marker? remove it, or put the note in 备注",
            shown=shown,
        )
    if "ROMAN NUMERAL" in name:
        return msg("{shown} is a Roman numeral; write the number with the digits 0-9", shown=shown)
    if unicodedata.category(c) == "Nd":
        return msg(
            "{shown} is a digit of another script ({name}); write the number with the digits 0-9",
            shown=shown,
            name=name,
        )
    return msg(
        "{shown} is not one of the digits 0-9; write the number with the digits 0-9", shown=shown
    )


_MARKERS = ("SUPERSCRIPT", "SUBSCRIPT", "CIRCLED", "PARENTHESIZED", "FULL STOP")  # ¹ ₂ ① ⑴ ⒈

# the literal number a quantity starts with: a sign, then ASCII or full-width digits and marks
LITERAL_LEAD = re.compile(r"\s*[-+＋－]?[0-9０-９.,．，]*")

# The number grammar. A number is an optional sign, then digits (in groups of three between
# commas, or not grouped), then an optional fraction after a point; at most MAX_DIGITS digits
# before the point, and full-width forms read through NFKC. NUMBER is the whole grammar.
# PLAIN_NUMBER is its commonest form, read without NFKC, commas or the size check (a large
# table's rows): ASCII digits, a minus, a point, at most MAX_DIGITS characters in all. Whatever
# PLAIN_NUMBER matches, parse_quantity reads as the same Decimal; anything else goes to it.
MAX_DIGITS = 20  # 10^20 亿元 is past any economy: a longer number is a typing slip
_SIGN, _FRACTION = r"[-+]?", r"(?:\.\d+)?"
NUMBER = re.compile(rf"{_SIGN}(?:\d{{1,3}}(?:,\d{{3}})+|\d+){_FRACTION}")
PLAIN_NUMBER = re.compile(rf"(?=.{{1,{MAX_DIGITS}}}\Z)-?[0-9]+(?:\.[0-9]+)?")
BARE = re.compile(rf"{_SIGN}[\d,]+{_FRACTION}")  # a number alone, its commas unchecked
E_NOTATION = re.compile(r"[eE][-+]?\d")
EXPRESSION = re.compile(r"[-+*/]\s*\d")
# a share written as a fraction of a whole, with no unit: 1/8, 2/3 (占全市1/8)
SHARE_FRACTION = re.compile(r"(\d{1,9})\s*/\s*(\d{1,9})")


def is_bare_number(text: str) -> bool:
    """Whether `text` is a number alone, without a unit (commas not yet checked: parse_quantity
    says what is wrong with them): a table cell beside a unit column."""
    return BARE.fullmatch(normalise(text)) is not None


def sized(value: Decimal, text: str) -> Decimal:
    digits = value.adjusted() + 1
    if digits > MAX_DIGITS:
        raise UnitError(
            msg(
                "{text!r} is too large for a figure ({digits} digits); check the number and its "
                "unit",
                text=text.strip(),
                digits=digits,
            )
        )
    return value


def finite(value: Decimal, text: str) -> Decimal:
    if not value.is_finite():
        raise NotFinite(msg("{text!r} is not a finite number", text=text))
    return value


def number_error(spelled: str) -> UnitError:
    """Why text does not read as a number, and how to write it; NaN and infinity are NotFinite."""
    if spelled.lower().lstrip("+-.").startswith(("nan", "inf")):
        return NotFinite(msg("{text!r} is not a finite number", text=spelled))
    if re.match(r"[-+]?\d+(?:,\d+)+", spelled):
        return UnitError(
            msg(
                "{text!r}: a comma must separate groups of three digits (1,200); "
                "for a decimal write a point (1.2)",
                text=spelled,
            )
        )
    if re.match(r"[-+]?\d+\s+\d", spelled):
        return UnitError(
            msg(
                "{text!r}: write numbers without spaces inside them (2200, not 2 200)", text=spelled
            )
        )
    if re.match(r"[-+]?\d+/\d", spelled):
        return UnitError(
            msg("{text!r}: write a decimal number (0.5), not a fraction", text=spelled)
        )
    return UnitError(
        msg(
            "{text!r} does not start with a number; write a number and a unit, like '95 家'",
            text=spelled,
        )
    )
