"""Interop fees: the v31 constant, both payment paths, the sinks, the ledger, conversions and bad input."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zkedu.interop import (
    DEFAULT_ZK_INTEROP_FEE,
    FeeCharge,
    FeeLedger,
    FeeSink,
    FeeToken,
    InteropFeePolicy,
    charge_interop_fee,
    compute_interop_fee,
    tokens_to_units,
    units_to_tokens,
)

amounts = st.integers(min_value=0, max_value=10**30)
sinks = st.sampled_from(list(FeeSink))


def test_default_zk_fee_is_ten_zk_at_eighteen_decimals() -> None:
    # InteropCenter.sol (draft-v31): uint256 constant DEFAULT_ZK_INTEROP_FEE = 10e18
    assert DEFAULT_ZK_INTEROP_FEE == 10_000_000_000_000_000_000
    assert InteropFeePolicy().zk_fee == DEFAULT_ZK_INTEROP_FEE


def test_default_policy_sends_fees_to_the_operator_and_charges_no_base_fee() -> None:
    policy = InteropFeePolicy()
    assert policy.sink is FeeSink.OPERATOR
    assert compute_interop_fee(policy) == FeeCharge(FeeSink.OPERATOR, FeeToken.BASE, 0)


def test_fixed_fee_path_pays_zk_per_call_and_no_base_token() -> None:
    policy = InteropFeePolicy(base_token_fee=7)
    charge = compute_interop_fee(policy, call_count=3, use_fixed_fee=True)
    assert charge == FeeCharge(FeeSink.OPERATOR, FeeToken.ZK, 3 * DEFAULT_ZK_INTEROP_FEE)


def test_base_token_path_pays_the_operator_fee_per_call() -> None:
    policy = InteropFeePolicy(base_token_fee=tokens_to_units("0.0001"), sink=FeeSink.TREASURY)
    assert compute_interop_fee(policy, call_count=4) == FeeCharge(FeeSink.TREASURY, FeeToken.BASE, 4 * 10**14)


@given(base=amounts, zk=amounts, sink=sinks, calls=st.lists(st.tuples(st.integers(1, 20), st.booleans()), max_size=30))
def test_ledger_accrues_exactly_the_sum_of_charges_into_the_chosen_sink_only(
    base: int, zk: int, sink: FeeSink, calls: list[tuple[int, bool]]
) -> None:
    policy = InteropFeePolicy(base_token_fee=base, zk_fee=zk, sink=sink)
    ledger = FeeLedger()
    expected = {FeeToken.BASE: 0, FeeToken.ZK: 0}
    for count, fixed in calls:
        paid = charge_interop_fee(ledger, policy, count, fixed)
        token = FeeToken.ZK if fixed else FeeToken.BASE
        assert paid[sink][token] == count * (zk if fixed else base)
        assert sum(v for s in FeeSink for v in paid[s].values()) == paid[sink][token]
        expected[token] += paid[sink][token]
    totals = ledger.totals()
    assert totals[sink] == expected
    other = next(s for s in FeeSink if s is not sink)
    assert totals[other] == {FeeToken.BASE: 0, FeeToken.ZK: 0}


def test_claim_pays_out_once_and_zeroes_the_balance() -> None:
    ledger = FeeLedger()
    charge_interop_fee(ledger, InteropFeePolicy(), use_fixed_fee=True)
    assert ledger.claim(FeeSink.OPERATOR, FeeToken.ZK) == DEFAULT_ZK_INTEROP_FEE
    assert ledger.claim(FeeSink.OPERATOR, FeeToken.ZK) == 0


def test_token_conversions_are_exact() -> None:
    assert tokens_to_units(10) == DEFAULT_ZK_INTEROP_FEE
    assert tokens_to_units(Decimal("1.5")) == 15 * 10**17
    assert tokens_to_units(Fraction(1, 4)) == 25 * 10**16
    assert tokens_to_units("1", decimals=6) == 10**6
    assert units_to_tokens(1) == Fraction(1, 10**18)


@given(st.integers(min_value=0, max_value=2**200))
def test_units_round_trip_through_tokens(units: int) -> None:
    assert tokens_to_units(units_to_tokens(units)) == units


@pytest.mark.parametrize(
    ("value", "error"),
    [(0.1, TypeError), (True, TypeError), ("abc", ValueError), ("1e-19", ValueError), (-1, ValueError),
     ("NaN", ValueError), ("Infinity", ValueError)],
)
def test_tokens_to_units_rejects_inexact_or_bad_amounts_naming_them(value: object, error: type) -> None:
    with pytest.raises(error, match=re.escape(repr(value))):
        tokens_to_units(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"base_token_fee": -1}, ValueError), ({"zk_fee": 2**256}, ValueError), ({"base_token_fee": 1.0}, TypeError),
     ({"zk_fee": True}, TypeError), ({"sink": "operator"}, TypeError)],
)
def test_policy_rejects_bad_settings(kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        InteropFeePolicy(**kwargs)  # type: ignore[arg-type]


def test_charge_rejects_bad_call_counts_and_flags() -> None:
    policy = InteropFeePolicy()
    with pytest.raises(ValueError, match="0"):
        compute_interop_fee(policy, call_count=0)
    with pytest.raises(TypeError, match="yes"):
        compute_interop_fee(policy, use_fixed_fee="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        charge_interop_fee(object(), policy)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="fee"):
        compute_interop_fee(InteropFeePolicy(zk_fee=2**255), call_count=2, use_fixed_fee=True)
