"""The state tree: ZKsync's reference values, batch == one-at-a-time == from scratch, proofs and their forgeries."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.rollup.state import (
    DEPTH,
    EMPTY_HASHES,
    MerkleProof,
    StateTree,
    compute_leaf_hash,
    compute_root_from_proof,
    compute_root_from_scratch,
    compute_tree_key,
    key_to_path,
    path_to_key,
    verify_inclusion_proof,
    verify_non_inclusion_proof,
)

# Reference values from ERA core/lib/merkle_tree/src/hasher/mod.rs (tests empty_tree_hash_is_as_expected,
# leaf_is_hashed_as_expected, folding_merkle_path).
ERA_EMPTY_ROOT = bytes([
    152, 164, 142, 78, 209, 115, 97, 136, 56, 74, 232, 167, 157, 210, 28, 77, 102, 135,
    229, 253, 34, 202, 24, 20, 137, 6, 215, 135, 54, 192, 216, 106,
])
ERA_ONE_LEAF_ROOT = bytes([
    127, 0, 166, 178, 238, 222, 150, 8, 87, 112, 60, 140, 185, 233, 111, 40, 185, 16, 230,
    105, 52, 18, 206, 164, 176, 6, 242, 66, 57, 182, 129, 224,
])
ERA_ADDRESS = bytes.fromhex("4b3af74f66ab1f0da3f2e4ec7a3cb99baf1af7b2")


def blake(data: bytes) -> bytes:
    return hashlib.blake2s(data, digest_size=32).digest()


def test_empty_tree_matches_era() -> None:
    assert EMPTY_HASHES[0] == blake(bytes(40))
    assert all(EMPTY_HASHES[h + 1] == blake(EMPTY_HASHES[h] * 2) for h in range(DEPTH))
    assert StateTree().root == ERA_EMPTY_ROOT == compute_root_from_scratch({})


def test_one_leaf_tree_matches_era() -> None:
    key = compute_tree_key(ERA_ADDRESS, 0)
    path = key_to_path(key)
    assert (path >> 254) & 1 == 1 and (path >> 255) & 1 == 0  # the bits Era's test asserts
    value = int.from_bytes(bytes([1]) * 32, "big")
    tree = StateTree()
    tree.update({key: value})
    assert tree.root == ERA_ONE_LEAF_ROOT == compute_root_from_scratch({key: (1, value)})


def test_tree_key_and_leaf_hash_definitions() -> None:
    assert compute_tree_key(ERA_ADDRESS, 5) == blake(bytes(12) + ERA_ADDRESS + (5).to_bytes(32, "big"))
    assert compute_leaf_hash(3, 9) == blake((3).to_bytes(8, "big") + (9).to_bytes(32, "big"))
    assert path_to_key(key_to_path(b"\x01" + bytes(31))) == b"\x01" + bytes(31)
    assert key_to_path(b"\x01" + bytes(31)) == 1  # little-endian: the first byte holds the low bits


# Keys that share long prefixes (in path order) exercise deep splits; random keys exercise shallow ones.
BASE = key_to_path(bytes(range(32)))
near_keys = st.integers(0, DEPTH - 1).map(lambda b: path_to_key(BASE ^ (1 << b)))
keys = st.one_of(st.binary(min_size=32, max_size=32), near_keys, st.just(path_to_key(BASE)))
values = st.integers(0, 2**256 - 1) | st.integers(0, 3)
batches = st.lists(st.lists(st.tuples(keys, values), min_size=1, max_size=12), min_size=1, max_size=5)


def model_after(batches_: list[list[tuple[bytes, int]]]) -> dict[bytes, tuple[int, int]]:
    model: dict[bytes, tuple[int, int]] = {}
    for batch in batches_:
        for key, value in batch:
            model[key] = (model[key][0] if key in model else len(model) + 1, value)
    return model


@settings(max_examples=40)
@given(batches)
def test_batch_update_equals_one_at_a_time_equals_from_scratch(batches_: list[list[tuple[bytes, int]]]) -> None:
    batched, single = StateTree(), StateTree()
    for batch in batches_:
        batched.update(batch)
        for key, value in batch:
            single.update_one(key, value)
        assert batched.root == single.root
    model = model_after(batches_)
    assert batched.entries() == single.entries() == model
    assert batched.root == compute_root_from_scratch(model)
    for key, (index, value) in model.items():
        assert batched.get(key) == value and batched.leaf_index(key) == index


@settings(max_examples=25)
@given(batches, keys)
def test_proofs_verify_and_forgeries_fail(batches_: list[list[tuple[bytes, int]]], probe: bytes) -> None:
    tree = StateTree()
    for batch in batches_:
        tree.update(batch)
    root = tree.root
    key = batches_[0][0][0]
    proof = tree.prove(key)
    assert verify_inclusion_proof(root, proof)
    assert not verify_non_inclusion_proof(root, proof)
    assert not verify_inclusion_proof(root, MerkleProof(key, (proof.value + 1) % 2**256, proof.leaf_index,
                                                        proof.siblings))
    assert not verify_inclusion_proof(root, MerkleProof(key, proof.value, proof.leaf_index + 1, proof.siblings))
    other_key = path_to_key(key_to_path(key) ^ 1)
    assert not verify_inclusion_proof(root, MerkleProof(other_key, proof.value, proof.leaf_index, proof.siblings))
    for h in (0, 100, 255):
        siblings = list(proof.siblings)
        siblings[h] = blake(siblings[h])
        assert not verify_inclusion_proof(root, MerkleProof(key, proof.value, proof.leaf_index, tuple(siblings)))
    absent = tree.prove(probe)
    if tree.leaf_index(probe) == 0:
        assert verify_non_inclusion_proof(root, absent)
        assert not verify_inclusion_proof(root, absent)
        # Claiming the absent slot holds a value fails.
        assert not verify_inclusion_proof(root, MerkleProof(probe, 1, 1, absent.siblings))
    else:
        assert verify_inclusion_proof(root, absent)
        # A written slot cannot be passed off as never written.
        assert not verify_non_inclusion_proof(root, MerkleProof(probe, 0, 0, absent.siblings))


def test_batch_update_hashes_each_shared_node_once() -> None:
    writes = [(blake(i.to_bytes(4, "big")), i) for i in range(200)]
    batched, single = StateTree(), StateTree()
    batched.update(writes)
    for key, value in writes:
        single.update_one(key, value)
    assert batched.root == single.root
    assert batched.hash_count < single.hash_count
    # 200 leaves: at most one chain per leaf plus one node per shared subtree (fewer than 200 * 256 + 200).
    assert batched.hash_count <= 200 * DEPTH


def test_later_write_wins_and_index_is_kept() -> None:
    tree = StateTree()
    k1, k2 = compute_tree_key(ERA_ADDRESS, 1), compute_tree_key(ERA_ADDRESS, 2)
    tree.update([(k1, 5), (k2, 6), (k1, 7)])
    assert (tree.get(k1), tree.leaf_index(k1), tree.leaf_index(k2)) == (7, 1, 2)
    tree.update({k1: 0})  # a write of zero keeps the leaf and its index
    assert (tree.get(k1), tree.leaf_index(k1), tree.leaf_count) == (0, 1, 2)
    assert tree.root == compute_root_from_scratch({k1: (1, 0), k2: (2, 6)})


def test_copy_is_independent() -> None:
    tree = StateTree()
    key = compute_tree_key(ERA_ADDRESS, 1)
    tree.update({key: 1})
    clone = tree.copy()
    clone.update({key: 2})
    assert tree.get(key) == 1 and clone.get(key) == 2 and tree.root != clone.root


def test_bad_inputs() -> None:
    tree = StateTree()
    with pytest.raises(ValueError, match="tree key must be 32 bytes, got 31"):
        tree.update({bytes(31): 1})
    with pytest.raises(TypeError, match="tree key must be bytes"):
        tree.get("00" * 32)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"value must be in \[0, 2\*\*256\), got -1"):
        tree.update({bytes(32): -1})
    with pytest.raises(ValueError, match="value must be in"):
        tree.update({bytes(32): 2**256})
    with pytest.raises(TypeError, match="value must be an int, got bool"):
        tree.update({bytes(32): True})
    assert tree.leaf_count == 0  # nothing was written by the failed updates
    with pytest.raises(ValueError, match="address must be 20 bytes, got 19"):
        compute_tree_key(bytes(19), 0)
    with pytest.raises(TypeError, match="address must be bytes"):
        compute_tree_key("ab", 0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="slot must be in"):
        compute_tree_key(bytes(20), 2**256)
    with pytest.raises(TypeError, match="slot must be an int"):
        compute_tree_key(bytes(20), 1.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="leaf index must be in"):
        compute_leaf_hash(-1, 0)
    with pytest.raises(ValueError, match="value must be in"):
        compute_leaf_hash(0, -1)
    with pytest.raises(ValueError, match="256 sibling hashes"):
        compute_root_from_proof(MerkleProof(bytes(32), 0, 0, (bytes(32),) * 255))
    with pytest.raises(TypeError, match="expected a MerkleProof"):
        compute_root_from_proof("proof")  # type: ignore[arg-type]
