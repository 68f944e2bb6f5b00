"""Int-based G1 arithmetic against py_ecc's reference (affine, readable) curve modules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from py_ecc import bls12_381 as ref_bls
from py_ecc import bn128 as ref_bn

from zkedu.curves import g1_fast
from zkedu.curves.g1_fast import JAC_INF

CURVES = [
    pytest.param(ref_bn, id="BN254"),
    pytest.param(ref_bls, id="BLS12-381"),
]


def to_jac(ref, P) -> g1_fast.JacPoint:
    if P is None:
        return JAC_INF
    return (P[0].n, P[1].n, 1)


def to_ref(ref, P: g1_fast.JacPoint):
    if P[2] == 0:
        return None
    x, y = g1_fast.jac_to_affine(P, ref.field_modulus)
    return (ref.FQ(x), ref.FQ(y))


@pytest.mark.parametrize("ref", CURVES)
@settings(max_examples=15)
@given(a=st.integers(1, 2**64), b=st.integers(1, 2**64))
def test_add_double_mul_match_reference(ref, a: int, b: int) -> None:
    p = ref.field_modulus
    A, B = ref.multiply(ref.G1, a), ref.multiply(ref.G1, b)
    assert to_ref(ref, g1_fast.jac_add(to_jac(ref, A), to_jac(ref, B), p)) == ref.add(A, B)
    assert to_ref(ref, g1_fast.jac_add_affine(to_jac(ref, A), B[0].n, B[1].n, p)) == ref.add(A, B)
    assert to_ref(ref, g1_fast.jac_double(to_jac(ref, A), p)) == ref.double(A)
    assert to_ref(ref, g1_fast.jac_mul(to_jac(ref, ref.G1), a, p)) == A


@pytest.mark.parametrize("ref", CURVES)
def test_edge_cases(ref) -> None:
    p = ref.field_modulus
    G = to_jac(ref, ref.G1)
    minus_G = to_jac(ref, ref.neg(ref.G1))
    assert g1_fast.jac_add(G, minus_G, p)[2] == 0  # P + (-P) = ∞
    assert g1_fast.jac_add_affine(G, *g1_fast.jac_to_affine(minus_G, p), p)[2] == 0
    assert to_ref(ref, g1_fast.jac_add(G, G, p)) == ref.double(ref.G1)  # P + P goes to doubling
    assert to_ref(ref, g1_fast.jac_add_affine(G, ref.G1[0].n, ref.G1[1].n, p)) == ref.double(ref.G1)
    assert g1_fast.jac_add(JAC_INF, G, p) == G and g1_fast.jac_add(G, JAC_INF, p) == G
    assert g1_fast.jac_add_affine(JAC_INF, 5, 7, p) == (5, 7, 1)
    assert g1_fast.jac_double(JAC_INF, p)[2] == 0
    assert g1_fast.jac_mul(G, 0, p)[2] == 0
    assert g1_fast.jac_mul(G, ref.curve_order, p)[2] == 0
    assert to_ref(ref, g1_fast.jac_mul(G, ref.curve_order - 1, p)) == ref.neg(ref.G1)
    assert g1_fast.jac_eq(g1_fast.jac_double(G, p), g1_fast.jac_add(G, G, p), p)
    assert not g1_fast.jac_eq(G, minus_G, p) and not g1_fast.jac_eq(G, JAC_INF, p)
    assert g1_fast.jac_eq(JAC_INF, (5, 9, 0), p)


@pytest.mark.parametrize("ref", CURVES)
def test_projective_round_trip_needs_no_inversion(ref) -> None:
    p = ref.field_modulus
    X, Y, Z = 3 * ref.G1[0].n % p, 3 * ref.G1[1].n % p, 3  # the generator, scaled projectively by 3
    J = g1_fast.projective_to_jac(X, Y, Z, p)
    assert g1_fast.jac_to_affine(J, p) == (ref.G1[0].n, ref.G1[1].n)
    X2, Y2, Z2 = g1_fast.jac_to_projective(J, p)
    assert (X2 * pow(Z2, -1, p) % p, Y2 * pow(Z2, -1, p) % p) == (ref.G1[0].n, ref.G1[1].n)
    assert g1_fast.projective_to_jac(1, 1, 0, p) == JAC_INF
    assert g1_fast.jac_to_projective(JAC_INF, p) == (1, 1, 0)


def test_bad_inputs_name_the_value() -> None:
    p = ref_bn.field_modulus
    with pytest.raises(ValueError, match="-3"):
        g1_fast.jac_mul((1, 2, 1), -3, p)
    with pytest.raises(ValueError, match=r"\(1, 1, 0\)"):
        g1_fast.jac_to_affine(JAC_INF, p)


def test_on_curve() -> None:
    p = ref_bn.field_modulus
    assert g1_fast.jac_is_on_curve((1, 2, 1), 3, p)
    assert not g1_fast.jac_is_on_curve((1, 3, 1), 3, p)
    assert g1_fast.jac_is_on_curve(JAC_INF, 3, p)
