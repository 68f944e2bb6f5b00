"""zkedu.poly.ntt and ntt_numpy: the scalar NTT against the naive DFT, the numpy path against the scalar one."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu import field_vec
from zkedu.field import BABYBEAR, BN254_FR, GOLDILOCKS, PrimeField
from zkedu.poly import Polynomial, coset_intt, coset_ntt, dft_naive, intt, ntt
from zkedu.poly.ntt_numpy import bit_reverse_permutation, intt_numpy, ntt_numpy

F17 = PrimeField(17)
F97 = PrimeField(97)
SCALAR_FIELDS = [F17, F97, GOLDILOCKS, BABYBEAR, BN254_FR]
VECTOR_FIELDS = [GOLDILOCKS, BABYBEAR]


def ints(values) -> list[int]:
    return [int(v) for v in values]


@st.composite
def field_and_vector(draw: st.DrawFn, fields=SCALAR_FIELDS, max_log: int = 4) -> tuple:
    field = draw(st.sampled_from(fields))
    n = 2 ** draw(st.integers(0, min(max_log, 4 if field is F17 else max_log)))
    return field, draw(st.lists(st.integers(0, field.modulus - 1), min_size=n, max_size=n))


@settings(max_examples=60)
@given(field_and_vector())
def test_ntt_matches_naive_dft(fv: tuple) -> None:
    field, a = fv
    assert ints(ntt(field, a)) == ints(dft_naive(field, a))


@settings(max_examples=60)
@given(field_and_vector())
def test_intt_inverts_ntt_and_ntt_inverts_intt(fv: tuple) -> None:
    field, a = fv
    assert ints(intt(field, ntt(field, a))) == a
    assert ints(ntt(field, intt(field, a))) == a


@settings(max_examples=40)
@given(field_and_vector(fields=[F97, GOLDILOCKS]), st.integers(2, 50))
def test_ntt_evaluates_the_polynomial_on_the_roots_of_unity(fv: tuple, offset: int) -> None:
    field, a = fv
    n, f = len(a), Polynomial(field, a)
    omega = field.root_of_unity(n)
    assert ints(ntt(field, a)) == [int(f(omega**k)) for k in range(n)]
    assert ints(coset_ntt(field, a, offset)) == [int(f(offset * omega**k)) for k in range(n)]
    assert ints(coset_intt(field, coset_ntt(field, a, offset), offset)) == a


def test_halving_property_squares_of_the_domain_form_the_half_size_domain() -> None:
    omega = F97.root_of_unity(32)
    assert omega**16 == -1 and omega**32 == 1
    assert {int((omega**k) ** 2) for k in range(32)} == {int((omega**2) ** k) for k in range(16)}


@pytest.mark.parametrize("n", [3, 5, 6, 0])
def test_ntt_length_must_be_a_power_of_two(n: int) -> None:
    for transform in (ntt, intt, dft_naive):
        with pytest.raises(ValueError, match=f"power of two, got {n}"):
            transform(F97, list(range(n)))


def test_ntt_length_beyond_the_two_adicity_is_refused() -> None:
    with pytest.raises(ValueError, match="domain size 32 = 2\\^5 is too large for the field mod 17"):
        ntt(F17, [0] * 32)


def test_coset_transforms_refuse_a_zero_offset() -> None:
    with pytest.raises(ValueError, match="nonzero, got 0"):
        coset_ntt(F97, [1, 2], 0)
    with pytest.raises(ValueError, match="nonzero, got 97"):
        coset_intt(F97, [1, 2], 97)


# The numpy fast path ------------------------------------------------------------------------------


def test_bit_reverse_permutation_is_an_involution() -> None:
    for n in (1, 2, 16, 1024):
        rev = bit_reverse_permutation(n)
        assert sorted(rev.tolist()) == list(range(n))
        assert rev[rev].tolist() == list(range(n))


@settings(max_examples=40)
@given(field_and_vector(fields=VECTOR_FIELDS, max_log=6))
def test_numpy_ntt_matches_scalar_ntt_and_inverts(fv: tuple) -> None:
    field, a = fv
    arr = field_vec.from_ints(field, a)
    out = ntt_numpy(field, arr)
    assert field_vec.to_ints(field, out) == ints(ntt(field, a))
    assert field_vec.to_ints(field, intt_numpy(field, out)) == a


@pytest.mark.parametrize("field", VECTOR_FIELDS)
def test_numpy_ntt_matches_scalar_ntt_at_size_1024(field) -> None:
    rng = random.Random(3)
    a = [rng.randrange(field.modulus) for _ in range(1024)]
    out = ntt_numpy(field, field_vec.from_ints(field, a))
    assert field_vec.to_ints(field, out) == ints(ntt(field, a))
    assert field_vec.to_ints(field, intt_numpy(field, out)) == a


def test_numpy_ntt_input_must_be_a_field_vec_array() -> None:
    with pytest.raises(TypeError, match="expected a 1-D uint64 array"):
        ntt_numpy(GOLDILOCKS, [1, 2, 3, 4])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="int64"):
        ntt_numpy(GOLDILOCKS, np.arange(4, dtype=np.int64))
    with pytest.raises(ValueError, match="power of two, got 3"):
        intt_numpy(GOLDILOCKS, field_vec.from_ints(GOLDILOCKS, [1, 2, 3]))


def test_numpy_ntt_works_on_a_toy_word_sized_field_and_refuses_big_fields() -> None:
    a = [3, 1, 4, 1, 5, 9, 2, 6]
    out = ntt_numpy(F97, field_vec.from_ints(F97, a))
    assert field_vec.to_ints(F97, out) == ints(ntt(F97, a))
    with pytest.raises(ValueError, match="word-sized"):
        ntt_numpy(BN254_FR, np.zeros(4, dtype=np.uint64))
