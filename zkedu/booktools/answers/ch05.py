"""Chapter 5 exercises: an honest KZG opening, blobs for a batch, and the size of a Merkle proof.

Source: ``zkedu.poly`` (the opened polynomial), ``zkedu.blobpack`` and ``zkedu.kzg.merkle``.
"""

from __future__ import annotations

from zkedu.blobpack import blobs_needed
from zkedu.booktools.exercises import Exercise, register
from zkedu.field import BLS12_381_FR
from zkedu.kzg.merkle import compute_merkle_proof
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
