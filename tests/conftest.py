"""Test-wide settings: headless plotting and a deterministic hypothesis profile."""

from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")

import ckzg
import pytest
from hypothesis import HealthCheck, settings

from zkedu.kzg.setup import trusted_setup_path

# Pure-Python cryptography is slow and timing varies on a shared 2-core machine: no per-example deadline.
# Derandomised so a CI failure reproduces exactly; the examples still vary across properties.
settings.register_profile(
    "zkedu", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "zkedu"))


@pytest.fixture(scope="session")
def ckzg_setup() -> object:
    """Ethereum's KZG ceremony output loaded into ckzg, the C library the differential tests compare against."""
    return ckzg.load_trusted_setup(str(trusted_setup_path()), 0)
