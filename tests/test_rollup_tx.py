"""Transactions: format checks with their reasons, signing and forgeries, ZKsync's storage layout, withdrawal logs."""

from __future__ import annotations

import dataclasses

import pytest

from zkedu.curves.ecdsa import N, Signature, compute_address, private_key_from_int
from zkedu.hashing import keccak256
from zkedu.rollup.records import L2ToL1Log
from zkedu.rollup.state import compute_tree_key
from zkedu.rollup.tx import (
    L1_MESSENGER_ADDRESS,
    L2_BASE_TOKEN_ADDRESS,
    MAX_GAS_PER_L1_TX,
    MAX_GAS_PER_TX,
    NONCE_HOLDER_ADDRESS,
    Deposit,
    RejectReason,
    Transfer,
    TxRejected,
    Withdrawal,
    check_transaction_format,
    compute_balance_key,
    compute_nonce_key,
    compute_priority_log,
    compute_signing_hash,
    compute_withdrawal_log,
    compute_withdrawal_message,
    encode_transaction,
    sign_transaction,
    verify_transaction_signature,
)

KEY_A, KEY_B = private_key_from_int(0xA11CE), private_key_from_int(0xB0B)
ALICE, BOB = compute_address(KEY_A), compute_address(KEY_B)


def test_system_contract_addresses() -> None:
    assert L2_BASE_TOKEN_ADDRESS.hex() == "000000000000000000000000000000000000800a"
    assert NONCE_HOLDER_ADDRESS.hex() == "0000000000000000000000000000000000008003"
    assert L1_MESSENGER_ADDRESS.hex() == "0000000000000000000000000000000000008008"


def test_storage_layout_is_eras() -> None:
    # key_for_eth_balance / get_nonce_key: keccak256(address padded to 32 || 32 zero bytes), in 0x800a / 0x8003.
    slot = int.from_bytes(keccak256(bytes(12) + ALICE + bytes(32)), "big")
    assert compute_balance_key(ALICE) == compute_tree_key(L2_BASE_TOKEN_ADDRESS, slot)
    assert compute_nonce_key(ALICE) == compute_tree_key(NONCE_HOLDER_ADDRESS, slot)
    assert len({compute_balance_key(ALICE), compute_balance_key(BOB), compute_nonce_key(ALICE)}) == 3
    with pytest.raises(ValueError, match="address must be 20 bytes"):
        compute_balance_key(bytes(21))
    with pytest.raises(ValueError, match="address must be 20 bytes"):
        compute_nonce_key(b"")


@pytest.mark.parametrize(
    ("tx", "reason", "message"),
    [
        (Transfer(ALICE, BOB, -1, 0), RejectReason.MALFORMED, "amount must be in .*got -1"),
        (Transfer(ALICE, BOB, 0, 0), RejectReason.MALFORMED, "amount must be in .*got 0"),
        (Transfer(ALICE, BOB, 2**256, 0), RejectReason.MALFORMED, "amount must be in"),
        (Transfer(ALICE, bytes(20), 1, 0), RejectReason.MALFORMED, "recipient is the zero address"),
        (Transfer(bytes(20), BOB, 1, 0), RejectReason.MALFORMED, "sender is the zero address"),
        (Transfer(ALICE, BOB[:19], 1, 0), RejectReason.MALFORMED, "recipient must be 20 bytes"),
        (Transfer(ALICE, BOB, 1, -1), RejectReason.MALFORMED, "nonce must be in"),
        (Transfer(ALICE, BOB, 1, 2**128), RejectReason.MALFORMED, "nonce must be in"),
        (Transfer(ALICE, BOB, 1, 0, gas_limit=-5), RejectReason.MALFORMED, "gas_limit must be >= 0, got -5"),
        (Transfer(ALICE, BOB, 1, 0, max_fee_per_gas=-1), RejectReason.MALFORMED, "max_fee_per_gas must be in"),
        (Transfer(ALICE, BOB, 1, 0, gas_limit=MAX_GAS_PER_TX + 1), RejectReason.GAS_LIMIT_TOO_HIGH,
         "gas_limit 80000001 > 80000000"),
        (Withdrawal(ALICE, bytes(20), 1, 0), RejectReason.MALFORMED, "l1_receiver is the zero address"),
        (Deposit(0, BOB, 1, gas_limit=MAX_GAS_PER_L1_TX + 1), RejectReason.GAS_LIMIT_TOO_HIGH, "> 72000000"),
        (Deposit(-1, BOB, 1), RejectReason.MALFORMED, r"priority_id must be in \[0, 2\*\*64\), got -1"),
        (Deposit(2**64, BOB, 1), RejectReason.MALFORMED, "priority_id must be in"),
        (Transfer(ALICE, BOB, 1, 0, signature=Signature(27, 2**256, 1)), RejectReason.MALFORMED,
         "signature does not fit 65 bytes"),
        (Withdrawal(ALICE, BOB, 1, 0, signature=Signature(-1, 1, 1)), RejectReason.MALFORMED,
         "signature does not fit 65 bytes"),
        (Deposit(0, bytes(20), 1), RejectReason.MALFORMED, "recipient is the zero address"),
    ],
)
def test_format_rejections(tx: Transfer, reason: RejectReason, message: str) -> None:
    with pytest.raises(TxRejected, match=message) as info:
        check_transaction_format(tx)
    assert info.value.reason is reason
    assert str(info.value).startswith(reason.value)


@pytest.mark.parametrize(
    ("at_the_limit", "one_beyond", "reason"),
    [
        (Transfer(ALICE, BOB, 1, 0, gas_limit=MAX_GAS_PER_TX), Transfer(ALICE, BOB, 1, 0, gas_limit=MAX_GAS_PER_TX + 1),
         RejectReason.GAS_LIMIT_TOO_HIGH),
        (Withdrawal(ALICE, BOB, 2**256 - 1, 3), Withdrawal(ALICE, BOB, 2**256, 3), RejectReason.MALFORMED),
        (Transfer(ALICE, BOB, 5, 2**128 - 1), Transfer(ALICE, BOB, 5, 2**128), RejectReason.MALFORMED),
        (Deposit(2**64 - 1, BOB, 9, gas_limit=MAX_GAS_PER_L1_TX), Deposit(2**64, BOB, 9, gas_limit=MAX_GAS_PER_L1_TX),
         RejectReason.MALFORMED),
    ],
)
def test_well_formed_transactions_pass_up_to_each_limit_and_not_beyond(at_the_limit, one_beyond, reason) -> None:
    assert check_transaction_format(at_the_limit) is None
    assert len(encode_transaction(at_the_limit)) > 0  # every field fits the encoding's widths
    with pytest.raises(TxRejected) as info:
        check_transaction_format(one_beyond)
    assert info.value.reason is reason


def test_construction_type_errors() -> None:
    with pytest.raises(TypeError, match="amount must be an int, got float"):
        Transfer(ALICE, BOB, 1.5, 0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sender must be bytes, got str"):
        Transfer(ALICE.hex(), BOB, 1, 0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="nonce must be an int, got bool"):
        Withdrawal(ALICE, BOB, 1, True)
    with pytest.raises(TypeError, match="signature must be a Signature or None"):
        Transfer(ALICE, BOB, 1, 0, signature=b"sig")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="recipient must be bytes"):
        Deposit(0, None, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Transfer, Withdrawal or Deposit"):
        check_transaction_format("tx")  # type: ignore[arg-type]


def test_signing_and_forgeries() -> None:
    tx = sign_transaction(Transfer(ALICE, BOB, 10, 0), KEY_A)
    verify_transaction_signature(tx)  # does not raise
    tampered = dataclasses.replace(tx, amount=11)
    with pytest.raises(TxRejected, match="not by sender") as info:
        verify_transaction_signature(tampered)
    assert info.value.reason is RejectReason.BAD_SIGNATURE
    by_bob = sign_transaction(Transfer(ALICE, BOB, 10, 0), KEY_B)
    with pytest.raises(TxRejected, match=f"signed by {BOB.hex()}") as info:
        verify_transaction_signature(by_bob)
    assert info.value.reason is RejectReason.BAD_SIGNATURE
    assert tx.signature is not None
    high_s = dataclasses.replace(tx, signature=Signature(55 - tx.signature.v, tx.signature.r, N - tx.signature.s))
    with pytest.raises(TxRejected, match="low s") as info:
        verify_transaction_signature(high_s)
    assert info.value.reason is RejectReason.BAD_SIGNATURE
    with pytest.raises(TxRejected, match="unsigned") as info:
        verify_transaction_signature(Transfer(ALICE, BOB, 10, 0))
    assert info.value.reason is RejectReason.MISSING_SIGNATURE
    withdrawal = sign_transaction(Withdrawal(ALICE, BOB, 10, 0), KEY_A)
    verify_transaction_signature(withdrawal)


def test_signing_hash_binds_kind_and_chain() -> None:
    transfer, withdrawal = Transfer(ALICE, BOB, 10, 0), Withdrawal(ALICE, BOB, 10, 0)
    assert compute_signing_hash(transfer) != compute_signing_hash(withdrawal)
    assert compute_signing_hash(transfer) == keccak256(encode_transaction(transfer, with_signature=False))
    assert encode_transaction(transfer)[1:9] == (324).to_bytes(8, "big")
    assert len(encode_transaction(transfer)) == len(encode_transaction(transfer, with_signature=False)) + 65
    with pytest.raises(TxRejected, match="amount"):
        compute_signing_hash(Transfer(ALICE, BOB, -1, 0))
    with pytest.raises(TypeError, match="no L2 signature"):
        compute_signing_hash(Deposit(0, BOB, 1))  # type: ignore[arg-type]


def test_withdrawal_message_and_log() -> None:
    tx = Withdrawal(ALICE, BOB, 10**18, 0)
    message = compute_withdrawal_message(tx)
    assert message == bytes.fromhex("6c0960f9") + BOB + (10**18).to_bytes(32, "big")
    log = compute_withdrawal_log(message, 7)
    assert isinstance(log, L2ToL1Log) and len(log.to_bytes()) == 88
    assert (log.sender, log.key, log.value, log.tx_number_in_batch) == (
        L1_MESSENGER_ADDRESS, bytes(12) + L2_BASE_TOKEN_ADDRESS, keccak256(message), 7)
    receipt = compute_priority_log(Deposit(4, BOB, 1), 2)
    assert receipt.is_service and receipt.value == (1).to_bytes(32, "big")
    assert receipt.key == keccak256(encode_transaction(Deposit(4, BOB, 1)))
