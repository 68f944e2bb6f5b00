"""zkedu.field: field axioms as properties, sympy as the oracle, and every bad-input path."""

from __future__ import annotations

import pickle
import random

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.ntheory.residue_ntheory import n_order, primitive_root

from zkedu.field import (
    BABYBEAR,
    BLS12_381_FR,
    BN254_FR,
    GOLDILOCKS,
    MERSENNE31,
    NAMED_FIELDS,
    FieldElement,
    PrimeField,
    batch_inverse,
    inverse_euclid,
    inverse_fermat,
)
from zkedu.ntheory import divisors_from_factors, euler_phi, extended_gcd, factor_int, is_prime

SMALL_PRIMES = [2, 3, 17, 97, 193, 7681]
FIELDS = [PrimeField(p) for p in SMALL_PRIMES] + list(NAMED_FIELDS.values())
EXPECTED_MODULI = {
    "BN254_FR": 21888242871839275222246405745257275088548364400416034343698204186575808495617,
    "BLS12_381_FR": 0x73EDA753299D7D483339D80809A1D80553BDA402FFFE5BFEFFFFFFFF00000001,
    "GOLDILOCKS": 2**64 - 2**32 + 1,
    "MERSENNE31": 2**31 - 1,
    "BABYBEAR": 15 * 2**27 + 1,
}
SETTINGS = settings(max_examples=60, deadline=None)


@st.composite
def field_and_elements(draw: st.DrawFn, n: int = 3) -> tuple[PrimeField, list[FieldElement]]:
    field = draw(st.sampled_from(FIELDS))
    p = field.modulus
    values = st.one_of(st.integers(0, p - 1), st.sampled_from([0, 1, p - 1, p - 2 if p > 2 else 0]))
    return field, [field(draw(values)) for _ in range(n)]


# --- named fields -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED_MODULI))
def test_named_field_moduli_and_generators_match_sympy(name: str) -> None:
    field = NAMED_FIELDS[name]
    p = EXPECTED_MODULI[name]
    assert field.modulus == p and sympy.isprime(p)
    assert field.factor_group_order() == sympy.factorint(p - 1)
    assert int(field.generator()) == primitive_root(p)


def test_two_adicities_of_named_fields() -> None:
    got = {name: f.two_adicity for name, f in NAMED_FIELDS.items()}
    assert got == {"BN254_FR": 28, "BLS12_381_FR": 32, "GOLDILOCKS": 32, "MERSENNE31": 1, "BABYBEAR": 27}


def test_bls_root_of_unity_matches_eip4844_construction() -> None:
    # consensus-specs deneb: compute_roots_of_unity uses PRIMITIVE_ROOT_OF_UNITY = 7.
    r = BLS12_381_FR.modulus
    assert BLS12_381_FR.root_of_unity(4096) == pow(7, (r - 1) // 4096, r)


def test_same_modulus_gives_the_same_interoperable_field() -> None:
    a, b = PrimeField(97)(3), PrimeField(97)(5)
    assert PrimeField(97) is PrimeField(97) and a + b == 8
    assert PrimeField(GOLDILOCKS.modulus) is GOLDILOCKS
    assert pickle.loads(pickle.dumps(a)) == a and pickle.loads(pickle.dumps(GOLDILOCKS)) is GOLDILOCKS


# --- axioms and identities as properties ------------------------------------------------------


@SETTINGS
@given(field_and_elements())
def test_field_axioms(fe: tuple[PrimeField, list[FieldElement]]) -> None:
    F, (a, b, c) = fe
    assert a + b == b + a and a * b == b * a
    assert (a + b) + c == a + (b + c) and (a * b) * c == a * (b * c)
    assert a * (b + c) == a * b + a * c
    assert a + F.zero == a and a * F.one == a and a + (-a) == 0 and a - b == a + (-b)
    if a:
        assert a * a.inverse() == 1


@SETTINGS
@given(field_and_elements())
def test_division_undoes_multiplication(fe: tuple[PrimeField, list[FieldElement]]) -> None:
    _, (a, b, _) = fe
    if b:
        assert a == (a / b) * b


@SETTINGS
@given(field_and_elements(), st.integers(-300, 300), st.integers(-300, 300))
def test_pow_laws_with_negative_exponents(fe: tuple[PrimeField, list[FieldElement]], m: int, n: int) -> None:
    _, (a, _, _) = fe
    if not a:
        assert a**0 == 1 and (a**abs(m) == 0 or m == 0)
        return
    assert a ** (m + n) == a**m * a**n
    assert a**-n == (a**n).inverse() == 1 / a**n
    assert a ** (m * n) == (a**m) ** n


@SETTINGS
@given(field_and_elements(), st.integers(-(2**300), 2**300))
def test_ints_on_either_side(fe: tuple[PrimeField, list[FieldElement]], n: int) -> None:
    F, (a, _, _) = fe
    assert n + a == a + n == F(n) + a
    assert n - a == F(n) - a and a - n == a - F(n)
    assert n * a == a * n == F(n) * a
    assert a == F(int(a)) and a == int(a) and hash(a) == hash(int(a))
    if a:
        assert n / a == F(n) * a.inverse()


@SETTINGS
@given(field_and_elements())
def test_inverse_fermat_equals_inverse_euclid_and_sympy(fe: tuple[PrimeField, list[FieldElement]]) -> None:
    F, (a, _, _) = fe
    if not a:
        return
    p = F.modulus
    assert inverse_fermat(a) == inverse_euclid(a) == a.inverse()
    assert inverse_fermat(int(a), p) == inverse_euclid(int(a), p) == sympy.mod_inverse(int(a), p)


@SETTINGS
@given(field_and_elements())
def test_square_roots_agree_with_euler_criterion(fe: tuple[PrimeField, list[FieldElement]]) -> None:
    F, (a, _, _) = fe
    assert (a * a).is_square()
    if a.is_square():
        assert a.sqrt() ** 2 == a
    r = (a * a).sqrt()
    assert r * r == a * a and int(r) <= F.modulus - int(r)
    if F.modulus < 10**6:
        assert a.is_square() == (int(a) == 0 or sympy.is_quad_residue(int(a), F.modulus))


@pytest.mark.parametrize("p", [17, 97, 193, 7681])
def test_element_orders_and_generators_match_sympy(p: int) -> None:
    F = PrimeField(p)
    counts: dict[int, int] = {}
    for a in range(1, p):
        order = F(a).multiplicative_order()
        assert order == n_order(a, p)
        assert F(a).is_generator() == (order == p - 1)
        counts[order] = counts.get(order, 0) + 1
    # Cyclic group: exactly phi(d) elements of each order d dividing p - 1.
    assert counts == {d: euler_phi(d) for d in F.subgroup_orders()}
    assert F.subgroup_orders() == sympy.divisors(p - 1)


@pytest.mark.parametrize("field", FIELDS, ids=repr)
def test_root_of_unity_has_order_exactly_n(field: PrimeField) -> None:
    for n in [*divisors_from_factors(field.factor_group_order())[:12], 2**field.two_adicity]:
        w = field.root_of_unity(n)
        assert w**n == 1
        assert all(w ** (n // q) != 1 for q in sympy.primefactors(n))
    roots = PrimeField(17).roots_of_unity(8)
    assert len(set(roots)) == 8 and all(r**8 == 1 for r in roots)


# --- number theory helpers vs sympy -----------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.integers(-10, 10**7))
def test_is_prime_matches_sympy(n: int) -> None:
    assert is_prime(n) == sympy.isprime(n)


@pytest.mark.parametrize(
    "n", [2**61 - 1, 2**89 - 1, 2**127 - 1, (2**61 - 1) * (2**31 - 1), 3215031751, 3825123056546413051,
          318665857834031151167461, 3317044064679887385961981, 2**255 - 19, (2**89 - 1) * (2**127 - 1)],
)
def test_is_prime_on_large_and_strong_pseudoprime_inputs(n: int) -> None:
    assert is_prime(n) == sympy.isprime(n)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 10**12))
def test_factor_int_matches_sympy(n: int) -> None:
    assert factor_int(n) == sympy.factorint(n)


@settings(max_examples=100, deadline=None)
@given(st.integers(-(10**30), 10**30), st.integers(-(10**30), 10**30))
def test_extended_gcd_bezout(a: int, b: int) -> None:
    g, x, y = extended_gcd(a, b)
    assert g == sympy.gcd(a, b) and a * x + b * y == g


def test_misc_accessors() -> None:
    F = PrimeField(17)
    assert F.order == F.modulus == 17 and F.bits == 5 and F.name == "F_17" and GOLDILOCKS.name == "GOLDILOCKS"
    assert repr(F(3)) == "PrimeField(17)(3)" and str(F(3)) == "3" and repr(MERSENNE31(5)) == "MERSENNE31(5)"
    assert F(3) in F and F(3) not in PrimeField(97) and 3 not in F
    assert [int(x) for x in F.elements()] == list(range(17))
    assert F(np.int64(20)) == 3 and F(3) + np.uint32(1) == 4
    assert F.random(random.Random(1)) == F.random(random.Random(1))
    assert PrimeField(2).generator() == 1 and PrimeField(2)(1).inverse() == 1
    assert not F.zero and F.one and +F(3) == 3 and F(3) != "3"
    assert F(0).is_zero() and F(0).sqrt() == 0 and PrimeField(2)(1).sqrt() == 1
    assert BN254_FR(-1) == BN254_FR.modulus - 1 and BABYBEAR(1) != MERSENNE31(1)


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("p", [0, 1, 4, 91, 561, 2**64 + 1, -7, 3825123056546413051])
def test_non_prime_modulus_is_a_value_error_naming_it(p: int) -> None:
    with pytest.raises(ValueError, match=f"prime, got {p}"):
        PrimeField(p)


@pytest.mark.parametrize("p", [17.0, "17", True, None])
def test_non_int_modulus_is_a_type_error_naming_it(p: object) -> None:
    with pytest.raises(TypeError, match=repr(p).replace("(", r"\(")):
        PrimeField(p)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [1.5, 3.0, "3", True, None, b"\x03", [3]])
def test_non_int_element_input_is_a_type_error_naming_it(value: object) -> None:
    with pytest.raises(TypeError) as info:
        PrimeField(17)(value)
    assert repr(value) in str(info.value)


def test_zero_has_no_inverse() -> None:
    F = PrimeField(17)
    for action in (F(0).inverse, lambda: F(3) / 0, lambda: 1 / F(0), lambda: F(0) ** -1, lambda: F(5) / F(17),
                   lambda: inverse_fermat(F(0)), lambda: inverse_euclid(34, 17), lambda: inverse_fermat(0, 17)):
        with pytest.raises(ZeroDivisionError, match="zero has no inverse"):
            action()


def test_mixing_fields_is_a_type_error_naming_both() -> None:
    a, b = PrimeField(17)(3), PrimeField(97)(3)
    actions = (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b, lambda: b - a, lambda: PrimeField(17)(b))
    for action in actions:
        with pytest.raises(TypeError, match=r"PrimeField\(97\)\(3\)"):
            action()
    assert a != b


def test_unsupported_operands_are_type_errors() -> None:
    a = PrimeField(17)(3)
    for action in (lambda: a + 1.5, lambda: a * "x", lambda: a ** 0.5, lambda: 1.5 / a, lambda: a ** a):
        with pytest.raises(TypeError, match="FieldElement"):
            action()


def test_elements_and_fields_are_immutable() -> None:
    a = PrimeField(17)(3)
    with pytest.raises(AttributeError, match="'_value'"):
        a._value = 4  # type: ignore[misc]
    with pytest.raises(AttributeError, match="'value'"):
        a.value = 4  # type: ignore[misc]
    with pytest.raises(AttributeError, match="'modulus'"):
        PrimeField(17).modulus = 19  # type: ignore[misc]
    assert a == 3


def test_bad_arguments_to_field_methods() -> None:
    F = PrimeField(17)
    with pytest.raises(ValueError, match="does not divide p - 1"):
        F.root_of_unity(3)
    with pytest.raises(ValueError, match="must be >= 1, got 0"):
        F.root_of_unity(0)
    with pytest.raises(TypeError, match=r"2\.0"):
        F.root_of_unity(2.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"PrimeField\(17\)\(3\) is not a square"):
        F(3).sqrt()
    with pytest.raises(ValueError, match=r"zero has no multiplicative order, got PrimeField\(17\)\(0\)"):
        F(0).multiplicative_order()
    with pytest.raises(TypeError, match="42"):
        F.random(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=str(GOLDILOCKS.modulus)):
        GOLDILOCKS.elements()
    with pytest.raises(TypeError, match="needs the modulus"):
        inverse_euclid(3)
    with pytest.raises(TypeError, match="'3'"):
        inverse_fermat("3", 17)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="modulus 97 does not match"):
        inverse_euclid(F(3), 97)
    with pytest.raises(ValueError, match="got 0"):
        factor_int(0)
    with pytest.raises(ValueError, match="got -1"):
        euler_phi(-1)
    with pytest.raises(TypeError, match=r"2\.5"):
        is_prime(2.5)  # type: ignore[arg-type]


@settings(max_examples=50)
@given(st.sampled_from(FIELDS), st.data())
def test_batch_inverse_on_ints_equals_inverse_of_each_element(F: PrimeField, data: st.DataObject) -> None:
    values = data.draw(st.lists(st.integers(1, F.modulus - 1), max_size=8))
    as_elements = batch_inverse([F(v) for v in values])
    assert as_elements == [F(v).inverse() for v in values]
    assert batch_inverse(values, F.modulus) == [int(e) for e in as_elements]


def test_batch_inverse_rejects_zero_mixed_fields_and_wrong_types() -> None:
    F = PrimeField(17)
    assert batch_inverse([]) == [] and batch_inverse([], 17) == []
    with pytest.raises(ZeroDivisionError, match="element 1 is 17"):
        batch_inverse([3, 17], 17)
    with pytest.raises(TypeError, match="one field: index 1"):
        batch_inverse([F(1), PrimeField(97)(1)])
    with pytest.raises(TypeError, match="takes ints, got str at index 0"):
        batch_inverse(["1"], 17)  # type: ignore[list-item]
