"""The public API on the real circuit (4 accounts, capacity 16): prove_transfers, verify_transfers, to_snarkjs."""

from __future__ import annotations

import random
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.snarkjs_oracle import snarkjs_verify
from zkedu.curves import BN254
from zkedu.plonk import CAPACITY, PROOF_SIZE, apply_transfers, prove_transfers, to_snarkjs, verify_transfers

PRE = [100, 50, 7, 0]
BATCH = [(0, 1, 30), (1, 3, 80), (2, 2, 7), (3, 0, 1), (0, 2, 5), (1, 0, 0), (2, 1, 12), (3, 3, 79)]
POST = apply_transfers(PRE, BATCH)


@lru_cache(maxsize=1)
def honest_proof() -> bytes:
    return prove_transfers(PRE, BATCH, random.Random(2026))


def test_honest_batch_of_8_transfers_verifies_and_the_proof_is_768_bytes() -> None:
    proof = honest_proof()
    assert len(proof) == PROOF_SIZE and verify_transfers(PRE, POST, proof)
    assert sum(POST) == sum(PRE)


def test_wrong_post_state_other_pre_state_and_reused_proof_are_rejected() -> None:
    proof = honest_proof()
    assert not verify_transfers(PRE, [POST[0] + 1, POST[1] - 1, *POST[2:]], proof)  # value still conserved
    assert not verify_transfers([101, 50, 7, 0], [POST[0] + 1, *POST[1:]], proof)
    # Reuse: the same proof presented for the next batch (which starts from POST) fails.
    assert not verify_transfers(POST, POST, proof)


@pytest.mark.parametrize(
    "proof", [b"", bytes(PROOF_SIZE), b"\xff" * PROOF_SIZE, bytes(PROOF_SIZE - 1), bytes(PROOF_SIZE + 1)]
)
def test_malformed_proofs_return_false(proof: bytes) -> None:
    assert verify_transfers(PRE, POST, proof) is False


@pytest.mark.parametrize(
    ("pre", "post"), [([], []), (PRE, POST[:-1]), (PRE, [*POST[:-1], -1]), (PRE, [*POST[:-1], 2**32]),
                      ([1.5, 0, 0, 0], POST), ("1234", POST), (None, POST), (PRE, [True, *POST[1:]]),
                      ([0] * 17, [0] * 17)]
)
def test_malformed_balances_return_false(pre: object, post: object) -> None:
    assert verify_transfers(pre, post, honest_proof()) is False  # type: ignore[arg-type]


def test_transfers_given_as_lists_are_accepted_and_non_lists_refused() -> None:
    with pytest.raises(TypeError):
        prove_transfers(PRE, [5])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        prove_transfers(PRE, "transfers")  # type: ignore[arg-type]


def test_non_bytes_proof_returns_false() -> None:
    assert verify_transfers(PRE, POST, "00" * PROOF_SIZE) is False  # type: ignore[arg-type]


@settings(max_examples=12)
@given(st.integers(0, PROOF_SIZE - 1), st.integers(1, 255))
def test_any_flipped_byte_returns_false(position: int, mask: int) -> None:
    data = bytearray(honest_proof())
    data[position] ^= mask
    assert verify_transfers(PRE, POST, bytes(data)) is False


@settings(max_examples=8)
@given(st.integers(0, 3), st.integers(1, 2**32 - 1))
def test_any_changed_balance_returns_false(index: int, delta: int) -> None:
    post = list(POST)
    post[index] = (post[index] + delta) % 2**32
    assert verify_transfers(PRE, post, honest_proof()) is False


def test_non_canonical_scalar_and_point_encodings_return_false() -> None:
    proof = honest_proof()
    for offset, modulus in [(576, BN254.r), (0, BN254.p), (32, BN254.p)]:
        value = int.from_bytes(proof[offset : offset + 32], "big") + modulus
        bad = proof[:offset] + value.to_bytes(32, "big") + proof[offset + 32 :]
        assert verify_transfers(PRE, POST, bad) is False


@pytest.mark.parametrize(
    ("pre", "transfers", "match"),
    [
        (PRE, [(0, 1, 101)], "overdraft"),
        (PRE, [(0, 4, 1)], "out of range"),
        (PRE, [(0, 1, -1)], "amount -1"),
        (PRE, [(0, 1, 2**32)], "amount"),
        ([2**32, 0, 0, 0], [], "pre_balances"),
        (PRE, [(0, 0, 0)] * (CAPACITY + 1), "capacity"),
        ([1] * 17, [], "limit of 16"),
    ],
)
def test_prove_transfers_refuses_impossible_batches(pre: list[int], transfers: list, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        prove_transfers(pre, transfers)


def test_to_snarkjs_exports_what_snarkjs_verifies_and_rejects_the_tampered() -> None:
    proof = honest_proof()
    vk, proof_json, public = to_snarkjs(PRE, POST, proof)
    assert vk["protocol"] == "plonk" and vk["nPublic"] == 8 and vk["power"] == 12 and (vk["k1"], vk["k2"]) == ("2", "3")
    assert public == [str(x) for x in PRE + POST] and len(proof_json["A"]) == 3
    wrong = [*public[:-1], str(POST[-1] + 1)]
    flipped = bytearray(proof)
    flipped[700] ^= 1  # inside eval_s1: still canonical, wrong
    _, flipped_json, _ = to_snarkjs(PRE, POST, bytes(flipped))
    assert snarkjs_verify([(vk, public, proof_json), (vk, wrong, proof_json), (vk, public, flipped_json)]) == [
        True, False, False,
    ]


def test_to_snarkjs_refuses_malformed_balances() -> None:
    with pytest.raises(ValueError, match="balances"):
        to_snarkjs(PRE, POST[:-1], honest_proof())
