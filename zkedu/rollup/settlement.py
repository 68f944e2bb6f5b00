"""Glue between the sequencer's batches and the simulated L1: pubdata of a batch, commit input, replay state.

Source: EC system-contracts L1Messenger.sol (what a batch publishes); Executor.sol (what is committed).
"""

from __future__ import annotations

from typing import Protocol

from zkedu.rollup.l1 import BatchSubmission, prepare_commit
from zkedu.rollup.proof import ReplayState, TreeRootFn
from zkedu.rollup.pubdata import BatchPubdata, decode_pubdata, encode_pubdata, update_known_slots
from zkedu.rollup.records import L2ToL1Log, StateDiff


class SealedBatch(Protocol):
    """What settlement needs from a sequencer batch (``zkedu.rollup.seal.Batch`` has it)."""

    number: int
    state_diffs: tuple[StateDiff, ...]
    l2_to_l1_logs: tuple[L2ToL1Log, ...]
    messages: tuple[bytes, ...]
    priority_txs: int
    closed_at: float
    root_before: bytes
    root_after: bytes


class HasEntries(Protocol):
    def entries(self) -> dict[bytes, tuple[int, int]]: ...


def compute_batch_pubdata(batch: SealedBatch) -> BatchPubdata:
    """Everything the batch publishes: its L2->L1 logs, messages and net state diffs (no bytecodes here)."""
    return BatchPubdata(tuple(batch.l2_to_l1_logs), tuple(batch.messages), (), tuple(batch.state_diffs))


def submit_batch(
    batch: SealedBatch, slots_before: int, *, da_mode: str = "blobs", open_blobs: bool = True
) -> BatchSubmission:
    """The operator's commit input for a sealed batch; ``slots_before`` is the tree's leaf count before it."""
    first_writes = sum(d.is_first_write for d in batch.state_diffs)
    return prepare_commit(
        batch.number, int(batch.closed_at), batch.root_before, batch.root_after, slots_before + first_writes,
        compute_batch_pubdata(batch), number_of_l1_txs=batch.priority_txs, da_mode=da_mode, open_blobs=open_blobs,
    )


def replay_state_from_tree(tree: HasEntries) -> ReplayState:
    """A verifier's state copied from a state tree (the genesis both sides agree on), rooted by ZKsync's tree."""
    slots = {index: (key, value) for key, (index, value) in tree.entries().items()}
    return ReplayState.genesis(TreeRootFn(), slots)


def replay_pubdata(
    known: dict[int, tuple[bytes, int]], pubdata_stream: list[bytes]
) -> list[dict[int, tuple[bytes, int]]]:
    """A node that reads only L1: decode each batch's pubdata in turn; returns the slot map after each batch."""
    out = []
    for data in pubdata_stream:
        known = update_known_slots(known, decode_pubdata(data, known).state_diffs)
        out.append(known)
    return out


def encode_batch_pubdata(batch: SealedBatch) -> bytes:
    """The bytes the batch publishes (``encode_pubdata`` of ``compute_batch_pubdata``)."""
    return encode_pubdata(compute_batch_pubdata(batch))
