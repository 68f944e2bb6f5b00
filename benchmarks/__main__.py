"""Run every ``benchmarks/bench_*.py`` (or those named on the command line) and print ratios.

Each module defines ``run() -> Iterable[Result]``. Usage: ``python -m benchmarks [name ...]``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = [n for n in names if not argv or any(a in n for a in argv)]
    if not wanted:
        print(f"no benchmark matches {argv!r}; available: {', '.join(names)}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    for name in wanted:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"== {name}: {(module.__doc__ or '').strip().splitlines()[0]}", flush=True)
        for result in module.run():
            print("  " + result.line(), flush=True)
    print(f"== all benchmarks took {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
