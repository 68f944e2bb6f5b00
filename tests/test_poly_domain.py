"""zkedu.poly.domain, evals and interpolate: domains and cosets, Z_H, evaluation form, Lagrange, barycentric."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.field import BABYBEAR, GOLDILOCKS, PrimeField
from zkedu.field_ext import QuadraticExtension
from zkedu.poly import (
    Domain,
    Polynomial,
    PolynomialEvals,
    evaluate_on_domain,
    interpolate_lagrange,
    lagrange_basis,
)

F17 = PrimeField(17)
F97 = PrimeField(97)


# Domains ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", [F17, F97, GOLDILOCKS, BABYBEAR])
@pytest.mark.parametrize("n", [1, 2, 8, 16])
def test_domain_is_the_group_of_n_th_roots_of_unity(field, n: int) -> None:
    H = Domain(field, n)
    points = list(H)
    assert len(points) == n == len(H) and len({int(x) for x in points}) == n
    assert all(x**n == 1 for x in points)
    if n > 1:
        assert H.generator ** (n // 2) == -1  # primitive: ω^(n/2) = -1, not 1


def test_coset_points_and_vanishing_polynomial() -> None:
    H = Domain(F97, 8)
    C = H.coset(5)
    assert [int(x) for x in C] == [int(5 * x) for x in H]
    assert not set(map(int, C)) & set(map(int, H))
    for D in (H, C):
        Z = D.vanishing_polynomial()
        assert Z.degree == 8
        assert all(Z(x) == 0 for x in D)
        assert Z == Polynomial.from_roots(F97, list(D))
        assert sum(1 for x in range(97) if Z(x) == 0) == 8
        assert all(D.evaluate_vanishing(x) == Z(x) for x in range(0, 97, 7))
    assert H.vanishing_polynomial() == Polynomial(F97, [-1] + [0] * 7 + [1])  # Z_H = X^8 - 1


def test_membership_and_index() -> None:
    H = Domain(F97, 4)
    assert H.index_of(H[3]) == 3 and H[3] in H
    assert H.index_of(2) is None and 2 not in H
    assert repr(H) == "Domain(size=4, p=97)" and repr(H.coset(5)) == "Domain(size=4, offset=5, p=97)"


@pytest.mark.parametrize("n", [0, 3, 6, 12, -4])
def test_domain_size_must_be_a_power_of_two(n: int) -> None:
    with pytest.raises(ValueError, match=f"power of two, got {n}"):
        Domain(F97, n)


def test_domain_too_large_for_the_two_adicity_names_n() -> None:
    with pytest.raises(ValueError, match=r"domain size 64 = 2\^6 .*2-adicity is 5"):
        Domain(F97, 64)
    with pytest.raises(ValueError, match=r"domain size 4294967296 = 2\^32"):
        Domain(BABYBEAR, 2**32)
    Domain(F97, 32)  # the largest that exists


@pytest.mark.parametrize("bad", [4.0, "4", True])
def test_domain_size_must_be_an_int(bad: object) -> None:
    with pytest.raises(TypeError, match=repr(bad)):
        Domain(F97, bad)  # type: ignore[arg-type]


def test_domains_need_a_prime_field() -> None:
    E = QuadraticExtension(F97, 5)
    with pytest.raises(TypeError, match=r"prime field, got QuadraticExtension\(PrimeField\(97\), 5\)"):
        Domain(E, 4)  # type: ignore[arg-type]


def test_coset_offset_must_be_nonzero() -> None:
    with pytest.raises(ValueError, match="offset must be nonzero, got 97"):
        Domain(F97, 4, offset=97)


# Evaluation form ----------------------------------------------------------------------------------


def test_evaluation_form_round_trip_on_subgroup_and_coset() -> None:
    f = Polynomial(F97, [5, 0, 3, 1])
    for D in (Domain(F97, 4), Domain(F97, 8, offset=3)):
        e = evaluate_on_domain(f, D)
        assert [int(v) for v in e] == [int(f(x)) for x in D]
        assert e.to_polynomial() == f


def test_evaluation_form_arithmetic_is_pointwise_and_matches_coefficient_form() -> None:
    D = Domain(F97, 8)
    f, g = Polynomial(F97, [1, 2, 3]), Polynomial(F97, [4, 0, 0, 5])
    ef, eg = evaluate_on_domain(f, D), evaluate_on_domain(g, D)
    assert (ef + eg).to_polynomial() == f + g
    assert (ef - eg).to_polynomial() == f - g
    assert (ef * eg).to_polynomial() == f * g  # degree 5 < 8, so the product fits
    assert (3 * ef).to_polynomial() == 3 * f and (ef + 1).to_polynomial() == f + 1
    assert (1 - ef).to_polynomial() == 1 - f and (-ef).to_polynomial() == -f


def test_mixing_domains_raises_value_error_naming_both() -> None:
    a = PolynomialEvals(Domain(F97, 4), [1, 2, 3, 4])
    b = PolynomialEvals(Domain(F97, 4, offset=5), [1, 2, 3, 4])
    with pytest.raises(ValueError, match=r"Domain\(size=4, p=97\) and Domain\(size=4, offset=5, p=97\)"):
        a + b
    with pytest.raises(ValueError, match="different domains"):
        a * PolynomialEvals(Domain(F97, 2), [1, 2])


def test_mixing_forms_raises_type_error() -> None:
    a = PolynomialEvals(Domain(F97, 4), [1, 2, 3, 4])
    with pytest.raises(TypeError, match="evaluation form with coefficient form"):
        a + Polynomial(F97, [1])
    with pytest.raises(TypeError, match="evaluation form with coefficient form"):
        Polynomial(F97, [1]) * a
    with pytest.raises(TypeError):
        a + 1.5  # type: ignore[operator]


def test_evaluation_form_validates_its_inputs() -> None:
    with pytest.raises(ValueError, match="has 4 points, got 3 values"):
        PolynomialEvals(Domain(F97, 4), [1, 2, 3])
    with pytest.raises(TypeError, match="needs a Domain, got 4"):
        PolynomialEvals(4, [1, 2, 3, 4])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="degree 4 does not fit a domain of size 4"):
        evaluate_on_domain(Polynomial(F97, [1, 0, 0, 0, 1]), Domain(F97, 4))
    with pytest.raises(TypeError, match="mod 17 cannot be evaluated on Domain"):
        evaluate_on_domain(Polynomial(F17, [1]), Domain(F97, 4))
    with pytest.raises(TypeError, match="expected a Polynomial"):
        evaluate_on_domain([1, 2], Domain(F97, 4))  # type: ignore[arg-type]


@settings(max_examples=50)
@given(
    st.sampled_from([F97, GOLDILOCKS]),
    st.integers(0, 4),
    st.sampled_from([1, 3, 7]),
    st.data(),
)
def test_barycentric_agrees_with_horner_everywhere(field, log_n: int, offset: int, data: st.DataObject) -> None:
    n = 2**log_n
    D = Domain(field, n, offset)
    f = Polynomial(field, data.draw(st.lists(st.integers(0, field.modulus - 1), max_size=n)))
    e = evaluate_on_domain(f, D)
    x = data.draw(st.integers(0, field.modulus - 1))
    assert e(x) == f(x)
    i = data.draw(st.integers(0, n - 1))
    assert e(D[i]) == f(D[i])  # a point inside the domain: the stored value


# Lagrange interpolation ---------------------------------------------------------------------------


@settings(max_examples=50)
@given(st.sampled_from([F97, GOLDILOCKS]), st.data())
def test_interpolation_round_trip(field, data: st.DataObject) -> None:
    xs = data.draw(st.lists(st.integers(0, min(field.modulus, 10**6) - 1), max_size=7, unique=True))
    ys = data.draw(st.lists(st.integers(0, field.modulus - 1), min_size=len(xs), max_size=len(xs)))
    f = interpolate_lagrange(field, xs, ys)
    assert f.degree < max(1, len(xs))
    assert [int(f(x)) for x in xs] == ys


@settings(max_examples=40)
@given(st.lists(st.integers(0, 96), min_size=1, max_size=8))
def test_interpolating_a_polynomial_at_enough_points_recovers_it(coeffs: list[int]) -> None:
    f = Polynomial(F97, coeffs)
    xs = list(range(10, 10 + len(coeffs)))
    assert interpolate_lagrange(F97, xs, [f(x) for x in xs]) == f


def test_interpolation_through_the_roots_of_unity_is_the_inverse_ntt() -> None:
    D = Domain(F97, 8)
    ys = [3, 1, 4, 1, 5, 9, 2, 6]
    assert interpolate_lagrange(F97, list(D), ys) == PolynomialEvals(D, ys).to_polynomial()


def test_lagrange_basis_is_one_at_its_point_and_zero_elsewhere() -> None:
    xs = [2, 3, 5, 7]
    for i in range(len(xs)):
        L = lagrange_basis(F97, xs, i)
        assert [int(L(x)) for x in xs] == [int(j == i) for j in range(len(xs))]
    assert sum((lagrange_basis(F97, xs, i) for i in range(4)), Polynomial(F97)) == Polynomial(F97, [1])


def test_interpolation_rejects_duplicate_x_naming_it() -> None:
    with pytest.raises(ValueError, match="x = 3 appears twice"):
        interpolate_lagrange(F97, [1, 3, 100], [1, 2, 3])  # 100 = 3 mod 97
    with pytest.raises(ValueError, match="x = 2 appears twice"):
        lagrange_basis(F97, [2, 2], 0)


def test_interpolation_rejects_mismatched_lengths_and_bad_index() -> None:
    with pytest.raises(ValueError, match="got 2 x values and 3 y values"):
        interpolate_lagrange(F97, [1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="basis index 3 is out of range for 3 points"):
        lagrange_basis(F97, [1, 2, 3], 3)
    assert interpolate_lagrange(F97, [], []).is_zero()
