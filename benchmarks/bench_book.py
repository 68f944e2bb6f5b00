"""Chapter execution times (fresh kernel each) and the whole book build, against an empty notebook's run."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import jupytext
from nbclient import NotebookClient

from benchmarks.harness import Result
from tests.notebooks import ROOT, chapter_notebooks, execute_chapter

CHAPTER_BUDGET_SECONDS = 30.0
WIDGET_BUDGET_SECONDS = 0.1


def _empty_notebook_seconds() -> float:
    """Baseline: a fresh kernel running one trivial cell (kernel start-up and teardown)."""
    nb = jupytext.reads("```{code-cell} ipython3\n1 + 1\n```\n", fmt="md:myst")
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    start = time.perf_counter()
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    return time.perf_counter() - start


def run() -> Iterator[Result]:
    empty = _empty_notebook_seconds()
    total = 0.0
    for path in chapter_notebooks():
        _, seconds = execute_chapter(path)
        total += seconds
        yield Result(
            f"chapter {path.stem}", "execution", seconds, "empty notebook", empty,
            budget_seconds=CHAPTER_BUDGET_SECONDS,
        )
    with tempfile.TemporaryDirectory() as out:
        jupyter_book = Path(sys.executable).parent / "jupyter-book"
        start = time.perf_counter()
        subprocess.run(
            [str(jupyter_book), "build", str(ROOT), "--path-output", out, "--builder", "html"],
            check=True, capture_output=True,
        )
        build = time.perf_counter() - start
    yield Result(
        "book", "whole book build (make book)", build, "sum of chapter executions", total,
        note="the ratio is below 1 when the build costs more than executing the chapters",
    )
