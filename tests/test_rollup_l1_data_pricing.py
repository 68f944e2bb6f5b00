"""zkedu.rollup.l1_data_pricing: EIP-7623's calldata floor, EIP-4844's blob fee with EIP-7918's reserve."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.constants import GAS_PER_BLOB
from zkedu.evm.meter import compute_calldata_floor_gas  # the verifier harness's total-gas floor
from zkedu.rollup.da import calldata_gas
from zkedu.rollup.l1_data_pricing import (
    BLOB_SCHEDULES,
    BPO2,
    CANCUN,
    COMMIT_EXECUTION_GAS,
    COMMIT_PLANNING_GAS,
    PRAGUE,
    compute_blob_base_fee,
    compute_blob_base_fee_reserve,
    compute_blob_calldata_break_even,
    compute_calldata_gas_at_floor,
    compute_calldata_gas_eip7623,
    compute_calldata_gas_for_tokens,
    compute_calldata_tokens,
    compute_da_cost_after_pectra,
    compute_effective_blob_base_fee,
    compute_next_excess_blob_gas,
    compute_transaction_gas_eip7623,
    compute_underpricing_ratio,
    does_calldata_floor_bind,
    fake_exponential,
    simulate_blob_base_fee,
)

GWEI = 10**9


@settings(max_examples=50)
@given(st.binary(max_size=300), st.integers(0, 50_000))
def test_eip7623_gas_is_the_larger_of_standard_and_floor(data: bytes, execution: int) -> None:
    zeros = data.count(0)
    floor = 10 * zeros + 40 * (len(data) - zeros)
    assert compute_calldata_gas_at_floor(data) == floor
    assert compute_transaction_gas_eip7623(data, execution) == 21_000 + max(calldata_gas(data) + execution, floor)


def test_a_data_only_commit_pays_the_floor_and_a_busy_one_does_not() -> None:
    data = bytes(range(1, 201))  # 200 non-zero bytes: 800 tokens
    assert compute_transaction_gas_eip7623(data) == 21_000 + 8_000
    assert compute_transaction_gas_eip7623(data, execution_gas=4_800) == 21_000 + 8_000  # the two branches meet
    assert compute_transaction_gas_eip7623(data, execution_gas=4_801) == 21_000 + 8_001


tokens_st = st.one_of(st.integers(0, 2_000_000), st.fractions(0, 2_000_000, max_denominator=1_000))
execution_st = st.integers(0, 5_000_000)


@settings(max_examples=200)
@given(tokens_st, execution_st)
def test_the_floor_binds_exactly_when_six_tokens_exceed_the_execution_gas(tokens, execution: int) -> None:
    added = compute_calldata_gas_for_tokens(tokens, execution)
    assert does_calldata_floor_bind(tokens, execution) == (6 * tokens > execution)
    assert (added > 4 * tokens) == does_calldata_floor_bind(tokens, execution)
    assert added == (10 * tokens - execution if 6 * tokens > execution else 4 * tokens)


@settings(max_examples=200)
@given(tokens_st, execution_st)
def test_calldata_gas_is_continuous_and_never_below_standard(tokens, execution: int) -> None:
    added = compute_calldata_gas_for_tokens(tokens, execution)
    assert 4 * tokens <= added <= 10 * tokens
    # Lipschitz in both arguments: one more token adds 4 to 10 gas, one more gas of execution removes 0 to 1
    assert 4 <= compute_calldata_gas_for_tokens(tokens + 1, execution) - added <= 10
    assert 0 <= added - compute_calldata_gas_for_tokens(tokens, execution + 1) <= 1


def test_the_two_branches_meet_at_six_tokens_per_gas() -> None:
    assert COMMIT_EXECUTION_GAS == COMMIT_PLANNING_GAS - 21_000 == 282_000  # E excludes the intrinsic 21,000
    line = COMMIT_EXECUTION_GAS // 6  # 47,000 tokens
    assert compute_calldata_gas_for_tokens(line) == 4 * line == 10 * line - COMMIT_EXECUTION_GAS
    assert not does_calldata_floor_bind(line) and does_calldata_floor_bind(line + 1)


@settings(max_examples=50)
@given(st.binary(max_size=300), st.integers(0, 50_000))
def test_what_data_adds_is_the_transaction_minus_its_execution(data: bytes, execution: int) -> None:
    added = compute_calldata_gas_eip7623(data, execution)
    assert compute_transaction_gas_eip7623(data, execution) == 21_000 + execution + added
    assert added == compute_calldata_gas_for_tokens(compute_calldata_tokens(data), execution)


def test_seventeen_gas_per_byte_underprices_calldata_only_where_the_floor_binds() -> None:
    assert compute_underpricing_ratio(b"\xff" * 100, execution_gas=0) == pytest.approx(40 / 17)
    assert compute_underpricing_ratio(bytes(100), execution_gas=0) == pytest.approx(10 / 17)
    # beside a commit's 303,000 gas of execution, 100 bytes pay the standard 16 (non-zero) or 4 (zero) gas
    assert compute_underpricing_ratio(b"\xff" * 100) == pytest.approx(16 / 17)
    assert compute_underpricing_ratio(bytes(100)) == pytest.approx(4 / 17)
    big = b"\xff" * 100_000  # 400,000 tokens: 6T far above E
    assert compute_underpricing_ratio(big) == pytest.approx((4_000_000 - COMMIT_EXECUTION_GAS) / 1_700_000)
    with pytest.raises(ValueError, match="must not be empty"):
        compute_underpricing_ratio(b"")


@pytest.mark.parametrize(("tokens", "execution", "name"), [(-1, 0, "tokens"), (1.5, 0, "tokens"),
                                                           (True, 0, "tokens"), (1, -1, "execution_gas")])
def test_calldata_gas_bad_input(tokens, execution, name) -> None:
    with pytest.raises(ValueError, match=name):
        compute_calldata_gas_for_tokens(tokens, execution)


@settings(max_examples=60)
@given(st.integers(1, 500), st.integers(1, 100), st.sampled_from([0, 50_000, COMMIT_PLANNING_GAS, 2_000_000]))
def test_at_the_break_even_calldata_and_one_blob_cost_the_same(gas_gwei: int, blob_gwei: int, execution: int) -> None:
    b = compute_blob_calldata_break_even(gas_gwei * GWEI, blob_gwei * GWEI, execution_gas=execution)
    gas_at_break_even = compute_calldata_gas_for_tokens(Fraction(4 * b), execution)
    assert float(gas_at_break_even) * gas_gwei == pytest.approx(GAS_PER_BLOB * blob_gwei)
    n = math.ceil(b) + 1
    if n <= 126_976:
        calldata_wei, blob_wei = compute_da_cost_after_pectra(b"\x01" * n, gas_gwei * GWEI, blob_gwei * GWEI,
                                                              execution_gas=execution)
        assert calldata_wei > blob_wei
        below = compute_da_cost_after_pectra(b"\x01" * (math.ceil(b) - 1), gas_gwei * GWEI, blob_gwei * GWEI,
                                             execution_gas=execution)
        assert below[0] < below[1]


def test_zero_bytes_move_the_break_even_up() -> None:
    all_nonzero = compute_blob_calldata_break_even(GWEI, GWEI)
    assert compute_blob_calldata_break_even(GWEI, GWEI, 0.0) == pytest.approx(4 * all_nonzero)
    at_floor = compute_blob_calldata_break_even(GWEI, GWEI, execution_gas=0)
    assert compute_blob_calldata_break_even(GWEI, GWEI, 0.0, execution_gas=0) == pytest.approx(4 * at_floor)
    with pytest.raises(ValueError, match="nonzero_fraction must be in"):
        compute_blob_calldata_break_even(GWEI, GWEI, 1.5)


@pytest.mark.parametrize("x", [0.0, 0.5, 1.0, 5.0, 12.5])
def test_fake_exponential_tracks_exp(x: float) -> None:
    d = CANCUN.update_fraction
    assert fake_exponential(10**9, round(x * d), d) == pytest.approx(10**9 * math.exp(x), rel=1e-6)


def test_blob_parameters_by_fork() -> None:
    assert [(s.target_blobs, s.max_blobs) for s in BLOB_SCHEDULES] == [(3, 6), (6, 9), (10, 15), (14, 21)]
    assert PRAGUE.target_blob_gas == 6 * 131_072


def test_excess_rule_without_the_reserve_is_eip4844() -> None:
    target = BPO2.target_blob_gas
    assert compute_next_excess_blob_gas(10 * target, target + GAS_PER_BLOB, 0) == 10 * target + GAS_PER_BLOB
    assert compute_next_excess_blob_gas(0, target - 1, 10**12, eip7918=True) == 0
    assert compute_next_excess_blob_gas(0, target, 20 * GWEI, eip7918=False) == 0


def test_the_reserve_branch_grows_the_excess_while_blobs_are_too_cheap() -> None:
    used = BPO2.target_blob_gas
    grown = compute_next_excess_blob_gas(0, used, 20 * GWEI)
    assert grown == used * (21 - 14) // 21
    rich_excess = 3 * 10**8  # blob base fee far above 20 gwei / 16: EIP-4844's branch applies
    assert compute_blob_base_fee(rich_excess) > compute_blob_base_fee_reserve(20 * GWEI)
    assert compute_next_excess_blob_gas(rich_excess, used, 20 * GWEI) == rich_excess


def test_at_target_demand_the_fee_climbs_to_the_reserve_only_with_eip7918() -> None:
    reserve = compute_blob_base_fee_reserve(20 * GWEI)
    assert simulate_blob_base_fee(800, 14, 20 * GWEI, eip7918=False)[-1] == 1
    tail = simulate_blob_base_fee(800, 14, 20 * GWEI)[-100:]
    assert reserve <= max(tail) < 1.2 * reserve
    assert simulate_blob_base_fee(800, 10, 20 * GWEI)[-1] == 1  # below target the excess still drains to 0


def test_effective_fee_and_bad_inputs() -> None:
    assert compute_effective_blob_base_fee(1, 16 * GWEI) == GWEI
    assert compute_effective_blob_base_fee(3 * GWEI, 16 * GWEI) == 3 * GWEI
    with pytest.raises(ValueError, match="exceeds the block maximum"):
        compute_next_excess_blob_gas(0, 22 * GAS_PER_BLOB, GWEI)
    with pytest.raises(ValueError, match="base_fee_per_gas must be a non-negative int, got -1"):
        compute_blob_base_fee_reserve(-1)
    with pytest.raises(TypeError, match="data must be bytes"):
        compute_calldata_gas_at_floor("00")  # type: ignore[arg-type]


@settings(max_examples=30)
@given(st.binary(max_size=200))
def test_a_data_only_transaction_agrees_with_the_evm_harness_floor(data: bytes) -> None:
    assert compute_transaction_gas_eip7623(data) == compute_calldata_floor_gas(data)
