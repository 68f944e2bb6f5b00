"""Several ZK Stack chains, each settling on L1 or on Gateway, and proof-based messages between them.

The five steps of proof-based interop, each a method here:

1. chain A sends a message (``send_message``): an 88-byte L2->L1 log, as L1Messenger.sendToL1 emits;
2. A's batch executes on its settlement layer (``seal_batch`` then ``execute_batch``), which appends A's
   ``ChainBatchRoot`` to its MessageRoot and records ``historicalRoot[block]``;
3. chain B imports that root (``import_roots``) into its interop-root storage;
4. when B's batch executes, each root B imported must equal the settlement layer's historical root for
   that block, or B's execution reverts (``execute_batch``);
5. anyone proves A's message on B (``prove_message`` and ``verify_message``).

``Settlement.GATEWAY`` is protocol v29 as coded: chains commit, prove and execute on Gateway, whose
MessageRoot aggregates them, and Gateway settles on L1; in v29 "import and export only happens on GW".
``Settlement.L1`` is the later design (the v31 code accepts chain batch roots in L1's MessageRoot): the
chain settles on L1 and imports L1's roots. The hashing is the same in both. Each chain has its own
setting; a message from a chain on Gateway to a chain on L1 is proven through Gateway's own batch, with
one more proof node (the contracts' recursive format).

Commit and prove are not modelled here (the rollup chapters do that); their time is in ``latency``.

Source: EC l1-contracts bridgehub/MessageRoot.sol, state-transition/chain-deps/facets/Executor.sol
(_verifyDependencyInteropRoots), system-contracts L1Messenger.sol and L2InteropRootStorage.sol (main
@5e7d0b4, v29.x); EC draft-v31 core/message-root/MessageRootBase.sol; ERA docs/src/specs/contracts/interop/.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from zkedu.interop.message_root import (
    MessageRoot,
    RootSnapshot,
    check_uint256,
    compute_chain_batch_root,
    compute_full_tree_path,
)
from zkedu.interop.proof import (
    InteropRejected,
    L2Message,
    RejectReason,
    check_message_inclusion,
    encode_proof_node,
    message_to_log,
)
from zkedu.rollup.commitment import compute_l2_log_proof, compute_l2_logs_root
from zkedu.rollup.records import L2ToL1Log

L1_CHAIN_ID = 1
GATEWAY_CHAIN_ID = 506  # the settlement-layer chain id of era-contracts' interop test vectors (0x1fa)


class Settlement(Enum):
    """Where the network's chains settle."""

    L1 = "L1"
    GATEWAY = "Gateway"


@dataclass(frozen=True)
class InteropRoot:
    """A root imported by a chain: the settlement layer's (chain id, block number) and its MessageRoot root."""

    chain_id: int
    block_number: int
    root: bytes


@dataclass(frozen=True)
class ChainBatch:
    """A sealed batch as far as interop sees it: its logs, its roots and the interop roots it imported."""

    chain_id: int
    number: int
    logs: tuple[L2ToL1Log, ...]
    imports: tuple[InteropRoot, ...]
    local_logs_root: bytes
    aggregated_root: bytes
    message_root_block: int = 0  # the block of the chain's own MessageRoot that ``aggregated_root`` is from

    @property
    def chain_batch_root(self) -> bytes:
        return compute_chain_batch_root(self.local_logs_root, self.aggregated_root)


@dataclass(frozen=True)
class SentMessage:
    """Where a message will be found: source chain, batch number, log index, and the message itself."""

    chain_id: int
    batch_number: int
    index: int
    message: L2Message


@dataclass
class Chain:
    """One chain: its own L2 MessageRoot (only a settlement layer's holds other chains), pending logs, imports."""

    chain_id: int
    settles_on: int | None  # None for L1 itself
    message_root: MessageRoot = field(init=False)
    pending_logs: list[L2ToL1Log] = field(default_factory=list)
    pending_imports: list[InteropRoot] = field(default_factory=list)
    interop_roots: dict[tuple[int, int], bytes] = field(default_factory=dict)  # L2InteropRootStorage
    batches: list[ChainBatch] = field(default_factory=list)
    executed: int = 0  # batches executed on the settlement layer

    def __post_init__(self) -> None:
        self.message_root = MessageRoot(self.chain_id)


class InteropNetwork:
    """L1, Gateway if any chain uses it, and ZK Stack chains; messages proven between them.

    ``settlement`` is one Settlement for every chain, or a mapping from chain id to Settlement.

    >>> net = InteropNetwork([324, 325], Settlement.GATEWAY)
    >>> sent = net.send_message(324, bytes(19) + b"\\x01", b"hello")
    >>> _ = net.seal_batch(324); _ = net.execute_batch(324)
    >>> net.import_roots(325)
    >>> proof = net.prove_message(sent, on_chain=325)
    >>> net.verify_message(325, sent, proof) == net.chains[325].interop_roots[(506, 1)]
    True
    """

    def __init__(self, chain_ids: Sequence[int],
                 settlement: Settlement | Mapping[int, Settlement] = Settlement.GATEWAY) -> None:
        modes = settlement if isinstance(settlement, Mapping) else dict.fromkeys(chain_ids, settlement)
        for chain_id in chain_ids:
            if not isinstance(modes.get(chain_id), Settlement):
                raise TypeError(f"chain {chain_id!r} needs a Settlement, got {modes.get(chain_id)!r}")
        self.chains: dict[int, Chain] = {L1_CHAIN_ID: Chain(L1_CHAIN_ID, None)}
        if Settlement.GATEWAY in modes.values():
            self._register(GATEWAY_CHAIN_ID, L1_CHAIN_ID)
        for chain_id in chain_ids:
            self._register(chain_id, GATEWAY_CHAIN_ID if modes[chain_id] is Settlement.GATEWAY else L1_CHAIN_ID)

    def _register(self, chain_id: int, settles_on: int) -> None:
        check_uint256("chain_id", chain_id)
        if chain_id in self.chains:
            raise ValueError(f"chain {chain_id} is already in the network")
        self.chains[chain_id] = Chain(chain_id, settles_on)
        self.chains[settles_on].message_root.add_new_chain(chain_id)

    def chain(self, chain_id: int) -> Chain:
        if chain_id not in self.chains:
            raise ValueError(f"chain {chain_id!r} is not in the network")
        return self.chains[chain_id]

    def layer_of(self, chain_id: int) -> Chain:
        """The settlement layer ``chain_id`` settles on."""
        settles_on = self.chain(chain_id).settles_on
        if settles_on is None:
            raise ValueError(f"chain {chain_id} is L1: it settles nowhere")
        return self.chains[settles_on]

    # step 1
    def send_message(self, chain_id: int, sender: bytes, data: bytes) -> SentMessage:
        """Emit a message on ``chain_id`` (L1Messenger.sendToL1: a broadcast, no destination)."""
        chain = self.chain(chain_id)
        index = len(chain.pending_logs)
        message = L2Message(index, sender, data)
        chain.pending_logs.append(message_to_log(message))
        return SentMessage(chain_id, len(chain.batches) + 1, index, message)

    def seal_batch(self, chain_id: int) -> ChainBatch:
        """Close the chain's open batch: ChainBatchRoot = keccak(local logs root || its MessageRoot's root)."""
        chain = self.chain(chain_id)
        logs = tuple(chain.pending_logs)
        mr = chain.message_root
        batch = ChainBatch(chain_id, len(chain.batches) + 1, logs, tuple(chain.pending_imports),
                           compute_l2_logs_root(logs), mr.aggregated_root(), mr.block_number)
        chain.batches.append(batch)
        chain.pending_logs, chain.pending_imports = [], []
        return batch

    # step 2 and step 4
    def execute_batch(self, chain_id: int) -> bytes:
        """Execute the chain's next sealed batch on its settlement layer; return the layer's new root.

        Every root the batch imported must equal the layer's historical root for its block, else the
        execution reverts (InteropRejected with IMPORT_MISMATCH) and nothing changes.
        """
        chain, layer = self.chain(chain_id), self.layer_of(chain_id)
        if chain.executed >= len(chain.batches):
            raise ValueError(f"chain {chain_id} has no sealed batch to execute")
        batch = chain.batches[chain.executed]
        for imported in batch.imports:
            if imported.chain_id != layer.chain_id:
                raise InteropRejected(RejectReason.IMPORT_MISMATCH, "commit-based interop is not supported "
                                      f"(root of chain {imported.chain_id})")
            correct = layer.message_root.historical_root(imported.block_number)
            if correct != imported.root or correct == bytes(32):
                raise InteropRejected(RejectReason.IMPORT_MISMATCH, f"chain {chain_id} imported {imported.root.hex()} "
                                      f"for block {imported.block_number}, the layer has {correct.hex()}")
        mr = layer.message_root
        mr.advance_block(mr.block_number + 1)
        root = mr.add_chain_batch_root(chain_id, batch.number, batch.chain_batch_root)
        chain.executed += 1
        return root

    # step 3
    def import_roots(self, chain_id: int, forged: InteropRoot | None = None) -> None:
        """Import every settlement-layer root the chain has not seen (or one ``forged`` root, to show step 4)."""
        chain, layer = self.chain(chain_id), self.layer_of(chain_id)
        history = layer.message_root.history().items()
        new = [forged] if forged else [InteropRoot(layer.chain_id, n, r) for n, r in history
                                       if (layer.chain_id, n) not in chain.interop_roots]
        for root in new:
            chain.interop_roots[(root.chain_id, root.block_number)] = root.root
            chain.pending_imports.append(root)

    # step 5
    def prove_message(self, sent: SentMessage, on_chain: int) -> list[bytes]:
        """The concatenated proof of ``sent`` against the earliest root ``on_chain`` imported that includes it.

        One node per settlement layer climbed: if the source's layer is not the destination's (a chain on
        Gateway, a destination on L1), the first node ends in Gateway's own batch, executed on L1.
        """
        source, dest = self.chain(sent.chain_id), self.chain(on_chain)
        if sent.batch_number > source.executed:
            raise ValueError(f"batch {sent.batch_number} of chain {sent.chain_id} is not executed yet")
        target = self.layer_of(on_chain)
        chain_id, batch = sent.chain_id, source.batches[sent.batch_number - 1]
        path, mask = (*compute_l2_log_proof(batch.logs, sent.index), batch.aggregated_root), sent.index
        words: list[bytes] = []
        while True:
            layer = self.layer_of(chain_id)
            mr, position = layer.message_root, batch.number - 1  # batches execute in order: batch n is leaf n - 1
            index = mr.chain_index(chain_id)
            if layer is target:
                block = self._first_import_including(dest, layer, index, position)
                snap = mr.snapshot(block)
                words += self._node(path, mask, mr, chain_id, position, snap, block, index, layer.chain_id)
                return words + encode_proof_node(compute_full_tree_path(snap.chain_id_leaves, index))
            if layer.settles_on is None:
                raise ValueError(f"chain {on_chain} imports roots of chain {target.chain_id}, which never "
                                 f"includes chain {sent.chain_id}'s messages")
            carrier = self._first_layer_batch_including(layer, index, position)
            snap = mr.snapshot(carrier.message_root_block)
            height = max(0, (len(snap.chain_id_leaves) - 1).bit_length())
            words += self._node(path, mask, mr, chain_id, position, snap, carrier.number, index | 1 << height,
                                layer.chain_id)
            path = (*compute_full_tree_path(snap.chain_id_leaves, index), carrier.local_logs_root)
            chain_id, batch, mask = layer.chain_id, carrier, index | 1 << height

    @staticmethod
    def _node(path: Sequence[bytes], mask: int, mr: MessageRoot, chain_id: int, position: int,
              snap: RootSnapshot, number: int, next_mask: int, layer_id: int) -> list[bytes]:
        """A non-final node: the leaf's path to a batch root, then that batch's path in the layer's chain tree."""
        count = snap.batch_counts[mr.chain_index(chain_id)]
        return encode_proof_node(path, batch_leaf_mask=position,
                                 batch_leaf_path=mr.batch_tree(chain_id).prove(position, count),
                                 settlement_block_number=number, chain_id_leaf_mask=next_mask,
                                 settlement_chain_id=layer_id)

    @staticmethod
    def _first_import_including(dest: Chain, layer: Chain, index: int, position: int) -> int:
        history = layer.message_root.history()
        for (layer_id, block) in sorted(dest.interop_roots):
            if layer_id == layer.chain_id and block in history:
                if layer.message_root.snapshot(block).batch_counts[index] > position:
                    return block
        raise ValueError(f"chain {dest.chain_id} has imported no root of chain {layer.chain_id} that includes "
                         f"that batch")

    def _first_layer_batch_including(self, layer: Chain, index: int, position: int) -> ChainBatch:
        history = layer.message_root.history()
        for carrier in layer.batches[:layer.executed]:
            block = carrier.message_root_block
            if block in history and layer.message_root.snapshot(block).batch_counts[index] > position:
                return carrier
        raise ValueError(f"no executed batch of settlement layer {layer.chain_id} includes that batch yet")

    def verify_message(self, on_chain: int, sent: SentMessage, proof: Sequence[bytes]) -> bytes:
        """Check ``sent`` on chain ``on_chain`` against its imported roots; return the root or raise InteropRejected."""
        dest = self.chain(on_chain)
        source = self.chains.get(sent.chain_id)
        if source is None or source.settles_on is None or not self.chains[source.settles_on].message_root \
                .chain_registered(sent.chain_id):
            raise InteropRejected(RejectReason.UNKNOWN_CHAIN, f"chain {sent.chain_id} is not registered on any "
                                  "settlement layer of the network")
        return check_message_inclusion(dest.interop_roots, sent.chain_id, sent.batch_number, sent.index,
                                       sent.message, proof)

    def settle_all(self) -> None:
        """Seal and execute one batch on every chain (Gateway last, so its batch carries the others' roots)."""
        order = [c for c in self.chains if c not in (L1_CHAIN_ID, GATEWAY_CHAIN_ID)]
        if GATEWAY_CHAIN_ID in self.chains:
            order.append(GATEWAY_CHAIN_ID)
        for chain_id in order:
            self.seal_batch(chain_id)
            self.execute_batch(chain_id)
