"""The analytic batch model of Chapter 8: vectorised vs exact, worked example, properties, bad input, and a
differential test against the exact simulator (sequencer + pubdata encoder)."""

from __future__ import annotations

import math
import statistics
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.constants import ERA_EXECUTION_DELAY_SECONDS, GAS_PER_BLOB, USABLE_BYTES_PER_BLOB
from zkedu.rollup.amortisation import BATCH_FIXED_L1_GAS
from zkedu.rollup.fee_sweep import (
    SWAP,
    TRANSFER,
    ChainSettings,
    MixUse,
    _calldata_gas_vectorised,
    compute_batch_economics,
    compute_batch_economics_exact,
    compute_batch_size_cap,
    compute_mix_use,
)
from zkedu.rollup.l1_data_pricing import compute_calldata_gas_for_tokens
from zkedu.rollup.pubdata import naive_state_diffs_size
from zkedu.rollup.seal import SealCriterion, SealLimits
from zkedu.rollup.sequencer import run_sequencer
from zkedu.rollup.units import GWEI
from zkedu.rollup.workload import generate_workload


def test_profiles_worked_out_by_hand() -> None:
    assert TRANSFER.compressed_bytes == (4 + 1 + 7) + (4 + 1 + 1) + (4 + 1 + 7) == 30
    assert TRANSFER.naive_bytes == 3 * 64
    assert SWAP.naive_bytes == 7 * 64
    use = compute_mix_use(0.5, compression=False)
    # circuits come from execution gas only: the 10,000-gas slot overhead is a fee charge, not prover work
    assert use == MixUse(Fraction(21_000 + 150_000, 2), Fraction(192 + 448, 2))
    assert use.calldata_tokens == 4 * use.pubdata_bytes  # every byte counted as non-zero by default
    assert MixUse(Fraction(1), Fraction(10), Fraction(1, 2)).calldata_tokens == 5 + 4 * 5


def test_worked_example_transfers_only() -> None:
    use = compute_mix_use(1.0)
    # a transfer's 21,000 gas is about 2.94 estimated circuits (7,142 gas each): circuits would allow
    # ceil(0.95 x 28,000 x 7,142 / 21,000) = 9,047 transfers and slots 7,783, but 30 pubdata bytes each reach
    # 95% of 240,000 bytes at the 7,600th: pubdata binds first
    assert compute_batch_size_cap(use) == 7_600
    assert compute_batch_size_cap(use, ChainSettings(max_pubdata_per_batch=500_000)) == 7_783  # then slots
    p = compute_batch_economics_exact(1_000, use=use, l1_gas_price=10 * GWEI, blob_base_fee=GWEI, timeout=600)
    assert p.batch_size == 7_600
    assert p.overhead_wei == Fraction(1_413_000 * 10 * GWEI, 7_600)
    assert math.ceil(7_600 * 30 / 126_976) == 2  # two blobs, the second one part-empty
    assert p.pubdata_wei == Fraction(2 * 131_072 * GWEI, 7_600)
    assert p.execution_wei == 21_000 * 25_000_000
    assert p.commit_seconds == Fraction(7_599, 2_000) + 12  # mean wait to seal + one L1 slot
    assert p.finality_seconds == p.commit_seconds + 3 * 3600
    # calldata: 7,600 x 30 bytes x 4 tokens = 912,000 tokens, 6T > 303,000, so the floor binds:
    # (10 x 912,000 - 303,000) gas per batch, shared by 7,600 transfers
    c = compute_batch_economics_exact(1_000, use=use, l1_gas_price=10 * GWEI, blob_base_fee=GWEI, da="calldata",
                                      timeout=600)
    assert c.pubdata_wei == Fraction((9_120_000 - 282_000) * 10 * GWEI, 7_600)


def test_swaps_close_on_circuits_and_use_part_of_the_pubdata_limit() -> None:
    use = compute_mix_use(0.0)
    # 150,000 / 7,142 = 21.0 circuits: ceil(0.95 x 28,000 x 7,142 / 150,000) = 1,267 swaps; pubdata allows 2,621
    assert compute_batch_size_cap(use) == 1_267 < math.ceil(0.95 * 240_000 / 87)
    assert 1_267 * 87 / 240_000 == pytest.approx(0.459, abs=1e-3)


def test_a_small_calldata_batch_pays_the_standard_cost() -> None:
    use = compute_mix_use(1.0)
    # 0.1 tx/s for 60 s: 7 transfers, 210 bytes, 840 tokens; 6T is far below the commit's 303,000 gas
    p = compute_batch_economics_exact(Fraction(1, 10), use=use, l1_gas_price=GWEI, blob_base_fee=1, timeout=60,
                                      da="calldata")
    assert p.batch_size == 7 and p.pubdata_wei == 30 * 16 * GWEI  # 16 gas per non-zero byte (EIP-2028)
    half_zero = MixUse(use.execution_gas, use.pubdata_bytes, Fraction(1, 2))
    p = compute_batch_economics_exact(Fraction(1, 10), use=half_zero, l1_gas_price=GWEI, blob_base_fee=1, timeout=60,
                                      da="calldata")
    assert p.pubdata_wei == 30 * 10 * GWEI  # half the bytes at 4, half at 16


@settings(max_examples=100)
@given(st.integers(1, 3_000_000), st.integers(0, 2_000_000))
def test_vectorised_calldata_gas_matches_the_readable_one(tokens: int, execution: int) -> None:
    fast = _calldata_gas_vectorised(np.array([float(tokens)]), execution)[0]
    assert fast == pytest.approx(float(compute_calldata_gas_for_tokens(tokens, execution)), rel=1e-12)


def test_timeout_bound_example() -> None:
    use = compute_mix_use(1.0)
    p = compute_batch_economics_exact(Fraction(1, 10), use=use, l1_gas_price=GWEI, blob_base_fee=1, timeout=60)
    assert p.batch_size == 1 + 6  # the opener plus 0.1 tx/s x 60 s
    assert p.commit_seconds == (60 + 6 * 30) / Fraction(7) + 12


@settings(max_examples=60)
@given(
    st.fractions(min_value=Fraction(1, 100), max_value=10_000, max_denominator=100),
    st.sampled_from([1, 2.5, 60, 600, 28_800]),
    st.integers(1, 200 * GWEI),
    st.integers(1, 100 * GWEI),
    st.sampled_from(["blobs", "calldata"]),
    st.booleans(),
    st.fractions(min_value=0, max_value=1, max_denominator=20),
)
def test_vectorised_matches_exact(rate, timeout, gas_price, blob_fee, da, compression, share) -> None:
    use = compute_mix_use(share, compression)
    exact = compute_batch_economics_exact(rate, use=use, l1_gas_price=gas_price, blob_base_fee=blob_fee, da=da,
                                          timeout=Fraction(timeout))
    fast = compute_batch_economics(np.array([float(rate)]), use=use, l1_gas_price=float(gas_price),
                                   blob_base_fee=float(blob_fee), da=da, timeout=timeout)
    for name in ("batch_size", "execution_wei", "pubdata_wei", "overhead_wei", "commit_seconds", "finality_seconds"):
        assert getattr(fast, name)[0] == pytest.approx(float(getattr(exact, name)), rel=1e-9), name


@settings(max_examples=40)
@given(st.sampled_from([1, 60, 28_800]), st.booleans(), st.fractions(0, 1, max_denominator=10),
       st.sampled_from(["blobs", "calldata"]))
def test_more_traffic_never_costs_more_overhead(timeout, compression, share, da) -> None:
    rates = np.geomspace(0.01, 10_000, 101)
    e = compute_batch_economics(rates, use=compute_mix_use(share, compression), l1_gas_price=20 * GWEI,
                                blob_base_fee=GWEI, da=da, timeout=timeout)
    assert np.all(np.diff(e.batch_size) >= 0)
    assert np.all(np.diff(e.overhead_wei) <= 1e-9 * e.overhead_wei[:-1])
    assert np.all(e.batch_size <= compute_batch_size_cap(compute_mix_use(share, compression)))
    assert np.all(e.commit_seconds < e.finality_seconds)
    assert np.allclose(e.total_wei, e.execution_wei + e.pubdata_wei + e.overhead_wei)


def test_compression_and_blobs_lower_the_pubdata_cost() -> None:
    kw = {"l1_gas_price": 20 * GWEI, "blob_base_fee": GWEI, "timeout": 600}
    on, off = compute_mix_use(0.7, True), compute_mix_use(0.7, False)
    assert on.pubdata_bytes < off.pubdata_bytes
    calldata_on = compute_batch_economics_exact(50, use=on, da="calldata", **kw)
    calldata_off = compute_batch_economics_exact(50, use=off, da="calldata", **kw)
    blobs_on = compute_batch_economics_exact(50, use=on, da="blobs", **kw)
    assert blobs_on.pubdata_wei < calldata_on.pubdata_wei < calldata_off.pubdata_wei


def test_constants_have_the_published_values() -> None:
    # 61k + 242k commit, 800k prove, 210k + 100k execute (publish_criterion.rs); ~3 h delay; 4,096 x 31 bytes
    assert BATCH_FIXED_L1_GAS == 1_413_000
    assert ERA_EXECUTION_DELAY_SECONDS == 10_800
    assert USABLE_BYTES_PER_BLOB == 126_976 and GAS_PER_BLOB == 131_072


@pytest.mark.parametrize(
    ("call", "error", "name"),
    [
        (lambda: compute_mix_use(1.5), ValueError, "transfer_share"),
        (lambda: compute_mix_use(-0.1), ValueError, "transfer_share"),
        (lambda: compute_mix_use("half"), TypeError, "transfer_share"),
        (lambda: compute_batch_economics(np.array([1.0, 0.0]), use=compute_mix_use(1), l1_gas_price=1.0,
                                         blob_base_fee=1.0), ValueError, "arrival_rate"),
        (lambda: compute_batch_economics(1.0, use=compute_mix_use(1), l1_gas_price=1.0, blob_base_fee=1.0,
                                         timeout=0), ValueError, "timeout"),
        (lambda: compute_batch_economics(1.0, use=compute_mix_use(1), l1_gas_price=1.0, blob_base_fee=1.0,
                                         da="carrier pigeon"), ValueError, "da"),
        (lambda: compute_batch_economics_exact(-1, use=compute_mix_use(1), l1_gas_price=1, blob_base_fee=1),
         ValueError, "arrival_rate"),
        (lambda: ChainSettings(max_transactions=0), ValueError, "max_transactions"),
        (lambda: ChainSettings(max_pubdata_per_batch=1.5), TypeError, "max_pubdata_per_batch"),
        (lambda: ChainSettings(close_fraction=Fraction(3, 2)), ValueError, "close_fraction"),
        (lambda: ChainSettings(prove_seconds=-1), ValueError, "prove_seconds"),
        (lambda: ChainSettings(commit_execution_gas=-1), ValueError, "commit_execution_gas"),
        (lambda: MixUse(Fraction(1), Fraction(-1)), ValueError, "pubdata_bytes"),
        (lambda: MixUse(Fraction(1), Fraction(1), Fraction(3, 2)), ValueError, "zero_byte_share"),
        (lambda: MixUse(1.5, Fraction(1)), TypeError, "execution_gas"),
    ],
)
def test_bad_input(call, error, name) -> None:
    with pytest.raises(error, match=name):
        call()


# --- differential: the analytic model against the sequencer and the pubdata encoder ---------------------

RATE = 50.0
SETTINGS = {
    "timeout": SealLimits(batch_timeout_seconds=5.0),
    "pubdata": SealLimits(max_pubdata_bytes=20_000, batch_timeout_seconds=10_000.0),
    "slots": SealLimits(max_transactions=300, batch_timeout_seconds=10_000.0),
}


@pytest.fixture(scope="module")
def workload():
    return generate_workload(1_000, 2_500, seed=7, arrival_rate=RATE)


@pytest.mark.parametrize("setting", sorted(SETTINGS))
def test_analytic_model_matches_simulator(workload, setting) -> None:
    limits = SETTINGS[setting]
    batches, _ = run_sequencer(workload.genesis, workload.transactions, workload.timestamps,
                               limits=limits, verify_signatures=False)
    full = batches[:-1]  # the last batch is cut by the end of the input
    txs = sum(len(b.transactions) for b in full)
    when = dict(zip(map(id, workload.transactions), workload.timestamps, strict=True))
    # the model is fed the simulator's measured mean use per transaction (all transfers here)
    use = MixUse(Fraction(sum(b.gas_used for b in full), txs), Fraction(sum(b.pubdata_bytes for b in full), txs))
    chain = ChainSettings(max_transactions=limits.max_transactions, max_circuits_per_batch=limits.max_circuits,
                          l2_gas_per_circuit=limits.l2_gas_per_circuit,
                          max_pubdata_per_batch=limits.max_pubdata_bytes)
    model = compute_batch_economics_exact(Fraction(RATE), use=use, l1_gas_price=10 * GWEI, blob_base_fee=GWEI,
                                          timeout=Fraction(limits.batch_timeout_seconds), chain=chain)
    expected_seal = {"timeout": SealCriterion.TIMEOUT, "pubdata": SealCriterion.PUBDATA,
                     "slots": SealCriterion.TRANSACTIONS}[setting]
    assert statistics.mode(b.seal_criterion for b in full) == expected_seal
    mean_size = txs / len(full)
    assert float(model.batch_size) == pytest.approx(mean_size, rel=0.05), (float(model.batch_size), mean_size)
    # amortised overhead per transaction: the simulator's batches per transaction vs 1 / N
    assert float(model.overhead_wei) == pytest.approx(BATCH_FIXED_L1_GAS * 10 * GWEI * len(full) / txs, rel=0.05)
    # blob cost per transaction: whole blobs per batch
    blob_cost = sum(b.blobs for b in full) * GAS_PER_BLOB * GWEI / txs
    assert float(model.pubdata_wei) == pytest.approx(blob_cost, rel=0.10)
    # mean wait from arrival to seal (commit time minus the L1 slot)
    waits = [b.closed_at - when[id(tx)] for b in full for tx in b.transactions]
    assert float(model.commit_seconds) - 12 == pytest.approx(statistics.fmean(waits), rel=0.15)


def test_simulated_transfers_publish_at_most_the_uncompressed_profile(workload) -> None:
    batches, _ = run_sequencer(workload.genesis, workload.transactions[:1_000], workload.timestamps[:1_000],
                               limits=SETTINGS["slots"], verify_signatures=False)
    for b in batches:
        # net diffs per batch: at most three slots per transfer plus the fee account once
        assert naive_state_diffs_size(list(b.state_diffs)) <= TRANSFER.naive_bytes * len(b.transactions) + 64


def test_chain_settings_name_a_bad_commit_execution_gas() -> None:
    from zkedu.rollup.fee_sweep import ChainSettings

    with pytest.raises(TypeError, match=r"commit_execution_gas must be an int, got float: 303000\.0"):
        ChainSettings(commit_execution_gas=303000.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="commit_execution_gas must be non-negative, got -1"):
        ChainSettings(commit_execution_gas=-1)
    assert ChainSettings(commit_execution_gas=0).commit_execution_gas == 0  # a data-only commit
