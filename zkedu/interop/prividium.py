"""Prividium: a permissioned validium. The operator holds the state; the public sees roots, proofs, metadata.

The operator runs the sequencer and the prover and keeps the full state. For each batch, only what a
validium posts goes public: the new state root, the validity proof, and batch metadata (number, time,
transaction count). No state diffs are published, so nobody outside can rebuild balances. Reads go through
an access layer that checks the caller's role. An account holder (or the operator) can disclose one balance
to an auditor with a Merkle proof against a public state root, and the auditor checks it without seeing
anything else. Everything here is private from the public, not from the operator.

The state tree is ``zkedu.rollup.state``'s (balances at the L2 base token's balance slots); the proof is a
stand-in hash, as the rollup chapters' ``proof`` module explains; this module is about who sees what.

Source: DOCS content/10.zk-stack/35.prividium/ (zksync-docs @b16cbee, Jul 2026); ERA core/lib/merkle_tree
README.md (the tree); EC l1-contracts state-transition/data-availability/ValidiumL1DAValidator.sol (a validium
posts no pubdata).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from zkedu.hashing import keccak256
from zkedu.rollup.state import MerkleProof, StateTree, verify_inclusion_proof
from zkedu.rollup.tx import compute_balance_key


class Role(Enum):
    """Who is asking: the operator, an account holder (about itself), an auditor granted access, anyone."""

    OPERATOR = "operator"
    HOLDER = "holder"
    AUDITOR = "auditor"
    PUBLIC = "public"


class AccessDenied(PermissionError):
    """The access layer refused a read (the caller's role does not allow it)."""


@dataclass(frozen=True)
class PublicBatch:
    """All the public learns about one batch of a Prividium."""

    number: int
    state_root: bytes
    proof_hash: bytes
    tx_count: int
    timestamp: int


@dataclass(frozen=True)
class Disclosure:
    """One balance, disclosed: the account, the batch whose public root it is proven against, and the proof."""

    address: bytes
    batch_number: int
    balance: int
    proof: MerkleProof


def _check_address(address: object) -> bytes:
    if not isinstance(address, bytes) or len(address) != 20:
        raise ValueError(f"an address is 20 bytes, got {address!r}")
    return address


@dataclass
class Prividium:
    """A validium chain whose operator keeps the state and serves reads by role."""

    operator: bytes
    _state: StateTree = field(default_factory=StateTree)
    _pending: list[tuple[bytes, bytes, int]] = field(default_factory=list)
    _auditors: dict[bytes, set[bytes]] = field(default_factory=dict)  # auditor -> accounts it may read
    public_batches: list[PublicBatch] = field(default_factory=list)

    @classmethod
    def with_balances(cls, operator: bytes, balances: Mapping[bytes, int]) -> Prividium:
        """A Prividium whose genesis state holds ``balances``, sealed as batch 0."""
        chain = cls(_check_address(operator))
        chain._state.update({compute_balance_key(_check_address(a)): v for a, v in balances.items()})
        chain.seal_batch(timestamp=0)
        return chain

    def transfer(self, sender: bytes, recipient: bytes, amount: int) -> None:
        """Execute a transfer (the operator sees it, nobody else does)."""
        have = self._balance(sender)
        if not isinstance(amount, int) or isinstance(amount, bool) or not 0 < amount <= have:
            raise ValueError(f"cannot transfer {amount!r}: {sender.hex()} holds {have}")
        self._state.update({compute_balance_key(sender): have - amount,
                            compute_balance_key(recipient): self._balance(recipient) + amount})
        self._pending.append((sender, recipient, amount))

    def _balance(self, address: bytes) -> int:
        return self._state.get(compute_balance_key(_check_address(address)))

    def seal_batch(self, timestamp: int) -> PublicBatch:
        """Seal pending transactions; publish the root, a proof and metadata, and nothing else."""
        number = len(self.public_batches)
        root = self._state.root
        proof_hash = keccak256(b"stand-in validity proof" + number.to_bytes(8, "big") + root)
        batch = PublicBatch(number, root, proof_hash, len(self._pending), timestamp)
        self.public_batches.append(batch)
        self._pending = []
        return batch

    def grant_auditor(self, caller: bytes, auditor: bytes, account: bytes) -> None:
        """The operator (or the account itself) lets ``auditor`` read ``account``."""
        if caller not in (self.operator, account):
            raise AccessDenied(f"{caller.hex()} may not grant access to {account.hex()}")
        self._auditors.setdefault(_check_address(auditor), set()).add(_check_address(account))

    def role_of(self, caller: bytes, account: bytes) -> Role:
        """The caller's role for a read of ``account``."""
        if caller == self.operator:
            return Role.OPERATOR
        if caller == account:
            return Role.HOLDER
        if account in self._auditors.get(caller, set()):
            return Role.AUDITOR
        return Role.PUBLIC

    def read_balance(self, caller: bytes, account: bytes) -> int:
        """A balance read through the access layer: the operator, the holder or a granted auditor only."""
        if self.role_of(caller, account) is Role.PUBLIC:
            raise AccessDenied(f"{caller.hex()} may not read the balance of {account.hex()}")
        return self._balance(account)

    def disclose_balance(self, caller: bytes, account: bytes) -> Disclosure:
        """The holder (or operator) proves ``account``'s balance at the last sealed batch."""
        if self.role_of(caller, account) not in (Role.OPERATOR, Role.HOLDER):
            raise AccessDenied(f"{caller.hex()} may not disclose the balance of {account.hex()}")
        if self._pending:
            raise ValueError("seal the pending transactions first: a disclosure is against a published root")
        key = compute_balance_key(account)
        return Disclosure(account, self.public_batches[-1].number, self._state.get(key), self._state.prove(key))


def verify_disclosure(public_batches: list[PublicBatch], disclosure: Disclosure) -> bool:
    """An auditor's check, from public data only: right key, right value, proof up to the batch's public root."""
    if not 0 <= disclosure.batch_number < len(public_batches):
        return False
    proof = disclosure.proof
    return (proof.key == compute_balance_key(disclosure.address) and proof.value == disclosure.balance
            and verify_inclusion_proof(public_batches[disclosure.batch_number].state_root, proof))
