"""The checks between the figures of one row of a layout, as a person reading it would make
them: 同比 against 本期 ÷ 去年同期, a month against its year to date, a year to date that
falls, the months against their sum; each a warning within the rounding of the cells."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import Any, NamedTuple

from ...errors import msg
from ...model import units
from ...model.periods import Period
from .header import _Column
from .source import _cell, _Table


class _Number(NamedTuple):
    """A figure cell as read: its value, the places it was written to, where it is."""

    value: Decimal
    places: int
    line: int
    heading: str
    at: int  # its column

    @property
    def cell(self) -> str:
        return _cell(self.at, self.line)


def _places(text: str) -> int:
    s = text.rstrip("%").strip()
    return len(s) - s.index(".") - 1 if "." in s else 0


class _RowChecks:
    """The checks of a block's rows (`_BlockReader`'s): which cells are checked against which
    (`check_plan`), and the warnings for a row whose figures disagree."""

    layout: _Table
    figures: list[_Column]
    plan: _Checks | None

    def column(self, col: _Column) -> tuple[Period, str, str] | None:
        raise NotImplementedError  # the block's (`_BlockReader.column`)

    def check_plan(self) -> _Checks:
        """Which cells of a row are checked against which, from the header's columns: 同比
        against 本期 and 去年同期, a month against its year to date (and the one before it), a
        year to date against an earlier one, the months against their sum."""
        values: dict[int, Period] = {}
        growths: dict[int, Period] = {}
        for col in self.figures:
            spec = self.column(col) if col.kind != "park" else None
            if spec is not None:
                (values if spec[1] == "value" else growths)[col.at] = spec[0]
        at = {p: n for n, p in values.items()}
        growth = [
            (g, at[p], at[p.shift(-1)]) for g, p in growths.items() if p in at and p.shift(-1) in at
        ]
        ytds = sorted((p.year, p.last, n) for n, p in values.items() if p.is_ytd)
        falls = [
            (a[2], b[2], a[1], b[1]) for a, b in pairwise(ytds) if a[0] == b[0] and a[1] < b[1]
        ]
        sums = []
        for n, p in values.items():
            parts = [at.get(Period(p.year, m, m)) for m in range(1, p.last + 1)]
            if p.is_ytd and p.last > 1 and all(k is not None and k != n for k in parts):
                sums.append((n, p.last, [k for k in parts if k is not None]))
        summed = {n for n, _, _ in sums}  # (one line for months that do not add up)
        months = []
        for n, p in values.items():
            ytd = at.get(Period(p.year, 1, p.last)) if p.first == p.last else None
            if ytd is not None and ytd != n and ytd not in summed:
                before = at.get(Period(p.year, 1, p.last - 1)) if p.last > 1 else None
                months.append((n, ytd, before, p.last == 1))
        return _Checks(growth, falls, months, sums)

    def checks(self, line: int, ind: Any, nums: dict[int, str]) -> None:
        """Warnings for figures of one row that disagree (see `check_plan`)."""
        if ind.stock or units.is_percent(ind.unit) or units.is_flag(ind.unit):
            return  # only a flow's months add up and its growth is 本期 ÷ 去年同期
        plan = self.plan
        if plan is None:
            plan = self.plan = self.check_plan()
        if ind.growth_basis != "comparable":  # comparable-price growth is not the levels'
            for g, a, b in plan.growth:
                if g in nums and a in nums and b in nums:
                    self.growth_check(line, nums[g], nums[a], nums[b], g, a, b)
        for a, b, first, then in plan.falls:
            if a in nums and b in nums and float(nums[b]) < float(nums[a]):
                n1, n2 = self.number(line, a, nums), self.number(line, b, nums)
                self.layout.warn(
                    line,
                    n2.at,
                    msg(
                        "{later} {b} is less than {earlier} {a} ({cell}): a year to date of a "
                        "flow cannot fall; correct the cell that is wrong (if the columns are "
                        "the months alone, head them {first}月, {then}月)",
                        later=n2.heading,
                        b=units.fmt_number(n2.value),
                        earlier=n1.heading,
                        a=units.fmt_number(n1.value),
                        cell=n1.cell,
                        first=first,
                        then=then,
                    ),
                )
        for m, y, before, january in plan.months:
            if m in nums and y in nums:
                self.month_check(line, m, y, before if before in nums else None, january, nums)
        for y, last, parts in plan.sums:
            if y in nums and all(k in nums for k in parts):
                self.sum_check(line, y, last, parts, nums)

    def number(self, line: int, at: int, nums: dict[int, str]) -> _Number:
        heading = next(c.heading for c in self.figures if c.at == at)
        text = nums[at]
        return _Number(Decimal(text), _places(text), line, heading, at)

    def growth_check(
        self, line: int, g_text: str, a_text: str, b_text: str, g: int, a: int, b: int
    ) -> None:
        """A warning when 同比 disagrees with 本期 ÷ 去年同期 by more than their rounding."""
        gv, av, bv = float(g_text), float(a_text), float(b_text)
        if bv <= 0:
            return
        slack = _half_f(g_text) + 100 * (_half_f(a_text) / bv + av * _half_f(b_text) / bv**2)
        if abs((av / bv - 1) * 100 - gv) <= slack * 0.999999:
            return  # (most rows) plainly within rounding; else decided exactly
        nums = {g: g_text, a: a_text, b: b_text}
        growth, now, before = (self.number(line, k, nums) for k in (g, a, b))
        implied = (now.value / before.value - 1) * 100
        exact = _half(growth) + 100 * (
            _half(now) / before.value + now.value * _half(before) / before.value**2
        )
        if abs(implied - growth.value) > exact:
            self.layout.warn(
                line,
                growth.at,
                msg(
                    "{growth} {g}% disagrees with {now} {n} ÷ {before} {b} − 1 = {implied}% "
                    "({now_cell}, {before_cell}) by more than rounding; correct the cell that "
                    "is wrong (the check uses the reported growth)",
                    growth=growth.heading,
                    g=units.fmt_number(growth.value),
                    now=now.heading,
                    n=units.fmt_number(now.value),
                    before=before.heading,
                    b=units.fmt_number(before.value),
                    implied=units.fmt_number(implied, 2),
                    now_cell=now.cell,
                    before_cell=before.cell,
                ),
            )

    def month_check(
        self, line: int, m: int, y: int, b: int | None, january: bool, nums: dict[int, str]
    ) -> None:
        """A month against its year to date: the month before's year to date and the month
        add up to it; in January they are one; else the month is at most the year to date."""
        mv, yv = float(nums[m]), float(nums[y])
        if b is None and not january and (mv <= yv or mv < 0):
            return  # (most rows) a month within its year to date
        month, ytd = self.number(line, m, nums), self.number(line, y, nums)
        slack = _half(month) + _half(ytd)
        if b is not None:
            before = self.number(line, b, nums)
            if abs(before.value + month.value - ytd.value) > slack + _half(before):
                self.layout.warn(
                    line,
                    month.at,
                    msg(
                        "{month} {m} does not add up: {before} {b} ({before_cell}) + {m} is not "
                        "{ytd} {y} ({ytd_cell}); correct the cell that is wrong",
                        month=month.heading,
                        m=units.fmt_number(month.value),
                        before=before.heading,
                        b=units.fmt_number(before.value),
                        before_cell=before.cell,
                        ytd=ytd.heading,
                        y=units.fmt_number(ytd.value),
                        ytd_cell=ytd.cell,
                    ),
                )
        elif january:
            if abs(month.value - ytd.value) > slack:
                self.layout.warn(
                    line,
                    month.at,
                    msg(
                        "{month} {m} is not {ytd} {y} ({ytd_cell}): in January the month is the "
                        "year to date; correct the cell that is wrong",
                        month=month.heading,
                        m=units.fmt_number(month.value),
                        ytd=ytd.heading,
                        y=units.fmt_number(ytd.value),
                        ytd_cell=ytd.cell,
                    ),
                )
        elif month.value > ytd.value + slack:
            self.layout.warn(
                line,
                month.at,
                msg(
                    "{month} {m} is more than {ytd} {y} ({ytd_cell}): a month is part of its "
                    "year to date; correct the cell that is wrong",
                    month=month.heading,
                    m=units.fmt_number(month.value),
                    ytd=ytd.heading,
                    y=units.fmt_number(ytd.value),
                    ytd_cell=ytd.cell,
                ),
            )

    def sum_check(
        self, line: int, y: int, last: int, parts: list[int], nums: dict[int, str]
    ) -> None:
        """The months 1…N against 1–N月."""
        ytd = self.number(line, y, nums)
        months = [self.number(line, k, nums) for k in parts]
        total = sum((n.value for n in months), Decimal(0))
        slack = sum((_half(n) for n in (*months, ytd)), Decimal(0))
        if abs(total - ytd.value) > slack:
            self.layout.warn(
                line,
                ytd.at,
                msg(
                    "the months 1–{last}月 add up to {total}, not {ytd} {y}; correct the cell "
                    "that is wrong",
                    last=last,
                    total=units.fmt_number(total),
                    ytd=ytd.heading,
                    y=units.fmt_number(ytd.value),
                ),
            )


class _Checks(NamedTuple):
    """The cells a row's figures are checked by, as column indices (`check_plan`)."""

    growth: list[tuple[int, int, int]]  # 同比, 本期, 去年同期
    falls: list[tuple[int, int, int, int]]  # an earlier year to date, a later one, their N
    months: list[tuple[int, int, int | None, bool]]  # month, its 1–N月, 1–(N−1)月, January
    sums: list[tuple[int, int, list[int]]]  # 1–N月, N, the months 1 … N


def _half_f(text: str) -> float:
    dot = text.find(".")
    return 0.5 * 10.0 ** -(len(text) - dot - 1 if dot >= 0 else 0)


_plain = units.PLAIN_NUMBER.fullmatch


def _half(n: _Number) -> Decimal:
    """Half a unit of the last place a number was written to: what rounding may hide."""
    return Decimal(5).scaleb(-n.places - 1)
