"""Toy curves over small primes: group axioms, counting against a brute-force count, orbits, discrete logs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves.toy import ToyCurve, discrete_log_bruteforce, is_singular

E97 = ToyCurve(97, 2, 3)


@st.composite
def curve_and_points(draw: st.DrawFn) -> tuple[ToyCurve, list]:
    p = draw(st.sampled_from([11, 13, 31, 97, 101]))
    a, b = draw(st.integers(0, p - 1)), draw(st.integers(0, p - 1))
    if is_singular(p, a, b):
        b = (b + 1) % p if not is_singular(p, a, (b + 1) % p) else (b + 2) % p
    E = ToyCurve(p, a, b)
    pts = [draw(st.sampled_from((None, *E.points))) for _ in range(3)]
    return E, pts


@settings(max_examples=60)
@given(data=curve_and_points())
def test_group_axioms(data: tuple[ToyCurve, list]) -> None:
    E, (P, Q, R) = data
    assert E.add(P, Q) == E.add(Q, P)
    assert E.add(E.add(P, Q), R) == E.add(P, E.add(Q, R))
    assert E.add(P, None) == P and E.add(P, E.neg(P)) is None
    assert E.contains(E.add(P, Q))
    assert E.mul(P, E.order) is None  # Lagrange: the order of P divides #E


@settings(max_examples=20)
@given(data=curve_and_points(), k=st.integers(-300, 300))
def test_mul_is_repeated_addition(data: tuple[ToyCurve, list], k: int) -> None:
    E, (P, _, _) = data
    R = None
    for _ in range(abs(k)):
        R = E.add(R, P if k > 0 else E.neg(P))
    assert E.mul(P, k) == R


def test_point_count_matches_brute_force_and_hasse() -> None:
    for p, a, b in ((11, 1, 6), (97, 2, 3), (101, 0, 7)):
        E = ToyCurve(p, a, b)
        brute = sum(1 for x in range(p) for y in range(p) if (y * y - x**3 - a * x - b) % p == 0) + 1
        assert E.order == brute
        assert abs(E.order - (p + 1)) <= 2 * p**0.5  # Hasse's bound
    assert ToyCurve(11, 1, 6).order == 13  # the textbook example (Washington, §2.1 / Stallings)


def test_orbit_and_discrete_log() -> None:
    P = (3, 6)
    orbit = E97.orbit(P)
    assert orbit[0] == P and orbit[-1] is None and len(orbit) == E97.point_order(P) == 5
    for k in range(5):
        assert discrete_log_bruteforce(E97, P, E97.mul(P, k)) == k
    Q = next(pt for pt in E97.points if pt not in orbit)
    with pytest.raises(ValueError, match=str(Q)):
        discrete_log_bruteforce(E97, P, Q)


def test_bad_inputs_name_the_value() -> None:
    with pytest.raises(ValueError, match="singular"):
        ToyCurve(97, 0, 0)
    with pytest.raises(ValueError, match="91"):
        ToyCurve(91, 1, 1)  # 7 · 13
    with pytest.raises(ValueError, match="10009"):
        ToyCurve(10_009, 1, 1)  # prime, but too big to list
    with pytest.raises(TypeError, match="'1'"):
        ToyCurve(97, "1", 1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"\(1, 1\) is not on"):
        E97.add((1, 1), (3, 6))
    with pytest.raises(TypeError, match=r"\[3, 6\]"):
        E97.neg([3, 6])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"2\.5"):
        E97.mul((3, 6), 2.5)  # type: ignore[arg-type]
