"""One language per report, in the formats and commands beyond the terminal's: the HTML page
(its visible text: tags, scripts and styles left out, the charts' SVG text kept) and the Excel
workbook (every cell string of every sheet, the sheets' names and the charts' text) of every
run of `test_language`, and every human format of `zonekpi tasks` and `check --by owner`.
Chinese by default with no English word; English with ``--lang en`` with no Chinese but the
plan's text, the data's and, for the ledger, the progress files' notes and reporters.
"""

from __future__ import annotations

import csv
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from zonekpi import api
from zonekpi.cli import cli

from .test_language import CJK, JX22, LY18, RUNS, WORD, XX18, XX18_FIG, plan_text, without

XX18_PROGRESS = "examples/xinxiang-2018-progress.csv"
LY18_PROGRESS = "examples/luoyang-gxq-2018-progress.csv"
ROOT = Path(__file__).resolve().parent.parent
# the progress file's own words: what a unit reported, and who reported it
PROGRESS_TEXT = ("备注", "报送单位", "note", "reporter")
# the tool's own name, on the page's last line (由 zonekpi 0.x 生成): a name, not a word
NAMES = ["zonekpi"]

# (plans, data files, progress files, argv) of the ledger's runs
LEDGER: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], list[str]]] = {
    "tasks-xinxiang": (
        (XX18,),
        (),
        (XX18_PROGRESS,),
        ["tasks", XX18, "--as-of", "2018-10-31", "--progress", XX18_PROGRESS],
    ),
    "tasks-luoyang": (
        (LY18,),
        (),
        (LY18_PROGRESS,),
        ["tasks", LY18, "--as-of", "2018-07-01", "--progress", LY18_PROGRESS],
    ),
    "tasks-jianxi-by-owner": ((JX22,), (), (), ["tasks", JX22, "--as-of", "2022-06-30"]),
    "check-by-owner": ((XX18,), (XX18_FIG,), (), ["check", XX18, "--data", XX18_FIG]),
}
LEDGER["check-by-owner"][3].extend(["--by", "owner"])
LEDGER["tasks-jianxi-by-owner"][3].extend(["--by", "owner"])

FILES = ("html", "xlsx")
HUMAN = ("table", "plain", "markdown", "text")
PAGE_RUNS = [name for name, (_, _, argv) in RUNS.items() if argv[0] != "validate"]
CASES = [(name, fmt) for name in PAGE_RUNS for fmt in FILES]
LEDGER_CASES = [
    (name, fmt)
    for name, (*_, argv) in LEDGER.items()
    for fmt in (*HUMAN, *FILES)
    if not ("--by" in argv and fmt == "text")  # --by picks a table; text gives the bulletin
]


def ledger_text(plans: tuple[str, ...]) -> set[str]:
    """The words of the plans' 重点工作台账: units' names and aliases, tasks' names, deadlines
    as written (年底前), milestones, sources and groups, and each task's id, which the ledger
    shows in its 编号 column as the plan writes it (the key a progress file may use)."""
    found: set[str] = set()
    for plan in plans:
        ledger = api.load_plan(ROOT / plan).ledger
        if ledger is None:
            continue
        for unit in ledger.units:
            found.update([unit.name, unit.name_en or "", *unit.aliases])
        for task in ledger.tasks:
            found.update([task.id, task.name, task.due_text, task.source or "", task.group or ""])
            found.update(text for m in task.milestones for text in (m.name, m.due_text))
    found.discard("")
    return found


def progress_text(files: tuple[str, ...]) -> set[str]:
    """The notes and reporters of progress files (示例数据; 三会机制已建立, 市科技局), each note
    also in its parts, as the ledger shows a note's parts apart."""
    found: set[str] = set()
    for name in files:
        with open(ROOT / name, encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                for key in PROGRESS_TEXT:
                    value = (row.get(key) or "").strip()
                    found.add(value)
                    found.update(part.strip() for part in value.split(";"))
    found.discard("")
    return found


@pytest.fixture(scope="module")
def quoted() -> dict[str, list[str]]:
    made = {name: plan_text(plans, data) for name, (plans, data, _) in RUNS.items()}
    for name, (plans, data, progress, _) in LEDGER.items():
        text = set(plan_text(plans, data)) | ledger_text(plans) | progress_text(progress)
        text |= set(progress)
        made[name] = sorted(text, key=len, reverse=True)
    return {name: [*text, *NAMES] for name, text in made.items()}


class _Visible(HTMLParser):
    """The text a browser shows: every text node but those of script, style and the SVG's
    metadata and definitions (matplotlib's RDF, glyph paths)."""

    HIDDEN = frozenset({"script", "style", "metadata", "defs"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return "\n".join(parser.parts)


def book_text(path: Path) -> str:
    """Every string cell of every sheet, the sheets' names and the charts' titles, axes and
    series names (from the charts' XML: openpyxl reads no chart text back)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    parts = list(wb.sheetnames)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            parts += [v for v in row if isinstance(v, str)]
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/charts/chart"):
                xml = z.read(name).decode("utf-8")
                parts += re.findall(r"<(?:a:t|c:v)>([^<]*)</", xml)
    return "\n".join(parts)


def made(argv: list[str], fmt: str, tmp_path: Path, english: bool) -> str:
    """The report of `argv` in `fmt`, as a person reads it (a page or a workbook written to
    stdout, as `path`, which has no --output, writes them)."""
    lang = ["--lang", "en"] if english else []
    result = CliRunner().invoke(cli, [*argv, "--format", fmt, *lang], prog_name="zonekpi")
    assert result.exit_code in (0, 1), result.output
    if fmt not in FILES:
        return result.stdout
    target = tmp_path / f"report.{fmt}"
    target.write_bytes(result.stdout_bytes)
    return page_text(target) if fmt == "html" else book_text(target)


def argv_of(name: str) -> list[str]:
    return RUNS[name][2] if name in RUNS else LEDGER[name][3]


def english_words(text: str, quoted: list[str]) -> list[str]:
    return sorted(set(WORD.findall(without(text, quoted))))


def chinese(text: str, quoted: list[str]) -> list[str]:
    return sorted({m.group() for m in CJK.finditer(without(text, quoted))})


@pytest.mark.parametrize(("name", "fmt"), [*CASES, *LEDGER_CASES])
def test_the_default_report_has_no_english_word(
    name: str, fmt: str, quoted: dict[str, list[str]], tmp_path: Path
) -> None:
    text = made(argv_of(name), fmt, tmp_path, english=False)
    assert CJK.search(text), "a Chinese report has Chinese words"
    words = english_words(text, quoted[name])
    assert not words, f"English words in the Chinese {fmt}: {words}"


@pytest.mark.parametrize(("name", "fmt"), [*CASES, *LEDGER_CASES])
def test_the_english_report_has_no_chinese_but_the_plans(
    name: str, fmt: str, quoted: dict[str, list[str]], tmp_path: Path
) -> None:
    text = made(argv_of(name), fmt, tmp_path, english=True)
    assert WORD.search(text), "an English report has English words"
    left = chinese(text, quoted[name])
    assert not left, f"Chinese outside the plan's text in the English {fmt}: {left}"


def test_the_page_text_leaves_out_styles_and_keeps_chart_text(tmp_path: Path) -> None:
    """The extraction above would pass vacuously if it dropped everything, or fail on CSS."""
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><style>td { color: red }</style><title>标题</title></head><body>"
        "<p>达标</p><script>var x = 1;</script><svg><metadata>Matplotlib</metadata>"
        "<text>序时进度</text></svg></body></html>",
        encoding="utf-8",
    )
    assert page_text(page).split("\n") == ["标题", "达标", "序时进度"]


def test_the_book_text_holds_cells_sheets_and_charts(tmp_path: Path) -> None:
    argv = ["check", XX18, "--data", XX18_FIG, "-o", str(tmp_path / "r.xlsx")]
    assert CliRunner().invoke(cli, argv).exit_code in (0, 1)
    text = book_text(tmp_path / "r.xlsx").split("\n")
    # a sheet's name, a header, a status's words and a chart's title
    assert {"总表", "完成率", "达标"} <= set(text)
    assert any("各园区对比" in t for t in text)  # the parks' charts' titles


def test_a_remark_made_as_a_message_is_worded_in_the_language_asked_for() -> None:
    """A remark made below the view with errors.msg (a layout's warning about a cell) reads
    in the report's language in a table and in the language asked for on stderr."""
    from zonekpi.errors import msg
    from zonekpi.view import labels, lang

    remark = msg("unknown park '{park}' (parks: {known})", park="nosuch", known="gxq, jkq")
    lang.use(None)
    assert labels.note(remark) == "没有园区'nosuch'(园区: gxq, jkq)"
    assert labels.note(remark, None, "en") == "unknown park 'nosuch' (parks: gxq, jkq)"
    lang.use("en")
    try:
        assert labels.note(remark) == "unknown park 'nosuch' (parks: gxq, jkq)"
        assert labels.note(remark, None, "zh") == "没有园区'nosuch'(园区: gxq, jkq)"
    finally:
        lang.use(None)
