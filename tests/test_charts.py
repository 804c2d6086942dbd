"""Charts: what each command charts (hand-worked numbers), and `--charts DIR` writing each as
SVG and PNG, atomically, never over an input, and only with a CJK font for the PNG."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import pytest

from .conftest import HEADER, ROOT

XX18 = ["check", "plans/xinxiang-2018.yaml", "--data", "examples/xinxiang-2018-figures.csv"]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def needs_cjk_font():
    from zonekpi.render.charts import cjk_font

    if cjk_font() is None:
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk)")


PLAN = (
    HEADER
    + """
parks:
  - {id: a, name: 甲园}
  - {id: b, name: 乙园}
indicators:
  - {id: firms, name: 高新技术企业, unit: 家, targets: [{at_least: 40 家}]}
  - {id: labs, name: 研发平台, unit: 个, targets: [{per_park: 3 个}]}
figures:
  - {indicator: firms, park: a, period: 2018, value: 20 家}
  - {indicator: firms, park: b, period: 2018, value: 10 家}
  - {indicator: labs, park: a, period: 2018, value: 4 个}
  - {indicator: labs, park: b, period: 2018, value: 2 个, note: 示例数据}
"""
)


def test_check_charts_by_hand(run_check):
    """高新技术企业: 20 + 10 = 30家 of ≥ 40家 is 75%, missed; at 2018-09 the time elapsed is
    9/12 = 75%. 研发平台 per park ≥ 3个: 甲园 4 met, 乙园 2 missed."""
    from zonekpi.model.periods import Period
    from zonekpi.view.charts import check_page

    year_end = check_page([run_check(PLAN)])
    progress, grid = year_end.charts
    assert progress.name == "completion" and grid.name == "parks"
    firms = progress.bars[0]
    assert firms.label == "高新技术企业"
    assert firms.value == pytest.approx(75.0)
    assert (firms.text, firms.status, firms.mark) == ("75%", "missed", None)
    assert progress.reference == 100.0
    assert grid.columns == ("甲园", "乙园", "全区")
    labs = next(r for r in grid.rows if r.label == "研发平台")
    assert labs.cells[:2] == (("4", "met"), ("2", "missed"))
    assert year_end.illustrative  # 乙园's 研发平台 is 示例数据
    assert year_end.period == "2018年"

    monthly = PLAN.replace("period: 2018,", "period: 2018-09,")
    during = check_page([run_check(monthly, period=Period(2018, 1, 9))])
    firms = during.charts[0].bars[0]
    assert firms.value == pytest.approx(75.0)  # 30 of 40 (a flow, 1–9月)
    assert firms.mark == pytest.approx(75.0)  # 序时进度 9/12
    assert "序时进度" in during.charts[0].title
    assert during.period == "2018年1–9月"


def test_path_chart_by_hand():
    """jianxi-2022 gdp: the path starts at 2021's actual, 698亿元, passes 801 in 2022 (one
    step past the strict > 800) and ends at the stretch 1500 in 2025."""
    from zonekpi import api
    from zonekpi.view.charts import path_page
    from zonekpi.view.path import path_table

    result = api.path(api.load_plan("plans/jianxi-2022.yaml"), "gdp")
    page = path_page(result, path_table(result))
    (chart,) = page.charts
    assert chart.x == ("2021", "2022", "2023", "2024", "2025")
    path, actual, target = chart.lines
    assert path.values[0] == 698 and path.values[1] == 801 and path.values[-1] == 1500
    assert actual.values == (698, None, None, None, None)
    assert target.values == (None, 800, None, None, 1500)
    assert not page.illustrative  # the plan's own figures, quoted from the document


def test_rank_chart_is_best_first():
    from zonekpi import api
    from zonekpi.view.charts import rank_page

    span = api.year_to_date("2018-10")
    plan = api.load_plan(
        "plans/xinxiang-2018.yaml", data=["examples/xinxiang-2018-2018-10.csv"], period=span
    )
    ranking = api.assess(plan, period=span)
    (chart,) = rank_page(ranking, "t").charts
    totals = [b.value for b in chart.bars]
    assert totals == sorted(totals, reverse=True)
    assert chart.bars[0].label.startswith("1. ")
    assert chart.bars[0].value == float(ranking.standings[0].total)


def test_svg_keeps_text_as_text_and_escapes_it():
    from zonekpi.render.charts import svg, svg_file
    from zonekpi.view.chartdata import Bar, BarChart

    chart = BarChart(
        "c", "<b>标题</b> & $x$", "完成率 (%)", (Bar("</td><script>甲", 50.0, "50%", "met"),), "v"
    )
    inline = svg(chart, {"met": "达标"})
    assert inline.startswith("<svg") and "<metadata>" not in inline
    assert "&lt;/td&gt;&lt;script&gt;甲" in inline and "<script" not in inline
    root = ET.fromstring(svg_file(chart, {"met": "达标"}).encode("utf-8"))
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "</td><script>甲" in texts  # a text element, not paths of glyphs
    assert "<b>标题</b> & $x$" in texts  # and a dollar is not mathtext
    assert "达标" in texts
    assert svg(chart, {"met": "达标"}) == inline  # the same bytes every time


def test_charts_dir_writes_svg_and_png(cli, tmp_path):
    needs_cjk_font()
    from PIL import Image

    folder = tmp_path / "new" / "charts"  # created, with its parent
    result = cli(*XX18, "--charts", str(folder), "-f", "csv")
    assert result.exit_code == 1, result.stderr
    assert result.stdout.startswith("plan,")  # the report is still printed
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["completion.png", "completion.svg", "parks.png", "parks.svg"]
    for name in ("completion", "parks"):
        image = Image.open(folder / f"{name}.png")
        assert image.format == "PNG" and image.size[0] > 1000
        assert len(image.convert("RGB").getcolors(1 << 20) or []) > 20  # not blank
        root = ET.parse(folder / f"{name}.svg").getroot()
        texts = "".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
        assert "高新技术企业" in texts


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["path", "plans/jianxi-2022.yaml", "gdp"], ["path.png", "path.svg"]),
        (
            [
                "rank",
                "plans/xinxiang-2018.yaml",
                "--period",
                "2018-10",
                "--data",
                "examples/xinxiang-2018-2018-10.csv",
            ],
            ["ranking.png", "ranking.svg"],
        ),
    ],
)
def test_charts_of_path_and_rank(cli, tmp_path, args, names):
    needs_cjk_font()
    result = cli(*args, "--charts", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names


def test_no_cjk_font_is_refused_with_the_package_to_install(cli, tmp_path, monkeypatch):
    import zonekpi.render.charts as charts

    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    folder = tmp_path / "charts"
    result = cli(*XX18, "--charts", str(folder), "--lang", "en")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "fonts-noto-cjk" in line and "Microsoft YaHei" in line
    assert not folder.exists()
    zh = cli(*XX18, "--charts", str(folder), "--lang", "zh")
    assert zh.exit_code == 2 and "字体" in zh.stderr


def test_charts_never_replace_an_input(cli, tmp_path):
    needs_cjk_font()
    folder = tmp_path / "charts"
    folder.mkdir()
    figures = folder / "figures.csv"
    figures.write_bytes((ROOT / XX18[3]).read_bytes())
    os.link(figures, folder / "completion.png")  # the same file under a chart's name
    before = figures.read_bytes()
    result = cli(*XX18[:3], str(figures), "--charts", str(folder))
    assert result.exit_code == 2
    assert "completion.png" in result.stderr
    assert figures.read_bytes() == before
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_charts_dir_that_is_a_file(cli, tmp_path):
    needs_cjk_font()
    target = tmp_path / "charts"
    target.write_text("x")
    result = cli(*XX18, "--charts", str(target))
    assert result.exit_code == 2
    assert target.read_text() == "x"


def test_write_bytes_replaces_atomically(tmp_path):
    from zonekpi.chartfiles import write_bytes

    target = tmp_path / "c.png"
    target.write_bytes(b"old")
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["c.png"]


def test_illustrative_marks():
    from zonekpi.model.common import is_illustrative

    assert is_illustrative("示例数据")
    assert is_illustrative("示例数据 (illustrative)")
    assert is_illustrative("Illustrative")
    assert not is_illustrative(None) and not is_illustrative("统计月报")
