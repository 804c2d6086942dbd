"""Policy incentives (政策兑现): rules, claims, caps and budgets, worked by hand.

The rules are seed 004's (新乡高新区 2020): 技术交易额1%, 每项合同最高10万元; 10% 补助, 最高
100万元; 每件发明专利1万元, 每个机构每年最高20万元; 首台套 采购价格5% 分别给予奖励. Every
expected amount below is worked out from those sentences, not read off zonekpi's output.
"""

from __future__ import annotations

import datetime
import json
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from zonekpi.cli import cli
from zonekpi.core.settle import earned, prorate, settle
from zonekpi.model.policy import Claim, Policy, Rule

D = Decimal
WAN = D(10000)

TECH = Rule("tech", "技术交易合同奖励", "…1%的奖励,每项合同奖励最高不超过10万元", rate=D("0.01"),
            max_per_item=10 * WAN)  # fmt: skip
PATENT = Rule("patent", "发明专利转移奖励", "每件发明专利奖励1万元,每个机构每年最高不超过20万元",
              each=WAN, per="件", max_per_beneficiary=20 * WAN)  # fmt: skip
SUBSIDY = Rule("subsidy", "引进转化技术补助", "…10%…最高补助100万元", rate=D("0.1"),
               max_per_item=100 * WAN)  # fmt: skip
POLICY = Policy((TECH, PATENT, SUBSIDY))


def claim(rule: str, who: str, day: str, amount: str | None = None, counted: int | None = None,
          ref: str = "") -> Claim:  # fmt: skip
    return Claim(
        rule,
        who,
        datetime.date.fromisoformat(day),
        ref or f"{rule}-{who}-{day}",
        amount=None if amount is None else D(amount),
        counted=None if counted is None else D(counted),
    )


# ------------------------------------------------------------------ the core, by hand


def test_a_1500_wan_contract_earns_the_10_wan_cap_and_a_500_wan_one_5_wan():
    s = settle(
        POLICY,
        [
            claim("tech", "甲", "2020-04-15", "15000000"),  # 1% = 15万元 > 10万元
            claim("tech", "乙", "2020-06-03", "5000000"),  # 1% = 5万元
        ],
        2020,
    )
    big, small = s.payments
    assert (big.earned, big.payable, big.capped_by) == (150000, 100000, ("max_per_item",))
    assert (small.earned, small.payable, small.capped_by) == (50000, 50000, ())
    assert s.total.payable == 150000 and s.total.earned == 200000


def test_25_patents_by_one_institution_earn_the_20_wan_annual_cap_not_25():
    s = settle(POLICY, [claim("patent", "服务中心", "2020-05-01", counted=25)], 2020)
    assert s.payments[0].earned == 250000
    assert s.payments[0].payable == 200000
    assert s.payments[0].capped_by == ("max_per_beneficiary",)


def test_the_annual_cap_is_reached_in_date_order_not_file_order():
    # 13 件 in July is listed first; 12 件 in March were paid first: 12万, then 8万 of 13万.
    s = settle(
        POLICY,
        [
            claim("patent", "服务中心", "2020-07-15", counted=13),
            claim("patent", "服务中心", "2020-03-31", counted=12),
            claim("patent", "服务中心", "2020-11-30", counted=2),  # after the cap: nothing
            claim("patent", "另一机构", "2020-08-01", counted=6),  # its own cap: 6万
        ],
        2020,
    )
    assert [p.payable for p in s.payments] == [80000, 120000, 0, 60000]
    assert [p.capped_by for p in s.payments] == [
        ("max_per_beneficiary",),
        (),
        ("max_per_beneficiary",),
        (),
    ]
    by = {t.key: t.payable for t in s.by_beneficiary}
    assert by == {"服务中心": 200000, "另一机构": 60000}


def test_the_annual_cap_is_per_rule_and_per_beneficiary_whatever_the_width_of_brackets():
    s = settle(
        POLICY,
        [
            claim("patent", "新乡某(集团)中心", "2020-03-01", counted=15),
            claim("patent", "新乡某（集团） 中心", "2020-04-01", counted=15),  # the same one
        ],
        2020,
    )
    assert [p.payable for p in s.payments] == [150000, 50000]
    assert [(t.key, t.claims, t.payable) for t in s.by_beneficiary] == [
        ("新乡某(集团)中心", 2, 200000)
    ]


def test_amounts_in_yuan_and_wan_yuan_add_up(tmp_path):
    # 2,380,000 元 → 1% = 23,800 元; 500 万元 → 1% = 50,000 元; 73,800 元 = 7.38 万元.
    plan = _plan(tmp_path)
    data = _claims(
        tmp_path,
        """\
        rule,beneficiary,date,amount,unit,reference
        tech,甲,2020-09-21,2380000,元,A1
        tech,乙,2020-06-03,500 万元,,A2
        tech,丙,2020-07-01,0.1 亿元,,A3
        """,
    )
    doc = json.loads(_run("incentives", plan, "-d", data, "-f", "json").stdout)
    assert [c["payable"] for c in doc["claims"]] == [2.38, 5, 10]  # 0.1亿元 = 1000万元: 10万元
    assert doc["total"]["payable"] == 17.38 and doc["unit"] == "万元"


def test_a_claim_is_rounded_to_the_fen_half_up_once():
    assert earned(TECH, claim("tech", "甲", "2020-01-01", "1234.50")) == D("12.35")  # 12.345
    assert earned(TECH, claim("tech", "甲", "2020-01-01", "1234.49")) == D("12.34")  # 12.3449
    assert earned(TECH, claim("tech", "甲", "2020-01-01", "1234.51")) == D("12.35")  # 12.3451


def test_prorate_shares_a_budget_exactly_to_the_fen():
    # 10, 20, 30 万元 against 30 万元: half each.
    assert prorate([100000_00, 200000_00, 300000_00], 300000_00) == [
        50000_00,
        100000_00,
        150000_00,
    ]
    # 3 × 100 元 against 100 元: 33.333… each; 9999 分 floored, the 1 分 left to the first.
    assert prorate([10000, 10000, 10000], 10000) == [3334, 3333, 3333]
    # within the budget: unchanged
    assert prorate([100, 200], 300) == [100, 200]


def test_a_rule_budget_then_the_year_budget_cut_pro_rata():
    # Rule budget 10万元 for 8万 + 4万 = 12万: × 10/12 → 6.666666…万 and 3.333333…万:
    # 66666.66|6 元 and 33333.33|3 元, floors 6666666 + 3333333 = 9999999 分, the last 分 to
    # the larger remainder (the first). Then the year's budget 12万元 for 10万 + 5万 = 15万:
    # × 12/15 = 0.8 → 53333.34, 26666.66, 40000.
    rule = TECH._replace(max_per_item=None, budget=10 * WAN)
    policy = Policy((rule, SUBSIDY), budget=12 * WAN)
    s = settle(
        policy,
        [
            claim("tech", "甲", "2020-01-01", "8000000"),
            claim("tech", "乙", "2020-01-02", "4000000"),
            claim("subsidy", "丙", "2020-01-03", "500000"),
        ],
        2020,
    )
    assert [p.payable for p in s.payments] == [D("53333.34"), D("26666.66"), D("40000.00")]
    assert s.payments[0].capped_by == ("rule_budget", "budget")
    assert s.payments[2].capped_by == ("budget",)
    assert s.total.payable == 12 * WAN and s.over_budget
    tech = s.by_rule[0]
    assert (tech.capped, tech.budget, tech.over_budget) == (12 * WAN, 10 * WAN, True)


def test_within_budget_nothing_is_cut():
    policy = Policy((TECH,), budget=100 * WAN)
    s = settle(policy, [claim("tech", "甲", "2020-01-01", "1000000")], 2020)
    assert s.payments[0].payable == 10000 and not s.over_budget
    assert s.total.remaining == 100 * WAN - 10000


def test_no_claims_settle_to_zero():
    s = settle(POLICY, [], 2020)
    assert s.total.payable == 0 and s.payments == () and s.by_beneficiary == ()


# ------------------------------------------------------------------ the command


PLAN = """\
    id: t
    title: 测试
    year: 2020
    indicators:
      - {id: a, name: 甲, unit: 家, targets: [{at_least: 1 家}]}
    incentives:
      rules:
        - {id: tech, name: 技术交易合同奖励, source: 给予技术交易额1%的奖励, rate: 1%,
           max_per_item: 10 万元}
        - {id: patent, name: 发明专利转移奖励, source: 每件1万元, each: 1 万元, per: 件,
           max_per_beneficiary: 20 万元}
        - {id: first-set, name: 首台套奖励, source: 采购价格5%分别奖励, rate: 5%,
           beneficiaries_per_item: 2}
    """


def _plan(tmp_path: Path, text: str = PLAN) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def _claims(tmp_path: Path, text: str, name: str = "claims.csv") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="zonekpi")


def _errors(result) -> list[str]:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.exc_info is None or result.exc_info[0] is SystemExit
    return result.stderr.splitlines()


def test_the_seed_plan_and_its_example_claims(monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    args = (
        "incentives",
        "plans/xinxiang-gxq-2020.yaml",
        "-d",
        "examples/xinxiang-gxq-2020-claims.csv",
    )
    result = _run(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    pay = {(c["rule"], c["reference"], c["beneficiary"]): c["payable"] for c in doc["claims"]}
    # 1500万元 × 1% = 15万, capped at 10万; 500万 × 1% = 5万; 238万 × 1% = 2.38万
    assert pay[("tech-contract-award", "JS-2020-0012", "新乡甲科技有限公司")] == 10
    assert pay[("tech-contract-award", "JS-2020-0031", "新乡乙生物技术有限公司")] == 5
    assert pay[("tech-contract-award", "JS-2020-0057", "新乡甲科技有限公司")] == 2.38
    # 800万 × 10% = 80万; 1250万 × 10% = 125万, capped at 100万
    assert pay[("tech-absorption-subsidy", "YJ-2020-008", "新乡丁电池有限公司")] == 100
    # 12 件 in March = 12万; 13 件 in July: 8万 left under the 20万 a year
    assert pay[("patent-transfer-award", "ZL-2020-Q2Q3", "新乡市某知识产权服务中心")] == 8
    # 320万元 × 5% = 16万 to the maker and 16万 to the user of the same purchase
    assert pay[("first-set-equipment-award", "SB-2020-007", "新乡己重工有限公司")] == 16
    assert pay[("first-set-equipment-award", "SB-2020-007", "新乡庚制造有限公司")] == 16
    # 10 + 5 + 2.38 + 80 + 100 + 12 + 8 + 6 + 16 + 16 = 255.38; before caps 290.38
    assert (doc["total"]["payable"], doc["total"]["earned"]) == (255.38, 290.38)
    rules = {r["rule"]: r["payable"] for r in doc["rules"]}
    assert rules == {
        "tech-contract-award": 17.38,
        "tech-absorption-subsidy": 180,
        "patent-transfer-award": 26,
        "first-set-equipment-award": 32,
    }
    people = {b["beneficiary"]: b["payable"] for b in doc["beneficiaries"]}
    assert people["新乡甲科技有限公司"] == 12.38 and people["新乡市某知识产权服务中心"] == 20

    from jsonschema import Draft202012Validator

    from zonekpi.read.schema import schema

    Draft202012Validator(schema("incentives.schema.json")).validate(doc)

    text = _run(*args).stdout  # piped: plain text, three tables, the binding caps named
    assert "单项封顶 10万元" in text and "单位年度封顶 20万元" in text
    assert "按受益单位汇总" in text and "按政策汇总" in text and "255.38" in text


@pytest.mark.parametrize("fmt", ["plain", "markdown", "csv", "tsv", "json", "text", "table"])
@pytest.mark.parametrize("by", [None, "claim", "beneficiary", "rule"])
def test_every_format_and_table(tmp_path, fmt, by):
    data = _claims(
        tmp_path, "rule,beneficiary,date,count,reference\npatent,中心,2020-05-01,25,P1\n"
    )
    args = ["incentives", _plan(tmp_path), "-d", data, "-f", fmt] + (["--by", by] if by else [])
    result = _run(*args)
    if by and fmt in ("json", "text"):  # they hold every table: --by would be ignored
        assert result.exit_code == 2
        assert f"--by picks one table; --format {fmt} gives them all" in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    assert "20" in result.stdout


def test_csv_by_beneficiary_and_by_rule_have_stable_columns(tmp_path):
    data = _claims(
        tmp_path, "rule,beneficiary,date,count,reference\npatent,中心,2020-05-01,25,P1\n"
    )
    plan = _plan(tmp_path)
    lines = _run("incentives", plan, "-d", data, "-f", "csv", "--by", "beneficiary").stdout
    assert lines.splitlines() == [
        "beneficiary,claims,earned,cut,payable,unit,period,illustrative",
        "中心,1,25,5,20,万元,2020,false",  # the year settled; no claim marked 示例数据
    ]
    rules = _run("incentives", plan, "-d", data, "-f", "csv", "--by", "rule").stdout.splitlines()
    assert rules[0] == (
        "rule,name,standard,claims,earned,cut,payable,unit,budget,remaining,source,"
        "period,illustrative"
    )
    assert len(rules) == 4  # a row per rule, no total row for a spreadsheet to double-count
    claims = _run("incentives", plan, "-d", data, "-f", "csv").stdout.splitlines()
    assert claims[0].split(",")[:3] == ["file", "line", "rule"]
    assert claims[1].endswith(",1万元/件,25,max_per_beneficiary,20,万元,,2020,false")


def test_a_budget_exceeded_exits_1(tmp_path):
    plan = _plan(
        tmp_path, PLAN.replace("    incentives:\n", "    incentives:\n      budget: 5 万元\n")
    )
    data = _claims(tmp_path, "rule,beneficiary,date,count,reference\npatent,中心,2020-05-01,6,P1\n")
    result = _run("incentives", plan, "-d", data, "-f", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["total"] == {
        "claims": 1,
        "earned": 6,
        "payable": 5,
        "budget": 5,
        "remaining": 0,
        "over_budget": True,
    }
    assert doc["claims"][0]["capped_by"] == ["budget"]


def test_the_report_unit_can_be_yuan(tmp_path):
    plan = _plan(tmp_path, PLAN.replace("    incentives:\n", "    incentives:\n      unit: 元\n"))
    data = _claims(
        tmp_path, "rule,beneficiary,date,amount,reference\ntech,甲,2020-01-01,1234.5 元,R\n"
    )
    doc = json.loads(_run("incentives", plan, "-d", data, "-f", "json").stdout)
    assert doc["unit"] == "元" and doc["claims"][0]["payable"] == 12.35


def test_chinese_headers_and_dates_as_people_write_them(tmp_path):
    data = _claims(
        tmp_path,
        """\
        规则,受益单位,日期,金额,编号,备注
        技术交易合同奖励,甲,2020年3月5日,100 万元,R1,
        tech,乙,2020/3/6,100 万元,R2,
        tech,丙,20200307,100 万元,R3,
        tech,丁,２０２０．３．８,100 万元,R4,
        """,
    )
    doc = json.loads(_run("incentives", _plan(tmp_path), "-d", data, "-f", "json").stdout)
    assert [c["date"] for c in doc["claims"]] == [
        "2020-03-05",
        "2020-03-06",
        "2020-03-07",
        "2020-03-08",
    ]
    assert doc["total"]["payable"] == 4


def test_claims_from_a_workbook_with_date_cells(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["rule", "beneficiary", "date", "amount", "unit", "reference"])
    sheet.append(["tech", "甲", datetime.datetime(2020, 10, 9), 15000000, "元", "X1"])
    path = tmp_path / "claims.xlsx"
    book.save(path)
    doc = json.loads(_run("incentives", _plan(tmp_path), "-d", str(path), "-f", "json").stdout)
    assert doc["claims"][0]["date"] == "2020-10-09"
    assert doc["claims"][0]["line"] == 2 and doc["claims"][0]["payable"] == 10


def test_two_claims_files_are_one_ledger(tmp_path):
    plan = _plan(tmp_path)
    a = _claims(
        tmp_path, "rule,beneficiary,date,count,reference\npatent,中心,2020-02-01,15,P1\n", "a.csv"
    )
    b = _claims(
        tmp_path, "rule,beneficiary,date,count,reference\npatent,中心,2020-09-01,15,P2\n", "b.csv"
    )
    doc = json.loads(_run("incentives", plan, "-d", a, "-d", b, "-f", "json").stdout)
    assert [c["payable"] for c in doc["claims"]] == [15, 5]  # one cap over both files


# ------------------------------------------------------------------ claims refused


def _refused(tmp_path: Path, body: str, *extra: str) -> list[str]:
    data = _claims(tmp_path, "rule,beneficiary,date,amount,count,reference\n" + body)
    return _errors(_run("incentives", _plan(tmp_path), "-d", data, *extra))


def test_a_claim_outside_the_year(tmp_path):
    (line,) = _refused(tmp_path, "tech,甲,2019-12-30,100 万元,,R1\n")
    assert line.endswith(
        "claims.csv:2: dated 2019-12-30, outside 2020; settle it with --year 2019, or correct "
        "the date"
    )
    (line,) = _refused(tmp_path, "tech,甲,2020-12-30,100 万元,,R1\n", "--year", "2021")
    assert "outside 2021" in line


def test_a_claim_naming_no_rule(tmp_path):
    (line,) = _refused(tmp_path, "techh,甲,2020-01-02,100 万元,,R1\n")
    assert line.endswith(
        "claims.csv:2: no rule 'techh' in the plan (rules: tech, patent, first-set); did you "
        "mean 'tech'?"
    )


def test_a_repeated_reference(tmp_path):
    lines = _refused(
        tmp_path,
        "tech,甲,2020-01-02,100 万元,,HT-1\ntech,乙,2020-01-03,100 万元,,HT-2\n"
        "tech,甲,2020-05-02,100 万元,,HT-1\n",
    )
    assert lines == [
        f"zonekpi: {tmp_path}/claims.csv:4: reference 'HT-1' under rule tech is claimed already "
        "(at line 2) by the same beneficiary; remove the repeat"
    ]


def test_a_reference_claimed_by_two_beneficiaries(tmp_path):
    # tech pays one beneficiary per contract; first-set pays maker and user (2), not a third.
    lines = _refused(
        tmp_path,
        "tech,甲,2020-01-02,100 万元,,HT-1\ntech,乙,2020-01-03,100 万元,,HT-1\n"
        "first-set,甲,2020-02-01,100 万元,,SB-1\nfirst-set,乙,2020-02-01,100 万元,,SB-1\n"
        "first-set,丙,2020-02-01,100 万元,,SB-1\n",
    )
    assert [line.split(": ", 2)[1] for line in lines] == [
        f"{tmp_path}/claims.csv:3",
        f"{tmp_path}/claims.csv:6",
    ]
    assert "by 甲; rule tech pays one beneficiary per item" in lines[0]
    assert "rule first-set pays 2 beneficiaries per item" in lines[1]


def test_a_repeat_across_files_names_the_first_file(tmp_path):
    plan = _plan(tmp_path)
    a = _claims(
        tmp_path, "rule,beneficiary,date,count,reference\npatent,中心,2020-02-01,1,P1\n", "a.csv"
    )
    b = _claims(
        tmp_path, "rule,beneficiary,date,count,reference\npatent,中心,2020-09-01,1,P1\n", "b.csv"
    )
    (line,) = _errors(_run("incentives", plan, "-d", a, "-d", b))
    assert line.endswith(
        f"b.csv:2: reference 'P1' under rule patent is claimed already (at {a}:2) by the same "
        "beneficiary; remove the repeat"
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "tech,甲,2020-01-02,100,,R1",
            "amount: '100' has no unit; an amount of money is in 元, 万元 or 亿元",
        ),
        (
            "tech,甲,2020-01-02,1500万,,R1",
            "amount: '1500万': unknown unit '万'; an amount of money is in 元, 万元 or 亿元",
        ),
        (
            "tech,甲,2020-01-02,1 万元,2,R1",
            "both an amount and a count; rule tech pays on the amount, so leave the count empty",
        ),
        (
            "patent,甲,2020-01-02,1 万元,2,R1",
            "both an amount and a count; rule patent pays on the count, so leave the amount empty",
        ),
        (
            "tech,甲,2020-01-02,100 家,,R1",
            "amount: '100 家' is not an amount of money; write it in 元, 万元 or 亿元",
        ),
        ("tech,甲,2020-01-02,,,R1", "rule tech pays a rate of the amount; the amount is empty"),
        ("tech,甲,2020-01-02,-5 万元,,R1", "amount '-5 万元' must be more than 0"),
        ("patent,中心,2020-01-02,,2.5,R1", "count '2.5' must be a whole number more than 0"),
        (
            "patent,中心,2020-01-02,,3 个,R1",
            "count '3 个': rule patent pays per 件; give the number of 件",
        ),
        ("patent,中心,2020-01-02,,,R1", "rule patent pays per 件; the count is empty"),
        (
            "tech,甲,2020-03,100 万元,,R1",
            "date '2020-03' is a month; a claim's date is a day, like 2020-05-12",
        ),
        (
            "tech,甲,2020-02-30,100 万元,,R1",
            "date '2020-02-30' is not a day of the calendar; check it",
        ),
        ("tech,甲,someday,100 万元,,R1", "date 'someday' is not a date; write it like 2020-05-12"),
        (
            "tech,,2020-01-02,100 万元,,R1",
            "the beneficiary is empty; every claim names its beneficiary",
        ),
        ("tech,甲,2020-01-02,100 万元,,", "the reference is empty"),
        ("tech,甲,2020-01-02,100 万元,,R1,extra", "has 7 cells; the header has 6"),
    ],
)
def test_a_claim_that_cannot_be_paid_as_written(tmp_path, row, message):
    (line,) = _refused(tmp_path, row + "\n")
    assert line.startswith(f"zonekpi: {tmp_path}/claims.csv:2: "), line
    assert message in line, line


def test_every_bad_claim_is_reported_at_once(tmp_path):
    lines = _refused(tmp_path, "nope,甲,2020-01-02,1 万元,,R1\ntech,甲,2019-01-02,1 万元,,R2\n")
    assert [line.split(": ")[1].rsplit(":", 1)[1] for line in lines] == ["2", "3"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty; the first row names the columns rule,beneficiary,date,amount"),
        ("rule,beneficiary,date,reference\n", "missing column(s) amount or count"),
        (
            "rule,who,date,amount,reference\n",
            "unknown column(s) who; the header is rule,beneficiary",
        ),
        ("rule,rule,beneficiary,date,amount,reference\n", "column 'rule' appears twice; keep one"),
    ],
)
def test_a_claims_file_without_its_columns(tmp_path, text, message):
    data = _claims(tmp_path, text)
    (line,) = _errors(_run("incentives", _plan(tmp_path), "-d", data))
    assert message in line, line


def test_the_plan_must_have_rules(tmp_path):
    plan = _plan(tmp_path, PLAN.split("    incentives:")[0])
    data = _claims(tmp_path, "rule,beneficiary,date,amount,reference\n")
    (line,) = _errors(_run("incentives", plan, "-d", data))
    assert line.endswith(
        "plan.yaml: has no incentive rules; add an 'incentives:' block with its rules "
        "(docs/format.md, Incentives 政策兑现)"
    )


def test_the_claims_file_is_required_and_never_overwritten(tmp_path):
    plan = _plan(tmp_path)
    assert _run("incentives", plan).exit_code == 2
    data = _claims(tmp_path, "rule,beneficiary,date,count,reference\npatent,中心,2020-02-01,1,P1\n")
    before = Path(data).read_bytes()
    (line,) = _errors(_run("incentives", plan, "-d", data, "-f", "csv", "-o", data))
    assert "input" in line
    assert Path(data).read_bytes() == before


# ------------------------------------------------------------------ rules refused


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("{id: x, name: X, source: s, rate: 1}", "rate"),
        (
            "{id: x, name: X, source: s, rate: 120%}",
            "rate '120%' must be more than 0% and at most 100%",
        ),
        (
            "{id: x, name: X, source: s, rate: 1%, each: 1 万元, per: 件}",
            "a rule pays either 'rate: 1%' of an amount, or 'each: 1 万元' with 'per: 件'",
        ),
        ("{id: x, name: X, source: s, each: 1 万元}", "per"),
        (
            "{id: x, name: X, source: s, rate: 1%, max_per_item: 10 家}",
            "max_per_item: '10 家' is not an amount of money",
        ),
        (
            "{id: x, name: X, source: s, rate: 1%, max_per_item: 0 万元}",
            "max_per_item: '0 万元' must be more than 0",
        ),
        ("{id: x, name: X, source: s, rate: 1%, max_per_item: 0.0000001 万元}", "finer than a 分"),
        (
            "{id: x, name: X, source: s, each: 1 万元, per: 万元}",
            "per is the unit counted, such as 件 or 个, not 万元",
        ),
        ("{id: x, name: X, rate: 1%}", "source"),
        (
            "{id: tech, name: Y, source: s, rate: 1%}",
            "rule id 'tech' is already the id of rule 1; a claim names its rule by id or name, "
            "so give each rule its own",
        ),
    ],
)
def test_a_rule_the_plan_cannot_have(tmp_path, rule, message):
    text = PLAN.replace("        - {id: patent,", f"        - {rule}\n        - {{id: patent,")
    result = _run("validate", _plan(tmp_path, text))
    lines = _errors(result)
    assert any(message in line for line in lines), lines
    assert all(":" in line.split("plan.yaml", 1)[1][:3] for line in lines), lines  # located


def test_the_report_unit_must_be_money(tmp_path):
    plan = _plan(tmp_path, PLAN.replace("    incentives:\n", "    incentives:\n      unit: 件\n"))
    (line,) = _errors(_run("validate", plan))
    assert "unit 件 is not money; reports are in 元, 万元 or 亿元" in line


# ------------------------------------------------------------------ found in review


def test_a_rule_name_may_not_be_another_rules_id(tmp_path):
    # Else `award` in a claim could be paid under the rule *named* award (at 50%).
    text = PLAN.replace(
        "        - {id: patent,",
        "        - {id: big, name: tech, source: s, rate: 50%}\n        - {id: patent,",
    )
    (line,) = _errors(_run("validate", _plan(tmp_path, text)))
    assert "rule name 'tech' is already the id of rule 1" in line


def test_references_are_one_whatever_their_case_or_width(tmp_path):
    lines = _refused(
        tmp_path,
        "tech,甲,2020-01-02,100 万元,,JS-001\ntech,乙,2020-01-03,100 万元,,js-001\n"
        "tech,丙,2020-01-04,100 万元,,ＪＳ－００１\n",
    )
    assert len(lines) == 2 and all("'JS-001' under rule tech" not in x for x in lines)
    assert all("claimed already (at line 2) by 甲" in x for x in lines)


def test_two_parties_to_one_purchase_claim_the_same_price(tmp_path):
    (line,) = _refused(
        tmp_path, "first-set,甲,2020-02-01,100 万元,,S1\nfirst-set,乙,2020-02-01,900 万元,,S1\n"
    )
    assert line.endswith(
        "claims.csv:3: reference 'S1' under rule first-set is claimed already (at line 2) by 甲 "
        "at 1000000 元, not 9000000 元; one item has one amount, so correct one of them"
    )


def test_a_claims_file_given_twice(tmp_path):
    data = _claims(tmp_path, "rule,beneficiary,date,count,reference\npatent,中心,2020-02-01,1,P1\n")
    (line,) = _errors(_run("incentives", _plan(tmp_path), "-d", data, "-d", data))
    assert line == f"zonekpi: {data}: is given twice; give each claims file once"


def test_a_row_with_a_line_break_in_a_cell_is_named_by_its_first_line(tmp_path):
    (line,) = _refused(tmp_path, 'tech,"甲\n公司",2019-01-02,100 万元,,R1\n')
    assert line.startswith(f"zonekpi: {tmp_path}/claims.csv:2: dated 2019-01-02")


def test_a_year_before_the_plan_is_refused_and_a_later_one_noted(tmp_path):
    plan = _plan(tmp_path)
    data = _claims(tmp_path, "rule,beneficiary,date,count,reference\npatent,中心,2021-02-01,1,P1\n")
    (line,) = _errors(_run("incentives", plan, "-d", data, "--year", "2019"))
    assert line.endswith("plan.yaml: its rules are of 2020; --year 2019 is before them")
    later = _run("incentives", plan, "-d", data, "--year", "2021", "-f", "csv")
    assert later.exit_code == 0
    assert "note: 2021 is settled under the rules of the 2020 plan" in later.stderr


def test_json_money_is_exact_however_large(tmp_path):
    # 1% of 12,345,678,901,234,567,890 元 = 123,456,789,012,345,678.90 元
    #   = 12,345,678,901,234.5678900 万元; a float would keep 16 digits of it.
    data = _claims(
        tmp_path,
        "rule,beneficiary,date,amount,unit,reference\ntech,甲,2020-01-02,12345678901234567890,元,R\n",
    )
    out = _run("incentives", _plan(tmp_path), "-d", data, "-f", "json").stdout
    assert '"earned": 12345678901234.56789,' in out
    assert '"amount": 1234567890123456.789,' in out
    assert json.loads(out)["claims"][0]["payable"] == 10


def test_a_workbook_cell_shown_as_a_percentage_is_not_money(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["rule", "beneficiary", "date", "amount", "unit", "reference"])
    sheet.append(["tech", "甲", datetime.date(2020, 3, 1), 0.1, "万元", "X1"])
    sheet["D2"].number_format = "0.00%"
    sheet.append(["tech", "乙", datetime.date(2020, 3, 2), True, "", "X2"])
    path = tmp_path / "claims.xlsx"
    book.save(path)
    lines = _errors(_run("incentives", _plan(tmp_path), "-d", str(path)))
    assert len(lines) == 2
    assert "claims.xlsx:2: amount: the amount '10%' has a unit and the unit column says" in lines[0]
    assert "claims.xlsx:3: amount: 'TRUE' does not start with a number" in lines[1]


def test_a_rule_paying_per_unit_needs_both_each_and_per(tmp_path):
    text = PLAN.replace(
        "        - {id: patent,",
        "        - {id: x, name: X, source: s, per: 件}\n        - {id: patent,",
    )
    (line,) = _errors(_run("validate", _plan(tmp_path, text)))
    assert "'per' needs 'each:', the sum paid for each, such as 'each: 1 万元'" in line
