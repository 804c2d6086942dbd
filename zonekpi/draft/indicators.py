"""Stable ids for drafted indicators: a table of the common indicators of zone plans (the ids
the plans in plans/ use, so that a draft and a hand-written plan name them alike), and numbered
ids (ind-01, ind-02 … in document order) for the rest.

A name is looked up exactly after a few words that do not change what is counted are taken
off (全区, 自创区内, 全社会; 规上 is 规模以上): 年内培育高新技术企业 (a flow) is not 高新技术企业
(the stock) and gets a number of its own.
"""

from __future__ import annotations

import re

COMMON: dict[str, tuple[str, ...]] = {
    "gdp": ("生产总值", "地区生产总值", "GDP", "经济总量"),
    "gdp-per-capita": ("人均GDP", "人均生产总值"),
    "labour-productivity": ("全员劳动生产率",),
    "industrial-value-added": ("规模以上工业增加值", "工业增加值", "规模以上工业企业增加值"),
    "industrial-output": ("规模以上工业总产值", "工业总产值", "规模以上工业企业总产值"),
    "fixed-asset-investment": ("固定资产投资",),
    "industrial-investment": ("工业投资",),
    "retail-sales": ("社会消费品零售总额", "社零总额"),
    "general-budget-revenue": ("一般公共预算收入",),
    "fiscal-revenue": ("公共财政预算收入", "财政收入", "财政总收入"),
    "tax-share": ("税占比", "税收占比"),
    "rd-intensity": ("研发经费投入强度", "R&D经费投入强度", "研发投入强度"),
    "rd-spending": ("研发投入", "研发经费投入", "R&D投入", "R&D经费"),
    "rd-share": ("研发投入(R&D)占GDP比重", "R&D占GDP比重", "研发投入占GDP比重"),
    "high-tech-firms": ("高新技术企业", "高新技术企业总数"),
    "tech-smes": ("科技型中小企业",),
    "tech-contract-value": ("技术合同成交额",),
    "unemployment": ("城镇调查失业率", "调查失业率", "城镇登记失业率"),
    "urban-new-jobs": ("城镇新增就业",),
    "patent-applications": ("专利申请总量", "专利申请量", "申请专利"),
    "invention-applications": ("发明专利申请量",),
    "patent-grants": ("专利授权量",),
    "invention-grants": ("发明专利授权量",),
    "invention-patents-per-10k": ("万人有效发明专利", "每万人有效发明专利", "万人发明专利拥有量"),
    "incubation-area": ("孵化面积",),
    "new-incubation-area": ("新增孵化面积",),
    "new-incubated-firms": ("新增孵化企业",),
    "high-tech-value-added": ("高新技术产业增加值",),
    "investment-attracted": ("引进内外资",),
    "outside-capital": ("引进市外资金",),
    "science-spending-share": ("科技财政支出占比",),
    "leading-industry-share": ("主导产业占比",),
    "listed-firms": ("上市挂牌企业总数",),
    "tech-contracts": ("技术合同备案",),
    "retail-sales-growth": (),
}
_LOOKUP = {name: ident for ident, names in COMMON.items() for name in names}
_NOISE = re.compile(r"^(?:全区|自创区内|自创区|全社会|全市|全年|本区)+")


def key(name: str) -> str:
    """A name as it is looked up and compared: without the words that do not matter."""
    name = re.sub(r"[\s\"“”'']", "", name)
    name = name.replace("规上", "规模以上").replace("(", "(").replace(")", ")")
    name = _NOISE.sub("", name)
    return re.sub(r"^新(?=培育|引进|组建|认定|建设)", "", name)


def common_id(name: str) -> str | None:
    """The table's id for a name, or None."""
    return _LOOKUP.get(key(name))


def numbered(n: int) -> str:
    return f"ind-{n:02d}"
