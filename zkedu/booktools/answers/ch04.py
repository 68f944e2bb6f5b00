"""Chapter 4 exercises: the order of a point, a discrete logarithm, and one solved through the toy pairing (MOV).

Source: ``zkedu.curves.toy`` and ``zkedu.curves.toy_pairing``, the curves the chapter computes on.
"""

from __future__ import annotations

import random

from zkedu.booktools.exercises import Exercise, register
from zkedu.curves.toy import ToyCurve, ToyPoint
from zkedu.curves.toy_pairing import CURVE, R_TOY, G

DLOG_CURVE = ToyCurve(97, -1, 1)
DLOG_BASE = (3, 5)
DLOG_SEED = 2024


def compute_hidden_point() -> ToyPoint:
    """The point Q = k·(3, 5) that chapter 4's second exercise prints, for its seeded hidden k."""
    hidden_k = random.Random(DLOG_SEED).randrange(1, 49)
    return DLOG_CURVE.mul(DLOG_BASE, hidden_k)


def is_discrete_log(answer: int) -> bool:
    """Whether answer·(3, 5) is the exercise's Q (any k congruent modulo the point's order counts)."""
    return DLOG_CURVE.mul(DLOG_BASE, answer) == compute_hidden_point()


register(Exercise(
    "ch04-point-order",
    how_to_answer="an integer n >= 1",
    hint="keep adding (3, 6) to a running total until the total is None (the point at infinity).",
    expected=lambda: ToyCurve(97, 2, 3).point_order((3, 6)),
    note="That many copies of (3, 6) add up to the point at infinity.",
))

register(Exercise(
    "ch04-discrete-log",
    how_to_answer="an integer k with k·(3, 5) = Q",
    hint="walk the orbit E.orbit((3, 5)): entry number i (from 0) is (i + 1)·P.",
    is_correct=is_discrete_log,
    targeted_hint=lambda a: f"{a}·(3, 5) is {DLOG_CURVE.mul(DLOG_BASE, a)}, not Q.",
))

PAIRING_SEED = 17


def compute_pairing_exercise_point() -> ToyPoint:
    """The point Q of chapter 4's pairing exercise: a seeded choice among the order-17 points other than G."""
    candidates = [P for P in CURVE.points if P != G and CURVE.mul(P, R_TOY) is None]
    return random.Random(PAIRING_SEED).choice(candidates)


def is_pairing_discrete_log(answer: int) -> bool:
    """Whether answer·G is the exercise's Q on y² = x³ + 3 over F_101."""
    return CURVE.mul(G, answer) == compute_pairing_exercise_point()


register(Exercise(
    "ch04-pairing-dlog",
    how_to_answer="an integer k with k·G = Q",
    hint="compute t = toy_pairing(G, Q) and g = toy_pairing(G, G); then t = g^k, so try the powers of g "
         "(there are only 17 of them).",
    is_correct=is_pairing_discrete_log,
    note="The pairing moved the curve's discrete log into F_101², where it is no harder: the MOV attack.",
))
