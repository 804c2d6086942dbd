"""Periods: a year, or a span of months within one (1–10月累计, 10月当月, 一季度, 上半年).

A `Period` is a year and its first and last month; the whole year is 1–12. Figures name the
period they cover, and the monthly check asks for the year to date (1–N月). Written forms, in
plans, CSV files and on the command line:

    2018                       the year (全年)
    2018-10                    1–10月 累计 (year to date: statistics offices report cumulatively)
    2018-Q3, 2018-H1           1–9月 (前三季度), 1–6月 (上半年), also year to date
    2018-10..10, 2018-07..09   a span given by its first and last month: 10月当月, 三季度
    2018年, 2018年1-10月, 2018年10月, 2018年一季度, 2018年前三季度, 2018年三季度,
    2018年上半年, 2018年下半年

Time elapsed (序时进度) after a year-to-date period is N/12, or the days elapsed over the days in
the year when a plan counts in days.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from ..errors import msg
from .numbers import foreign_digit, foreign_digit_problem

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
CN_MONTHS = {
    "十二": "12",
    "十一": "11",
    "十": "10",
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}


class Period(NamedTuple):
    """Months `first`–`last` of `year` (the whole year by default). A named tuple rather than a
    dataclass: periods key every figure, and a tuple hashes and compares in C."""

    year: int
    first: int = 1
    last: int = 12

    @property
    def is_year(self) -> bool:
        return self.first == 1 and self.last == 12

    @property
    def is_ytd(self) -> bool:
        """A year-to-date span (1–N月), the whole year included."""
        return self.first == 1

    @property
    def months(self) -> int:
        return self.last - self.first + 1

    def shift(self, years: int) -> Period:
        """The same months `years` later (−1: last year's same period, 上年同期)."""
        return Period(self.year + years, self.first, self.last)

    def year_to_date(self, last: int) -> Period:
        return Period(self.year, 1, last)

    def elapsed(self, by: str = "months") -> Decimal:
        """The share of the year gone at the end of this period (序时进度): N/12, or days."""
        share = self.elapsed_exact(by)
        return Decimal(share.numerator) / Decimal(share.denominator)

    def elapsed_exact(self, by: str = "months") -> Fraction:
        """`elapsed` as an exact fraction (10/12, not 0.8333…), for arithmetic that rounds once."""
        if by == "days":
            end = (
                date(self.year + 1, 1, 1) if self.last == 12 else date(self.year, self.last + 1, 1)
            )
            start, whole = date(self.year, 1, 1), date(self.year + 1, 1, 1)
            return Fraction((end - start).days, (whole - start).days)
        return Fraction(self.last, 12)

    @property
    def end(self) -> date:
        """The last day of the period."""
        return date(self.year, 12, 31) if self.last == 12 else _month_end(self.year, self.last)

    def elapsed_towards(self, due: date, by: str = "months") -> Decimal:
        """序时 against a deadline inside the year: the share of the way from 1 January to `due`
        gone at the end of this period, at most 1. By months, the months to the deadline count
        a part month as its share of days (6月底: 6; 6月15日: 5.5)."""
        start = date(self.year, 1, 1)
        if by == "days":
            share = Fraction((self.end - start).days + 1, (due - start).days + 1)
        else:
            days_in = _month_end(due.year, due.month).day
            share = Fraction(self.last) / (due.month - 1 + Fraction(due.day, days_in))
        share = min(share, Fraction(1))
        return Decimal(share.numerator) / Decimal(share.denominator)

    def __str__(self) -> str:
        if self.is_year:
            return str(self.year)
        if self.is_ytd:
            return f"{self.year}-{self.last:02d}"
        return f"{self.year}-{self.first:02d}..{self.last:02d}"

    @property
    def label(self) -> str:
        """As a Chinese report writes it: 2018年, 2018年1–10月, 2018年10月."""
        if self.is_year:
            return f"{self.year}年"
        if self.first == self.last:
            return f"{self.year}年{self.last}月"
        return f"{self.year}年{self.first}–{self.last}月"

    @property
    def months_label(self) -> str:
        """The months alone, for sentences: 1–10月, 10月, 全年."""
        if self.is_year:
            return "全年"
        if self.first == self.last:
            return f"{self.last}月"
        return f"{self.first}–{self.last}月"


_ASCII = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{1,2})(?:\.\.(?P<m2>\d{1,2}))?|[Qq](?P<q>[1-4])|[Hh](?P<h>[12])))?"
)
_CN = re.compile(
    r"(?P<y>\d{4})年(?:"
    r"(?P<a>\d{1,2})月?[-–—~至到](?P<b>\d{1,2})月(?:份)?"
    r"|(?P<m>\d{1,2})月(?:份)?"
    r"|(?P<ytdq>前[一二三])季度"
    r"|第?(?P<q>[一二三四1-4])季度"
    r"|(?P<half>[上下])半年"
    r"|(?:全年)?"
    r")(?:累计)?"
)

_DATE = re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.]0?1")


def _cn_month(text: str) -> str:
    return CN_MONTHS.get(text, text)


def parse_period(text: object) -> Period:
    """A period from its written form; ValueError with a hint otherwise."""
    if isinstance(text, Period):
        return text
    if isinstance(text, (str, int)):  # a figure file repeats a dozen periods many times
        return _parse_cached(text)
    return _parse(text)


@lru_cache(maxsize=1024)
def _parse_cached(text: str | int) -> Period:
    return _parse(text)


def _parse(text: object) -> Period:
    # full-width digits and signs, any spaces, 份 and 累计 are what offices write around it;
    # a footnote marker or another script's digit is not a digit (2018¹ is not 20181)
    odd = foreign_digit(str(text))
    if odd is not None:
        raise ValueError(
            msg("{text!r}: {why}", text=str(text), why=foreign_digit_problem(str(text), odd))
        )
    s = "".join(unicodedata.normalize("NFKC", str(text)).split())
    s = re.sub(r"年([一二三四五六七八九十]+)月", lambda m: f"年{_cn_month(m[1])}月", s)
    if m := _DATE.fullmatch(s):  # 2018/10/1 or 2018-10-01: a spreadsheet's date for a month
        return _checked(int(m["y"]), 1, int(m["m"]), s)
    if m := _ASCII.fullmatch(s):
        year = int(m["y"])
        if m["q"]:
            return _checked(year, 1, 3 * int(m["q"]), s)
        if m["h"]:
            return _checked(year, 1, 6 * int(m["h"]), s)
        if m["m2"]:
            return _checked(year, int(m["m"]), int(m["m2"]), s)
        if m["m"]:
            return _checked(year, 1, int(m["m"]), s)
        return Period(year)
    if m := _CN.fullmatch(s):
        year = int(m["y"])
        if m["a"]:
            return _checked(year, int(m["a"]), int(m["b"]), s)
        if m["m"]:
            month = int(m["m"])
            return _checked(year, month, month, s)
        if m["ytdq"]:
            return _checked(year, 1, 3 * CN_DIGITS[m["ytdq"][1]], s)
        if m["q"]:
            q = CN_DIGITS.get(m["q"]) or int(m["q"])
            return _checked(year, 3 * q - 2, 3 * q, s)
        if m["half"]:
            return Period(year, 1, 6) if m["half"] == "上" else Period(year, 7, 12)
        return Period(year)
    raise ValueError(
        msg(
            "{text!r} is not a period; write a year (2018), a month to date (2018-10), a quarter "
            "(2018-Q3) or 2018年1-10月",
            text=text,
        )
    )


def _checked(year: int, first: int, last: int, text: str) -> Period:
    if not (1 <= first <= last <= 12):
        raise ValueError(
            msg("{text!r}: months run from 1 to 12, the first not after the last", text=text)
        )
    return Period(year, first, last)


def _month_end(year: int, month: int) -> date:
    return (
        date(year + 1, 1, 1) - timedelta(days=1)
        if month == 12
        else (date(year, month + 1, 1) - timedelta(days=1))
    )


_CN_MONTHS = {n: i for i, n in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12}
_QUARTER_END = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_DEADLINE = re.compile(
    r"(?:(?P<iso>\d{4}-\d{2}(?:-\d{2})?)"
    r"|(?P<half>上半年|年中)"
    r"|第?(?P<q>[一二三四1-4])季度末?"
    r"|(?P<year_end>年底前?|年末|年内|今年|全年)"
    r"|(?P<m>\d{1,2}|十[一二]|[一二三四五六七八九十])月(?P<how>底前|底|末|前|份|)"
    r")前?"
)


def parse_deadline(text: str, year: int) -> date | None:
    """A deadline inside `year` as offices write it, or None when it is none of these:
    2018-06 (the month's end), 2018-06-30, 上半年/年中 (6月30日), 一季度末…四季度末, 年底前/年末
    (12月31日), 6月底前/6月底/6月末 (6月30日), 10月前 (before October: 9月30日)."""
    m = _DEADLINE.fullmatch(text.strip())
    if m is None:
        return None
    try:
        if m["iso"]:
            parts = [int(p) for p in m["iso"].split("-")]
            if len(parts) == 3:
                return date(*parts)
            return _month_end(parts[0], parts[1])
        if m["half"]:
            return date(year, 6, 30)
        if m["q"]:
            return _month_end(year, _QUARTER_END[m["q"]])
        if m["year_end"]:
            return date(year, 12, 31)
        month = int(m["m"]) if m["m"].isdigit() else _CN_MONTHS[m["m"]]
        if m["how"] == "前":  # 10月前: before October begins (1月前 is last year)
            return None if month == 1 else _month_end(year, month - 1)
        return _month_end(year, month)
    except (ValueError, KeyError):  # 2018-13, 13月
        return None
