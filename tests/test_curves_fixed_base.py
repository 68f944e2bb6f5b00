"""zkedu.curves.fixed_base and Curve.mul_many / Curve.scalar_field: many multiples of one point."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves import BLS12_381, BN254, Curve
from zkedu.curves.fixed_base import choose_fixed_base_window, fixed_base_mul_many, jac_batch_to_affine
from zkedu.curves.g1_fast import JAC_INF, jac_mul, jac_to_affine
from zkedu.field import BLS12_381_FR, BN254_FR

CURVES = [BN254, BLS12_381]


def test_curves_name_their_scalar_fields() -> None:
    assert BN254.scalar_field is BN254_FR
    assert BLS12_381.scalar_field is BLS12_381_FR


@pytest.mark.parametrize("C", CURVES, ids=[c.name for c in CURVES])
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_mul_many_equals_mul_each(C: Curve, data: st.DataObject) -> None:
    scalars = data.draw(st.lists(st.integers(0, 2 * C.r), min_size=1, max_size=6))
    P = C.mul(C.G1, data.draw(st.integers(1, C.r - 1)))
    got = C.mul_many(P, scalars)
    assert all(C.eq(a, C.mul(P, k)) for a, k in zip(got, scalars, strict=True))


def test_mul_many_edges_and_errors() -> None:
    C = BN254
    zero, one, order = C.mul_many(C.G1, [0, 1, C.r])
    assert C.is_inf(zero) and C.eq(one, C.G1) and C.is_inf(order)
    assert C.mul_many(C.G1, []) == []
    with pytest.raises(ValueError, match=r"scalars\[1\] must be >= 0, got -3"):
        C.mul_many(C.G1, [1, -3])
    with pytest.raises(TypeError, match=r"scalars\[0\] must be an int, got bool"):
        C.mul_many(C.G1, [True])
    with pytest.raises(TypeError, match="G1 point"):
        C.mul_many(C.G2, [1])


def test_fixed_base_matches_double_and_add_on_ints() -> None:
    p = BLS12_381.p
    P = (BLS12_381.to_affine(BLS12_381.G1) or (0, 0)) + (1,)
    scalars = [0, 1, 2, 255, 256, 2**254 + 17]
    expected = [None if k == 0 else jac_to_affine(jac_mul(P, k, p), p) for k in scalars]
    assert fixed_base_mul_many(P, scalars, p) == expected


def test_batch_to_affine_keeps_infinity_and_divides_by_z() -> None:
    p = BN254.p
    P = jac_mul((1, 2, 1), 5, p)
    assert jac_batch_to_affine([P, JAC_INF, P], p) == [jac_to_affine(P, p), None, jac_to_affine(P, p)]


def test_window_choice_is_wider_for_more_scalars() -> None:
    assert choose_fixed_base_window(1, 255) < choose_fixed_base_window(4096, 255)
    with pytest.raises(ValueError, match="n >= 1"):
        choose_fixed_base_window(0, 255)
