"""Importing the rollup model loads no KZG, no plotting and no widgets: those come only with what uses them."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    ["zkedu.rollup.sequencer", "zkedu.rollup.fees", "zkedu.rollup.amortisation", "zkedu.rollup.pubdata",
     "zkedu.rollup.da", "zkedu.rollup.fee_sweep", "zkedu.booktools"],
)
def test_importing_the_model_loads_no_kzg_plotting_or_widgets(module: str) -> None:
    code = (f"import sys, {module}; print(sorted(m for m in ('zkedu.kzg', 'matplotlib', 'ipywidgets') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"{module} loads {out.strip()}"
