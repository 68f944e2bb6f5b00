"""Chapter 4 widget: the real chord construction and the prime-field picture compute the right things."""

from __future__ import annotations

import pytest

from zkedu.curves.toy import ToyCurve
from zkedu.widgets import ch04_curves as w


def test_real_chord_matches_exact_integer_example() -> None:
    pic = w.compute_real_sum(-1, 1, -1.0, 1, 0.0, -1)  # y² = x³ - x + 1: (-1, 1) + (0, -1) = (5, 11)
    assert pic.R == pytest.approx((5.0, 11.0)) and pic.minus_R == pytest.approx((5.0, -11.0))
    x, y = pic.R
    assert y * y == pytest.approx(x**3 - x + 1)


def test_real_tangent_and_errors() -> None:
    pic = w.compute_real_sum(-1, 1, 0.0, 1, 0.0, 1)  # doubling (0, 1): tangent slope -1/2
    assert pic.R == pytest.approx((0.25, -0.875))
    with pytest.raises(ValueError, match="x = -2"):
        w.compute_real_point(-1, 1, -2.0, 1)
    with pytest.raises(ValueError, match="mirror images"):
        w.compute_real_sum(-1, 1, 0.0, 1, 0.0, -1)
    with pytest.raises(ValueError, match="sign must be"):
        w.compute_real_point(-1, 1, 0.0, 0)


@pytest.mark.parametrize("p", w.TOY_PRIMES[::7])
@pytest.mark.parametrize("a,b", [(0, 0), (-10, 10), (3, -7)])
def test_every_reachable_setting_is_valid(p: int, a: int, b: int) -> None:
    pic = w.update(p=p, a=a, b=b, p_index=w.INDEX_RANGE[1], q_index=w.INDEX_RANGE[0])
    E = pic.curve
    assert E.contains(pic.P) and E.contains(pic.Q) and pic.S == E.add(pic.P, pic.Q)
    assert pic.orbit[-1] is None and E.order % len(pic.orbit) == 0
    assert pic.skipped_singular == (E.b != b % p)


def test_singular_curve_is_skipped_to_the_next_b() -> None:
    pic = w.update(p=97, a=0, b=0)
    assert pic.skipped_singular and pic.curve == ToyCurve(97, 0, 1)
    with pytest.raises(ValueError, match="1009"):
        w.update(p=1009)


def test_real_tangent_at_a_two_torsion_point_is_vertical() -> None:
    with pytest.raises(ValueError, match=r"\(0\.0, 0\.0\)"):
        w.compute_real_sum(-1, 0, 0.0, 1, 0.0, 1)  # y² = x³ - x: (0, 0) has order 2
