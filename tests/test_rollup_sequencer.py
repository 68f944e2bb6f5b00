"""The sequencer: every rejection path, every seal criterion, exact pubdata, and the invariants as properties."""

from __future__ import annotations

import dataclasses
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves.ecdsa import Signature, compute_address, private_key_from_int
from zkedu.hashing import keccak256
from zkedu.rollup.pubdata import BatchPubdata, pubdata_size, state_diff_size, update_known_slots
from zkedu.rollup.records import StateDiff
from zkedu.rollup.seal import EMPTY_PUBDATA_BYTES, Batch, SealCriterion, SealLimits, compute_diff_size
from zkedu.rollup.sequencer import Sequencer, create_genesis_tree, replay_batches, run_sequencer
from zkedu.rollup.tx import (
    BOOTLOADER_ADDRESS,
    Deposit,
    RejectReason,
    Transfer,
    Withdrawal,
    compute_balance_key,
    compute_nonce_key,
    sign_transaction,
)
from zkedu.rollup.workload import generate_workload

KEY_A, KEY_B = private_key_from_int(0xA11CE), private_key_from_int(0xB0B)
ALICE, BOB = compute_address(KEY_A), compute_address(KEY_B)
CAROL = keccak256(b"carol")[-20:]
ETH = 10**18


def balance(seq: Sequencer, who: bytes) -> int:
    return seq.tree.get(compute_balance_key(who))


def sequencer(**options: object) -> Sequencer:
    options.setdefault("verify_signatures", False)
    return Sequencer(create_genesis_tree({ALICE: ETH, BOB: ETH}), **options)  # type: ignore[arg-type]


def only_batch(seq: Sequencer) -> Batch:
    batch = seq.flush()
    assert batch is not None
    return batch


words = st.integers(0, 2**256 - 1) | st.integers(0, 2**20) | st.integers(2**256 - 2**20, 2**256 - 1)


@settings(max_examples=200)
@given(st.integers(0, 2**32), words, words)
def test_fast_diff_size_equals_the_pubdata_encoders(index: int, initial: int, final: int) -> None:
    if index == 0:
        initial = 0  # a first write starts from zero
    expected = 0 if initial == final else state_diff_size(StateDiff(bytes(32), index, initial, final))
    assert compute_diff_size(index, initial, final) == expected


# --- limits and parameters ------------------------------------------------------------------------------
@pytest.mark.parametrize("field", ["max_transactions", "max_circuits", "max_pubdata_bytes", "max_blobs",
                                   "max_priority_txs", "max_l2_to_l1_logs", "batch_timeout_seconds",
                                   "close_fraction", "reject_fraction", "l2_gas_per_circuit"])
@pytest.mark.parametrize("bad", [0, -1])
def test_limits_reject_zero_and_negative(field: str, bad: int) -> None:
    with pytest.raises(ValueError, match=f"{field} must be > 0, got {bad}"):
        SealLimits(**{field: bad})


def test_limits_defaults_and_caps() -> None:
    limits = SealLimits()
    assert (limits.max_transactions, limits.max_circuits, limits.max_pubdata_bytes, limits.max_blobs,
            limits.max_priority_txs, limits.max_l2_to_l1_logs) == (8192, 28_000, 500_000, 6, 600, 16_384)
    assert limits.l2_gas_per_circuit == 200_000_000 // 28_000  # the fee model's gas per batch, per circuit
    assert limits.counting_limits()[1] == 28_000 * limits.l2_gas_per_circuit
    assert limits.limit_of(SealCriterion.PUBDATA) == 500_000
    with pytest.raises(ValueError, match="TIMEOUT is not a limited resource"):
        limits.limit_of(SealCriterion.TIMEOUT)
    with pytest.raises(ValueError, match="bootloader's 10000, got 10001"):
        SealLimits(max_transactions=10_001)
    with pytest.raises(ValueError, match="max_blobs must be at most 6, got 7"):
        SealLimits(max_blobs=7)
    with pytest.raises(ValueError, match=r"must fit 6 blobs \(761856 B\), got 761857"):
        SealLimits(max_pubdata_bytes=761_857)
    with pytest.raises(ValueError, match=r"close_fraction must be at most 1, got 1\.5"):
        SealLimits(close_fraction=1.5)
    with pytest.raises(TypeError, match="max_circuits must be an int, got float"):
        SealLimits(max_circuits=1e9)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="batch_timeout_seconds must be a number"):
        SealLimits(batch_timeout_seconds="2")  # type: ignore[arg-type]


def test_sequencer_parameters() -> None:
    with pytest.raises(ValueError, match="gas_price must be >= 0, got -1"):
        Sequencer(gas_price=-1)
    with pytest.raises(TypeError, match="gas_per_pubdata must be an int"):
        Sequencer(gas_per_pubdata=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="fee_account must be a non-zero 20-byte address"):
        Sequencer(fee_account=bytes(20))
    seq = sequencer()
    seq.submit(Transfer(ALICE, BOB, 1, 0), 5.0)
    with pytest.raises(ValueError, match=r"timestamps must not decrease, got 4\.0 after 5\.0"):
        seq.submit(Transfer(ALICE, BOB, 1, 1), 4.0)
    with pytest.raises(TypeError, match="timestamp must be a number"):
        seq.submit(Transfer(ALICE, BOB, 1, 1), "6")  # type: ignore[arg-type]


# --- execution and rejection ----------------------------------------------------------------------------
def test_transfer_moves_value_and_pays_the_operator() -> None:
    seq = sequencer(gas_price=10, gas_per_pubdata=3)
    assert seq.submit(Transfer(ALICE, BOB, 1000, 0)) == []
    batch = only_batch(seq)
    fee = batch.fees_collected
    assert fee == batch.gas_charged * 10 > 0
    # the slot overhead and pubdata gas are charged, but only execution counts towards the circuit estimate
    assert batch.gas_used == 21_000
    assert batch.gas_charged > batch.gas_used + 10_000  # execution + slot overhead + 3 gas per pubdata byte
    assert balance(seq, ALICE) == ETH - 1000 - fee
    assert balance(seq, BOB) == ETH + 1000
    assert balance(seq, BOOTLOADER_ADDRESS) == fee
    assert seq.tree.get(compute_nonce_key(ALICE)) == 1
    assert batch.transactions == (Transfer(ALICE, BOB, 1000, 0),) and batch.rejected == ()


def reasons(batch: Batch) -> list[RejectReason]:
    return [r.reason for r in batch.rejected]


def test_each_rejection_reason_and_the_batch_goes_on() -> None:
    seq = sequencer(gas_price=10**8, gas_per_pubdata=0)  # the default max fee per gas
    cases = [
        (Transfer(ALICE, BOB, 0, 0), RejectReason.MALFORMED, "amount"),
        (Transfer(ALICE, BOB, 1, 1), RejectReason.NONCE_TOO_HIGH, "nonce 1 > expected 0"),
        (Transfer(ALICE, BOB, 1, 0), None, ""),
        (Transfer(ALICE, BOB, 1, 0), RejectReason.NONCE_REPLAYED, "nonce 0 < expected 1"),
        (Transfer(ALICE, BOB, 2 * ETH, 1), RejectReason.INSUFFICIENT_BALANCE, f"balance .* < amount {2 * ETH}"),
        (Transfer(ALICE, BOB, ETH - 4 * 10**12, 1), RejectReason.INSUFFICIENT_BALANCE, r"\+ fee"),
        (Transfer(ALICE, BOB, 1, 1, max_fee_per_gas=10**8 - 1), RejectReason.FEE_TOO_LOW, "< gas price 100000000"),
        (Transfer(ALICE, BOB, 1, 1, gas_limit=20_000), RejectReason.OUT_OF_GAS, "> gas limit 20000"),
        (Transfer(CAROL, BOB, 1, 0), RejectReason.INSUFFICIENT_BALANCE, "balance 0 < amount 1"),
        (Deposit(1, CAROL, 10), RejectReason.PRIORITY_OUT_OF_ORDER, "priority_id 1, expected 0"),
        (Deposit(0, CAROL, 10), None, ""),
        (Deposit(0, CAROL, 10), RejectReason.PRIORITY_OUT_OF_ORDER, "priority_id 0, expected 1"),
        (Deposit(1, CAROL, 10, gas_limit=1000), RejectReason.OUT_OF_GAS, "gas limit 1000"),
        (Transfer(CAROL, BOB, 1, 0), RejectReason.FEE_UNPAYABLE, "balance 10 < fee"),
        (Transfer(ALICE, BOB, 1, 1), None, ""),
    ]
    for tx, _, _ in cases:
        assert seq.submit(tx) == []
    batch = only_batch(seq)
    expected = [(i, r, m) for i, (_, r, m) in enumerate(cases) if r is not None]
    assert [(r.position, r.reason) for r in batch.rejected] == [(i, r) for i, r, _ in expected]
    for rejection, (_, _, message) in zip(batch.rejected, expected, strict=True):
        assert re.search(message, rejection.message), (message, rejection.message)
    assert len(batch.transactions) == 3
    assert seq.tree.get(compute_nonce_key(ALICE)) == 2


def test_signatures_checked_only_when_asked() -> None:
    signed = sign_transaction(Transfer(ALICE, BOB, 5, 0), KEY_A)
    forged = dataclasses.replace(signed, amount=6)
    unsigned = Transfer(BOB, ALICE, 5, 0)
    seq = sequencer(verify_signatures=True)
    for tx in (forged, unsigned, signed):
        seq.submit(tx)
    batch = only_batch(seq)
    assert reasons(batch) == [RejectReason.BAD_SIGNATURE, RejectReason.MISSING_SIGNATURE]
    assert batch.transactions == (signed,)
    bulk = sequencer(verify_signatures=False)
    bulk.submit(unsigned)
    assert only_batch(bulk).transactions == (unsigned,)


def test_unencodable_fields_are_rejected_not_raised_even_without_signature_checks() -> None:
    seq = sequencer()
    seq.submit(Transfer(ALICE, BOB, 1, 0, signature=Signature(27, 1, 2**300)))
    seq.submit(Deposit(2**64, BOB, 1))
    batch = only_batch(seq)
    assert reasons(batch) == [RejectReason.MALFORMED, RejectReason.MALFORMED]


any_int = st.integers(-2, 3) | st.integers(-(2**300), 2**300)
addresses = st.sampled_from([ALICE, BOB, CAROL, bytes(20), b"\x01" * 19, b""])
signatures = st.none() | st.builds(Signature, any_int, any_int, any_int)
wild_txs = st.one_of(
    st.builds(Transfer, addresses, addresses, any_int, any_int, any_int, any_int, signatures),
    st.builds(Withdrawal, addresses, addresses, any_int, any_int, any_int, any_int, signatures),
    st.builds(Deposit, any_int, addresses, any_int, any_int),
)


@settings(max_examples=150)
@given(st.lists(wild_txs, max_size=6), st.booleans())
def test_any_well_typed_transaction_is_included_or_rejected_never_raises(txs: list, verify: bool) -> None:
    seq = sequencer(verify_signatures=verify, gas_price=1)
    for tx in txs:
        seq.submit(tx)
    batch = seq.flush()
    handled = 0 if batch is None else len(batch.transactions) + len(batch.rejected)
    assert handled == len(txs)


def test_withdrawal_burns_and_logs_and_deposit_mints() -> None:
    seq = sequencer(gas_price=1, gas_per_pubdata=0)
    seq.submit(Deposit(0, CAROL, 500))
    seq.submit(Withdrawal(ALICE, CAROL, 300, 0))
    batch = only_batch(seq)
    assert (batch.deposited, batch.withdrawn, batch.priority_txs) == (500, 300, 1)
    assert balance(seq, CAROL) == 500
    assert balance(seq, ALICE) == ETH - 300 - batch.fees_collected
    receipt, withdrawal_log = batch.l2_to_l1_logs
    assert receipt.tx_number_in_batch == 0 and withdrawal_log.tx_number_in_batch == 1
    assert batch.messages == (bytes.fromhex("6c0960f9") + CAROL + (300).to_bytes(32, "big"),)
    assert withdrawal_log.value == keccak256(batch.messages[0])


def test_balance_overflow_is_malformed() -> None:
    seq = Sequencer(create_genesis_tree({ALICE: ETH, BOB: 2**256 - 5}), verify_signatures=False, gas_price=0)
    seq.submit(Transfer(ALICE, BOB, 10, 0))
    seq.submit(Deposit(0, BOB, 10))
    batch = only_batch(seq)
    assert reasons(batch) == [RejectReason.MALFORMED, RejectReason.MALFORMED]
    assert all("recipient balance would overflow" in r.message for r in batch.rejected)
    assert batch.transactions == ()


def test_replay_detects_tampered_batches() -> None:
    w = generate_workload(10, 40, seed=4, arrival_rate=10.0)
    batches, _ = run_sequencer(w.genesis, w.transactions, w.timestamps, verify_signatures=False)
    assert len(batches) >= 2
    first, second = batches[0], batches[1]
    with pytest.raises(ValueError, match="batch 1: root before"):
        replay_batches(w.genesis, [dataclasses.replace(first, root_before=bytes(32)), second])
    with pytest.raises(ValueError, match="batch 2: root before"):
        replay_batches(w.genesis, [second])
    with pytest.raises(ValueError, match="batch 1: replayed root"):
        replay_batches(w.genesis, [dataclasses.replace(first, root_after=bytes(32))])
    d = first.state_diffs[0]
    forged = dataclasses.replace(d, final_value=d.final_value + 1)
    with pytest.raises(ValueError, match="batch 1: replayed root"):
        replay_batches(w.genesis, [dataclasses.replace(first, state_diffs=(forged, *first.state_diffs[1:]))])
    repeated = next(x for x in second.state_diffs if x.enumeration_index)
    wrong_index = dataclasses.replace(repeated, enumeration_index=repeated.enumeration_index + 10**6)
    with pytest.raises(ValueError, match=r"batch 2: diff .* does not match the state"):
        replay_batches(w.genesis, [first, dataclasses.replace(second, state_diffs=(wrong_index,))])


# --- batches: diffs, pubdata, sealing ------------------------------------------------------------------
def test_state_diffs_and_exact_pubdata() -> None:
    seq = sequencer(gas_price=1, gas_per_pubdata=0)
    seq.submit(Transfer(ALICE, CAROL, 7, 0))
    seq.submit(Transfer(ALICE, CAROL, 7, 1))  # repeated writes within a batch are one net diff
    seq.submit(Withdrawal(BOB, CAROL, 3, 0))
    first = only_batch(seq)
    by_key = {d.derived_key: d for d in first.state_diffs}
    assert len(by_key) == len(first.state_diffs)
    carol = by_key[compute_balance_key(CAROL)]
    assert (carol.enumeration_index, carol.initial_value, carol.final_value) == (0, 0, 14)
    alice = by_key[compute_balance_key(ALICE)]
    assert alice.enumeration_index == 1 and alice.initial_value == ETH  # Alice's balance was written at genesis
    exact = pubdata_size(BatchPubdata(first.l2_to_l1_logs, first.messages, (), first.state_diffs))
    assert first.pubdata_bytes == exact
    seq.submit(Transfer(CAROL, ALICE, 1, 0), 1.0)
    second = only_batch(seq)
    assert all(d.enumeration_index > 0 for d in second.state_diffs if d.derived_key == compute_balance_key(CAROL))
    assert second.pubdata_bytes == pubdata_size(BatchPubdata(second.l2_to_l1_logs, second.messages, (),
                                                             second.state_diffs))
    assert first.root_after == second.root_before


def limits_sealing_on(criterion: SealCriterion) -> SealLimits:
    return {
        SealCriterion.TRANSACTIONS: SealLimits(max_transactions=5),
        SealCriterion.CIRCUITS: SealLimits(max_circuits=200_000, l2_gas_per_circuit=1),
        SealCriterion.PUBDATA: SealLimits(max_pubdata_bytes=600),
        SealCriterion.PRIORITY_TXS: SealLimits(max_priority_txs=3),
        SealCriterion.L2_TO_L1_LOGS: SealLimits(max_l2_to_l1_logs=4),
        SealCriterion.BLOBS: SealLimits(max_blobs=2, max_pubdata_bytes=2 * 126_976, batch_timeout_seconds=1e9),
    }[criterion]


@pytest.mark.parametrize("criterion", [c for c in SealCriterion if c not in (SealCriterion.TIMEOUT,
                                                                              SealCriterion.END_OF_INPUT)])
def test_each_criterion_seals(criterion: SealCriterion) -> None:
    limits = limits_sealing_on(criterion)
    w = generate_workload(300, 60, seed=5, deposit_fraction=0.3, withdrawal_fraction=0.3)
    if criterion is SealCriterion.BLOBS:  # more than one blob of pubdata: withdrawals publish ~150 B each
        w = generate_workload(50, 1000, seed=5, withdrawal_fraction=1.0)
    batches, _ = run_sequencer(w.genesis, w.transactions, w.timestamps, limits=limits, verify_signatures=False,
                               gas_per_pubdata=0)
    assert batches[0].seal_criterion is criterion
    assert_within_limits(batches, limits)


def assert_within_limits(batches: list[Batch], limits: SealLimits) -> None:
    for batch in batches:
        for criterion, used in batch.usage(limits.l2_gas_per_circuit).items():
            assert used <= limits.limit_of(criterion), (batch.number, criterion, used)


def test_timeout_seals_in_simulated_time() -> None:
    seq = sequencer(limits=SealLimits(batch_timeout_seconds=2.0))
    assert seq.submit(Transfer(ALICE, BOB, 1, 0), 10.0) == []
    assert seq.submit(Transfer(ALICE, BOB, 1, 1), 11.9) == []
    (batch,) = seq.submit(Transfer(ALICE, BOB, 1, 2), 12.0)
    assert batch.seal_criterion is SealCriterion.TIMEOUT
    assert (batch.opened_at, batch.closed_at, len(batch.transactions)) == (10.0, 12.0, 2)
    last = only_batch(seq)
    assert last.seal_criterion is SealCriterion.END_OF_INPUT and last.opened_at == 12.0
    assert last.number == batch.number + 1
    assert seq.flush() is None


def test_transaction_too_big_alone_is_rejected() -> None:
    seq = sequencer(limits=SealLimits(max_circuits=23_000, l2_gas_per_circuit=1), gas_per_pubdata=0)
    seq.submit(Transfer(ALICE, BOB, 1, 0))  # 21,000 execution gas <= 95% of 23,000 (21,850): fits alone
    seq2 = sequencer(limits=SealLimits(max_circuits=22_000, l2_gas_per_circuit=1), gas_per_pubdata=0)
    seq2.submit(Transfer(ALICE, BOB, 1, 0))  # 21,000 > 0.95 * 22,000 = 20,900
    batch = only_batch(seq2)
    assert reasons(batch) == [RejectReason.EXCEEDS_BATCH_LIMIT]
    assert ("proof circuits (estimated from execution gas): uses 21000.0 of 22000 (21000 gas)"
            in batch.rejected[0].message)
    assert only_batch(seq).transactions


def test_lone_transaction_is_judged_with_the_batch_framing() -> None:
    # A batch's pubdata includes fixed framing (section counts, state-diff header); a transaction that fits
    # 95% of the limit only without it must be rejected, or it would overfill an empty batch.
    probe = sequencer()
    probe.submit(Transfer(ALICE, CAROL, 1, 0))
    total = only_batch(probe).pubdata_bytes
    own = total - EMPTY_PUBDATA_BYTES
    limit = math.ceil((own + 1) / 0.95)
    assert own <= 0.95 * limit < total <= limit + EMPTY_PUBDATA_BYTES
    seq = sequencer(limits=SealLimits(max_pubdata_bytes=limit))
    seq.submit(Transfer(ALICE, CAROL, 1, 0))
    batch = only_batch(seq)
    assert reasons(batch) == [RejectReason.EXCEEDS_BATCH_LIMIT]
    assert f"pubdata bytes: uses {total} of {limit}" in batch.rejected[0].message
    assert batch.pubdata_bytes <= limit


def test_count_limits_of_one_seal_every_transaction_without_rejecting_it() -> None:
    limits = SealLimits(max_transactions=1)
    batches, _ = run_sequencer({ALICE: ETH}, [Transfer(ALICE, BOB, 1, n) for n in range(3)], limits=limits,
                               verify_signatures=False)
    assert [(len(b.transactions), len(b.rejected), b.seal_criterion) for b in batches] == [
        (1, 0, SealCriterion.TRANSACTIONS)] * 3
    limits = SealLimits(max_priority_txs=1)
    batches, _ = run_sequencer({ALICE: ETH}, [Deposit(n, BOB, 1) for n in range(2)], limits=limits,
                               verify_signatures=False)
    assert [(len(b.transactions), b.seal_criterion) for b in batches] == [(1, SealCriterion.PRIORITY_TXS)] * 2
    # An L2->L1 log limit of one is too small for any withdrawal (one log > 95% of it).
    batches, _ = run_sequencer({ALICE: ETH}, [Withdrawal(ALICE, BOB, 1, 0)], limits=SealLimits(max_l2_to_l1_logs=1),
                               verify_signatures=False)
    assert reasons(batches[0]) == [RejectReason.EXCEEDS_BATCH_LIMIT]
    assert "L2->L1 logs: uses 1 of 1" in batches[0].rejected[0].message


def test_excluded_transaction_moves_to_the_next_batch() -> None:
    # Each transfer executes 21,000 gas; the limit lets two fit (42,000 <= 50,000) but not three, and two stay
    # below 95% (47,500), so the third seals the batch without itself and opens the next.
    seq = sequencer(limits=SealLimits(max_circuits=50_000, l2_gas_per_circuit=1), gas_per_pubdata=0)
    assert seq.submit(Transfer(ALICE, BOB, 1, 0)) == []
    assert seq.submit(Transfer(ALICE, BOB, 1, 1)) == []
    (full,) = seq.submit(Transfer(ALICE, BOB, 1, 2))
    assert full.seal_criterion is SealCriterion.CIRCUITS and len(full.transactions) == 2
    assert only_batch(seq).transactions == (Transfer(ALICE, BOB, 1, 2),)


# --- invariants as properties --------------------------------------------------------------------------
workloads = st.builds(
    dict,
    seed=st.integers(0, 10_000),
    n_accounts=st.integers(2, 30),
    n_transactions=st.integers(0, 120),
    deposit_fraction=st.sampled_from([0.0, 0.1]),
    withdrawal_fraction=st.sampled_from([0.0, 0.1]),
    faulty_fraction=st.sampled_from([0.0, 0.2]),
    arrival_rate=st.sampled_from([5.0, 50.0]),
    zipf_exponent=st.sampled_from([0.0, 1.2]),
)
small_limits = st.builds(
    SealLimits,
    max_transactions=st.integers(1, 40),
    max_circuits=st.integers(100_000, 3_000_000),
    l2_gas_per_circuit=st.just(1),
    max_pubdata_bytes=st.integers(150, 5_000),
    max_priority_txs=st.integers(1, 5),
    max_l2_to_l1_logs=st.integers(1, 8),
    batch_timeout_seconds=st.sampled_from([0.5, 2.5]),
)


@settings(max_examples=30)
@given(workloads, small_limits, st.integers(0, 3))
def test_invariants(params: dict, limits: SealLimits, gas_per_pubdata: int) -> None:
    w = generate_workload(**params)
    batches, tree = run_sequencer(w.genesis, w.transactions, w.timestamps, limits=limits,
                                  verify_signatures=False, gas_price=7, gas_per_pubdata=gas_per_pubdata)
    # Every transaction is either included once or rejected once, with a reason and a message.
    included = sum(len(b.transactions) for b in batches)
    rejected = [r for b in batches for r in b.rejected]
    assert included + len(rejected) == len(w.transactions)
    assert sorted(r.position for r in rejected) == sorted({r.position for r in rejected})
    assert all(isinstance(r.reason, RejectReason) and r.message for r in rejected)
    # Value is conserved: balances (the operator's included) = genesis + deposits - withdrawals.
    accounts = set(w.genesis) | {BOOTLOADER_ADDRESS}
    total = sum(tree.get(compute_balance_key(a)) for a in accounts)
    deposited, withdrawn = sum(b.deposited for b in batches), sum(b.withdrawn for b in batches)
    assert total == sum(w.genesis.values()) + deposited - withdrawn
    assert tree.get(compute_balance_key(BOOTLOADER_ADDRESS)) == sum(b.fees_collected for b in batches)
    # No batch exceeds a limit; the criterion that sealed it was reached.
    assert_within_limits(batches, limits)
    # Batches chain, and replaying their diffs from genesis gives the same roots.
    genesis_root = create_genesis_tree(w.genesis).root
    assert [b.root_before for b in batches] == [genesis_root, *(b.root_after for b in batches)][:len(batches)]
    assert replay_batches(w.genesis, batches).root == tree.root
    assert [b.number for b in batches] == list(range(1, len(batches) + 1))
    # Each batch's pubdata size is exactly what the pubdata encoder produces.
    for b in batches:
        assert b.pubdata_bytes == pubdata_size(BatchPubdata(b.l2_to_l1_logs, b.messages, (), b.state_diffs))


@settings(max_examples=10)
@given(workloads)
def test_deterministic_and_consistent_with_the_pubdata_replayer(params: dict) -> None:
    w = generate_workload(**params)
    assert generate_workload(**params) == w
    first, tree = run_sequencer(w.genesis, w.transactions, w.timestamps, verify_signatures=False)
    second, _ = run_sequencer(w.genesis, w.transactions, w.timestamps, verify_signatures=False)
    assert first == second
    # A node that knows only the pubdata assigns the same enumeration indices as the tree.
    genesis = create_genesis_tree(w.genesis)
    known = {i: (k, v) for k, (i, v) in genesis.entries().items()}
    for batch in first:
        known = update_known_slots(known, batch.state_diffs)
    assert known == {i: (k, v) for k, (i, v) in tree.entries().items()}


def test_signed_workload_runs_with_verification() -> None:
    w = generate_workload(4, 12, seed=2, signed=True, faulty_fraction=0.25)
    batches, _ = run_sequencer(w.genesis, w.transactions, w.timestamps, verify_signatures=True)
    rejected = {r.reason for b in batches for r in b.rejected}
    assert RejectReason.BAD_SIGNATURE not in rejected and RejectReason.MISSING_SIGNATURE not in rejected
    assert sum(len(b.transactions) for b in batches) >= 6
    assert all(tx.signature is not None for b in batches for tx in b.transactions)


def test_workload_bad_inputs() -> None:
    with pytest.raises(ValueError, match="n_accounts must be >= 2, got 1"):
        generate_workload(1, 5)
    with pytest.raises(ValueError, match="n_transactions must be >= 0, got -1"):
        generate_workload(5, -1)
    with pytest.raises(TypeError, match="n_accounts must be an int"):
        generate_workload(5.0, 1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="arrival_rate must be > 0, got 0"):
        generate_workload(5, 1, arrival_rate=0)
    with pytest.raises(ValueError, match=r"faulty_fraction must be in \[0, 1\], got 2"):
        generate_workload(5, 1, faulty_fraction=2)
    with pytest.raises(ValueError, match="deposit_fraction \\+ withdrawal_fraction must be <= 1"):
        generate_workload(5, 1, deposit_fraction=0.6, withdrawal_fraction=0.6)
    with pytest.raises(ValueError, match="zipf_exponent must be >= 0"):
        generate_workload(5, 1, zipf_exponent=-1)
    with pytest.raises(ValueError, match="initial_balance must be an int >= 0"):
        generate_workload(5, 1, initial_balance=-1)


def test_zipf_popularity_makes_repeated_writes() -> None:
    w = generate_workload(1000, 500, seed=9, zipf_exponent=1.2)
    recipients = [tx.recipient for tx in w.transactions if isinstance(tx, Transfer)]
    top = max(recipients.count(r) for r in set(recipients))
    assert top > 20  # uniform choice over 1000 accounts would give about 0.5 per account
    uniform = generate_workload(1000, 500, seed=9, zipf_exponent=0.0)
    assert max([t.recipient for t in uniform.transactions].count(r) for r in set(recipients)) < top
