"""Chapter 1 exercises: when the data part dominates, and how long a batch takes to fill.

Source: ``zkedu.rollup.fees``, the model the chapter computes with.
"""

from __future__ import annotations

from zkedu.booktools.exercises import Exercise, register
from zkedu.rollup.amortisation import compute_amortised_cost, compute_fill_seconds
from zkedu.rollup.units import gwei_to_wei


def compute_smallest_batch_with_fixed_below_data() -> int:
    """The smallest batch size whose fixed share per transaction is below its data part (20 gwei, 100 bytes)."""
    price = gwei_to_wei(20)
    n = 1
    while True:
        cost = compute_amortised_cost(n, price, 100)
        if cost.fixed_wei < cost.data_wei:
            return n
        n += 1


register(Exercise(
    "ch01-data-dominates",
    how_to_answer="an integer batch size",
    hint="solve F·p / N < d·17·p for N; the gas price p cancels, and N must be a whole number above the bound.",
    expected=compute_smallest_batch_with_fixed_below_data,
    note="From that size on, the shared fixed cost is below the data cost.",
))

register(Exercise(
    "ch01-fill-time",
    how_to_answer="a number of seconds",
    hint="time = batch size / arrival rate.",
    answer_types=(int, float),
    expected=lambda: compute_fill_seconds(1_000, 5),
    rel_tol=0.0025,
    note="That long before the batch can even be sealed.",
))
