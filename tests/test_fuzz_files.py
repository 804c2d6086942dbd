"""Fuzzing the files people send: figure files, claims files and workbooks made from scratch.

Where tests/test_fuzz.py mutates the example files, this builds tables out of what such files are
made of — the plan's ids and parks, periods, numbers with and without units, huge and odd
numbers, quotes, line breaks, NUL, full-width characters, rich markup — in any order and any
shape (a header missing, repeated or widened, short and long rows), and writes them as CSV or
TSV (quoted properly, or not quoted at all), or as an .xlsx workbook (strings and numbers, a
forged dimension, a cell far away). Then `check`, `validate` or `incentives` runs on them.

The property: the run ends in exit 0, 1 or 2; no exception escapes, no traceback is printed, and
with exit 2 every stderr line is one "zonekpi: ..." message. The budget is fixed and
derandomized (the whole file takes a few seconds); ZONEKPI_FUZZ_EXAMPLES=N runs N random
examples a test instead.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import math
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zonekpi.cli import cli

ROOT = Path(__file__).resolve().parent.parent
_ASKED = int(os.environ.get("ZONEKPI_FUZZ_EXAMPLES", "0") or 0)


def budget(default: int) -> Any:
    return settings(
        max_examples=_ASKED or default,
        deadline=None,
        derandomize=not _ASKED,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


PLAN = """\
id: fuzz
title: "模糊 [/] CO₂"
year: 2020
parks:
  - {id: gxq, name: 高新区}
  - {id: jkq, name: 经开区}
  - {id: sub, name: 园中园, parent: gxq}
indicators:
  - {id: gdp, name: 生产总值, unit: 亿元, targets: [{growth: 6%}, {at_least: 100 亿元}]}
  - {id: firms, name: 企业, unit: 家, stock: true, targets: [{at_least: 10 家}]}
  - {id: rd, name: 研发, unit: 亿元}
  - {id: rd-share, name: 研发占比, unit: "%", share: {numerator: rd, denominator: gdp},
     targets: [{at_least: 2%}]}
  - {id: open, name: 开通, unit: 是否, targets: [{achieved: 是}]}
incentives:
  unit: 万元
  rules:
    - {id: award, name: 奖励, source: 按1%奖励, rate: 1%, of: 交易额, max_per_item: 10 万元}
    - {id: each, name: 每件, source: 每件1万元, each: 1 万元, per: 件}
"""

FIGURE_COLUMNS = ("indicator", "park", "period", "value", "unit", "measure", "note")
CLAIM_COLUMNS = ("rule", "beneficiary", "date", "amount", "unit", "count", "reference", "note")

# what cells are made of: what each column of a good file holds, and what goes wrong with it
ODD = [
    *("", " ", "\u3000", "\u00a0", "\ufeff", "[/]", "[bold]", "CO₂", "\x1b[2J", "'"),
    *("9" * 20, "9" * 21, "1e400", "NaN", "inf", "-0", "１２３", "1,234.5", "1.234,5", "\n"),
]
junk = st.one_of(
    st.sampled_from(ODD),
    st.text(alphabet=st.sampled_from(list('0123456789.,-%亿元家 "\n\r\t;[/]₂\u3000')), max_size=12),
)
number = st.one_of(
    st.integers(min_value=-10, max_value=10**6).map(str),
    st.decimals(min_value=-1000, max_value=10**6, places=3, allow_nan=False).map(str),
    st.sampled_from(["99999999999999999999", "0.000000000001", "6.3%", "300 亿元", "3 个百分点"]),
)
COLUMN_CELLS: dict[str, st.SearchStrategy[str]] = {
    "indicator": st.sampled_from(["gdp", "firms", "rd", "rd-share", "open", "gpd", "other"]),
    "park": st.sampled_from(["", "gxq", "jkq", "sub", "gxq ", "xyz"]),
    "period": st.sampled_from(
        [
            "2020",
            "2019",
            "2020-10",
            "2020-Q3",
            "2020-H1",
            "2020年1-10月",
            "2021",
            "99999",
            "2020-13",
        ]
    ),
    "value": st.one_of(number, st.sampled_from(["是", "否", "true"])),
    "unit": st.sampled_from(["", "亿元", "万元", "元", "家", "%", "个百分点", "是否", "xyz"]),
    "measure": st.sampled_from(["", "value", "growth", "base", "change", "Value", "level"]),
    "note": st.sampled_from(["", "说明", "[/]", "CO₂", "\x1b[2J"]),
    "rule": st.sampled_from(["award", "each", "奖励", "每件", "nope"]),
    "beneficiary": st.sampled_from(["甲", "乙", "[/]丙[bold]", "", "CO₂ 公司"]),
    "date": st.sampled_from(
        [
            "2020-05-12",
            "2020/5/12",
            "20200512",
            "2020年5月12日",
            "2019-12-31",
            "2020-02-30",
            "2020-05",
        ]
    ),
    "amount": st.one_of(number, st.just("99999999999999999999 亿元"), st.just("")),
    "count": st.sampled_from(["", "1", "3", "2.5", "-1", "3 件"]),
    "reference": st.one_of(st.integers(1, 5).map(lambda n: f"R-{n}"), st.just("")),
}


def cell_of(column: str) -> st.SearchStrategy[str]:
    """Mostly what the column holds, sometimes anything."""
    good = COLUMN_CELLS.get(column, junk)
    return st.one_of(good, good, good, good, good, good, junk)


def table(columns: tuple[str, ...]) -> st.SearchStrategy[list[list[str]]]:
    """A header (the real columns in some order, mostly all of them, sometimes some left out,
    repeated or odd) and rows of what those columns hold, sometimes short or long."""
    odd_header = st.lists(
        st.one_of(st.sampled_from(columns), st.sampled_from(["", "Indicator ", "值", "x"])),
        max_size=len(columns) + 2,
    )
    header = st.one_of(*[st.permutations(columns).map(list)] * 6, odd_header)

    @st.composite
    def made(draw: Any) -> list[list[str]]:
        head = draw(header)
        rows = []
        for _ in range(draw(st.integers(0, 8))):
            row = [draw(cell_of(c.strip().lower())) for c in head]
            shape = draw(st.integers(0, 19))
            if shape == 0:
                row = row[: draw(st.integers(0, len(row)))]
            elif shape == 1:
                row += draw(st.lists(junk, min_size=1, max_size=3))
            rows.append(row)
        return [head, *rows]

    return made()


def as_text(rows: list[list[str]], delimiter: str, quoted: bool) -> bytes:
    if quoted:
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
        text = out.getvalue()
    else:  # as a careless script writes it: a quote or a comma inside a cell breaks the row
        text = "".join(delimiter.join(r) + "\n" for r in rows)
    return text.encode("utf-8", "surrogatepass")


def run(files: dict[str, bytes], args: list[str], folder: Path) -> Result:
    for name, data in files.items():
        (folder / name).write_bytes(data)
    argv = [a.replace("{dir}", str(folder)) for a in args]
    return CliRunner().invoke(cli, argv, prog_name="zonekpi")


def assert_ends_cleanly(result: Result, args: list[str]) -> None:
    shown = f"zonekpi {' '.join(args)}\nstdout: {result.stdout[-500:]}\nstderr: {result.stderr}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{type(result.exception).__name__}: {shown}") from result.exception
    assert result.exit_code in (0, 1, 2), shown
    assert "Traceback" not in result.stderr, shown
    if result.exit_code == 2:
        assert result.stderr.strip(), shown
        for line in result.stderr.rstrip("\n").split("\n"):
            assert line.startswith("zonekpi: "), f"{line[:200]!r}: {shown}"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = tmp_path_factory.mktemp("fuzz-files")
    (made / "plan.yaml").write_text(PLAN, encoding="utf-8")
    return made


CHECKS = [
    ["check", "{dir}/plan.yaml", "--data", "{dir}/f", "-f", "json"],
    ["check", "{dir}/plan.yaml", "--data", "{dir}/f", "--by-park", "-f", "csv"],
    ["check", "{dir}/plan.yaml", "--data", "{dir}/f", "--period", "2020-10", "-f", "text"],
    ["validate", "{dir}/plan.yaml", "--data", "{dir}/f"],
]


@budget(400)
@given(
    rows=table(FIGURE_COLUMNS),
    tsv=st.booleans(),
    quoted=st.booleans(),
    command=st.sampled_from(CHECKS),
)
def test_a_figure_file_of_anything_ends_in_0_1_or_2(
    folder: Path, rows: list[list[str]], tsv: bool, quoted: bool, command: list[str]
) -> None:
    name = "f.tsv" if tsv else "f.csv"
    args = [a.replace("{dir}/f", f"{{dir}}/{name}") for a in command]
    data = as_text(rows, "\t" if tsv else ",", quoted)
    assert_ends_cleanly(run({name: data}, args, folder), args)


@budget(300)
@given(rows=table(CLAIM_COLUMNS), quoted=st.booleans(), fmt=st.sampled_from(["plain", "json"]))
def test_a_claims_file_of_anything_ends_in_0_1_or_2(
    folder: Path, rows: list[list[str]], quoted: bool, fmt: str
) -> None:
    args = ["incentives", "{dir}/plan.yaml", "-d", "{dir}/claims.csv", "-f", fmt]
    data = as_text(rows, ",", quoted)
    assert_ends_cleanly(run({"claims.csv": data}, args, folder), args)


def _workbook() -> Any:
    """bench/generate.py's writer of one-sheet workbooks (strings inline, numbers as numbers)."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._workbook


WRITE = _workbook()


def in_a_cell(text: str, as_number: bool) -> Any:
    """A cell as a workbook holds it: a number where the text is one (and `as_number`), else
    the text without what XML cannot hold (NUL, ESC)."""
    if as_number:
        try:
            return int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                pass
            else:
                if math.isfinite(number):
                    return number
    return "".join(c for c in text if c == "\t" or c == "\n" or ord(c) >= 0x20)


# cells as no spreadsheet writes them: types, styles, references and numbers gone wrong
RAW_CELLS = [
    '<c r="A{r}" t="s"><v>999</v></c>',
    '<c r="B{r}" t="b"><v>x</v></c>',
    '<c r="C{r}" t="d"><v>garbage</v></c>',
    '<c r="D{r}" t="e"><v>#DIV/0!</v></c>',
    '<c r="D{r}"><v>1e999</v></c>',
    '<c r="D{r}"><v>nan</v></c>',
    '<c r="A{r}" t="str"><f>1+1</f><v>2</v></c>',
    '<c r="A0"><v>1</v></c>',
    '<c r="2A"><v>1</v></c>',
    "<c><v>1</v></c>",
    '<c r="E{r}" t="inlineStr"><is><r><t>亿</t></r><r><t>元</t></r></is></c>',
    '<c r="A{r}" s="999"><v>1</v></c>',
    '<c r="A{r}" s="x"><v>1</v></c>',
    '<c r="C{r}" s="14"><v>44000</v></c>',
    '<c r="XFD{r}"><v>1</v></c>',
    '<c r="A{r}" t="inlineStr"><is><t>gdp</t></is></c>',
]
raw_rows = st.lists(
    st.tuples(
        st.sampled_from(["{r}", "{r}", "x", "-5", "2.5", ""]),
        st.lists(st.sampled_from(RAW_CELLS), min_size=1, max_size=4),
    ),
    max_size=3,
)


def raw_xml(rows: list[tuple[str, list[str]]], after: int) -> str:
    """Rows written after row `after`, as XML inside <sheetData>."""
    out = []
    for n, (number, cells) in enumerate(rows, after + 1):
        r = number.format(r=n)
        attribute = f' r="{r}"' if r else ""
        out.append(f"<row{attribute}>{''.join(c.format(r=n) for c in cells)}</row>")
    return "".join(out)


@budget(250)
@given(
    claims=st.booleans(),
    raw=raw_rows,
    data=st.data(),
    numbers=st.booleans(),
    gaps=st.lists(st.one_of(st.integers(1, 30), st.integers(1, 300_000)), max_size=8, unique=True),
    dimension=st.sampled_from([None, "A1:XFD1048576", "A1:B2", "ZZ9:A1", "nonsense"]),
)
def test_a_workbook_of_anything_ends_in_0_1_or_2(
    folder: Path,
    claims: bool,
    raw: list[tuple[str, list[str]]],
    data: Any,
    numbers: bool,
    gaps: list[int],
    dimension: str | None,
) -> None:
    rows = data.draw(table(CLAIM_COLUMNS if claims else FIGURE_COLUMNS))
    cells = [[in_a_cell(c, numbers) for c in row] for row in rows]
    at = sorted({1, *(g + 1 for g in gaps)})  # rows anywhere below the header
    numbered = list(zip(at, cells, strict=False))
    after = numbered[-1][0] if numbered else 0
    WRITE(folder / "f.xlsx", numbered, dimension, 0, raw_xml(raw, after))
    if claims:
        args = ["incentives", "{dir}/plan.yaml", "-d", "{dir}/f.xlsx", "-f", "json"]
    else:
        args = ["check", "{dir}/plan.yaml", "--data", "{dir}/f.xlsx", "-f", "csv"]
    assert_ends_cleanly(run({}, args, folder), args)


def test_the_plan_and_good_files_are_read(folder: Path) -> None:
    """The fuzzing starts from a valid plan, and a well-formed file of each kind is read."""
    figures = "indicator,park,period,value,unit\ngdp,gxq,2020,5,亿元\nopen,,2020,是,\n"
    claims = "rule,beneficiary,date,amount,count,reference\naward,甲,2020-05-12,100 万元,,R-1\n"
    check = ["check", "{dir}/plan.yaml", "--data", "{dir}/ok.csv", "-f", "json"]
    settle = ["incentives", "{dir}/plan.yaml", "-d", "{dir}/claims-ok.csv"]
    WRITE(
        folder / "ok.xlsx", [(1, list(FIGURE_COLUMNS[:5])), (2, ["firms", "jkq", 2020, 12, "家"])]
    )
    workbook = ["check", "{dir}/plan.yaml", "--data", "{dir}/ok.xlsx", "-f", "csv"]
    assert run({"ok.csv": figures.encode()}, check, folder).exit_code in (0, 1)
    assert run({"claims-ok.csv": claims.encode()}, settle, folder).exit_code == 0
    done = run({}, workbook, folder)
    assert done.exit_code in (0, 1) and "firms,企业" in done.stdout, done.stderr


@budget(300)
@given(
    text=st.text(alphabet='a,"\r\n亿', max_size=80),
    size=st.integers(min_value=1, max_value=8),
    longest=st.integers(min_value=1, max_value=12),
)
def test_a_line_too_long_is_found_wherever_the_chunks_end(
    text: str, size: int, longest: int
) -> None:
    """`_lines` gives the lines of the text as a whole file would, or stops at the first line
    longer than `longest` (its ending not counted) with its number and length."""
    from zonekpi.read.tables import LineTooLong, _lines

    whole = list(io.StringIO(text, newline=""))
    lengths = [len(line.rstrip("\r\n")) for line in whole]
    too_long = next((n for n, length in enumerate(lengths) if length > longest), None)
    if size > longest:  # a line inside a chunk is not measured: chunks are never that big
        size = longest
    if too_long is None:
        assert list(_lines(text, size, longest)) == whole
        return
    got: list[str] = []
    with pytest.raises(LineTooLong) as raised:
        got.extend(_lines(text, size, longest))
    assert raised.value.line == too_long + 1 and raised.value.length == lengths[too_long]
    assert got == whole[: len(got)]  # what came before it was read as it is
