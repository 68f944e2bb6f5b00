"""Importing the rollup model loads no pairing curve, KZG, plotting or widgets: those come with what uses them."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    ["zkedu.rollup.sequencer", "zkedu.rollup.tx", "zkedu.rollup.fees", "zkedu.rollup.amortisation",
     "zkedu.rollup.pubdata", "zkedu.rollup.da", "zkedu.rollup.fee_sweep", "zkedu.booktools"],
)
def test_importing_the_model_loads_no_pairing_curve_kzg_plotting_or_widgets(module: str) -> None:
    heavy = ("zkedu.kzg", "zkedu.curves.pairing", "py_ecc.optimized_bn128", "py_ecc.optimized_bls12_381",
             "matplotlib", "ipywidgets")
    code = f"import sys, {module}; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", f"{module} loads {out.strip()}"
