"""Chapter 2 exercises: an inverse, the generators of a group, and a norm in a quadratic extension.

Source: ``zkedu.field`` and ``zkedu.field_ext``, the types the chapter teaches.
"""

from __future__ import annotations

from zkedu.booktools.exercises import Exercise, register
from zkedu.field import PrimeField
from zkedu.field_ext import QuadraticExtension


def compute_generator_count(p: int) -> int:
    """How many elements generate the multiplicative group of F_p."""
    field = PrimeField(p)
    return sum(field(a).is_generator() for a in range(1, p))


register(Exercise(
    "ch02-inverse-of-7",
    how_to_answer="an integer between 0 and 16",
    hint="find x with 7·x = 1 + 17·k for some k; try k = 1, 2, 3, ...",
    expected=lambda: int(PrimeField(17)(7).inverse()),
    targeted_hint=lambda a: "reduce your answer modulo 17 first." if not 0 <= a < 17 else None,
))

register(Exercise(
    "ch02-generators-f97",
    how_to_answer="an integer count",
    hint="generators are the elements of order p - 1 = 96; how many elements of order d does a cyclic group have?",
    expected=lambda: compute_generator_count(97),
))

register(Exercise(
    "ch02-norm",
    how_to_answer="an integer reduced mod 7",
    hint="the norm of a + bu is a² - r·b², here with r = -1, reduced mod 7.",
    expected=lambda: int(QuadraticExtension(PrimeField(7), -1)(2, 3).norm()),
    targeted_hint=lambda a: "reduce your answer modulo 7." if not 0 <= a < 7 else None,
))
