"""Pairings: py_ecc's values, bilinearity, and the product check with one shared final exponentiation.

Each pairing costs a few tenths of a second in Python, so these tests use a handful of them.
"""

from __future__ import annotations

import pytest
from py_ecc import optimized_bn128 as opt_bn
from py_ecc.optimized_bn128 import optimized_pairing as opt_bn_pairing

from zkedu.curves import BLS12_381, BN254, Curve
from zkedu.curves.pairing import final_exponentiate_bls12_381, final_exponentiate_bn254, make_final_exponentiation

CURVES = [pytest.param(BN254, id="BN254"), pytest.param(BLS12_381, id="BLS12-381")]


@pytest.mark.parametrize("C", CURVES)
def test_pairing_matches_py_ecc_and_is_bilinear(C: Curve) -> None:
    a, b = 6, 35
    e = C.pairing(C.G1, C.G2)
    assert e == C.backend.pairing(C.G2, C.G1)
    assert e != C.backend.FQ12.one()  # non-degenerate
    assert C.pairing(C.mul(C.G1, a), C.mul(C.G2, b)) == e ** (a * b)


@pytest.mark.parametrize("C", CURVES)
def test_pairing_check_kzg_shape(C: Curve) -> None:
    # e(a·G1, b·G2) · e(-(ab)·G1, G2) == 1, the two-pair shape of a KZG verification
    a, b = 11, 13
    good = [(C.mul(C.G1, a), C.mul(C.G2, b)), (C.neg(C.mul(C.G1, a * b)), C.G2)]
    assert C.pairing_check(good)
    bad = [good[0], (C.neg(C.mul(C.G1, a * b + 1)), C.G2)]
    assert not C.pairing_check(bad)


def test_pairing_check_trivial_cases() -> None:
    C = BN254
    assert C.pairing_check([])
    assert C.pairing_check([(C.Z1, C.G2), (C.G1, C.Z2)])
    assert C.pairing(C.Z1, C.G2) == C.backend.FQ12.one()


def test_fast_final_exponentiation_equals_the_plain_power() -> None:
    f = opt_bn_pairing.miller_loop(opt_bn.twist(opt_bn.G2), opt_bn_pairing.cast_point_to_fq12(opt_bn.G1), False)
    assert final_exponentiate_bn254(f) == opt_bn_pairing.final_exponentiate(f)


@pytest.mark.parametrize("C", CURVES)
def test_pairing_rejects_bad_inputs(C: Curve) -> None:
    FQ, FQ2 = C.backend.FQ, C.backend.FQ2
    with pytest.raises(TypeError, match=r"second argument must be a .* G2 point"):
        C.pairing(C.G1, C.G1)
    with pytest.raises(TypeError, match=r"first argument must be a .* G1 point"):
        C.pairing(C.G2, C.G2)
    with pytest.raises(ValueError, match="G1 point is not on"):
        C.pairing((FQ(1), FQ(1), FQ(1)), C.G2)
    with pytest.raises(ValueError, match=r"pairs\[1\]: G2 point is not on"):
        C.pairing_check([(C.G1, C.G2), (C.G1, (FQ2.one(), FQ2.one(), FQ2.one()))])
    with pytest.raises(TypeError, match=r"pairs\[0\] must be .* got 'ab'"):
        C.pairing_check(["ab"])


@pytest.mark.parametrize("C", CURVES)
def test_final_exponentiation_by_base_p_digits_is_exact(C: Curve) -> None:
    f = C.miller_loop(C.mul(C.G1, 5), C.G2)
    plain = f ** ((C.p**12 - 1) // C.r)
    final_exponentiate = {BN254.name: final_exponentiate_bn254, BLS12_381.name: final_exponentiate_bls12_381}[C.name]
    assert final_exponentiate(f) == plain


def test_bn254_miller_loop_equals_py_ecc_exactly() -> None:
    P, Q = BN254.mul(BN254.G1, 77), BN254.mul(BN254.G2, 2**130 + 5)
    expected = opt_bn_pairing.miller_loop(opt_bn.twist(Q), opt_bn_pairing.cast_point_to_fq12(P), False)
    assert BN254.miller_loop(P, Q) == expected


def test_final_exponentiation_needs_embedding_degree_12() -> None:
    with pytest.raises(ValueError, match="r = 7 does not divide"):
        make_final_exponentiation(opt_bn.FQ12, 11, 7)


@pytest.mark.parametrize("C", CURVES)
def test_prepared_g2_gives_the_same_miller_loop_and_pairings(C: Curve) -> None:
    Q = C.mul(C.G2, 5)
    prepared = C.prepare_g2(Q)
    P = C.from_affine(*C.to_affine(C.mul(C.G1, 7)))  # affine P: the Miller loop values match exactly
    assert C.miller_loop(P, prepared) == C.miller_loop(P, Q)
    P_projective = C.mul(C.G1, 7)  # projective P: equal after the final exponentiation
    assert C.pairing(P_projective, prepared) == C.pairing(P_projective, Q)
    assert C.pairing_check([(C.mul(C.G1, 35), C.G2), (C.neg(P), prepared)])
    assert not C.pairing_check([(C.mul(C.G1, 36), C.G2), (C.neg(P), prepared)])
    assert C.miller_loop(C.Z1, prepared) == C.backend.FQ12.one()


def test_prepare_g2_rejects_bad_points() -> None:
    C = BLS12_381
    FQ2 = C.backend.FQ2
    with pytest.raises(TypeError, match="G2 point, got a G1"):
        C.prepare_g2(C.G1)
    with pytest.raises(ValueError, match="not on BLS12-381's twist"):
        C.prepare_g2((FQ2.one(), FQ2.one(), FQ2.one()))
    with pytest.raises(ValueError, match="point at infinity"):
        C.prepare_g2(C.Z2)
    with pytest.raises(ValueError, match="prepared for BLS12-381, not BN254"):
        BN254.pairing(BN254.G1, C.prepare_g2(C.G2))


def test_pairings_prepare_each_g2_point_once_and_key_it_by_its_affine_coordinates() -> None:
    from zkedu.curves import curve as curve_module

    C = BN254
    Q = C.mul(C.G2, 11)
    Q_rescaled = type(Q)(*(c * C.backend.FQ2([3, 1]) for c in Q))  # the same point, other projective coordinates
    P = C.mul(C.G1, 4)
    curve_module._PREPARED_G2.clear()
    assert C.pairing_check([(P, Q), (C.neg(C.mul(C.G1, 44)), C.G2)])
    assert C.pairing_check([(P, Q_rescaled), (C.neg(C.mul(C.G1, 44)), C.G2)])
    assert not C.pairing_check([(P, Q_rescaled), (C.neg(C.mul(C.G1, 45)), C.G2)])
    assert len(curve_module._PREPARED_G2) == 2  # Q (once, for both representations) and G2
    assert C.pairing(P, Q) == C.pairing(P, C.prepare_g2(Q)) == C.pairing(C.mul(P, 11), C.G2)
    assert C.pairing(C.Z1, C.mul(C.G2, 99)) == C.backend.FQ12.one()  # e(∞, Q) = 1, and nothing is prepared
    assert len(curve_module._PREPARED_G2) == 2


def test_the_prepared_g2_cache_keeps_the_most_recently_used_points(monkeypatch) -> None:
    from zkedu.curves import curve as curve_module

    C = BN254
    monkeypatch.setattr(curve_module, "_PREPARED_G2_SIZE", 2)
    curve_module._PREPARED_G2.clear()
    Q1, Q2, Q3 = (C.mul(C.G2, k) for k in (2, 3, 5))
    C.pairing(C.G1, Q1)
    C.pairing(C.G1, Q2)
    C.pairing(C.G1, Q1)  # Q1 used again: now Q2 is the least recently used
    C.pairing(C.G1, Q3)
    kept = {key[1] for key in curve_module._PREPARED_G2}
    x_of = {name: tuple(int(c) for c in (Q[0] / Q[2]).coeffs) for name, Q in (("Q1", Q1), ("Q2", Q2), ("Q3", Q3))}
    assert kept == {x_of["Q1"], x_of["Q3"]}
