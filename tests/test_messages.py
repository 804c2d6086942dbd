"""The catalogue of messages: every template made with `msg` in zonekpi has its Chinese.

Messages are made where they arise, in English (`errors.msg(template, **args)`), and worded in
the messages' language by zonekpi/view/messages/. This test reads the source (an AST walk, so
no message can hide in a branch no test reaches) and requires, for every template: a literal
string; named arguments that are exactly its fields; a Chinese wording in the catalogue with the
same fields; and no catalogue entry that no code uses.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from zonekpi.errors import Message, Problem, char_name, msg, stray
from zonekpi.view import lang
from zonekpi.view.messages import catalogue, problem_line, word

PACKAGE = Path(__file__).resolve().parent.parent / "zonekpi"
CATALOGUE = PACKAGE / "view" / "messages"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def templates() -> dict[str, list[str]]:
    """Every template in the source, with where it is made (file:line)."""
    found: dict[str, list[str]] = {}
    bad: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if CATALOGUE in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _is_msg(node.func)):
                continue
            at = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                bad.append(f"{at}: the template is not a literal string")
                continue
            given = {k.arg for k in node.keywords}
            if None in given or given != fields(first.value) or len(node.args) != 1:
                bad.append(f"{at}: arguments {sorted(map(str, given))} for {first.value!r}")
            found.setdefault(first.value, []).append(at)
    assert not bad, "\n".join(bad)
    return found


def _is_msg(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id == "msg") or (
        isinstance(func, ast.Attribute) and func.attr == "msg"
    )


# Where a message is made, and which argument is the message: a problem, a refused input, a
# usage error, a reader's error or warning, a note on stderr.
MADE_BY = {
    "Problem": 3,
    "invalid": 3,
    "bad": 2,
    "BadUsage": 0,
    "BadPeriod": 0,
    "ZonekpiError": 0,
    "UnitError": 0,
    "NotFinite": 0,
    "NoUnit": 0,
    "UsageError": 0,
    "error": 1,
    "problem": 1,
    "fail": 1,
    "warn": 2,
    "say": 0,
}


def test_no_message_is_plain_text() -> None:
    """A message made of a string literal or an f-string would stay English: every one is a
    msg(...) (or a value computed from messages)."""
    plain = []
    for path in sorted(PACKAGE.rglob("*.py")):
        part = path.relative_to(PACKAGE).parts
        if part[0] == "render" or (part[0] == "view" and part[1] not in ("outputs.py", "usage.py")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)
            at = MADE_BY.get(name or "")
            if name == "ValueError" and part[0] in ("read", "model"):
                at = 0
            if at is None or len(node.args) <= at:
                continue
            if isinstance(node.args[at], (ast.JoinedStr, ast.Constant, ast.BinOp)):
                plain.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert not plain, "messages written as plain text:\n" + "\n".join(plain)


def test_the_source_makes_messages() -> None:
    assert len(templates()) > 50


def test_every_template_has_its_chinese_with_the_same_fields() -> None:
    zh = catalogue()
    missing = [f"{t!r} ({at[0]})" for t, at in templates().items() if t not in zh]
    assert not missing, "no Chinese for:\n" + "\n".join(missing)
    wrong = [t for t in templates() if fields(zh[t]) != fields(t)]
    assert not wrong, "other fields in the Chinese of:\n" + "\n".join(wrong)


def schema_hints() -> set[str]:
    """The hints of the plan schema (x-zonekpi-hint), as templates (braces doubled)."""
    import json

    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            hint = node.get("x-zonekpi-hint")
            if isinstance(hint, str):
                found.add(hint.replace("{", "{{").replace("}", "}}"))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in (PACKAGE.parent / "schemas").glob("*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def test_every_hint_of_the_schema_has_its_chinese() -> None:
    hints = schema_hints()
    assert len(hints) >= 10
    assert not hints - set(catalogue()), hints - set(catalogue())


def test_the_catalogue_has_no_entry_no_code_uses() -> None:
    assert not set(catalogue()) - set(templates()) - schema_hints()


def words(template: str) -> str:
    """A template without its fields: the words it says."""
    return "".join(text for text, *_ in string.Formatter().parse(template))


def test_every_chinese_wording_is_chinese() -> None:
    for template, zh in catalogue().items():
        if not any(c.isascii() and c.isalpha() for c in words(template)):
            continue  # "{what}: {why}": nothing to translate but its parts
        assert zh != template, template
        assert any("\u4e00" <= c <= "\u9fff" for c in words(zh)), template


def test_catalogue_modules_hold_no_duplicate_template() -> None:
    from zonekpi.view.messages import cli, core, draft, model, plan, read, reports, tables, tasks

    seen: set[str] = set()
    for part in (model, read, plan, tables, tasks, core, draft, reports, cli):
        assert not seen & set(part.ZH), seen & set(part.ZH)
        seen |= set(part.ZH)


def test_a_message_is_its_english_text() -> None:
    made = msg("unknown park {park!r} (parks: {parks})", park="myq", parks="gxq, jkq")
    assert made == "unknown park 'myq' (parks: gxq, jkq)"
    assert isinstance(made, str)
    assert isinstance(made, Message)
    assert word(made, "en") == made


def test_nested_messages_are_worded_too() -> None:
    clean, said = stray("unit\u00a0") or ("", "")
    assert clean == "unit"
    assert said == "a no-break space (U+00A0) was typed after 'unit'"
    assert word(said, "zh") == "在'unit'之后误输入了一个不换行空格(U+00A0)"
    assert word(char_name("\u3000"), "zh") == "一个全角空格(U+3000)"


def test_a_problem_is_worded_after_its_place() -> None:
    said = msg("unknown park '{park}' (parks: {known})", park="x", known="y")
    p = Problem("a.csv", 2, 0, said)
    assert problem_line(p, "en") == "a.csv:2: unknown park 'x' (parks: y)"
    assert problem_line(p, "zh") == "a.csv:2: 没有园区'x'(园区: y)"


def test_the_issue_s_example_reads_as_an_office_expects() -> None:
    from zonekpi.errors import UnitError
    from zonekpi.model.units import parse_quantity

    with pytest.raises(UnitError) as caught:
        parse_quantity("1,2 万元")
    said = msg("{what}: {why}", what=msg("value of '{id}'", id="gdp"), why=caught.value.message)
    assert word(said, "en") == (
        "value of 'gdp': '1,2 万元': a comma must separate groups of three digits (1,200); "
        "for a decimal write a point (1.2)"
    )
    assert word(said, "zh") == (
        "'gdp'的数值: '1,2 万元': 逗号只能用作千位分隔(1,200); 小数请用小数点(1.2)"
    )


def test_joined_messages_are_worded_part_by_part() -> None:
    from zonekpi.errors import joined

    parts = joined((msg("growth {q}", q="7.4%"), msg("base {q}", q="630亿元")))
    assert parts == "growth 7.4%, base 630亿元"
    assert word(parts, "zh") == "增速7.4%, 基数630亿元"


def test_plain_text_is_left_as_it_is() -> None:
    assert word("plain text", "zh") == "plain text"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "C"}, "zh"),
        ({"LANG": "C.UTF-8"}, "zh"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "en_GB", "LANG": "zh_CN.UTF-8"}, "en"),
    ],
)
def test_the_locale_chooses_the_messages_language(environ: dict[str, str], expected: str) -> None:
    assert lang.from_environment(environ) == expected


def test_messages_pickle() -> None:
    import pickle

    made = msg("{char} was typed after '{clean}'", char=char_name("\t"), clean="x")
    again = pickle.loads(pickle.dumps(made))
    assert again == made
    assert isinstance(again, Message)
    assert again.template == made.template
