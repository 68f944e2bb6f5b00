"""Token economics: a 10-year daily simulation on 1,000 price paths (numpy) against the plain Python loop."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("MPLBACKEND", "Agg")

from benchmarks.harness import Result, best_time
from zkedu.economics import simulate, simulate_reference
from zkedu.economics.presets import BASELINE

DAYS, PATHS, SEED = 3650, 1_000, 2026
TARGET_SPEEDUP = 10.0
BUDGET_SECONDS = 1.0
WIDGET_BUDGET_SECONDS = 0.1


def run() -> Iterator[Result]:
    simulate(BASELINE, DAYS, PATHS, SEED)  # warm up: first touch of the arrays' memory
    subject = best_time(lambda: simulate(BASELINE, DAYS, PATHS, SEED), repeat=5)
    baseline = best_time(lambda: simulate_reference(BASELINE, DAYS, PATHS, SEED), repeat=1)
    yield Result("simulate 10 years x 1,000 paths", "simulate (numpy)", subject, "plain Python loop", baseline,
                 target_speedup=TARGET_SPEEDUP, budget_seconds=BUDGET_SECONDS,
                 note=f"{DAYS:,} days x {PATHS:,} paths, same draws")
    try:
        from zkedu.widgets import ch10_tokenomics
    except ImportError:  # the widget module is optional for this benchmark
        return
    ch10_tokenomics.update()
    widget = best_time(ch10_tokenomics.update, repeat=10)
    loop = best_time(lambda: ch10_tokenomics.update_reference(), repeat=1)
    yield Result("widget ch10_tokenomics", "update() (numpy)", widget, "same update with the plain loop", loop,
                 budget_seconds=WIDGET_BUDGET_SECONDS,
                 note=f"{ch10_tokenomics.WIDGET_PATHS} paths x {ch10_tokenomics.WIDGET_YEARS} years")
