"""zkedu.plonk.custom_gate: the custom range gate halves the range-check rows and is proven by zkedu alone."""

from __future__ import annotations

import random

import pytest

from zkedu.plonk.circuit import CircuitBuilder
from zkedu.plonk.custom_gate import build_transfers_circuit_custom, range_check_custom_gate
from zkedu.plonk.encoding import vk_to_json
from zkedu.plonk.keys import compute_proving_key
from zkedu.plonk.prover import prove
from zkedu.plonk.transfers import build_transfers_circuit
from zkedu.plonk.verifier import verify


@pytest.mark.parametrize("value", [0, 1, 2**31 + 5, 2**32 - 1])
def test_custom_range_check_accepts_32_bit_values_in_33_rows(value: int) -> None:
    cb = CircuitBuilder()
    range_check_custom_gate(cb, cb.variable(value))
    circuit, witness = cb.build()
    assert circuit.is_satisfied(witness) and len(circuit.gates) == 33  # 32 custom rows + the pinned zero


def test_custom_range_check_refuses_a_non_bit_step_and_an_unpinned_zero() -> None:
    cb = CircuitBuilder()
    x = cb.variable(6)
    range_check_custom_gate(cb, x)
    circuit, witness = cb.build()
    zero, first_acc = circuit.gates[0].a, circuit.gates[1].c
    bad = list(witness)
    bad[first_acc] = 2  # acc' - 2·acc = 2 is not a bit
    assert not circuit.is_satisfied(bad)
    bad = list(witness)
    bad[zero] = 1
    assert not circuit.is_satisfied(bad)
    cb = CircuitBuilder()
    with pytest.raises(ValueError, match="does not fit"):
        range_check_custom_gate(cb, cb.variable(2**32))


def test_custom_gate_transfers_circuit_is_smaller_and_its_proofs_verify_in_zkedu() -> None:
    standard, _ = build_transfers_circuit([0] * 4)
    custom, _ = build_transfers_circuit_custom([0] * 4)
    assert len(custom.gates) < 0.65 * len(standard.gates)
    circuit, witness = build_transfers_circuit_custom([10, 3], [(0, 1, 4)], capacity=1)
    assert circuit.has_custom_gate and not build_transfers_circuit([10, 3], [], capacity=1)[0].has_custom_gate
    pk = compute_proving_key(circuit)
    proof = prove(pk, witness, random.Random(4))
    public = circuit.public_values(witness)
    assert verify(pk.vk, public, proof)
    assert not verify(pk.vk, [*public[:-1], public[-1] + 1], proof)
    with pytest.raises(ValueError, match="no custom gates"):
        vk_to_json(pk.vk)
