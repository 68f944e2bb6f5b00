"""The sequencer: executes transactions against the state tree and seals them into batches by ZKsync's criteria.

Each transaction is executed on top of the open batch's pending writes. A transaction that fails a check
is rejected with a ``RejectReason`` and the batch goes on. Then the seal criteria are applied, as Era's
state keeper does, to the batch's resources with the transaction added:

* the transaction alone uses more than 95% of a limit  -> reject it (it could never fit); this applies to
  its sizes (gas, pubdata bytes, L2->L1 logs), as Era's geometry criteria; one transaction always fits
  the count limits (slots, priority transactions) on its own;
* the batch would exceed a limit                        -> seal the batch without it, retry it in the next;
* the batch reaches 95% of a limit                      -> include it and seal.

Resources: transaction slots, gas, pubdata bytes, blobs, L1->L2 (priority) transactions, L2->L1 logs; and
a timeout in simulated seconds since the batch opened. Pubdata is counted exactly, with the pubdata
module's compressed size of each slot's net diff, plus 88 bytes per L2->L1 log and 4 + length per message.

Gas: a transaction's computational gas (execution + per-tx overhead) counts towards the batch's gas limit;
pubdata has its own limit. The fee it pays is ``gas_charged x gas_price`` with ``gas_charged`` = its
computational gas + ``gas_per_pubdata`` x its pubdata bytes (those of its balance and nonce writes, before
the fee is moved), credited to the fee account (the operator), so value is conserved. Deposits mint
(their L2 gas is paid on L1), withdrawals burn.

A sealed batch's state diffs are net per slot, in the order slots were first written in the batch, and the
tree gives new slots their enumeration indices in that order, as does a node replaying the pubdata
(``pubdata.update_known_slots``). Era's server assigns them in one fixed order of its deduplicated storage
logs; the model's order is its own choice, shared by every part of the book.

Source: ERA core/node/state_keeper/src/seal_criteria/ (conditional_sealer.rs, criteria/ files: slots, gas,
pubdata_bytes, l1_l2_txs, l2_l1_logs), core/lib/config/src/configs/chain.rs; EC bootloader.yul
(fee charged as gas x base fee, pubdata as gas_per_pubdata per byte); zksync-facts.md §1a-1b.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from zkedu.rollup.da import USABLE_BLOB_BYTES, blobs_needed
from zkedu.rollup.fees import compute_l1_to_l2_gas, compute_tx_overhead_gas
from zkedu.rollup.records import L2_TO_L1_LOG_BYTES, WORD, L2ToL1Log, StateDiff
from zkedu.rollup.seal import (
    EMPTY_PUBDATA_BYTES,
    MAX_BLOBS,
    MAX_TXS_IN_BATCH,
    RESOURCES,
    Batch,
    Rejection,
    SealCriterion,
    SealLimits,
    compute_diff_size,
)
from zkedu.rollup.state import StateTree
from zkedu.rollup.tx import (
    BOOTLOADER_ADDRESS,
    NONCE_MASK,
    TRANSFER_EXECUTION_GAS,
    Deposit,
    RejectReason,
    Transaction,
    Transfer,
    TxRejected,
    Withdrawal,
    check_transaction_format,
    compute_balance_key,
    compute_nonce_key,
    compute_priority_log,
    compute_withdrawal_log,
    compute_withdrawal_message,
    encode_transaction,
    verify_transaction_signature,
)

DEFAULT_GAS_PRICE = 25_000_000  # wei per gas: the live minimal L2 gas price of zksync-facts.md §1b
DEFAULT_GAS_PER_PUBDATA = 10_000  # about ceil(254.87 gwei / 0.025 gwei) with the live figures of §1b
# The resources a lone transaction is judged on (its blob share is judged by its pubdata bytes).
LONE_CHECKED = (SealCriterion.GAS, SealCriterion.PUBDATA, SealCriterion.L2_TO_L1_LOGS)

# The batch records and limits live in ``zkedu.rollup.seal``; they are importable from here too.
__all__ = [
    "DEFAULT_GAS_PER_PUBDATA",
    "DEFAULT_GAS_PRICE",
    "EMPTY_PUBDATA_BYTES",
    "LONE_CHECKED",
    "MAX_BLOBS",
    "MAX_TXS_IN_BATCH",
    "RESOURCES",
    "Batch",
    "Rejection",
    "SealCriterion",
    "SealLimits",
    "Sequencer",
    "compute_diff_size",
    "create_genesis_tree",
    "replay_batches",
    "run_sequencer",
]


@dataclass
class _Slot:
    index_before: int  # enumeration index when the batch opened, 0 if the slot was not in the tree
    initial: int
    current: int


@dataclass(frozen=True)
class _Effects:
    writes: dict[bytes, int]
    gas: int  # computational gas, counted against the batch's gas limit
    gas_charged: int  # what the fee is computed from: gas + pubdata gas
    fee: int
    pubdata: int
    logs: tuple[L2ToL1Log, ...] = ()
    messages: tuple[bytes, ...] = ()
    deposited: int = 0
    withdrawn: int = 0


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
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"{name} must be an int, got {type(value).__name__}: {value!r}")
            if value < 0:
                raise ValueError(f"{name} must be >= 0, got {value!r}")
        if not isinstance(fee_account, bytes) or len(fee_account) != 20 or fee_account == bytes(20):
            raise ValueError(f"fee_account must be a non-zero 20-byte address, got {fee_account!r}")
        self.tree = tree if tree is not None else StateTree()
        self.limits = limits if limits is not None else SealLimits()
        self._limits = self.limits.limits()
        self._close_at = tuple(self.limits.close_fraction * n for n in self._limits)
        self._reject_at = tuple(self.limits.reject_fraction * n if c in LONE_CHECKED else math.inf
                                for c, n in zip(RESOURCES, self._limits, strict=True))
        self.gas_price = gas_price
        self.gas_per_pubdata = gas_per_pubdata
        self.fee_account = fee_account
        self.verify_signatures = verify_signatures
        self.next_batch_number = next_batch_number
        self.next_priority_id = next_priority_id
        self._position = 0
        self._last_time: float | None = None
        self._open_batch(None)

    # --- the open batch -------------------------------------------------------------------------------
    def _open_batch(self, timestamp: float | None) -> None:
        self._slots: dict[bytes, _Slot] = {}
        self._txs: list[Transaction] = []
        self._rejected: list[Rejection] = []
        self._logs: list[L2ToL1Log] = []
        self._messages: list[bytes] = []
        self._gas = self._gas_charged = self._fees = self._deposited = self._withdrawn = self._priority = 0
        self._pubdata = EMPTY_PUBDATA_BYTES
        self._opened_at = timestamp

    def _read(self, key: bytes, overlay: Mapping[bytes, int]) -> int:
        if key in overlay:
            return overlay[key]
        slot = self._slots.get(key)
        return slot.current if slot is not None else self.tree.get(key)

    def _pubdata_delta(self, writes: Mapping[bytes, int]) -> int:
        """Bytes the writes add to the batch's compressed state diffs (net per slot)."""
        delta = 0
        slots, tree = self._slots, self.tree
        for key, value in writes.items():
            slot = slots.get(key)
            if slot is None:
                delta += compute_diff_size(tree.leaf_index(key), tree.get(key), value)
            else:
                delta += (compute_diff_size(slot.index_before, slot.initial, value)
                          - compute_diff_size(slot.index_before, slot.initial, slot.current))
        return delta

    def _commit(self, tx: Transaction, fx: _Effects) -> None:
        slots, tree = self._slots, self.tree
        for key, value in fx.writes.items():
            slot = slots.get(key)
            if slot is None:
                initial = tree.get(key)
                slots[key] = _Slot(tree.leaf_index(key), initial, value)
            else:
                slot.current = value
        self._txs.append(tx)
        self._gas += fx.gas
        self._gas_charged += fx.gas_charged
        self._pubdata += fx.pubdata
        self._fees += fx.fee
        self._logs.extend(fx.logs)
        self._messages.extend(fx.messages)
        self._deposited += fx.deposited
        self._withdrawn += fx.withdrawn
        if isinstance(tx, Deposit):
            self._priority += 1
            self.next_priority_id += 1

    # --- execution ------------------------------------------------------------------------------------
    def _execute(self, tx: Transaction) -> _Effects:
        check_transaction_format(tx)
        if isinstance(tx, Deposit):
            return self._execute_deposit(tx)
        if self.verify_signatures:
            verify_transaction_signature(tx)
        w: dict[bytes, int] = {}
        nonce_key = compute_nonce_key(tx.sender)
        raw_nonce = self._read(nonce_key, w)
        expected = raw_nonce & NONCE_MASK
        who = tx.sender.hex()
        if tx.nonce < expected:
            raise TxRejected(RejectReason.NONCE_REPLAYED, f"nonce {tx.nonce} < expected {expected} for {who}")
        if tx.nonce > expected:
            raise TxRejected(RejectReason.NONCE_TOO_HIGH, f"nonce {tx.nonce} > expected {expected} for {who}")
        if tx.max_fee_per_gas < self.gas_price:
            raise TxRejected(RejectReason.FEE_TOO_LOW,
                             f"max_fee_per_gas {tx.max_fee_per_gas} < gas price {self.gas_price}")
        sender_key = compute_balance_key(tx.sender)
        balance = self._read(sender_key, w)
        if balance < tx.amount:
            raise TxRejected(RejectReason.INSUFFICIENT_BALANCE,
                             f"balance {balance} < amount {tx.amount} for {tx.sender.hex()}")
        w[nonce_key] = raw_nonce + 1
        w[sender_key] = balance - tx.amount
        logs: tuple[L2ToL1Log, ...] = ()
        messages: tuple[bytes, ...] = ()
        extra_pubdata = 0
        if isinstance(tx, Transfer):
            recipient_key = compute_balance_key(tx.recipient)
            credited = self._read(recipient_key, w) + tx.amount
            if credited >= WORD:
                raise TxRejected(RejectReason.MALFORMED, f"recipient balance would overflow: {credited}")
            w[recipient_key] = credited
        else:
            message = compute_withdrawal_message(tx)
            messages = (message,)
            logs = (compute_withdrawal_log(message, len(self._txs)),)
            extra_pubdata = L2_TO_L1_LOG_BYTES + 4 + len(message)
        own_pubdata = self._pubdata_delta(w) + extra_pubdata
        gas = TRANSFER_EXECUTION_GAS + compute_tx_overhead_gas(len(encode_transaction(tx)))
        charged = gas + self.gas_per_pubdata * max(0, own_pubdata)
        if charged > tx.gas_limit:
            raise TxRejected(RejectReason.OUT_OF_GAS, f"gas used {charged} > gas limit {tx.gas_limit}")
        fee = charged * self.gas_price
        if balance < fee:
            raise TxRejected(RejectReason.FEE_UNPAYABLE, f"balance {balance} < fee {fee} for {tx.sender.hex()}")
        if balance < tx.amount + fee:
            raise TxRejected(RejectReason.INSUFFICIENT_BALANCE,
                             f"balance {balance} < amount {tx.amount} + fee {fee} for {tx.sender.hex()}")
        w[sender_key] -= fee
        fee_key = compute_balance_key(self.fee_account)
        w[fee_key] = self._read(fee_key, w) + fee
        pubdata = self._pubdata_delta(w) + extra_pubdata
        withdrawn = tx.amount if isinstance(tx, Withdrawal) else 0
        return _Effects(w, gas, charged, fee, pubdata, logs, messages, withdrawn=withdrawn)

    def _execute_deposit(self, tx: Deposit) -> _Effects:
        if tx.priority_id != self.next_priority_id:
            raise TxRejected(RejectReason.PRIORITY_OUT_OF_ORDER,
                             f"priority_id {tx.priority_id}, expected {self.next_priority_id}")
        gas = compute_l1_to_l2_gas()
        if gas > tx.gas_limit:
            raise TxRejected(RejectReason.OUT_OF_GAS, f"gas used {gas} > gas limit {tx.gas_limit}")
        key = compute_balance_key(tx.recipient)
        credited = self._read(key, {}) + tx.amount
        if credited >= WORD:
            raise TxRejected(RejectReason.MALFORMED, f"recipient balance would overflow: {credited}")
        w = {key: credited}
        log = compute_priority_log(tx, len(self._txs))
        pubdata = self._pubdata_delta(w) + L2_TO_L1_LOG_BYTES
        return _Effects(w, gas, gas, 0, pubdata, logs=(log,), deposited=tx.amount)

    # --- sealing --------------------------------------------------------------------------------------
    def _usage_after(self, tx: Transaction, fx: _Effects) -> tuple[int, ...]:
        """The open batch's resources with ``tx`` added, in ``RESOURCES`` order."""
        pubdata = self._pubdata + fx.pubdata
        return (len(self._txs) + 1, self._gas + fx.gas, pubdata, -(-pubdata // USABLE_BLOB_BYTES),
                self._priority + isinstance(tx, Deposit), len(self._logs) + len(fx.logs))

    def _alone(self, tx: Transaction, fx: _Effects) -> tuple[int, ...]:
        """The resources of a batch holding ``tx`` alone, in ``RESOURCES`` order."""
        pubdata = EMPTY_PUBDATA_BYTES + max(0, fx.pubdata)  # restoring a slot's initial value shrinks pubdata
        return (1, fx.gas, pubdata, blobs_needed(pubdata), int(isinstance(tx, Deposit)), len(fx.logs))

    def _seal(self, criterion: SealCriterion, closed_at: float | None) -> Batch:
        root_before = self.tree.root
        diffs = []
        writes = {}
        for key, slot in self._slots.items():
            if slot.current != slot.initial:
                diffs.append(StateDiff(key, slot.index_before, slot.initial, slot.current))
                writes[key] = slot.current
        self.tree.update(writes)
        opened = self._opened_at if self._opened_at is not None else 0.0
        batch = Batch(
            number=self.next_batch_number,
            transactions=tuple(self._txs),
            rejected=tuple(self._rejected),
            state_diffs=tuple(diffs),
            l2_to_l1_logs=tuple(self._logs),
            messages=tuple(self._messages),
            gas_used=self._gas,
            gas_charged=self._gas_charged,
            pubdata_bytes=self._pubdata,
            fees_collected=self._fees,
            deposited=self._deposited,
            withdrawn=self._withdrawn,
            priority_txs=self._priority,
            seal_criterion=criterion,
            opened_at=opened,
            closed_at=closed_at if closed_at is not None else (self._last_time or opened),
            root_before=root_before,
            root_after=self.tree.root,
        )
        self.next_batch_number += 1
        self._open_batch(None)
        return batch

    def submit(self, tx: Transaction, timestamp: float = 0.0) -> list[Batch]:
        """Offer one transaction arriving at ``timestamp`` (seconds); returns the batches this sealed (0 to 2)."""
        if not isinstance(timestamp, int | float) or isinstance(timestamp, bool):
            raise TypeError(f"timestamp must be a number, got {type(timestamp).__name__}: {timestamp!r}")
        if self._last_time is not None and timestamp < self._last_time:
            raise ValueError(f"timestamps must not decrease, got {timestamp} after {self._last_time}")
        sealed: list[Batch] = []
        limits = self.limits
        if self._txs and timestamp - self._opened_at >= limits.batch_timeout_seconds:
            sealed.append(self._seal(SealCriterion.TIMEOUT, self._opened_at + limits.batch_timeout_seconds))
        if not self._txs:
            self._opened_at = timestamp
        self._last_time = timestamp
        position = self._position
        self._position += 1
        for _attempt in range(2):
            try:
                fx = self._execute(tx)
            except TxRejected as exc:
                self._rejected.append(Rejection(position, tx, exc.reason, exc.detail))
                return sealed
            alone, after = self._alone(tx, fx), self._usage_after(tx, fx)
            too_big = [i for i, used in enumerate(alone) if used > self._reject_at[i]]
            if too_big:
                i = too_big[0]
                self._rejected.append(Rejection(position, tx, RejectReason.EXCEEDS_BATCH_LIMIT,
                                                f"{RESOURCES[i].value}: uses {alone[i]} of {self._limits[i]}"))
                return sealed
            over = [i for i, used in enumerate(after) if used > self._limits[i]]
            if over:
                assert self._txs, "a transaction that fits alone must fit an empty batch"
                sealed.append(self._seal(RESOURCES[over[0]], timestamp))
                self._opened_at = timestamp
                continue  # re-execute in the fresh batch: initial values and pubdata have changed
            self._commit(tx, fx)
            full = [i for i, used in enumerate(after) if used >= self._close_at[i]]
            if full:
                sealed.append(self._seal(RESOURCES[full[0]], timestamp))
            return sealed
        raise AssertionError("a transaction that fits alone must fit an empty batch")

    def flush(self, timestamp: float | None = None) -> Batch | None:
        """Seal the open batch if it holds anything (end of input); None if it is empty."""
        if not self._txs and not self._rejected:
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
