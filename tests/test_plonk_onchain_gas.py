"""zkedu.plonk.gas: the EIP-1108 price list, and a measured verification's gas laid out as rows that add up."""

from __future__ import annotations

import pytest

from zkedu.evm import GasBreakdown
from zkedu.plonk.gas import compute_gas_table, compute_precompile_gas, measure_verification_gas


def test_precompile_gas_is_the_eip1108_price_list() -> None:
    assert compute_precompile_gas(1, 0, 0) == 6_000
    assert compute_precompile_gas(0, 1, 0) == 150
    assert compute_precompile_gas(0, 0, 2) == 45_000 + 2 * 34_000
    assert compute_precompile_gas(0, 0, 0) == 0  # no pairing call, no base cost
    with pytest.raises(ValueError, match="n_ecmul"):
        compute_precompile_gas(-1, 0, 0)


def test_gas_table_rows_add_up_to_the_total_including_a_floor_top_up() -> None:
    g = GasBreakdown(total=30_000, intrinsic=21_000, calldata=400, calls={"keccak": (2, 80)}, floor_topup=8_000)
    rows = compute_gas_table(g, 100)
    assert sum(r.gas for r in rows) == g.total
    assert any("floor" in r.part for r in rows)


@pytest.fixture(scope="module")
def measured() -> GasBreakdown:
    return measure_verification_gas()


def test_measured_verification_matches_the_price_list_for_its_precompile_calls(measured: GasBreakdown) -> None:
    predicted = compute_precompile_gas(measured.count("ecMul"), measured.count("ecAdd"), 2)
    assert measured.gas("ecMul") + measured.gas("ecAdd") + measured.gas("ecPairing") == predicted
    assert sum(r.gas for r in compute_gas_table(measured, 4 + 768 + 4 * 32)) == measured.total
    # the precompiles are most of it: the rest (calldata, base cost, arithmetic) is under a third
    assert predicted > 0.66 * measured.total


def test_verify_transfers_onchain_keeps_the_promised_name_and_signature() -> None:
    import inspect

    import zkedu.plonk

    sig = inspect.signature(zkedu.plonk.verify_transfers_onchain)
    assert "verify_transfers_onchain" in zkedu.plonk.__all__
    assert [(p.name, p.annotation) for p in sig.parameters.values()] == [
        ("pre_balances", "list[int]"),
        ("post_balances", "list[int]"),
        ("proof", "bytes"),
    ]
    assert sig.return_annotation == "tuple[bool, int]"


def test_contract_transcript_computes_the_challenges_zkedu_plonk_computes() -> None:
    # A test-only entry point appended to the generated source exposes the contract's Fiat-Shamir challenges.
    import random

    from zkedu.evm import LocalChain, compile_vyper, function_selector
    from zkedu.plonk.encoding import proof_from_bytes, proof_to_bytes, vk_to_json
    from zkedu.plonk.keys import compute_proving_key
    from zkedu.plonk.onchain import encode_verifier_calldata, render_verifier_source
    from zkedu.plonk.prover import prove
    from zkedu.plonk.transfers import build_transfers_circuit
    from zkedu.plonk.verifier import compute_challenges

    circuit, witness = build_transfers_circuit([9, 4], [(1, 0, 3)], capacity=1)
    pk = compute_proving_key(circuit)
    proof = proof_to_bytes(prove(pk, witness, random.Random(3)))
    public = circuit.public_values(witness)
    source = render_verifier_source(vk_to_json(pk.vk)) + (
        "\n\n@external\n@view\n"
        "def exposeChallenges(proof: uint256[24], pubSignals: uint256[N_PUBLIC]) -> uint256[6]:\n"
        "    ch: Challenges = self._compute_challenges()\n"
        "    return [ch.beta, ch.gamma, ch.alpha, ch.xi, ch.v, ch.u]\n"
    )
    chain = LocalChain()
    address = chain.deploy(compile_vyper(source))
    data = encode_verifier_calldata(proof, public)
    data = function_selector(f"exposeChallenges(uint256[24],uint256[{len(public)}])") + data[4:]
    result = chain.call(address, data)
    words = [int.from_bytes(result.output[i : i + 32], "big") for i in range(0, 192, 32)]
    ch = compute_challenges(pk.vk, public, proof_from_bytes(proof))
    assert words == [int(ch.beta), int(ch.gamma), int(ch.alpha), int(ch.xi), int(ch.v), int(ch.u)]
