"""MessageRoot: the contracts' constants and test vector, the two tree types against a padded-tree oracle,
the exact API (registration, errors), and historical roots."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves.ecdsa import compute_address
from zkedu.hashing import keccak256
from zkedu.interop import MessageRoot
from zkedu.interop.message_root import (
    BATCH_LEAF_PADDING,
    CHAIN_ID_LEAF_PADDING,
    EMPTY_ENTRY_HASH,
    FullTree,
    IncrementalTree,
    compute_batch_leaf_hash,
    compute_chain_batch_root,
    compute_chain_id_leaf_hash,
    compute_full_tree_path,
)
from zkedu.rollup.commitment import compute_merkle_levels, compute_root_from_path

ZERO = bytes(32)
roots32 = st.binary(min_size=32, max_size=32)


def _padded_root(leaves: list[bytes]) -> bytes:
    height = max(0, (len(leaves) - 1).bit_length())
    return compute_merkle_levels(leaves, EMPTY_ENTRY_HASH, height)[-1][0]


def test_constants_match_era_contracts() -> None:
    # MessageRoot.sol: CHAIN_TREE_EMPTY_ENTRY_HASH = SHARED_ROOT_TREE_EMPTY_HASH = keccak256(new bytes(96))
    assert EMPTY_ENTRY_HASH.hex() == "46700b4d40ac5c35af2c22dda2787a91eb567b06c924a8fb8ae9a05b20c08c21"
    # MessageHashing.sol: BATCH_LEAF_PADDING = keccak256("zkSync:BatchLeaf"), CHAIN_ID_LEAF_PADDING likewise
    assert BATCH_LEAF_PADDING.hex() == "d82fec4a37cbdc47f1e5cc4ad64deacf34a48e6f7c61fa5b68fd58e543259cf4"
    assert CHAIN_ID_LEAF_PADDING.hex() == "39bc69363bb9e26cf14240de4e22569e95cf175cfbcf1ade1a47a253b4bf7f61"


def test_leaf_hashes_are_packed_words_without_timestamp() -> None:
    root = bytes(range(32))
    assert compute_batch_leaf_hash(root, 7) == keccak256(BATCH_LEAF_PADDING + root + (7).to_bytes(32, "big"))
    assert compute_chain_id_leaf_hash(root, 324) == keccak256(CHAIN_ID_LEAF_PADDING + root + (324).to_bytes(32, "big"))
    assert compute_chain_batch_root(root, ZERO) == keccak256(root + ZERO)


def test_aggregated_root_matches_the_contracts_update_full_tree_vector() -> None:
    # era-contracts test/foundry/.../Bridgehub/MessageRoot.t.sol, test_updateFullTree: block.chainid 31337 (forge),
    # alpha = makeAddr("alphaChainId") = address of private key keccak256("alphaChainId").
    alpha = int.from_bytes(compute_address(keccak256(b"alphaChainId")), "big")
    mr = MessageRoot(31337)
    mr.add_new_chain(alpha)
    mr.add_chain_batch_root(alpha, 1, alpha.to_bytes(32, "big"))
    assert mr.aggregated_root().hex() == "0ef1ac67d77f177a33449c47a8f05f0283300a81adca6f063c92c774beed140c"


def test_construction_registers_the_settlement_chain_at_index_zero() -> None:
    mr = MessageRoot(9075)
    assert mr.chain_ids == (9075,) and mr.chain_index(9075) == 0
    assert mr.chain_root(9075) == ZERO
    assert mr.aggregated_root() == compute_chain_id_leaf_hash(ZERO, 9075)  # test_init in MessageRoot.t.sol


def test_registered_chain_without_batches_has_a_zero_root_and_a_leaf() -> None:
    mr = MessageRoot(1)
    mr.add_new_chain(2**256 - 1)
    assert mr.chain_root(2**256 - 1) == ZERO
    leaves = compute_chain_id_leaf_hash(ZERO, 1) + compute_chain_id_leaf_hash(ZERO, 2**256 - 1)
    assert mr.aggregated_root() == keccak256(leaves)


def test_one_batch_makes_the_chain_root_that_batch_leaf() -> None:
    mr = MessageRoot(1)
    mr.add_new_chain(324)
    cbr = keccak256(b"batch")
    mr.add_chain_batch_root(324, 5, cbr)
    assert mr.chain_root(324) == compute_batch_leaf_hash(cbr, 5)


@pytest.mark.parametrize("bad", [-1, 2**256])
def test_out_of_range_chain_ids_are_value_errors(bad: int) -> None:
    with pytest.raises(ValueError, match=str(bad)):
        MessageRoot(1).add_new_chain(bad)


@pytest.mark.parametrize("bad", ["324", 3.0, True, None])
def test_non_int_chain_ids_are_type_errors(bad: object) -> None:
    with pytest.raises(TypeError):
        MessageRoot(1).add_new_chain(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        MessageRoot(bad)  # type: ignore[arg-type]


def test_registering_twice_and_unregistered_batches_are_value_errors() -> None:
    mr = MessageRoot(1)
    mr.add_new_chain(324)
    with pytest.raises(ValueError, match="324 is already registered"):
        mr.add_new_chain(324)
    with pytest.raises(ValueError, match="1 is already registered"):
        mr.add_new_chain(1)
    with pytest.raises(ValueError, match="555 is not registered"):
        mr.add_chain_batch_root(555, 1, ZERO)
    with pytest.raises(ValueError, match="555 is not registered"):
        mr.chain_root(555)
    with pytest.raises(ValueError, match="32 bytes"):
        mr.add_chain_batch_root(324, 1, b"short")
    with pytest.raises(ValueError, match="uint256"):
        mr.add_chain_batch_root(324, -1, ZERO)


@given(st.lists(roots32, min_size=1, max_size=20))
def test_incremental_tree_root_equals_the_padded_tree_after_every_push(leaves: list[bytes]) -> None:
    tree = IncrementalTree()
    assert tree.root() == ZERO
    for n, leaf in enumerate(leaves, start=1):
        index, root = tree.push(leaf)
        assert index == n - 1 and root == tree.root() == _padded_root(leaves[:n])
    for size in range(1, len(leaves) + 1):
        for i in range(size):
            assert compute_root_from_path(tree.prove(i, size), i, leaves[i]) == _padded_root(leaves[:size])


@given(st.lists(roots32, min_size=1, max_size=12), st.lists(st.tuples(st.integers(0, 11), roots32), max_size=12))
def test_full_tree_root_equals_the_padded_tree_under_pushes_and_updates(
    leaves: list[bytes], updates: list[tuple[int, bytes]]
) -> None:
    tree, current = FullTree(), []
    for leaf in leaves:
        current.append(leaf)
        assert tree.push_new_leaf(leaf) == _padded_root(current)
    for index, value in updates:
        if index < len(current):
            current[index] = value
            assert tree.update_leaf(index, value) == tree.root() == _padded_root(current)
    for i, leaf in enumerate(current):
        assert compute_root_from_path(compute_full_tree_path(tuple(current), i), i, leaf) == tree.root()


@settings(max_examples=30)
@given(st.lists(st.tuples(st.integers(0, 3), roots32, st.integers(0, 2)), max_size=15))
def test_historical_roots_are_the_last_root_of_each_block_and_never_change(
    events: list[tuple[int, bytes, int]],
) -> None:
    mr = MessageRoot(1)
    chains = [1, 10, 20, 30]
    for c in chains[1:]:
        mr.add_new_chain(c)
    seen: dict[int, bytes] = {}
    block = 0
    for chain, cbr, step in events:
        block += step
        mr.advance_block(block)
        seen[block] = mr.add_chain_batch_root(chains[chain], 1, cbr)
        assert mr.historical_root(block) == mr.aggregated_root()
    assert mr.history() == dict(sorted(seen.items()))
    assert mr.historical_root(10_000) == ZERO
    if block:
        with pytest.raises(ValueError, match="only grow"):
            mr.advance_block(block - 1)
