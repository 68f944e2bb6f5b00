"""zkedu.field_ext: F_{p^2} axioms, sympy polynomial arithmetic as the oracle, norm/conjugate laws, bad input."""

from __future__ import annotations

import pickle
import random

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.field import BABYBEAR, GOLDILOCKS, MERSENNE31, PrimeField
from zkedu.field_ext import ExtElement, QuadraticExtension

EXTENSIONS = [
    QuadraticExtension(PrimeField(7), -1),
    QuadraticExtension(PrimeField(17), 3),
    QuadraticExtension(PrimeField(97), 5),
    QuadraticExtension(MERSENNE31, -1),
    QuadraticExtension(GOLDILOCKS, 7),
    QuadraticExtension(BABYBEAR, 11),
]
SETTINGS = settings(max_examples=60, deadline=None)


@st.composite
def ext_and_elements(draw: st.DrawFn) -> tuple[QuadraticExtension, list[ExtElement]]:
    E = draw(st.sampled_from(EXTENSIONS))
    p = E.modulus
    coeff = st.one_of(st.integers(0, p - 1), st.sampled_from([0, 1, p - 1]))
    return E, [E(draw(coeff), draw(coeff)) for _ in range(3)]


def sympy_mul(E: QuadraticExtension, x: ExtElement, y: ExtElement) -> tuple[int, int]:
    u = sympy.Symbol("u")
    modulus = sympy.Poly(u**2 - int(E.non_residue), u, modulus=E.modulus)
    px = sympy.Poly(int(x.coeffs[1]) * u + int(x.coeffs[0]), u, modulus=E.modulus)
    py = sympy.Poly(int(y.coeffs[1]) * u + int(y.coeffs[0]), u, modulus=E.modulus)
    rem = (px * py).rem(modulus)
    coeffs = [int(c) % E.modulus for c in reversed(rem.all_coeffs())] + [0, 0]
    return coeffs[0], coeffs[1]


def test_non_residues_are_non_squares_per_sympy() -> None:
    for E in EXTENSIONS:
        assert not sympy.is_quad_residue(int(E.non_residue), E.modulus)


@SETTINGS
@given(ext_and_elements())
def test_extension_axioms_and_sympy_product(ee: tuple[QuadraticExtension, list[ExtElement]]) -> None:
    E, (a, b, c) = ee
    assert a + b == b + a and a * b == b * a and (a * b) * c == a * (b * c)
    assert a * (b + c) == a * b + a * c and a - a == E.zero and a + (-a) == 0
    assert tuple(int(x) for x in (a * b).coeffs) == sympy_mul(E, a, b)
    if b:
        assert a == (a / b) * b and b * b.inverse() == E.one
        assert b**-3 == 1 / (b * b * b)


@SETTINGS
@given(ext_and_elements())
def test_norm_and_conjugate(ee: tuple[QuadraticExtension, list[ExtElement]]) -> None:
    E, (a, b, _) = ee
    assert (a * b).norm() == a.norm() * b.norm()
    assert a * a.conjugate() == a.norm()
    assert (a * b).conjugate() == a.conjugate() * b.conjugate()
    if E.modulus < 2**32:
        assert a.frobenius() == a**E.modulus


@SETTINGS
@given(ext_and_elements(), st.integers(-(2**70), 2**70))
def test_mixing_with_base_elements_and_ints(ee: tuple[QuadraticExtension, list[ExtElement]], n: int) -> None:
    E, (a, _, _) = ee
    F = E.base
    assert n + a == a + F(n) == a + E(n) and n - a == E(n) - a and a - n == a - E(n)
    assert n * a == F(n) * a == a * E(n)
    assert E(n) == n and E(n) == F(n) and hash(E(n)) == hash(F(n))


def test_small_extension_group_is_cyclic_of_order_p_squared_minus_one() -> None:
    E = QuadraticExtension(PrimeField(7), -1)
    g = E.generator()
    powers = {g**k for k in range(48)}
    assert len(powers) == 48 and g.multiplicative_order() == 48
    assert all(E.root_of_unity(n) ** n == 1 and E.root_of_unity(n).multiplicative_order() == n for n in (1, 8, 16))


def test_mersenne31_extension_has_the_2_to_31_circle_group() -> None:
    E = QuadraticExtension(MERSENNE31, -1)
    p = MERSENNE31.modulus
    assert MERSENNE31.two_adicity == 1 and E.factor_group_order()[2] == 32
    # x -> x^(p-1) lands in the norm-1 "circle" a^2 + b^2 = 1, a cyclic group of order p + 1 = 2^31.
    c = E.generator() ** (p - 1)
    a, b = c.coeffs
    assert c.norm() == 1 and a * a + b * b == 1
    assert c.multiplicative_order() == p + 1 == 2**31
    w = E.root_of_unity(2**32)
    assert w ** (2**31) == -1


def test_caching_pickling_and_repr() -> None:
    E = QuadraticExtension(PrimeField(17), 3)
    assert QuadraticExtension(PrimeField(17), 20) is E and E.order == 289
    x = E(2, 5)
    assert pickle.loads(pickle.dumps(x)) == x and E(x) is x
    assert repr(x) == "QuadraticExtension(PrimeField(17), 3)(2 + 5·u)"
    assert E.u * E.u == 3 and E.random(random.Random(5)) == E.random(random.Random(5))
    assert x != "x" and x != QuadraticExtension(PrimeField(97), 5)(2, 5)


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(("p", "r"), [(17, 4), (17, 0), (17, 2), (7, 2), (97, 4)])
def test_square_non_residue_is_a_value_error_naming_it(p: int, r: int) -> None:
    with pytest.raises(ValueError, match=f"not be a square in PrimeField\\({p}\\), got {r}"):
        QuadraticExtension(PrimeField(p), r)


def test_bad_types_and_zero_inverse() -> None:
    with pytest.raises(TypeError, match="got int: 17"):
        QuadraticExtension(17, 3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"1\.5"):
        QuadraticExtension(PrimeField(17), 3)(1.5)
    E, other = QuadraticExtension(PrimeField(17), 3), QuadraticExtension(PrimeField(17), 5)
    with pytest.raises(ZeroDivisionError, match=r"zero has no inverse.*\(0 \+ 0·u\)"):
        E.zero.inverse()
    with pytest.raises(ZeroDivisionError):
        E(1, 2) / 0
    with pytest.raises(TypeError, match=r"different fields.*\(1 \+ 1·u\)"):
        E(1, 1) + other(1, 1)
    with pytest.raises(TypeError, match=r"PrimeField\(97\)\(3\)"):
        E(1, 1) * PrimeField(97)(3)
    with pytest.raises(TypeError, match="into"):
        E(other(1, 1))
    with pytest.raises(TypeError, match="b must be 0"):
        E(E.one, 1)
    with pytest.raises(ValueError, match="no primitive 5-th root"):
        E.root_of_unity(5)
    with pytest.raises(TypeError, match="'8'"):
        E.root_of_unity("8")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="zero has no multiplicative order"):
        E.zero.multiplicative_order()
    with pytest.raises(TypeError, match="None"):
        E.random(None)  # type: ignore[arg-type]
    with pytest.raises(AttributeError, match="'_a'"):
        E.one._a = 3  # type: ignore[misc]
    with pytest.raises(TypeError, match="ExtElement"):
        E.one + 0.5
