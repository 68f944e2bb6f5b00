"""Live timings for the chapters: the best of a few wall-clock runs, and a readable unit.

Source: Python's ``timeit`` documentation, which recommends the minimum of repeated runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from zkedu._checks import require_int


def best_of(fn: Callable[[], Any], repeat: int = 3, number: int = 1) -> float:
    """Seconds per call of ``fn()``: the fastest of ``repeat`` runs of ``number`` calls each.

    >>> best_of(lambda: sum(range(10)), repeat=2, number=5) >= 0
    True
    """
    for name, value in (("repeat", repeat), ("number", number)):
        require_int(value, name)
        if value < 1:
            raise ValueError(f"{name} must be >= 1, got {value!r}")
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def format_seconds(seconds: float) -> str:
    """A duration in µs, ms or s, whichever reads best.

    >>> format_seconds(0.000_012), format_seconds(0.0345), format_seconds(2.5)
    ('12 µs', '34.5 ms', '2.50 s')
    """
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"
