"""zkedu.widgets.ch05_kzg: the opening-size sweep matches the formulas and refuses bad controls."""

from __future__ import annotations

import numpy as np
import pytest

from zkedu.merkle import compute_merkle_proof
from zkedu.widgets.ch05_kzg import compute_opening_sizes, update


def test_sizes_match_a_real_merkle_path_and_kzg_proofs() -> None:
    sizes = update(log2_length=4, openings=3)
    proof = compute_merkle_proof([bytes([i]) for i in range(16)], 5)
    assert sizes.merkle_bytes[3] == 3 * sum(len(s) for s in proof.siblings) == 3 * 4 * 32
    assert sizes.kzg_separate_bytes[3] == 3 * 48 and sizes.kzg_multi_bytes[3] == 48
    assert np.all(np.diff(sizes.merkle_bytes) > 0)


def test_bad_controls() -> None:
    with pytest.raises(ValueError, match="openings must be an int >= 1, got 0"):
        compute_opening_sizes(np.arange(3), 0)
    with pytest.raises(ValueError, match=r"log2_length must be in \[1, 24\], got 30"):
        update(log2_length=30)
    with pytest.raises(ValueError, match="log2 sizes must be >= 0"):
        compute_opening_sizes(np.array([-1]), 1)
