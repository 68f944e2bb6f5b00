"""zkedu.rollup.balance_rollup: L1 accepts a batch only with a proof for exactly the committed balances."""

from __future__ import annotations

import pytest

from zkedu.rollup.balance_rollup import BalanceRollupL1, BalanceRollupRejection, compute_balances_hash
from zkedu.rollup.l1 import PROVE_GAS

PROOFS = {}


def fake_verifier(pre: list[int], post: list[int], proof: bytes) -> tuple[bool, int]:
    """Accepts exactly the proofs registered for (pre, post); stands in for PLONK to test the L1 logic fast."""
    return PROOFS.get((tuple(pre), tuple(post))) == proof, 123_456


def test_commit_prove_execute_with_a_pluggable_verifier_charging_its_gas() -> None:
    PROOFS[((5, 0), (2, 3))] = b"ok"
    l1 = BalanceRollupL1([5, 0], verifier=fake_verifier)
    n = l1.commit_batch([5, 0], [2, 3])
    assert l1.prove_batch(n, [5, 0], [2, 3], b"ok") == 123_456
    l1.execute_batch(n)
    assert l1.finalized_balances == [2, 3] and l1.gas_used("prove") == 123_456


def test_prove_with_other_balances_than_committed_is_rejected() -> None:
    PROOFS[((5, 0), (0, 5))] = b"other"
    l1 = BalanceRollupL1([5, 0], verifier=fake_verifier)
    n = l1.commit_batch([5, 0], [2, 3])
    with pytest.raises(BalanceRollupRejection, match="not the committed ones"):
        l1.prove_batch(n, [5, 0], [0, 5], b"other")
    with pytest.raises(BalanceRollupRejection, match="proof was rejected"):
        l1.prove_batch(n, [5, 0], [2, 3], b"other")
    assert l1.batches[0].status == "committed"


def test_commit_must_continue_from_the_last_post_state_and_order_is_enforced() -> None:
    l1 = BalanceRollupL1([5, 0], verifier=fake_verifier)
    with pytest.raises(BalanceRollupRejection, match="not the last committed"):
        l1.commit_batch([4, 1], [4, 1])
    l1.commit_batch([5, 0], [2, 3])
    l1.commit_batch([2, 3], [2, 3])
    PROOFS[((2, 3), (2, 3))] = b"2"
    with pytest.raises(BalanceRollupRejection, match="batch 1 must be proven first"):
        l1.prove_batch(2, [2, 3], [2, 3], b"2")
    with pytest.raises(BalanceRollupRejection, match="not proven"):
        l1.execute_batch(1)
    with pytest.raises(BalanceRollupRejection, match="not committed"):
        l1.execute_batch(3)


def test_balances_hash_binds_order_and_values() -> None:
    assert compute_balances_hash([1, 2], [2, 1]) != compute_balances_hash([2, 1], [1, 2])
    with pytest.raises(ValueError, match="balance 0"):
        compute_balances_hash([-1], [0])


def test_python_verifier_is_plonk_at_the_planning_constant() -> None:
    from zkedu.rollup.balance_rollup import python_plonk_verifier

    assert python_plonk_verifier([1], [1], b"") == (False, PROVE_GAS)
