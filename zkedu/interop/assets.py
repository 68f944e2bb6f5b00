"""Moving a token between chains: burn on A, mint on B against a proven message, once.

The bridge is an application on every chain at the same address. ``send`` burns the amount on the source
chain and sends a message ``asset id || destination chain || recipient || amount``; ``receive`` on the
destination checks the message's inclusion proof against the roots it imported, checks the message is
addressed to it, and mints. The interop contracts have no built-in replay protection: the same proof
verifies any number of times. So the bridge keeps its own nullifier set, keyed by the message's position
(source chain, batch number, log index), as L1's nullifier does for withdrawals.

Source: EC l1-contracts bridge/asset-router (burn/lock and mint), bridge/L1Nullifier.sol
(isWithdrawalFinalized keyed by chain, batch, index); ERA docs/src/specs/contracts/interop/ (applications
nullify messages themselves).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from zkedu.hashing import keccak256
from zkedu.interop.message_root import check_uint256
from zkedu.interop.network import InteropNetwork, SentMessage
from zkedu.interop.proof import InteropRejected, RejectReason

BRIDGE_ADDRESS = (0x10003).to_bytes(20, "big")  # L2AssetRouter's address on every ZKsync chain
TRANSFER_MESSAGE_BYTES = 4 * 32


class ReplayRejected(InteropRejected):
    """The message was already consumed: minting again would create tokens from nothing."""


def encode_transfer(asset_id: bytes, destination: int, recipient: bytes, amount: int) -> bytes:
    """asset id (32) || destination chain (32) || recipient (left-padded to 32) || amount (32)."""
    if not isinstance(asset_id, bytes) or len(asset_id) != 32:
        raise ValueError(f"asset_id must be 32 bytes, got {asset_id!r}")
    if not isinstance(recipient, bytes) or len(recipient) != 20:
        raise ValueError(f"recipient must be a 20-byte address, got {recipient!r}")
    return (asset_id + check_uint256("destination", destination).to_bytes(32, "big") + bytes(12) + recipient
            + check_uint256("amount", amount).to_bytes(32, "big"))


def decode_transfer(data: bytes) -> tuple[bytes, int, bytes, int]:
    """Inverse of ``encode_transfer``."""
    if len(data) != TRANSFER_MESSAGE_BYTES or data[64:76] != bytes(12):
        raise ValueError(f"not a transfer message: {data.hex()}")
    return data[:32], int.from_bytes(data[32:64], "big"), data[76:96], int.from_bytes(data[96:], "big")


def compute_nullifier(sent: SentMessage) -> bytes:
    """keccak(source chain || batch number || log index): one key per message position."""
    return keccak256(sent.chain_id.to_bytes(32, "big") + sent.batch_number.to_bytes(32, "big")
                     + sent.index.to_bytes(32, "big"))


@dataclass
class TokenBridge:
    """One token's balances on every chain, what is in flight, and the nullifiers already used."""

    network: InteropNetwork
    asset_id: bytes = field(default_factory=lambda: keccak256(b"zkedu:demo-token"))
    balances: dict[int, dict[bytes, int]] = field(default_factory=dict)
    in_flight: dict[bytes, int] = field(default_factory=dict)  # nullifier -> amount burned, not yet minted
    consumed: set[bytes] = field(default_factory=set)

    def mint_genesis(self, chain_id: int, holder: bytes, amount: int) -> None:
        """Initial supply on a chain."""
        self.network.chain(chain_id)
        book = self.balances.setdefault(chain_id, {})
        book[holder] = book.get(holder, 0) + check_uint256("amount", amount)

    def balance(self, chain_id: int, holder: bytes) -> int:
        return self.balances.get(chain_id, {}).get(holder, 0)

    def total_supply(self) -> int:
        """Balances on every chain plus amounts burned and not yet minted."""
        return sum(sum(book.values()) for book in self.balances.values()) + sum(self.in_flight.values())

    def send(self, source: int, sender: bytes, destination: int, recipient: bytes, amount: int) -> SentMessage:
        """Burn ``amount`` of ``sender`` on ``source`` and send the transfer message."""
        check_uint256("amount", amount)
        if amount == 0 or self.balance(source, sender) < amount:
            raise ValueError(f"cannot send {amount}: {sender.hex()} holds {self.balance(source, sender)} on {source}")
        self.network.chain(destination)
        data = encode_transfer(self.asset_id, destination, recipient, amount)
        sent = self.network.send_message(source, BRIDGE_ADDRESS, data)
        self.balances[source][sender] -= amount
        self.in_flight[compute_nullifier(sent)] = amount
        return sent

    def receive(self, destination: int, sent: SentMessage, proof: Sequence[bytes]) -> int:
        """Verify the message on ``destination``, consume its nullifier, mint; return the amount minted."""
        if sent.message.sender != BRIDGE_ADDRESS:
            raise InteropRejected(RejectReason.WRONG_SENDER, f"message from {sent.message.sender.hex()}, "
                                  "not from the bridge")
        self.network.verify_message(destination, sent, proof)
        asset_id, to_chain, recipient, amount = decode_transfer(sent.message.data)
        if asset_id != self.asset_id or to_chain != destination:
            raise ValueError(f"the message is for asset {asset_id.hex()} on chain {to_chain}, not this bridge on "
                             f"{destination}")
        nullifier = compute_nullifier(sent)
        if nullifier in self.consumed:
            raise ReplayRejected(RejectReason.ALREADY_CONSUMED, f"message {nullifier.hex()} was already consumed")
        self.consumed.add(nullifier)
        self.in_flight.pop(nullifier, None)
        book = self.balances.setdefault(destination, {})
        book[recipient] = book.get(recipient, 0) + amount
        return amount
