"""`make lab` starts JupyterLab for any user: as root it passes --allow-root (Lab refuses root otherwise)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.notebooks import ROOT


@pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")
def test_make_lab_allows_root_exactly_when_run_as_root() -> None:
    plan = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    lab_line = next(line for line in plan.splitlines() if "jupyter lab" in line)
    assert ("--allow-root" in lab_line) == (os.geteuid() == 0), lab_line
    assert lab_line.rstrip().endswith("book/"), lab_line
