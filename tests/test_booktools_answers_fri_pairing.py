"""The exercises on roots of unity, FRI folding, the pairing's discrete log and a forged opening.

Each worked solution is accepted, wrong answers get a hint that does not give the answer away.
"""

from __future__ import annotations

import pytest

from zkedu.booktools.answers.ch04 import compute_pairing_exercise_point
from zkedu.booktools.exercises import compute_verdict
from zkedu.curves import toy_pairing as tp
from zkedu.field import PrimeField
from zkedu.poly import Polynomial

F97 = PrimeField(97)


def test_every_primitive_32nd_root_is_accepted_and_nothing_else() -> None:
    accepted = {a for a in range(1, 97) if compute_verdict("ch02-root-of-unity", a)[0]}
    assert accepted == {int(F97(28) ** j) for j in range(1, 32, 2)}
    assert len(accepted) == 16  # phi(32)
    ok, message = compute_verdict("ch02-root-of-unity", 22)  # order 16
    assert not ok and "divides 16" in message


def test_the_two_folds_are_checked_against_the_protocol() -> None:
    assert compute_verdict("ch03-fri-fold", [10, 45])[0]
    for wrong, hint in (([10, 45, 0], "2 coefficients"), ([107, 239], "reduced modulo 97"), ([45, 10], "Hint")):
        ok, message = compute_verdict("ch03-fri-fold", wrong)
        assert not ok and hint in message and "10, 45" not in message


def test_the_pairing_discrete_log_is_solved_the_way_the_solution_says() -> None:
    q = compute_pairing_exercise_point()
    g, t = tp.toy_pairing(tp.G, tp.G), tp.toy_pairing(tp.G, q)
    k = next(j for j in range(tp.R_TOY) if g**j == t)
    assert compute_verdict("ch04-pairing-dlog", k)[0]
    assert compute_verdict("ch04-pairing-dlog", k + tp.R_TOY)[0]
    assert not any(compute_verdict("ch04-pairing-dlog", j)[0] for j in range(tp.R_TOY) if j != k)


@pytest.mark.parametrize("h", [[1], [0, 1], [3, 0, 0, 0, 0, 0, 1]])
def test_any_multiple_of_x_minus_z_added_to_p_is_a_forgery(h: list[int]) -> None:
    p = Polynomial(F97, [3, 1, 4, 1, 5, 9, 2, 6])
    q = p + Polynomial(F97, [-5, 1]) * Polynomial(F97, h)
    assert compute_verdict("ch05-forge-opening", [int(c) for c in q.coeffs])[0]


def test_p_itself_a_wrong_value_or_a_long_list_is_refused_with_the_reason() -> None:
    for wrong, reason in (([3, 1, 4, 1, 5, 9, 2, 6], "p itself"), ([1], "q(5) is 1"),
                          ([0] * 9, "at most 8 coefficients"), ([1.5], "list of integers")):
        ok, message = compute_verdict("ch05-forge-opening", wrong)
        assert not ok and reason in message
