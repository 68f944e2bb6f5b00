"""zkedu.plonk prover and verifier on a small circuit: completeness, soundness against every tamper, transcript."""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.curves import BN254
from zkedu.field import BN254_FR
from zkedu.plonk.encoding import PROOF_SIZE, proof_from_bytes, proof_to_bytes
from zkedu.plonk.keys import compute_proving_key, compute_sigma, lagrange_at
from zkedu.plonk.prover import (
    _compute_grand_product_fast,
    _compute_quotient_fast,
    blind,
    compute_grand_product,
    compute_quotient,
    compute_wire_polynomials,
    prove,
)
from zkedu.plonk.transcript import KeccakTranscript
from zkedu.plonk.transfers import build_transfers_circuit
from zkedu.plonk.verifier import compute_challenges, verify
from zkedu.poly import Polynomial, intt

F = BN254_FR
CIRCUIT, WITNESS = build_transfers_circuit([10, 3], [(0, 1, 4)], capacity=1)
PK = compute_proving_key(CIRCUIT)
PUBLIC = CIRCUIT.public_values(WITNESS)
PROOF = prove(PK, WITNESS, random.Random(1))
PROOF_BYTES = proof_to_bytes(PROOF)


def _verify_bytes(public: list[int], data: bytes) -> bool:
    try:
        return verify(PK.vk, public, proof_from_bytes(data))
    except ValueError:
        return False


def test_honest_proof_verifies_and_is_768_bytes() -> None:
    assert len(PROOF_BYTES) == PROOF_SIZE == 768
    assert proof_from_bytes(PROOF_BYTES) == PROOF
    assert verify(PK.vk, PUBLIC, PROOF)


def test_blinding_makes_two_proofs_of_one_statement_differ() -> None:
    other = prove(PK, WITNESS, random.Random(2))
    assert other != PROOF and verify(PK.vk, PUBLIC, other)
    assert other.round1.a != PROOF.round1.a


@pytest.mark.parametrize("index", range(4))
def test_any_changed_public_input_is_rejected(index: int) -> None:
    public = list(PUBLIC)
    public[index] += 1
    assert not verify(PK.vk, public, PROOF)


def test_wrong_number_of_public_inputs_is_rejected() -> None:
    assert not verify(PK.vk, PUBLIC[:-1], PROOF)
    assert not verify(PK.vk, [*PUBLIC, 0], PROOF)


@pytest.mark.parametrize("field", ["a", "b", "c", "s1", "s2", "zw"])
def test_any_changed_evaluation_is_rejected(field: str) -> None:
    r4 = PROOF.round4
    bad = dataclasses.replace(PROOF, round4=dataclasses.replace(r4, **{field: (getattr(r4, field) + 1) % F.modulus}))
    assert not verify(PK.vk, PUBLIC, bad)


@pytest.mark.parametrize("word", range(18))
def test_any_commitment_replaced_by_another_curve_point_is_rejected(word: int) -> None:
    point = BN254.to_affine(BN254.mul(BN254.G1, 1234567 + word))
    data = bytearray(PROOF_BYTES)
    start = (word // 2) * 64
    data[start : start + 64] = point[0].to_bytes(32, "big") + point[1].to_bytes(32, "big")
    assert not _verify_bytes(PUBLIC, bytes(data))


@settings(max_examples=25)
@given(st.integers(0, PROOF_SIZE - 1), st.integers(1, 255))
def test_any_flipped_byte_is_rejected(position: int, mask: int) -> None:
    data = bytearray(PROOF_BYTES)
    data[position] ^= mask
    assert not _verify_bytes(PUBLIC, bytes(data))


def test_non_canonical_evaluation_is_refused_when_parsing() -> None:
    data = bytearray(PROOF_BYTES)
    value = int.from_bytes(data[576:608], "big") + F.modulus
    data[576:608] = value.to_bytes(32, "big")
    with pytest.raises(ValueError, match="eval_a is not a canonical scalar"):
        proof_from_bytes(bytes(data))


def test_non_canonical_coordinate_and_off_curve_and_infinity_are_refused() -> None:
    x = int.from_bytes(PROOF_BYTES[:32], "big")
    for bad, match in [
        ((x + BN254.p).to_bytes(32, "big") + PROOF_BYTES[32:], "not below"),
        (PROOF_BYTES[:63] + bytes([PROOF_BYTES[63] ^ 1]) + PROOF_BYTES[64:], "not on"),
        (bytes(64) + PROOF_BYTES[64:], "infinity"),
    ]:
        assert len(bad) == PROOF_SIZE
        with pytest.raises(ValueError, match=match):
            proof_from_bytes(bad)


@pytest.mark.parametrize("data", [b"", PROOF_BYTES[:-1], PROOF_BYTES + b"\0"])
def test_wrong_length_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError, match="768 bytes"):
        proof_from_bytes(data)


def test_transcript_absorbs_the_statement() -> None:
    honest = compute_challenges(PK.vk, PUBLIC, PROOF)
    other = compute_challenges(PK.vk, [PUBLIC[0] + 1, *PUBLIC[1:]], PROOF)
    assert honest.beta != other.beta
    frozen = compute_challenges(PK.vk, PUBLIC, PROOF, absorb_statement=False)
    frozen_other = compute_challenges(PK.vk, [PUBLIC[0] + 1, *PUBLIC[1:]], PROOF, absorb_statement=False)
    assert frozen.beta == frozen_other.beta != honest.beta


def test_transcript_challenge_is_keccak_mod_r_and_resets() -> None:
    t = KeccakTranscript()
    t.add_point((1, 2))
    first = t.challenge()
    t.add_point((1, 2))
    assert t.challenge() == first
    with pytest.raises(ValueError, match="empty"):
        t.challenge()


def test_sigma_is_a_permutation_of_the_slot_labels() -> None:
    sigma = compute_sigma(CIRCUIT)
    n = CIRCUIT.size
    labels = [F(k) * w for k in (1, 2, 3) for w in F.roots_of_unity(n)]
    assert sorted(int(x) for col in sigma for x in col) == sorted(int(x) for x in labels)


def test_a_broken_copy_constraint_makes_the_grand_product_fail() -> None:
    wires = compute_wire_polynomials(CIRCUIT, WITNESS)
    wires[1][5] = wires[1][5] + 1
    for grand_product in (compute_grand_product, _compute_grand_product_fast):
        with pytest.raises(ValueError, match="copy constraint"):
            grand_product(PK, wires, F(3), F(5))


def test_both_grand_products_refuse_a_challenge_that_zeroes_a_denominator() -> None:
    wires = compute_wire_polynomials(CIRCUIT, WITNESS)
    beta = F(3)
    gamma = -(wires[0][0] + beta * PK.sigma_values[0][0])  # the first row's first factor becomes 0
    for grand_product in (compute_grand_product, _compute_grand_product_fast):
        with pytest.raises(ZeroDivisionError):
            grand_product(PK, wires, beta, gamma)


@settings(max_examples=5, deadline=None)
@given(st.integers(1, F.modulus - 1), st.integers(0, F.modulus - 1))
def test_fast_grand_product_equals_the_readable_one(beta: int, gamma: int) -> None:
    wires = compute_wire_polynomials(CIRCUIT, WITNESS)
    fast = _compute_grand_product_fast(PK, wires, F(beta), F(gamma))
    assert fast == compute_grand_product(PK, wires, F(beta), F(gamma))
    assert fast[0] == 1 and all(isinstance(v, type(F(1))) for v in fast)


def test_prover_refuses_an_unsatisfying_witness() -> None:
    bad = list(WITNESS)
    bad[CIRCUIT.gates[3].a] += 1  # the last post-balance
    with pytest.raises(ValueError, match="does not satisfy"):
        prove(PK, bad, random.Random(0))


def test_lagrange_at_matches_the_interpolated_basis() -> None:
    n = CIRCUIT.size
    xi = F(123456789)
    basis = lagrange_at(n, xi, 2)
    omega = F.root_of_unity(n)
    expected_l2 = omega * (xi**n - 1) / (F(n) * (xi - omega))
    assert basis[1] == expected_l2 and basis[0] == (xi**n - 1) / (F(n) * (xi - 1))


def test_fast_quotient_equals_the_readable_quotient() -> None:
    n = CIRCUIT.size
    rng = random.Random(5)
    wires = compute_wire_polynomials(CIRCUIT, WITNESS)
    polys = {
        name: blind(Polynomial(F, intt(F, w)), [F(rng.randrange(99)), F(7)], n)
        for name, w in zip("abc", wires, strict=True)
    }
    ch = {"beta": F(11), "gamma": F(13), "alpha": F(17)}
    z_values = compute_grand_product(PK, wires, ch["beta"], ch["gamma"])
    polys["z"] = blind(Polynomial(F, intt(F, z_values)), [F(1)] * 3, n)
    fast = _compute_quotient_fast(PK, polys, PUBLIC, ch)
    assert fast == compute_quotient(PK, polys, PUBLIC, ch)
    assert fast.degree > 2 * n  # the blinders reach the top part


def test_lagrange_basis_commitments_equal_monomial_commitments() -> None:
    from zkedu.plonk.keys import commit
    from zkedu.plonk.lagrange_basis import commit_blinded, commit_evaluations

    n = CIRCUIT.size
    values = [0, 1, F.modulus - 1, 2**32 - 1, F.modulus - 5] + [7] * (n - 5)
    poly = Polynomial(F, intt(F, values))
    assert BN254.to_affine(commit_evaluations(PK.lagrange, values)) == commit(PK.setup, poly)
    blinders = [F(123), F(456)]
    expected = commit(PK.setup, blind(poly, blinders, n))
    assert BN254.to_affine(commit_blinded(PK.lagrange, values, blinders)) == expected
    for name in CIRCUIT.selectors():
        assert commit(PK.setup, PK.polys[name]) == getattr(PK.vk, name[0].upper() + name[1].lower())
    with pytest.raises(ValueError, match="values"):
        commit_evaluations(PK.lagrange, values[:-1])


SMALL_PK = compute_proving_key(build_transfers_circuit([0, 0], [], capacity=2)[0])


@settings(max_examples=4)
@given(st.lists(st.integers(0, 50), min_size=2, max_size=2), st.data())
def test_random_small_batches_prove_and_verify_and_a_corrupted_statement_fails(
    pre: list[int], data: st.DataObject
) -> None:
    transfers = []
    balances = list(pre)
    for _ in range(data.draw(st.integers(0, 2))):
        src, dst = data.draw(st.integers(0, 1)), data.draw(st.integers(0, 1))
        amount = data.draw(st.integers(0, balances[src]))
        balances[src] -= amount
        balances[dst] += amount
        transfers.append((src, dst, amount))
    circuit, witness = build_transfers_circuit(pre, transfers, capacity=2)
    assert circuit == SMALL_PK.circuit
    proof = prove(SMALL_PK, witness, random.Random(data.draw(st.integers(0, 2**32))))
    public = circuit.public_values(witness)
    assert verify(SMALL_PK.vk, public, proof)
    index, delta = data.draw(st.integers(0, 3)), data.draw(st.integers(1, F.modulus - 1))
    corrupted = list(public)
    corrupted[index] = (corrupted[index] + delta) % F.modulus
    assert not verify(SMALL_PK.vk, corrupted, proof)
