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


__all__ = ["fmt_number", "fmt_percent", "fmt_ratio", "fmt_signed", "to_json_number"]

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
    """A ratio (1.0525) as a percentage (105.3%), for completion."""
    if value is None:
        return ""
    return f"{fmt_number(value * 100, places)}%"


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
