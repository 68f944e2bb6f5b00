"""Compatibility home: the Merkle vector commitment lives in :mod:`zkedu.merkle` (hash-only, no curves).

Kept so that ``from zkedu.kzg.merkle import ...`` keeps working; new code imports ``zkedu.merkle``.
"""

from __future__ import annotations

from zkedu.merkle import (
    HASHES,
    LEAF_PREFIX,
    NODE_PREFIX,
    MerkleOpening,
    commit_vector,
    compute_merkle_layers,
    compute_merkle_proof,
    hash_leaf,
    hash_node,
    open_merkle_layers,
    verify_merkle_proof,
)

__all__ = [
    "HASHES",
    "LEAF_PREFIX",
    "NODE_PREFIX",
    "MerkleOpening",
    "commit_vector",
    "compute_merkle_layers",
    "compute_merkle_proof",
    "hash_leaf",
    "hash_node",
    "open_merkle_layers",
    "verify_merkle_proof",
]
