"""Differential: snarkjs (npm, pinned) verifies zkedu's PLONK proofs and rejects the tampered ones zkedu rejects."""

from __future__ import annotations

import random

from tests.snarkjs_oracle import snarkjs_verify
from zkedu.plonk.encoding import proof_to_json, vk_to_json
from zkedu.plonk.keys import compute_proving_key
from zkedu.plonk.prover import prove
from zkedu.plonk.transfers import build_transfers_circuit
from zkedu.plonk.verifier import verify


def _case(vk: object, public: list[int], proof: object) -> tuple[dict, list[str], dict]:
    return vk_to_json(vk), [str(x) for x in public], proof_to_json(proof)


def test_snarkjs_agrees_with_zkedu_on_honest_and_tampered_proofs_of_small_circuits() -> None:
    cases, expected = [], []
    for pre, transfers, seed in [([10, 3], [(0, 1, 4)], 1), ([5, 6, 7], [(2, 0, 7)], 2)]:
        circuit, witness = build_transfers_circuit(pre, transfers, capacity=1)
        pk = compute_proving_key(circuit)
        proof = prove(pk, witness, random.Random(seed))
        public = circuit.public_values(witness)
        wrong_post = [*public[:-1], public[-1] + 1]
        other_pre = [public[0] + 1, *public[1:]]
        frozen = prove(pk, witness, random.Random(seed), absorb_statement=False)
        for pub, prf in [(public, proof), (wrong_post, proof), (other_pre, proof), (public, frozen)]:
            cases.append(_case(pk.vk, pub, prf))
            expected.append(verify(pk.vk, pub, prf))
    assert expected == [True, False, False, False] * 2
    assert snarkjs_verify(cases) == expected


def test_snarkjs_and_zkedu_agree_on_a_sample_of_corruptions() -> None:
    from zkedu.curves import BN254
    from zkedu.plonk.encoding import proof_from_bytes, proof_to_bytes

    circuit, witness = build_transfers_circuit([9, 4], [(1, 0, 4)], capacity=1)
    pk = compute_proving_key(circuit)
    public = circuit.public_values(witness)
    honest = proof_to_bytes(prove(pk, witness, random.Random(9)))
    rng = random.Random(2026)
    corrupted = []
    for _ in range(6):  # a flipped bit in an evaluation (still canonical)
        data = bytearray(honest)
        position = rng.choice([i for i in range(576, 768) if i % 32])  # not a top byte: stays below r
        data[position] ^= 1 << rng.randrange(8)
        corrupted.append(bytes(data))
    for word in rng.sample(range(9), 4):  # a commitment replaced by another valid point
        xy = BN254.to_affine(BN254.mul(BN254.G1, rng.randrange(1, BN254.r)))
        point = xy[0].to_bytes(32, "big") + xy[1].to_bytes(32, "big")
        corrupted.append(honest[: 64 * word] + point + honest[64 * word + 64 :])
    cases, expected = [], []
    for data in [honest, *corrupted]:
        proof = proof_from_bytes(data)
        cases.append(_case(pk.vk, public, proof))
        expected.append(verify(pk.vk, public, proof))
    assert expected == [True] + [False] * len(corrupted)
    assert snarkjs_verify(cases) == expected
