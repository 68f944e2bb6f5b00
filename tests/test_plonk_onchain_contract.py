"""The Vyper PLONK verifier in py-evm against snarkjs: it accepts snarkjs's proofs and rejects every tamper.

The proofs here come from snarkjs alone (its own ceremony, setup and prover on a small circuit), so these
tests pin the contract to the reference implementation independently of zkedu's prover.
"""

from __future__ import annotations

import copy

import pytest

from tests.onchain_oracles import SnarkjsFixture, build_snarkjs_fixture, snarkjs_solidity_verifier, snarkjs_verifies
from zkedu.curves import BN254
from zkedu.evm import ECADD_GAS, ECMUL_GAS, ECPAIRING_BASE_GAS, ECPAIRING_PER_PAIR_GAS, LocalChain
from zkedu.plonk.onchain import (
    PROOF_BYTES,
    OnchainVerifier,
    compute_template_values,
    encode_verifier_calldata,
    render_verifier_source,
    snarkjs_proof_to_bytes,
)

pytestmark = pytest.mark.xdist_group("plonk_onchain_snarkjs")  # one worker builds the module's proofs, once

@pytest.fixture(scope="module")
def fixture(tmp_path_factory: pytest.TempPathFactory) -> SnarkjsFixture:
    return build_snarkjs_fixture(tmp_path_factory.mktemp("snarkjs"), n_public_inputs=3, n_proofs=2)


@pytest.fixture(scope="module")
def verifier(fixture: SnarkjsFixture) -> OnchainVerifier:
    return OnchainVerifier(fixture.vk)


def _word(proof: bytes, i: int) -> int:
    return int.from_bytes(proof[32 * i : 32 * i + 32], "big")


def _with_word(proof: bytes, i: int, value: int) -> bytes:
    return proof[: 32 * i] + value.to_bytes(32, "big") + proof[32 * i + 32 :]


def test_contract_accepts_every_snarkjs_proof(fixture: SnarkjsFixture, verifier: OnchainVerifier) -> None:
    for proof_json, public in fixture.proofs:
        verdict = verifier.verify(public, snarkjs_proof_to_bytes(proof_json))
        assert verdict.accepted, verdict.result


def test_gas_is_the_eip1108_precompiles_plus_a_small_remainder(
    fixture: SnarkjsFixture, verifier: OnchainVerifier
) -> None:
    proof_json, public = fixture.proofs[0]
    gas = verifier.verify(public, snarkjs_proof_to_bytes(proof_json)).result.gas
    assert gas.calls["ecPairing"] == (1, ECPAIRING_BASE_GAS + 2 * ECPAIRING_PER_PAIR_GAS)
    assert gas.calls["ecMul"] == (18, 18 * ECMUL_GAS)
    assert gas.calls["ecAdd"] == (18, 18 * ECADD_GAS)
    assert gas.count("keccak") == 6 and gas.count("modexp") == 1
    assert gas.floor_topup == 0  # execution dominates: Prague's calldata floor does not bind
    assert 0 < gas.other < 60_000  # field arithmetic, memory, call overhead


def test_contract_rejects_a_changed_public_input(fixture: SnarkjsFixture, verifier: OnchainVerifier) -> None:
    proof_json, public = fixture.proofs[0]
    proof = snarkjs_proof_to_bytes(proof_json)
    for i in range(len(public)):
        changed = list(public)
        changed[i] += 1
        assert not verifier.verify(changed, proof).accepted


def test_contract_rejects_a_proof_for_other_public_inputs(fixture: SnarkjsFixture, verifier: OnchainVerifier) -> None:
    (proof0, public0), (proof1, public1) = fixture.proofs
    assert not verifier.verify(public1, snarkjs_proof_to_bytes(proof0)).accepted
    assert not verifier.verify(public0, snarkjs_proof_to_bytes(proof1)).accepted


@pytest.mark.parametrize("word", [0, 3, 6, 9, 13, 14, 17, 18, 20, 23])
def test_contract_rejects_a_proof_with_one_word_changed(
    fixture: SnarkjsFixture, verifier: OnchainVerifier, word: int
) -> None:
    proof_json, public = fixture.proofs[0]
    proof = snarkjs_proof_to_bytes(proof_json)
    tampered = _with_word(proof, word, (_word(proof, word) + 1) % BN254.r)
    verdict = verifier.verify(public, tampered)
    assert not verdict.accepted


def test_contract_rejects_non_canonical_encodings(fixture: SnarkjsFixture, verifier: OnchainVerifier) -> None:
    proof_json, public = fixture.proofs[0]
    proof = snarkjs_proof_to_bytes(proof_json)
    # The same evaluation plus r, the same coordinate plus p, the same public input plus r: equal mod the
    # modulus, but not canonical; accepting them would make proofs malleable.
    assert not verifier.verify(public, _with_word(proof, 18, _word(proof, 18) + BN254.r)).accepted
    assert not verifier.verify(public, _with_word(proof, 0, _word(proof, 0) + BN254.p)).accepted
    assert not verifier.verify([public[0] + BN254.r, *public[1:]], proof).accepted


def test_contract_rejects_a_point_off_the_curve_without_burning_the_gas(
    fixture: SnarkjsFixture, verifier: OnchainVerifier
) -> None:
    proof_json, public = fixture.proofs[0]
    proof = snarkjs_proof_to_bytes(proof_json)
    verdict = verifier.verify(public, _with_word(proof, 1, (_word(proof, 1) + 1) % BN254.p))
    assert verdict.result.success and not verdict.accepted  # returned false, did not revert
    assert verdict.gas_used < 60_000  # stopped at the curve check, before any precompile


@pytest.mark.parametrize("length", [0, 32, PROOF_BYTES - 1, PROOF_BYTES - 32])
def test_contract_rejects_truncated_and_empty_proofs(
    fixture: SnarkjsFixture, verifier: OnchainVerifier, length: int
) -> None:
    proof_json, public = fixture.proofs[0]
    verdict = verifier.verify(public, snarkjs_proof_to_bytes(proof_json)[:length])
    assert not verdict.accepted


def test_contract_reverts_on_calldata_shorter_than_the_abi_needs(
    fixture: SnarkjsFixture, verifier: OnchainVerifier
) -> None:
    proof_json, public = fixture.proofs[0]
    data = encode_verifier_calldata(snarkjs_proof_to_bytes(proof_json), public)
    result = verifier.chain.call(verifier.address, data[:-1])
    assert not result.success


def test_snarkjs_agrees_on_the_tampered_proofs(fixture: SnarkjsFixture, verifier: OnchainVerifier) -> None:
    proof_json, public = fixture.proofs[0]
    assert snarkjs_verifies(fixture.directory, fixture.vk, proof_json, public)
    tampered = copy.deepcopy(proof_json)
    tampered["eval_a"] = str((int(tampered["eval_a"]) + 1) % BN254.r)
    assert not snarkjs_verifies(fixture.directory, fixture.vk, tampered, public)
    assert not verifier.verify(public, snarkjs_proof_to_bytes(tampered)).accepted


def test_template_values_name_a_bad_verification_key(fixture: SnarkjsFixture) -> None:
    vk = copy.deepcopy(fixture.vk)
    vk["Ql"] = ["1", "3", "1"]
    with pytest.raises(ValueError, match="not on BN254"):
        compute_template_values(vk)
    vk = copy.deepcopy(fixture.vk)
    vk["w"] = "2"
    with pytest.raises(ValueError, match="root of unity"):
        compute_template_values(vk)
    with pytest.raises(ValueError, match="PLONK"):
        compute_template_values({**fixture.vk, "protocol": "groth16"})
    with pytest.raises(ValueError, match="public input 0"):
        encode_verifier_calldata(bytes(PROOF_BYTES), [-1])


def test_rendered_source_bakes_in_the_key_and_leaves_no_placeholder(fixture: SnarkjsFixture) -> None:
    source = render_verifier_source(fixture.vk)
    assert "${" not in source
    assert f"N_PUBLIC: constant(uint256) = {fixture.vk['nPublic']}" in source
    assert str(compute_template_values(fixture.vk)["QM_X"]) in source


def test_snarkjs_solidity_verifier_agrees_with_the_vyper_contract_and_costs_about_the_same(
    fixture: SnarkjsFixture, verifier: OnchainVerifier
) -> None:
    chain = LocalChain()
    address = chain.deploy(snarkjs_solidity_verifier(fixture.vk, fixture.directory))
    proof_json, public = fixture.proofs[0]
    proof = snarkjs_proof_to_bytes(proof_json)
    for pub, data in ((public, proof), ([public[0] + 1, *public[1:]], proof), (public, _with_word(proof, 20, 5))):
        ours = verifier.verify(pub, data)
        theirs = chain.call(address, encode_verifier_calldata(data, pub))
        assert ours.accepted == (theirs.success and theirs.output == (1).to_bytes(32, "big"))
    honest_solidity = chain.call(address, encode_verifier_calldata(proof, public)).gas
    honest_vyper = verifier.verify(public, proof).result.gas
    assert honest_solidity.calls["ecMul"] == honest_vyper.calls["ecMul"]  # the same algorithm, step for step
    assert abs(honest_vyper.total - honest_solidity.total) < 0.1 * honest_solidity.total


def test_py_evms_own_ecpairing_gives_the_same_verdicts_and_gas(
    fixture: SnarkjsFixture, verifier: OnchainVerifier
) -> None:
    stock = OnchainVerifier(fixture.vk, fast_pairing=False)
    proof_json, public = fixture.proofs[0]
    proof = snarkjs_proof_to_bytes(proof_json)
    for data in (proof, _with_word(proof, 19, 7)):
        ours, theirs = verifier.verify(public, data), stock.verify(public, data)
        assert (ours.accepted, ours.gas_used) == (theirs.accepted, theirs.gas_used)
