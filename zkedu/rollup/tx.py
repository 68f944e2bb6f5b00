"""Accounts and transactions: transfers, deposits (L1->L2 priority transactions) and withdrawals.

An account is a 20-byte address; its ETH balance and nonce are not fields of an account object but storage
slots of two system contracts, as on ZKsync Era:

    balance  slot keccak256(address padded to 32 || 0) of L2BaseToken  (0x...800a)
    nonce    slot keccak256(address padded to 32 || 0) of NonceHolder   (0x...8003), the low 128 bits

so a transfer writes about three slots (sender balance, sender nonce, recipient balance) plus the
operator's balance for the fee. An L2 transaction carries an optional ECDSA signature over
``compute_signing_hash(tx)``; the sequencer can skip signature checks for bulk simulation.

Checks that need no state (``check_transaction_format``) raise ``TxRejected`` with a ``RejectReason``;
``TypeError`` is kept for programming errors (a field of the wrong type).

Source: ERA core/lib/types/src/utils.rs (key_for_eth_balance), core/lib/types/src/storage/mod.rs
(get_nonce_key); EC system-contracts/contracts/Constants.sol, L2BaseToken.sol, NonceHolder.sol,
L1Messenger.sol; EC l1-contracts/contracts/common/Config.sol (MAX gas per tx).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import ClassVar

from zkedu._checks import require_int
from zkedu.constants import ADDRESS_BYTES, WORD
from zkedu.curves.ecdsa import Signature, recover_address, sign_hash
from zkedu.hashing import keccak256
from zkedu.rollup.records import L2ToL1Log
from zkedu.rollup.state import compute_tree_key

ZERO_ADDRESS = bytes(ADDRESS_BYTES)
CHAIN_ID = 324  # ZKsync Era mainnet; part of every signed encoding so a signature cannot replay on another chain


def system_address(n: int) -> bytes:
    """The 20-byte address ``0x00...n`` of a system contract (they live below 0x10000)."""
    return n.to_bytes(ADDRESS_BYTES, "big")


NONCE_HOLDER_ADDRESS = system_address(0x8003)
L1_MESSENGER_ADDRESS = system_address(0x8008)
L2_BASE_TOKEN_ADDRESS = system_address(0x800A)
BOOTLOADER_ADDRESS = system_address(0x8001)  # the default fee recipient (coinbase) on Era

MAX_GAS_PER_TX = 80_000_000  # Config.sol MAX_GAS_PER_TRANSACTION
MAX_GAS_PER_L1_TX = 72_000_000  # priority transactions
TRANSFER_EXECUTION_GAS = 21_000  # a model constant (Ethereum's intrinsic transfer cost), not measured on Era
DEFAULT_GAS_LIMIT = 5_000_000
DEFAULT_MAX_FEE_PER_GAS = 100_000_000  # 0.1 gwei
NONCE_MASK = 2**128 - 1  # NonceHolder keeps the deployment nonce in the high 128 bits

# IMailbox.finalizeEthWithdrawal: the L1 function a withdrawal message is addressed to (L2BaseToken.sol).
FINALIZE_ETH_WITHDRAWAL_SELECTOR = keccak256(b"finalizeEthWithdrawal(uint256,uint256,uint16,bytes,bytes32[])")[:4]


class TxKind(Enum):
    TRANSFER = 1
    DEPOSIT = 2
    WITHDRAWAL = 3


class RejectReason(Enum):
    """Why a transaction was left out of a batch."""

    MALFORMED = "malformed transaction"
    MISSING_SIGNATURE = "missing signature"
    BAD_SIGNATURE = "bad signature"
    NONCE_REPLAYED = "nonce already used"
    NONCE_TOO_HIGH = "nonce out of order"
    GAS_LIMIT_TOO_HIGH = "gas limit above the per-transaction cap"
    OUT_OF_GAS = "gas limit below the gas used"
    FEE_TOO_LOW = "max fee per gas below the gas price"
    FEE_UNPAYABLE = "balance cannot pay the fee"
    INSUFFICIENT_BALANCE = "overdraft"
    PRIORITY_OUT_OF_ORDER = "priority transaction out of order"
    EXCEEDS_BATCH_LIMIT = "alone exceeds 95% of a batch limit"


class TxRejected(ValueError):
    """A transaction cannot be included; ``reason`` says why, the message names the offending value."""

    def __init__(self, reason: RejectReason, message: str) -> None:
        super().__init__(f"{reason.value}: {message}")
        self.reason = reason
        self.detail = message


def _check_int(name: str, value: object) -> None:
    require_int(value, name)


def _check_bytes(name: str, value: object) -> None:
    if not isinstance(value, bytes):
        raise TypeError(f"{name} must be bytes, got {type(value).__name__}: {value!r}")


def _check_signed_fields(tx: Transfer | Withdrawal, *byte_fields: str) -> None:
    """The checks a signed L2 transaction shares: address bytes, integer amounts and limits, the signature."""
    for name in byte_fields:
        _check_bytes(name, getattr(tx, name))
    for name in ("amount", "nonce", "gas_limit", "max_fee_per_gas"):
        _check_int(name, getattr(tx, name))
    if tx.signature is not None and not isinstance(tx.signature, Signature):
        raise TypeError(f"signature must be a Signature or None, got {type(tx.signature).__name__}")


@dataclass(frozen=True)
class Transfer:
    """An L2 ETH transfer from ``sender`` to ``recipient``, with the sender's ``nonce`` and an optional signature."""

    sender: bytes
    recipient: bytes
    amount: int
    nonce: int
    gas_limit: int = DEFAULT_GAS_LIMIT
    max_fee_per_gas: int = DEFAULT_MAX_FEE_PER_GAS
    signature: Signature | None = None

    kind: ClassVar[TxKind] = TxKind.TRANSFER

    def __post_init__(self) -> None:
        _check_signed_fields(self, "sender", "recipient")


@dataclass(frozen=True)
class Withdrawal:
    """An L2 -> L1 ETH withdrawal: burns ``amount`` on L2 and sends a message that lets ``l1_receiver`` claim it."""

    sender: bytes
    l1_receiver: bytes
    amount: int
    nonce: int
    gas_limit: int = DEFAULT_GAS_LIMIT
    max_fee_per_gas: int = DEFAULT_MAX_FEE_PER_GAS
    signature: Signature | None = None

    kind: ClassVar[TxKind] = TxKind.WITHDRAWAL

    def __post_init__(self) -> None:
        _check_signed_fields(self, "sender", "l1_receiver")


@dataclass(frozen=True)
class Deposit:
    """An L1 -> L2 priority transaction that mints ``amount`` to ``recipient``; ``priority_id`` is its serial number.

    The user pays for it on L1 (the Mailbox); its L2 gas counts towards the batch but no L2 fee is taken.
    """

    priority_id: int
    recipient: bytes
    amount: int
    gas_limit: int = 300_000

    kind: ClassVar[TxKind] = TxKind.DEPOSIT

    def __post_init__(self) -> None:
        _check_bytes("recipient", self.recipient)
        for name in ("priority_id", "amount", "gas_limit"):
            _check_int(name, getattr(self, name))


Transaction = Transfer | Withdrawal | Deposit


def _check_address(name: str, address: bytes) -> None:
    if len(address) != ADDRESS_BYTES:
        raise TxRejected(RejectReason.MALFORMED, f"{name} must be {ADDRESS_BYTES} bytes, got {address.hex()!r}")
    if address == ZERO_ADDRESS:
        raise TxRejected(RejectReason.MALFORMED, f"{name} is the zero address")


def check_transaction_format(tx: Transaction) -> None:
    """Checks that need no state: addresses, amount in [1, 2**256), nonce, gas limit within the cap.

    After it passes, every field fits ``encode_transaction``'s widths.
    """
    if not isinstance(tx, Transfer | Withdrawal | Deposit):
        raise TypeError(f"expected a Transfer, Withdrawal or Deposit, got {type(tx).__name__}: {tx!r}")
    if isinstance(tx, Deposit):
        _check_address("recipient", tx.recipient)
        if not 0 <= tx.priority_id < 2**64:
            raise TxRejected(RejectReason.MALFORMED, f"priority_id must be in [0, 2**64), got {tx.priority_id}")
        cap = MAX_GAS_PER_L1_TX
    else:
        _check_address("sender", tx.sender)
        _check_address("recipient" if isinstance(tx, Transfer) else "l1_receiver",
                       tx.recipient if isinstance(tx, Transfer) else tx.l1_receiver)
        if not 0 <= tx.nonce <= NONCE_MASK:
            raise TxRejected(RejectReason.MALFORMED, f"nonce must be in [0, 2**128), got {tx.nonce}")
        if tx.max_fee_per_gas < 0 or tx.max_fee_per_gas >= WORD:
            raise TxRejected(RejectReason.MALFORMED,
                             f"max_fee_per_gas must be in [0, 2**256), got {tx.max_fee_per_gas}")
        sig = tx.signature
        if sig is not None and not (0 <= sig.r < WORD and 0 <= sig.s < WORD and 0 <= sig.v < 256):
            raise TxRejected(RejectReason.MALFORMED, f"signature does not fit 65 bytes: {sig!r}")
        cap = MAX_GAS_PER_TX
    if not 0 < tx.amount < WORD:
        raise TxRejected(RejectReason.MALFORMED, f"amount must be in [1, 2**256), got {tx.amount}")
    if tx.gas_limit < 0:
        raise TxRejected(RejectReason.MALFORMED, f"gas_limit must be >= 0, got {tx.gas_limit}")
    if tx.gas_limit > cap:
        raise TxRejected(RejectReason.GAS_LIMIT_TOO_HIGH, f"gas_limit {tx.gas_limit} > {cap}")


def encode_transaction(tx: Transaction, *, with_signature: bool = True) -> bytes:
    """A fixed-width encoding: kind (1) || chain id (8) || fields || signature (65, zeros if unsigned).

    This is the book's own compact format (Era uses EIP-712 or RLP envelopes); its length feeds the
    per-transaction memory overhead. Call ``check_transaction_format`` first.
    """
    head = bytes([tx.kind.value]) + CHAIN_ID.to_bytes(8, "big")
    if isinstance(tx, Deposit):
        return head + (
            tx.priority_id.to_bytes(8, "big") + tx.recipient + tx.amount.to_bytes(32, "big")
            + tx.gas_limit.to_bytes(32, "big")
        )
    other = tx.recipient if isinstance(tx, Transfer) else tx.l1_receiver
    body = (
        tx.sender + other + tx.amount.to_bytes(32, "big") + tx.nonce.to_bytes(16, "big")
        + tx.gas_limit.to_bytes(32, "big") + tx.max_fee_per_gas.to_bytes(32, "big")
    )
    if not with_signature:
        return head + body
    sig = tx.signature.to_bytes() if tx.signature is not None else bytes(65)
    return head + body + sig


def compute_signing_hash(tx: Transfer | Withdrawal) -> bytes:
    """keccak256 of the unsigned encoding: what the sender signs."""
    check_transaction_format(tx)
    if isinstance(tx, Deposit):
        raise TypeError("a Deposit is authorised on L1 and carries no L2 signature")
    return keccak256(encode_transaction(tx, with_signature=False))


def sign_transaction(tx: Transfer | Withdrawal, private_key: bytes) -> Transfer | Withdrawal:
    """A copy of ``tx`` carrying the sender's signature over ``compute_signing_hash(tx)``."""
    return dataclasses.replace(tx, signature=sign_hash(compute_signing_hash(tx), private_key))


def verify_transaction_signature(tx: Transfer | Withdrawal) -> None:
    """Raise ``TxRejected`` unless the signature recovers to ``tx.sender`` (ecrecover, as DefaultAccount does)."""
    if tx.signature is None:
        raise TxRejected(RejectReason.MISSING_SIGNATURE, f"transaction from {tx.sender.hex()} is unsigned")
    try:
        signer = recover_address(compute_signing_hash(tx), tx.signature)
    except ValueError as exc:
        raise TxRejected(RejectReason.BAD_SIGNATURE, str(exc)) from None
    if signer != tx.sender:
        raise TxRejected(RejectReason.BAD_SIGNATURE, f"signed by {signer.hex()}, not by sender {tx.sender.hex()}")


def _mapping_slot(address: bytes, position: int = 0) -> int:
    """Solidity's slot of ``mapping(address => ...)`` at ``position``: keccak256(pad32(address) || position)."""
    return int.from_bytes(keccak256(bytes(12) + address + position.to_bytes(32, "big")), "big")


@lru_cache(maxsize=1 << 16)
def compute_balance_key(address: bytes) -> bytes:
    """Tree key of an account's ETH balance: L2BaseToken's ``balance[address]``."""
    if not isinstance(address, bytes) or len(address) != ADDRESS_BYTES:
        raise ValueError(f"address must be {ADDRESS_BYTES} bytes, got {address!r}")
    return compute_tree_key(L2_BASE_TOKEN_ADDRESS, _mapping_slot(address))


@lru_cache(maxsize=1 << 16)
def compute_nonce_key(address: bytes) -> bytes:
    """Tree key of an account's nonce: NonceHolder's ``rawNonces[address]`` (low 128 bits: the tx nonce)."""
    if not isinstance(address, bytes) or len(address) != ADDRESS_BYTES:
        raise ValueError(f"address must be {ADDRESS_BYTES} bytes, got {address!r}")
    return compute_tree_key(NONCE_HOLDER_ADDRESS, _mapping_slot(address))


def compute_withdrawal_message(tx: Withdrawal) -> bytes:
    """The message L2BaseToken sends to L1: finalizeEthWithdrawal selector || l1_receiver || amount (56 bytes)."""
    return FINALIZE_ETH_WITHDRAWAL_SELECTOR + tx.l1_receiver + tx.amount.to_bytes(32, "big")


def compute_withdrawal_log(message: bytes, tx_number_in_batch: int) -> L2ToL1Log:
    """The L2->L1 log L1Messenger emits for L2BaseToken's message: key the sender, value keccak(message)."""
    return L2ToL1Log(
        shard_id=0,
        is_service=True,
        tx_number_in_batch=tx_number_in_batch,
        sender=L1_MESSENGER_ADDRESS,
        key=bytes(12) + L2_BASE_TOKEN_ADDRESS,
        value=keccak256(message),
    )


def compute_priority_log(tx: Deposit, tx_number_in_batch: int) -> L2ToL1Log:
    """The service log the bootloader emits for every priority transaction: key its hash, value 1 (success).

    These logs are the 88 intrinsic pubdata bytes of an L1->L2 transaction; L1 uses
    them to mark the priority operation as processed.
    """
    return L2ToL1Log(
        shard_id=0,
        is_service=True,
        tx_number_in_batch=tx_number_in_batch,
        sender=BOOTLOADER_ADDRESS,
        key=keccak256(encode_transaction(tx)),
        value=(1).to_bytes(32, "big"),
    )
