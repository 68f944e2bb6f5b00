"""zkedu.curves.toy_pairing: the pairing on y² = x³ + 3 over F_101 is bilinear, non-degenerate, lands in μ_17."""

from __future__ import annotations

import math
import random

import pytest

from zkedu.curves.toy_pairing import (
    CURVE,
    FP2,
    P_TOY,
    R_TOY,
    ZETA,
    G,
    compute_embedding_degree,
    compute_miller_steps,
    distortion_map,
    final_exponentiation,
    miller_loop,
    toy_pairing,
)
from zkedu.field import BLS12_381_FR, BN254_FR
from zkedu.ntheory import is_prime

SUBGROUP = [CURVE.mul(G, k) for k in range(R_TOY)]


def test_the_curve_numbers_hold() -> None:
    assert CURVE.order == P_TOY + 1 == 2 * 3 * 17
    assert compute_embedding_degree(P_TOY, R_TOY) == 2
    assert (P_TOY**2 - 1) % R_TOY == 0 and (P_TOY - 1) % R_TOY != 0
    assert ZETA != 1 and ZETA**3 == 1
    assert len(set(SUBGROUP)) == R_TOY


def test_bilinear_on_every_pair() -> None:
    e = toy_pairing(G, G)
    for a in range(R_TOY):
        for b in range(R_TOY):
            assert toy_pairing(SUBGROUP[a], SUBGROUP[b]) == e ** (a * b)


def test_non_degenerate_symmetric_and_in_mu_r() -> None:
    e = toy_pairing(G, G)
    assert e != 1 and e**R_TOY == 1
    rng = random.Random(17)
    for _ in range(10):
        P, Q = rng.choice(SUBGROUP[1:]), rng.choice(SUBGROUP[1:])
        assert toy_pairing(P, Q) == toy_pairing(Q, P) != 1
    assert toy_pairing(None, G) == toy_pairing(G, None) == 1


def test_final_exponentiation_removes_rth_powers_and_the_miller_value_alone_is_not_bilinear() -> None:
    f = miller_loop(G, distortion_map(G))
    c = FP2.random(random.Random(5))
    assert final_exponentiation(f * c**R_TOY) == final_exponentiation(f)
    two_g = SUBGROUP[2]
    assert miller_loop(two_g, distortion_map(G)) != f * f  # raw Miller values are only defined up to r-th powers
    assert final_exponentiation(miller_loop(two_g, distortion_map(G))) == final_exponentiation(f) ** 2


def test_miller_steps_follow_the_bits_of_r() -> None:
    steps = compute_miller_steps(G, distortion_map(G))
    assert [s.operation for s in steps] == ["start", "double", "double", "double", "double", "add"]  # 17 = 0b10001
    assert [s.T for s in steps] == [G, SUBGROUP[2], SUBGROUP[4], SUBGROUP[8], SUBGROUP[16], None]


def test_points_outside_the_subgroup_are_rejected() -> None:
    order_two = next(P for P in CURVE.points if CURVE.mul(P, 2) is None)
    with pytest.raises(ValueError, match="not in the order-17 subgroup"):
        toy_pairing(order_two, G)
    with pytest.raises(ValueError, match=r"not in the order-17 subgroup"):
        toy_pairing(G, (1, 1))
    with pytest.raises(ValueError, match="has order below r"):
        compute_miller_steps(order_two, distortion_map(G))


def test_embedding_degrees_of_the_real_curves() -> None:
    from zkedu.curves import BLS12_381, BN254

    assert compute_embedding_degree(BN254.p, BN254.r, BN254_FR.factor_group_order()) == 12
    assert compute_embedding_degree(BLS12_381.p, BLS12_381.r, BLS12_381_FR.factor_group_order()) == 12
    p = 2**256 - 2**32 - 977  # secp256k1
    n = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
    factors = {2: 6, 3: 1, 149: 1, 631: 1, 107361793816595537: 1, 174723607534414371449: 1,
               341948486974166000522343609283189: 1}
    assert math.prod(q**k for q, k in factors.items()) == n - 1 and all(is_prime(q) for q in factors)
    assert compute_embedding_degree(p, n, factors) == (n - 1) // 6
    with pytest.raises(ValueError, match="do not describe r - 1"):
        compute_embedding_degree(p, n, {2: 6, 3: 1})
