"""The batched-affine Pippenger fast path against the Jacobian ``msm_pippenger`` and the per-point loop."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves import BLS12_381, BN254, Curve
from zkedu.curves.g1_fast import JAC_INF, jac_eq, jac_to_affine
from zkedu.curves.msm import _choose_window_batch_affine, _msm_pippenger_batch_affine, msm_pippenger
from zkedu.field import batch_inverse, batch_inverse_ints

CURVES = [pytest.param(BN254, id="BN254"), pytest.param(BLS12_381, id="BLS12-381")]


def small_multiples(C: Curve, n: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [C.to_affine(C.mul(C.G1, rng.randrange(1, 2**32))) for _ in range(n)]


@pytest.mark.parametrize("C", CURVES)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_batch_affine_msm_equals_jacobian_pippenger(C: Curve, data: st.DataObject) -> None:
    n = data.draw(st.integers(0, 10), label="n")
    base = small_multiples(C, 4, seed=n)
    # Points drawn from a pool of four (and their negatives, and infinity): repeats and cancellations in buckets.
    pool = base + [(x, (-y) % C.p) for x, y in base] + [None]
    points = data.draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n), label="points")
    scalars = data.draw(st.lists(st.one_of(st.just(0), st.integers(1, 8), st.integers(0, C.r - 1)),
                                 min_size=n, max_size=n), label="scalars")
    window = data.draw(st.one_of(st.none(), st.integers(1, 6)), label="window")
    fast = _msm_pippenger_batch_affine(points, scalars, C.p, window)
    assert jac_eq(fast, msm_pippenger(points, scalars, C.p), C.p)


@pytest.mark.parametrize("C", CURVES)
def test_batch_affine_edge_cases(C: Curve) -> None:
    P = small_multiples(C, 2, seed=7)
    neg0 = (P[0][0], (-P[0][1]) % C.p)
    assert _msm_pippenger_batch_affine([], [], C.p) == JAC_INF
    assert _msm_pippenger_batch_affine(P, [0, 0], C.p) == JAC_INF
    assert _msm_pippenger_batch_affine([None, None], [3, 4], C.p) == JAC_INF
    assert _msm_pippenger_batch_affine([P[0], neg0], [5, 5], C.p)[2] == 0  # cancellation in a bucket
    doubled = _msm_pippenger_batch_affine([P[0], P[0], P[0]], [3, 3, 3], C.p)  # same point: tangent additions
    assert jac_to_affine(doubled, C.p) == C.to_affine(C.mul(C.from_affine(*P[0]), 9))
    with pytest.raises(ValueError, match="2 points and 1 scalars"):
        _msm_pippenger_batch_affine(P, [1], C.p)


@pytest.mark.parametrize("C", CURVES)
def test_public_msm_rejects_scalars_outside_the_field(C: Curve) -> None:
    points = [C.G1, C.G1]
    with pytest.raises(ValueError, match="must be in"):
        C.msm(points, [C.r, 1])
    with pytest.raises(ValueError, match="must be in"):
        C.msm(points, [-1, 1])
    assert C.eq(C.msm(points, [C.r - 1, 1]), C.Z1)


def test_batch_affine_msm_on_many_points_equals_naive() -> None:
    C = BN254
    rng = random.Random(11)
    points = [C.mul(C.G1, rng.randrange(1, 2**40)) for _ in range(40)]
    scalars = [rng.randrange(C.r) for _ in points]
    assert C.eq(C.msm(points, scalars), C.msm_naive(points, scalars))


@settings(max_examples=30)
@given(st.lists(st.integers(1, 10_006), min_size=0, max_size=20))
def test_batch_inverse_ints_matches_batch_inverse(values: list[int]) -> None:
    assert batch_inverse_ints(values, 10_007) == batch_inverse(values, 10_007)
    assert all(v * w % 10_007 == 1 for v, w in zip(values, batch_inverse_ints(values, 10_007), strict=True))


def test_batch_inverse_ints_rejects_zero() -> None:
    with pytest.raises(ZeroDivisionError, match="0 mod 17"):
        batch_inverse_ints([3, 17, 5], 17)


def test_batch_affine_window_choice_grows_with_n() -> None:
    widths = [_choose_window_batch_affine(n, 254) for n in (1, 64, 4096, 65536)]
    assert widths == sorted(widths) and widths[0] < widths[-1]


def test_fast_paths_hand_back_python_ints() -> None:
    """The GMP integers inside the fast paths never leak out: callers (and json, hashing, type checks) see ints."""
    from zkedu.curves.fixed_base import fixed_base_mul_many
    from zkedu.field import BN254_FR
    from zkedu.poly import intt_ints, ntt_ints

    P = small_multiples(BN254, 3, seed=2)
    out = _msm_pippenger_batch_affine(P, [5, 7, 2**200], BN254.p)
    assert all(type(v) is int for v in out)
    muls = fixed_base_mul_many((*P[0], 1), [0, 3, 2**250], BN254.p)
    assert muls[0] is None and all(type(v) is int for xy in muls[1:] for v in xy)
    assert all(type(v) is int for v in ntt_ints(BN254_FR, [1, 2, 3, 4]) + intt_ints(BN254_FR, [1, 2, 3, 4]))


def test_a_table_prefix_is_the_first_points_still_prepared() -> None:
    C = BN254
    points = [C.mul(C.G1, k) for k in (2, 3, 5, 7)]
    table = C.prepare_g1(points)
    assert table.prefix(2).affine == table.affine[:2] and len(table.prefix(0)) == 0
    assert C.eq(C.msm(table.prefix(3), [1, 1, 1]), C.mul(C.G1, 10))
    with pytest.raises(ValueError, match=r"prefix length must be in \[0, 4\], got 5"):
        table.prefix(5)
