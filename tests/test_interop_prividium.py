"""Prividium: what the public sees, role-gated reads, and selective disclosure checked from public data only."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.interop.prividium import AccessDenied, Prividium, PublicBatch, Role, verify_disclosure

OP, ALICE, BOB, AUDITOR, STRANGER = (bytes(19) + bytes([i]) for i in (1, 2, 3, 4, 5))


def _chain() -> Prividium:
    chain = Prividium.with_balances(OP, {ALICE: 1_000, BOB: 500})
    chain.transfer(ALICE, BOB, 250)
    chain.seal_batch(timestamp=12)
    return chain


def test_the_public_record_holds_roots_proofs_and_metadata_only() -> None:
    chain = _chain()
    assert [f.name for f in dataclasses.fields(PublicBatch)] == ["number", "state_root", "proof_hash", "tx_count",
                                                                 "timestamp"]
    assert [b.tx_count for b in chain.public_batches] == [0, 1]
    assert chain.public_batches[0].state_root != chain.public_batches[1].state_root  # something changed, not what


def test_reads_are_gated_by_role() -> None:
    chain = _chain()
    assert chain.read_balance(OP, ALICE) == 750  # the operator sees everything
    assert chain.read_balance(ALICE, ALICE) == 750
    with pytest.raises(AccessDenied, match="may not read"):
        chain.read_balance(STRANGER, ALICE)
    with pytest.raises(AccessDenied):
        chain.read_balance(BOB, ALICE)
    with pytest.raises(AccessDenied, match="may not grant"):
        chain.grant_auditor(STRANGER, AUDITOR, ALICE)
    chain.grant_auditor(ALICE, AUDITOR, ALICE)
    assert chain.role_of(AUDITOR, ALICE) is Role.AUDITOR
    assert chain.read_balance(AUDITOR, ALICE) == 750
    with pytest.raises(AccessDenied):
        chain.read_balance(AUDITOR, BOB)  # the grant covers one account


def test_a_disclosure_verifies_against_the_public_root_and_a_lie_does_not() -> None:
    chain = _chain()
    disclosure = chain.disclose_balance(ALICE, ALICE)
    assert disclosure.balance == 750
    assert verify_disclosure(chain.public_batches, disclosure)
    assert not verify_disclosure(chain.public_batches, dataclasses.replace(disclosure, balance=10_000))
    assert not verify_disclosure(chain.public_batches, dataclasses.replace(disclosure, address=BOB))
    assert not verify_disclosure(chain.public_batches, dataclasses.replace(disclosure, batch_number=0))
    assert not verify_disclosure(chain.public_batches, dataclasses.replace(disclosure, batch_number=9))
    with pytest.raises(AccessDenied):
        chain.disclose_balance(AUDITOR, ALICE)


def test_disclosure_needs_a_sealed_batch_and_transfers_need_funds() -> None:
    chain = _chain()
    chain.transfer(BOB, ALICE, 1)
    with pytest.raises(ValueError, match="seal"):
        chain.disclose_balance(ALICE, ALICE)
    with pytest.raises(ValueError, match="cannot transfer 10000"):
        chain.transfer(ALICE, BOB, 10_000)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([ALICE, BOB]), st.integers(1, 300)), max_size=8))
def test_every_holders_disclosure_verifies_after_any_transfers(moves: list[tuple[bytes, int]]) -> None:
    chain = Prividium.with_balances(OP, {ALICE: 1_000, BOB: 500})
    for sender, amount in moves:
        recipient = BOB if sender == ALICE else ALICE
        if chain.read_balance(OP, sender) >= amount:
            chain.transfer(sender, recipient, amount)
    chain.seal_batch(timestamp=1)
    total = 0
    for holder in (ALICE, BOB):
        d = chain.disclose_balance(holder, holder)
        assert verify_disclosure(chain.public_batches, d)
        total += d.balance
    assert total == 1_500
