"""Chapter 3 exercises: interpolation, the Schwartz-Zippel bound and a Reed-Solomon code's distance.

Source: ``zkedu.poly``, the types the chapter teaches.
"""

from __future__ import annotations

from zkedu.booktools.exercises import Exercise, register
from zkedu.field import MERSENNE31, PrimeField
from zkedu.poly import ReedSolomonCode, interpolate_lagrange

F97 = PrimeField(97)

register(Exercise(
    "ch03-interpolate",
    how_to_answer="an integer between 0 and 96",
    hint="the three values 2, 5, 10 are one more than 1, 4, 9: guess a degree-2 polynomial, or build P with "
         "interpolate_lagrange(F, [1, 2, 3], [2, 5, 10]).",
    expected=lambda: int(interpolate_lagrange(F97, [1, 2, 3], [2, 5, 10])(5)),
))

register(Exercise(
    "ch03-schwartz-zippel-bound",
    how_to_answer="a probability as a float, e.g. 1e-9",
    hint="the bound is (how many points two different polynomials can share) / (how many points the field has).",
    answer_types=(int, float),
    expected=lambda: 1000 / MERSENNE31.modulus,
    rel_tol=1e-3,
    targeted_hint=lambda a: "a probability lies between 0 and 1." if not 0 <= a <= 1 else None,
))

register(Exercise(
    "ch03-code-distance",
    how_to_answer="an integer number of positions",
    hint="first work out n = k·blow-up; then how many points can two different polynomials of degree 7 share?",
    expected=lambda: ReedSolomonCode(F97, 8, blowup=4).minimum_distance,
    note="Two different codewords agree on at most k - 1 positions.",
))
