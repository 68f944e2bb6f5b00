"""Import layering: the rollup and ECDSA never build the pairing curves; only curve modules import py_ecc."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAIRING_MODULES = ("py_ecc.optimized_bn128", "py_ecc.optimized_bls12_381", "py_ecc.bn128", "py_ecc.bls12_381",
                   "py_ecc.bls", "zkedu.curves.named", "zkedu.curves.curve")


def modules_loaded_by(statement: str) -> list[str]:
    """The modules a fresh interpreter holds after running ``statement``."""
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "statement",
    ["import zkedu.rollup", "import zkedu.rollup.tx, zkedu.rollup.sequencer, zkedu.rollup.fees",
     "import zkedu.curves.ecdsa", "import zkedu.curves"],
)
def test_rollup_and_ecdsa_load_no_pairing_curve(statement: str) -> None:
    loaded = modules_loaded_by(statement)
    assert [m for m in loaded if m.startswith(PAIRING_MODULES)] == []


def test_using_a_pairing_curve_loads_it() -> None:  # the check above can fail: this is what it looks for
    loaded = modules_loaded_by("from zkedu.curves import BN254")
    assert "py_ecc.optimized_bn128" in loaded and "zkedu.curves.named" in loaded


def test_only_curve_modules_import_py_ecc() -> None:
    offenders = []
    for path in (ROOT / "zkedu").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] == "py_ecc" for n in names) and "curves" not in path.parts:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
