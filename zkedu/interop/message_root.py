"""The MessageRoot: a settlement layer's tree of every chain's batch roots, and its history per block.

Three levels, all keccak:

1. a chain's batch produces ``ChainBatchRoot = keccak(localLogsRoot || aggregatedRoot)`` (L1Messenger);
2. the settlement layer appends ``BatchRootLeaf = keccak(keccak("zkSync:BatchLeaf") || ChainBatchRoot ||
   batchNumber)`` to that chain's append-only tree (DynamicIncrementalMerkle) -> the chain's ``chainRoot``;
3. ``ChainIdLeaf = keccak(keccak("zkSync:ChainIdLeaf") || chainRoot || chainId)`` is that chain's leaf of
   the tree over chains (FullMerkle) -> the aggregated root, recorded as ``historicalRoot[block]``.

Numbers are 32-byte big-endian words (``abi.encodePacked`` of uint256). This follows protocol v26-v29: the
batch leaf has no timestamp (later versions add one to interop roots).

Source: EC l1-contracts/contracts/bridgehub/MessageRoot.sol, common/libraries/MessageHashing.sol,
FullMerkle.sol, DynamicIncrementalMerkle.sol, Merkle.sol (main @5e7d0b4, protocol v29.x);
system-contracts/contracts/L1Messenger.sol (the chain batch root).
"""

from __future__ import annotations

from dataclasses import dataclass

from zkedu.hashing import keccak256
from zkedu.rollup.commitment import compute_merkle_levels, compute_merkle_path

UINT256 = 2**256
ZERO32 = bytes(32)
BATCH_LEAF_PADDING = keccak256(b"zkSync:BatchLeaf")
CHAIN_ID_LEAF_PADDING = keccak256(b"zkSync:ChainIdLeaf")
EMPTY_ENTRY_HASH = keccak256(bytes(96))  # CHAIN_TREE_EMPTY_ENTRY_HASH == SHARED_ROOT_TREE_EMPTY_HASH


def check_uint256(name: str, value: object) -> int:
    """``value`` if it is an int that fits a uint256; else TypeError / ValueError naming it."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}: {value!r}")
    if not 0 <= value < UINT256:
        raise ValueError(f"{name} must fit in a uint256, got {value!r}")
    return value


def check_bytes32(name: str, value: object) -> bytes:
    """``value`` if it is 32 bytes; else TypeError / ValueError naming it."""
    if not isinstance(value, bytes):
        raise TypeError(f"{name} must be 32 bytes, got {type(value).__name__}: {value!r}")
    if len(value) != 32:
        raise ValueError(f"{name} must be 32 bytes, got {len(value)} bytes: {value.hex()}")
    return value


def compute_chain_batch_root(local_logs_root: bytes, aggregated_root: bytes) -> bytes:
    """keccak(localLogsRoot || aggregatedRoot): the root a chain's batch reports (L1Messenger.sol)."""
    local = check_bytes32("local_logs_root", local_logs_root)
    return keccak256(local + check_bytes32("aggregated_root", aggregated_root))


def compute_batch_leaf_hash(chain_batch_root: bytes, batch_number: int) -> bytes:
    """keccak(keccak("zkSync:BatchLeaf") || chainBatchRoot || batchNumber) (MessageHashing.batchLeafHash)."""
    number = check_uint256("batch_number", batch_number).to_bytes(32, "big")
    return keccak256(BATCH_LEAF_PADDING + check_bytes32("chain_batch_root", chain_batch_root) + number)


def compute_chain_id_leaf_hash(chain_root: bytes, chain_id: int) -> bytes:
    """keccak(keccak("zkSync:ChainIdLeaf") || chainRoot || chainId) (MessageHashing.chainIdLeafHash)."""
    number = check_uint256("chain_id", chain_id).to_bytes(32, "big")
    return keccak256(CHAIN_ID_LEAF_PADDING + check_bytes32("chain_root", chain_root) + number)


def _height(leaf_count: int) -> int:
    """Levels above the leaves of a tree that doubles when full: 0 for one leaf, ceil(log2 n) beyond."""
    return max(0, (leaf_count - 1).bit_length())


class IncrementalTree:
    """An append-only Merkle tree that doubles when full, keeping one node per level (DynamicIncrementalMerkle).

    Its root is 32 zero bytes until the first push; with one leaf the root is that leaf. A left child pairs
    with its level's zero, a right child with the stored left sibling. The leaves are kept too, only so that
    proofs can be built off-chain, as a node does from the contract's events.

    Source: EC l1-contracts/contracts/common/libraries/DynamicIncrementalMerkle.sol (setup, push, root).
    """

    def __init__(self, zero: bytes = EMPTY_ENTRY_HASH) -> None:
        self._zeros = [check_bytes32("zero", zero)]
        self._sides = [ZERO32]
        self.leaves: list[bytes] = []

    def push(self, leaf: bytes) -> tuple[int, bytes]:
        """Append ``leaf``; return its index and the new root."""
        check_bytes32("leaf", leaf)
        levels = len(self._zeros) - 1
        index = len(self.leaves)
        self.leaves.append(leaf)
        if index == 1 << levels:  # full: double the capacity
            self._zeros.append(keccak256(self._zeros[levels] + self._zeros[levels]))
            self._sides.append(ZERO32)
            levels += 1
        node, position, updated_side = leaf, index, False
        for i in range(levels):
            is_left = position % 2 == 0
            if is_left and not updated_side:
                self._sides[i] = node
                updated_side = True
            node = keccak256(node + self._zeros[i]) if is_left else keccak256(self._sides[i] + node)
            position >>= 1
        self._sides[levels] = node
        return index, node

    def root(self) -> bytes:
        return self._sides[-1]

    def prove(self, index: int, size: int | None = None) -> tuple[bytes, ...]:
        """Siblings of leaf ``index`` in the tree as it was with its first ``size`` leaves (default: now)."""
        size = len(self.leaves) if size is None else size
        if not 0 <= index < size <= len(self.leaves):
            raise ValueError(f"no leaf {index!r} in a tree of {size!r} leaves (of {len(self.leaves)} pushed)")
        levels = compute_merkle_levels(self.leaves[:size], self._zeros[0], _height(size))
        return compute_merkle_path(levels, index, self._zeros[0])


class FullTree:
    """A Merkle tree with every node stored, so any leaf can be updated (FullMerkle).

    A node that is the last at its level pairs with that level's zero; with one leaf the root is the leaf.

    Source: EC l1-contracts/contracts/common/libraries/FullMerkle.sol (setup, pushNewLeaf, updateLeaf, root).
    """

    def __init__(self, zero: bytes = EMPTY_ENTRY_HASH) -> None:
        self._zeros = [check_bytes32("zero", zero)]
        self._nodes: list[list[bytes]] = [[self._zeros[0]]]
        self.leaf_count = 0

    @property
    def height(self) -> int:
        return len(self._zeros) - 1

    def push_new_leaf(self, leaf: bytes) -> bytes:
        """Append ``leaf`` (growing a level when full); return the new root."""
        index = self.leaf_count
        self.leaf_count += 1
        if index == 1 << self.height:
            top = self._zeros[-1]
            self._zeros.append(keccak256(top + top))
            self._nodes.append([self._zeros[-1]])
        if index:
            old_max, new_max = index - 1, index
            for i in range(self.height):
                if old_max == new_max:
                    break
                self._nodes[i].append(self._zeros[i])
                old_max, new_max = old_max // 2, new_max // 2
        return self.update_leaf(index, leaf)

    def update_leaf(self, index: int, leaf: bytes) -> bytes:
        """Replace leaf ``index`` and rehash its path; return the new root."""
        check_bytes32("leaf", leaf)
        max_node = self.leaf_count - 1
        if not isinstance(index, int) or not 0 <= index <= max_node:
            raise ValueError(f"leaf index must be in [0, {max_node}], got {index!r}")
        self._nodes[0][index] = leaf
        node = leaf
        for i in range(self.height):
            if index % 2 == 0:
                right = self._zeros[i] if index == max_node else self._nodes[i][index + 1]
                node = keccak256(node + right)
            else:
                node = keccak256(self._nodes[i][index - 1] + node)
            index, max_node = index // 2, max_node // 2
            self._nodes[i + 1][index] = node
        return node

    def leaves(self) -> tuple[bytes, ...]:
        return tuple(self._nodes[0][: self.leaf_count])

    def root(self) -> bytes:
        return self._nodes[self.height][0]


def compute_full_tree_path(leaves: tuple[bytes, ...], index: int) -> tuple[bytes, ...]:
    """Siblings of ``leaves[index]`` in the FullTree over ``leaves`` (zeros from EMPTY_ENTRY_HASH)."""
    levels = compute_merkle_levels(list(leaves), EMPTY_ENTRY_HASH, _height(len(leaves)))
    return compute_merkle_path(levels, index, EMPTY_ENTRY_HASH)


@dataclass(frozen=True)
class RootSnapshot:
    """The MessageRoot as of one settlement-layer block: its root, the leaves over chains, each chain's batches."""

    block_number: int
    root: bytes
    chain_id_leaves: tuple[bytes, ...]
    batch_counts: tuple[int, ...]


class MessageRoot:
    """A settlement layer's MessageRoot contract: register chains, append their batch roots, keep history.

    ``MessageRoot(settlement_chain_id)`` registers the settlement chain itself at index 0.
    ``block_number`` is the settlement layer's current block; ``historical_root(n)`` is the last root of
    block ``n`` (32 zero bytes if the tree did not change in that block, as the contract's mapping).

    Source: EC l1-contracts/contracts/bridgehub/MessageRoot.sol (_initialize, addNewChain, addChainBatchRoot,
    getAggregatedRoot, getChainRoot, historicalRoot).

    >>> mr = MessageRoot(506)
    >>> mr.chain_root(506) == bytes(32) and mr.aggregated_root() == compute_chain_id_leaf_hash(bytes(32), 506)
    True
    """

    def __init__(self, settlement_chain_id: int, block_number: int = 0) -> None:
        self.settlement_chain_id = check_uint256("settlement_chain_id", settlement_chain_id)
        self.block_number = check_uint256("block_number", block_number)
        self._shared = FullTree(EMPTY_ENTRY_HASH)
        self._index: dict[int, int] = {}
        self._chain_trees: dict[int, IncrementalTree] = {}
        self._history: dict[int, RootSnapshot] = {}
        self._add_new_chain(settlement_chain_id)

    @property
    def chain_ids(self) -> tuple[int, ...]:
        """Registered chain ids in index order (the settlement chain first)."""
        return tuple(self._index)

    def chain_registered(self, chain_id: int) -> bool:
        return chain_id in self._index

    def chain_index(self, chain_id: int) -> int:
        self._require_registered(chain_id)
        return self._index[chain_id]

    def add_new_chain(self, chain_id: int) -> None:
        """Register ``chain_id`` (any uint256); its leaf is chainIdLeafHash(32 zero bytes, chain_id)."""
        check_uint256("chain_id", chain_id)
        if chain_id in self._index:
            raise ValueError(f"chain {chain_id} is already registered (ChainExists)")
        self._add_new_chain(chain_id)

    def _add_new_chain(self, chain_id: int) -> None:
        self._index[chain_id] = len(self._index)
        tree = IncrementalTree(EMPTY_ENTRY_HASH)
        self._chain_trees[chain_id] = tree
        self._shared.push_new_leaf(compute_chain_id_leaf_hash(tree.root(), chain_id))

    def _require_registered(self, chain_id: object) -> None:
        check_uint256("chain_id", chain_id)
        if chain_id not in self._index:
            raise ValueError(f"chain {chain_id} is not registered (MessageRootNotRegistered)")

    def add_chain_batch_root(self, chain_id: int, batch_number: int, chain_batch_root: bytes) -> bytes:
        """Append a chain's batch root; update its leaf over chains; record and return the new aggregated root."""
        self._require_registered(chain_id)
        leaf = compute_batch_leaf_hash(chain_batch_root, batch_number)
        _, chain_root = self._chain_trees[chain_id].push(leaf)
        root = self._shared.update_leaf(self._index[chain_id], compute_chain_id_leaf_hash(chain_root, chain_id))
        counts = tuple(len(self._chain_trees[c].leaves) for c in self._index)
        self._history[self.block_number] = RootSnapshot(self.block_number, root, self._shared.leaves(), counts)
        return root

    def aggregated_root(self) -> bytes:
        return self._shared.root()

    def chain_root(self, chain_id: int) -> bytes:
        """The root of ``chain_id``'s batch tree (32 zero bytes before its first batch)."""
        self._require_registered(chain_id)
        return self._chain_trees[chain_id].root()

    def batch_count(self, chain_id: int) -> int:
        self._require_registered(chain_id)
        return len(self._chain_trees[chain_id].leaves)

    def advance_block(self, block_number: int) -> None:
        """Move the settlement layer to ``block_number`` (never backwards)."""
        check_uint256("block_number", block_number)
        if block_number < self.block_number:
            raise ValueError(f"block numbers only grow: at {self.block_number}, got {block_number}")
        self.block_number = block_number

    def historical_root(self, block_number: int) -> bytes:
        """historicalRoot[block_number]: the last aggregated root of that block, or 32 zero bytes."""
        snapshot = self._history.get(check_uint256("block_number", block_number))
        return snapshot.root if snapshot else ZERO32

    def snapshot(self, block_number: int) -> RootSnapshot:
        """The tree as of the last change in ``block_number`` (for building proofs against its root)."""
        if block_number not in self._history:
            raise ValueError(f"the MessageRoot did not change in block {block_number!r}")
        return self._history[block_number]

    def history(self) -> dict[int, bytes]:
        """Every recorded block's root, oldest first."""
        return {n: s.root for n, s in sorted(self._history.items())}

    def batch_tree(self, chain_id: int) -> IncrementalTree:
        self._require_registered(chain_id)
        return self._chain_trees[chain_id]
