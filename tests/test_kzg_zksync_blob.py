"""zkedu.kzg.zksync_blob: the L1 contract's per-blob check accepts an honest opening and rejects tampering."""

from __future__ import annotations

import pytest

from zkedu.hashing import keccak256
from zkedu.kzg import blob_to_kzg_commitment, compute_kzg_proof, kzg_to_versioned_hash, pack_bytes_into_blob
from zkedu.kzg.zksync_blob import PUBDATA_COMMITMENT_SIZE, check_published_blob, encode_pubdata_commitment


@pytest.fixture(scope="module")
def opened() -> tuple[bytes, bytes]:
    blob = pack_bytes_into_blob(b"state diffs and L2->L1 logs " * 200)
    commitment = blob_to_kzg_commitment(blob)
    z = 0x1234_5678_9ABC_DEF0_0FED_CBA9_8765_4321  # a 16-byte opening point
    proof, y = compute_kzg_proof(blob, z.to_bytes(32, "big"))
    return kzg_to_versioned_hash(commitment), encode_pubdata_commitment(z, y, commitment, proof)


@pytest.mark.slow
def test_honest_blob_passes_and_yields_the_opening_commitment(opened: tuple[bytes, bytes]) -> None:
    versioned_hash, data = opened
    assert len(data) == PUBDATA_COMMITMENT_SIZE == 144
    assert check_published_blob(versioned_hash, data) == keccak256(versioned_hash + data[:48])


@pytest.mark.slow
def test_tampering_is_rejected(opened: tuple[bytes, bytes]) -> None:
    versioned_hash, data = opened
    wrong_value = data[:47] + bytes([data[47] ^ 1]) + data[48:]
    with pytest.raises(ValueError, match="verification failed"):
        check_published_blob(versioned_hash, wrong_value)
    wrong_point = bytes([data[0] ^ 1]) + data[1:]
    with pytest.raises(ValueError, match="verification failed"):
        check_published_blob(versioned_hash, wrong_point)
    with pytest.raises(ValueError, match="does not match the commitment"):
        check_published_blob(b"\x01" + bytes(31), data)


def test_encoding_errors() -> None:
    good = (bytes(32), bytes(48), bytes(48))
    with pytest.raises(ValueError, match="must fit in 16 bytes"):
        encode_pubdata_commitment(2**128, *good)
    with pytest.raises(TypeError, match="opening point must be an int, got bytes"):
        encode_pubdata_commitment(b"\x01", *good)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="claimed value must be 32 bytes, got 31"):
        encode_pubdata_commitment(1, bytes(31), bytes(48), bytes(48))
    with pytest.raises(ValueError, match="pubdata commitment must be 144 bytes, got 143"):
        check_published_blob(bytes(32), bytes(143))
