"""`zonekpi draft`: each sentence form, worked by hand from a real sentence.

The sentences are copied from the five source documents (bench/docs, ../shared/seeds); where
the documents have no sentence of a form (分别, 左右, 提高…个百分点 as a target), the sentence is
the one the issue quotes from a published plan, or says where it comes from.
"""

from __future__ import annotations

from decimal import Decimal

from zonekpi.draft.build import Draft, draft_text, find_parks
from zonekpi.draft.mentions import mentions
from zonekpi.draft.model import Item

PARKS = ("高新区", "经开区", "平原示范区", "红旗区", "牧野区")


def drafted(text: str, year: int = 2018, parks: tuple[str, ...] = ()) -> Draft:
    return draft_text("示例高新区工作要点\n" + text, year, parks)


def items(text: str, year: int = 2018, parks: tuple[str, ...] = ()) -> list[Item]:
    return [i for ind in drafted(text, year, parks).indicators for i in ind.items]


def brief(item: Item) -> tuple[str, tuple[str, ...], str | None, int | None]:
    t = item.target
    return (t.kind, tuple(v.text() for v in t.values), t.tier, t.year)


# --------------------------------------------------------------------------- thresholds


def test_not_less_than_is_at_least_without_a_tier() -> None:
    (one,) = items("加强高新技术企业培育,年内培育高新技术企业不少于20家。")
    assert brief(one) == ("at_least", ("20 家",), None, None)
    assert one.name == "培育高新技术企业"
    assert one.stock is False  # 培育: a flow


def test_yi_shang_with_que_bao_is_a_floor_share() -> None:
    text = "确保年内全区规模以上工业企业R&D(全社会研究与试验发展经费)投入占增加值比重在6%以上。"
    (one,) = items(text)
    assert brief(one) == ("at_least", ("6%",), "floor", None)
    assert one.share and one.unit == "%"


def test_tu_po_is_more_than_and_zong_shu_a_stock() -> None:
    (one,) = items("推动有发展前景的企业进入资本市场,确保上市挂牌企业总数突破35家。")
    assert brief(one) == ("more_than", ("35 家",), "floor", None)
    assert one.stock is True


def test_kong_zhi_zai_yi_nei_is_a_ceiling_of_a_lower_is_better_rate() -> None:
    (one,) = items("城镇新增就业1.4万人,城镇调查失业率控制在5.5%以内。", 2022)[1:]
    assert brief(one) == ("at_most", ("5.5%",), None, None)
    assert one.lower
    ind = next(i for i in drafted("城镇调查失业率控制在5.5%以内。", 2022).indicators)
    assert ind.id == "unemployment"


def test_bu_di_yu_money_gets_the_common_id() -> None:
    d = drafted("建设全市科技成果转化的先行区,确保全年技术合同成交额不低于3亿元。")
    (ind,) = d.indicators
    assert ind.id == "tech-contract-value" and ind.unit == "亿元"
    assert brief(ind.items[0]) == ("at_least", ("3 亿元",), "floor", None)


def test_a_range_is_between_and_li_zheng_governs_the_sentence() -> None:
    text = "重点培育泰隆电力等15家后备企业,全年力争新三板挂牌企业3-4家,四板挂牌新增18家。"
    got = items(text, 2017)
    assert [brief(i) for i in got] == [
        ("between", ("3 家", "4 家"), "stretch", None),
        ("at_least", ("18 家",), "stretch", None),
    ]  # 等15家后备企业: the size of a list, not a target


def test_a_percent_range() -> None:
    (one,) = items("力争2017年新型农村社区规范整治工作完成市定总任务的60%-70%的目标。", 2017)
    assert brief(one) == ("between", ("60%", "70%"), "stretch", None)


def test_zuo_you_is_about_with_a_tolerance_to_confirm() -> None:
    # No seed states a 左右 target; the form as plans write it (docs/format.md: 15%左右).
    (one,) = items("高新技术产业增加值占比15%左右。")
    assert brief(one) == ("about", ("15%",), None, None)


def test_yu_is_more_than() -> None:
    (one,) = items("新开工建设加速器东侧规划路、振中路、纬六路、经三路等10余条道路工程。", 2017)
    assert brief(one) == ("more_than", ("10 条",), None, None)


# --------------------------------------------------------------------------- growth, 百分点


def test_growth_targets_with_common_ids() -> None:
    text = (
        "经济发展预期目标:2017年全区生产总值增长8%;规模以上工业企业实现总产值、增加值增长8.5%;"
        "固定资产投资增长12%。"
    )
    d = drafted(text, 2017)
    got = {ind.id: brief(ind.items[0]) for ind in d.indicators}
    assert got == {
        "gdp": ("growth", ("8%",), None, None),
        "industrial-output": ("growth", ("8.5%",), None, None),
        "industrial-value-added": ("growth", ("8.5%",), None, None),
        "fixed-asset-investment": ("growth", ("12%",), None, None),
    }
    assert next(i for i in d.indicators if i.id == "gdp").items[0].comparable


def test_growth_yi_shang_and_qi_zhong() -> None:
    text = (
        "人均GDP、全员劳动生产率增速10%以上,固定资产投资增长11%,其中工业投资15%,"
        "社会消费品零售总额增长9%以上。"
    )
    d = drafted(text, 2022)
    got = {ind.id: brief(ind.items[0]) for ind in d.indicators}
    assert got == {
        "gdp-per-capita": ("growth", ("10%",), None, None),
        "labour-productivity": ("growth", ("10%",), None, None),
        "fixed-asset-investment": ("growth", ("11%",), None, None),
        "industrial-investment": ("growth", ("15%",), None, None),
        "retail-sales": ("growth", ("9%",), None, None),
    }


def test_ti_gao_bai_fen_dian_is_an_increase_of_a_percent_indicator() -> None:
    # 002 states it of 2021 (税占比54.3%,比去年提高6.4个百分点); the same words as a target:
    (one,) = items("税占比提高6.4个百分点。", 2022)
    assert brief(one) == ("increase", ("6.4 个百分点",), None, None)
    assert one.unit == "%"


# --------------------------------------------------------------------------- shares


def test_a_fraction_is_kept_exact() -> None:
    assert [(m.number, m.unit) for m in mentions("完成技术合同成交额56亿元,占全市的2/3")] == [
        ("56", "亿元"),
        ("2/3", "%"),
    ]
    (one,) = items("技术合同成交额占全市比重达到1/8。")
    assert brief(one) == ("at_least", ("1/8",), None, None)
    assert one.share


def test_per_capita_is_flagged() -> None:
    (one,) = items("加强知识产权工作,万人有效发明专利达到13件。")
    assert brief(one) == ("at_least", ("13 件",), None, None)
    assert one.per_capita


# --------------------------------------------------------------------------- 分别


def test_fen_bie_with_counts() -> None:
    # The sentence from a published plan.
    got = items("新增20亿元企业、10亿元企业、亿元企业分别不少于1家、1家和7家。")
    assert [(i.name, brief(i)) for i in got] == [
        ("新增20亿元企业", ("at_least", ("1 家",), None, None)),
        ("新增10亿元企业", ("at_least", ("1 家",), None, None)),
        ("新增亿元企业", ("at_least", ("7 家",), None, None)),
    ]


def test_fen_bie_with_percentages() -> None:
    got = items("科技、人才、资本对经济增长的贡献度分别达25%、40%、20%。")
    assert [brief(i) for i in got] == [
        ("at_least", ("25%",), None, None),
        ("at_least", ("40%",), None, None),
        ("at_least", ("20%",), None, None),
    ]


# --------------------------------------------------------------------------- paths, years


def test_a_path_of_three_years() -> None:
    d = drafted("确保综保区今年实现外贸总额30亿元,明年55亿元,后年100亿元。", 2022)
    (ind,) = d.indicators
    assert [brief(i) for i in ind.items] == [
        ("at_least", ("30 亿元",), "floor", None),
        ("at_least", ("55 亿元",), "floor", 2023),
        ("at_least", ("100 亿元",), "floor", 2024),
    ]


def test_shi_si_wu_mo_and_an_actual_of_the_year_before() -> None:
    text = (
        '力争"十四五"末完成1500亿元经济总量,在全市经济总量占比从2021年末的12.8%增加到15%,'
        "今年要力争突破800亿元。"
    )
    d = drafted("今年全区主要预期目标是:生产总值达到800亿元。" + text, 2022)
    gdp = next(i for i in d.indicators if i.id == "gdp")
    assert [brief(i) for i in gdp.items] == [
        ("at_least", ("800 亿元",), None, None),
        ("at_least", ("1500 亿元",), "stretch", 2025),
        ("more_than", ("800 亿元",), "stretch", None),
    ]
    share = next(i for i in d.indicators if "占比" in i.name)
    assert [brief(i) for i in share.items] == [("at_least", ("15%",), "stretch", 2025)]
    assert [(f.period, f.value.text() if f.value else None) for _, f in d.figures] == [
        (2021, "12.8%")
    ]


# --------------------------------------------------------------------------- tiers


def test_que_bao_then_li_zheng_in_one_sentence() -> None:
    # docs/format.md's example of the two tiers.
    d = drafted("确保高新技术企业达到90家,力争达到95家。")
    (ind,) = d.indicators
    assert ind.id == "high-tech-firms"
    assert [brief(i) for i in ind.items] == [
        ("at_least", ("90 家",), "floor", None),
        ("at_least", ("95 家",), "stretch", None),
    ]


def test_zheng_qu_is_stretch_and_a_semicolon_ends_its_reach() -> None:
    text = (
        "全年计划申报高新技术企业10家以上;新增市级以上工程技术研究中心2家,申请专利400件以上;"
        "年内争取申报国家、省市等各类计划35项以上。"
    )
    assert [brief(i) for i in items(text, 2017)] == [
        ("at_least", ("10 家",), None, None),
        ("at_least", ("2 家",), None, None),
        ("at_least", ("400 件",), None, None),
        ("at_least", ("35 项",), "stretch", None),
    ]


# --------------------------------------------------------------------------- parks


def test_the_parks_of_yi_qu_si_yuan_are_found() -> None:
    text = "统筹“一区四园”协同发展。\n(责任单位:高新区、经开区、平原示范区、红旗区、牧野区)"
    assert find_parks(text) == PARKS


def test_ge_yuan_qu_zhi_shao_is_per_park() -> None:
    text = "管理体制机制改革实现新突破,各园区至少要创造3条可复制、可推广的自主创新经验。"
    (one,) = items(text, parks=PARKS)
    assert brief(one) == ("per_park", ("3 条",), None, None)


def test_dou_yao_is_coverage_and_firms_full_coverage_a_share() -> None:
    got = items("“一区四园”都要建立科技成果转移转化服务机构。", parks=PARKS)
    assert [(i.target.kind, i.unit) for i in got] == [("coverage", "是否")]
    (share,) = items("加大知识产权强企培育力度,实现高新技术企业知识产权贯标全覆盖。", parks=PARKS)
    assert brief(share) == ("at_least", ("100%",), None, None)


def test_an_allocation_over_named_parks() -> None:
    text = (
        "“一区四园”要围绕自创区确定的主导产业建设9个产业技术研究院,即:高新区的生命科学与生物工程、"
        "动力电池与新能源汽车、航空航天军民融合,经开区的绿色纤维、高端装备,平原示范区的生物医药,"
        "红旗区的光电信息、3D打印,牧野区的新型电池。"
    )
    (ind,) = drafted(text, parks=PARKS).indicators
    kinds = {i.target.kind: i.target for i in ind.items}
    assert kinds["at_least"].values[0].text() == "9 个"
    assert [(p, v.text()) for p, v in kinds["allocation"].shares] == [
        ("高新区", "3 个"),
        ("经开区", "2 个"),
        ("平原示范区", "1 个"),
        ("红旗区", "2 个"),
        ("牧野区", "1 个"),
    ]


# --------------------------------------------------------------------------- deadlines, yes/no


def test_shang_ban_nian_and_an_achieved_target() -> None:
    text = "积极推动创业中心与北航科技园合作建设洛阳市军民融合成果转移中心,确保上半年实现项目进驻。"
    (one,) = items(text)
    assert (one.target.kind, one.target.tier, one.target.by, one.unit) == (
        "achieved",
        "floor",
        "上半年",
        "是否",
    )


def test_nian_di_is_a_deadline_and_makes_a_stock() -> None:
    (one,) = items("力争2018年年底全区创新主体在750家以上。")
    assert brief(one) == ("at_least", ("750 家",), "stretch", None)
    assert one.target.by == "年底前" and one.stock is True


def test_guo_ban_is_more_than_half() -> None:
    text = (
        "确保银隆(洛阳)新能源汽车整车生产制造基地一期项目建成投产、"
        "银隆(洛阳)钛酸锂电池生产基地一期项目主体工程过半。"
    )
    assert sorted(brief(i) for i in items(text)) == [
        ("achieved", (), "floor", None),
        ("more_than", ("50%",), "floor", None),
    ]


# --------------------------------------------------------------------------- actuals, context


def test_stated_actuals_of_last_year_are_figures_by_park() -> None:
    text = (
        "一、充分肯定成绩,以生动实践坚定发展信心决心\n"
        "高新区GDP完成284亿元,增速4.9%;规上工业增加值增速10.1%。\n"
    )
    d = draft_text(text, 2022, ("涧西区", "高新区"))
    assert not any(ind.items for ind in d.indicators)
    got = [
        (ident, f.park, f.period, f.value and f.value.text(), f.growth and f.growth.text())
        for ident, f in d.figures
    ]
    assert got == [
        ("gdp", "高新区", 2021, "284 亿元", "4.9%"),
        ("industrial-value-added", "高新区", 2021, None, "10.1%"),  # still 高新区
    ]


def test_a_project_size_is_context_not_a_target() -> None:
    d = drafted("积极推动计划总投资505亿元的67个重点项目建设,着力加快孵化器等项目建设进度。")
    assert d.indicators == []
    assert [c.value.text() for c in d.context] == ["505 亿元"]


def test_incentive_rules_are_left_out() -> None:
    text = "对经认定的技术交易合同,给予技术交易额1%的奖励,每项合同奖励最高不超过10万元。"
    d = drafted(text, 2020)
    assert d.indicators == [] and [x.why for x in d.left] == ["incentive"]


def test_chinese_numerals_only_with_a_comparator() -> None:
    got = items("全年组织不少于两批次100名企业家参加培训。")
    assert [brief(i) for i in got] == [
        ("at_least", ("2 批",), None, None),
        ("at_least", ("100 名",), None, None),
    ]
    assert items("坚持一区四园协同发展,打好四张牌。") == []


def test_values_are_decimal_exact() -> None:
    (one,) = items("确保孙旗屯四期完成房屋征收550户11万平方米,开工建设住宅550套6.5万平方米。")[3:]
    assert Decimal(one.target.values[0].number) == Decimal("6.5")
    assert one.unit == "万平方米"
