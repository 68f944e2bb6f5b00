"""The batch a sequencer is filling: the slots it changed, its transactions and its resource counters.

Pubdata is counted exactly while the batch fills: each slot's compressed net diff (``compute_diff_size``)
plus the bytes of L2->L1 logs and messages, on top of the empty pubdata's section headers.

Source: ERA core/node/state_keeper/src/updates/ (the open L1 batch's accumulated state); EC bootloader.yul.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zkedu.constants import USABLE_BYTES_PER_BLOB
from zkedu.rollup.records import L2ToL1Log, StateDiff
from zkedu.rollup.seal import EMPTY_PUBDATA_BYTES, compute_diff_size
from zkedu.rollup.state import StateTree
from zkedu.rollup.tx import Deposit, Transaction


@dataclass
class SlotChange:
    """One storage slot the open batch wrote: its index and value when the batch opened, and its value now."""

    index_before: int  # enumeration index when the batch opened, 0 if the slot was not in the tree
    initial: int
    current: int


@dataclass(frozen=True)
class TxEffects:
    """What executing one transaction would do to the open batch (nothing is applied until ``OpenBatch.add``)."""

    writes: dict[bytes, int]
    gas: int  # computational gas (execution), from which the batch's proof circuits are estimated
    gas_charged: int  # what the fee is computed from: gas + slot overhead + pubdata gas
    fee: int
    pubdata: int
    logs: tuple[L2ToL1Log, ...] = ()
    messages: tuple[bytes, ...] = ()
    deposited: int = 0
    withdrawn: int = 0


class OpenBatch:
    """The transactions, writes and resource use of the batch being filled, on top of ``tree``."""

    def __init__(self, tree: StateTree, opened_at: float | None = None) -> None:
        self.tree = tree
        self.opened_at = opened_at
        self.slots: dict[bytes, SlotChange] = {}
        self.transactions: list[Transaction] = []
        self.logs: list[L2ToL1Log] = []
        self.messages: list[bytes] = []
        self.gas = self.gas_charged = self.fees = self.deposited = self.withdrawn = self.priority_txs = 0
        self.pubdata = EMPTY_PUBDATA_BYTES

    def read(self, key: bytes, overlay: Mapping[bytes, int]) -> int:
        """A slot's value seen by the next transaction: its own ``overlay`` first, then the batch, then the tree."""
        if key in overlay:
            return overlay[key]
        slot = self.slots.get(key)
        return slot.current if slot is not None else self.tree.get(key)

    def pubdata_delta(self, writes: Mapping[bytes, int]) -> int:
        """Bytes the writes add to the batch's compressed state diffs (net per slot; may be negative)."""
        delta = 0
        slots, tree = self.slots, self.tree
        for key, value in writes.items():
            slot = slots.get(key)
            if slot is None:
                delta += compute_diff_size(tree.leaf_index(key), tree.get(key), value)
            else:
                delta += (compute_diff_size(slot.index_before, slot.initial, value)
                          - compute_diff_size(slot.index_before, slot.initial, slot.current))
        return delta

    def add(self, tx: Transaction, fx: TxEffects) -> None:
        """Include ``tx`` with its effects ``fx``."""
        slots, tree = self.slots, self.tree
        for key, value in fx.writes.items():
            slot = slots.get(key)
            if slot is None:
                slots[key] = SlotChange(tree.leaf_index(key), tree.get(key), value)
            else:
                slot.current = value
        self.transactions.append(tx)
        self.gas += fx.gas
        self.gas_charged += fx.gas_charged
        self.pubdata += fx.pubdata
        self.fees += fx.fee
        self.logs.extend(fx.logs)
        self.messages.extend(fx.messages)
        self.deposited += fx.deposited
        self.withdrawn += fx.withdrawn
        self.priority_txs += isinstance(tx, Deposit)

    def usage_after(self, tx: Transaction, fx: TxEffects) -> tuple[int, ...]:
        """The batch's resources with ``tx`` added, in ``seal.RESOURCES`` order."""
        pubdata = self.pubdata + fx.pubdata
        return (len(self.transactions) + 1, self.gas + fx.gas, pubdata, -(-pubdata // USABLE_BYTES_PER_BLOB),
                self.priority_txs + isinstance(tx, Deposit), len(self.logs) + len(fx.logs))

    def net_state_diffs(self) -> list[StateDiff]:
        """One diff per slot whose value changed, in the order the slots were first written."""
        return [StateDiff(key, slot.index_before, slot.initial, slot.current)
                for key, slot in self.slots.items() if slot.current != slot.initial]
