"""Executing one transaction on top of the open batch: the checks that reject it, and what it would write.

A transfer or withdrawal checks its format, signature, nonce, fee cap and balance, then pays
``gas_charged x gas_price`` with ``gas_charged`` = execution gas + the slot overhead + ``gas_per_pubdata`` x
the pubdata bytes of its balance and nonce writes (before the fee is moved), credited to the fee account, so
value is conserved. A deposit mints (its L2 gas is paid on L1); a withdrawal burns and emits an L2->L1 log and
message. ``TxEffects.gas`` is the computational part only (execution; for a deposit the intrinsic
computational gas): the proof circuits are estimated from it, while the slot overhead and pubdata gas are
fee charges.
Nothing is applied here: the sequencer decides whether the effects fit the batch.

Source: EC bootloader.yul (nonce and fee checks, fee charged as gas x base fee, pubdata as gas_per_pubdata
per byte), EC system-contracts NonceHolder.sol, L2BaseToken.sol; ERA core/lib/multivm (intrinsic costs).
"""

from __future__ import annotations

from dataclasses import dataclass

from zkedu.constants import L2_TO_L1_LOG_BYTES, WORD
from zkedu.rollup.fees import L1_TX_INTRINSIC_L2_GAS, compute_l1_to_l2_gas, compute_tx_overhead_gas
from zkedu.rollup.open_batch import OpenBatch, TxEffects
from zkedu.rollup.records import L2ToL1Log
from zkedu.rollup.tx import (
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


@dataclass(frozen=True)
class FeeTerms:
    """The prices a sequencer charges at and where the fees go."""

    gas_price: int  # wei per gas (the batch's base fee)
    gas_per_pubdata: int  # gas charged per pubdata byte
    fee_account: bytes  # the operator's address, credited with every fee


def execute_transaction(
    batch: OpenBatch, tx: Transaction, terms: FeeTerms, *, next_priority_id: int, verify_signatures: bool = True
) -> TxEffects:
    """The effects of ``tx`` on top of ``batch``; raises ``TxRejected`` naming the reason if it fails a check."""
    check_transaction_format(tx)
    if isinstance(tx, Deposit):
        return execute_deposit(batch, tx, next_priority_id)
    if verify_signatures:
        verify_transaction_signature(tx)
    return execute_l2_transaction(batch, tx, terms)


def execute_deposit(batch: OpenBatch, tx: Deposit, next_priority_id: int) -> TxEffects:
    """A deposit from L1: in priority order, credited to its recipient, logged for L1."""
    if tx.priority_id != next_priority_id:
        raise TxRejected(RejectReason.PRIORITY_OUT_OF_ORDER,
                         f"priority_id {tx.priority_id}, expected {next_priority_id}")
    charged = compute_l1_to_l2_gas()
    if charged > tx.gas_limit:
        raise TxRejected(RejectReason.OUT_OF_GAS, f"gas used {charged} > gas limit {tx.gas_limit}")
    key = compute_balance_key(tx.recipient)
    writes = {key: _credit(batch.read(key, {}), tx.amount)}
    log = compute_priority_log(tx, len(batch.transactions))
    pubdata = batch.pubdata_delta(writes) + L2_TO_L1_LOG_BYTES
    return TxEffects(writes, L1_TX_INTRINSIC_L2_GAS, charged, 0, pubdata, logs=(log,), deposited=tx.amount)


def execute_l2_transaction(batch: OpenBatch, tx: Transfer | Withdrawal, terms: FeeTerms) -> TxEffects:
    """A transfer or withdrawal: nonce, fee cap and balance checked, value moved, then the fee charged."""
    writes: dict[bytes, int] = {}
    nonce_key, sender_key = compute_nonce_key(tx.sender), compute_balance_key(tx.sender)
    raw_nonce = batch.read(nonce_key, writes)
    _check_nonce(tx, raw_nonce & NONCE_MASK)
    if tx.max_fee_per_gas < terms.gas_price:
        raise TxRejected(RejectReason.FEE_TOO_LOW,
                         f"max_fee_per_gas {tx.max_fee_per_gas} < gas price {terms.gas_price}")
    balance = batch.read(sender_key, writes)
    if balance < tx.amount:
        raise TxRejected(RejectReason.INSUFFICIENT_BALANCE,
                         f"balance {balance} < amount {tx.amount} for {tx.sender.hex()}")
    writes[nonce_key] = raw_nonce + 1
    writes[sender_key] = balance - tx.amount
    logs: tuple[L2ToL1Log, ...] = ()
    messages: tuple[bytes, ...] = ()
    extra_pubdata = 0
    if isinstance(tx, Transfer):
        recipient_key = compute_balance_key(tx.recipient)
        writes[recipient_key] = _credit(batch.read(recipient_key, writes), tx.amount)
    else:
        message = compute_withdrawal_message(tx)
        messages, logs = (message,), (compute_withdrawal_log(message, len(batch.transactions)),)
        extra_pubdata = L2_TO_L1_LOG_BYTES + 4 + len(message)
    gas = TRANSFER_EXECUTION_GAS
    charged = (gas + compute_tx_overhead_gas(len(encode_transaction(tx)))
               + terms.gas_per_pubdata * max(0, batch.pubdata_delta(writes) + extra_pubdata))
    fee = _charge_fee(batch, tx, writes, terms, charged, balance)
    pubdata = batch.pubdata_delta(writes) + extra_pubdata
    withdrawn = tx.amount if isinstance(tx, Withdrawal) else 0
    return TxEffects(writes, gas, charged, fee, pubdata, logs, messages, withdrawn=withdrawn)


def _check_nonce(tx: Transfer | Withdrawal, expected: int) -> None:
    who = tx.sender.hex()
    if tx.nonce < expected:
        raise TxRejected(RejectReason.NONCE_REPLAYED, f"nonce {tx.nonce} < expected {expected} for {who}")
    if tx.nonce > expected:
        raise TxRejected(RejectReason.NONCE_TOO_HIGH, f"nonce {tx.nonce} > expected {expected} for {who}")


def _credit(balance: int, amount: int) -> int:
    credited = balance + amount
    if credited >= WORD:
        raise TxRejected(RejectReason.MALFORMED, f"recipient balance would overflow: {credited}")
    return credited


def _charge_fee(
    batch: OpenBatch, tx: Transfer | Withdrawal, writes: dict[bytes, int], terms: FeeTerms, charged: int, balance: int
) -> int:
    """Move ``charged x gas_price`` from the sender to the fee account in ``writes``; returns the fee."""
    if charged > tx.gas_limit:
        raise TxRejected(RejectReason.OUT_OF_GAS, f"gas used {charged} > gas limit {tx.gas_limit}")
    fee = charged * terms.gas_price
    if balance < fee:
        raise TxRejected(RejectReason.FEE_UNPAYABLE, f"balance {balance} < fee {fee} for {tx.sender.hex()}")
    if balance < tx.amount + fee:
        raise TxRejected(RejectReason.INSUFFICIENT_BALANCE,
                         f"balance {balance} < amount {tx.amount} + fee {fee} for {tx.sender.hex()}")
    writes[compute_balance_key(tx.sender)] -= fee
    fee_key = compute_balance_key(terms.fee_account)
    writes[fee_key] = batch.read(fee_key, writes) + fee
    return fee
