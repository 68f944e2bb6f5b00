"""Pippenger MSM against the readable per-point loop and py_ecc; scalar validation; window choice."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves import BLS12_381, BN254, Curve, G1Table
from zkedu.curves.g1_fast import jac_to_affine
from zkedu.curves.msm import choose_window, msm_pippenger

CURVES = [pytest.param(BN254, id="BN254"), pytest.param(BLS12_381, id="BLS12-381")]


def random_points(C: Curve, n: int, seed: int) -> list:
    rng = random.Random(seed)
    return [C.mul(C.G1, rng.randrange(1, 2**64)) for _ in range(n)]


@pytest.mark.parametrize("C", CURVES)
@settings(max_examples=8)
@given(data=st.data())
def test_msm_equals_naive_loop(C: Curve, data: st.DataObject) -> None:
    n = data.draw(st.integers(0, 12), label="n")
    points = random_points(C, n, seed=n)
    scalars = data.draw(st.lists(st.integers(0, C.r - 1), min_size=n, max_size=n), label="scalars")
    assert C.eq(C.msm(points, scalars), C.msm_naive(points, scalars))


@pytest.mark.parametrize("C", CURVES)
def test_msm_edge_cases(C: Curve) -> None:
    P = random_points(C, 3, seed=1)
    assert C.is_inf(C.msm([], []))
    assert C.is_inf(C.msm(P, [0, 0, 0]))
    assert C.eq(C.msm(P, [C.r - 1, 0, 0]), C.neg(P[0]))
    assert C.eq(C.msm([P[0], C.neg(P[0])], [5, 5]), C.Z1)  # cancellation inside a bucket
    assert C.eq(C.msm([P[0], P[0]], [3, 3]), C.mul(P[0], 6))  # same point twice: bucket doubling
    assert C.eq(C.msm([C.Z1, P[1]], [7, 2]), C.mul(P[1], 2))  # infinity among the bases
    table = C.prepare_g1(P)
    assert isinstance(table, G1Table) and len(table) == 3
    scalars = [C.r - 1, 2**200 + 1, 1]
    assert C.eq(C.msm(table, scalars), C.msm_naive(P, scalars))


def test_every_window_width_gives_the_same_sum() -> None:
    C = BLS12_381
    P = random_points(C, 5, seed=2)
    rng = random.Random(3)
    scalars = [rng.randrange(C.r) for _ in P]
    affine = C.prepare_g1(P).affine
    # Small widths only: window 16 means 2^16 buckets per window (tens of seconds); bench_curves times it.
    sums = [jac_to_affine(msm_pippenger(affine, scalars, C.p, window=w), C.p) for w in (1, 2, 3, 7, 9)]
    assert sums == [C.to_affine(C.msm_naive(P, scalars))] * 5


def test_window_choice_grows_with_n() -> None:
    widths = [choose_window(n, 255) for n in (1, 16, 256, 4096, 65536)]
    assert widths == sorted(widths) and widths[0] < widths[-1]
    with pytest.raises(ValueError, match="n=0"):
        choose_window(0, 255)


@pytest.mark.parametrize("C", CURVES)
def test_msm_rejects_bad_scalars_and_points(C: Curve) -> None:
    P = random_points(C, 2, seed=4)
    with pytest.raises(ValueError, match=str(C.r)):
        C.msm(P, [1, C.r])  # scalars must be reduced: [0, r)
    with pytest.raises(ValueError, match="-1"):
        C.msm(P, [1, -1])
    with pytest.raises(TypeError, match=r"2\.0"):
        C.msm(P, [1, 2.0])
    with pytest.raises(TypeError, match="True"):
        C.msm_naive(P, [1, True])
    with pytest.raises(ValueError, match="2 points and 1 scalars"):
        C.msm(P, [1])
    with pytest.raises(ValueError, match="2 points and 3 scalars"):
        C.msm_naive(P, [1, 2, 3])
    with pytest.raises(TypeError, match=r"points\[1\]"):
        C.msm([P[0], C.G2], [1, 2])
    FQ = C.backend.FQ
    with pytest.raises(ValueError, match=r"points\[0\] is not on"):
        C.prepare_g1([(FQ(1), FQ(1), FQ(1))])
    other = BLS12_381 if C is BN254 else BN254
    with pytest.raises(ValueError, match=f"prepared for {other.name}"):
        C.msm(other.prepare_g1([other.G1]), [1])
    with pytest.raises(ValueError, match="msm needs as many scalars"):
        msm_pippenger([(1, 2)], [], C.p)
