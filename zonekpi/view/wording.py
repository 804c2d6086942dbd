"""Words that are not templates: a pair chosen by language, periods, units, quantities and
lists as a Chinese or an English report writes them. Part of the catalogue (`labels`), apart
so that the note templates (`words_notes`) can use it too.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..model import units
from . import lang
from .numbers import fmt_amount, fmt_number, fmt_signed

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def english(language: str | None = None) -> bool:
    """Whether `language` (None: the report's) is English."""
    return (language or lang.report()) == "en"


def pick(pair: tuple[str, str], language: str | None = None) -> str:
    """One of an entry's two wordings: the report's language, or `language`."""
    return pair[1] if english(language) else pair[0]


def name(thing: Any, language: str | None = None) -> str:
    """An indicator's or a park's name as a report shows it: the plan's `name`, or in English
    its `name_en` where the plan gives one."""
    english_name = getattr(thing, "name_en", None)
    return str(english_name) if english(language) and english_name else str(thing.name)


def park_names(parks: Any, language: str | None = None) -> dict[str, str]:
    """Park id → name as a report shows it, for every park of `parks`."""
    return {p.id: name(p, language) for p in parks}


def join(items: list[str] | tuple[str, ...], language: str | None = None) -> str:
    """A list as a sentence writes it: 高新区、经开区 / 高新区, 经开区."""
    return (", " if english(language) else "、").join(items)


def period(p: Any, language: str | None = None) -> str:
    """A period as a title writes it: 2018年1–10月 / Jan–Oct 2018; 2018年 / 2018."""
    if not english(language):
        return str(p.label)
    if p.is_year:
        return str(p.year)
    return f"{months(p, language)} {p.year}"


def months(p: Any, language: str | None = None) -> str:
    """The months alone: 1–10月 / Jan–Oct; 10月 / Oct; 全年 / the whole year."""
    if not english(language):
        return str(p.months_label)
    if p.is_year:
        return "the whole year"
    return month_span(p.first, p.last, language)


def month_span(first: int, last: int, language: str | None = None) -> str:
    """Months of a year by number: 11–12月 / Nov–Dec; 12月 / Dec."""
    if english(language):
        return MONTHS[last - 1] if first == last else f"{MONTHS[first - 1]}–{MONTHS[last - 1]}"
    return f"{last}月" if first == last else f"{first}–{last}月"


def unit(u: str, language: str | None = None) -> str:
    """A unit as a report writes it: %, 家, 亿元 in both languages (the plan's units); 个百分点
    and 是/否, which are words, as pp and yes/no in English."""
    if english(language):
        if u == "百分点":
            return "pp"
        if u == "是否":
            return "yes/no"
    return units.display(u)


def spacer(u: str, language: str | None = None) -> str:
    """What stands between a number and its unit: nothing before % or a Chinese unit, a space
    before a unit written in letters (km, pp)."""
    shown = unit(u, language)
    return " " if shown[:1].isascii() and shown[:1].isalpha() else ""


def quantity(
    value: Decimal | None,
    u: str,
    rounded: bool = False,
    signed: bool = False,
    language: str | None = None,
    places: int | None = None,
) -> str:
    """A value with its unit: 95家, 5.73%, +0.2个百分点 (+0.2 pp); `rounded` or `signed`: as the
    unit is usually written (13.8件, `numbers.places_for`), else to 4 places, as a plan writes
    a target ('' for no value); `places` overrides the unit's."""
    if value is None:
        return ""
    if places is not None:
        number = fmt_signed(value, places) if signed else fmt_number(value, places)
    elif rounded or signed or units.is_percent(u):
        number = fmt_amount(value, u, signed)
    else:
        number = fmt_number(value)
    return f"{number}{spacer(u, language)}{unit(u, language)}"


def points(value: Decimal, places: int = 1, language: str | None = None) -> str:
    """Percentage points in prose: 6.4个百分点 / 6.4 percentage points."""
    number = fmt_number(value, places)
    if english(language):
        return f"{number} percentage point{'' if number == '1' else 's'}"
    return f"{number}个百分点"
