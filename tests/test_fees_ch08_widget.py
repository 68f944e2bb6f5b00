"""Chapter 8 widget: update() returns the model's sweep, the chosen point, and the fee model's exact charge."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from zkedu.rollup.fee_sweep import SWAP, TRANSFER, compute_batch_size_cap, compute_mix_use
from zkedu.rollup.fees import compute_tx_fee, fee_model_v2
from zkedu.rollup.units import GWEI
from zkedu.widgets import ch08_fees


def test_point_lies_on_the_sweep() -> None:
    data = ch08_fees.update(arrival_rate=10.0)
    i = int(np.argmin(abs(data.arrival_rates - 10.0)))
    assert data.arrival_rates[i] == pytest.approx(10.0)
    for name in ("batch_size", "execution_wei", "pubdata_wei", "overhead_wei", "commit_seconds"):
        assert getattr(data.point, name)[0] == pytest.approx(getattr(data.sweep, name)[i]), name


def test_fee_charged_is_the_exact_fee_model() -> None:
    data = ch08_fees.update(l1_gas_price_gwei=46.23, blob_base_fee_gwei=100.78, da="blobs", transfer_share=1.0)
    fees = fee_model_v2(46_230_000_000, 100_780_000_000, 25_000_000, max_pubdata_per_batch=240_000)
    expected = compute_tx_fee(fees, TRANSFER.execution_gas, TRANSFER.compressed_bytes, TRANSFER.encoded_length)
    assert data.fee_charged_wei == expected.total_wei
    assert (data.base_fee, data.gas_per_pubdata) == (25_000_000, 10_196)
    swaps = ch08_fees.update(l1_gas_price_gwei=46.23, blob_base_fee_gwei=100.78, transfer_share=0.0, compression=False)
    assert swaps.fee_charged_wei == compute_tx_fee(fees, SWAP.execution_gas, SWAP.naive_bytes,
                                                   SWAP.encoded_length).total_wei


def test_controls_move_the_parts_they_should() -> None:
    base = ch08_fees.update()
    calldata = ch08_fees.update(da="calldata")
    uncompressed = ch08_fees.update(compression=False)
    pricier_l1 = ch08_fees.update(l1_gas_price_gwei=100.0)
    # calldata costs more per byte, but a nearly empty blob is paid in full: with tiny batches (low traffic,
    # a 1 s timeout) calldata wins, its few bytes below EIP-7623's floor line
    assert calldata.sweep.pubdata_wei[-1] > base.sweep.pubdata_wei[-1]
    tiny_blob, tiny_calldata = ch08_fees.update(timeout=1.0), ch08_fees.update(timeout=1.0, da="calldata")
    assert tiny_calldata.sweep.pubdata_wei[0] < tiny_blob.sweep.pubdata_wei[0]
    assert np.all(uncompressed.sweep.pubdata_wei >= base.sweep.pubdata_wei)
    assert np.all(pricier_l1.sweep.overhead_wei > base.sweep.overhead_wei)
    # without EIP-7918's reserve the L1 gas price does not touch blob costs; with it (the default), 100 gwei
    # lifts the blob base fee from 1 gwei to the reserve of 6.25 gwei
    no_reserve, no_reserve_pricier = ch08_fees.update(blob_reserve=False), ch08_fees.update(
        l1_gas_price_gwei=100.0, blob_reserve=False)
    assert np.array_equal(no_reserve_pricier.sweep.pubdata_wei, no_reserve.sweep.pubdata_wei)
    assert pricier_l1.blob_base_fee == 6_250_000_000 and np.all(pricier_l1.sweep.pubdata_wei > base.sweep.pubdata_wei)
    assert "gwei" in ch08_fees.describe(base)


def test_extreme_slider_settings_stay_valid() -> None:
    for kwargs in ({"arrival_rate": 0.01, "timeout": 1.0, "l1_gas_price_gwei": 0.5, "blob_base_fee_gwei": 1e-9},
                   {"arrival_rate": 10_000.0, "timeout": 28_800.0, "l1_gas_price_gwei": 200.0,
                    "blob_base_fee_gwei": 100.0, "da": "calldata", "compression": False, "transfer_share": 0.0}):
        data = ch08_fees.update(**kwargs)
        assert np.all(np.isfinite(data.sweep.total_wei)) and np.all(data.sweep.total_wei > 0)
        assert data.fee_charged_wei > 0


def test_negative_price_is_rejected() -> None:
    with pytest.raises(ValueError, match="gwei"):
        ch08_fees.update(blob_base_fee_gwei=-1.0)
    assert GWEI == 10**9


def test_the_eip7918_reserve_lifts_a_cheap_blob_base_fee() -> None:
    cheap = ch08_fees.update(blob_base_fee_gwei=1e-9, l1_gas_price_gwei=16.0)
    without = ch08_fees.update(blob_base_fee_gwei=1e-9, l1_gas_price_gwei=16.0, blob_reserve=False)
    assert cheap.blob_base_fee == 10**9  # 16 gwei / 16 per blob gas
    assert without.blob_base_fee == 1
    assert np.all(cheap.sweep.pubdata_wei > without.sweep.pubdata_wei)
    assert ch08_fees.update(blob_base_fee_gwei=5.0, l1_gas_price_gwei=16.0).blob_base_fee == 5 * 10**9  # above it


def test_at_the_defaults_the_operator_cost_exceeds_the_fee_at_every_rate() -> None:
    # Chapter 8 reads this off its figure: planned L1 gas (1,413,000) over the fee model's 800,000, and the
    # default mix's batches close on proof circuits with their pubdata limit part-used.
    data = ch08_fees.update()
    assert np.all(data.sweep.total_wei > data.fee_charged_wei)
    use = compute_mix_use(ch08_fees.DEFAULTS["transfer_share"], ch08_fees.DEFAULTS["compression"])
    chain = ch08_fees.CHAIN
    cap = compute_batch_size_cap(use, chain)
    assert cap == math.ceil(chain.close_fraction * chain.max_circuits_per_batch * chain.l2_gas_per_circuit
                            / use.execution_gas)
    assert cap * use.pubdata_bytes < chain.max_pubdata_per_batch * Fraction(2, 3)
    assert data.sweep.batch_size[-1] == cap
