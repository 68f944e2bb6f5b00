"""zkedu.poly.coeff: Polynomial arithmetic, checked against naive evaluation and sympy's Poly over GF(p)."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.field import GOLDILOCKS, PrimeField
from zkedu.field_ext import QuadraticExtension
from zkedu.poly import Polynomial, interpolate_lagrange

F17 = PrimeField(17)
F97 = PrimeField(97)
FIELDS = [F17, F97, GOLDILOCKS]
X = sympy.Symbol("X")


def coeff_lists(p: int, max_len: int = 8) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(0, p - 1), max_size=max_len)


@st.composite
def field_and_polys(draw: st.DrawFn, count: int = 2) -> tuple:
    field = draw(st.sampled_from(FIELDS))
    return (field, *(Polynomial(field, draw(coeff_lists(field.modulus))) for _ in range(count)))


def to_sympy(f: Polynomial) -> sympy.Poly:
    return sympy.Poly([int(c) for c in reversed(f.coeffs)] or [0], X, modulus=f.field.modulus)


def from_sympy(poly: sympy.Poly, field) -> Polynomial:
    # sympy shows GF(p) coefficients in the symmetric range and in descending order.
    return Polynomial(field, [int(c) % field.modulus for c in reversed(poly.all_coeffs())])


def ints(f: Polynomial) -> list[int]:
    return [int(c) for c in f.coeffs]


# Representation -------------------------------------------------------------------------------------


def test_coefficients_are_ascending_and_normalised() -> None:
    f = Polynomial(F97, [3, 2, 1, 0, 0])
    assert ints(f) == [3, 2, 1]
    assert f.degree == 2 and f.leading_coefficient == 1 and len(f) == 3
    assert ints(Polynomial(F17, [18, -1])) == [1, 16]


def test_zero_polynomial_has_degree_minus_one_and_zero_leading_coefficient() -> None:
    z = Polynomial(F17, [0, 0])
    assert z.is_zero() and z.degree == -1 and z.leading_coefficient == 0
    assert z == Polynomial(F17) and z.coeffs == ()
    assert repr(z) == "Polynomial(0, p=17)"


def test_repr_is_readable() -> None:
    assert repr(Polynomial(F97, [3, 2, 1])) == "Polynomial(3 + 2·X + X^2, p=97)"
    assert repr(Polynomial(F17, [0, 1, 0, 5])) == "Polynomial(X + 5·X^3, p=17)"


def test_equality_and_hash_depend_on_field_and_coefficients() -> None:
    assert Polynomial(F17, [1, 2]) == Polynomial(F17, [18, 2, 0])
    assert hash(Polynomial(F17, [1, 2])) == hash(Polynomial(F17, [18, 2]))
    assert Polynomial(F17, [1, 2]) != Polynomial(F97, [1, 2])
    assert Polynomial(F17, [1, 2]) != Polynomial(F17, [1, 3])
    assert Polynomial(F17, [1]) != 1  # a polynomial is not an int


def test_constructors() -> None:
    assert ints(Polynomial.constant(F17, 5)) == [5]
    assert ints(Polynomial.monomial(F17, 3, 2)) == [0, 0, 0, 2]
    roots = [1, 5, 9]
    f = Polynomial.from_roots(F97, roots)
    assert f.degree == 3 and f.leading_coefficient == 1
    assert all(f(r) == 0 for r in roots) and f(2) != 0


def test_accepts_field_elements_as_coefficients_and_scalars() -> None:
    f = Polynomial(F17, [F17(3), 4])
    assert ints(f * F17(2)) == [6, 8]
    assert ints(F17(1) + f) == [4, 4]
    assert ints(2 - f) == [16, 13]


# Bad input --------------------------------------------------------------------------------------------


def test_mixing_fields_raises_type_error_naming_both_moduli() -> None:
    with pytest.raises(TypeError, match=r"mod 17 and mod 97"):
        Polynomial(F17, [1]) + Polynomial(F97, [1])


@pytest.mark.parametrize("bad", [1.5, True, "3", None])
def test_non_field_coefficients_raise_type_error_naming_them(bad: object) -> None:
    with pytest.raises(TypeError, match=repr(bad).replace("(", r"\(")):
        Polynomial(F17, [1, bad])


def test_element_of_another_field_as_coefficient_raises_type_error() -> None:
    with pytest.raises(TypeError):
        Polynomial(F17, [F97(3)])


def test_unsupported_operand_types_raise_type_error() -> None:
    with pytest.raises(TypeError):
        Polynomial(F17, [1]) + 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Polynomial(F17, [1]) * "x"  # type: ignore[operator]


@pytest.mark.parametrize("bad", [-1, 2.0, True])
def test_monomial_degree_must_be_non_negative_int(bad: object) -> None:
    with pytest.raises(ValueError, match=repr(bad)):
        Polynomial.monomial(F17, bad)  # type: ignore[arg-type]


def test_negative_power_raises_value_error_naming_exponent() -> None:
    with pytest.raises(ValueError, match="-2"):
        Polynomial(F17, [1, 1]) ** -2


def test_division_by_zero_polynomial_raises_zero_division_error() -> None:
    with pytest.raises(ZeroDivisionError, match=r"Polynomial\(1 \+ X, p=17\)"):
        divmod(Polynomial(F17, [1, 1]), Polynomial(F17, [0]))
    with pytest.raises(ZeroDivisionError):
        Polynomial(F17, [1, 1]) // 0
    with pytest.raises(ZeroDivisionError):
        Polynomial(F17, [1, 1]).exact_div(Polynomial(F17))


def test_exact_div_raises_value_error_naming_the_remainder() -> None:
    f = Polynomial(F17, [1, 0, 1])  # X² + 1
    with pytest.raises(ValueError, match=r"remainder is Polynomial\(2, p=17\)"):
        f.exact_div(Polynomial(F17, [-1, 1]))  # X² + 1 = (X + 1)(X - 1) + 2


def test_exact_div_returns_the_quotient() -> None:
    f = Polynomial.from_roots(F97, [2, 3, 4])
    assert f.exact_div(Polynomial.from_roots(F97, [3])) == Polynomial.from_roots(F97, [2, 4])
    assert f.exact_div(5) * 5 == f


# Properties and oracles ---------------------------------------------------------------------------


@settings(max_examples=60)
@given(field_and_polys(), st.integers(min_value=0))
def test_horner_matches_naive_sum_of_powers(fp: tuple, x: int) -> None:
    field, f, _ = fp
    naive = sum((c * field(x) ** i for i, c in enumerate(f.coeffs)), field(0))
    assert f(x) == naive


@settings(max_examples=60)
@given(field_and_polys())
def test_add_sub_mul_match_sympy(fp: tuple) -> None:
    field, f, g = fp
    sf, sg = to_sympy(f), to_sympy(g)
    assert f + g == from_sympy(sf + sg, field)
    assert f - g == from_sympy(sf - sg, field)
    assert f * g == from_sympy(sf * sg, field)


@settings(max_examples=60)
@given(field_and_polys())
def test_divmod_matches_sympy_and_satisfies_division_identity(fp: tuple) -> None:
    field, a, b = fp
    if b.is_zero():
        return
    q, r = divmod(a, b)
    assert a == q * b + r
    assert r.degree < b.degree
    sq, sr = to_sympy(a).div(to_sympy(b))
    assert (q, r) == (from_sympy(sq, field), from_sympy(sr, field))
    assert a // b == q and a % b == r


@settings(max_examples=40)
@given(field_and_polys(), st.integers(0, 5))
def test_power_matches_repeated_multiplication(fp: tuple, e: int) -> None:
    field, f, _ = fp
    expected = Polynomial(field, [1])
    for _ in range(e):
        expected = expected * f
    assert f**e == expected


@settings(max_examples=40)
@given(field_and_polys())
def test_degree_of_product_is_sum_of_degrees(fp: tuple) -> None:
    _, f, g = fp
    if f.is_zero() or g.is_zero():
        assert (f * g).is_zero()
    else:
        assert (f * g).degree == f.degree + g.degree


@settings(max_examples=40)
@given(field_and_polys())
def test_derivative_matches_sympy(fp: tuple) -> None:
    field, f, _ = fp
    assert f.derivative() == from_sympy(to_sympy(f).diff(X), field)


def test_scale_input_is_composition_with_c_times_x() -> None:
    f = Polynomial(F97, [4, 0, 7, 1])
    g = f.scale_input(5)
    assert all(g(x) == f(5 * x) for x in range(0, 97, 11))
    assert f.scale_input(1) == f


# Over an extension field ---------------------------------------------------------------------------

E97 = QuadraticExtension(F97, 5)  # 5 is not a square mod 97


def ext_polys(max_len: int = 5) -> st.SearchStrategy[Polynomial]:
    element = st.builds(E97, st.integers(0, 96), st.integers(0, 96))
    return st.lists(element, max_size=max_len).map(lambda cs: Polynomial(E97, cs))


def test_repr_over_an_extension_field() -> None:
    assert repr(Polynomial(E97, [E97(1, 2), 3, E97(0, 1)])) == (
        "Polynomial((1 + 2·u) + 3·X + 1·u·X^2, over QuadraticExtension(PrimeField(97), 5))"
    )


@settings(max_examples=40)
@given(ext_polys(), ext_polys(), st.integers(0, 96), st.integers(0, 96))
def test_arithmetic_over_an_extension_field(f: Polynomial, g: Polynomial, a: int, b: int) -> None:
    x = E97(a, b)
    assert (f * g)(x) == f(x) * g(x) and (f - g)(x) == f(x) - g(x)
    if not g.is_zero():
        q, r = divmod(f, g)
        assert f == q * g + r and r.degree < g.degree
    xs = [E97(i, 1) for i in range(len(f))]
    assert interpolate_lagrange(E97, xs, [f(x) for x in xs]) == f
