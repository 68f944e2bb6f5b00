"""The Curve API: group law on G1 and G2, validation, affine conversion, subgroup checks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from py_ecc import bls12_381 as ref_bls
from py_ecc import bn128 as ref_bn
from py_ecc.bls.point_compression import modular_squareroot_in_FQ2

from zkedu.curves import BLS12_381, BN254, Curve, G1Point

CURVES = [pytest.param(BN254, id="BN254"), pytest.param(BLS12_381, id="BLS12-381")]
REFERENCE = {"BN254": ref_bn, "BLS12-381": ref_bls}


def non_subgroup_g1(C: Curve):
    """A point on BLS12-381's G1 curve outside the order-r subgroup (the cofactor is not 1)."""
    for x in range(1, 100):
        rhs = (x**3 + C.b) % C.p
        y = pow(rhs, (C.p + 1) // 4, C.p)
        if y * y % C.p == rhs:
            P = C.from_affine(x, y)
            if not C.in_subgroup(P):
                return P
    raise AssertionError("no non-subgroup point found")


def non_subgroup_g2(C: Curve):
    FQ2 = C.backend.FQ2
    for x0 in range(1, 100):
        x = FQ2([x0, 1])
        y = modular_squareroot_in_FQ2(x**3 + C.backend.b2)
        if y is not None:
            return (x, y, FQ2.one())
    raise AssertionError("no twist point found")


@pytest.mark.parametrize("C", CURVES)
@settings(max_examples=10)
@given(a=st.integers(0, 2**40), b=st.integers(-(2**40), 2**40))
def test_g1_group_law_matches_reference(C: Curve, a: int, b: int) -> None:
    ref = REFERENCE[C.name]
    A, B = C.mul(C.G1, a), C.mul(C.G1, b)
    ref_sum = ref.multiply(ref.G1, (a + b) % C.r)
    assert C.to_affine(C.add(A, B)) == (None if ref_sum is None else (ref_sum[0].n, ref_sum[1].n))
    assert C.eq(C.add(A, C.neg(A)), C.Z1)
    assert C.eq(C.mul(A, b), C.mul(C.G1, a * b))


@pytest.mark.parametrize("C", CURVES)
def test_g2_group_law(C: Curve) -> None:
    Q2 = C.add(C.G2, C.G2)
    assert C.eq(Q2, C.mul(C.G2, 2)) and not C.eq(Q2, C.G2)
    assert C.eq(C.add(C.mul(C.G2, 5), C.mul(C.G2, -2)), C.mul(C.G2, 3))
    assert C.is_inf(C.add(C.G2, C.neg(C.G2)))
    assert C.is_inf(C.Z2) and not C.is_inf(C.G2)
    assert C.is_on_curve(Q2) and C.in_subgroup(C.G2)
    assert not C.eq(C.G1, C.G2)  # different groups are never equal


@pytest.mark.parametrize("C", CURVES)
def test_g1_edges(C: Curve) -> None:
    assert C.is_inf(C.mul(C.G1, 0)) and C.is_inf(C.mul(C.G1, C.r))
    assert C.eq(C.mul(C.G1, C.r - 1), C.neg(C.G1))
    assert C.eq(C.mul(C.G1, C.r + 1), C.G1)  # mul is exact, not reduced: (r+1)·G = G in a group of order r
    assert C.eq(C.add(C.G1, C.G1), C.mul(C.G1, 2))
    assert C.eq(C.add(C.Z1, C.G1), C.G1) and C.eq(C.add(C.G1, C.Z1), C.G1)
    assert C.to_affine(C.Z1) is None
    x, y = C.to_affine(C.mul(C.G1, 7))
    assert C.eq(C.from_affine(x, y), C.mul(C.G1, 7))
    assert C.in_subgroup(C.G1) and C.in_subgroup(C.Z1) and C.is_on_curve(C.Z1)


def test_cofactor_points_fail_the_subgroup_check() -> None:
    C = BLS12_381
    P = non_subgroup_g1(C)
    assert C.is_on_curve(P) and not C.in_subgroup(P)
    Q = non_subgroup_g2(C)
    assert C.is_on_curve(Q) and not C.in_subgroup(Q)
    FQ = C.backend.FQ
    off = (FQ(1), FQ(1), FQ(1))
    assert not C.is_on_curve(off) and not C.in_subgroup(off)


@pytest.mark.parametrize("C", CURVES)
def test_bad_inputs(C: Curve) -> None:
    other = BLS12_381 if C is BN254 else BN254
    with pytest.raises(TypeError, match=r"\(1, 2\)"):
        C.add((1, 2), C.G1)
    with pytest.raises(TypeError, match="G1 or G2 point"):
        C.neg(other.G1)  # a point of the other curve
    with pytest.raises(TypeError, match="cannot add a G1 point to a G2 point"):
        C.add(C.G1, C.G2)
    with pytest.raises(TypeError, match="'3'"):
        C.mul(C.G1, "3")
    with pytest.raises(TypeError, match="True"):
        C.mul(C.G1, True)
    with pytest.raises(TypeError, match="G1 point, got a G2"):
        C.to_affine(C.G2)
    with pytest.raises(ValueError, match="not on"):
        C.from_affine(1, 1)
    with pytest.raises(ValueError, match=str(C.p)):
        C.from_affine(C.p, 1)
    with pytest.raises(TypeError, match=r"1\.5"):
        C.from_affine(1.5, 1)


BLS_G1_COFACTOR = 0x396C8C005555E1568C00AAAB0000AAAB  # (u - 1)² / 3


@settings(max_examples=25)
@given(x=st.integers(0, 2**64))
def test_fast_g1_subgroup_test_agrees_with_r_multiplication(x: int) -> None:
    C = BLS12_381
    rhs = (x**3 + C.b) % C.p
    y = pow(rhs, (C.p + 1) // 4, C.p)
    if y * y % C.p != rhs:
        return  # x is not the x-coordinate of a curve point
    P = C.from_affine(x, y)
    for Q in (P, C.neg(P), C.mul(P, BLS_G1_COFACTOR)):  # the last one is always in G1
        assert C.in_subgroup(Q) == C.in_subgroup_by_order(Q)
    assert C.in_subgroup(C.mul(P, BLS_G1_COFACTOR))


def test_bn254_g1_has_cofactor_one() -> None:
    # Every point on y² = x³ + 3 over F_p is in G1: the group order is r itself (a BN-curve property).
    C = BN254
    x = next(x for x in range(1, 50) if pow((x**3 + 3) % C.p, (C.p - 1) // 2, C.p) == 1 and x != 1)
    y = pow((x**3 + 3) % C.p, (C.p + 1) // 4, C.p)  # p ≡ 3 (mod 4)
    P = C.from_affine(x, y)
    assert C.in_subgroup(P) and C.in_subgroup_by_order(P)


def test_fast_g2_subgroup_test_agrees_with_r_multiplication() -> None:
    from py_ecc.optimized_bls12_381 import multiply_clear_cofactor_G2

    C = BLS12_381
    FQ2 = C.backend.FQ2
    found = 0
    for x0 in range(1, 30):
        x = FQ2([x0, 2])
        y = modular_squareroot_in_FQ2(x**3 + C.backend.b2)
        if y is None:
            continue
        Q = (x, y, FQ2.one())
        cleared = multiply_clear_cofactor_G2(Q)
        assert not C.in_subgroup(Q) and not C.in_subgroup_by_order(Q)
        assert C.in_subgroup(cleared) and C.in_subgroup_by_order(cleared)
        found += 1
        if found == 3:
            break
    assert found == 3
    assert C.in_subgroup(C.mul(C.G2, 12345)) and C.in_subgroup(C.Z2)


@pytest.mark.parametrize("C", [BN254, BLS12_381], ids=["BN254", "BLS12-381"])
def test_points_say_which_group_they_are_in(C: Curve) -> None:
    g1_results = [C.G1, C.Z1, C.add(C.G1, C.G1), C.neg(C.G1), C.mul(C.G1, 5), C.msm([C.G1], [3]),
                  C.msm_naive([C.G1], [3]), *C.mul_many(C.G1, [0, 2])]
    g2_results = [C.G2, C.Z2, C.add(C.G2, C.G2), C.neg(C.G2), C.mul(C.G2, 5)]
    assert {type(P).__name__ for P in g1_results} == {"G1Point"}
    assert {type(Q).__name__ for Q in g2_results} == {"G2Point"}
    assert isinstance(C.from_affine(*(C.to_affine(C.G1) or (0, 0))), G1Point)
    with pytest.raises(TypeError, match="G1 point, got a G2 point"):
        C.to_affine(C.G2)
    with pytest.raises(TypeError, match=r"G1 or G2 point \(G1Point, G2Point\), got str"):
        C.is_inf("not a point")  # type: ignore[arg-type]
