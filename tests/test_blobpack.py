"""ZKsync's blob packing: round trips, keeps every element canonical, refuses malformed blobs; one home."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu import blobpack, constants, kzg
from zkedu.blobpack import blobs_needed, pack_bytes_into_blob, pack_into_blobs, unpack_blobs, unpack_bytes_from_blob
from zkedu.constants import BYTES_PER_BLOB, USABLE_BYTES_PER_BLOB
from zkedu.field import BLS12_381_FR
from zkedu.kzg import blob
from zkedu.kzg import constants as kzg_constants


def test_usable_bytes_are_31_per_element() -> None:
    assert USABLE_BYTES_PER_BLOB == 126_976 and BYTES_PER_BLOB == 131_072
    assert [blobs_needed(n) for n in (0, 1, 126_976, 126_977, 6 * 126_976)] == [0, 1, 1, 2, 6]


@settings(max_examples=25)
@given(st.binary(max_size=3000), st.integers(0, 2 * USABLE_BYTES_PER_BLOB))
def test_pack_unpack_round_trip(head: bytes, pad: int) -> None:
    data = head + b"\xff" * pad
    blobs = pack_into_blobs(data)
    assert len(blobs) == blobs_needed(len(data))
    assert all(len(b) == BYTES_PER_BLOB for b in blobs)
    assert unpack_blobs(blobs, len(data)) == data


@settings(max_examples=20)
@given(st.binary(max_size=200))
def test_one_blob_round_trips_with_its_padding(data: bytes) -> None:
    usable = unpack_bytes_from_blob(pack_bytes_into_blob(data))
    assert usable == data.ljust(USABLE_BYTES_PER_BLOB, b"\x00")


def test_every_element_is_below_the_modulus() -> None:
    (blob,) = pack_into_blobs(b"\xff" * USABLE_BYTES_PER_BLOB)
    elements = [int.from_bytes(blob[i : i + 32], "big") for i in range(0, BYTES_PER_BLOB, 32)]
    assert max(elements) == 2**248 - 1 < BLS12_381_FR.modulus


def test_packing_refuses_more_than_the_blob_limit() -> None:
    with pytest.raises(ValueError, match="need 7 blobs, more than the limit of 6"):
        pack_into_blobs(bytes(6 * USABLE_BYTES_PER_BLOB + 1))
    assert len(pack_into_blobs(bytes(USABLE_BYTES_PER_BLOB + 1), max_blobs=2)) == 2
    with pytest.raises(ValueError, match="need 2 blobs, more than the limit of 1"):
        pack_into_blobs(bytes(USABLE_BYTES_PER_BLOB + 1), max_blobs=1)
    with pytest.raises(ValueError, match="max_blobs must be a positive int, got 0"):
        pack_into_blobs(b"", max_blobs=0)
    with pytest.raises(TypeError, match="pubdata must be bytes, got str"):
        pack_into_blobs("abc")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at most 126976 bytes fit in one blob, got 126977"):
        pack_bytes_into_blob(bytes(126_977))


def test_unpack_refuses_malformed_blobs() -> None:
    (blob,) = pack_into_blobs(b"abc")
    with pytest.raises(ValueError, match="blob 0 must be 131072 bytes, got 5"):
        unpack_blobs([b"short"], 3)
    bad = bytearray(blob)
    bad[64] = 1  # top byte of element 2
    with pytest.raises(ValueError, match="blob 1, field element 2 has a non-zero top byte 0x01"):
        unpack_blobs([blob, bytes(bad)], USABLE_BYTES_PER_BLOB + 1)
    with pytest.raises(ValueError, match="nonzero padding after the 2 bytes of pubdata, at offset 2"):
        unpack_blobs([blob], 2)
    with pytest.raises(ValueError, match="3 bytes of pubdata come in 1 blobs, got 2"):
        unpack_blobs([blob, blob], 3)
    with pytest.raises(ValueError, match="length must be a non-negative int, got -1"):
        unpack_blobs([blob], -1)
    with pytest.raises(TypeError, match="blob 0 must be bytes, got str"):
        unpack_bytes_from_blob("blob")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (lambda: blobs_needed(-1), ValueError, "n_bytes must be >= 0, got -1"),
        (lambda: blobs_needed(1.0), TypeError, "n_bytes must be an int, got float"),
        (lambda: blobs_needed(True), TypeError, "n_bytes must be an int, got bool"),
    ],
)
def test_bad_counts(call, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        call()


def test_kzg_names_are_the_same_functions() -> None:
    assert kzg.pack_bytes_into_blob is blob.pack_bytes_into_blob is blobpack.pack_bytes_into_blob
    assert kzg.unpack_bytes_from_blob is blob.unpack_bytes_from_blob is blobpack.unpack_bytes_from_blob
    assert kzg_constants.ZKSYNC_USABLE_BYTES_PER_BLOB == constants.USABLE_BYTES_PER_BLOB
    assert kzg_constants.ZKSYNC_MAX_BLOBS_PER_BATCH == constants.MAX_BLOBS_PER_BATCH
    assert kzg_constants.BYTES_PER_BLOB == constants.BYTES_PER_BLOB


def test_blobpack_and_constants_import_nothing_heavy() -> None:
    code = ("import sys, zkedu.blobpack, zkedu.constants; print([m for m in ('py_ecc', 'numpy', 'zkedu.curves', "
            "'zkedu.kzg') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
