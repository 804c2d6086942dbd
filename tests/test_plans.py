"""The seed plans: each validates, checks, quotes its sources, and carries the seed's numbers."""

from __future__ import annotations

import calendar
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
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


# ---------------------------------------------------------------------------------------------
# The forms encoded by hand (stock, ranges, tiers, by:/events:, achieved, context:, fractions,
# outside: with share of:, coverage of a population). These read the YAML as it is written
# (yaml.safe_load), so they do not depend on the code that reads the new keys.

EXAMPLE = ROOT / "examples" / "new-forms-2018.yaml"


def raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def raw_plan(stem: str) -> dict:
    return raw(ROOT / "plans" / f"{stem}.yaml")


def targets_of(doc: dict):
    """(indicator, target) for every target of the plan."""
    for ind in doc.get("indicators") or []:
        for t in ind.get("targets") or []:
            yield ind, t


def sentence(ind: dict, t: dict) -> str:
    return t.get("source") or ind.get("source") or ""


def all_sources(node):
    """Every `source:` sentence anywhere in a plan (the top-level document block excepted)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "source" and isinstance(value, str):
                yield value
            else:
                yield from all_sources(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_sources(value)


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_every_source_anywhere_is_from_the_seed(stem: str):
    """Targets, indicators, context figures, events and figures all quote the document exactly."""
    seed = ROOT.parent / "shared" / "seeds" / SEEDS[stem]
    if not seed.exists():
        pytest.skip("the seed documents are not beside this checkout")
    text = "".join(seed.read_text(encoding="utf-8").split())
    for source in all_sources(raw_plan(stem)):
        for part in source.split("…"):
            part = "".join(part.split())
            assert part in text, f"{stem}: {part!r} is not in {seed.name}"


STOCKS = {
    "luoyang-gxq-2018": {
        "innovation-entities",  # 力争2018年年底全区创新主体在750家以上
        "innovation-platforms",  # 到2018年年底,全区创新平台数量在320个以上
        "listed-firms",  # 确保上市挂牌企业总数突破35家
        "yinlong-battery-main-works",  # 主体工程过半: a progress share
        "resettlement-housing-completed",  # 3828套安置房全面竣工: completed so far
    },
    "xinxiang-gxq-2017": {"rural-community-rectification"},  # 完成市定总任务的60%-70%
    "jianxi-2022": {
        "high-tech-firms",  # 高新技术企业总数达到400家以上
        "tech-smes",
        "specialized-smes",
        "rd-active-industrial-firms",
        "industrial-firms",
    },
    "xinxiang-2018": {
        "high-tech-firms",  # 力争高新技术企业达到95家
        "high-tech-reserve-firms",
        "above-scale-firms",
        "above-scale-firms-with-platform",
        "incubation-area",  # 孵化面积达到45万㎡
        "tech-transfer-agencies",
        "tech-finance-institutions",
        "valid-invention-patents",
        "resident-population",
        "firms-over-10bn",
        "firms-over-5bn",
        "ip-standard-firms",
        "ip-aid-stations",
    },
    "xinxiang-gxq-2020": set(),
}


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_stock_indicators(stem: str):
    doc = raw_plan(stem)
    stocks = {i["id"] for i in doc["indicators"] if i.get("stock") is True}
    assert stocks == STOCKS[stem]


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_no_new_or_cultivated_count_is_a_stock(stem: str):
    """新增…, 新培育…, 新备案…, 新认定… and 年内培育… are flows."""
    for ind in raw_plan(stem)["indicators"]:
        if ind.get("stock"):
            flow = re.match(r"(新增|新培育|新备案|新认定|年内培育|新引进)", ind["name"])
            assert not flow, ind["id"]


CONTEXT = {
    "luoyang-gxq-2018": {"key-projects", "poverty-monitored"},
    "xinxiang-gxq-2017": {
        "new-materials-fund",
        "cybernaut-transfer-fund",
        "startup-fund",
        "listing-reserve-firms",
        "ppp-south-ring-extension",
        "ppp-infrastructure-area",
        "village-beautification",
    },
    "jianxi-2022": {
        "gdp-2021-approx",
        "paired-firms",
        "three-upgrades",
        "fyp-major-projects",
        "province-city-key-projects",
        "signed-projects",
        "it-industrial-park",
        "dongxu-hydrogen-motor-park",
        "zhongke-huiyuan-hq",
        "new-platforms-2021",
        "research-projects-2021",
        "rd-activity-coverage-2021",
        "ftz-innovation-cases",
        "skills-training",
        "new-jobs-2021",
        "old-communities",
        "key-projects",  # 区领导分包的398个重大项目
        "new-rd-institutions",
    },
    "xinxiang-2018": {
        "provincial-cluster-projects",
        "military-civil-projects",
        "major-innovation-carriers",
    },
    "xinxiang-gxq-2020": {
        "wanhua-investment",  # 总投资110亿元的万华项目
        "hydrogen-park-investment",
        "new-energy-equipment-park-investment",
        "filtration-park-investment",
        "graphene-film-investment",
        "key-projects-under-construction",  # 60多个在建项目
        "national-incubators",
        "delegated-powers",
    },
}


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_context_figures(stem: str):
    doc = raw_plan(stem)
    context = doc.get("context") or []
    assert {c["id"] for c in context} == CONTEXT[stem]
    assert len(context) == len(CONTEXT[stem])
    indicators = {i["id"] for i in doc["indicators"]}
    scored = {item["indicator"] for item in (doc.get("scoring") or {}).get("items", [])}
    for c in context:
        assert c["id"] not in indicators, f"{c['id']} is both a context figure and an indicator"
        assert c["id"] not in scored, f"{c['id']} is a context figure and is scored"
        assert c.get("source"), f"{c['id']}: no source sentence"
        for key in ("value", "count"):
            if key in c:
                assert re.search(r"\d\s*\S", str(c[key])), f"{c['id']}: {key} without a unit"
        if "year" in c:
            assert c["year"] <= doc["year"]


def test_the_context_figures_named_in_the_brief_are_not_targets():
    """计划总投资505亿元的67个重点项目, 区领导分包的398个重大项目, 万华110亿元, 60多个在建项目,
    基金规模."""
    gone = {
        "luoyang-gxq-2018": {"key-projects", "key-projects-planned-investment"},
        "jianxi-2022": {"key-projects"},
        "xinxiang-gxq-2020": {
            "wanhua-investment",
            "key-projects-under-construction",
            "hydrogen-park-investment",
            "delegated-powers",
        },
        "xinxiang-gxq-2017": {"new-materials-fund", "cybernaut-transfer-fund", "startup-fund"},
        "xinxiang-2018": {"military-civil-projects"},
    }
    for stem, ids in gone.items():
        indicators = {i["id"] for i in raw_plan(stem)["indicators"]}
        assert not ids & indicators, (stem, ids & indicators)
    ly = {c["id"]: c for c in raw_plan("luoyang-gxq-2018")["context"]}
    assert (ly["key-projects"]["value"], ly["key-projects"]["count"]) == ("505 亿元", "67 个")
    jx = {c["id"]: c for c in raw_plan("jianxi-2022")["context"]}
    assert jx["key-projects"]["value"] == "398 个"


# --- deadlines (by:) ---------------------------------------------------------------------------

FIXED_BY = {"上半年", "三季度末", "年底前"}
MONTH_BY = re.compile(r"^(1[0-2]|[1-9])月底前$")
YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR_MONTH_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def by_is_valid(by: str, year: int, events: set[str]) -> bool:
    """One of the spellings of docs/format.md, inside the target's year."""
    by = str(by)
    if by in FIXED_BY or MONTH_BY.match(by) or by in events:
        return True
    if m := YEAR_MONTH.match(by):
        return int(m[1]) == year and 1 <= int(m[2]) <= 12
    if m := YEAR_MONTH_DAY.match(by):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        return y == year and 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]
    return False


ALL_PLANS = [*PLANS, EXAMPLE]


@pytest.mark.parametrize("path", ALL_PLANS, ids=lambda p: p.stem)
def test_every_by_is_an_allowed_spelling(path: Path):
    doc = raw(path)
    events = {e["name"] for e in doc.get("events") or []}
    for e in doc.get("events") or []:
        date = str(e["date"])
        assert YEAR_MONTH_DAY.match(date), f"event {e['name']}: {date!r} is not a date"
        assert by_is_valid(date, doc["year"], set()), f"event {e['name']}: {date} not in the year"
    for ind, t in targets_of(doc):
        if "by" in t:
            year = t.get("year", doc["year"])
            assert by_is_valid(t["by"], year, events), f"{ind['id']}: by {t['by']!r}"


# Every in-year deadline of the documents, with the sentence it comes from. The one that could
# not be encoded: jianxi-2022 "确保今年河洛文化旅游节前建成投用" (the speech dates no festival).
DEADLINES = {
    "luoyang-gxq-2018": {
        ("military-civil-transfer-center-occupied", "上半年"),  # 确保上半年实现项目进驻
        ("military-civil-projects-started", "上半年"),  # 14个项目上半年开工建设
        ("heluo-road-opened", "上半年"),  # 力争上半年竣工通车
        ("innovation-entities", "年底前"),  # 力争2018年年底…750家以上
        ("innovation-platforms", "年底前"),  # 到2018年年底…320个以上
    },
    "xinxiang-gxq-2017": set(),
    "jianxi-2022": set(),
    "xinxiang-2018": {("one-door-service", "年底前")},  # 力争年底前实现"只进一扇门、最多跑一次"
    "xinxiang-gxq-2020": set(),
}
UNDATED = {"jianxi-2022": {"vr-esports-park"}}


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_in_year_deadlines(stem: str):
    doc = raw_plan(stem)
    found = {(ind["id"], t["by"]) for ind, t in targets_of(doc) if "by" in t}
    assert found == DEADLINES[stem]
    for ind, t in targets_of(doc):
        if "by" in t:
            word = "年底" if t["by"] == "年底前" else t["by"]
            assert word in sentence(ind, t), f"{ind['id']}: the sentence does not say {t['by']}"
    assert not doc.get("events"), "no document dates an event"
    for ind_id in UNDATED.get(stem, ()):
        ind = next(i for i in doc["indicators"] if i["id"] == ind_id)
        assert "节前" in ind["source"] and "日期" in ind["note"]


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_every_deadline_phrase_of_the_document_is_accounted_for(stem: str):
    seed = ROOT.parent / "shared" / "seeds" / SEEDS[stem]
    if not seed.exists():
        pytest.skip("the seed documents are not beside this checkout")
    text = seed.read_text(encoding="utf-8")
    phrases = len(re.findall(r"上半年|季度末|月底前|年底前|节前", text))
    encoded = sum(1 for _, by in DEADLINES[stem] if by != "年底前") + sum(
        1 for _, by in DEADLINES[stem] if by == "年底前" and "年底前" in text
    )
    assert phrases == encoded + len(UNDATED.get(stem, ())), stem


# --- ranges and tiers --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_PLANS, ids=lambda p: p.stem)
def test_two_sided_only_where_the_sentence_says_a_band(path: Path):
    """A range is a band only where the document says 控制在…之间; there it must be decided."""
    for ind, t in targets_of(raw(path)):
        if "two_sided" in t:
            assert "between" in t, f"{ind['id']}: two_sided without between"
        if "between" not in t:
            continue
        band = "之间" in sentence(ind, t)
        if band:
            assert "two_sided" in t, f"{ind['id']}: 之间 says a band; decide two_sided"
        else:
            assert t.get("two_sided") is not True, f"{ind['id']}: two_sided without 之间"


def test_the_seed_ranges_follow_their_direction():
    ranges = {
        (stem, ind["id"]): t
        for stem in SEEDS
        for ind, t in targets_of(raw_plan(stem))
        if "between" in t
    }
    assert set(ranges) == {
        ("xinxiang-gxq-2017", "neeq-listings"),  # 全年力争新三板挂牌企业3-4家
        ("xinxiang-gxq-2017", "rural-community-rectification"),  # 60%-70%
        ("xinxiang-2018", "ipo-firms"),  # 力争1-2家企业上市
    }
    assert not any("two_sided" in t for t in ranges.values())


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_tiers_follow_the_words(stem: str):
    """力争/争取 is a stretch, 确保 a floor; a lone 力争 stays a stretch (it decides, alone)."""
    for ind, t in targets_of(raw_plan(stem)):
        words = sentence(ind, t)
        stretch, floor = bool(re.search("力争|争取", words)), "确保" in words
        if stretch and not floor:
            assert t.get("tier") == "stretch", f"{ind['id']}: {words}"
        if floor and not stretch:
            assert t.get("tier") == "floor", f"{ind['id']}: {words}"


def test_the_one_floor_and_stretch_pair():
    """生产总值达到800亿元 (floor) and 今年要力争突破800亿元 (stretch), both 2022."""
    pairs = []
    for stem in SEEDS:
        doc = raw_plan(stem)
        seen: dict[tuple, set] = {}
        for ind, t in targets_of(doc):
            key = (ind["id"], t.get("year", doc["year"]), t.get("park"))
            seen.setdefault(key, set()).add(t.get("tier", "floor"))
        pairs += [(stem, key) for key, tiers in seen.items() if tiers == {"floor", "stretch"}]
    assert pairs == [("jianxi-2022", ("gdp", 2022, None))]
    gdp = next(i for i in raw_plan("jianxi-2022")["indicators"] if i["id"] == "gdp")
    kinds = [
        (t.get("tier", "floor"), next(iter(set(t) & {"at_least", "more_than"})))
        for t in gdp["targets"]
    ]
    assert kinds == [
        ("floor", "at_least"),
        ("stretch", "more_than"),
        ("stretch", "at_least"),
    ]


# --- yes/no, coverage, shares of an outside total, fractions ------------------------------------

ACHIEVED = {
    "luoyang-gxq-2018": {
        "military-civil-transfer-center-occupied",
        "yinlong-vehicle-base-phase1",
        "heluo-road-opened",
        "xiwanglu-primary-school",
        "huaxialu-middle-school-main-works",
        "second-experimental-school",
        "gaoxin-international-primary-school",
    },
    "xinxiang-gxq-2017": {
        "big-data-exchange",
        "aerospace-park-projects-settled",
        "projects-started",
        "projects-in-production",
    },
    "jianxi-2022": {"vr-esports-park"},
    "xinxiang-2018": {
        "tech-transfer-fund",
        "tech-insurance",
        "innovation-vouchers",
        "tech-fair",
        "one-door-service",
    },
    "xinxiang-gxq-2020": {"east-west-link"},
}


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_yes_no_targets(stem: str):
    found = set()
    for ind, t in targets_of(raw_plan(stem)):
        if "achieved" in t:
            assert t["achieved"] == "是", ind["id"]
            assert ind["unit"] == "是否", ind["id"]
            found.add(ind["id"])
    assert found == ACHIEVED[stem]


def test_xinxiang_2018_coverage_targets():
    """科技贷 in every park; the 三个覆盖; 只进一扇门、最多跑一次 by the year's end."""
    inds = {i["id"]: i for i in raw_plan("xinxiang-2018")["indicators"]}
    covered = ("tech-loans", "ip-aid-stations", "patent-navigation", "tech-finance-institutions")
    for ind_id in covered:
        assert inds[ind_id]["targets"] == [{**inds[ind_id]["targets"][0], "coverage": "all"}]
    share = inds["ip-standard-coverage"]
    assert share["unit"] == "%"
    assert share["share"] == {"numerator": "ip-standard-firms", "denominator": "high-tech-firms"}
    assert [t["at_least"] for t in share["targets"]] == ["100%"]
    door = inds["one-door-service"]["targets"]
    assert [(t["achieved"], t["by"], t["tier"]) for t in door] == [("是", "年底前", "stretch")]


def test_coverage_of_a_population_is_a_share_of_100_percent():
    for stem, ind_id in (
        ("xinxiang-2018", "ip-standard-coverage"),
        ("jianxi-2022", "rd-activity-coverage"),
        ("xinxiang-2018", "provincial-platform-coverage"),
    ):
        ind = next(i for i in raw_plan(stem)["indicators"] if i["id"] == ind_id)
        assert ind["unit"] == "%" and set(ind["share"]) == {"numerator", "denominator"}
        assert [t.get("at_least") for t in ind["targets"]] == ["100%"]


def test_jianxi_shares_of_the_city():
    doc = raw_plan("jianxi-2022")
    assert doc["outside"] == [{"id": "city", "name": "洛阳市", "note": doc["outside"][0]["note"]}]
    inds = {i["id"]: i for i in doc["indicators"]}
    assert inds["tech-contract-city-share"]["share"] == {
        "numerator": "tech-contract-value",
        "denominator": "tech-contract-value",
        "of": "city",
    }
    gdp_share = {"numerator": "gdp", "denominator": "gdp", "of": "city"}
    assert inds["city-gdp-share"]["share"] == gdp_share
    figs = {(f["indicator"], f["period"]): f for f in doc["figures"]}
    assert figs[("tech-contract-city-share", 2021)]["value"] == "2/3"  # 占全市的2/3, exact
    assert figs[("tech-contract-value", 2021)]["value"] == "56 亿元"


FRACTION = re.compile(r"^\s*\d+\s*/\s*\d+\s*$")


@pytest.mark.parametrize("path", ALL_PLANS, ids=lambda p: p.stem)
def test_bare_fractions_only_for_percentages(path: Path):
    doc = raw(path)
    units = {i["id"]: i["unit"] for i in doc["indicators"]}
    for ind, t in targets_of(doc):
        for value in t.values():
            if isinstance(value, str) and FRACTION.match(value):
                assert ind["unit"] == "%", ind["id"]
    for f in doc.get("figures") or []:
        if isinstance(f.get("value"), str) and FRACTION.match(f["value"]):
            assert units[f["indicator"]] == "%", f["indicator"]


@pytest.mark.parametrize("path", ALL_PLANS, ids=lambda p: p.stem)
def test_ids_resolve(path: Path):
    """Shares name indicators and outside units, figures name indicators and parks or outside
    units, scoring names indicators: nothing points at a context figure or a made-up park."""
    doc = raw(path)
    indicators = {i["id"] for i in doc["indicators"]}
    parks = {p["id"] for p in doc.get("parks") or []}
    outside = {o["id"] for o in doc.get("outside") or []}
    assert not parks & outside
    for ind in doc["indicators"]:
        share = ind.get("share")
        if share:
            assert {share["numerator"], share["denominator"]} <= indicators, ind["id"]
            if "of" in share:
                assert share["of"] in outside, ind["id"]
        for t in ind.get("targets") or []:
            if "park" in t:
                assert t["park"] in parks, ind["id"]
    for f in doc.get("figures") or []:
        assert f["indicator"] in indicators, f
        if "park" in f:
            assert f["park"] in parks | outside, f
    for c in doc.get("context") or []:
        if "park" in c:
            assert c["park"] in parks, c
    for item in (doc.get("scoring") or {}).get("items", []):
        assert item["indicator"] in indicators, item


def test_luoyang_departments_still_score_100_each():
    """The two context figures left 经济发展局's items; its 40分 went to the other two."""
    scoring = raw_plan("luoyang-gxq-2018")["scoring"]
    totals: dict[str, float] = {}
    for item in scoring["items"]:
        totals[item["department"]] = totals.get(item["department"], 0) + item["weight"]
    assert totals == {d["id"]: 100 for d in scoring["departments"]}


# --- the illustrative example of every new form -------------------------------------------------


def test_the_new_forms_example_uses_every_form():
    doc = raw(EXAMPLE)
    assert "示例" in doc["title"] and "示例数据" in doc["note"]
    targets = list(targets_of(doc))
    kinds = {k for _, t in targets for k in t}
    assert {"between", "two_sided", "achieved", "by", "tier", "about", "coverage"} <= kinds
    assert any(i.get("stock") for i in doc["indicators"])
    assert any("between" in t and "two_sided" not in t for _, t in targets)
    bys = {str(t["by"]) for _, t in targets if "by" in t}
    events = {e["name"] for e in doc["events"]}
    assert {"上半年", "三季度末", "年底前", "6月底前", "2018-06", "2018-06-30"} <= bys
    assert bys & events, "a deadline names an event"
    assert any(t.get("tier") == "floor" for _, t in targets) and any(
        t.get("tier") == "stretch" for _, t in targets
    )
    assert any(FRACTION.match(str(v)) for _, t in targets for v in t.values())
    assert any((i.get("share") or {}).get("of") for i in doc["indicators"])
    assert any(
        i.get("share") and any(t.get("at_least") == "100%" for t in i.get("targets", []))
        for i in doc["indicators"]
    )
    assert doc["context"] and doc["outside"]
    assert any(f.get("park") in {o["id"] for o in doc["outside"]} for f in doc["figures"])
    assert all(f.get("note") == "示例数据" for f in doc["figures"]), "every figure illustrative"
