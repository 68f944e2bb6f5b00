"""The EIP-4844 KZG API on bytes, as in the deneb spec, on Ethereum's mainnet trusted setup.

Byte-level public functions validate their inputs (lengths, canonical field elements, points on the
curve and in the subgroup, compression flags) and raise ValueError / TypeError on malformed input;
a well-formed but wrong proof makes a ``verify_*`` function return False. Each delegates to a typed
``*_impl`` function working on ints and points. Results are byte-identical with ckzg.

Spec: consensus-specs deneb/polynomial-commitments.md "KZG" section; EIP-4844 "Point evaluation precompile".
"""

from __future__ import annotations

from collections.abc import Sequence

from zkedu._checks import require_bytes
from zkedu.curves import BLS12_381, Point
from zkedu.curves.bls12_381_serial import g1_compress, g1_decompress
from zkedu.hashing import sha256
from zkedu.kzg.blob import (
    blob_to_polynomial,
    bls_field_to_bytes,
    bytes_to_bls_field,
    compute_challenge,
    evaluate_polynomial_in_evaluation_form,
    hash_to_bls_field,
)
from zkedu.kzg.constants import (
    BLS_MODULUS,
    BYTES_PER_BLOB,
    BYTES_PER_COMMITMENT,
    BYTES_PER_FIELD_ELEMENT,
    BYTES_PER_PROOF,
    FIELD_ELEMENTS_PER_BLOB,
    KZG_ENDIANNESS,
    POINT_EVALUATION_INPUT_LENGTH,
    RANDOM_CHALLENGE_KZG_BATCH_DOMAIN,
    VERSIONED_HASH_VERSION_KZG,
)
from zkedu.kzg.setup import load_mainnet_g1_lagrange, load_mainnet_g2_tau
from zkedu.poly import PolynomialEvals

C = BLS12_381


# --- points <-> bytes -------------------------------------------------------------------------------


def validate_kzg_g1(b: bytes) -> Point:
    """Decompress a 48-byte G1 point, accepting infinity and otherwise requiring KeyValidate (curve, subgroup).

    Spec: deneb "validate_kzg_g1".
    """
    return g1_decompress(require_bytes(b, BYTES_PER_COMMITMENT, "G1 point"))


def bytes_to_kzg_commitment(b: bytes) -> Point:
    """A validated commitment point. Spec: deneb "bytes_to_kzg_commitment"."""
    return g1_decompress(require_bytes(b, BYTES_PER_COMMITMENT, "commitment"))


def bytes_to_kzg_proof(b: bytes) -> Point:
    """A validated proof point. Spec: deneb "bytes_to_kzg_proof"."""
    return g1_decompress(require_bytes(b, BYTES_PER_PROOF, "proof"))


def kzg_to_versioned_hash(commitment: bytes) -> bytes:
    """The 32-byte versioned hash a blob transaction carries: 0x01 || sha256(commitment)[1:].

    Spec: EIP-4844 "kzg_to_versioned_hash".
    """
    commitment = require_bytes(commitment, BYTES_PER_COMMITMENT, "commitment")
    return VERSIONED_HASH_VERSION_KZG + sha256(commitment)[1:]


# --- typed implementations --------------------------------------------------------------------------


def g1_lincomb_lagrange(polynomial: PolynomialEvals) -> Point:
    """Σ p(ω^i)·[L_i(τ)]₁ over the Lagrange-form setup: the commitment [p(τ)]₁ to a polynomial in evaluation form.

    The values are in the domain's natural order, and so are the setup file's Lagrange points.
    Spec: deneb "g1_lincomb" with bit_reversal_permutation(KZG_SETUP_G1_LAGRANGE) (both sides bit-reversed there).
    """
    if len(polynomial) != FIELD_ELEMENTS_PER_BLOB:
        raise ValueError(f"need {FIELD_ELEMENTS_PER_BLOB} evaluations, got {len(polynomial)}")
    return C.msm(load_mainnet_g1_lagrange(), [int(v) for v in polynomial.values])


def blob_to_kzg_commitment_impl(polynomial: PolynomialEvals) -> Point:
    """C = [p(τ)]₁ for the polynomial with the blob's values on the domain."""
    return g1_lincomb_lagrange(polynomial)


def compute_kzg_proof_impl(polynomial: PolynomialEvals, z: int) -> tuple[Point, int]:
    """(π, y): y = p(z) and π = [q(τ)]₁ with q(X) = (p(X) - y) / (X - z), all in evaluation form.

    Spec: deneb "compute_kzg_proof_impl" (including the special case z in the domain).
    """
    y = evaluate_polynomial_in_evaluation_form(polynomial, z)
    return g1_lincomb_lagrange(polynomial.divide_by_linear(z, y)), y


def verify_kzg_proof_impl(commitment: Point, z: int, y: int, proof: Point) -> bool:
    """Verify: P - y = Q·(X - z), i.e. e(C - [y]₁, [1]₂) = e(π, [τ - z]₂).

    Checked as one pairing product with one final exponentiation and no G2 multiplication:
    e(C - [y]₁ + z·π, [1]₂) · e(-π, [τ]₂) = 1.
    Spec: deneb "verify_kzg_proof_impl".
    """
    g2_one, g2_tau = load_mainnet_g2_tau()
    lhs = C.add(C.add(commitment, C.neg(C.mul(C.G1, y))), C.mul(proof, z))
    return C.pairing_check([(lhs, g2_one), (C.neg(proof), g2_tau)])


def compute_batch_challenge(
    commitments: Sequence[bytes], zs: Sequence[int], ys: Sequence[int], proofs: Sequence[bytes]
) -> int:
    """The random-linear-combination scalar r for a batch: a hash of every claim in it.

    Spec: deneb "verify_kzg_proof_batch" (transcript: domain || degree (8 bytes) || count (8 bytes) ||
    each commitment || z || y || proof).
    """
    data = (
        RANDOM_CHALLENGE_KZG_BATCH_DOMAIN
        + FIELD_ELEMENTS_PER_BLOB.to_bytes(8, KZG_ENDIANNESS)
        + len(commitments).to_bytes(8, KZG_ENDIANNESS)
    )
    for commitment, z, y, proof in zip(commitments, zs, ys, proofs, strict=True):
        data += commitment + bls_field_to_bytes(z) + bls_field_to_bytes(y) + proof
    return hash_to_bls_field(data)


def verify_kzg_proof_batch_impl(
    commitments: Sequence[Point], zs: Sequence[int], ys: Sequence[int], proofs: Sequence[Point], r: int
) -> bool:
    """All claims p_i(z_i) = y_i at once: one pairing check on their combination with powers of r.

    Each claim says e(C_i - [y_i]₁ + z_i·π_i, [1]₂) = e(π_i, [τ]₂). Weighting claim i by r^i and adding gives
    e(Σ r^i·(C_i - [y_i]₁ + z_i·π_i), [1]₂) · e(-Σ r^i·π_i, [τ]₂) = 1; a false claim survives only if r hits
    one of few bad values, chance about n / BLS_MODULUS.
    Spec: deneb "verify_kzg_proof_batch".
    """
    if not commitments:
        return True
    g2_one, g2_tau = load_mainnet_g2_tau()
    powers = [1]
    for _ in range(len(commitments) - 1):
        powers.append(powers[-1] * r % BLS_MODULUS)
    y_sum = sum(y * w for y, w in zip(ys, powers, strict=True)) % BLS_MODULUS
    lhs = C.add(
        C.msm([*commitments, *proofs], [*powers, *(z * w % BLS_MODULUS for z, w in zip(zs, powers, strict=True))]),
        C.neg(C.mul(C.G1, y_sum)),
    )
    proof_sum = C.msm(list(proofs), powers)
    return C.pairing_check([(lhs, g2_one), (C.neg(proof_sum), g2_tau)])


# --- the byte-level API -----------------------------------------------------------------------------


def blob_to_kzg_commitment(blob: bytes) -> bytes:
    """The 48-byte KZG commitment to a 131,072-byte blob. Spec: deneb "blob_to_kzg_commitment"."""
    return g1_compress(blob_to_kzg_commitment_impl(blob_to_polynomial(blob)))


def compute_kzg_proof(blob: bytes, z_bytes: bytes) -> tuple[bytes, bytes]:
    """(proof, y): the blob's polynomial evaluated at z, with a 48-byte proof. Spec: deneb "compute_kzg_proof"."""
    blob = require_bytes(blob, BYTES_PER_BLOB, "blob")
    z = bytes_to_bls_field(require_bytes(z_bytes, BYTES_PER_FIELD_ELEMENT, "z"))
    proof, y = compute_kzg_proof_impl(blob_to_polynomial(blob), z)
    return g1_compress(proof), bls_field_to_bytes(y)


def verify_kzg_proof(commitment_bytes: bytes, z_bytes: bytes, y_bytes: bytes, proof_bytes: bytes) -> bool:
    """Does the committed polynomial take the value y at z? Spec: deneb "verify_kzg_proof"."""
    commitment = bytes_to_kzg_commitment(commitment_bytes)
    z = bytes_to_bls_field(require_bytes(z_bytes, BYTES_PER_FIELD_ELEMENT, "z"))
    y = bytes_to_bls_field(require_bytes(y_bytes, BYTES_PER_FIELD_ELEMENT, "y"))
    proof = bytes_to_kzg_proof(proof_bytes)
    return verify_kzg_proof_impl(commitment, z, y, proof)


def compute_blob_kzg_proof(blob: bytes, commitment_bytes: bytes) -> bytes:
    """The proof that a blob matches its commitment: an opening at the Fiat-Shamir challenge.

    Spec: deneb "compute_blob_kzg_proof".
    """
    blob = require_bytes(blob, BYTES_PER_BLOB, "blob")
    bytes_to_kzg_commitment(commitment_bytes)  # validate only
    polynomial = blob_to_polynomial(blob)
    challenge = compute_challenge(blob, commitment_bytes)
    proof, _ = compute_kzg_proof_impl(polynomial, challenge)
    return g1_compress(proof)


def verify_blob_kzg_proof(blob: bytes, commitment_bytes: bytes, proof_bytes: bytes) -> bool:
    """Is the commitment a commitment to this blob? Recompute the challenge z, evaluate p(z), verify the opening.

    Spec: deneb "verify_blob_kzg_proof".
    """
    blob = require_bytes(blob, BYTES_PER_BLOB, "blob")
    commitment = bytes_to_kzg_commitment(commitment_bytes)
    polynomial = blob_to_polynomial(blob)
    proof = bytes_to_kzg_proof(proof_bytes)
    challenge = compute_challenge(blob, commitment_bytes)
    y = evaluate_polynomial_in_evaluation_form(polynomial, challenge)
    return verify_kzg_proof_impl(commitment, challenge, y, proof)


def point_evaluation_precompile(data: bytes) -> bytes:
    """The precompile at address 0x0A: verify p(z) = y for the blob behind a versioned hash.

    Input (192 bytes): versioned hash 32 || z 32 || y 32 || commitment 48 || proof 48. On success returns
    FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two 32-byte big-endian words; raises ValueError on any failure.
    Spec: EIP-4844 "Point evaluation precompile".
    """
    data = require_bytes(data, POINT_EVALUATION_INPUT_LENGTH, "point evaluation input")
    versioned_hash, z, y = data[:32], data[32:64], data[64:96]
    commitment, proof = data[96:144], data[144:192]
    if kzg_to_versioned_hash(commitment) != versioned_hash:
        raise ValueError(f"versioned hash 0x{versioned_hash.hex()} does not match the commitment")
    if not verify_kzg_proof(commitment, z, y, proof):
        raise ValueError("KZG proof verification failed: the blob's polynomial does not take value y at z")
    return FIELD_ELEMENTS_PER_BLOB.to_bytes(32, KZG_ENDIANNESS) + BLS_MODULUS.to_bytes(32, KZG_ENDIANNESS)


def verify_blob_kzg_proof_batch(blobs: list[bytes], commitments: list[bytes], proofs: list[bytes]) -> bool:
    """Do all these blobs match their commitments? One pairing check for the whole list (True if empty).

    ValueError for lists of different lengths or any malformed blob, commitment or proof; a well-formed
    but wrong proof gives False.
    Spec: deneb "verify_blob_kzg_proof_batch".
    """
    for name, items in (("blobs", blobs), ("commitments", commitments), ("proofs", proofs)):
        if not isinstance(items, list | tuple):
            raise TypeError(f"{name} must be a list of bytes, got {type(items).__name__}")
    if not len(blobs) == len(commitments) == len(proofs):
        raise ValueError(
            f"need one commitment and one proof per blob, got {len(blobs)} blobs, {len(commitments)} commitments "
            f"and {len(proofs)} proofs"
        )
    points, zs, ys, proof_points = [], [], [], []
    for i, (blob, commitment_bytes, proof_bytes) in enumerate(zip(blobs, commitments, proofs, strict=True)):
        blob = require_bytes(blob, BYTES_PER_BLOB, f"blob {i}")
        points.append(bytes_to_kzg_commitment(commitment_bytes))
        proof_points.append(bytes_to_kzg_proof(proof_bytes))
        z = compute_challenge(blob, commitment_bytes)
        zs.append(z)
        ys.append(evaluate_polynomial_in_evaluation_form(blob_to_polynomial(blob), z))
    r = compute_batch_challenge([bytes(c) for c in commitments], zs, ys, [bytes(p) for p in proofs])
    return verify_kzg_proof_batch_impl(points, zs, ys, proof_points, r)
