"""The seed plans: each validates, checks, quotes its sources, and carries the seed's numbers."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from zonekpi.cli import cli
from zonekpi.model.periods import Period
from zonekpi.read.plan import load_plan

from .conftest import ROOT

PLANS = sorted((ROOT / "plans").glob("*.yaml"))
SEEDS = {
    "luoyang-gxq-2018": "000_1656d75d8a416ddb.txt",
    "xinxiang-gxq-2017": "001_338b8e59059554a2.txt",
    "jianxi-2022": "002_00109589de5bb457.txt",
    "xinxiang-2018": "003_668f737389d392d3.txt",
    "xinxiang-gxq-2020": "004_b7fa97706e10815e.txt",
}


def test_all_five_seed_plans_are_there():
    assert {p.stem for p in PLANS} == set(SEEDS)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_plan_validates_and_checks(path: Path):
    runner = CliRunner()
    rel = str(path.relative_to(ROOT))
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    assert doc["results"][0]["plan"] == path.stem
    assert rel.endswith(path.name)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_every_target_quotes_a_source(path: Path):
    plan = load_plan(path)
    assert plan.targets, "a seed plan has targets"
    for ind in plan.indicators:
        for t in ind.targets:
            assert t.source or ind.source, f"{ind.id}: no source sentence"


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_sources_are_from_the_seed(path: Path):
    seed = ROOT.parent / "shared" / "seeds" / SEEDS[path.stem]
    if not seed.exists():
        pytest.skip("the seed documents are not beside this checkout")
    text = "".join(seed.read_text(encoding="utf-8").split())
    plan = load_plan(path)
    for ind in plan.indicators:
        for source in filter(None, [ind.source, *(t.source for t in ind.targets)]):
            for part in source.split("…"):
                part = "".join(part.split())
                assert part in text, f"{ind.id}: {part!r} is not in {seed.name}"


def test_jianxi_2021_figures_are_the_seeds():
    plan = load_plan(ROOT / "plans" / "jianxi-2022.yaml")
    figs = {(f.indicator, f.park): f for f in plan.figures if f.period == Period(2021)}
    # "*区GDP完成414亿元,增速6.3%" and "高新区GDP完成284亿元,增速4.9%"
    assert figs[("gdp", "jianxi")].value == 414 and figs[("gdp", "jianxi")].growth == Decimal("6.3")
    assert figs[("gdp", "gxq")].value == 284 and figs[("gdp", "gxq")].growth == Decimal("4.9")


def test_xinxiang_2018_allocation_is_3_2_1_2_1():
    plan = load_plan(ROOT / "plans" / "xinxiang-2018.yaml")
    alloc = [t for t in plan.targets if t.kind == "allocation"]
    assert len(alloc) == 1
    assert dict(alloc[0].shares) == {"gxq": 3, "jkq": 2, "pysfq": 1, "hqq": 2, "myq": 1}
    assert sum(dict(alloc[0].shares).values()) == 9


@pytest.mark.parametrize(
    ("plan", "data"),
    [
        ("xinxiang-2018", "xinxiang-2018-figures.csv"),
        ("xinxiang-gxq-2017", "xinxiang-gxq-2017-figures.csv"),
        ("jianxi-2022", "jianxi-2022-figures.csv"),
        ("luoyang-gxq-2018", "luoyang-gxq-2018-figures.csv"),
    ],
)
def test_illustrative_figures_check(plan, data):
    result = CliRunner().invoke(
        cli, ["check", f"plans/{plan}.yaml", "--data", f"examples/{data}", "-f", "json"]
    )
    assert result.exit_code in (0, 1), result.output
    summary = json.loads(result.stdout)["results"][0]["summary"]
    assert summary["met"] > 0  # the illustrative figures give the check something to show
    rows = (ROOT / "examples" / data).read_text(encoding="utf-8").splitlines()
    assert all("示例数据" in r for r in rows[1:] if r.strip()), "every row marked illustrative"


def test_no_illustrative_figures_in_plans():
    for path in PLANS:
        assert "示例数据" not in "".join(f.note or "" for f in load_plan(path).figures), (
            f"{path.name} holds illustrative figures"
        )
