"""Chapter 5 exercises: an honest KZG opening, blobs for a batch, a Merkle proof's size, a forged opening.

Source: ``zkedu.poly`` (the opened and the forged polynomial), ``zkedu.blobpack`` and ``zkedu.merkle``.
"""

from __future__ import annotations

from zkedu.blobpack import blobs_needed
from zkedu.booktools.exercises import Exercise, register
from zkedu.field import BLS12_381_FR, PrimeField
from zkedu.merkle import compute_merkle_proof
from zkedu.poly import Polynomial


def compute_merkle_proof_bytes(leaves: int) -> int:
    """Bytes of sibling hashes in a Merkle opening of one position among ``leaves`` 32-byte leaves."""
    vector = [i.to_bytes(32, "big") for i in range(leaves)]
    return sum(len(s) for s in compute_merkle_proof(vector, 0).siblings)


register(Exercise(
    "ch05-honest-opening",
    how_to_answer="an integer y",
    hint="the only value an honest proof can open to is p(z): evaluate 1 + 2X + 3X² at X = 5.",
    expected=lambda: int(Polynomial(BLS12_381_FR, [1, 2, 3])(5)),
    note="The honest opening verifies.",
))

register(Exercise(
    "ch05-blobs-needed",
    how_to_answer="an integer number of blobs",
    hint="only 31 of every 32 bytes of a blob carry data; divide and round up.",
    expected=lambda: blobs_needed(500_000),
))

register(Exercise(
    "ch05-merkle-proof-bytes",
    how_to_answer="an integer number of bytes",
    hint="how deep is a tree with 4,096 leaves, and how many sibling hashes does a path hold?",
    expected=lambda: compute_merkle_proof_bytes(4096),
    note="Several times a 48-byte KZG proof, but with no trusted setup.",
))

FORGE_POLY = (3, 1, 4, 1, 5, 9, 2, 6)  # the honest p over F_97, coefficients ascending
FORGE_Z = 5


def is_forged_opening(answer: list) -> bool:
    """Whether answer is a different polynomial of degree < 8 over F_97 with the same value as p at z = 5."""
    F = PrimeField(97)
    if len(answer) > 8 or any(not isinstance(c, int) or isinstance(c, bool) for c in answer):
        return False
    q, p = Polynomial(F, answer), Polynomial(F, FORGE_POLY)
    return q != p and q(FORGE_Z) == p(FORGE_Z)


def hint_forged_opening(answer: list) -> str | None:
    """Say which of the three conditions the reader's polynomial misses."""
    F = PrimeField(97)
    if len(answer) > 8:
        return f"a blob here holds 8 values, so the polynomial has at most 8 coefficients, not {len(answer)}."
    if any(not isinstance(c, int) or isinstance(c, bool) for c in answer):
        return "give the coefficients as a list of integers."
    q, p = Polynomial(F, answer), Polynomial(F, FORGE_POLY)
    if q == p:
        return "that is p itself; the operator wants a different blob with the same opening."
    return f"your q(5) is {int(q(FORGE_Z))}, p(5) is {int(p(FORGE_Z))}: add a multiple of (X - 5) to p instead."


register(Exercise(
    "ch05-forge-opening",
    how_to_answer="a list of at most 8 integers (q's coefficients, ascending)",
    hint="any polynomial that vanishes at z = 5 can be added to p without changing p(5).",
    answer_types=(list,),
    is_correct=is_forged_opening,
    targeted_hint=hint_forged_opening,
    note="Knowing z in advance makes a forgery trivial, which is why z hashes both commitments.",
))
