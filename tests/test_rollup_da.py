"""Data availability: blob packing round-trips and keeps every element canonical; gas counts are exact."""

from __future__ import annotations

import numpy as np
import pytest

from zkedu.blobpack import blobs_needed, pack_into_blobs
from zkedu.constants import GAS_PER_BLOB
from zkedu.rollup.da import (
    blob_gas,
    blob_linear_hash,
    blob_opening_point,
    calldata_gas,
    compare_da_cost,
    priced_calldata_gas,
)


def test_gas_counts() -> None:
    assert calldata_gas(b"\x00" * 10 + b"\x01" * 10) == 40 + 160
    assert priced_calldata_gas(100) == 1700
    assert blob_gas(3) == 3 * GAS_PER_BLOB == 393_216
    cost = compare_da_cost(b"\x01" * 200_000, l1_gas_price_wei=10, blob_base_fee_wei=1)
    assert (cost.blobs, cost.calldata_gas, cost.blob_gas) == (2, 3_200_000, 262_144)
    assert (cost.calldata_wei, cost.blob_wei) == (32_000_000, 262_144)


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (lambda: priced_calldata_gas(-2), ValueError, "n_bytes must be >= 0, got -2"),
        (lambda: blob_gas(-1), ValueError, "n_blobs must be >= 0, got -1"),
        (lambda: calldata_gas("ab"), TypeError, "data must be bytes, got str"),
        (lambda: compare_da_cost(b"", -1, 0), ValueError, "l1_gas_price_wei must be a non-negative int, got -1"),
        (lambda: blob_opening_point(b"x", bytes(32)), ValueError, "linear_hash must be 32 bytes"),
    ],
)
def test_bad_inputs(call, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        call()


def test_opening_point_is_128_bits_and_depends_on_content() -> None:
    (a,) = pack_into_blobs(b"abc")
    (b,) = pack_into_blobs(b"abd")
    za = blob_opening_point(blob_linear_hash(a), bytes(32))
    zb = blob_opening_point(blob_linear_hash(b), bytes(32))
    assert 0 <= za < 2**128 and za != zb


# ---- the chapter 7 widget follows the encoder ----
def test_widget_point_equals_the_encoder() -> None:
    from zkedu.rollup.pubdata import STATE_DIFFS_HEADER_BYTES, encode_state_diffs
    from zkedu.rollup.token_workload import sample_token_batch, take_prefix, token_batch_diffs
    from zkedu.widgets import ch07_batching as w

    sweep = w.update(batch_size=300, repeat_share=0.4)
    prefix = take_prefix(sample_token_batch(w.MAX_BATCH, 0.4, w.SEED), 300)
    diffs = token_batch_diffs(prefix)
    assert sweep.point_compressed_bytes == STATE_DIFFS_HEADER_BYTES - 2 + len(encode_state_diffs(diffs))
    assert sweep.point_naive_bytes == STATE_DIFFS_HEADER_BYTES + 64 * len(diffs)
    assert list(w.compute_blobs(np.array([0, 126_976, 126_977]))) == [blobs_needed(n) for n in (0, 126_976, 126_977)]
    assert np.all(sweep.compressed_per_tx < sweep.naive_per_tx)


def test_widget_rejects_out_of_range_settings() -> None:
    from zkedu.widgets import ch07_batching as w

    with pytest.raises(ValueError, match=r"batch_size must be in 1\.\.8192, got 0"):
        w.update(batch_size=0)
    with pytest.raises(ValueError, match="byte counts must be >= 0, got min -1"):
        w.compute_blobs(np.array([-1]))
    for share in (0.0, 1.0):  # the slider's ends
        assert w.update(batch_size=w.MAX_BATCH, repeat_share=share).batch_size == w.MAX_BATCH
