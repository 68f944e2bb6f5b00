"""zkedu.kzg.kzg: KZG commit / open / verify / multi-open on BN254 and BLS12-381 with teaching setups."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves import BLS12_381, BN254, Curve
from zkedu.field import BLS12_381_FR, BN254_FR, PrimeField
from zkedu.kzg.kzg import (
    as_polynomial,
    commit_g2,
    commit_polynomial,
    compute_multi_opening_proof,
    compute_opening_proof,
    forge_opening,
    verify_multi_opening,
    verify_opening,
    verify_opening_two_pairings,
)
from zkedu.kzg.setup import TrustedSetup, insecure_setup
from zkedu.poly import Polynomial

CURVES = [BN254, BLS12_381]
SETUPS = {c.name: insecure_setup(c, 6, tau=0xC0FFEE + i) for i, c in enumerate(CURVES)}


@pytest.fixture(params=CURVES, ids=[c.name for c in CURVES])
def setup(request: pytest.FixtureRequest) -> TrustedSetup:
    return SETUPS[request.param.name]


def test_setup_holds_powers_of_tau(setup: TrustedSetup) -> None:
    c = setup.curve
    assert setup.degree == 6 and setup.tau is not None
    assert c.eq(setup.g1_monomial[3], c.mul(c.G1, pow(setup.tau, 3, c.r)))
    # e([τ]₁, [1]₂) = e([1]₁, [τ]₂): the two halves agree on τ
    assert c.pairing_check([(setup.g1_monomial[1], c.G2), (c.neg(c.G1), setup.g2_monomial[1])])


def test_commitment_is_p_of_tau_for_polynomials_and_lists(setup: TrustedSetup) -> None:
    c, F = setup.curve, setup.curve.scalar_field
    p = Polynomial(F, [5, 0, 7, 1])
    expected = c.mul(c.G1, p(setup.tau).value)
    assert c.eq(commit_polynomial(setup, p), expected)
    assert c.eq(commit_polynomial(setup, [5, 0, 7, 1]), expected)
    assert c.eq(commit_polynomial(setup, [F(5), 0, F(7), 1, 0, 0]), expected)  # trailing zeros are no degree
    assert c.is_inf(commit_polynomial(setup, [])) and c.is_inf(commit_polynomial(setup, Polynomial(F)))


def test_open_verify_and_forgeries(setup: TrustedSetup) -> None:
    c = setup.curve
    p = Polynomial(c.scalar_field, [3, 1, 4, 1, 5, 9])
    C = commit_polynomial(setup, p)
    proof, y = compute_opening_proof(setup, p, 10)
    assert y == p(10) and y.field is c.scalar_field
    assert verify_opening(setup, C, 10, y, proof)
    assert verify_opening(setup, C, c.scalar_field(10), int(y), proof)  # ints and field elements alike
    assert not verify_opening(setup, C, 10, y + 1, proof)  # wrong value
    assert not verify_opening(setup, C, 11, y, proof)  # proof for another point
    other_proof, other_y = compute_opening_proof(setup, p, 11)
    assert not verify_opening(setup, C, 10, other_y, other_proof)
    # knowing τ breaks everything: that is why the ceremony must forget it
    assert verify_opening(setup, C, 10, 42, forge_opening(setup, p, 10, 42))


def test_opening_the_zero_polynomial_proves_zero(setup: TrustedSetup) -> None:
    c = setup.curve
    proof, y = compute_opening_proof(setup, [], 7)
    assert y == 0 and c.is_inf(proof)
    assert verify_opening(setup, commit_polynomial(setup, []), 7, 0, proof)


def test_two_pairing_baseline_agrees(setup: TrustedSetup) -> None:
    p = [2, 7, 1]
    C = commit_polynomial(setup, p)
    proof, y = compute_opening_proof(setup, p, 3)
    assert verify_opening_two_pairings(setup, C, 3, y, proof)
    assert not verify_opening_two_pairings(setup, C, 3, y + 1, proof)


def test_multi_opening(setup: TrustedSetup) -> None:
    p = Polynomial(setup.curve.scalar_field, [8, 6, 7, 5, 3, 0, 9])
    C = commit_polynomial(setup, p)
    points = [1, 2, 3]
    proof, ys = compute_multi_opening_proof(setup, p, points)
    assert ys == [p(z) for z in points]
    assert verify_multi_opening(setup, C, points, ys, proof)
    assert not verify_multi_opening(setup, C, points, [ys[0], ys[1] + 1, ys[2]], proof)
    assert not verify_multi_opening(setup, C, [1, 2, 4], ys, proof)
    with pytest.raises(ValueError, match="distinct"):
        compute_multi_opening_proof(setup, p, [1, 1])


def test_insecure_setup_keeps_two_g2_powers_and_multi_opens_from_tau(setup: TrustedSetup) -> None:
    c = setup.curve
    assert len(setup.g2_monomial) == 2 and c.eq(setup.g2_monomial[0], c.G2)
    p, zs = [3, 1, 4, 1, 5, 9], [2, 3, 5, 7]
    proof, ys = compute_multi_opening_proof(setup, p, zs)
    assert verify_multi_opening(setup, commit_polynomial(setup, p), zs, ys, proof)
    z_poly = Polynomial.from_roots(c.scalar_field, zs)
    assert c.eq(commit_g2(setup, z_poly), c.mul(c.G2, z_poly(setup.tau).value))


def test_ceremony_setup_without_tau_sums_its_g2_powers_or_says_it_lacks_them(setup: TrustedSetup) -> None:
    c = setup.curve
    ceremony_like = TrustedSetup(c, setup.g1_monomial, setup.g2_monomial)  # no τ: only [1]₂ and [τ]₂
    linear = Polynomial(c.scalar_field, [-5, 1])  # X - 5
    assert c.eq(commit_g2(ceremony_like, linear), commit_g2(setup, linear))
    with pytest.raises(ValueError, match="needs 3 G2 powers, but this setup has only 2 and no τ"):
        commit_g2(ceremony_like, [1, 2, 3])


@pytest.mark.slow
@settings(max_examples=4)
@given(st.lists(st.integers(0, 2**64), min_size=1, max_size=7), st.integers(0, 2**64), st.integers(1, 2**64))
def test_completeness_and_soundness_against_tampering(coeffs: list[int], z: int, delta: int) -> None:
    setup = SETUPS[BLS12_381.name]
    C = commit_polynomial(setup, coeffs)
    proof, y = compute_opening_proof(setup, coeffs, z)
    assert verify_opening(setup, C, z, y, proof)
    assert not verify_opening(setup, C, z, y + delta, proof)


def test_bad_inputs_raise(setup: TrustedSetup) -> None:
    with pytest.raises(ValueError, match="degree 7 exceeds the setup's degree 6"):
        commit_polynomial(setup, [1] * 8)
    with pytest.raises(TypeError, match="field elements are made from ints, got str"):
        commit_polynomial(setup, [1, "2"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="must be a Polynomial or a list of coefficients, got int"):
        commit_polynomial(setup, 5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="need at least one point"):
        compute_multi_opening_proof(setup, [1, 2], [])
    with pytest.raises(TypeError, match=r"y must be an int or an element of .*, got float"):
        verify_opening(setup, setup.curve.G1, 1, 1.5, setup.curve.G1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="z must be an int or an element"):
        compute_opening_proof(setup, [1], PrimeField(97)(3))


def test_polynomials_over_another_field_are_refused() -> None:
    with pytest.raises(TypeError, match="must be over BLS12_381_FR, got one over BN254_FR"):
        as_polynomial(BLS12_381_FR, Polynomial(BN254_FR, [1, 2]))
    with pytest.raises(TypeError, match="must be over"):
        commit_polynomial(SETUPS[BN254.name], Polynomial(BLS12_381_FR, [1]))


def test_setup_validation() -> None:
    with pytest.raises(ValueError, match="degree must be an int >= 1, got 0"):
        insecure_setup(BN254, 0, tau=5)
    with pytest.raises(ValueError, match="tau must be non-zero modulo r"):
        insecure_setup(BN254, 2, tau=BN254.r)
    with pytest.raises(TypeError, match="tau must be an int, got str"):
        insecure_setup(BN254, 2, tau="5")  # type: ignore[arg-type]
    curve: Curve = BN254
    no_tau = TrustedSetup(curve, SETUPS[BN254.name].g1_monomial, SETUPS[BN254.name].g2_monomial)
    with pytest.raises(ValueError, match="forging needs the secret"):
        forge_opening(no_tau, [1], 2, 3)
    with pytest.raises(ValueError, match="z equals τ"):
        forge_opening(SETUPS[BN254.name], [1], SETUPS[BN254.name].tau, 3)
