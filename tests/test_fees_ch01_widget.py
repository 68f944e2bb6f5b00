"""Chapter 1 widget: the vectorised sweep agrees with the exact integer amortisation model."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.rollup.amortisation import compute_amortised_cost, compute_fill_seconds
from zkedu.rollup.fees import compute_blob_pubdata_price
from zkedu.rollup.l1_data_pricing import compute_blob_base_fee_reserve
from zkedu.rollup.units import gwei_to_wei
from zkedu.widgets import ch01_rollups


@settings(max_examples=50)
@given(
    st.integers(1, 10_000),
    st.integers(1, 400).map(lambda half_gwei: half_gwei / 2),
    st.integers(10, 300).map(lambda k: k * 10_000),
    st.integers(0, 200).map(lambda k: k * 5),
)
def test_sweep_matches_exact_model(batch_size, gas_gwei, fixed_gas, nbytes) -> None:
    fixed, data = ch01_rollups.compute_amortisation(np.array([batch_size]), gas_gwei, fixed_gas, nbytes)
    exact = compute_amortised_cost(batch_size, gwei_to_wei(gas_gwei), nbytes, fixed_l1_gas_per_batch=fixed_gas)
    # the exact model rounds the fixed share up to whole wei: at most 1 wei = 1e-9 gwei above
    assert abs(fixed[0] - exact.fixed_wei / 1e9) <= 1e-9 + 1e-12 * exact.fixed_wei / 1e9
    assert data[0] == pytest.approx(exact.data_wei / 1e9, rel=1e-12)


@settings(max_examples=50)
@given(
    st.integers(1, 10_000),
    st.integers(1, 400).map(lambda half_gwei: half_gwei / 2),
    st.integers(0, 200).map(lambda k: k * 5),
    st.integers(1, 100_000).map(lambda milli: milli / 1000),
)
def test_blob_sweep_matches_exact_model(batch_size, gas_gwei, nbytes, blob_gwei) -> None:
    fixed, data = ch01_rollups.compute_amortisation(np.array([batch_size]), gas_gwei, 1_413_000, nbytes,
                                                    "blobs", blob_gwei)
    blob_price = compute_blob_pubdata_price(gwei_to_wei(blob_gwei))
    exact = compute_amortised_cost(batch_size, gwei_to_wei(gas_gwei), nbytes, l1_pubdata_price=blob_price)
    assert data[0] == pytest.approx(exact.data_wei / 1e9, rel=1e-12, abs=1e-12)
    assert abs(fixed[0] - exact.fixed_wei / 1e9) <= 1e-9 + 1e-12 * exact.fixed_wei / 1e9


def test_blobs_make_the_data_part_small_and_the_readout_names_the_reserve() -> None:
    calldata = ch01_rollups.update(l1_gas_price_gwei=20.0)
    blobs = ch01_rollups.update(l1_gas_price_gwei=20.0, data_on="blobs", blob_base_fee_gwei=1.0)
    assert blobs.point_fixed_gwei == calldata.point_fixed_gwei
    assert blobs.point_data_gwei == pytest.approx(100.0) and calldata.point_data_gwei == pytest.approx(34_000.0)
    assert blobs.blob_reserve_gwei == compute_blob_base_fee_reserve(gwei_to_wei(20)) / 1e9 == 1.25
    assert "below EIP-7918's reserve" in ch01_rollups.describe(blobs)
    assert "above" in ch01_rollups.describe(ch01_rollups.update(data_on="blobs", blob_base_fee_gwei=2.0))
    assert "reserve" not in ch01_rollups.describe(calldata)
    with pytest.raises(ValueError, match=r"data_on must be one of .* got 'ether'"):
        ch01_rollups.update(data_on="ether")


def test_update_point_and_sweep_agree() -> None:
    sweep = ch01_rollups.update(batch_size=1_000, l1_gas_price_gwei=10.0, fixed_l1_gas=1_413_000,
                                pubdata_bytes_per_tx=100, arrival_rate=20.0)
    assert sweep.point_fixed_gwei == pytest.approx(14_130.0)  # 1.413M gas x 10 gwei / 1,000
    assert sweep.point_data_gwei == pytest.approx(17_000.0)  # 100 B x 17 gas x 10 gwei
    assert sweep.point_fill_seconds == compute_fill_seconds(1_000, 20.0) == 50.0
    i = int(np.searchsorted(sweep.batch_sizes, 1_000))
    assert sweep.batch_sizes[i] == 1_000 and sweep.fixed_gwei[i] == pytest.approx(sweep.point_fixed_gwei)
    assert np.all(np.diff(sweep.fixed_gwei) < 0) and np.all(np.diff(sweep.fill_seconds) > 0)


def test_bad_sweep_inputs() -> None:
    with pytest.raises(ValueError, match="batch_sizes"):
        ch01_rollups.compute_amortisation(np.array([0, 1]), 1.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="arrival_rate"):
        ch01_rollups.update(arrival_rate=0.0)
