"""zkedu.plonk.attacks: Frozen Heart forges only against the flawed transcript; blinding hides the witness."""

from __future__ import annotations

import random

import pytest

from zkedu.plonk.attacks import forge_frozen_heart, identify_witness
from zkedu.plonk.keys import compute_proving_key
from zkedu.plonk.prover import prove
from zkedu.plonk.transfers import build_transfers_circuit
from zkedu.plonk.verifier import verify

PRE = [10, 0, 0]
CIRCUIT, WITNESS = build_transfers_circuit(PRE, [(0, 1, 3), (0, 2, 2)], capacity=2)
PK = compute_proving_key(CIRCUIT)
PUBLIC = CIRCUIT.public_values(WITNESS)
FLAWED = prove(PK, WITNESS, random.Random(1), absorb_statement=False)


def test_frozen_heart_forgery_passes_the_flawed_verifier_only() -> None:
    assert verify(PK.vk, PUBLIC, FLAWED, absorb_statement=False)
    forged = forge_frozen_heart(PK.vk, PUBLIC, FLAWED, target=4, value=1_000_000, fixup=5)
    assert forged[4] == 1_000_000 and forged != PUBLIC
    assert verify(PK.vk, forged, FLAWED, absorb_statement=False)
    assert not verify(PK.vk, forged, FLAWED)


def test_frozen_heart_is_impossible_against_snarkjs_transcript() -> None:
    honest = prove(PK, WITNESS, random.Random(1))
    forged = forge_frozen_heart(PK.vk, PUBLIC, honest, target=4, value=1_000_000, fixup=5)
    assert verify(PK.vk, PUBLIC, honest) and not verify(PK.vk, forged, honest)


def test_forgery_needs_two_distinct_inputs() -> None:
    with pytest.raises(ValueError, match="different"):
        forge_frozen_heart(PK.vk, PUBLIC, FLAWED, target=4, value=1, fixup=4)


def test_unblinded_commitment_reveals_which_batch_was_proven_and_blinding_hides_it() -> None:
    batches = [[(0, 2, 2), (0, 1, 3)], [(0, 1, 3), (0, 2, 2)], [(0, 1, 5), (1, 2, 2)]]
    candidates = [build_transfers_circuit(PRE, b, capacity=2) for b in batches]
    assert {tuple(c.public_values(w)) for c, w in candidates} == {tuple(PUBLIC)}  # same public statement
    unblinded = prove(PK, WITNESS, random.Random(1), blinding=False)
    assert verify(PK.vk, PUBLIC, unblinded)
    assert identify_witness(unblinded, candidates, PK) == 1
    assert identify_witness(prove(PK, WITNESS, random.Random(1)), candidates, PK) is None
