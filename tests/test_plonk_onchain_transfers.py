"""verify_transfers_onchain: the contract accepts zkedu's honest proofs, rejects chapter 6's tampers, and agrees
with the Python verifier on a property-based sample of corruptions."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.onchain_oracles import snarkjs_solidity_verifier
from zkedu.evm import LocalChain
from zkedu.plonk import (
    PROOF_SIZE,
    apply_transfers,
    prove_transfers,
    to_snarkjs,
    verify_transfers,
    verify_transfers_onchain,
)
from zkedu.plonk.onchain import encode_verifier_calldata
from zkedu.rollup.balance_rollup import BalanceRollupL1, BalanceRollupRejection
from zkedu.rollup.l1 import PROVE_GAS

PRE = [100, 50, 0, 7]
TRANSFERS = [(0, 1, 30), (1, 2, 60), (3, 0, 7), (2, 2, 0)]
PRE_OTHER = [90, 60, 0, 7]  # another pre-state with the same post-state reachable
SLOW = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


pytestmark = pytest.mark.xdist_group("plonk_onchain_transfers")  # one worker builds the module's proofs, once

@pytest.fixture(scope="module")
def batch() -> tuple[list[int], list[int], bytes]:
    proof = prove_transfers(PRE, TRANSFERS, random.Random(6))
    return PRE, apply_transfers(PRE, TRANSFERS), proof


def test_contract_accepts_an_honest_proof_for_about_300k_gas(batch: tuple[list[int], list[int], bytes]) -> None:
    pre, post, proof = batch
    accepted, gas = verify_transfers_onchain(pre, post, proof)
    assert accepted
    assert 250_000 < gas < 400_000


def test_contract_rejects_a_wrong_post_state(batch: tuple[list[int], list[int], bytes]) -> None:
    pre, post, proof = batch
    stolen = [post[0] - 1, post[1] + 1, *post[2:]]  # value still conserved: only the proof can tell
    assert verify_transfers_onchain(pre, stolen, proof)[0] is False


def test_contract_rejects_an_altered_proof(batch: tuple[list[int], list[int], bytes]) -> None:
    pre, post, proof = batch
    altered = proof[:700] + bytes([proof[700] ^ 1]) + proof[701:]
    assert verify_transfers_onchain(pre, post, altered)[0] is False


def test_contract_rejects_a_reused_proof_for_another_pre_state(batch: tuple[list[int], list[int], bytes]) -> None:
    _, post, proof = batch
    assert verify_transfers_onchain(PRE_OTHER, post, proof)[0] is False


def test_contract_rejects_a_proof_with_smuggled_public_inputs(batch: tuple[list[int], list[int], bytes]) -> None:
    # proof ‖ (true balances) sent with false balances: an ABI decoder that ignored trailing bytes would read
    # the true balances as the public inputs and accept; the contract insists on the exact calldata length.
    pre, post, proof = batch
    smuggled = proof + b"".join(x.to_bytes(32, "big") for x in [*pre, *post])
    assert verify_transfers_onchain([*pre[:3], 0], [*post[:3], 0], smuggled)[0] is False


@pytest.mark.parametrize("length", [0, 31, PROOF_SIZE - 32, PROOF_SIZE + 1])
def test_contract_rejects_truncated_empty_and_padded_proofs(
    batch: tuple[list[int], list[int], bytes], length: int
) -> None:
    pre, post, proof = batch
    data = (proof + bytes(32))[:length]
    assert verify_transfers_onchain(pre, post, data)[0] is False


def test_unencodable_balances_raise_naming_them(batch: tuple[list[int], list[int], bytes]) -> None:
    pre, post, proof = batch
    with pytest.raises(ValueError, match="4 and 3 entries"):
        verify_transfers_onchain(pre, post[:3], proof)
    with pytest.raises(ValueError, match="public input 0"):
        verify_transfers_onchain([-1, *pre[1:]], post, proof)
    with pytest.raises(ValueError, match="got 17"):
        verify_transfers_onchain([0] * 17, [0] * 17, proof)
    with pytest.raises(TypeError, match="proof must be bytes"):
        verify_transfers_onchain(pre, post, proof.hex())  # type: ignore[arg-type]


@SLOW
@given(position=st.integers(min_value=0, max_value=PROOF_SIZE - 1), mask=st.integers(min_value=1, max_value=255))
def test_contract_and_python_verifier_agree_on_flipped_bytes(
    batch: tuple[list[int], list[int], bytes], position: int, mask: int
) -> None:
    pre, post, proof = batch
    tampered = proof[:position] + bytes([proof[position] ^ mask]) + proof[position + 1 :]
    assert verify_transfers_onchain(pre, post, tampered)[0] == verify_transfers(pre, post, tampered) is False


@SLOW
@given(index=st.integers(min_value=0, max_value=7), delta=st.integers(min_value=-5, max_value=5))
def test_contract_and_python_verifier_agree_on_changed_balances(
    batch: tuple[list[int], list[int], bytes], index: int, delta: int
) -> None:
    pre, post, proof = batch
    balances = [*pre, *post]
    balances[index] = max(0, balances[index] + delta)
    new_pre, new_post = balances[:4], balances[4:]
    expected = verify_transfers(new_pre, new_post, proof)
    assert verify_transfers_onchain(new_pre, new_post, proof)[0] == expected
    assert expected == (new_pre == pre and new_post == post)


def test_snarkjs_solidity_verifier_accepts_zkedus_proof_for_similar_gas(
    batch: tuple[list[int], list[int], bytes], tmp_path: Path
) -> None:
    pre, post, proof = batch
    vk, _, _ = to_snarkjs(pre, post, proof)
    chain = LocalChain()
    address = chain.deploy(snarkjs_solidity_verifier(vk, tmp_path))
    honest = chain.call(address, encode_verifier_calldata(proof, [*pre, *post]))
    assert honest.success and honest.output == (1).to_bytes(32, "big")
    wrong = chain.call(address, encode_verifier_calldata(proof, [*pre, post[1], post[0], *post[2:]]))
    assert wrong.output != (1).to_bytes(32, "big")
    _, vyper_gas = verify_transfers_onchain(pre, post, proof)
    assert abs(vyper_gas - honest.gas_used) < 0.1 * honest.gas_used


def test_balance_rollup_prove_charges_the_gas_the_contract_measured(batch: tuple[list[int], list[int], bytes]) -> None:
    pre, post, proof = batch
    l1 = BalanceRollupL1(list(pre))  # default verifier: the contract in py-evm
    n = l1.commit_batch(pre, post)
    charged = l1.prove_batch(n, pre, post, proof)
    assert charged == verify_transfers_onchain(pre, post, proof)[1]
    assert charged != PROVE_GAS and l1.gas_used("prove") == charged
    l1.execute_batch(n)
    assert l1.finalized_balances == post


def test_balance_rollup_rejects_through_the_contract_a_proof_for_another_batch(
    batch: tuple[list[int], list[int], bytes],
) -> None:
    _, post, proof = batch
    l1 = BalanceRollupL1(list(PRE_OTHER))
    n = l1.commit_batch(PRE_OTHER, post)
    with pytest.raises(BalanceRollupRejection, match="proof was rejected"):
        l1.prove_batch(n, PRE_OTHER, post, proof)
    assert l1.gas_used("prove") == 0


@pytest.fixture(scope="module")
def small_key():
    from zkedu.plonk.keys import compute_proving_key
    from zkedu.plonk.transfers import build_transfers_circuit

    circuit, _ = build_transfers_circuit([0, 0], [], capacity=1)
    return compute_proving_key(circuit)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    pre=st.lists(st.integers(min_value=0, max_value=2**32 - 1), min_size=2, max_size=2),
    sender=st.integers(min_value=0, max_value=1),
    fraction=st.floats(min_value=0, max_value=1),
    seed=st.integers(min_value=0, max_value=2**32),
    position=st.integers(min_value=0, max_value=PROOF_SIZE - 1),
)
def test_contract_and_python_verifier_agree_on_sampled_proofs_and_a_corruption_of_each(
    small_key, pre: list[int], sender: int, fraction: float, seed: int, position: int
) -> None:
    from zkedu.plonk import prove, verify
    from zkedu.plonk.encoding import proof_from_bytes, proof_to_bytes, vk_to_json
    from zkedu.plonk.onchain import verifier_for
    from zkedu.plonk.transfers import build_transfers_circuit

    transfer = (sender, 1 - sender, int(pre[sender] * fraction))
    circuit, witness = build_transfers_circuit(pre, [transfer], capacity=1)
    public = circuit.public_values(witness)
    proof = proof_to_bytes(prove(small_key, witness, random.Random(seed)))
    contract = verifier_for(vk_to_json(small_key.vk))
    assert contract.verify(public, proof).accepted and verify(small_key.vk, public, proof_from_bytes(proof))
    corrupted = proof[:position] + bytes([proof[position] ^ 0x40]) + proof[position + 1 :]
    try:
        python_says = verify(small_key.vk, public, proof_from_bytes(corrupted))
    except ValueError:  # the Python side refuses to parse it (off-curve point, non-canonical value)
        python_says = False
    assert contract.verify(public, corrupted).accepted == python_says is False
