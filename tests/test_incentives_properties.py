"""Properties of settling claims: caps are never exceeded, budgets are met to the 分, totals are
sums of the claims, and the order claims are listed in changes no beneficiary's total."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from zonekpi.core.settle import prorate, settle
from zonekpi.model.policy import Claim, Policy, Rule

D = Decimal
fen = st.integers(min_value=0, max_value=10**12)


@given(st.lists(fen, min_size=1, max_size=30), st.integers(min_value=0, max_value=10**13))
def test_prorate_meets_the_budget_exactly_and_cuts_no_one_up(amounts, budget):
    out = prorate(amounts, budget)
    total = sum(amounts)
    if total <= budget:
        assert out == amounts
        return
    assert sum(out) == budget
    for before, after in zip(amounts, out, strict=True):
        assert 0 <= after <= before
        exact_share = before * budget / total  # within one 分 of the exact share
        assert after - 1 < exact_share <= after + 1 or before == 0


def _claims(draw_rows):
    start = datetime.date(2020, 1, 1)
    return [
        Claim(
            rule, who, start + datetime.timedelta(days=day), f"R{n}", amount=amount, counted=count
        )
        for n, (rule, who, day, amount, count) in enumerate(draw_rows)
    ]


rows = st.lists(
    st.tuples(
        st.sampled_from(["rate", "each"]),
        st.sampled_from(["甲", "乙", "丙"]),
        st.integers(min_value=0, max_value=365),
        st.decimals(min_value=D("0.01"), max_value=D("1e9"), places=2),
        st.integers(min_value=1, max_value=50).map(D),
    ).map(
        lambda r: (
            r[0],
            r[1],
            r[2],
            r[3] if r[0] == "rate" else None,
            r[4] if r[0] == "each" else None,
        )
    ),
    max_size=25,
)
money = st.one_of(st.none(), st.integers(min_value=1, max_value=10**8).map(lambda f: D(f) / 100))


@settings(max_examples=200, deadline=None)
@given(rows, money, money, money, money, money)
def test_settling_never_pays_past_a_cap(
    raw, per_item, per_beneficiary, rule_budget, budget, each_cap
):
    rate = Rule("rate", "比例", "s", rate=D("0.013"), max_per_item=per_item, budget=rule_budget)
    each = Rule("each", "定额", "s", each=D(10000), per="件", max_per_beneficiary=per_beneficiary,
                max_per_item=each_cap)  # fmt: skip
    policy = Policy((rate, each), budget=budget)
    claims = _claims(raw)
    s = settle(policy, claims, 2020)
    assert len(s.payments) == len(claims)
    for p in s.payments:
        assert 0 <= p.payable <= p.earned
        assert p.payable == p.payable.quantize(D("0.01"))  # whole 分
        limit = policy.rule(p.claim.rule).max_per_item
        assert limit is None or p.payable <= limit
        assert (p.payable < p.earned) == bool(p.capped_by)
    assert s.total.payable == sum(p.payable for p in s.payments)
    assert s.total.earned == sum(p.earned for p in s.payments)
    assert sum(t.payable for t in s.by_beneficiary) == s.total.payable
    assert sum(t.payable for t in s.by_rule) == s.total.payable
    if per_beneficiary is not None:
        for who in "甲乙丙":
            got = sum(
                p.payable
                for p in s.payments
                if p.claim.rule == "each" and p.claim.beneficiary == who
            )
            assert got <= per_beneficiary
    if budget is not None:
        assert s.total.payable <= budget
        if s.total.over_budget:
            assert s.total.payable == budget
    if rule_budget is not None:
        assert s.by_rule[0].payable <= rule_budget


@settings(max_examples=100, deadline=None)
@given(rows, money, st.randoms(use_true_random=False))
def test_the_order_of_the_file_changes_no_beneficiary_total_under_an_annual_cap(raw, cap, rnd):
    # With distinct dates, the annual cap is reached in date order whatever the file order.
    each = Rule("each", "定额", "s", each=D(10000), per="件", max_per_beneficiary=cap)
    rate = Rule("rate", "比例", "s", rate=D("0.01"))
    policy = Policy((rate, each))
    claims = _claims(raw)
    dated = [
        c._replace(date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
        for n, c in enumerate(claims)
    ]
    shuffled = list(dated)
    rnd.shuffle(shuffled)

    def totals(cs):
        return {t.key: t.payable for t in settle(policy, cs, 2020).by_beneficiary}

    assert totals(dated) == totals(shuffled)
    # and each beneficiary gets min(what it earned, the cap) under the per-unit rule
    s = settle(policy, dated, 2020)
    for who in "甲乙丙":
        mine = [p for p in s.payments if p.claim.rule == "each" and p.claim.beneficiary == who]
        want = sum((p.earned for p in mine), D(0))
        if cap is not None:
            want = min(want, cap)
        assert sum((p.payable for p in mine), D(0)) == want
