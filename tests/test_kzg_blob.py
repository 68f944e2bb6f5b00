"""zkedu.kzg.blob and constants: the field-level half of EIP-4844 (no curve work), checked against the math."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.kzg import constants as K
from zkedu.kzg.blob import (
    batch_inverse,
    bit_reversal_permutation,
    blob_to_polynomial,
    bls_field_to_bytes,
    bytes_to_bls_field,
    compute_challenge,
    compute_quotient_in_evaluation_form,
    compute_roots_of_unity,
    evaluate_polynomial_in_evaluation_form,
    hash_to_bls_field,
    pack_bytes_into_blob,
    reverse_bits,
    roots_of_unity_brp,
    unpack_bytes_from_blob,
)
from zkedu.kzg.kzg import evaluate_polynomial, interpolate_polynomial

R = K.BLS_MODULUS
fe = st.integers(min_value=0, max_value=R - 1)


def test_constants_match_eip4844() -> None:
    assert K.BYTES_PER_BLOB == 131_072 and K.FIELD_ELEMENTS_PER_BLOB == 4096
    assert K.ZKSYNC_USABLE_BYTES_PER_BLOB == 126_976
    assert K.FIAT_SHAMIR_PROTOCOL_DOMAIN == b"FSBLOBVERIFY_V1_" and len(K.RANDOM_CHALLENGE_KZG_BATCH_DOMAIN) == 16
    assert K.BLS_MODULUS == 52435875175126190479447740508185965837690552500527637822603658699938581184513


def test_roots_of_unity_have_the_right_order() -> None:
    roots = compute_roots_of_unity(4096)
    assert len(set(roots)) == 4096 and all(pow(w, 4096, R) == 1 for w in roots[:50])
    assert pow(roots[1], 2048, R) == R - 1
    with pytest.raises(ValueError, match="no subgroup of order 3"):
        compute_roots_of_unity(3)


ORDER_AND_INDEX = st.integers(0, 10).flatmap(lambda k: st.tuples(st.just(1 << k), st.integers(0, (1 << k) - 1)))


@given(ORDER_AND_INDEX)
def test_reverse_bits_is_an_involution(args: tuple[int, int]) -> None:
    order, n = args
    assert reverse_bits(reverse_bits(n, order), order) == n


def test_bit_reversal_permutation_and_its_errors() -> None:
    seq = list(range(16))
    assert bit_reversal_permutation(bit_reversal_permutation(seq)) == seq
    with pytest.raises(ValueError, match="power of two, got 6"):
        bit_reversal_permutation(list(range(6)))
    with pytest.raises(ValueError, match=r"index must be in \[0, 8\), got 8"):
        reverse_bits(8, 8)


def test_bytes_to_bls_field_is_canonical() -> None:
    assert bytes_to_bls_field((R - 1).to_bytes(32, "big")) == R - 1
    for bad in (R, R + 1, 2**256 - 1):
        with pytest.raises(ValueError, match="not canonical"):
            bytes_to_bls_field(bad.to_bytes(32, "big"))
    with pytest.raises(ValueError, match="must be 32 bytes, got 31"):
        bytes_to_bls_field(b"\x00" * 31)
    with pytest.raises(TypeError, match="must be bytes, got int"):
        bytes_to_bls_field(5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not in"):
        bls_field_to_bytes(R)
    with pytest.raises(TypeError, match="must be an int"):
        bls_field_to_bytes(1.0)  # type: ignore[arg-type]


@given(fe)
def test_field_bytes_round_trip(x: int) -> None:
    assert bytes_to_bls_field(bls_field_to_bytes(x)) == x


def test_blob_to_polynomial_rejects_bad_blobs() -> None:
    blob = bytearray(K.BYTES_PER_BLOB)
    assert blob_to_polynomial(bytes(blob)) == [0] * 4096
    blob[32 * 7 : 32 * 8] = R.to_bytes(32, "big")
    with pytest.raises(ValueError, match=r"blob field element 7 .* not canonical"):
        blob_to_polynomial(bytes(blob))
    with pytest.raises(ValueError, match="blob must be 131072 bytes, got 131071"):
        blob_to_polynomial(bytes(K.BYTES_PER_BLOB - 1))


@settings(max_examples=25)
@given(st.lists(fe, min_size=8, max_size=8), fe)
def test_barycentric_evaluation_matches_the_interpolant(values: list[int], z: int) -> None:
    domain = list(roots_of_unity_brp(8))
    coeffs = interpolate_polynomial(domain, values, R)
    assert evaluate_polynomial_in_evaluation_form(values, z) == evaluate_polynomial(coeffs, z, R)
    assert evaluate_polynomial_in_evaluation_form(values, domain[3]) == values[3]  # inside the domain


@settings(max_examples=25)
@given(st.lists(fe, min_size=8, max_size=8), fe, st.booleans())
def test_quotient_times_linear_factor_gives_back_the_shifted_polynomial(
    values: list[int], z: int, inside: bool
) -> None:
    # Verify: q(X) (X - z) = p(X) - y as polynomials, checked through their interpolants.
    domain = list(roots_of_unity_brp(8))
    if inside:
        z = domain[z % 8]
    y = evaluate_polynomial_in_evaluation_form(values, z)
    q = compute_quotient_in_evaluation_form(values, z, y)
    q_coeffs = interpolate_polynomial(domain, q, R)
    p_coeffs = interpolate_polynomial(domain, values, R)
    for x in (12345, 678910):
        assert evaluate_polynomial(q_coeffs, x, R) * (x - z) % R == (evaluate_polynomial(p_coeffs, x, R) - y) % R


def test_batch_inverse_and_zero() -> None:
    assert batch_inverse([]) == []
    with pytest.raises(ZeroDivisionError, match="cannot invert 0"):
        batch_inverse([1, 0, 2])


def test_challenge_binds_blob_and_commitment() -> None:
    blob = bytes(K.BYTES_PER_BLOB)
    c1 = compute_challenge(blob, K.G1_POINT_AT_INFINITY)
    other = bytearray(blob)
    other[-1] = 1
    assert c1 != compute_challenge(bytes(other), K.G1_POINT_AT_INFINITY)
    assert c1 == hash_to_bls_field(
        K.FIAT_SHAMIR_PROTOCOL_DOMAIN + (4096).to_bytes(16, "big") + blob + K.G1_POINT_AT_INFINITY
    )
    with pytest.raises(ValueError, match="commitment must be 48 bytes, got 47"):
        compute_challenge(blob, bytes(47))


@settings(max_examples=20)
@given(st.binary(max_size=200))
def test_zksync_packing_round_trips_and_is_canonical(data: bytes) -> None:
    blob = pack_bytes_into_blob(data)
    assert unpack_bytes_from_blob(blob)[: len(data)] == data
    assert all(blob[i] == 0 for i in range(0, K.BYTES_PER_BLOB, 32))
    blob_to_polynomial(blob)  # never raises: every element is below the modulus


def test_zksync_packing_limits() -> None:
    pack_bytes_into_blob(bytes(126_976))
    with pytest.raises(ValueError, match="at most 126976 bytes fit in one blob, got 126977"):
        pack_bytes_into_blob(bytes(126_977))
    with pytest.raises(TypeError, match="data must be bytes, got str"):
        pack_bytes_into_blob("hi")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="field element 0 has a non-zero top byte 0xff"):
        unpack_bytes_from_blob(b"\xff" * K.BYTES_PER_BLOB)
