"""Proving on chain B that chain A sent a message: the concatenated Merkle proof and its verification.

A proof is a list of 32-byte words, in the contracts' format (metadata version 1). Each node starts with a
metadata word ``0x01 || logLeafProofLen || batchLeafProofLen || finalProofNode || 28 zero bytes``, then:

- the log leaf path: from the leaf (a hashed 88-byte log) through the batch's local log tree, then one more
  sibling, the batch's aggregated root, up to ``ChainBatchRoot = keccak(localLogsRoot || aggregatedRoot)``;
- if the node is final, that root must be the imported interop root for (chain id, number) and we stop;
- else: the batch-leaf mask and path, from ``BatchRootLeaf`` up to the chain's ``chainRoot``; then the word
  ``settlementBlockNumber << 128 | chainIdLeafMask`` and the settlement layer's chain id. The next node
  proves ``ChainIdLeaf = chainIdLeafHash(chainRoot, chainId)`` in the settlement layer's tree over chains,
  against the root B imported for (settlement chain id, block number).

So a message sent on A and checked on B takes: log -> local root -> ChainBatchRoot -> chainRoot ->
ChainIdLeaf -> imported root. Nothing here stops the same message from being proven twice: replay
protection is the application's job (see ``zkedu.interop.assets``).

Source: EC l1-contracts/contracts/common/libraries/MessageHashing.sol (parseProofMetadata, _getProofData),
bridgehub/L2MessageVerification.sol, state-transition/chain-deps/facets/MessageVerification.sol,
common/libraries/Merkle.sol (main @5e7d0b4, protocol v29.x).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from zkedu.hashing import keccak256
from zkedu.interop.message_root import check_bytes32, check_uint256, compute_batch_leaf_hash, compute_chain_id_leaf_hash
from zkedu.rollup.commitment import EMPTY_LOG_LEAF, compute_root_from_path
from zkedu.rollup.records import L2ToL1Log
from zkedu.rollup.tx import L1_MESSENGER_ADDRESS

SUPPORTED_PROOF_METADATA_VERSION = 1
ZERO32 = bytes(32)


class RejectReason(Enum):
    """Why an inclusion proof was rejected."""

    MALFORMED_PROOF = "malformed proof"
    DEFAULT_LEAF = "the leaf is the empty log leaf"
    UNKNOWN_CHAIN = "the source chain is not registered on the settlement layer"
    ROOT_NOT_IMPORTED = "no interop root was imported for that settlement layer and block"
    ROOT_MISMATCH = "the proof does not lead to the imported root (forged or wrong proof)"
    IMPORT_MISMATCH = "an imported root is not the settlement layer's historical root (the batch cannot execute)"
    WRONG_SENDER = "the message was not sent by the application expected"
    ALREADY_CONSUMED = "the message was already consumed (the application's nullifier)"


class InteropRejected(ValueError):
    """A rejected interop proof or message; ``reason`` says why."""

    def __init__(self, reason: RejectReason, message: str) -> None:
        super().__init__(f"{reason.value}: {message}")
        self.reason = reason


@dataclass(frozen=True)
class L2Message:
    """A message sent with L1Messenger.sendToL1: the sender's address, its data and its tx number in the batch."""

    tx_number_in_batch: int
    sender: bytes
    data: bytes


def message_to_log(message: L2Message) -> L2ToL1Log:
    """The 88-byte log L1Messenger emits for a message: service log, key = sender, value = keccak(data).

    Source: EC l1-contracts MessageVerification.sol (_l2MessageToLog); system-contracts L1Messenger.sol.
    """
    sender = message.sender
    if not isinstance(sender, bytes) or len(sender) != 20:
        raise ValueError(f"sender must be a 20-byte address, got {sender!r}")
    return L2ToL1Log(0, True, message.tx_number_in_batch, L1_MESSENGER_ADDRESS, bytes(12) + sender,
                     keccak256(message.data))


def hash_log(log: L2ToL1Log) -> bytes:
    """The log tree's leaf: keccak of the 88-byte log."""
    return keccak256(log.to_bytes())


def encode_metadata(log_leaf_proof_len: int, batch_leaf_proof_len: int, final: bool) -> bytes:
    """The metadata word that opens each proof node (version 1)."""
    for name, n in (("log_leaf_proof_len", log_leaf_proof_len), ("batch_leaf_proof_len", batch_leaf_proof_len)):
        if not isinstance(n, int) or not 0 <= n < 256:
            raise ValueError(f"{name} must fit in one byte, got {n!r}")
    if final and batch_leaf_proof_len:
        raise ValueError("a final proof node has no batch leaf proof")
    return bytes([SUPPORTED_PROOF_METADATA_VERSION, log_leaf_proof_len, batch_leaf_proof_len, int(final)]) + bytes(28)


def encode_proof_node(
    log_leaf_path: Sequence[bytes],
    *,
    batch_leaf_mask: int | None = None,
    batch_leaf_path: Sequence[bytes] = (),
    settlement_block_number: int = 0,
    chain_id_leaf_mask: int = 0,
    settlement_chain_id: int = 0,
) -> list[bytes]:
    """One node of a proof; a final node if ``batch_leaf_mask`` is None."""
    final = batch_leaf_mask is None
    words = [encode_metadata(len(log_leaf_path), len(batch_leaf_path), final), *log_leaf_path]
    if not final:
        check_uint256("batch_leaf_mask", batch_leaf_mask)
        if not 0 <= settlement_block_number < 2**128 or not 0 <= chain_id_leaf_mask < 2**128:
            raise ValueError(f"block number and mask must fit 128 bits, got {settlement_block_number}, "
                             f"{chain_id_leaf_mask}")
        words += [batch_leaf_mask.to_bytes(32, "big"), *batch_leaf_path,
                  (settlement_block_number << 128 | chain_id_leaf_mask).to_bytes(32, "big"),
                  check_uint256("settlement_chain_id", settlement_chain_id).to_bytes(32, "big")]
    return [check_bytes32("proof word", w) for w in words]


def _fold(path: Sequence[bytes], mask: int, leaf: bytes) -> bytes:
    try:
        return compute_root_from_path(path, mask, leaf)
    except ValueError as exc:
        raise InteropRejected(RejectReason.MALFORMED_PROOF, str(exc)) from exc


def _take(proof: Sequence[bytes], start: int, count: int) -> list[bytes]:
    if start + count > len(proof):
        raise InteropRejected(RejectReason.MALFORMED_PROOF, f"the proof ends at word {len(proof)}, "
                              f"a node needs words up to {start + count}")
    return list(proof[start:start + count])


def check_leaf_inclusion(
    interop_roots: Mapping[tuple[int, int], bytes],
    chain_id: int,
    number: int,
    mask: int,
    leaf: bytes,
    proof: Sequence[bytes],
) -> bytes:
    """Check ``leaf`` against the imported roots, node by node; return the matched root or raise InteropRejected.

    ``interop_roots`` maps (chain id, block or batch number) to the root B imported (L2InteropRootStorage).
    For the first node, ``chain_id``/``number`` are the source chain and batch and ``mask`` is the log index.

    Source: EC MessageHashing._getProofData, L2MessageVerification._proveL2LeafInclusion.
    """
    if not proof:
        raise InteropRejected(RejectReason.MALFORMED_PROOF, "the proof is empty (MerklePathEmpty)")
    for w in proof:
        check_bytes32("proof word", w)
    if leaf == EMPTY_LOG_LEAF:
        raise InteropRejected(RejectReason.DEFAULT_LEAF, "an empty slot of the log tree is not a message")
    ptr = 0
    while True:
        meta = proof[ptr]
        if int.from_bytes(meta[4:], "big") != 0 or meta[0] != SUPPORTED_PROOF_METADATA_VERSION:
            raise InteropRejected(RejectReason.MALFORMED_PROOF, f"word {ptr} is not version-1 metadata: {meta.hex()}")
        log_len, batch_len, final = meta[1], meta[2], meta[3] != 0
        if final and batch_len:
            raise InteropRejected(RejectReason.MALFORMED_PROOF, "a final node with a batch leaf proof")
        settlement_root = _fold(_take(proof, ptr + 1, log_len), mask, leaf)
        ptr += 1 + log_len
        if final:
            if ptr != len(proof):
                raise InteropRejected(RejectReason.MALFORMED_PROOF, f"{len(proof) - ptr} words after the final node")
            imported = interop_roots.get((chain_id, number), ZERO32)
            if imported == ZERO32:
                raise InteropRejected(RejectReason.ROOT_NOT_IMPORTED, f"chain {chain_id}, number {number}")
            if imported != settlement_root:
                raise InteropRejected(RejectReason.ROOT_MISMATCH, f"got {settlement_root.hex()}, "
                                      f"imported {imported.hex()} for chain {chain_id}, number {number}")
            return imported
        batch_mask = int.from_bytes(_take(proof, ptr, 1)[0], "big")
        batch_leaf = compute_batch_leaf_hash(settlement_root, number)
        chain_root = _fold(_take(proof, ptr + 1, batch_len), batch_mask, batch_leaf)
        ptr += 1 + batch_len
        packed, sl_chain = (int.from_bytes(w, "big") for w in _take(proof, ptr, 2))
        ptr += 2
        leaf = compute_chain_id_leaf_hash(chain_root, chain_id)
        chain_id, number, mask = sl_chain, packed >> 128, packed & (2**128 - 1)


def verify_leaf_inclusion(
    interop_roots: Mapping[tuple[int, int], bytes], chain_id: int, number: int, mask: int, leaf: bytes,
    proof: Sequence[bytes],
) -> bool:
    """True if ``check_leaf_inclusion`` accepts, False if it rejects (any reason)."""
    try:
        check_leaf_inclusion(interop_roots, chain_id, number, mask, leaf, proof)
    except InteropRejected:
        return False
    return True


def check_message_inclusion(
    interop_roots: Mapping[tuple[int, int], bytes],
    chain_id: int,
    batch_number: int,
    index: int,
    message: L2Message | L2ToL1Log,
    proof: Sequence[bytes],
) -> bytes:
    """Check that ``message`` (or a raw log) is log ``index`` of batch ``batch_number`` of ``chain_id``.

    Source: EC MessageVerification.sol (proveL2MessageInclusionShared, proveL2LogInclusionShared).
    """
    log = message_to_log(message) if isinstance(message, L2Message) else message
    if not isinstance(log, L2ToL1Log):
        raise TypeError(f"expected an L2Message or an L2ToL1Log, got {type(message).__name__}")
    return check_leaf_inclusion(interop_roots, chain_id, batch_number, index, hash_log(log), proof)
