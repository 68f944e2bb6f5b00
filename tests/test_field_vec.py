"""zkedu.field_vec: the numpy path against the scalar path (hypothesis, edge values), and its bad-input paths."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu import field_vec as fv
from zkedu.field import BABYBEAR, BLS12_381_FR, GOLDILOCKS, MERSENNE31, PrimeField, batch_inverse

WORD_FIELDS = [GOLDILOCKS, MERSENNE31, BABYBEAR, PrimeField(97), PrimeField(2**32 - 5)]
SETTINGS = settings(max_examples=40, deadline=None)


def edge_values(p: int) -> list[int]:
    return [v % p for v in (0, 1, 2, p - 1, p - 2, p // 2, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1,
                            2**63, 2**64 - 2**32, p - 2**32)]


@st.composite
def field_and_vectors(draw: st.DrawFn) -> tuple[PrimeField, list[int], list[int]]:
    F = draw(st.sampled_from(WORD_FIELDS))
    p = F.modulus
    value = st.one_of(st.integers(0, p - 1), st.sampled_from(edge_values(p)))
    n = draw(st.integers(0, 40))
    return F, draw(st.lists(value, min_size=n, max_size=n)), draw(st.lists(value, min_size=n, max_size=n))


@SETTINGS
@given(field_and_vectors())
def test_vectorised_ops_match_the_scalar_path(fxy: tuple[PrimeField, list[int], list[int]]) -> None:
    F, xs, ys = fxy
    a, b = fv.from_ints(F, xs), fv.from_ints(F, ys)
    assert a.dtype == np.uint64 and fv.to_ints(F, a) == xs
    assert fv.to_ints(F, fv.add(F, a, b)) == [int(F(x) + y) for x, y in zip(xs, ys, strict=True)]
    assert fv.to_ints(F, fv.sub(F, a, b)) == [int(F(x) - y) for x, y in zip(xs, ys, strict=True)]
    assert fv.to_ints(F, fv.mul(F, a, b)) == [int(F(x) * y) for x, y in zip(xs, ys, strict=True)]
    assert fv.to_ints(F, fv.neg(F, a)) == [int(-F(x)) for x in xs]
    nonzero = [x for x in xs if x] or [1]
    c = fv.from_ints(F, nonzero)
    assert fv.to_ints(F, fv.inv(F, c)) == [int(e) for e in batch_inverse([F(x) for x in nonzero])]
    assert fv.to_ints(F, fv.pow(F, c, -3)) == [int(F(x) ** -3) for x in nonzero]


def test_every_pair_of_edge_values_multiplies_exactly() -> None:
    for F in WORD_FIELDS:
        edges = edge_values(F.modulus)
        xs = [x for x in edges for _ in edges]
        ys = edges * len(edges)
        got = fv.to_ints(F, fv.mul(F, fv.from_ints(F, xs), fv.from_ints(F, ys)))
        assert got == [x * y % F.modulus for x, y in zip(xs, ys, strict=True)]
        got = fv.to_ints(F, fv.add(F, fv.from_ints(F, xs), fv.from_ints(F, ys)))
        assert got == [(x + y) % F.modulus for x, y in zip(xs, ys, strict=True)]


@SETTINGS
@given(st.sampled_from(WORD_FIELDS), st.integers(0, 2**64 - 1), st.integers(-(2**70), 2**70))
def test_pow_matches_python_pow(F: PrimeField, x: int, e: int) -> None:
    x %= F.modulus
    if x == 0 and e < 0:
        return
    got = fv.to_ints(F, fv.pow(F, fv.from_ints(F, [x]), e))
    assert got == [int(F(x) ** e)]


def test_from_ints_accepts_numpy_arrays_negatives_and_elements() -> None:
    F = GOLDILOCKS
    p = F.modulus
    assert fv.to_ints(F, fv.from_ints(F, np.array([2**64 - 1, p, 5], dtype=np.uint64))) == [2**32 - 2, 0, 5]
    assert fv.to_ints(F, fv.from_ints(F, np.array([-1, 3], dtype=np.int64))) == [p - 1, 3]
    assert fv.to_ints(MERSENNE31, fv.from_ints(MERSENNE31, np.array([2**32], dtype=np.uint64))) == [2]
    assert fv.to_ints(F, fv.from_ints(F, [F(7), -2])) == [7, p - 2]
    assert fv.to_ints(F, fv.from_ints(F, [])) == [] and fv.inv(F, fv.from_ints(F, [])).size == 0
    # ints and elements broadcast as scalars
    assert fv.to_ints(F, fv.mul(F, fv.from_ints(F, [1, 2]), 3)) == [3, 6]
    assert fv.to_ints(F, fv.add(F, fv.from_ints(F, [1, 2]), F(-1))) == [0, 1]
    assert fv.to_ints(F, fv.pow(F, fv.from_ints(F, [0, 5]), 0)) == [1, 1]


def test_inverse_of_2d_array_keeps_its_shape() -> None:
    F = BABYBEAR
    a = fv.from_ints(F, np.arange(1, 13, dtype=np.uint64)).reshape(3, 4)
    out = fv.inv(F, a)
    assert out.shape == (3, 4) and fv.to_ints(F, fv.mul(F, a, out)) == [1] * 12


# --- bad input --------------------------------------------------------------------------------


def test_non_word_sized_fields_are_rejected() -> None:
    with pytest.raises(ValueError, match=r"word-sized field.*BLS12_381_FR"):
        fv.from_ints(BLS12_381_FR, [1])
    with pytest.raises(ValueError, match=r"PrimeField\(4294967311\)"):
        fv.mul(PrimeField(4294967311), np.zeros(1, dtype=np.uint64), np.zeros(1, dtype=np.uint64))
    with pytest.raises(TypeError, match="got int: 97"):
        fv.from_ints(97, [1])  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.5, "3", True, None, PrimeField(17)(3)])
def test_from_ints_rejects_non_integers_naming_them(bad: object) -> None:
    with pytest.raises(TypeError, match=r"values\[1\].*" + str(bad).replace("(", r"\(").replace(")", r"\)")):
        fv.from_ints(GOLDILOCKS, [1, bad])  # type: ignore[list-item]


def test_from_ints_rejects_float_and_bool_arrays() -> None:
    for arr in (np.array([1.0]), np.array([True])):
        with pytest.raises(TypeError, match=str(arr.dtype)):
            fv.from_ints(MERSENNE31, arr)


def test_operands_must_be_canonical_uint64_arrays() -> None:
    F = MERSENNE31
    good = fv.from_ints(F, [1, 2])
    with pytest.raises(TypeError, match="int64"):
        fv.add(F, good, np.array([1, 2], dtype=np.int64))
    with pytest.raises(TypeError, match="list"):
        fv.mul(F, good, [1, 2])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=f"value {2**31} at index 1 is >= p"):
        fv.mul(F, good, np.array([0, 2**31], dtype=np.uint64))
    with pytest.raises(ValueError, match="not canonical"):
        fv.to_ints(F, np.array([2**31 - 1], dtype=np.uint64))
    with pytest.raises(TypeError, match="GOLDILOCKS"):
        fv.mul(F, good, GOLDILOCKS(3))
    with pytest.raises(TypeError, match=r"2\.0"):
        fv.pow(F, good, 2.0)  # type: ignore[arg-type]


def test_inverse_of_zero_names_its_index() -> None:
    F = GOLDILOCKS
    with pytest.raises(ZeroDivisionError, match=r"a\[2\] == 0"):
        fv.inv(F, fv.from_ints(F, [1, 2, 0, 4, 0]))
    with pytest.raises(ZeroDivisionError, match=r"a\[0\] == 0"):
        fv.pow(F, fv.from_ints(F, [0]), -1)
    with pytest.raises(ZeroDivisionError, match=r"element 1 is .*\(0\)"):
        batch_inverse([F(1), F(0)])
    with pytest.raises(TypeError, match="index 0"):
        batch_inverse([3])  # type: ignore[list-item]


@settings(max_examples=200)
@given(st.integers(0, GOLDILOCKS.modulus - 1), st.integers(0, GOLDILOCKS.modulus - 1))
def test_goldilocks_folding_equals_mod_and_the_array_path(a: int, b: int) -> None:
    assert fv.reduce_goldilocks(a * b) == a * b % GOLDILOCKS.modulus
    assert fv.to_ints(GOLDILOCKS, fv.mul(GOLDILOCKS, fv.from_ints(GOLDILOCKS, [a]), fv.from_ints(GOLDILOCKS, [b]))) == [
        fv.reduce_goldilocks(a * b)
    ]


@settings(max_examples=200)
@given(st.integers(0, MERSENNE31.modulus - 1), st.integers(0, MERSENNE31.modulus - 1))
def test_mersenne31_folding_equals_mod_and_the_array_path(a: int, b: int) -> None:
    assert fv.reduce_mersenne31(a * b) == a * b % MERSENNE31.modulus
    F = MERSENNE31
    assert fv.to_ints(F, fv.mul(F, fv.from_ints(F, [a]), fv.from_ints(F, [b]))) == [fv.reduce_mersenne31(a * b)]


def test_folding_rejects_out_of_range_inputs() -> None:
    with pytest.raises(ValueError, match=r"\[0, 2\^128\), got -1"):
        fv.reduce_goldilocks(-1)
    with pytest.raises(ValueError, match=r"\[0, 2\^62\)"):
        fv.reduce_mersenne31(1 << 62)
    with pytest.raises(TypeError, match="x must be an int, got float"):
        fv.reduce_mersenne31(1.0)  # type: ignore[arg-type]
