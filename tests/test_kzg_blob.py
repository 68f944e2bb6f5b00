"""zkedu.kzg.blob and constants: the field-level half of EIP-4844 (no curve work), checked against the math."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.field import BLS12_381_FR
from zkedu.kzg import constants as K
from zkedu.kzg.blob import (
    bit_reversal_permutation,
    blob_domain,
    blob_to_polynomial,
    bls_field_to_bytes,
    bytes_to_bls_field,
    compute_challenge,
    evaluate_polynomial_in_evaluation_form,
    hash_to_bls_field,
    pack_bytes_into_blob,
    reverse_bits,
    unpack_bytes_from_blob,
)
from zkedu.poly import PolynomialEvals, interpolate_lagrange

R = K.BLS_MODULUS
fe = st.integers(min_value=0, max_value=R - 1)


def test_constants_match_eip4844() -> None:
    assert K.BYTES_PER_BLOB == 131_072 and K.FIELD_ELEMENTS_PER_BLOB == 4096
    assert K.ZKSYNC_USABLE_BYTES_PER_BLOB == 126_976
    assert K.FIAT_SHAMIR_PROTOCOL_DOMAIN == b"FSBLOBVERIFY_V1_" and len(K.RANDOM_CHALLENGE_KZG_BATCH_DOMAIN) == 16
    assert K.BLS_MODULUS == 52435875175126190479447740508185965837690552500527637822603658699938581184513


def test_blob_domain_is_the_specs_roots_of_unity() -> None:
    roots = [int(w) for w in blob_domain()]
    omega = pow(K.PRIMITIVE_ROOT_OF_UNITY, (R - 1) // 4096, R)  # deneb compute_roots_of_unity
    assert roots[:3] == [1, omega, omega * omega % R] and len(set(roots)) == 4096
    assert pow(roots[1], 2048, R) == R - 1
    with pytest.raises(ValueError, match="power of two, got 3"):
        blob_domain(3)


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
    assert blob_to_polynomial(bytes(blob)) == PolynomialEvals(blob_domain(), [0] * 4096)
    blob[32 * 7 : 32 * 8] = R.to_bytes(32, "big")
    with pytest.raises(ValueError, match=r"blob field element 7 .* not canonical"):
        blob_to_polynomial(bytes(blob))
    with pytest.raises(ValueError, match="blob must be 131072 bytes, got 131071"):
        blob_to_polynomial(bytes(K.BYTES_PER_BLOB - 1))


def test_blob_values_sit_at_the_bit_reversed_roots() -> None:
    values = list(range(1, 4097))
    blob = b"".join(v.to_bytes(32, "big") for v in values)
    p = blob_to_polynomial(blob)
    domain = blob_domain()
    for i in (0, 1, 2, 7, 4095):  # blob element i is p(ω^reverse_bits(i))
        assert p[reverse_bits(i, 4096)] == values[i] and p(domain[reverse_bits(i, 4096)]) == values[i]


@settings(max_examples=25)
@given(st.lists(fe, min_size=8, max_size=8), fe)
def test_evaluation_form_matches_the_interpolant(values: list[int], z: int) -> None:
    p = PolynomialEvals(blob_domain(8), values)
    coeffs = interpolate_lagrange(BLS12_381_FR, list(p.domain), values)
    assert evaluate_polynomial_in_evaluation_form(p, z) == int(coeffs(z))
    assert evaluate_polynomial_in_evaluation_form(p, int(p.domain[3])) == values[3]  # inside the domain


def test_evaluation_form_needs_evaluations_over_the_blob_field() -> None:
    with pytest.raises(TypeError, match="PolynomialEvals over BLS12_381_FR, got list"):
        evaluate_polynomial_in_evaluation_form([1, 2], 3)  # type: ignore[arg-type]


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
