"""zkedu.rollup.fee_limits: the server's clip reproduces its over-limit tests; fee_model_v2 stays unclipped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.rollup.fee_limits import (
    MAX_ALLOWED_FAIR_L2_GAS_PRICE,
    MAX_ALLOWED_FAIR_PUBDATA_PRICE,
    clip_batch_fee_model_input_v2,
    compute_clipped_fee_input,
    is_clipped,
)
from zkedu.rollup.fees import fee_model_v2

GWEI = 10**9
SERVER_TEST_CONFIG = dict(compute_overhead_part=0.5, pubdata_overhead_part=0.5, batch_overhead_l1_gas=700_000,
                          max_gas_per_batch=500_000_000, max_pubdata_per_batch=100_000)


def test_server_case_over_limit_due_to_l1_gas() -> None:
    """zksync-era fee_model.rs test_compute_batch_fee_model_input_v2_gas_price_over_limit_due_to_l1_gas."""
    l1_gas_price = 1_000_000_000 * GWEI
    unclipped = fee_model_v2(l1_gas_price, 100_000 * GWEI, 100 * GWEI, **SERVER_TEST_CONFIG)
    assert unclipped.fair_l2_gas_price > MAX_ALLOWED_FAIR_L2_GAS_PRICE and is_clipped(unclipped)
    clipped = clip_batch_fee_model_input_v2(unclipped)
    assert clipped.l1_gas_price == l1_gas_price
    assert clipped.fair_l2_gas_price == 10_000 * GWEI
    assert clipped.fair_pubdata_price == 1_000_000 * GWEI


def test_server_case_over_limit_due_to_conversion_rate() -> None:
    """The same file's _due_to_conversion_rate case: a base token worth 1/3,000,000 ETH scales all prices."""
    ratio = 3_000_000
    clipped = compute_clipped_fee_input(GWEI * ratio, 2 * GWEI * ratio, GWEI * ratio, **SERVER_TEST_CONFIG)
    assert clipped.l1_gas_price == 3_000_000 * GWEI
    assert clipped.fair_l2_gas_price == 10_000 * GWEI
    assert clipped.fair_pubdata_price == 1_000_000 * GWEI


def test_clipped_base_fee_and_gas_per_pubdata_are_rederived() -> None:
    clipped = compute_clipped_fee_input(1_000_000_000 * GWEI, 100_000 * GWEI, 100 * GWEI, **SERVER_TEST_CONFIG)
    assert clipped.base_fee == max(clipped.fair_l2_gas_price, -(-clipped.fair_pubdata_price // 50_000))
    assert clipped.gas_per_pubdata == -(-clipped.fair_pubdata_price // clipped.base_fee)


@settings(max_examples=50)
@given(st.integers(1, 10**12), st.integers(0, 10**13), st.integers(1, 10**11))
def test_below_the_maxima_the_clip_changes_nothing(l1_gas: int, l1_pubdata: int, minimal: int) -> None:
    f = fee_model_v2(l1_gas, l1_pubdata, minimal)
    clipped = clip_batch_fee_model_input_v2(f)
    if not is_clipped(f):
        assert clipped == f
    else:
        assert clipped.fair_l2_gas_price <= MAX_ALLOWED_FAIR_L2_GAS_PRICE
        assert clipped.fair_pubdata_price <= MAX_ALLOWED_FAIR_PUBDATA_PRICE


def test_fee_model_v2_still_returns_the_unclipped_result() -> None:
    f = fee_model_v2(1_000_000_000 * GWEI, 100_000 * GWEI, 100 * GWEI, **SERVER_TEST_CONFIG)
    assert f.fair_pubdata_price > MAX_ALLOWED_FAIR_PUBDATA_PRICE


def test_a_wrong_type_is_refused() -> None:
    with pytest.raises(TypeError, match="expected a BatchFeeInput, got dict"):
        clip_batch_fee_model_input_v2({})  # type: ignore[arg-type]
