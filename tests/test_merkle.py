"""zkedu.merkle: the hash-based vector commitment opens correctly and rejects tampering."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.merkle import (
    commit_vector,
    compute_merkle_proof,
    hash_leaf,
    hash_node,
    verify_merkle_proof,
)

HASH_NAMES = ["keccak256", "blake2s256"]


@pytest.mark.parametrize("hash_name", HASH_NAMES)
def test_small_tree_by_hand(hash_name: str) -> None:
    leaves = [b"a", b"b", b"c", b"d"]
    h = [hash_leaf(x, hash_name) for x in leaves]
    root = hash_node(hash_node(h[0], h[1], hash_name), hash_node(h[2], h[3], hash_name), hash_name)
    assert commit_vector(leaves, hash_name) == root
    proof = compute_merkle_proof(leaves, 2, hash_name)
    assert proof.siblings == (h[3], hash_node(h[0], h[1], hash_name))
    assert verify_merkle_proof(root, proof, hash_name)


VECTORS = st.integers(0, 5).flatmap(lambda k: st.lists(st.binary(max_size=8), min_size=1 << k, max_size=1 << k))


@settings(max_examples=30)
@given(VECTORS, st.data())
def test_openings_verify_and_tampering_is_rejected(leaves: list[bytes], data: st.DataObject) -> None:
    root = commit_vector(leaves)
    i = data.draw(st.integers(0, len(leaves) - 1))
    proof = compute_merkle_proof(leaves, i)
    assert verify_merkle_proof(root, proof)
    assert not verify_merkle_proof(root, dataclasses.replace(proof, leaf=proof.leaf + b"!"))
    if proof.siblings:
        level = data.draw(st.integers(0, len(proof.siblings) - 1))
        bad = list(proof.siblings)
        bad[level] = bytes(32) if bad[level] != bytes(32) else b"\x01" * 32
        assert not verify_merkle_proof(root, dataclasses.replace(proof, siblings=tuple(bad)))
        other = i ^ 1
        if leaves[other] != leaves[i]:
            assert not verify_merkle_proof(root, dataclasses.replace(proof, index=other))
    assert not verify_merkle_proof(root, dataclasses.replace(proof, index=len(leaves) * 2))


def test_bad_inputs() -> None:
    with pytest.raises(ValueError, match="power of two, got 3"):
        commit_vector([b"a", b"b", b"c"])
    with pytest.raises(ValueError, match="power of two, got 0"):
        commit_vector([])
    with pytest.raises(TypeError, match="leaf 1 must be bytes, got str"):
        commit_vector([b"a", "b"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match=r"index must be in \[0, 2\), got 2"):
        compute_merkle_proof([b"a", b"b"], 2)
    with pytest.raises(ValueError, match="unknown hash 'md5'"):
        commit_vector([b"a"], "md5")


def test_old_import_path_is_the_same_object() -> None:
    import zkedu.kzg.merkle as old
    import zkedu.merkle as new

    assert old.MerkleOpening is new.MerkleOpening
    assert old.verify_merkle_proof is new.verify_merkle_proof


def test_merkle_module_loads_no_curve() -> None:
    import subprocess
    import sys

    code = "import sys, zkedu.merkle; print(any(m.startswith(('py_ecc', 'zkedu.curves')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
