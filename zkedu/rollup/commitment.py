"""What L1 stores about a batch: the commit input, the stored batch info and its hash, the batch commitment.

Shapes follow Executor.sol, simplified and said so: the commitment is keccak(pass-through hash || auxiliary
output hash), where the pass-through hash covers the new state root and the repeated-write index counter, and
the auxiliary hash covers the L2->L1 logs root, the pubdata hash and, per blob, its linear hash and its
opening commitment keccak(versioned hash || z (16 bytes) || y). Era's metadata hash (bootloader and
account code hashes) and system-log hash are left out.

Source: EC l1-contracts/contracts/state-transition/chain-deps/facets/Executor.sol (_createBatchCommitment,
_hashStoredBatchInfo); da-contracts RollupL1DAValidator.sol; system-contracts L1Messenger.sol.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zkedu.hashing import keccak256
from zkedu.rollup.records import L2ToL1Log

L2_TO_L1_LOGS_TREE_DEPTH = 14  # 16,384 leaves
EMPTY_LOG_LEAF = keccak256(bytes(88))
ZERO32 = bytes(32)


def compute_merkle_levels(leaves: Sequence[bytes], empty_leaf: bytes, depth: int) -> list[list[bytes]]:
    """Every level of a depth-``depth`` keccak tree over ``leaves`` padded with ``empty_leaf``, leaves first.

    Each level holds only its filled prefix (a trailing node pairs with that level's all-empty subtree,
    ``zeros[i+1] = keccak(zeros[i] || zeros[i])``); the last level is ``[root]``. The L2->L1 log tree, the
    MessageRoot's per-chain trees and its tree over chains are all this tree, with their own empty leaf.

    Source: EC l1-contracts/contracts/common/libraries/Merkle.sol (efficientHash), FullMerkle.sol,
    DynamicIncrementalMerkle.sol; system-contracts L1Messenger.sol.
    """
    if not isinstance(depth, int) or not 0 <= depth < 256:
        raise ValueError(f"depth must be an int in [0, 256), got {depth!r}")
    if len(leaves) > 1 << depth:
        raise ValueError(f"a depth-{depth} tree holds at most {1 << depth} leaves, got {len(leaves)}")
    level, empty = list(leaves), empty_leaf
    levels = [level]
    for _ in range(depth):
        if len(level) % 2:
            level = [*level, empty]
        level = [keccak256(level[i] + level[i + 1]) for i in range(0, len(level), 2)]
        empty = keccak256(empty + empty)
        levels.append(level)
    if not levels[-1]:
        levels[-1] = [empty]
    return levels


def compute_merkle_path(levels: Sequence[Sequence[bytes]], index: int, empty_leaf: bytes) -> tuple[bytes, ...]:
    """The sibling of leaf ``index`` at each level, bottom up, from ``compute_merkle_levels``'s output.

    Verify with ``compute_root_from_path(path, index, leaf) == levels[-1][0]``.
    """
    if not isinstance(index, int) or not 0 <= index < len(levels[0]):
        raise ValueError(f"index must be in [0, {len(levels[0])}), got {index!r}")
    path, empty = [], empty_leaf
    for level in levels[:-1]:
        sibling = index ^ 1
        path.append(level[sibling] if sibling < len(level) else empty)
        empty = keccak256(empty + empty)
        index >>= 1
    return tuple(path)


def compute_root_from_path(path: Sequence[bytes], index: int, leaf: bytes) -> bytes:
    """Hash ``leaf`` up its ``path``: left or right at each level by the bits of ``index`` (Merkle.calculateRoot).

    Rejects an index that does not fit a tree of the path's depth, as the contract does.

    Source: EC l1-contracts/contracts/common/libraries/Merkle.sol (calculateRoot,
    _validatePathLengthForSingleProof).

    >>> a, b = bytes(32), bytes([1]) * 32
    >>> compute_root_from_path([b], 0, a) == keccak256(a + b) == compute_root_from_path([a], 1, b)
    True
    """
    if len(path) >= 256:
        raise ValueError(f"a Merkle path has fewer than 256 nodes, got {len(path)}")
    if not isinstance(index, int) or not 0 <= index < 1 << len(path):
        raise ValueError(f"index {index!r} does not fit a tree of depth {len(path)}")
    node = leaf
    for sibling in path:
        node = keccak256(sibling + node) if index & 1 else keccak256(node + sibling)
        index >>= 1
    return node


def compute_l2_logs_root(logs: Sequence[L2ToL1Log]) -> bytes:
    """Root of the depth-14 keccak tree over the batch's 88-byte L2->L1 logs, padded with keccak(88 zero bytes).

    Only the filled prefix is hashed; the rest of each level is the known all-empty subtree.

    >>> EMPTY_LOG_LEAF.hex()[:16]  # L2_L1_LOGS_TREE_DEFAULT_LEAF_HASH in L1Messenger.sol
    '72abee45b59e344a'
    >>> compute_l2_logs_root([]).hex()[:16]  # the all-empty tree
    '375a5bf909cb0214'
    """
    if len(logs) > 1 << L2_TO_L1_LOGS_TREE_DEPTH:
        raise ValueError(f"at most {1 << L2_TO_L1_LOGS_TREE_DEPTH} L2->L1 logs per batch, got {len(logs)}")
    leaves = [keccak256(log.to_bytes()) for log in logs]
    return compute_merkle_levels(leaves, EMPTY_LOG_LEAF, L2_TO_L1_LOGS_TREE_DEPTH)[-1][0]


def compute_l2_log_proof(logs: Sequence[L2ToL1Log], index: int) -> tuple[bytes, ...]:
    """The 14 siblings proving log ``index`` in the batch's local log tree (verify: ``compute_root_from_path``).

    Source: EC system-contracts L1Messenger.sol (the tree); l1-contracts MessageVerification.sol (its proof).
    """
    if not 0 <= index < len(logs):
        raise ValueError(f"log index must be in [0, {len(logs)}), got {index!r}")
    leaves = [keccak256(log.to_bytes()) for log in logs]
    levels = compute_merkle_levels(leaves, EMPTY_LOG_LEAF, L2_TO_L1_LOGS_TREE_DEPTH)
    return compute_merkle_path(levels, index, EMPTY_LOG_LEAF)


@dataclass(frozen=True)
class BlobOpening:
    """A blob's KZG opening as the operator sends it: z (128 bits), y = p(z), the commitment and the proof."""

    versioned_hash: bytes
    opening_point: int
    claimed_value: bytes
    commitment: bytes
    proof: bytes

    def precompile_input(self) -> bytes:
        """The 192 bytes for the point-evaluation precompile: versioned hash || z || y || commitment || proof."""
        return (
            self.versioned_hash + self.opening_point.to_bytes(32, "big") + self.claimed_value
            + self.commitment + self.proof
        )

    def published_commitment(self) -> bytes:
        """keccak(versioned hash || z as 16 bytes || y): what enters the batch commitment for this blob."""
        return keccak256(self.versioned_hash + self.opening_point.to_bytes(16, "big") + self.claimed_value)


@dataclass(frozen=True)
class CommitBatchInfo:
    """The operator's commit input for one batch.

    ``prev_batch_hash`` is what the batch itself reports as its predecessor's root (a system log on Era).
    In calldata mode ``pubdata`` is the pubdata itself; in blob mode it is empty and the data travel in
    blobs, one linear hash and one opening (None if the operator skipped KZG) per blob.
    """

    batch_number: int
    timestamp: int
    prev_batch_hash: bytes
    new_state_root: bytes
    index_repeated_storage_changes: int
    number_of_l1_txs: int
    l2_logs_root: bytes
    pubdata_hash: bytes
    pubdata_bytes: int
    da_mode: str  # "calldata" or "blobs"
    pubdata: bytes = b""
    blob_linear_hashes: tuple[bytes, ...] = ()
    blob_openings: tuple[BlobOpening | None, ...] = ()


def compute_batch_commitment(info: CommitBatchInfo, max_blobs: int = 6) -> bytes:
    """keccak(pass-through hash || auxiliary output hash) for a batch (simplified, see the module docstring)."""
    pass_through = keccak256(info.index_repeated_storage_changes.to_bytes(8, "big") + info.new_state_root)
    blobs = b""
    for i in range(max_blobs):
        if i < len(info.blob_linear_hashes):
            opening = info.blob_openings[i]
            blobs += info.blob_linear_hashes[i] + (opening.published_commitment() if opening else ZERO32)
        else:
            blobs += ZERO32 + ZERO32
    aux = keccak256(info.l2_logs_root + info.pubdata_hash + blobs)
    return keccak256(pass_through + aux)


@dataclass(frozen=True)
class StoredBatchInfo:
    """What L1 keeps per committed batch (Executor.sol's StoredBatchInfo, priority-ops hash left out)."""

    batch_number: int
    batch_hash: bytes  # the batch's new state root
    index_repeated_storage_changes: int  # slots in the tree after the batch: the last enumeration index used
    number_of_l1_txs: int
    l2_logs_root: bytes
    timestamp: int
    commitment: bytes

    def hash(self) -> bytes:
        """keccak of the ABI-encoded fields (each a 32-byte word), the value L1 chains batches by."""
        words = (
            self.batch_number.to_bytes(32, "big")
            + self.batch_hash
            + self.index_repeated_storage_changes.to_bytes(32, "big")
            + self.number_of_l1_txs.to_bytes(32, "big")
            + self.l2_logs_root
            + self.timestamp.to_bytes(32, "big")
            + self.commitment
        )
        return keccak256(words)


def genesis_batch(state_root: bytes, slots: int = 0, timestamp: int = 0) -> StoredBatchInfo:
    """Batch 0 as L1 stores it at chain creation: the genesis root and slot count, no logs, a zero commitment."""
    if not isinstance(state_root, bytes) or len(state_root) != 32:
        raise ValueError(f"state_root must be 32 bytes, got {state_root!r}")
    return StoredBatchInfo(0, state_root, slots, 0, compute_l2_logs_root([]), timestamp, ZERO32)
