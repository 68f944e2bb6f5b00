"""The keccak Merkle helpers shared by the log tree and the MessageRoot: levels, paths, roots from paths."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zkedu.hashing import keccak256
from zkedu.rollup.commitment import (
    EMPTY_LOG_LEAF,
    compute_l2_log_proof,
    compute_l2_logs_root,
    compute_merkle_levels,
    compute_merkle_path,
    compute_root_from_path,
)
from zkedu.rollup.records import L2ToL1Log

EMPTY = keccak256(bytes(96))


def _naive_root(leaves: list[bytes], empty: bytes, depth: int) -> bytes:
    """Oracle: pad to 2**depth leaves explicitly and hash every pair."""
    level = leaves + [empty] * ((1 << depth) - len(leaves))
    while len(level) > 1:
        level = [keccak256(level[i] + level[i + 1]) for i in range(0, len(level), 2)]
    return level[0]


def _log(i: int) -> L2ToL1Log:
    return L2ToL1Log(0, True, i, bytes(19) + b"\x80", i.to_bytes(32, "big"), keccak256(bytes([i % 256])))


leaf_lists = st.lists(st.binary(min_size=32, max_size=32), min_size=1, max_size=17)


@given(leaves=leaf_lists, extra=st.integers(0, 2))
def test_levels_root_matches_the_fully_padded_tree(leaves: list[bytes], extra: int) -> None:
    depth = max(0, (len(leaves) - 1).bit_length()) + extra
    assert compute_merkle_levels(leaves, EMPTY, depth)[-1][0] == _naive_root(leaves, EMPTY, depth)


@given(leaves=leaf_lists, data=st.data())
def test_every_path_folds_back_to_the_root_and_a_tampered_one_does_not(
    leaves: list[bytes], data: st.DataObject
) -> None:
    depth = (len(leaves) - 1).bit_length() + 1
    levels = compute_merkle_levels(leaves, EMPTY, depth)
    index = data.draw(st.integers(0, len(leaves) - 1))
    path = compute_merkle_path(levels, index, EMPTY)
    assert len(path) == depth
    assert compute_root_from_path(path, index, leaves[index]) == levels[-1][0]
    level = data.draw(st.integers(0, depth - 1))
    forged = list(path)
    forged[level] = keccak256(forged[level])
    assert compute_root_from_path(forged, index, leaves[index]) != levels[-1][0]


def test_log_tree_root_and_proofs_match_the_padded_depth_14_tree() -> None:
    logs = [_log(i) for i in range(5)]
    leaves = [keccak256(log.to_bytes()) for log in logs]
    root = compute_l2_logs_root(logs)
    assert root == compute_merkle_levels(leaves, EMPTY_LOG_LEAF, 14)[-1][0]
    assert compute_l2_logs_root([]).hex().startswith("375a5bf909cb0214")
    for i in range(5):
        assert compute_root_from_path(compute_l2_log_proof(logs, i), i, leaves[i]) == root


def test_bad_indices_and_depths_are_rejected_naming_them() -> None:
    with pytest.raises(ValueError, match="5"):
        compute_l2_log_proof([_log(0)], 5)
    with pytest.raises(ValueError, match="index 4 does not fit a tree of depth 2"):
        compute_root_from_path([EMPTY, EMPTY], 4, EMPTY)
    with pytest.raises(ValueError, match="-1"):
        compute_merkle_levels([], EMPTY, -1)
    with pytest.raises(ValueError, match="at most 2"):
        compute_merkle_levels([EMPTY] * 3, EMPTY, 1)
    assert compute_merkle_levels([], EMPTY, 0)[-1] == [EMPTY]
