"""PolynomialEvals.evaluate_fast and divide_by_linear, checked against the readable formulas."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.field import BLS12_381_FR, PrimeField
from zkedu.poly import Domain, Polynomial, PolynomialEvals

F97 = PrimeField(97)
CASES = [(F97, 8, 1), (F97, 8, 5), (BLS12_381_FR, 16, 1), (BLS12_381_FR, 8, 7)]


@pytest.mark.parametrize(("F", "n", "offset"), CASES)
@settings(max_examples=20)
@given(data=st.data())
def test_fast_barycentric_evaluation_equals_the_readable_one(F: PrimeField, n: int, offset: int,
                                                             data: st.DataObject) -> None:
    D = Domain(F, n, offset)
    f = PolynomialEvals(D, data.draw(st.lists(st.integers(0, F.modulus - 1), min_size=n, max_size=n)))
    x = data.draw(st.integers(0, F.modulus - 1) | st.sampled_from([int(d) for d in D]))
    assert f.evaluate_fast(x) == f.evaluate(x)


@pytest.mark.parametrize(("F", "n", "offset"), CASES)
@settings(max_examples=15)
@given(data=st.data())
def test_quotient_times_linear_factor_is_f_minus_y(F: PrimeField, n: int, offset: int, data: st.DataObject) -> None:
    D = Domain(F, n, offset)
    f = PolynomialEvals(D, data.draw(st.lists(st.integers(0, F.modulus - 1), min_size=n, max_size=n)))
    z = data.draw(st.integers(0, F.modulus - 1) | st.sampled_from([int(d) for d in D]))
    y = f.evaluate(z)
    q = f.divide_by_linear(z, y).to_polynomial()
    assert q * Polynomial(F, [-z, 1]) == f.to_polynomial() - y


def test_evaluate_fast_refuses_points_of_another_type() -> None:
    f = PolynomialEvals(Domain(F97, 4), [1, 2, 3, 4])
    with pytest.raises(TypeError, match="made from ints, got float"):
        f.evaluate_fast(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cannot convert"):
        f.evaluate_fast(BLS12_381_FR(3))
