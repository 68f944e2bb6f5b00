"""A batch's limited resources and what a sealed batch records: seal criteria, limits, batches, rejections.

Era's state keeper seals a batch when any resource reaches 95% of its limit and rejects a transaction
that alone would use more than 95% of one. Its criteria are transaction slots, pubdata bytes, L1->L2
transactions, L2->L1 logs, imported interop roots, transaction encoding size, proof circuits and gas for
the batch tip. There is no per-batch L2-gas criterion: the fee model's ``max_gas_per_batch`` (200,000,000)
only prices the batch overhead. This model keeps slots, pubdata (and the blobs it fills), L1->L2
transactions and L2->L1 logs as Era counts them, and models proof circuits by an estimate: a transaction's
circuits are its execution gas (not the slot overhead it is charged) divided by
``L2_GAS_PER_CIRCUIT_ESTIMATE``, the fee model's own rate
(200,000,000 gas priced as one batch of 28,000 circuits). It is an estimate, not a measurement: the node
measures circuits per transaction from the VM's execution. Interop roots, encoding size and the batch tip
are not modelled.

Source: ERA core/node/state_keeper/src/seal_criteria/ (conditional_sealer.rs; criteria/mod.rs, slots.rs,
pubdata_bytes.rs, l1_l2_txs.rs, l2_l1_logs.rs, geometry_seal_criteria.rs, interop_roots.rs,
tx_encoding_size.rs, gas_for_batch_tip.rs), core/lib/config/src/configs/chain.rs (max_circuits_per_batch),
core/lib/multivm/src/versions/vm_latest/constants.rs (MAX_TXS_IN_BATCH); EC da-contracts
RollupL1DAValidator.sol (6 blobs).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from zkedu._checks import require_int
from zkedu.blobpack import blobs_needed
from zkedu.constants import MAX_BLOBS_PER_BATCH, USABLE_BYTES_PER_BLOB, WORD
from zkedu.rollup.compression import (
    DERIVED_KEY_BYTES,
    ENUMERATION_INDEX_BYTES,
    MAX_PACKED_BYTES,
    METADATA_BYTES,
    VALUE_BYTES,
)
from zkedu.rollup.pubdata import STATE_DIFFS_HEADER_BYTES
from zkedu.rollup.records import L2ToL1Log, StateDiff
from zkedu.rollup.tx import RejectReason, Transaction

MAX_TXS_IN_BATCH = 10_000  # bootloader hard cap
MAX_CIRCUITS_PER_BATCH = 28_000  # base-layer proof circuits per batch (Era's hard cap)
# An estimate: the fee model prices max_gas_per_batch = 200,000,000 gas as one batch; read as 28,000 circuits.
L2_GAS_PER_CIRCUIT_ESTIMATE = 200_000_000 // MAX_CIRCUITS_PER_BATCH  # 7,142 gas per circuit
EMPTY_PUBDATA_BYTES = 4 + 4 + 4 + STATE_DIFFS_HEADER_BYTES  # three empty section counts + state-diff header


class SealCriterion(Enum):
    TRANSACTIONS = "transaction slots"
    CIRCUITS = "proof circuits (estimated from execution gas)"
    PUBDATA = "pubdata bytes"
    BLOBS = "blobs"
    PRIORITY_TXS = "L1->L2 transactions"
    L2_TO_L1_LOGS = "L2->L1 logs"
    TIMEOUT = "timeout"
    END_OF_INPUT = "no more transactions"


# The limited resources, in the order the hot loop keeps them as tuples.
RESOURCES = (SealCriterion.TRANSACTIONS, SealCriterion.CIRCUITS, SealCriterion.PUBDATA, SealCriterion.BLOBS,
             SealCriterion.PRIORITY_TXS, SealCriterion.L2_TO_L1_LOGS)


@dataclass(frozen=True)
class SealLimits:
    """A batch's limits: a batch seals at ``close_fraction`` of any limit; a transaction that alone uses more
    than ``reject_fraction`` of its circuit, pubdata or L2->L1 log limit is rejected.

    Defaults: Era's 8,192 transaction slots, 28,000 circuits, 600 L1->L2 transactions and 16,384 L2->L1 logs;
    the pubdata limit is per chain (500,000 bytes is a sample configuration, 240,000 a value a live response
    showed); the batch timeout is the server's default (Era mainnet overrides it with about 8 hours).
    ``l2_gas_per_circuit`` converts a transaction's execution gas into estimated circuits.
    """

    max_transactions: int = 8_192
    max_circuits: int = MAX_CIRCUITS_PER_BATCH
    max_pubdata_bytes: int = 500_000
    max_blobs: int = MAX_BLOBS_PER_BATCH
    max_priority_txs: int = 600
    max_l2_to_l1_logs: int = 16_384
    batch_timeout_seconds: float = 2.5
    close_fraction: float = 0.95
    reject_fraction: float = 0.95
    l2_gas_per_circuit: int = L2_GAS_PER_CIRCUIT_ESTIMATE

    def __post_init__(self) -> None:
        for name in ("max_transactions", "max_circuits", "max_pubdata_bytes", "max_blobs", "max_priority_txs",
                     "max_l2_to_l1_logs", "l2_gas_per_circuit"):
            value = getattr(self, name)
            require_int(value, name)
            if value <= 0:
                raise ValueError(f"{name} must be > 0, got {value!r}")
        for name in ("batch_timeout_seconds", "close_fraction", "reject_fraction"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise TypeError(f"{name} must be a number, got {type(value).__name__}: {value!r}")
            if not value > 0:
                raise ValueError(f"{name} must be > 0, got {value!r}")
        for name in ("close_fraction", "reject_fraction"):
            if getattr(self, name) > 1:
                raise ValueError(f"{name} must be at most 1, got {getattr(self, name)!r}")
        if self.max_transactions > MAX_TXS_IN_BATCH:
            raise ValueError(f"max_transactions must be at most the bootloader's {MAX_TXS_IN_BATCH}, "
                             f"got {self.max_transactions}")
        if self.max_blobs > MAX_BLOBS_PER_BATCH:
            raise ValueError(f"max_blobs must be at most {MAX_BLOBS_PER_BATCH}, got {self.max_blobs}")
        if self.max_pubdata_bytes > self.max_blobs * USABLE_BYTES_PER_BLOB:
            raise ValueError(f"max_pubdata_bytes must fit {self.max_blobs} blobs "
                             f"({self.max_blobs * USABLE_BYTES_PER_BLOB} B), got {self.max_pubdata_bytes}")

    def limit_of(self, criterion: SealCriterion) -> int:
        """The limit on one resource (not TIMEOUT or END_OF_INPUT)."""
        if criterion not in RESOURCES:
            raise ValueError(f"{criterion} is not a limited resource; use one of {[c.name for c in RESOURCES]}")
        return self.limits()[RESOURCES.index(criterion)]

    def limits(self) -> tuple[int, ...]:
        """The limits in ``RESOURCES`` order (circuits in circuits)."""
        return (self.max_transactions, self.max_circuits, self.max_pubdata_bytes, self.max_blobs,
                self.max_priority_txs, self.max_l2_to_l1_logs)

    def counting_limits(self) -> tuple[int, ...]:
        """The limits in the units the sequencer counts: circuits as their gas equivalent, the rest as is."""
        limits = list(self.limits())
        limits[RESOURCES.index(SealCriterion.CIRCUITS)] = self.max_circuits * self.l2_gas_per_circuit
        return tuple(limits)


@dataclass(frozen=True)
class Rejection:
    """A transaction left out, why, and its position in the input stream."""

    position: int
    tx: Transaction
    reason: RejectReason
    message: str


@dataclass(frozen=True)
class Batch:
    """A sealed batch: what it includes and rejects, its net state diffs and logs, resources, seal reason, roots."""

    number: int
    transactions: tuple[Transaction, ...]
    rejected: tuple[Rejection, ...]
    state_diffs: tuple[StateDiff, ...]
    l2_to_l1_logs: tuple[L2ToL1Log, ...]
    messages: tuple[bytes, ...]
    gas_used: int  # computational gas (execution): the input of the circuit estimate
    gas_charged: int
    pubdata_bytes: int
    fees_collected: int
    deposited: int
    withdrawn: int
    priority_txs: int
    seal_criterion: SealCriterion
    opened_at: float
    closed_at: float
    root_before: bytes
    root_after: bytes

    @property
    def blobs(self) -> int:
        return blobs_needed(self.pubdata_bytes)

    def usage(self, l2_gas_per_circuit: int = L2_GAS_PER_CIRCUIT_ESTIMATE) -> dict[SealCriterion, int]:
        """The batch's use of each limited resource (circuits estimated from its gas, rounded up)."""
        circuits = -(-self.gas_used // l2_gas_per_circuit)
        used = (len(self.transactions), circuits, self.pubdata_bytes, self.blobs, self.priority_txs,
                len(self.l2_to_l1_logs))
        return dict(zip(RESOURCES, used, strict=True))


def compute_diff_size(index_before: int, initial: int, final: int) -> int:
    """Bytes a slot's net diff adds to the compressed state diffs; 0 if its value is back to the initial one.

    Equal to ``compression.state_diff_size`` (tested), computed from bit lengths alone for the hot loop: the
    shortest of Add, Sub, Transform if at most 30 bytes, else 32 bytes (NoCompression), plus the metadata
    byte, plus the 32-byte key (first write) or the 4-byte enumeration index (repeated write).
    """
    if final == initial:
        return 0
    n = min(((final - initial) % WORD).bit_length(), ((initial - final) % WORD).bit_length(), final.bit_length())
    n = (n + 7) // 8
    value_bytes = METADATA_BYTES + (n if n <= MAX_PACKED_BYTES else VALUE_BYTES)
    return value_bytes + (ENUMERATION_INDEX_BYTES if index_before else DERIVED_KEY_BYTES)
