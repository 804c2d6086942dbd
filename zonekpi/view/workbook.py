"""Workbook sheets (``-f xlsx``): each command's tables shaped for a spreadsheet.

A sheet is a `Table` with a short name, its numbers as numbers (`Number`: value and Excel
number format, completion and 序时 as 0.0%, a unit kept in the format: 92家 is the number 92
shown as 92家), its status cells coloured by their code and the charts drawn from it. `check`
has its own sheets (`view.checkbook`); other commands' tables become sheets one for one
(`sheets`), the number of a cell taken from the bare value CSV writes beside its text, and a
说明 sheet (`notes_sheet`) ends every workbook: the plans, their sources, the period, the
sentences, and 示例数据 when a figure used is illustrative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from ..model.plan import Plan
from .labels import w
from .numbers import places_for, ratio_places
from .table import Chart, Column, Number, Table

# A column people read as text with a unit (806亿元) -> the column with its bare number.
TWINS = {
    "actual": "actual_value",
    "path_point": "path_value",
    "path_growth": "path_growth_value",
    "needed_per_year": "needed_per_year_value",
    "old_actual": "old_value",
    "new_actual": "new_value",
    "change_text": "change",
    "growth_text": "growth",
    "ahead_text": "ahead",
    "gap_text": "gap",
}
# A number shown as text (96.8%, 806亿元, +0.53个百分点): the number, then a unit with no digit.
_QUANTITY = re.compile(r"([-+]?)(\d+(?:\.(\d+))?)([^\d\s/()（）:;,，、.]*)")


def mark(title: str, shown: bool) -> str:
    """A title with 示例数据 after it when the figures are illustrative."""
    return f"{title} · {w('illustrative.mark')}" if shown else title


def number(
    value: Decimal, unit: str = "", places: int | None = None, signed: bool = False
) -> Number:
    """A number with its Excel format: a percentage (`unit` as shown: %) as a fraction (3.2 ->
    0.032, 0.00%), any other unit written after the digits ("亿元"); integers without
    decimals unless `places` says."""
    if places is None:  # 13.8346件 as 13.8件, 3.0921% as 3.09%: as the sentences round it
        places = 0 if value == value.to_integral_value() else places_for(unit)
    digits = "0" + ("." + "0" * places if places else "")
    if unit == "%":
        body, value = digits + "%", value / 100
    else:
        safe = unit.replace('"', "").replace("\\", "")
        body = ("#,##" if abs(value) >= 1000 else "") + digits + (f'"{safe}"' if safe else "")
    shown = f"+{body};-{body};{body}" if signed else body
    return Number(float(value), shown)


def ratio(value: Decimal, places: int = 1) -> Number:
    """A ratio (1.0525) as a percentage cell (105.3% shown, 1.0525 held); 0.9996 as 99.96%,
    never a 100.0% that is not met (`numbers.ratio_places`)."""
    places = ratio_places(value, places)
    return Number(float(value), "0." + "0" * places + "%" if places else "0%")


def parse(text: str, value: str = "") -> Number | None:
    """The number of a cell shown as `text` (96.8%, 806亿元): its own, or the bare `value`
    written beside it; None for a cell that is not one number with a unit (9个 (3/5))."""
    m = _QUANTITY.fullmatch(text.strip())
    if m is None:
        return None
    sign, digits, decimals, unit = m.groups()
    try:
        exact = Decimal(value) if value else Decimal(sign + digits)
    except InvalidOperation:
        return None
    places = min(len(decimals or ""), 2)
    return number(exact, unit, places, signed=sign == "+")


def used(t: Table) -> Table:
    """`t` without the columns empty in every row (no number and no text)."""
    kept = [
        c
        for c in t.columns
        if c.keep or any(r.get(c.key) for r in t.rows) or any(c.key in n for n in t.numbers)
    ]
    t.columns = kept
    return t


# ---------------------------------------------------------------------------------- notes


def notes_sheet(
    sentences: list[tuple[str, list[str]]],
    plans: list[Plan],
    periods: list[str],
    shown: bool,
    footer: list[str],
) -> Table:
    """说明: each plan's title, source and period, 示例数据 when so, the lines under the
    tables, then the report's sentences, section by section."""
    rows: list[dict[str, str]] = []

    def add(item: str, text: str) -> None:
        rows.append({"item": item, "text": text})

    for plan, period in zip(plans, periods, strict=False):
        add(w("book.plan"), plan.title)
        source = " ".join(plan.source.get(k, "") for k in ("document", "publisher", "published"))
        if source.strip():
            add(w("book.source"), " ".join(source.split()))
        if period:
            add(w("book.period"), period)
    if shown:
        add(w("illustrative.item"), w("illustrative.text"))
    for line in footer:
        add("", line)
    for title, lines in sentences:
        for n, line in enumerate(lines):
            add(title if n == 0 else "", line)
    columns = [Column("item", w("book.item")), Column("text", w("book.text"))]
    title = w("sheet.notes")
    return Table(mark(title, shown), columns, rows, sheet=title, statuses=[""] * len(rows))


# ------------------------------------------------------------------- every other command


def sheets(
    tables: list[Table],
    sentences: list[tuple[str, list[str]]],
    names: list[str],
    plans: Iterable[Plan] = (),
    shown: bool = False,
    period: str = "",
) -> list[Table]:
    """A sheet per table (named by `names`, in order), then 说明 with the plans' titles,
    sources and `period`, and `sentences`; every title marked 示例数据 when `shown`."""
    plans = list(plans)
    out = [_sheet(t, name, shown) for t, name in zip(tables, names, strict=False)]
    footer = [line for t in tables for line in t.footer]
    periods = [period] * len(plans)
    return [*out, notes_sheet(sentences, plans, periods, shown, footer)]


def _sheet(t: Table, name: str, shown: bool) -> Table:
    """`t` as a sheet: its displayed columns, a number with a unit read from the bare value
    CSV writes beside it (actual_value beside 806亿元), codes in words and coloured."""
    given = {c.key: c for c in t.columns}
    columns: list[Column] = []
    shown_as: dict[str, str] = {}  # a number's column -> the column of its text
    for c in t.columns:
        if not c.display:
            continue
        twin = TWINS.get(c.key, "")
        if twin in given:
            columns.append(Column(twin, c.header, numeric=True))
            shown_as[twin] = c.key
        else:
            columns.append(c._replace(fill=c.key if c.labels else ""))
        if c.key == "target" and "target_value" in given:
            columns.append(given["target_value"]._replace(display=True))
    numbers = [_numbers(row, columns, shown_as) for row in t.rows]
    made = Table(
        mark(t.title, shown), columns, t.rows, t.footer, t.statuses, t.empty, name, numbers
    )
    made.charts = _charts(made)
    return used(made)


def _numbers(
    row: dict[str, str], columns: list[Column], shown_as: dict[str, str]
) -> dict[str, Number]:
    cells: dict[str, Number] = {}
    for c in columns:
        if not c.numeric or not row.get(c.key):
            continue
        text = row.get(shown_as.get(c.key, c.key), "")
        made = parse(text, row[c.key] if c.key in shown_as else "") if text else None
        if made is None and (c.key in shown_as or c.key == "target_value"):
            try:
                made = number(Decimal(row[c.key]))
            except InvalidOperation:
                made = None
        if made is not None:
            cells[c.key] = made
    return cells


def _charts(t: Table) -> list[Chart]:
    """A path's target and actual by year with the path as a line; a ranking's totals."""
    keys = {c.key for c in t.columns}
    if {"year", "path_value"} <= keys:
        bars = tuple(k for k in ("target_value", "actual_value") if k in keys)
        return [Chart(t.title, "year", bars, ("path_value",))]
    if {"rank", "total"} <= keys:
        name = "name" if "name" in keys else "unit_name"
        return [Chart(t.title, name, ("total",), kind="bar")] if name in keys else []
    return []
