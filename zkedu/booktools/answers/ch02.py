"""Chapter 2 exercises: an inverse, the generators of a group, a norm, and a primitive 32nd root of unity.

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


def is_primitive_32nd_root(answer: int) -> bool:
    """Whether answer, read in F_97, has multiplicative order exactly 32."""
    x = PrimeField(97)(answer)
    return x ** 32 == 1 and x ** 16 != 1


def hint_root_of_unity(answer: int) -> str | None:
    """Say what the order of the reader's element divides, when it is too small."""
    x = PrimeField(97)(answer)
    if x == 0:
        return "0 has no multiplicative order; pick a nonzero element."
    if x ** 32 != 1:
        return f"{answer}^32 is {int(x ** 32)} in F_97, not 1: its order does not divide 32."
    return f"{answer}^16 is already 1, so its order divides 16; you need an element of order exactly 32."


register(Exercise(
    "ch02-root-of-unity",
    how_to_answer="an integer between 1 and 96",
    hint="96 = 2^5 · 3. Take any generator g of F_97* and raise it to (p - 1)/32; or test candidates x with "
         "x^32 = 1 and x^16 ≠ 1.",
    is_correct=is_primitive_32nd_root,
    targeted_hint=hint_root_of_unity,
    note="Its powers are the 32 points of F_97's largest power-of-two NTT domain (2-adicity 5).",
))
