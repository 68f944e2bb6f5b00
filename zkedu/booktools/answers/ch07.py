"""Chapter 7 exercises: the size of one state diff, and which batches an operator may still revert.

Source: ``zkedu.rollup.pubdata`` and the simulated L1 of ``zkedu.rollup.l1``.
"""

from __future__ import annotations

from typing import Any

from zkedu.booktools.exercises import Exercise, register
from zkedu.rollup.pubdata import state_diff_size
from zkedu.rollup.records import StateDiff


def is_revertible_set(answer: Any, chain: Any) -> bool:
    """Whether ``answer`` is the set of batches that were proven but not executed before execution ran."""
    return set(answer) == set(range(1, chain.total_proven + 1))


register(Exercise(
    "ch07-diff-size",
    how_to_answer="an integer number of bytes",
    hint="the slot was written before, so its key is a 4-byte index; then one metadata byte and the "
         "shortest operand among the compression options.",
    expected=lambda: state_diff_size(StateDiff(bytes(32), 9_000, 1_000_000, 999_000)),
))

register(Exercise(
    "ch07-revertible",
    how_to_answer="a Python set of batch numbers, e.g. {1, 2}",
    hint="look at the statuses: proven is not final, only execution is.",
    answer_types=(set, frozenset),
    is_correct=is_revertible_set,
))
