"""Showing numbers: no float noise, no exponent, Chinese conventions for percentages.

1200 万元 is shown as 0.12 亿元 (not 0.12000000000000001), 5E+1 as 50, a growth rate of
5.7337% as 5.73%. Pure functions over Decimal, used by every view; `fmt_number` is the
model's (model/units.py shows quantities with it), the one rule for a plain number.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, localcontext

from ..model import units


def fmt_number(value: Decimal | int | None, places: int = 4) -> str:
    """The model's `fmt_number` (units.fmt_number), with the precision the rounding needs:
    99999999999999999999 亿元 shown in 万元 to the 分 (6 places) is 30 digits, past the
    default context's 28, where rounding would raise InvalidOperation. What fits in 28 digits
    is shown exactly as before."""
    if value is None:
        return ""
    with localcontext() as ctx:
        ctx.prec = max(28, Decimal(value).adjusted() + places + 2)
        return units.fmt_number(value, places)


__all__ = [
    "fmt_amount",
    "fmt_number",
    "fmt_percent",
    "fmt_ratio",
    "fmt_signed",
    "places_for",
    "ratio_places",
    "to_json_number",
]

PERCENT_PLACES = 2


def fmt_signed(value: Decimal | None, places: int = 2) -> str:
    """A number with an explicit sign, as users write changes: +4.2, -0.6."""
    if value is None:
        return ""
    text = fmt_number(value, places)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def fmt_percent(value: Decimal | None, places: int = PERCENT_PLACES) -> str:
    """A value already in percent (5.7337) as ``5.73%``."""
    if value is None:
        return ""
    return f"{fmt_number(value, places)}%"


def fmt_ratio(value: Decimal | None, places: int = 1) -> str:
    """A ratio (1.0525) as a percentage (105.3%), for completion. A ratio that is not exactly
    1 is never shown as 100%: 4998 of 5000 is 99.96%, not a 100% beside 未达标."""
    if value is None:
        return ""
    return f"{fmt_number(value * 100, ratio_places(value, places))}%"


def ratio_places(value: Decimal, places: int = 1) -> int:
    """`places`, or more (up to 4) while a ratio other than 1 would round to 100%."""
    while places < 4 and value != 1 and fmt_number(value * 100, places) == "100":
        places += 1
    return places


def to_json_number(value: Decimal | None, places: int = 6) -> float | int | None:
    """A JSON-safe number without float noise (rounded to `places` decimals)."""
    if value is None:
        return None
    d = Decimal(value)
    with localcontext() as ctx:  # room for every digit of a large total
        ctx.prec = max(28, d.adjusted() + places + 2)
        d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    if d == d.to_integral_value():
        return int(d)
    return float(d)


# How many decimals a figure is shown with, by what its unit counts: a share or a percentage
# to the hundredth (3.09%), a count of things or people to the tenth (万人有效发明专利 13.8件,
# 月均1.5名: a whole count has no decimals to show), money, areas and every other measure to
# the hundredth (263.5亿元, 0.15万平方米). The one rounding rule of the human formats; CSV and
# JSON keep every digit.
COUNT_PLACES = 1
OTHER_PLACES = 2
_COUNTS = ("[count_", "[person")
_MULTIPLES = ("十", "百", "千", "万", "亿")


def places_for(unit: str) -> int:
    """Decimals a value in `unit` is shown with: 2 for %, ‰, 百分点; 1 for counts (件, 家, 人);
    2 for anything else, multiples of a count included (万人, 万件)."""
    if unit in ("percent", "permille", "百分点"):
        return PERCENT_PLACES
    dimension = units.dimension(unit) or ""
    if unit.startswith(_MULTIPLES):  # 1.52万人 is 15,200 people: to the hundredth
        return OTHER_PLACES
    return COUNT_PLACES if dimension.startswith(_COUNTS) else OTHER_PLACES


def fmt_amount(value: Decimal | None, unit: str, signed: bool = False) -> str:
    """A figure in `unit` rounded as its unit is written (`places_for`), without the unit:
    13.8346 件 as 13.8, 3.0921 % as 3.09; with `signed`, +0.8 / -3."""
    if value is None:
        return ""
    places = places_for(unit)
    return fmt_signed(value, places) if signed else fmt_number(value, places)
