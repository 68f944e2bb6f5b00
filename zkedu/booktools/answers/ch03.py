"""Chapter 3 exercises: interpolation, the Schwartz-Zippel bound, a Reed-Solomon code's distance, two FRI folds.

Source: ``zkedu.poly`` and ``zkedu.fri``, the types and the protocol the chapter teaches.
"""

from __future__ import annotations

from zkedu.booktools.exercises import Exercise, register
from zkedu.field import MERSENNE31, PrimeField
from zkedu.fri import fold_evals
from zkedu.poly import Domain, Polynomial, ReedSolomonCode, evaluate_on_domain, interpolate_lagrange

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

FRI_POLY = (1, 2, 3, 4, 5, 6, 7, 8)  # f = 1 + 2X + ... + 8X^7 over F_97
FRI_ALPHAS = (10, 2)


def compute_twice_folded() -> list[int]:
    """The coefficients of f folded twice (α = 10, then 2), computed with zkedu.fri on f's evaluations."""
    layer = evaluate_on_domain(Polynomial(F97, FRI_POLY), Domain(F97, 16))
    for alpha in FRI_ALPHAS:
        layer = fold_evals(layer, F97(alpha))
    coeffs = [int(c) for c in layer.to_polynomial().coeffs]
    return coeffs + [0] * (2 - len(coeffs))


def hint_fri_fold(answer: list) -> str | None:
    """Point at the usual slips: the list's length, the reduction mod 97."""
    if len(answer) != 2:
        return f"f has degree 7; two folds leave degree below 2, so give 2 coefficients, not {len(answer)}."
    if any(not isinstance(c, int) or not 0 <= c < 97 for c in answer):
        return "give each coefficient as an integer reduced modulo 97."
    return None


register(Exercise(
    "ch03-fri-fold",
    how_to_answer="a list of 2 integers [c0, c1] (ascending, reduced mod 97)",
    hint="one fold maps f(X) = f_e(X²) + X·f_o(X²) to f_e(Y) + α·f_o(Y); apply it with α = 10, then again "
         "with α = 2 to the result.",
    answer_types=(list,),
    expected=compute_twice_folded,
    targeted_hint=hint_fri_fold,
    note="Degree 7 became degree 1 in two folds: each one halves the degree bound.",
))
