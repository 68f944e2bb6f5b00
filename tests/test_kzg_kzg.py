"""zkedu.kzg.kzg: KZG commit / open / verify / multi-open on BN254 and BLS12-381 with teaching setups."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves import BLS12_381, BN254, Curve
from zkedu.kzg.kzg import (
    commit_g2,
    commit_polynomial,
    compute_multi_opening_proof,
    compute_opening_proof,
    divide_polynomials,
    evaluate_polynomial,
    forge_opening,
    interpolate_polynomial,
    multiply_polynomials,
    vanishing_polynomial,
    verify_multi_opening,
    verify_opening,
    verify_opening_two_pairings,
)
from zkedu.kzg.setup import TrustedSetup, insecure_setup

CURVES = [BN254, BLS12_381]
SETUPS = {c.name: insecure_setup(c, 6, tau=0xC0FFEE + i) for i, c in enumerate(CURVES)}
P97 = 97
small = st.lists(st.integers(0, P97 - 1), min_size=1, max_size=6)


@pytest.fixture(params=CURVES, ids=[c.name for c in CURVES])
def setup(request: pytest.FixtureRequest) -> TrustedSetup:
    return SETUPS[request.param.name]


def test_setup_holds_powers_of_tau(setup: TrustedSetup) -> None:
    c = setup.curve
    assert setup.degree == 6 and setup.tau is not None
    assert c.eq(setup.g1_monomial[3], c.mul(c.G1, pow(setup.tau, 3, c.r)))
    # e([τ]₁, [1]₂) = e([1]₁, [τ]₂): the two halves agree on τ
    assert c.pairing_check([(setup.g1_monomial[1], c.G2), (c.neg(c.G1), setup.g2_monomial[1])])


def test_commitment_is_p_of_tau(setup: TrustedSetup) -> None:
    c = setup.curve
    p = [5, 0, 7, 1]
    assert c.eq(commit_polynomial(setup, p), c.mul(c.G1, evaluate_polynomial(p, setup.tau, c.r)))
    assert c.is_inf(commit_polynomial(setup, []))


def test_open_verify_and_forgeries(setup: TrustedSetup) -> None:
    c = setup.curve
    p = [3, 1, 4, 1, 5, 9]
    C = commit_polynomial(setup, p)
    proof, y = compute_opening_proof(setup, p, 10)
    assert y == evaluate_polynomial(p, 10, c.r)
    assert verify_opening(setup, C, 10, y, proof)
    assert not verify_opening(setup, C, 10, y + 1, proof)  # wrong value
    assert not verify_opening(setup, C, 11, y, proof)  # proof for another point
    other_proof, other_y = compute_opening_proof(setup, p, 11)
    assert not verify_opening(setup, C, 10, other_y, other_proof)
    # knowing τ breaks everything: that is why the ceremony must forget it
    assert verify_opening(setup, C, 10, 42, forge_opening(setup, p, 10, 42))


def test_two_pairing_baseline_agrees(setup: TrustedSetup) -> None:
    p = [2, 7, 1]
    C = commit_polynomial(setup, p)
    proof, y = compute_opening_proof(setup, p, 3)
    assert verify_opening_two_pairings(setup, C, 3, y, proof)
    assert not verify_opening_two_pairings(setup, C, 3, y + 1, proof)


def test_multi_opening(setup: TrustedSetup) -> None:
    p = [8, 6, 7, 5, 3, 0, 9]
    C = commit_polynomial(setup, p)
    points = [1, 2, 3]
    proof, ys = compute_multi_opening_proof(setup, p, points)
    assert ys == [evaluate_polynomial(p, z, setup.curve.r) for z in points]
    assert verify_multi_opening(setup, C, points, ys, proof)
    assert not verify_multi_opening(setup, C, points, [ys[0], ys[1] + 1, ys[2]], proof)
    assert not verify_multi_opening(setup, C, [1, 2, 4], ys, proof)


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
    with pytest.raises(TypeError, match="coefficient 1 must be an int, got str"):
        commit_polynomial(setup, [1, "2"])  # type: ignore[list-item]
    ceremony_like = TrustedSetup(setup.curve, setup.g1_monomial, setup.g2_monomial)  # no τ: only 2 G2 powers
    with pytest.raises(ValueError, match="needs 3 G2 powers, but this setup has only 2 and no τ"):
        commit_g2(ceremony_like, [1, 2, 3])
    with pytest.raises(ValueError, match="need at least one point"):
        compute_multi_opening_proof(setup, [1, 2], [])
    with pytest.raises(TypeError, match="y must be an int, got float"):
        verify_opening(setup, setup.curve.G1, 1, 1.5, setup.curve.G1)  # type: ignore[arg-type]


def test_insecure_setup_keeps_two_g2_powers_and_multi_opens_from_tau(setup: TrustedSetup) -> None:
    c = setup.curve
    assert len(setup.g2_monomial) == 2 and c.eq(setup.g2_monomial[0], c.G2)
    p, zs = [3, 1, 4, 1, 5, 9], [2, 3, 5, 7]
    proof, ys = compute_multi_opening_proof(setup, p, zs)
    assert verify_multi_opening(setup, commit_polynomial(setup, p), zs, ys, proof)
    z_poly = vanishing_polynomial(zs, c.r)
    assert c.eq(commit_g2(setup, z_poly), c.mul(c.G2, evaluate_polynomial(z_poly, setup.tau, c.r)))


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


@given(small, small)
def test_division_identity(a: list[int], b: list[int]) -> None:
    if not any(b):
        with pytest.raises(ZeroDivisionError):
            divide_polynomials(a, b, P97)
        return
    q, r = divide_polynomials(a, b, P97)
    product = multiply_polynomials(q, b, P97)
    total = [(x + y) % P97 for x, y in zip(product + [0] * 10, r + [0] * 20, strict=False)]
    assert total[: len(a)] == [x % P97 for x in a] and not any(total[len(a) :])


@given(st.lists(st.integers(0, P97 - 1), min_size=1, max_size=6, unique=True), st.data())
def test_interpolation_and_vanishing(xs: list[int], data: st.DataObject) -> None:
    ys = data.draw(st.lists(st.integers(0, P97 - 1), min_size=len(xs), max_size=len(xs)))
    poly = interpolate_polynomial(xs, ys, P97)
    assert [evaluate_polynomial(poly, x, P97) for x in xs] == ys
    assert all(evaluate_polynomial(vanishing_polynomial(xs, P97), x, P97) == 0 for x in xs)


def test_interpolation_errors() -> None:
    with pytest.raises(ValueError, match="distinct"):
        interpolate_polynomial([1, 1], [2, 3], P97)
    with pytest.raises(ValueError, match="2 points and 1 values"):
        interpolate_polynomial([1, 2], [3], P97)
