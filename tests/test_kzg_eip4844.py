"""zkedu.kzg.eip4844 against ckzg (Ethereum's C library) on the same mainnet setup: byte-identical, cross-verifying,
and both sides rejecting the same malformed inputs."""

from __future__ import annotations

import random

import ckzg
import pytest

from zkedu.curves import BLS12_381
from zkedu.curves.bls12_381_serial import g1_compress
from zkedu.kzg import (
    BLS_MODULUS,
    BYTES_PER_BLOB,
    FIELD_ELEMENTS_PER_BLOB,
    G1_POINT_AT_INFINITY,
    blob_to_kzg_commitment,
    compute_blob_kzg_proof,
    compute_kzg_proof,
    kzg_to_versioned_hash,
    pack_bytes_into_blob,
    point_evaluation_precompile,
    verify_blob_kzg_proof,
    verify_blob_kzg_proof_batch,
    verify_kzg_proof,
)
from zkedu.kzg.blob import blob_domain

# One worker computes the shared blob commitments once (`make test` runs with --dist loadgroup).
pytestmark = pytest.mark.xdist_group("kzg_mainnet")

P = BLS12_381.p
CKZG_ERRORS = (RuntimeError, ValueError)


def random_blob(seed: int) -> bytes:
    rng = random.Random(seed)
    return b"".join(rng.randrange(BLS_MODULUS).to_bytes(32, "big") for _ in range(FIELD_ELEMENTS_PER_BLOB))


BLOBS = {
    "random-1": random_blob(1),
    "random-2": random_blob(2),
    "zero": bytes(BYTES_PER_BLOB),
    "zksync-packed": pack_bytes_into_blob(b"ZKsync pubdata " * 1000),
    "max-elements": (BLS_MODULUS - 1).to_bytes(32, "big") * FIELD_ELEMENTS_PER_BLOB,
}


def fe(x: int) -> bytes:
    return x.to_bytes(32, "big")


def not_on_curve_encoding() -> bytes:
    """A compressed G1 encoding whose x has no y on the curve (x³ + 4 is not a square)."""
    x = 1
    while pow((x**3 + 4) % P, (P - 1) // 2, P) == 1:
        x += 1
    return bytes([0x80]) + x.to_bytes(47, "big")


def not_in_subgroup_encoding() -> bytes:
    """A compressed G1 encoding of a point on the curve but outside the order-r subgroup."""
    x = 1
    while True:
        rhs = (x**3 + 4) % P
        if pow(rhs, (P - 1) // 2, P) == 1:
            y = pow(rhs, (P + 1) // 4, P)
            point = BLS12_381.from_affine(x, y)
            if not BLS12_381.in_subgroup(point):
                return g1_compress(point)
        x += 1


BAD_POINTS = {
    "no compression flag": bytes([G1_POINT_AT_INFINITY[0] & 0x7F]) + G1_POINT_AT_INFINITY[1:],
    "x >= p": bytes([0x80 | (P >> 376)]) + (P % 2**376).to_bytes(47, "big"),
    "infinity with extra bits": b"\xc0" + b"\x00" * 46 + b"\x01",
    "not on curve": not_on_curve_encoding(),
    "not in subgroup": not_in_subgroup_encoding(),
    "47 bytes": bytes(47),
}


@pytest.fixture(scope="module")
def ts(ckzg_setup: object) -> object:
    return ckzg_setup


@pytest.fixture(scope="module")
def commitments(ts: object) -> dict[str, bytes]:
    ours = {name: blob_to_kzg_commitment(blob) for name, blob in BLOBS.items()}
    theirs = {name: ckzg.blob_to_kzg_commitment(blob, ts) for name, blob in BLOBS.items()}
    assert ours == theirs
    return ours


@pytest.fixture(scope="module")
def blob_proofs(ts: object, commitments: dict[str, bytes]) -> dict[str, bytes]:
    names = ["random-1", "zero", "zksync-packed"]
    ours = {n: compute_blob_kzg_proof(BLOBS[n], commitments[n]) for n in names}
    assert ours == {n: ckzg.compute_blob_kzg_proof(BLOBS[n], commitments[n], ts) for n in names}
    return ours


def test_commitments_are_byte_identical(commitments: dict[str, bytes]) -> None:
    assert commitments["zero"] == G1_POINT_AT_INFINITY
    assert len(set(commitments.values())) == len(BLOBS)


@pytest.mark.slow
@pytest.mark.parametrize(
    "blob_name, z",
    [
        ("random-1", 123456789 * 2**200 % BLS_MODULUS),
        ("random-2", BLS_MODULUS - 1),
        ("random-1", int(blob_domain()[17])),  # z inside the domain: the spec's special case
    ],
    ids=["random-z", "z=r-1", "z-in-domain"],
)
def test_point_proofs_are_byte_identical_and_cross_verify(
    ts: object, commitments: dict[str, bytes], blob_name: str, z: int
) -> None:
    blob, commitment = BLOBS[blob_name], commitments[blob_name]
    proof, y = compute_kzg_proof(blob, fe(z))
    assert (proof, y) == tuple(ckzg.compute_kzg_proof(blob, fe(z), ts))
    assert verify_kzg_proof(commitment, fe(z), y, proof)
    assert ckzg.verify_kzg_proof(commitment, fe(z), y, proof, ts)
    wrong_y = fe((int.from_bytes(y, "big") + 1) % BLS_MODULUS)
    assert not verify_kzg_proof(commitment, fe(z), wrong_y, proof)
    assert not ckzg.verify_kzg_proof(commitment, fe(z), wrong_y, proof, ts)


def test_blob_proofs_cross_verify(ts: object, commitments: dict[str, bytes], blob_proofs: dict[str, bytes]) -> None:
    for name, proof in blob_proofs.items():
        assert verify_blob_kzg_proof(BLOBS[name], commitments[name], proof)
        assert ckzg.verify_blob_kzg_proof(BLOBS[name], commitments[name], proof, ts)
    # a proof for another blob, or the commitment to another blob, is rejected by both
    proof = blob_proofs["random-1"]
    wrong = (BLOBS["random-1"], commitments["random-2"], proof)
    assert not verify_blob_kzg_proof(*wrong)
    assert not ckzg.verify_blob_kzg_proof(*wrong, ts)
    swapped = (BLOBS["zksync-packed"], commitments["zksync-packed"], proof)
    assert not verify_blob_kzg_proof(*swapped)
    assert not ckzg.verify_blob_kzg_proof(*swapped, ts)


def ckzg_batch(ts: object, blobs: list[bytes], commitments: list[bytes], proofs: list[bytes]) -> bool:
    """ckzg's batch verifier takes the lists concatenated."""
    return bool(ckzg.verify_blob_kzg_proof_batch(b"".join(blobs), b"".join(commitments), b"".join(proofs), ts))


def test_batch_verification_gives_ckzgs_answer(
    ts: object, commitments: dict[str, bytes], blob_proofs: dict[str, bytes]
) -> None:
    names = list(blob_proofs)  # random-1, zero, zksync-packed
    blobs, cs, ps = [BLOBS[n] for n in names], [commitments[n] for n in names], [blob_proofs[n] for n in names]
    cases = {
        "all valid": (blobs, cs, ps),
        "empty": ([], [], []),
        "one valid": (blobs[:1], cs[:1], ps[:1]),
        "same blob twice": (blobs[:1] * 2, cs[:1] * 2, ps[:1] * 2),
        "proofs swapped": (blobs[:2], cs[:2], ps[1::-1]),
        "one commitment of another blob": (blobs, [cs[0], commitments["random-2"], cs[2]], ps),
        "last proof replaced by infinity": (blobs, cs, [ps[0], ps[1], G1_POINT_AT_INFINITY]),
    }
    answers = {name: verify_blob_kzg_proof_batch(*args) for name, args in cases.items()}
    assert answers == {name: ckzg_batch(ts, *args) for name, args in cases.items()}
    assert answers["all valid"] and answers["empty"] and not answers["proofs swapped"]


def test_batch_verification_rejects_malformed_input(ts: object, commitments: dict[str, bytes]) -> None:
    blob, c = BLOBS["zero"], commitments["zero"]
    inf = G1_POINT_AT_INFINITY
    with pytest.raises(ValueError, match="1 blobs, 2 commitments and 1 proofs"):
        verify_blob_kzg_proof_batch([blob], [c, c], [inf])
    with pytest.raises(CKZG_ERRORS):
        ckzg_batch(ts, [blob], [c, c], [inf])
    bad_blob = fe(BLS_MODULUS) + bytes(BYTES_PER_BLOB - 32)
    malformed = {
        "non-canonical blob": ([blob, bad_blob], [c, c], [inf, inf], "not canonical"),
        "short blob": ([blob[:-1]], [c], [inf], "blob 0 must be 131072 bytes"),
        "commitment off the curve": ([blob, blob], [c, BAD_POINTS["not on curve"]], [inf, inf], "not on the curve"),
        "proof outside the subgroup": ([blob], [c], [BAD_POINTS["not in subgroup"]], "not in the order-r subgroup"),
        "short proof": ([blob], [c], [inf[:-1]], "must be 48 bytes, got 47"),
    }
    for blobs, cs, ps, message in malformed.values():
        with pytest.raises(ValueError, match=message):
            verify_blob_kzg_proof_batch(blobs, cs, ps)
        with pytest.raises(CKZG_ERRORS):
            ckzg_batch(ts, blobs, cs, ps)
    with pytest.raises(TypeError, match="blobs must be a list of bytes, got bytes"):
        verify_blob_kzg_proof_batch(blob, [c], [inf])  # type: ignore[arg-type]


def test_infinity_opens_to_zero_everywhere(ts: object) -> None:
    inf = G1_POINT_AT_INFINITY
    assert verify_kzg_proof(inf, fe(5), fe(0), inf) and ckzg.verify_kzg_proof(inf, fe(5), fe(0), inf, ts)
    assert not verify_kzg_proof(inf, fe(5), fe(1), inf) and not ckzg.verify_kzg_proof(inf, fe(5), fe(1), inf, ts)


@pytest.mark.parametrize("name", list(BAD_POINTS))
def test_malformed_points_are_rejected_by_both(ts: object, name: str) -> None:
    bad, inf = BAD_POINTS[name], G1_POINT_AT_INFINITY
    for args in ((bad, fe(1), fe(0), inf), (inf, fe(1), fe(0), bad)):
        with pytest.raises(ValueError) as ours:
            verify_kzg_proof(*args)
        with pytest.raises(CKZG_ERRORS):
            ckzg.verify_kzg_proof(*args, ts)
        assert str(ours.value)


def test_malformed_points_messages() -> None:
    inf = G1_POINT_AT_INFINITY
    expectations = {
        "no compression flag": "compression flag",
        "x >= p": "x >= p",
        "infinity with extra bits": "nonzero bits",
        "not on curve": "not on the curve",
        "not in subgroup": "not in the order-r subgroup",
        "47 bytes": "must be 48 bytes, got 47",
    }
    for name, fragment in expectations.items():
        with pytest.raises(ValueError, match=fragment):
            verify_kzg_proof(BAD_POINTS[name], fe(1), fe(0), inf)


@pytest.mark.parametrize("field", ["z", "y"])
def test_non_canonical_field_elements_are_rejected_by_both(ts: object, field: str) -> None:
    inf, good, bad = G1_POINT_AT_INFINITY, fe(1), fe(BLS_MODULUS)
    z, y = (bad, good) if field == "z" else (good, bad)
    with pytest.raises(ValueError, match="not canonical"):
        verify_kzg_proof(inf, z, y, inf)
    with pytest.raises(CKZG_ERRORS):
        ckzg.verify_kzg_proof(inf, z, y, inf, ts)


def test_malformed_blobs_are_rejected_by_both(ts: object) -> None:
    non_canonical = fe(BLS_MODULUS) + bytes(BYTES_PER_BLOB - 32)
    for blob, message in ((bytes(BYTES_PER_BLOB - 1), "blob must be 131072 bytes"), (non_canonical, "not canonical")):
        with pytest.raises(ValueError, match=message):
            blob_to_kzg_commitment(blob)
        with pytest.raises(CKZG_ERRORS):
            ckzg.blob_to_kzg_commitment(blob, ts)
        with pytest.raises(ValueError, match=message):
            compute_kzg_proof(blob, fe(1))
        with pytest.raises(CKZG_ERRORS):
            ckzg.compute_kzg_proof(blob, fe(1), ts)
    with pytest.raises(ValueError, match="not canonical"):
        compute_kzg_proof(bytes(BYTES_PER_BLOB), fe(BLS_MODULUS))
    with pytest.raises(ValueError, match="not in the order-r subgroup"):
        compute_blob_kzg_proof(bytes(BYTES_PER_BLOB), BAD_POINTS["not in subgroup"])
    with pytest.raises(ValueError, match="must be 48 bytes, got 47"):
        verify_blob_kzg_proof(bytes(BYTES_PER_BLOB), G1_POINT_AT_INFINITY, bytes(47))
    with pytest.raises(TypeError, match="blob must be bytes, got str"):
        blob_to_kzg_commitment("blob")  # type: ignore[arg-type]


def test_versioned_hash() -> None:
    vh = kzg_to_versioned_hash(G1_POINT_AT_INFINITY)
    assert vh[0] == 1 and len(vh) == 32
    import hashlib

    assert vh[1:] == hashlib.sha256(G1_POINT_AT_INFINITY).digest()[1:]


@pytest.mark.slow
def test_point_evaluation_precompile(commitments: dict[str, bytes]) -> None:
    blob, commitment = BLOBS["random-2"], commitments["random-2"]
    z = fe(2024)
    proof, y = compute_kzg_proof(blob, z)
    data = kzg_to_versioned_hash(commitment) + z + y + commitment + proof
    out = point_evaluation_precompile(data)
    assert out == fe(4096) + fe(BLS_MODULUS)
    with pytest.raises(ValueError, match="does not match the commitment"):
        point_evaluation_precompile(bytes(32) + data[32:])
    wrong_y = fe((int.from_bytes(y, "big") + 1) % BLS_MODULUS)
    with pytest.raises(ValueError, match="verification failed"):
        point_evaluation_precompile(data[:64] + wrong_y + data[96:])
    with pytest.raises(ValueError, match="192 bytes, got 191"):
        point_evaluation_precompile(data[:-1])
    with pytest.raises(ValueError, match="not canonical"):
        point_evaluation_precompile(data[:32] + fe(BLS_MODULUS) + data[64:])
