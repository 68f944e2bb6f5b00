"""Fee model V2, pubdata pricing, per-transaction fee split, amortisation and EIP-1559: worked examples,
properties and every bad-input path."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.rollup.amortisation import BATCH_FIXED_L1_GAS, compute_amortised_cost, compute_fill_seconds
from zkedu.rollup.eip1559 import next_base_fee, simulate_base_fee
from zkedu.rollup.fees import (
    MAX_L2_GAS_PER_PUBDATA,
    BatchFeeInput,
    compute_blob_pubdata_price,
    compute_calldata_pubdata_price,
    compute_l1_to_l2_gas,
    compute_tx_fee,
    compute_tx_overhead_gas,
    derive_base_fee_and_gas_per_pubdata,
    fee_model_v2,
)
from zkedu.rollup.units import GWEI, ceil_div, gwei_to_wei, wei_to_gwei

LIVE = {"l1_gas_price": 46_230_000_000, "l1_pubdata_price": 100_780_000_000, "minimal_l2_gas_price": 25_000_000}


# --- worked examples, derived by hand from the formulas ---------------------------------------------

def test_live_snapshot_worked_example() -> None:
    f = fee_model_v2(**LIVE, max_pubdata_per_batch=240_000)
    # overhead = 46.23e9 * 800,000 = 3.6984e16 wei; / 240,000 = 154.1 gwei per byte exactly
    assert f.fair_pubdata_price == 100_780_000_000 + 154_100_000_000 == 254_880_000_000
    # the facts sheet's ~254.87 gwei came from unrounded live prices; ours is within the inputs' rounding
    assert abs(f.fair_pubdata_price / GWEI - 254.87) < 0.02
    assert f.fair_l2_gas_price == 25_000_000  # compute_overhead_part = 0
    # ceil(254.88e9 / 50,000) = 5,097,600 < 25,000,000, so the base fee is the fair L2 gas price
    assert f.base_fee == 25_000_000
    assert f.gas_per_pubdata == 10_196  # ceil(254.88e9 / 25e6) = ceil(10,195.2)
    assert (f.l1_gas_price, f.l1_pubdata_price) == (LIVE["l1_gas_price"], LIVE["l1_pubdata_price"])


def test_rust_unit_tests_reproduced() -> None:
    giant = 100_000_000_000_000
    # test_compute_batch_fee_model_input_v2_only_pubdata_overhead
    f = fee_model_v2(giant, giant, 100_000_000_000, batch_overhead_l1_gas=700_000, max_gas_per_batch=500_000_000,
                     max_pubdata_per_batch=100_000, compute_overhead_part=0.0, pubdata_overhead_part=1.0)
    assert (f.fair_l2_gas_price, f.fair_pubdata_price) == (100_000_000_000, 800_000_000_000_000)
    # test_compute_batch_fee_model_input_v2_only_compute_overhead
    f = fee_model_v2(giant, giant, 100_000_000_000, batch_overhead_l1_gas=700_000, max_gas_per_batch=500_000_000,
                     max_pubdata_per_batch=100_000, compute_overhead_part=1.0, pubdata_overhead_part=0.0)
    assert (f.fair_l2_gas_price, f.fair_pubdata_price) == (240_000_000_000, giant)
    # giant numbers with parts 5.0 (prices pre-scaled by the test's factor 3)
    f = fee_model_v2(3 * giant, 3 * giant, giant, batch_overhead_l1_gas=1_000_000, max_gas_per_batch=50_000_000,
                     max_pubdata_per_batch=100_000, compute_overhead_part=5.0, pubdata_overhead_part=5.0)
    assert (f.fair_l2_gas_price, f.fair_pubdata_price) == (130_000_000_000_000, 15_300_000_000_000_000)


def test_base_fee_floor_when_pubdata_is_expensive() -> None:
    # fair pubdata 2,000 gwei/byte with L2 gas at 0.025 gwei would need 80,000 gas per byte > 50,000 cap
    base_fee, gpp = derive_base_fee_and_gas_per_pubdata(2_000 * GWEI, 25_000_000)
    assert base_fee == 2_000 * GWEI // MAX_L2_GAS_PER_PUBDATA == 40_000_000
    assert gpp == 50_000


def test_overhead_part_rounding_truncates_after_ceiling() -> None:
    # overhead = 1 * 3 = 3 wei over 2 bytes -> ceil 2 wei per byte; half of it -> 1 wei
    f = fee_model_v2(1, 0, 1, batch_overhead_l1_gas=3, max_pubdata_per_batch=2, pubdata_overhead_part=0.5)
    assert f.fair_pubdata_price == 1
    f = fee_model_v2(1, 0, 1, batch_overhead_l1_gas=3, max_pubdata_per_batch=2, pubdata_overhead_part=0.4)
    assert f.fair_pubdata_price == 0  # floor(0.8)
    f = fee_model_v2(1, 10, 1, batch_overhead_l1_gas=3, max_gas_per_batch=2, compute_overhead_part=Fraction(3, 2))
    assert f.fair_l2_gas_price == 1 + 3


@settings(max_examples=200)
@given(st.integers(0, 2**40), st.sampled_from([0.0, 1.0, 2.0, 5.0, 0.5, 0.25, 0.125]))
def test_overhead_part_agrees_with_rust_f64_for_exact_parts(per_unit, part) -> None:
    # the same per-unit overhead reached through max_pubdata_per_batch = 1
    f = fee_model_v2(per_unit, 0, 1, batch_overhead_l1_gas=1, max_pubdata_per_batch=1, pubdata_overhead_part=part)
    assert f.fair_pubdata_price == int(float(per_unit) * part)  # Rust: (x as f64 * part) as u64


def test_overhead_part_documented_one_wei_gap_with_rust() -> None:
    # exact: 3 x 0.1 (binary value slightly above 0.1) = 0.3000...0166 -> 0; f64 also 0.30000000000000004 -> 0
    # exact: 3 x (1/3 as f64, slightly below 1/3) = 0.99999999999999994 -> 0; f64 rounds the product to 1.0 -> 1
    f = fee_model_v2(3, 0, 1, batch_overhead_l1_gas=1, max_pubdata_per_batch=1, pubdata_overhead_part=1 / 3)
    assert f.fair_pubdata_price == 0 and int(3.0 * (1 / 3)) == 1


def test_pubdata_prices() -> None:
    assert compute_blob_pubdata_price(gwei_to_wei(2)) == 2 * GWEI
    assert compute_blob_pubdata_price(gwei_to_wei(2), multiplier=1.5) == 3 * GWEI
    assert compute_blob_pubdata_price(3, multiplier=0.5) == 1  # truncated
    assert compute_calldata_pubdata_price(gwei_to_wei(46.23)) == 17 * 46_230_000_000


def test_tx_overhead_gas() -> None:
    assert compute_tx_overhead_gas(0) == 10_000
    assert compute_tx_overhead_gas(1_000) == 10_000
    assert compute_tx_overhead_gas(1_001) == 10_010


def test_tx_fee_worked_example_live() -> None:
    f = fee_model_v2(**LIVE)
    fee = compute_tx_fee(f, execution_gas=150_000, pubdata_bytes=100, encoded_length=400)
    assert fee.pubdata_gas == 10_196 * 100
    assert fee.overhead_gas == 10_000
    assert fee.total_gas == 150_000 + 1_019_600 + 10_000
    assert fee.total_wei == 1_179_600 * 25_000_000
    assert fee.execution_wei == 150_000 * 25_000_000
    assert fee.pubdata_wei == 100 * 100_780_000_000
    assert fee.batch_overhead_wei == 10_000 * 25_000_000 + 100 * 154_100_000_000
    assert fee.rounding_wei == 100 * (25_000_000 * 10_196 - 254_880_000_000) == 100 * 20_000_000


def test_l1_to_l2_gas() -> None:
    assert compute_l1_to_l2_gas() == 167_157 + 88 * 800
    assert compute_l1_to_l2_gas(execution_gas=50_000, pubdata_bytes=12) == 167_157 + 50_000 + 100 * 800


def test_amortised_cost_worked_example() -> None:
    assert BATCH_FIXED_L1_GAS == 61_000 + 242_000 + 800_000 + 210_000 + 100_000 == 1_413_000
    c = compute_amortised_cost(1, 10 * GWEI, 0)
    assert (c.fixed_wei, c.data_wei) == (14_130_000 * GWEI, 0)
    c = compute_amortised_cost(3, 1, 5, l1_pubdata_price=7, fixed_l1_gas_per_batch=10)
    assert (c.fixed_wei, c.data_wei, c.total_wei) == (4, 35, 39)  # ceil(10/3) = 4


def test_fill_seconds() -> None:
    assert compute_fill_seconds(1_000, 20) == 50.0
    assert compute_fill_seconds(3, 0.5) == 6.0


def test_eip1559_base_fee() -> None:
    target = 15_000_000
    assert next_base_fee(800, 2 * target, target) == 900  # +12.5%
    assert next_base_fee(800, 0, target) == 700  # -12.5%
    assert next_base_fee(800, target, target) == 800
    assert next_base_fee(7, target + 1, target) == 8  # increase at least 1 wei
    fees = simulate_base_fee(GWEI, [2 * target] * 10, target)
    assert len(fees) == 11 and fees[-1] > 3 * GWEI  # 1.125**10 = 3.25


def test_gwei_conversions() -> None:
    assert gwei_to_wei(46.23) == 46_230_000_000
    assert gwei_to_wei("100.78") == 100_780_000_000
    assert gwei_to_wei(1) == GWEI
    assert wei_to_gwei(25_000_000) == 0.025


# --- properties --------------------------------------------------------------------------------------

prices = st.integers(min_value=0, max_value=10**15)
positive_prices = st.integers(min_value=1, max_value=10**12)  # a zero L2 price is allowed, tested apart
parts = st.fractions(min_value=0, max_value=2, max_denominator=1000)


@settings(max_examples=200)
@given(prices, prices, positive_prices, st.integers(0, 5_000_000), st.integers(1, 10**9), st.integers(1, 10**7),
       parts, parts)
def test_fee_model_matches_formulas_and_invariants(l1, pub, l2, overhead, max_gas, max_pub, cpart, ppart) -> None:
    f = fee_model_v2(l1, pub, l2, batch_overhead_l1_gas=overhead, max_gas_per_batch=max_gas,
                     max_pubdata_per_batch=max_pub, compute_overhead_part=cpart, pubdata_overhead_part=ppart)
    o = l1 * overhead
    assert f.fair_l2_gas_price == l2 + math.floor(cpart * math.ceil(Fraction(o, max_gas)))
    assert f.fair_pubdata_price == pub + math.floor(ppart * math.ceil(Fraction(o, max_pub)))
    assert f.base_fee >= f.fair_l2_gas_price
    assert f.gas_per_pubdata <= MAX_L2_GAS_PER_PUBDATA
    # the pubdata charge covers the fair price, overshooting by less than one base fee per byte
    assert f.fair_pubdata_price <= f.base_fee * f.gas_per_pubdata < f.fair_pubdata_price + f.base_fee
    assert all(isinstance(v, int) for v in vars(f).values())


@settings(max_examples=100)
@given(prices, prices, positive_prices, st.integers(0, 10**7), st.integers(0, 10**5), st.integers(0, 10**5))
def test_tx_fee_split_sums_to_charged_gas(l1, pub, l2, gas, nbytes, enc) -> None:
    f = fee_model_v2(l1, pub, l2)
    fee = compute_tx_fee(f, gas, nbytes, enc)
    assert fee.total_wei == fee.total_gas * f.base_fee
    assert min(fee.execution_wei, fee.pubdata_wei, fee.batch_overhead_wei, fee.rounding_wei) >= 0


@settings(max_examples=100)
@given(st.integers(1, 10**5), st.integers(0, 10**12), st.integers(0, 10**4))
def test_amortised_fixed_part_never_increases_with_batch_size(n, price, nbytes) -> None:
    small, big = compute_amortised_cost(n, price, nbytes), compute_amortised_cost(n + 1, price, nbytes)
    assert big.fixed_wei <= small.fixed_wei
    assert big.data_wei == small.data_wei  # the per-byte part does not amortise
    assert small.fixed_wei * n >= BATCH_FIXED_L1_GAS * price > (small.fixed_wei - 1) * n  # exact ceiling


@settings(max_examples=100)
@given(st.integers(1, 10**12), st.integers(0, 2 * 15_000_000))
def test_base_fee_moves_at_most_one_eighth(base, used) -> None:
    nxt = next_base_fee(base, used, 15_000_000)
    assert abs(nxt - base) <= max(base // 8, 1)
    assert (nxt > base) == (used > 15_000_000)


# --- bad input ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        ({"l1_gas_price": -1}, ValueError, "l1_gas_price"),
        ({"l1_pubdata_price": -5}, ValueError, "l1_pubdata_price"),
        ({"minimal_l2_gas_price": -1}, ValueError, "minimal_l2_gas_price"),
        ({"minimal_l2_gas_price": 0, "l1_gas_price": 0, "l1_pubdata_price": 0}, ValueError, "minimal_l2_gas_price"),
        ({"batch_overhead_l1_gas": -1}, ValueError, "batch_overhead_l1_gas"),
        ({"max_gas_per_batch": 0}, ValueError, "max_gas_per_batch"),
        ({"max_pubdata_per_batch": 0}, ValueError, "max_pubdata_per_batch"),
        ({"compute_overhead_part": -0.1}, ValueError, "compute_overhead_part"),
        ({"pubdata_overhead_part": -1.0}, ValueError, "pubdata_overhead_part"),
        ({"pubdata_overhead_part": float("nan")}, ValueError, "pubdata_overhead_part"),
        ({"compute_overhead_part": float("inf")}, ValueError, "compute_overhead_part"),
        ({"l1_gas_price": 1.5}, ValueError, "l1_gas_price"),
        ({"l1_gas_price": float("inf")}, ValueError, "l1_gas_price"),
        ({"l1_gas_price": "46"}, TypeError, "l1_gas_price"),
        ({"l1_pubdata_price": None}, TypeError, "l1_pubdata_price"),
        ({"minimal_l2_gas_price": True}, TypeError, "minimal_l2_gas_price"),
        ({"pubdata_overhead_part": "1"}, TypeError, "pubdata_overhead_part"),
        ({"max_gas_per_batch": [1]}, TypeError, "max_gas_per_batch"),
    ],
)
def test_fee_model_rejects_bad_input(kwargs, error, name) -> None:
    args = {**LIVE, **kwargs}
    with pytest.raises(error, match=name):
        fee_model_v2(**args)


def test_zero_minimal_l2_gas_price_is_allowed_while_pubdata_costs_something() -> None:
    f = fee_model_v2(0, 100_000, 0, pubdata_overhead_part=0.0)
    assert (f.fair_l2_gas_price, f.base_fee, f.gas_per_pubdata) == (0, 2, 50_000)  # ceil(100,000 / 50,000)


def test_fee_model_accepts_integral_floats() -> None:
    assert fee_model_v2(46.23e9, 100.78e9, 25e6) == fee_model_v2(**LIVE)


@pytest.mark.parametrize(
    ("call", "error", "name"),
    [
        (lambda: derive_base_fee_and_gas_per_pubdata(0, 0), ValueError, "fair_l2_gas_price"),
        (lambda: derive_base_fee_and_gas_per_pubdata(10, -1), ValueError, "fair_l2_gas_price"),
        (lambda: derive_base_fee_and_gas_per_pubdata(-1, 5), ValueError, "fair_pubdata_price"),
        (lambda: compute_blob_pubdata_price(-1), ValueError, "blob_base_fee"),
        (lambda: compute_blob_pubdata_price(1, multiplier=-1.5), ValueError, "multiplier"),
        (lambda: compute_blob_pubdata_price(1, multiplier="x"), TypeError, "multiplier"),
        (lambda: compute_calldata_pubdata_price(-3), ValueError, "l1_gas_price"),
        (lambda: compute_tx_overhead_gas(-1), ValueError, "encoded_length"),
        (lambda: compute_tx_fee("fees", 1, 1), TypeError, "fees"),
        (lambda: compute_tx_fee(fee_model_v2(**LIVE), -1, 1), ValueError, "execution_gas"),
        (lambda: compute_tx_fee(fee_model_v2(**LIVE), 1, -1), ValueError, "pubdata_bytes"),
        (lambda: compute_tx_fee(fee_model_v2(**LIVE), 1, 1, 2.5), ValueError, "encoded_length"),
        (lambda: compute_l1_to_l2_gas(-1), ValueError, "execution_gas"),
        (lambda: compute_l1_to_l2_gas(0, -1), ValueError, "pubdata_bytes"),
        (lambda: compute_amortised_cost(0, 1, 1), ValueError, "batch_size"),
        (lambda: compute_amortised_cost(1, -1, 1), ValueError, "l1_gas_price"),
        (lambda: compute_amortised_cost(1, 1, -1), ValueError, "pubdata_bytes_per_tx"),
        (lambda: compute_amortised_cost(1, 1, 1, l1_pubdata_price=-1), ValueError, "l1_pubdata_price"),
        (lambda: compute_amortised_cost(1, 1, 1, fixed_l1_gas_per_batch=-1), ValueError, "fixed_l1_gas_per_batch"),
        (lambda: compute_amortised_cost("10", 1, 1), TypeError, "batch_size"),
        (lambda: compute_fill_seconds(0, 1.0), ValueError, "batch_size"),
        (lambda: compute_fill_seconds(10, 0), ValueError, "arrival_rate"),
        (lambda: compute_fill_seconds(10, -2.0), ValueError, "arrival_rate"),
        (lambda: compute_fill_seconds(10, None), TypeError, "arrival_rate"),
        (lambda: next_base_fee(1, 31, 15), ValueError, "gas_used"),
        (lambda: next_base_fee(1, 1, 0), ValueError, "gas_target"),
        (lambda: next_base_fee(-1, 1, 1), ValueError, "base_fee"),
        (lambda: simulate_base_fee(1, [1, -1], 10), ValueError, "gas_used"),
        (lambda: gwei_to_wei(-1), ValueError, "gwei"),
        (lambda: gwei_to_wei("1e-10"), ValueError, "gwei"),
        (lambda: gwei_to_wei("abc"), ValueError, "gwei"),
        (lambda: gwei_to_wei(None), TypeError, "gwei"),
        (lambda: wei_to_gwei(-1), ValueError, "wei"),
        (lambda: ceil_div(1, 0), ZeroDivisionError, "divisor"),
    ],
)
def test_helpers_reject_bad_input(call, error, name) -> None:
    with pytest.raises(error, match=name):
        call()


def test_batch_fee_input_is_frozen() -> None:
    f = fee_model_v2(**LIVE)
    assert isinstance(f, BatchFeeInput)
    with pytest.raises(AttributeError):
        f.base_fee = 1  # type: ignore[misc]
