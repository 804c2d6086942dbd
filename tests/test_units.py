"""zonekpi.units: reading quantities as written in Chinese target documents, and converting them.

Expected values come from the rules in docs/format.md ("Values with units") and from arithmetic
(1 亿元 = 10,000 万元; 1 亩 = 10000/15 平方米), not from the program's output.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from zonekpi.errors import UnitError, UnitMismatch
from zonekpi.model import units
from zonekpi.model.units import Quantity, compatible, convert, parse_quantity, parse_unit

ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------------ parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("95 家", "95", "家"),
        ("95家", "95", "家"),
        ("  95 家  ", "95", "家"),
        ("3亿元", "3", "亿元"),
        ("3000万元", "3000", "万元"),
        ("8%", "8", "percent"),
        ("8 %", "8", "percent"),
        ("5.5%", "5.5", "percent"),
        ("-3%", "-3", "percent"),
        ("+6.4 pp", "6.4", "百分点"),
        ("6.4 个百分点", "6.4", "百分点"),
        ("-0.6个百分点", "-0.6", "百分点"),
        ("1,200 万元", "1200", "万元"),
        ("1,200,000 元", "1200000", "元"),
        ("1,200.5 万元", "1200.5", "万元"),
        # Full-width digits, signs and commas (NFKC).
        ("８％", "8", "percent"),
        ("８ ％", "8", "percent"),
        ("－３％", "-3", "percent"),
        ("１，２００万元", "1200", "万元"),
        ("９５　家", "95", "家"),  # full-width space
        # Area: ㎡ is 平方米, 万㎡ is 万平方米.
        ("4万㎡", "4", "万平方米"),
        ("11万平方米", "11", "万平方米"),
        ("45 万平方米", "45", "万平方米"),
        ("120㎡", "120", "平方米"),
        ("15 亩", "15", "亩"),
        ("0.5‰", "0.5", "permille"),
        ("2 万人", "2", "万人"),
        ("12 个", "12", "个"),
    ],
)
def test_parse_quantity(text: str, value: str, unit: str) -> None:
    q = parse_quantity(text)
    assert q == Quantity(Decimal(value), unit)
    assert isinstance(q.value, Decimal)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("95 家", "95家"),
        ("8%", "8%"),
        ("+6.4 pp", "6.4个百分点"),
        ("1,200 万元", "1200万元"),
        ("4万㎡", "4万平方米"),
    ],
)
def test_a_quantity_is_shown_the_chinese_way(text: str, shown: str) -> None:
    assert str(parse_quantity(text)) == shown


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        # pint would read these as 400 and 12; zonekpi refuses them.
        ("2 200 元", "without spaces"),
        ("1,2 万元", "groups of three digits"),
        ("12,00 元", "groups of three digits"),
        ("1,2000 元", "groups of three digits"),
        ("1/2 亿元", "fraction"),
        ("3 元 + 2 元", "expression"),
        ("3元+2元", "expression"),
        ("3-4 家", "expression"),
        ("nan 元", "finite"),
        ("inf 元", "finite"),
        ("-inf 元", "finite"),
        ("家", "number"),
        ("", "number"),
    ],
)
def test_bad_numbers_are_refused_with_a_hint(text: str, hint: str) -> None:
    with pytest.raises(UnitError) as info:
        parse_quantity(text)
    message = str(info.value)
    assert hint in message
    if text:
        assert repr(text) in message  # says which value is wrong


def test_unknown_unit_names_it_and_where_to_look() -> None:
    with pytest.raises(UnitError) as info:
        parse_quantity("95 widgets")
    message = str(info.value)
    assert "unknown unit 'widgets'" in message
    assert "zonekpi units" in message
    assert not isinstance(info.value, UnitMismatch)


def test_unknown_unit_close_to_a_known_one_suggests_it() -> None:
    with pytest.raises(UnitError) as info:
        parse_quantity("95 家家")
    assert "did you mean '家'" in str(info.value)


@pytest.mark.parametrize("number", [95, Decimal("95"), Decimal("1.5")])
def test_a_bare_number_has_no_unit(number: Any) -> None:
    with pytest.raises(UnitError) as info:
        parse_quantity(number)
    message = str(info.value)
    assert "has no unit" in message
    assert f"{number} 家" in message  # shows how to write it


@pytest.mark.parametrize("text", ["95", "95 ", "1,200"])
def test_a_bare_number_as_text_has_no_unit(text: str) -> None:
    with pytest.raises(UnitError) as info:
        parse_quantity(text)
    assert "has no unit" in str(info.value)


def test_a_bare_number_as_text_takes_the_default_unit() -> None:
    assert parse_quantity("95", default_unit="家") == Quantity(Decimal(95), "家")


def test_a_number_takes_the_default_unit() -> None:
    assert parse_quantity(95, default_unit="家") == Quantity(Decimal(95), "家")
    assert parse_quantity(Decimal("2.5"), default_unit="亿元") == Quantity(Decimal("2.5"), "亿元")


@pytest.mark.parametrize("value", [True, False, None])
def test_booleans_and_null_are_not_quantities(value: Any) -> None:
    with pytest.raises(UnitError) as info:
        parse_quantity(value)
    assert "95 家" in str(info.value)


# ---------------------------------------------------------------------------------- parse_unit


@pytest.mark.parametrize(
    ("spelled", "canonical"),
    [
        ("%", "percent"),
        ("％", "percent"),
        ("个百分点", "百分点"),
        ("pp", "百分点"),
        ("㎡", "平方米"),
        ("万㎡", "万平方米"),
        ("平米", "平方米"),
        ("亿元", "亿元"),
        ("yuan", "元"),
        ("是/否", "是否"),
    ],
)
def test_parse_unit_spellings(spelled: str, canonical: str) -> None:
    assert parse_unit(spelled) == canonical


def test_every_known_unit_parses_as_itself() -> None:
    for unit in units.known_units():
        assert parse_unit(unit) == unit


# -------------------------------------------------------------------------------------- convert


@pytest.mark.parametrize(
    ("value", "unit", "to", "expected"),
    [
        ("1200", "万元", "亿元", "0.12"),
        ("3000", "万元", "亿元", "0.3"),
        ("1", "亿元", "万元", "10000"),
        ("15", "亩", "平方米", "10000"),
        ("11", "万平方米", "平方米", "110000"),
        ("4", "万平方米", "平方米", "40000"),
        ("1", "万人", "人", "10000"),
        ("25000", "人", "万人", "2.5"),
        ("5", "permille", "percent", "0.5"),
    ],
)
def test_convert_exactly(value: str, unit: str, to: str, expected: str) -> None:
    result = convert(Decimal(value), unit, to)
    assert isinstance(result, Decimal)
    assert result == Decimal(expected)


def test_1200_wan_yuan_is_0_12_yi_yuan_without_float_noise() -> None:
    result = convert(Decimal(1200), "万元", "亿元")
    assert result == Decimal("0.12")
    assert str(result) == "0.12"


def test_the_same_unit_is_returned_unchanged() -> None:
    value = Decimal("95")
    assert convert(value, "家", "家") is value


@pytest.mark.parametrize(
    ("unit", "to", "have", "want"),
    [
        ("家", "元", "家", "元"),
        ("万元", "家", "万元", "家"),
        # Each counting word is its own dimension.
        ("家", "个", "家", "个"),
        ("项", "件", "项", "件"),
        ("人", "人次", "人", "人次"),
        # A percentage is a level, a percentage point a difference.
        ("percent", "百分点", "%", "个百分点"),
        ("百分点", "percent", "个百分点", "%"),
    ],
)
def test_different_kinds_do_not_convert(unit: str, to: str, have: str, want: str) -> None:
    with pytest.raises(UnitMismatch) as info:
        convert(Decimal(1), unit, to)
    assert (info.value.have, info.value.want) == (have, want)
    message = str(info.value)
    assert have in message
    assert want in message
    assert not compatible(unit, to)


def test_a_mismatch_is_a_unit_error() -> None:
    assert issubclass(UnitMismatch, UnitError)


def test_compatible_units() -> None:
    assert compatible("万元", "亿元")
    assert compatible("亩", "万平方米")
    assert compatible("家", "家")


# ------------------------------------------------------------------------------ pint is lazy


def _modules_after(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_check_whose_units_all_match_does_not_import_pint() -> None:
    plan = "tests/examples/valid/minimal.yaml"
    assert (ROOT / plan).is_file()
    code = (
        "import sys; from zonekpi.read.plan import load_plan; "
        "from zonekpi.core.check import check; "
        f"check(load_plan({plan!r})); print('pint' in sys.modules)"
    )
    assert _modules_after(code) == "False"


def test_conversions_between_multiples_do_not_import_pint() -> None:
    # 1200 万元 = 0.12 亿元 and 万人 → 人 are multiples of one base: read from units.txt.
    code = (
        "import sys; from decimal import Decimal; from zonekpi.model.units import convert; "
        "print(format(convert(Decimal(1200), '万元', '亿元'), 'f'), "
        "format(convert(Decimal(16), '万人', '人'), 'f'), 'pint' in sys.modules)"
    )
    assert _modules_after(code) == "0.12 160000 False"


def test_conversions_agree_with_pint_for_every_pair_of_units() -> None:
    import pint

    registry = pint.UnitRegistry(str(units.DEFINITIONS), non_int_type=Decimal, cache_folder=None)
    names = units.known_units()
    for a in names:
        for b in names:
            if units.dimension(a) != units.dimension(b):
                continue
            for v in (Decimal(1), Decimal("1200"), Decimal("0.37")):
                by_pint = Decimal(registry.Quantity(v, a).to(b).magnitude)
                ours = units.convert(v, a, b)
                assert abs(ours - by_pint) <= abs(by_pint) * Decimal("1e-20"), (a, b, v)


def test_kinds_read_without_pint_agree_with_pint():
    """`compatible` answers from units.txt without loading pint; pint must agree on every pair."""
    from decimal import Decimal

    from zonekpi.errors import UnitMismatch

    names = units.known_units()
    assert all(units.dimension(n) for n in names)
    for a in names:
        for b in names:
            try:
                units.convert(Decimal(1), a, b)
                convertible = True
            except UnitMismatch:
                convertible = False
            assert (units.dimension(a) == units.dimension(b)) is convertible, (a, b)


def test_reports_round_half_up_as_chinese_reports_do():
    from zonekpi.view.numbers import fmt_number, fmt_percent

    assert fmt_number(Decimal("1.25"), 1) == "1.3"  # 四舍五入, not 1.2
    assert fmt_percent(Decimal("-1.25"), 1) == "-1.3%"


# ------------------------------------------------------------------- what a mistake is called


@pytest.mark.parametrize("text", ["1:20", "12:30 家"])
def test_a_ratio_or_a_time_is_not_a_number(text: str) -> None:
    with pytest.raises(UnitError) as info:
        parse_quantity(text)
    assert "is a ratio or a time, not a number" in str(info.value)


@pytest.mark.parametrize("text", ["NaN 家", "nan", "infinity 亿元", "-inf 元"])
def test_nan_and_infinity_are_not_finite(text: str) -> None:
    from zonekpi.errors import NotFinite

    with pytest.raises(NotFinite) as info:
        parse_quantity(text)
    assert "is not a finite number" in str(info.value)


@pytest.mark.parametrize(("raw", "number"), [("1,200", "1,200"), (95, "95"), ("８", "8")])
def test_a_bare_number_says_which_number_lacks_its_unit(raw: Any, number: str) -> None:
    from zonekpi.errors import NoUnit

    with pytest.raises(NoUnit) as info:
        parse_quantity(raw)
    assert info.value.number == number
