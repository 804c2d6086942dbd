"""zonekpi.yamlread: strict YAML for hand-typed plans.

Every expectation here is worked out from YAML 1.2 (core schema) and the rules in the module's
docstring and docs/format.md, not copied from the program's output.
"""

from __future__ import annotations

import codecs
import time
from decimal import Decimal
from typing import Any

import pytest

from zonekpi.errors import InvalidInput
from zonekpi.read.textfile import decode
from zonekpi.read.yamlstrict import MAX_DEPTH, Document, read_yaml

FILE = "plan.yaml"


def read(text: str | bytes) -> Document:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return read_yaml(raw, FILE)


def problems(text: str | bytes) -> list[str]:
    """The problems read_yaml reports, as the CLI prints them (without the 'zonekpi: ')."""
    with pytest.raises(InvalidInput) as info:
        read(text)
    return [str(p) for p in info.value.problems]


def only_problem(text: str | bytes) -> str:
    found = problems(text)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- scalar resolution


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        # YAML 1.1 booleans are strings in YAML 1.2 (the Norway problem).
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("n", "n"),
        ("No", "No"),
        # Only true/false (and their capitalised forms in the core schema) are booleans.
        ("true", True),
        ("false", False),
        ("True", True),
        ("FALSE", False),
        # Integers are decimal: a leading zero is not octal.
        ("0012", 12),
        ("12", 12),
        ("-7", -7),
        ("+7", 7),
        ("0", 0),
        # Hex and octal are deliberately not read as numbers (module docstring).
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        # Sexagesimal (YAML 1.1) is gone: 1:20 is not 80.
        ("1:20", "1:20"),
        ("190:20:30", "190:20:30"),
        # Dates stay strings, valid or not.
        ("2018-13-05", "2018-13-05"),
        ("2018-05-24", "2018-05-24"),
        ("2018-05-24T10:00:00", "2018-05-24T10:00:00"),
        # Floats become Decimal, keeping the digits as written.
        ("1.10", Decimal("1.10")),
        ("-0.5", Decimal("-0.5")),
        ("3.", Decimal("3")),
        # Not numbers: later checks say so.
        (".nan", ".nan"),
        (".NaN", ".NaN"),
        (".inf", ".inf"),
        ("-.inf", "-.inf"),
        ("+.Inf", "+.Inf"),
        # Nulls.
        ("~", None),
        ("null", None),
        ("", None),
        # Ordinary text, including values from plans.
        ("95 家", "95 家"),
        ("8%", "8%"),
        ("高新区", "高新区"),
    ],
)
def test_plain_scalars_resolve_as_yaml_1_2_core(plain: str, expected: Any) -> None:
    value = read(f"v: {plain}\n").data["v"]
    assert value == expected
    assert type(value) is type(expected)


def test_a_decimal_keeps_its_trailing_zero() -> None:
    value = read("v: 1.10\n").data["v"]
    assert isinstance(value, Decimal)
    assert str(value) == "1.10"


def test_no_float_is_ever_made() -> None:
    data = read("a: 0.1\nb: 1e3\nc: [2.5, -0.25]\n").data
    for value in (data["a"], data["b"], *data["c"]):
        assert isinstance(value, Decimal)
    assert data["a"] + data["a"] + data["a"] == Decimal("0.3")


@pytest.mark.parametrize("quoted", ["'0012'", '"0012"', "'no'", '"true"', "'1.10'", "'~'"])
def test_quoted_scalars_stay_strings(quoted: str) -> None:
    assert read(f"v: {quoted}\n").data["v"] == quoted[1:-1]


def test_block_scalars_stay_strings() -> None:
    assert read("v: |\n  12\nw: >-\n  yes\n").data == {"v": "12\n", "w": "yes"}


@pytest.mark.parametrize(
    ("tagged", "expected"),
    [
        ("!!str 12", "12"),
        ("!!str yes", "yes"),
        ("!!int '12'", 12),
        ("!!float '1.5'", Decimal("1.5")),
        ("!!bool 'true'", True),
        ("!!null ''", None),
    ],
)
def test_standard_scalar_tags_are_honoured(tagged: str, expected: Any) -> None:
    value = read(f"v: {tagged}\n").data["v"]
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("tagged", ["!!int 'twelve'", "!!float 'x'", "!!bool 'yes'"])
def test_a_standard_tag_on_a_value_it_does_not_fit_is_refused(tagged: str) -> None:
    message = only_problem(f"v: {tagged}\n")
    assert message.startswith(f"{FILE}:1:4: ")
    assert "tag" in message


def test_keys_are_strings() -> None:
    data = read("2018: a\ntrue: b\n1.5: c\n~: d\n").data
    assert data == {"2018": "a", "true": "b", "1.5": "c", "": "d"}


# ----------------------------------------------------------------------------- duplicate keys


def test_duplicate_key_names_both_lines() -> None:
    text = "id: demo\nname: 示例\nyear: 2018\nname: 另一个\n"
    message = only_problem(text)
    assert message.startswith(f"{FILE}:4:1: ")
    assert "duplicate key 'name'" in message
    assert "line 2" in message


def test_duplicate_key_in_a_nested_mapping() -> None:
    text = "indicators:\n  - id: firms\n    unit: 家\n    unit: 个\n"
    message = only_problem(text)
    assert message.startswith(f"{FILE}:4:5: ")
    assert "duplicate key 'unit'" in message
    assert "line 3" in message


def test_duplicate_key_in_a_flow_mapping() -> None:
    message = only_problem("park: {id: gxq, id: jkq}\n")
    assert message.startswith(f"{FILE}:1:17: ")
    assert "duplicate key 'id'" in message
    assert "line 1" in message


def test_keys_that_read_the_same_are_duplicates() -> None:
    # Keys become strings, so 2018 and '2018' would silently overwrite each other.
    message = only_problem("2018: a\n'2018': b\n")
    assert "duplicate key '2018'" in message
    assert "line 1" in message


def test_the_same_key_in_different_mappings_is_fine() -> None:
    data = read("- {id: a, name: x}\n- {id: b, name: y}\n").data
    assert data == [{"id": "a", "name": "x"}, {"id": "b", "name": "y"}]


# ------------------------------------------------------------------------------------ nesting


def test_fifty_thousand_nested_brackets_are_refused_not_a_crash() -> None:
    text = "[" * 50_000 + "]" * 50_000
    start = time.perf_counter()
    message = only_problem(text)
    assert time.perf_counter() - start < 2
    # The 65th bracket, at column 65, is one too deep.
    assert message.startswith(f"{FILE}:1:{MAX_DEPTH + 1}: ")
    assert f"deeper than {MAX_DEPTH}" in message


def test_fifty_thousand_nested_flow_mappings_are_refused() -> None:
    text = "{a: " * 50_000 + "1" + "}" * 50_000
    message = only_problem(text)
    assert f"deeper than {MAX_DEPTH}" in message


def test_deep_block_nesting_is_refused() -> None:
    text = "".join(" " * n + f"k{n}:\n" for n in range(100))
    message = only_problem(text)
    # Mapping number 65 is the value of key k63, which starts on line 65.
    assert message.startswith(f"{FILE}:65:")
    assert f"deeper than {MAX_DEPTH}" in message


def test_nesting_up_to_the_limit_is_read() -> None:
    doc = read("[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH)
    value = doc.data
    for _ in range(MAX_DEPTH - 1):
        assert isinstance(value, list)
        assert len(value) == 1
        value = value[0]
    assert value == [1]


def test_one_level_past_the_limit_is_refused() -> None:
    depth = MAX_DEPTH + 1
    assert f"deeper than {MAX_DEPTH}" in only_problem("[" * depth + "1" + "]" * depth)


# ------------------------------------------------------------------------------------ aliases

BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_billion_laughs_is_refused_quickly() -> None:
    start = time.perf_counter()
    message = only_problem(BILLION_LAUGHS)
    assert time.perf_counter() - start < 1
    assert "alias" in message
    assert message.startswith(f"{FILE}:")
    line = int(message.split(":")[1])
    assert 2 <= line <= 9


def test_an_alias_bomb_of_mappings_is_refused_quickly() -> None:
    lines = ["l0: &l0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}"]
    for n in range(1, 10):
        refs = ", ".join(f"k{k}: *l{n - 1}" for k in range(10))
        lines.append(f"l{n}: &l{n} {{{refs}}}")
    start = time.perf_counter()
    message = only_problem("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1
    assert "alias" in message


def test_a_plain_alias_is_shared_not_copied() -> None:
    doc = read("base: &base {unit: 家, direction: higher}\nother: *base\n")
    assert doc.data["other"] == {"unit": "家", "direction": "higher"}
    assert doc.data["other"] is doc.data["base"]


def test_an_alias_of_a_scalar() -> None:
    doc = read("unit: &u 万元\nother: *u\nlist: [*u, *u]\n")
    assert doc.data == {"unit": "万元", "other": "万元", "list": ["万元", "万元"]}


def test_an_alias_without_its_anchor_is_refused() -> None:
    message = only_problem("a: 1\nb: *nowhere\n")
    assert message.startswith(f"{FILE}:2:4: ")
    assert "*nowhere" in message


# -------------------------------------------------------------------------------------- marks

MARKED = """\
id: demo
indicators:
  - id: firms
    name: 高新技术企业
    unit: 家
    targets:
      - {at_least: 95 家, tier: floor}
  - id: gdp
    unit: 亿元
parks: [gxq, 经开区, jkq]
"""


@pytest.mark.parametrize(
    ("path", "mark"),
    [
        ((), (1, 1)),
        (("id",), (1, 5)),
        (("indicators",), (3, 3)),
        (("indicators", 0), (3, 5)),
        (("indicators", 0, "id"), (3, 9)),
        (("indicators", 0, "name"), (4, 11)),
        (("indicators", 0, "unit"), (5, 11)),
        (("indicators", 0, "targets"), (7, 7)),
        (("indicators", 0, "targets", 0), (7, 9)),
        (("indicators", 0, "targets", 0, "at_least"), (7, 20)),
        (("indicators", 0, "targets", 0, "tier"), (7, 32)),
        (("indicators", 1), (8, 5)),
        (("indicators", 1, "unit"), (9, 11)),
        (("parks",), (10, 8)),
        (("parks", 0), (10, 9)),
        # Columns count characters, not UTF-8 bytes.
        (("parks", 1), (10, 14)),
        (("parks", 2), (10, 19)),
    ],
)
def test_value_marks(path: tuple[Any, ...], mark: tuple[int, int]) -> None:
    doc = read(MARKED)
    assert doc.marks[path] == mark
    assert doc.where(path) == mark


@pytest.mark.parametrize(
    ("path", "mark"),
    [
        (("id",), (1, 1)),
        (("indicators",), (2, 1)),
        (("indicators", 0, "id"), (3, 5)),
        (("indicators", 0, "unit"), (5, 5)),
        (("indicators", 0, "targets", 0, "at_least"), (7, 10)),
        (("indicators", 0, "targets", 0, "tier"), (7, 26)),
        (("parks",), (10, 1)),
    ],
)
def test_key_marks(path: tuple[Any, ...], mark: tuple[int, int]) -> None:
    doc = read(MARKED)
    assert doc.key_marks[path] == mark
    assert doc.where(path, key=True) == mark


def test_where_falls_back_to_the_nearest_enclosing_value() -> None:
    doc = read(MARKED)
    # A key that is not there (what a "missing key" error points at) → its mapping.
    assert doc.where(("indicators", 1, "name")) == (8, 5)
    assert doc.where(("indicators", 0, "targets", 0, "year")) == (7, 9)
    assert doc.where(("nowhere", 3)) == (1, 1)


def test_problem_carries_the_file_and_position() -> None:
    doc = read(MARKED)
    problem = doc.problem(("indicators", 0, "unit"), "bad unit")
    assert str(problem) == f"{FILE}:5:11: bad unit"
    problem = doc.problem(("indicators", 0, "unit"), "bad key", key=True)
    assert str(problem) == f"{FILE}:5:5: bad key"


def test_marks_of_an_alias_point_at_the_alias() -> None:
    doc = read("a: &x 1\nb: *x\n")
    assert doc.marks[("b",)] == (2, 4)


def test_marks_after_a_bom_start_at_column_one() -> None:
    doc = read(codecs.BOM_UTF8 + b"id: demo\n")
    assert doc.key_marks[("id",)] == (1, 1)
    assert doc.marks[("id",)] == (1, 5)


# ---------------------------------------------------------------------- documents and emptiness


def test_more_than_one_document_is_refused() -> None:
    message = only_problem("id: a\n---\nid: b\n")
    assert message.startswith(f"{FILE}:2:1: ")
    assert "more than one YAML document" in message


def test_more_than_one_document_is_refused_even_with_explicit_starts() -> None:
    message = only_problem("---\nid: a\n...\n---\nid: b\n")
    assert message.startswith(f"{FILE}:4:1: ")
    assert "document" in message


def test_one_explicit_document_is_fine() -> None:
    assert read("---\nid: a\n...\n").data == {"id": "a"}


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\n\n\n",
        b"   \n\t\n",
        b"# only a comment\n",
        b"# yaml-language-server: $schema=../schemas/plan.schema.json\n\n   # and another\n",
        codecs.BOM_UTF8,
        codecs.BOM_UTF8 + b"# comment\n",
    ],
)
def test_an_empty_or_comment_only_file_is_refused(raw: bytes) -> None:
    message = only_problem(raw)
    assert message.startswith(f"{FILE}: ")
    assert "empty" in message


# ---------------------------------------------------------------------------------- encodings

PLAN_TEXT = "id: 示例-2018\nname: 高新技术企业\nunit: 家\n"
PLAN_DATA = {"id": "示例-2018", "name": "高新技术企业", "unit": "家"}


def test_utf8_without_bom() -> None:
    doc = read(PLAN_TEXT.encode("utf-8"))
    assert doc.data == PLAN_DATA
    assert doc.notes == []


def test_utf8_bom_is_accepted_silently() -> None:
    doc = read(codecs.BOM_UTF8 + PLAN_TEXT.encode("utf-8"))
    assert doc.data == PLAN_DATA
    assert "id" in doc.data  # not "\ufeffid"
    assert doc.notes == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_accepted(encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    raw = bom + PLAN_TEXT.encode(encoding)
    doc = read(raw)
    assert doc.data == PLAN_DATA
    assert doc.marks[("unit",)] == (3, 7)


def test_utf16_without_bom_is_refused_as_not_text() -> None:
    message = only_problem(PLAN_TEXT.encode("utf-16-le"))
    assert message.startswith(f"{FILE}: ")
    assert "UTF-8" in message


def test_broken_utf16_after_a_bom_is_refused() -> None:
    raw = codecs.BOM_UTF16_LE + "id: x\n".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    message = only_problem(raw)
    assert "UTF-16" in message


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_chinese_is_read_correctly_with_a_note(encoding: str) -> None:
    doc = read(PLAN_TEXT.encode(encoding))
    assert doc.data == PLAN_DATA
    assert len(doc.notes) == 1
    note = doc.notes[0]
    assert note.startswith(f"{FILE}: ")
    assert "GB18030" in note
    assert "UTF-8" in note


def test_gb18030_only_characters_are_read() -> None:
    # U+20000 is outside GBK; GB18030 encodes it in four bytes.
    text = "name: 𠀀高新区\n"
    doc = read(text.encode("gb18030"))
    assert doc.data == {"name": "𠀀高新区"}
    assert "GB18030" in doc.notes[0]


def test_gbk_marks_count_characters() -> None:
    doc = read("名称: 高新区\nunit: 家\n".encode("gbk"))
    assert doc.marks[("名称",)] == (1, 5)
    assert doc.marks[("unit",)] == (2, 7)


def test_decode_returns_text_and_notes() -> None:
    assert decode("单位: 家\n".encode(), "f.yaml") == ("单位: 家\n", [])
    text, notes = decode("单位: 家\n".encode("gbk"), "f.yaml")
    assert text == "单位: 家\n"
    assert len(notes) == 1
    assert "f.yaml" in notes[0]
    assert "GB18030" in notes[0]


def test_latin1_text_is_refused_with_the_line() -> None:
    message = only_problem("id: demo\ntitle: caf\xe9\n".encode("latin-1"))
    assert message.startswith(f"{FILE}:2: ")
    assert "UTF-8" in message


@pytest.mark.parametrize(
    "raw",
    [
        b"id: demo\x00\n",
        b"\x00\x00\x00\x00",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    ],
)
def test_nul_bytes_are_refused(raw: bytes) -> None:
    message = only_problem(raw)
    assert message.startswith(f"{FILE}: ")
    assert "NUL" in message


# --------------------------------------------------------------------------------------- tags


@pytest.mark.parametrize(
    "text",
    [
        "v: !!python/object:os.system ls\n",
        "v: !!python/object/apply:os.system [ls]\n",
        "v: !!python/object/new:os.system [ls]\n",
        "v: !!python/name:os.system ''\n",
        "v: !!python/tuple [1, 2]\n",
        "v: !!binary aGVsbG8=\n",
        "v: !!set {a, b}\n",
        "v: !!omap [{a: 1}]\n",
        "v: !custom 12\n",
        "v: !<tag:example.com,2000:app/foo> bar\n",
    ],
)
def test_explicit_tags_are_refused(text: str) -> None:
    message = only_problem(text)
    assert message.startswith(f"{FILE}:1:4: ")
    assert "tag" in message
    assert "not allowed" in message


def test_standard_collection_tags_are_harmless() -> None:
    assert read("v: !!map {a: 1}\nw: !!seq [1]\n").data == {"v": {"a": 1}, "w": [1]}


# ------------------------------------------------------------------------------- complex keys


@pytest.mark.parametrize(
    "text",
    [
        "? [a, b]\n: 1\n",
        "? {a: 1}\n: 1\n",
        "{[a, b]: 1}\n",
        "v:\n  ? - a\n  : 1\n",
    ],
)
def test_complex_keys_are_refused(text: str) -> None:
    message = only_problem(text)
    assert "a mapping key must be a plain value" in message


# ------------------------------------------------------------------------------- syntax errors


def test_tab_indentation_is_explained() -> None:
    message = only_problem("id: demo\nparks:\n  a: 1\n\tb: 2\n")
    assert message.startswith(f"{FILE}:4:")
    assert "YAML syntax" in message
    assert "tab" in message


def test_a_full_width_colon_is_explained() -> None:
    message = only_problem("id: demo\ntitle：示例\nyear: 2018\n")
    assert "YAML syntax" in message
    assert "full-width colon" in message


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # libyaml notices the mistake on the next line (or past the end); the '：' is earlier.
        ("id: demo\ntitle：示例\nyear: 2018\n", "2:6"),
        ("id: demo\nindicators:\n  - id: firms\n    unit：家\n", "4:9"),
    ],
)
def test_a_full_width_colon_is_located_where_it_was_typed(text: str, where: str) -> None:
    message = only_problem(text)
    assert message.startswith(f"{FILE}:{where}: ")
    assert "full-width colon" in message


def test_a_full_width_space_is_located_where_it_was_typed() -> None:
    message = only_problem(
        "id: demo\nparks:\n  - id: gxq\n\u3000\u3000name: 高新区\n    role: core\n"
    )
    assert "full-width space" in message
    assert message.startswith(f"{FILE}:4:")


@pytest.mark.parametrize(
    "text",
    [
        "id: demo\nparks: [gxq, jkq\nyear: 2018\n",
        "id: demo\nparks: {gxq: 高新区\nyear: 2018\n",
        "id: demo\ntitle: 'unterminated\nyear: 2018\n",
        'id: demo\ntitle: "unterminated\n',
    ],
)
def test_an_unclosed_bracket_or_quote_names_the_line_it_was_opened_on(text: str) -> None:
    message = only_problem(text)
    assert "YAML syntax" in message
    assert "line 2" in message


def test_a_list_item_where_a_key_belongs_says_to_check_the_indentation() -> None:
    message = only_problem("id: demo\ntitle: 示例\n- {id: firms}\n")
    assert message.startswith(f"{FILE}:3:1: ")
    assert "indentation" in message


def test_a_colon_inside_a_value_says_to_quote_it() -> None:
    message = only_problem("id: demo\ntitle: 关于印发工作要点的通知: 2018\n")
    assert message.startswith(f"{FILE}:2:")
    assert "quote" in message


def test_syntax_errors_are_one_invalid_input_with_a_position() -> None:
    message = only_problem("id: demo\ntitle: 'unterminated\n")
    assert message.startswith(f"{FILE}:")
    assert "YAML syntax" in message
    line = int(message.split(":")[1])
    assert line >= 2


@pytest.mark.parametrize(
    ("char", "named"), [("\u3000", "full-width space (U+3000)"), ("\u00a0", "(U+00A0)")]
)
def test_an_odd_space_after_a_colon_is_named_on_its_own_line(char: str, named: str) -> None:
    message = only_problem(f"id: demo\nparks:\n  - id: gxq\n    name:{char}高新区\n    role: x\n")
    assert message.startswith(f"{FILE}:4:10: ")
    assert f"{named} was typed after ':'" in message


def test_a_no_break_space_indent_is_named_on_its_own_line() -> None:
    message = only_problem("id: demo\nparks:\n  - id: gxq\n\u00a0\u00a0name: x\n    role: y\n")
    assert message.startswith(f"{FILE}:4:1: ")
    assert "no-break space (U+00A0)" in message


def test_a_full_width_comma_in_a_flow_mapping_is_located() -> None:
    message = only_problem("id: demo\nparks:\n  - {id: gxq，name: 高新区, role: x}\n")
    assert message.startswith(f"{FILE}:3:13: ")
    assert "full-width comma" in message


def test_utf16_without_a_bom_is_named() -> None:
    message = only_problem(PLAN_TEXT.encode("utf-16-be"))
    assert "UTF-16 text without a byte-order mark" in message


def test_a_number_typed_with_a_leading_zero_is_remembered_as_typed() -> None:
    doc = read("a: 01\nb: [+5, 7]\nc: '09'\n")
    assert doc.data == {"a": 1, "b": [5, 7], "c": "09"}
    assert doc.spelled == {(1, 4): "01", (2, 5): "+5"}


def test_a_figure_file_is_not_called_a_plan() -> None:
    with pytest.raises(InvalidInput) as info:
        decode(b"indicator,value\x00\n", "f.csv", "figure file")
    assert "a figure file is CSV text" in str(info.value)
    with pytest.raises(InvalidInput) as info:
        read_yaml(b"# nothing\n", "f.yaml", "figure file")
    assert "a figure file starts with 'figures:'" in str(info.value)
    _, notes = decode("单位,亿元\n".encode("gbk"), "f.csv", "figure file")
    assert notes[0].endswith("> new.csv`")
