"""Plan text never reaches a terminal, a page or a spreadsheet as code: control characters are
shown escaped, markup is shown as written, CSV quotes every line break."""

from __future__ import annotations

import pytest

from .conftest import HEADER

NASTY = (
    HEADER.replace(
        "title: 测试", 'title: "T\\e[2J [bold]B[/bold] [link=http://x]y[/link] <b>z</b>"'
    )
    + """
indicators:
  - id: a
    name: "A\\e]0;pwn\\a [/] | x\\rZ\\u202eQ *i* `c` &amp;"
    unit: 家
    targets: [{at_least: 1 家}]
  - {id: b, name: "\\r=1+1", unit: 家, targets: [{at_least: 1 家}]}
figures:
  - {indicator: a, period: 2018, value: 2 家}
  - {indicator: b, period: 2018, value: 2 家}
"""
)


@pytest.fixture
def nasty(plan_file):
    return str(plan_file(NASTY))


@pytest.mark.parametrize("fmt", ["table", "plain", "markdown", "text"])
def test_no_control_character_reaches_a_human_format(cli, nasty, fmt):
    out = cli("check", nasty, "-f", fmt).stdout
    assert not any(c in out for c in "\x1b\x07\r\u202e")
    assert "\\x1b" in out and "\\u202e" in out  # shown, not hidden


def test_rich_markup_in_plan_text_is_shown_as_written(cli, nasty):
    out = cli("check", nasty, "-f", "table").stdout
    assert "[bold]B[/bold]" in out and "[link=http://x]y[/link]" in out and "[/]" in out


def test_markdown_escapes_cells_and_html(cli, nasty):
    out = cli("check", nasty, "-f", "markdown").stdout
    rows = [ln for ln in out.splitlines() if ln.startswith("|")]
    assert len({ln.count("|") - ln.count("\\|") for ln in rows}) == 1  # no extra column
    assert "<b>" not in out and "&lt;b>z&lt;/b>" in out
    assert "\\*i\\*" in out and "\\`c\\`" in out and "&amp;amp;" in out
    assert len(rows) == 4  # header, rule, two rows: a line break forged no row


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_quotes_a_lone_carriage_return_and_guards_formulas(cli, nasty, fmt):
    import csv
    import io

    for excel, name in ((False, "\r=1+1"), (True, "'\r=1+1")):
        out = cli("check", nasty, "-f", fmt, *["--excel"] * excel).stdout.lstrip("\ufeff")
        rows = list(
            csv.reader(io.StringIO(out, newline=""), delimiter="\t" if fmt == "tsv" else ",")
        )
        assert len(rows) == 3  # the header and two findings: the CR stayed inside its cell
        names = [r[rows[0].index("name")] for r in rows[1:]]
        assert names[1] == name  # the formula guard with --excel only, inside a quoted cell
