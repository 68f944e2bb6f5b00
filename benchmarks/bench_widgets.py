"""Widget response: each widget's update() against the 100 ms budget, beside drawing its full static figure."""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Iterator

os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib.pyplot as plt

import zkedu.widgets
from benchmarks.harness import Result, best_time

WIDGET_BUDGET_SECONDS = 0.1


def run() -> Iterator[Result]:
    names = sorted(m.name for m in pkgutil.iter_modules(zkedu.widgets.__path__) if m.name.startswith("ch"))
    for name in names:
        module = importlib.import_module(f"zkedu.widgets.{name}")
        module.update()  # warm caches a reader's first slider move would also find warm
        update = best_time(module.update, repeat=5)

        def draw(module=module) -> None:
            plt.close(module.static_figure())

        figure = best_time(draw, repeat=2)
        yield Result(
            f"widget {name}", "update()", update, "static_figure()", figure,
            budget_seconds=WIDGET_BUDGET_SECONDS,
        )
