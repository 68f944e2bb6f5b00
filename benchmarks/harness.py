"""A tiny benchmark harness: time a subject and its baseline side by side and report the ratio.

Timed assertions never live in tests; here a target is reported as met or missed, and the
process exit code stays 0 so a noisy machine cannot turn a benchmark run red.
"""

from __future__ import annotations

from dataclasses import dataclass

from zkedu.booktools.timing import best_of, format_seconds

# One timing helper for the book and the benchmarks: the names the bench_*.py scripts use.
best_time = best_of
fmt_seconds = format_seconds


@dataclass(frozen=True)
class Result:
    """One benchmark figure: a subject's time against its baseline's, and the target speed-up."""

    name: str
    subject: str
    subject_seconds: float
    baseline: str
    baseline_seconds: float
    target_speedup: float | None = None
    note: str = ""
    budget_seconds: float | None = None

    @property
    def speedup(self) -> float:
        return self.baseline_seconds / self.subject_seconds

    def line(self) -> str:
        verdict = ""
        if self.target_speedup is not None:
            ok = self.speedup >= self.target_speedup
            verdict = f"  target >= {self.target_speedup:g}x: {'met' if ok else 'MISSED'}"
        if self.budget_seconds is not None:
            ok = self.subject_seconds <= self.budget_seconds
            verdict += f"  budget <= {fmt_seconds(self.budget_seconds)}: {'met' if ok else 'MISSED'}"
        note = f"  ({self.note})" if self.note else ""
        return (
            f"{self.name}: {self.subject} {fmt_seconds(self.subject_seconds)} vs "
            f"{self.baseline} {fmt_seconds(self.baseline_seconds)} -> {self.speedup:.1f}x{verdict}{note}"
        )

