"""Data availability: blob packing round-trips and keeps every element canonical; gas counts are exact."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.rollup.da import (
    BLOB_BYTES,
    GAS_PER_BLOB,
    USABLE_BLOB_BYTES,
    blob_gas,
    blob_linear_hash,
    blob_opening_point,
    blob_usable_bytes,
    blobs_needed,
    calldata_gas,
    compare_da_cost,
    pack_into_blobs,
    priced_calldata_gas,
    unpack_blobs,
)

BLS_MODULUS = 52435875175126190479656907097474893657097355008745541327071405427484164227073  # EIP-4844


def test_usable_bytes_are_31_per_element() -> None:
    assert USABLE_BLOB_BYTES == 126_976 and BLOB_BYTES == 131_072
    assert [blobs_needed(n) for n in (0, 1, 126_976, 126_977, 6 * 126_976)] == [0, 1, 1, 2, 6]


@settings(max_examples=25)
@given(st.binary(max_size=3000), st.integers(0, 2 * USABLE_BLOB_BYTES))
def test_pack_unpack_round_trip(head: bytes, pad: int) -> None:
    data = head + b"\xff" * pad
    blobs = pack_into_blobs(data)
    assert len(blobs) == blobs_needed(len(data))
    assert all(len(b) == BLOB_BYTES for b in blobs)
    assert unpack_blobs(blobs, len(data)) == data


def test_every_element_is_below_the_modulus() -> None:
    (blob,) = pack_into_blobs(b"\xff" * USABLE_BLOB_BYTES)
    elements = [int.from_bytes(blob[i : i + 32], "big") for i in range(0, BLOB_BYTES, 32)]
    assert max(elements) == 2**248 - 1 < BLS_MODULUS


def test_packing_refuses_more_than_the_blob_limit() -> None:
    with pytest.raises(ValueError, match="need 7 blobs, more than the limit of 6"):
        pack_into_blobs(bytes(6 * USABLE_BLOB_BYTES + 1))
    assert len(pack_into_blobs(bytes(USABLE_BLOB_BYTES + 1), max_blobs=2)) == 2
    with pytest.raises(ValueError, match="need 2 blobs, more than the limit of 1"):
        pack_into_blobs(bytes(USABLE_BLOB_BYTES + 1), max_blobs=1)
    with pytest.raises(ValueError, match="max_blobs must be a positive int, got 0"):
        pack_into_blobs(b"", max_blobs=0)
    with pytest.raises(TypeError, match="pubdata must be bytes, got str"):
        pack_into_blobs("abc")  # type: ignore[arg-type]


def test_unpack_refuses_malformed_blobs() -> None:
    (blob,) = pack_into_blobs(b"abc")
    with pytest.raises(ValueError, match="blob 0 must be 131072 bytes, got 5"):
        unpack_blobs([b"short"], 3)
    bad = bytearray(blob)
    bad[64] = 1  # top byte of element 2
    with pytest.raises(ValueError, match="blob 0, field element 2: top byte is 0x01, must be 0"):
        unpack_blobs([bytes(bad)], 3)
    with pytest.raises(ValueError, match="nonzero padding after the 2 bytes of pubdata, at offset 2"):
        unpack_blobs([blob], 2)
    with pytest.raises(ValueError, match="3 bytes of pubdata come in 1 blobs, got 2"):
        unpack_blobs([blob, blob], 3)
    with pytest.raises(ValueError, match="length must be a non-negative int, got -1"):
        unpack_blobs([blob], -1)


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
        (lambda: blobs_needed(-1), ValueError, "n_bytes must be >= 0, got -1"),
        (lambda: blobs_needed(1.0), TypeError, "n_bytes must be an int, got float"),
        (lambda: priced_calldata_gas(-2), ValueError, "n_bytes must be >= 0, got -2"),
        (lambda: blob_gas(-1), ValueError, "n_blobs must be >= 0, got -1"),
        (lambda: calldata_gas("ab"), TypeError, "data must be bytes, got str"),
        (lambda: compare_da_cost(b"", -1, 0), ValueError, "l1_gas_price_wei must be a non-negative int, got -1"),
        (lambda: blob_opening_point(b"x", bytes(32)), ValueError, "linear_hash must be 32 bytes"),
        (lambda: blob_usable_bytes(bytes(10), 3), ValueError, "blob 3 must be 131072 bytes, got 10"),
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
