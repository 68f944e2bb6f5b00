"""The sequencer: executes transactions against the state tree and seals them into batches by ZKsync's criteria.

Each transaction is executed on top of the open batch's pending writes. A transaction that fails a check
is rejected with a ``RejectReason`` and the batch goes on. Then the seal criteria are applied, as Era's
state keeper does, to the batch's resources with the transaction added:

* the transaction alone uses more than 95% of a limit  -> reject it (it could never fit); this applies to
  its sizes (estimated circuits, pubdata bytes, L2->L1 logs), as Era's geometry criteria; one transaction always fits
  the count limits (slots, priority transactions) on its own;
* the batch would exceed a limit                        -> seal the batch without it, retry it in the next;
* the batch reaches 95% of a limit                      -> include it and seal.

Resources: transaction slots, proof circuits, pubdata bytes, blobs, L1->L2 (priority) transactions, L2->L1
logs; and
a timeout in simulated seconds since the batch opened. Pubdata is counted exactly, with the pubdata
module's compressed size of each slot's net diff, plus 88 bytes per L2->L1 log and 4 + length per message.

Circuits: Era has no per-batch gas limit; it limits proof circuits. A transaction's computational gas
(its execution, not the per-transaction slot overhead, which is a fee charge) stands in for its circuits at
``seal.L2_GAS_PER_CIRCUIT_ESTIMATE`` gas per circuit (an estimate; see ``zkedu.rollup.seal``); pubdata has
its own limit. What one transaction does
and pays is ``zkedu.rollup.execution``; the batch being filled is ``zkedu.rollup.open_batch``; the limits
and the sealed ``Batch`` record are ``zkedu.rollup.seal``.

A sealed batch's state diffs are net per slot, in the order slots were first written in the batch, and the
tree gives new slots their enumeration indices in that order, as does a node replaying the pubdata
(``pubdata.update_known_slots``). Era's server assigns them in one fixed order of its deduplicated storage
logs; the model's order is its own choice, shared by every part of the book.

Source: ERA core/node/state_keeper/src/seal_criteria/ (conditional_sealer.rs, criteria/ files: slots,
geometry_seal_criteria (circuits), pubdata_bytes, l1_l2_txs, l2_l1_logs),
core/lib/config/src/configs/chain.rs; EC bootloader.yul (fee charged as gas x base fee, pubdata as
gas_per_pubdata per byte).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from zkedu._checks import require_int
from zkedu.blobpack import blobs_needed
from zkedu.rollup.execution import FeeTerms, execute_transaction
from zkedu.rollup.open_batch import OpenBatch, TxEffects
from zkedu.rollup.seal import EMPTY_PUBDATA_BYTES, RESOURCES, Batch, Rejection, SealCriterion, SealLimits
from zkedu.rollup.state import StateTree
from zkedu.rollup.tx import BOOTLOADER_ADDRESS, Deposit, RejectReason, Transaction, TxRejected, compute_balance_key

DEFAULT_GAS_PRICE = 25_000_000  # wei per gas: the live minimal L2 gas price (Era, as of Nov 2026)
DEFAULT_GAS_PER_PUBDATA = 10_000  # about ceil(254.87 gwei / 0.025 gwei) with the same live figures
# The resources a lone transaction is judged on (its blob share is judged by its pubdata bytes).
LONE_CHECKED = (SealCriterion.CIRCUITS, SealCriterion.PUBDATA, SealCriterion.L2_TO_L1_LOGS)


class Sequencer:
    """Feeds transactions into batches; ``submit`` returns the batches it sealed, ``flush`` the last one.

    The sequencer owns ``tree`` (the state) and mutates it as batches seal.

    >>> from zkedu.rollup.tx import Transfer
    >>> alice, bob = b"\x01" * 20, b"\x02" * 20
    >>> seq = Sequencer(create_genesis_tree({alice: 10**18}), verify_signatures=False)
    >>> seq.submit(Transfer(alice, bob, 10**15, 0), 0.0)
    []
    >>> batch = seq.flush()
    >>> len(batch.transactions), batch.seal_criterion.name, batch.pubdata_bytes
    (1, 'END_OF_INPUT', 144)
    >>> [d.enumeration_index for d in batch.state_diffs]  # Alice's nonce, Alice's balance, Bob's, the operator's
    [0, 1, 0, 0]
    """

    def __init__(
        self,
        tree: StateTree | None = None,
        *,
        limits: SealLimits | None = None,
        gas_price: int = DEFAULT_GAS_PRICE,
        gas_per_pubdata: int = DEFAULT_GAS_PER_PUBDATA,
        fee_account: bytes = BOOTLOADER_ADDRESS,
        verify_signatures: bool = True,
        next_batch_number: int = 1,
        next_priority_id: int = 0,
    ) -> None:
        for name, value in (("gas_price", gas_price), ("gas_per_pubdata", gas_per_pubdata)):
            require_int(value, name)
            if value < 0:
                raise ValueError(f"{name} must be >= 0, got {value!r}")
        if not isinstance(fee_account, bytes) or len(fee_account) != 20 or fee_account == bytes(20):
            raise ValueError(f"fee_account must be a non-zero 20-byte address, got {fee_account!r}")
        self.tree = tree if tree is not None else StateTree()
        self.limits = limits if limits is not None else SealLimits()
        self._limits = self.limits.counting_limits()  # circuits counted as their gas equivalent
        self._close_at = tuple(self.limits.close_fraction * n for n in self._limits)
        self._reject_at = tuple(self.limits.reject_fraction * n if c in LONE_CHECKED else math.inf
                                for c, n in zip(RESOURCES, self._limits, strict=True))
        self.terms = FeeTerms(gas_price, gas_per_pubdata, fee_account)
        self.verify_signatures = verify_signatures
        self.next_batch_number = next_batch_number
        self.next_priority_id = next_priority_id
        self._position = 0
        self._last_time: float | None = None
        self._batch = OpenBatch(self.tree)
        self._rejected: list[Rejection] = []

    @property
    def gas_price(self) -> int:
        return self.terms.gas_price

    @property
    def gas_per_pubdata(self) -> int:
        return self.terms.gas_per_pubdata

    @property
    def fee_account(self) -> bytes:
        return self.terms.fee_account

    def _alone(self, tx: Transaction, fx: TxEffects) -> tuple[int, ...]:
        """The resources of a batch holding ``tx`` alone, in ``RESOURCES`` order."""
        pubdata = EMPTY_PUBDATA_BYTES + max(0, fx.pubdata)  # restoring a slot's initial value shrinks pubdata
        return (1, fx.gas, pubdata, blobs_needed(pubdata), int(isinstance(tx, Deposit)), len(fx.logs))

    def _describe_use(self, i: int, used: int) -> str:
        """'<resource>: uses <used> of <limit>', circuits converted back from their gas equivalent."""
        if RESOURCES[i] is SealCriterion.CIRCUITS:
            rate = self.limits.l2_gas_per_circuit
            return f"{RESOURCES[i].value}: uses {used / rate:.1f} of {self.limits.max_circuits} ({used} gas)"
        return f"{RESOURCES[i].value}: uses {used} of {self._limits[i]}"

    def _seal(self, criterion: SealCriterion, closed_at: float | None) -> Batch:
        open_batch, root_before = self._batch, self.tree.root
        diffs = open_batch.net_state_diffs()
        self.tree.update({d.derived_key: d.final_value for d in diffs})
        opened = open_batch.opened_at if open_batch.opened_at is not None else 0.0
        batch = Batch(
            number=self.next_batch_number,
            transactions=tuple(open_batch.transactions),
            rejected=tuple(self._rejected),
            state_diffs=tuple(diffs),
            l2_to_l1_logs=tuple(open_batch.logs),
            messages=tuple(open_batch.messages),
            gas_used=open_batch.gas,
            gas_charged=open_batch.gas_charged,
            pubdata_bytes=open_batch.pubdata,
            fees_collected=open_batch.fees,
            deposited=open_batch.deposited,
            withdrawn=open_batch.withdrawn,
            priority_txs=open_batch.priority_txs,
            seal_criterion=criterion,
            opened_at=opened,
            closed_at=closed_at if closed_at is not None else (self._last_time or opened),
            root_before=root_before,
            root_after=self.tree.root,
        )
        self.next_batch_number += 1
        self._batch, self._rejected = OpenBatch(self.tree), []
        return batch

    def _reject(self, position: int, tx: Transaction, reason: RejectReason, detail: str) -> None:
        self._rejected.append(Rejection(position, tx, reason, detail))

    def submit(self, tx: Transaction, timestamp: float = 0.0) -> list[Batch]:
        """Offer one transaction arriving at ``timestamp`` (seconds); returns the batches this sealed (0 to 2)."""
        if not isinstance(timestamp, int | float) or isinstance(timestamp, bool):
            raise TypeError(f"timestamp must be a number, got {type(timestamp).__name__}: {timestamp!r}")
        if self._last_time is not None and timestamp < self._last_time:
            raise ValueError(f"timestamps must not decrease, got {timestamp} after {self._last_time}")
        sealed: list[Batch] = []
        timeout = self.limits.batch_timeout_seconds
        if self._batch.transactions and timestamp - self._batch.opened_at >= timeout:
            sealed.append(self._seal(SealCriterion.TIMEOUT, self._batch.opened_at + timeout))
        if not self._batch.transactions:
            self._batch.opened_at = timestamp
        self._last_time = timestamp
        position, self._position = self._position, self._position + 1
        for _attempt in range(2):
            try:
                fx = execute_transaction(self._batch, tx, self.terms, next_priority_id=self.next_priority_id,
                                         verify_signatures=self.verify_signatures)
            except TxRejected as exc:
                self._reject(position, tx, exc.reason, exc.detail)
                return sealed
            alone, after = self._alone(tx, fx), self._batch.usage_after(tx, fx)
            too_big = [i for i, used in enumerate(alone) if used > self._reject_at[i]]
            if too_big:
                i = too_big[0]
                self._reject(position, tx, RejectReason.EXCEEDS_BATCH_LIMIT,
                             self._describe_use(i, alone[i]))
                return sealed
            over = [i for i, used in enumerate(after) if used > self._limits[i]]
            if over:
                assert self._batch.transactions, "a transaction that fits alone must fit an empty batch"
                sealed.append(self._seal(RESOURCES[over[0]], timestamp))
                self._batch.opened_at = timestamp
                continue  # re-execute in the fresh batch: initial values and pubdata have changed
            self._batch.add(tx, fx)
            self.next_priority_id += isinstance(tx, Deposit)
            full = [i for i, used in enumerate(after) if used >= self._close_at[i]]
            if full:
                sealed.append(self._seal(RESOURCES[full[0]], timestamp))
            return sealed
        raise RuntimeError("a transaction that fits alone must fit an empty batch")

    def flush(self, timestamp: float | None = None) -> Batch | None:
        """Seal the open batch if it holds anything (end of input); None if it is empty."""
        if not self._batch.transactions and not self._rejected:
            return None
        return self._seal(SealCriterion.END_OF_INPUT, timestamp)


def create_genesis_tree(balances: Mapping[bytes, int]) -> StateTree:
    """A state tree holding the given ETH balances (the genesis batch), in the given order."""
    tree = StateTree()
    tree.update({compute_balance_key(address): amount for address, amount in balances.items()})
    return tree


def run_sequencer(
    genesis: Mapping[bytes, int],
    transactions: Iterable[Transaction],
    timestamps: Sequence[float] | None = None,
    **options: object,
) -> tuple[list[Batch], StateTree]:
    """Run a workload from genesis through a fresh ``Sequencer(**options)``; returns the batches and final tree."""
    sequencer = Sequencer(create_genesis_tree(genesis), **options)  # type: ignore[arg-type]
    batches: list[Batch] = []
    for i, tx in enumerate(transactions):
        batches.extend(sequencer.submit(tx, float(timestamps[i]) if timestamps is not None else 0.0))
    last = sequencer.flush()
    if last is not None:
        batches.append(last)
    return batches, sequencer.tree


def replay_batches(genesis: Mapping[bytes, int], batches: Iterable[Batch]) -> StateTree:
    """Rebuild the state from genesis by applying each batch's net state diffs, checking every root on the way."""
    tree = create_genesis_tree(genesis)
    for batch in batches:
        if tree.root != batch.root_before:
            raise ValueError(f"batch {batch.number}: root before {batch.root_before.hex()} != {tree.root.hex()}")
        for d in batch.state_diffs:
            if tree.leaf_index(d.derived_key) != d.enumeration_index or tree.get(d.derived_key) != d.initial_value:
                raise ValueError(f"batch {batch.number}: diff {d} does not match the state")
        tree.update({d.derived_key: d.final_value for d in batch.state_diffs})
        if tree.root != batch.root_after:
            raise ValueError(f"batch {batch.number}: replayed root {tree.root.hex()} != {batch.root_after.hex()}")
    return tree
