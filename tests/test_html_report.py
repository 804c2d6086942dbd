"""The HTML report (`--format html`, `-o FILE.html`): one self-contained page per command.

Each example plan's page is parsed (html.parser) and must hold its table's cells, its
sentences and an inline <svg>, and name no resource on the network. A plan whose names hold
markup and template code shows them as text. A real browser (headless Chromium) renders one
page to a PNG that must not be blank. A plain `check` never loads the plotting and template
libraries.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import HEADER, ROOT

EXAMPLES = {
    "xinxiang-2018": [
        "check",
        "plans/xinxiang-2018.yaml",
        "--data",
        "examples/xinxiang-2018-figures.csv",
    ],
    "jianxi-2021": ["check", "plans/jianxi-2022.yaml", "--year", "2021"],
    "luoyang-2018": [
        "check",
        "plans/luoyang-gxq-2018.yaml",
        "--data",
        "examples/luoyang-gxq-2018-figures.csv",
    ],
    "xinxiang-gxq-2017": [
        "check",
        "plans/xinxiang-gxq-2017.yaml",
        "--data",
        "examples/xinxiang-gxq-2017-figures.csv",
    ],
    "path": ["path", "plans/jianxi-2022.yaml", "gdp"],
    "rank": [
        "rank",
        "plans/xinxiang-2018.yaml",
        "--period",
        "2018-10",
        "--data",
        "examples/xinxiang-2018-2018-10.csv",
    ],
    "incentives": [
        "incentives",
        "plans/xinxiang-gxq-2020.yaml",
        "--data",
        "examples/xinxiang-gxq-2020-claims.csv",
    ],
    "compare": ["compare", "plans/xinxiang-2018.yaml", "examples/xinxiang-2019.yaml"],
}


class Page(HTMLParser):
    """What a browser would see: the elements opened, the text of cells, paragraphs and list
    items, every text, and each attribute."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.cells: list[str] = []
        self.lines: list[str] = []
        self.texts: list[str] = []
        self._open: list[str] = []
        self._buffer: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]
        if tag in ("td", "th", "p", "li"):
            self._open.append(tag)
            self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == self._open[-1]:
            self._open.pop()
            text = "".join(self._buffer)
            (self.cells if tag in ("td", "th") else self.lines).append(text)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        if self._open:
            self._buffer.append(data)


def html_of(cli, args: list[str]) -> str:
    result = cli(*args, "--format", "html")
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def output_of(args: list[str]):
    """The same run's output object, for the cells and sentences the page must hold."""
    from zonekpi import api
    from zonekpi.view import outputs
    from zonekpi.view.path import path_table

    command, plan, *rest = args
    options = [a for a in rest if a.startswith("--")]
    opts = {o: rest[rest.index(o) + 1] for o in options}
    data = [opts["--data"]] if "--data" in opts else []
    if command == "check":
        loaded = api.load_plan(plan, data=data)
        year = int(opts["--year"]) if "--year" in opts else None
        return outputs.CheckOutput([api.check(loaded, year=year)])
    if command == "path":
        result = api.path(api.load_plan(plan), rest[0])
        return outputs.PathOutput(result, path_table(result))
    if command == "rank":
        span = api.year_to_date(opts["--period"])
        loaded = api.load_plan(plan, data=data, period=span)
        return outputs.RankOutput(api.assess(loaded, period=span))
    if command == "incentives":
        loaded = api.load_plan(plan)
        shown = ("claim", "beneficiary", "rule")
        return outputs.IncentivesOutput(api.settle(loaded, data), loaded, shown, True)
    plans = [api.load_plan(p) for p in (plan, rest[0])]
    return outputs.CompareOutput(api.compare(*plans))


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_example_page_holds_its_table_sentences_and_a_chart(cli, name):
    from zonekpi.render import display_columns, inert, tables

    args = EXAMPLES[name]
    html = html_of(cli, args)
    page = Page(html)
    made = output_of(args)
    cells = set(page.cells)
    for table in tables(made):
        for row in table.rows:
            for column in display_columns(table):
                assert inert(column.human(row.get(column.key, ""))) in cells
    lines = set(page.lines)
    for _, said in made.sentences():
        for line in said:
            assert line in lines
    assert "svg" in page.tags
    assert html.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_example_page_fetches_nothing(cli, name):
    html = html_of(cli, EXAMPLES[name])
    page = Page(html)
    for key, value in page.attrs:
        if key in ("src", "href", "xlink:href", "action", "data", "poster"):
            assert value.startswith("#") or value.startswith("data:"), (key, value)
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", html)
    assert not re.search(r"(src|href)\s*=\s*['\"]?\s*(https?:)?//", html, re.I)
    assert "@import" not in html and "@font-face" not in html
    for tag in ("script", "link", "img", "iframe", "object", "embed"):
        assert tag not in page.tags


def test_the_words_of_a_known_report(cli):
    """Hand-picked: 新乡 2018 with its illustrative figures: 高新技术企业 92家 against the
    stretch ≥ 95家 is 92 ÷ 95 = 96.8%, missed; the figures are 示例数据."""
    html = html_of(cli, EXAMPLES["xinxiang-2018"])
    page = Page(html)
    assert "高新技术企业" in page.cells and "92家" in page.cells and "96.8%" in page.cells
    assert "未达标" in page.cells
    assert '<html lang="zh-CN">' in html
    notice = [line for line in page.lines if line.startswith("示例数据")]
    assert notice, "the illustrative figures are not said to be illustrative"
    assert "@page { size: A4" in html
    assert "96.8%" in "".join(t for t in page.texts)  # the chart's bar text too


def test_no_illustrative_notice_for_published_figures(cli):
    """jianxi-2022's own figures are quoted from the document (source:), not 示例."""
    page = Page(html_of(cli, EXAMPLES["jianxi-2021"]))
    assert not [line for line in page.lines if line.startswith("示例数据")]


def test_the_page_in_english(cli):
    html = html_of(cli, [*EXAMPLES["xinxiang-2018"], "--lang", "en"])
    page = Page(html)
    assert '<html lang="en">' in html
    assert any(line.startswith("Illustrative data:") for line in page.lines)
    assert "Charts" in page.texts and "Summary" in page.texts


def test_output_file_by_extension(cli, tmp_path):
    for name in ("report.html", "report.HTM"):
        target = tmp_path / name
        result = cli(*EXAMPLES["xinxiang-2018"], "-o", str(target))
        assert result.exit_code == 1, result.stderr
        assert result.stdout == ""
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    refused = cli(*EXAMPLES["xinxiang-2018"], "-o", str(tmp_path / "r.html"), "-f", "csv")
    assert refused.exit_code == 2
    assert not (tmp_path / "r.html").exists()
    refused = cli(*EXAMPLES["xinxiang-2018"], "-o", str(tmp_path / "r.csv"), "-f", "html")
    assert refused.exit_code == 2


HOSTILE = (
    HEADER
    + """
parks:
  - {id: a, name: "园</td><td>区"}
  - {id: b, name: "{{ 7*7 }}园"}
indicators:
  - id: x
    name: "<script>alert(1)</script>企业"
    unit: 家
    targets: [{per_park: 10 家}]
  - {id: y, name: "甲{{ 7*7 }}乙</td>", unit: 项, targets: [{at_least: 4 项}]}
figures:
  - {indicator: x, park: a, period: 2018, value: 8 家}
  - {indicator: x, park: b, period: 2018, value: 12 家}
  - {indicator: y, period: 2018, value: 3 项}
"""
)


def test_plan_text_is_shown_as_text_never_markup(cli, plan_file):
    plan = plan_file(HOSTILE)
    result = cli("check", str(plan), "-f", "html")
    assert result.exit_code == 1, result.stderr
    html = result.stdout
    page = Page(html)
    assert "script" not in page.tags
    assert page.tags.count("td") == html.count("<td")  # no cell opened by a name
    text = "".join(page.texts)
    for literal in ("<script>alert(1)</script>企业", "甲{{ 7*7 }}乙</td>", "园</td><td>区"):
        assert literal in text
    assert "甲49乙" not in html and "49园" not in html
    # in the table and inside the chart's SVG, escaped both times
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;企业") >= 2
    assert "<script" not in html.lower()


def test_a_dollar_in_a_name_is_not_mathtext(cli, plan_file):
    plan = plan_file(
        HEADER
        + 'indicators: [{id: d, name: "$x^2$ 与 $", unit: 项, targets: [{at_least: 2 项}]}]\n'
        + "figures: [{indicator: d, period: 2018, value: 1 项}]\n"
    )
    result = cli("check", str(plan), "-f", "html")
    assert result.exit_code == 1, result.stderr
    assert Page(result.stdout).texts.count("$x^2$ 与 $") >= 2  # a cell and a bar's label


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="headless Chromium is not installed")
def test_chromium_renders_the_report(cli, tmp_path):
    from PIL import Image

    page = tmp_path / "report.html"
    result = cli(*EXAMPLES["xinxiang-2018"], "-o", str(page))
    assert result.exit_code == 1, result.stderr
    shot = tmp_path / "out.png"
    profile = tempfile.mkdtemp(dir=tmp_path)
    subprocess.run(
        [
            str(_chromium()),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            "--window-size=1280,2000",
            page.as_uri(),
        ],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists() and shot.stat().st_size > 0
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 2000)
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50, "the page rendered blank"
    dark = sum(n for n, (r, g, b) in colours if r + g + b < 200)
    assert dark > 2000, "no text on the page"
    # the chart's green bars (#2e7d32) were drawn: the inline SVG rendered
    green = [n for n, (r, g, b) in colours if abs(r - 46) < 12 and abs(g - 125) < 12 and b < 70]
    assert sum(green) > 1000


HEAVY = ("matplotlib", "jinja2", "markupsafe", "PIL", "numpy")
PROBE = """
import sys
from click.testing import CliRunner
from zonekpi.cli import cli
result = CliRunner().invoke(cli, {args!r})
print(result.exit_code, sorted(m for m in {heavy!r} if m in sys.modules))
"""


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["check", "plans/xinxiang-2018.yaml"], False),
        (["check", "plans/xinxiang-2018.yaml", "-f", "csv"], False),
        (["check", "plans/xinxiang-2018.yaml", "-f", "html"], True),
    ],
)
def test_plotting_and_templates_load_only_for_html(args, loaded):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ZONEKPI_CACHE": "off"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args, heavy=HEAVY)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.split(maxsplit=1)
    assert out[0] in ("0", "1")
    modules = eval(out[1])  # a list of names printed by the probe
    if loaded:
        assert "matplotlib" in modules and "jinja2" in modules
    else:
        assert modules == []


def test_template_ships_inside_the_package():
    """The template is package data: hatch puts every file under zonekpi/ in the wheel."""
    template = ROOT / "zonekpi" / "templates" / "report.html.j2"
    assert template.is_file()
    text = template.read_text(encoding="utf-8")
    assert "|safe" not in text  # nothing from a plan may bypass autoescaping
    assert Path(template).suffix == ".j2"
