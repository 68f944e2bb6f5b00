"""Chapter 6 exercises: the rows of a range check, the domain for a bigger rollup, the size of a bigger proof.

Source: ``zkedu.plonk.transfers`` (the circuit, built and counted) and ``zkedu.plonk.encoding`` (the proof).
"""

from __future__ import annotations

from zkedu.booktools.exercises import Exercise, register
from zkedu.plonk.circuit import CircuitBuilder
from zkedu.plonk.encoding import PROOF_SIZE
from zkedu.plonk.transfers import count_transfers_gates, range_check


def compute_range_check_rows() -> int:
    """Rows of one 32-bit range check by bit decomposition, counted on a built circuit."""
    cb = CircuitBuilder()
    range_check(cb, cb.variable(0))
    return len(cb.build()[0].gates)


def compute_domain_size(accounts: int, capacity: int) -> int:
    """The smallest power of two (>= 8) holding the transfers circuit's rows."""
    rows, n = count_transfers_gates(accounts, capacity), 8
    while n < rows:
        n *= 2
    return n


def _range_hint(answer: object) -> str | None:
    if answer == 64:
        return "close: the most significant bit starts the accumulator, so it needs no accumulation row."
    if answer == 32:
        return "each bit needs two facts: that it is 0 or 1, and that it is added into the running sum."
    return None


register(Exercise(
    "ch06-range-rows",
    how_to_answer="an integer number of rows",
    hint="count the boolean gates (one per bit) and the accumulation gates acc' = 2·acc + b.",
    expected=compute_range_check_rows,
    targeted_hint=_range_hint,
))

register(Exercise(
    "ch06-domain-size",
    how_to_answer="an integer n (a power of two)",
    hint="count rows with count_transfers_gates(8, 16), then take the next power of two.",
    expected=lambda: compute_domain_size(8, 16),
    targeted_hint=lambda a: "n must be a power of two." if isinstance(a, int) and a & (a - 1) else None,
))

register(Exercise(
    "ch06-proof-bytes",
    how_to_answer="an integer number of bytes",
    hint="list what the prover sends (points and scalars): does any of it grow with the circuit?",
    expected=lambda: PROOF_SIZE,
    note="This is what makes the L1 check cheap whatever the batch.",
))
