"""zkedu.poly.ntt_ints: the int fast path equals the FieldElement NTT on BN254, BLS12-381 and a small field."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.field import BLS12_381_FR, BN254_FR, PrimeField
from zkedu.poly import (
    coset_intt,
    coset_intt_ints,
    coset_ntt,
    coset_ntt_ints,
    dft_naive,
    intt,
    intt_ints,
    ntt,
    ntt_ints,
)

FIELDS = [BN254_FR, BLS12_381_FR, PrimeField(97)]


@settings(max_examples=20)
@given(st.sampled_from(FIELDS), st.sampled_from([1, 2, 4, 8, 16, 32]), st.data())
def test_int_transforms_equal_the_element_transforms(field: PrimeField, n: int, data: st.DataObject) -> None:
    values = data.draw(st.lists(st.integers(0, field.modulus - 1), min_size=n, max_size=n))
    assert ntt_ints(field, values) == [int(v) for v in ntt(field, values)]
    assert intt_ints(field, values) == [int(v) for v in intt(field, values)]
    assert coset_ntt_ints(field, values, 5) == [int(v) for v in coset_ntt(field, values, 5)]
    assert coset_intt_ints(field, values, 5) == [int(v) for v in coset_intt(field, values, 5)]
    assert intt_ints(field, ntt_ints(field, values)) == values


def test_int_ntt_matches_the_naive_dft() -> None:
    values = list(range(1, 9))
    assert ntt_ints(BN254_FR, values) == [int(v) for v in dft_naive(BN254_FR, values)]


def test_bad_sizes_and_offsets_are_refused() -> None:
    with pytest.raises(ValueError, match="power of two"):
        ntt_ints(BN254_FR, [1, 2, 3])
    with pytest.raises(ValueError, match="nonzero"):
        coset_ntt_ints(BN254_FR, [1, 2], 0)
    with pytest.raises(ValueError, match="nonzero"):
        coset_intt_ints(BN254_FR, [1, 2], BN254_FR.modulus)
