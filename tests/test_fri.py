"""zkedu.fri and zkedu.transcript: honest proofs verify, far words and tampered proofs are rejected."""

from __future__ import annotations

import dataclasses
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.field import GOLDILOCKS, PrimeField
from zkedu.fri import (
    FriParameters,
    FriProof,
    FriQuery,
    absorb_fri_layer,
    compute_query_soundness_bits,
    fold_evals,
    open_fri_layers,
    prove_fri,
    start_fri_transcript,
    verify_fri,
)
from zkedu.poly import Polynomial, PolynomialEvals, evaluate_on_domain
from zkedu.transcript import Transcript

F97, F193 = PrimeField(97), PrimeField(193)


def honest_word(params: FriParameters, rng: random.Random) -> PolynomialEvals:
    poly = Polynomial(params.field, [rng.randrange(params.field.modulus) for _ in range(params.degree_bound)])
    return evaluate_on_domain(poly, params.domain())


@settings(max_examples=25)
@given(
    st.sampled_from([F97, F193]),
    st.integers(2, 5),
    st.sampled_from([2, 4]),
    st.sampled_from([1, 2]),
    st.integers(0, 2**32),
)
def test_honest_proofs_verify(field: PrimeField, log_n: int, blowup: int, final: int, seed: int) -> None:
    n = 1 << log_n
    if n < blowup * final:
        return
    params = FriParameters(field, n, blowup=blowup, num_queries=3, offset=5, final_degree_bound=final)
    word = honest_word(params, random.Random(seed))
    assert verify_fri(prove_fri(word, params), params)


def test_honest_proof_over_goldilocks_with_blowup_two_as_boojum() -> None:
    params = FriParameters(GOLDILOCKS, 256, blowup=2, num_queries=10, offset=7)
    proof = prove_fri(honest_word(params, random.Random(1)), params)
    assert params.num_rounds == 7 and len(proof.roots) == 7
    assert verify_fri(proof, params)


@settings(max_examples=30)
@given(st.lists(st.integers(0, 96), min_size=8, max_size=8), st.integers(1, 96))
def test_fold_is_even_part_plus_alpha_times_odd_part(coeffs: list[int], alpha: int) -> None:
    f = evaluate_on_domain(Polynomial(F97, coeffs), FriParameters(F97, 16, 2).domain())
    folded = fold_evals(f, F97(alpha)).to_polynomial()
    even, odd = Polynomial(F97, coeffs[0::2]), Polynomial(F97, coeffs[1::2])
    assert folded == even + odd * alpha
    assert folded.degree < 4 and len(fold_evals(f, F97(alpha))) == 8


def test_honest_prover_on_a_random_word_is_rejected() -> None:
    params = FriParameters(F97, 32, blowup=4, num_queries=4)
    rng = random.Random(7)
    for _ in range(5):
        word = PolynomialEvals(params.domain(), [rng.randrange(97) for _ in range(32)])
        assert not verify_fri(prove_fri(word, params), params)


def cheating_proof(bad: PolynomialEvals, good: PolynomialEvals, params: FriParameters, context: bytes) -> FriProof:
    """Commit the bad word, but fold the nearby codeword from then on: only layer 0's queries can catch it."""
    transcript = start_fri_transcript(params, context)
    alpha = absorb_fri_layer(transcript, bad, params)
    layers = [bad, fold_evals(good, alpha)]
    for _ in range(params.num_rounds - 1):
        alpha = absorb_fri_layer(transcript, layers[-1], params)
        layers.append(fold_evals(layers[-1], alpha))
    return open_fri_layers(transcript, layers, params)


def test_far_word_passes_with_the_expected_probability() -> None:
    params = FriParameters(F193, 64, blowup=4, num_queries=2)
    rng = random.Random(2026)
    good = honest_word(params, rng)
    half, lied = 32, 8  # change one position in 8 of the 32 pairs (x, -x)
    values = list(good.values)
    for i in rng.sample(range(half), lied):
        values[i + half * rng.randrange(2)] += 1
    bad = PolynomialEvals(params.domain(), values)
    trials = 300
    accepted = sum(verify_fri(cheating_proof(bad, good, params, i.to_bytes(4, "big")), params, i.to_bytes(4, "big"))
                   for i in range(trials))
    expected = (1 - lied / half) ** params.num_queries  # 0.5625
    sigma = math.sqrt(expected * (1 - expected) / trials)
    assert abs(accepted / trials - expected) < 4 * sigma
    assert 0 < accepted < trials


def test_context_binds_the_proof() -> None:
    params = FriParameters(F97, 16, blowup=2, num_queries=3)
    proof = prove_fri(honest_word(params, random.Random(3)), params, b"batch 1")
    assert verify_fri(proof, params, b"batch 1")
    assert not verify_fri(proof, params, b"batch 2")


@pytest.fixture
def honest() -> tuple[FriProof, FriParameters]:
    params = FriParameters(F97, 32, blowup=4, num_queries=3)
    return prove_fri(honest_word(params, random.Random(4)), params), params


def replace_pair(proof: FriProof, q: int, k: int, which: int, **changes: object) -> FriProof:
    pairs = list(proof.queries[q].pairs)
    pair = list(pairs[k])
    pair[which] = dataclasses.replace(pair[which], **changes)
    pairs[k] = (pair[0], pair[1])
    queries = list(proof.queries)
    queries[q] = FriQuery(tuple(pairs))
    return dataclasses.replace(proof, queries=tuple(queries))


def test_tampered_merkle_path_is_rejected(honest: tuple[FriProof, FriParameters]) -> None:
    proof, params = honest
    assert verify_fri(proof, params)
    for k in range(params.num_rounds):
        opening = proof.queries[0].pairs[k][1]
        bad_path = (bytes(32), *opening.siblings[1:])
        assert not verify_fri(replace_pair(proof, 0, k, 1, siblings=bad_path), params)


def test_tampered_leaf_is_rejected(honest: tuple[FriProof, FriParameters]) -> None:
    proof, params = honest
    leaf = proof.queries[1].pairs[0][0].leaf
    assert not verify_fri(replace_pair(proof, 1, 0, 0, leaf=bytes([(leaf[0] + 1) % 97])), params)
    assert not verify_fri(replace_pair(proof, 1, 0, 0, leaf=b"\x00" + leaf), params)  # non-canonical width


def test_opening_another_position_is_rejected(honest: tuple[FriProof, FriParameters]) -> None:
    proof, params = honest
    lo, hi = proof.queries[0].pairs[0]
    first = FriQuery(((hi, lo), *proof.queries[0].pairs[1:]))
    swapped = dataclasses.replace(proof, queries=(first, *proof.queries[1:]))
    assert not verify_fri(swapped, params)


def test_malformed_final_layer_and_shape_are_rejected(honest: tuple[FriProof, FriParameters]) -> None:
    proof, params = honest
    final = list(proof.final_values)
    assert not verify_fri(dataclasses.replace(proof, final_values=tuple([final[0] + 97, *final[1:]])), params)
    assert not verify_fri(dataclasses.replace(proof, final_values=tuple([(final[0] + 1) % 97, *final[1:]])), params)
    assert not verify_fri(dataclasses.replace(proof, roots=proof.roots[:-1]), params)
    assert not verify_fri(dataclasses.replace(proof, queries=proof.queries[:-1]), params)


def test_soundness_bits_per_query() -> None:
    assert compute_query_soundness_bits(2, 1, "conjectured") == 1.0
    assert compute_query_soundness_bits(2, 2, "johnson") == pytest.approx(1.0)  # √(1/2) per query
    assert compute_query_soundness_bits(4, 1, "unique") == pytest.approx(-math.log2(1 - 3 / 8))
    assert compute_query_soundness_bits(8, 10, "johnson") > compute_query_soundness_bits(2, 10, "johnson")
    # exact, so the queries needed for 100 bits come out whole: 200 proven, 100 conjectured at blow-up 2
    regimes = ("johnson", "conjectured")
    needed = [math.ceil(100 / compute_query_soundness_bits(b, 1, r)) for b in (2, 4, 16) for r in regimes]
    assert needed == [200, 100, 100, 50, 50, 25]
    for blowup in (2, 3, 4, 8, 16):  # the closed forms equal the definition -log2(1 - δ)
        rho = 1 / blowup
        for regime, delta in (("unique", (1 - rho) / 2), ("johnson", 1 - math.sqrt(rho)), ("conjectured", 1 - rho)):
            assert compute_query_soundness_bits(blowup, 1, regime) == pytest.approx(-math.log2(1 - delta))
    with pytest.raises(ValueError, match="regime must be one of"):
        compute_query_soundness_bits(2, 1, "optimistic")
    with pytest.raises(ValueError, match="blowup must be an int >= 2, got 1"):
        compute_query_soundness_bits(1, 1)


def test_bad_parameters_name_the_value() -> None:
    with pytest.raises(ValueError, match="domain_size must be a power of two, got 24"):
        FriParameters(F97, 24)
    with pytest.raises(ValueError, match="num_queries must be a positive int, got 0"):
        FriParameters(F97, 16, num_queries=0)
    with pytest.raises(ValueError, match="too large"):
        FriParameters(F97, 64)
    with pytest.raises(TypeError, match="PrimeField"):
        FriParameters(97, 16)  # type: ignore[arg-type]
    params = FriParameters(F97, 16)
    with pytest.raises(ValueError, match="the word must be PolynomialEvals"):
        prove_fri(honest_word(FriParameters(F97, 8), random.Random(0)), params)


def test_transcript_is_deterministic_and_order_sensitive() -> None:
    def run(messages: list[bytes]) -> int:
        t = Transcript(b"test")
        for m in messages:
            t.absorb(b"m", m)
        return int(t.challenge_field(GOLDILOCKS, b"c"))

    assert run([b"a", b"b"]) == run([b"a", b"b"])
    outs = {run([b"a", b"b"]), run([b"b", b"a"]), run([b"ab"]), run([b"a", b"b", b""])}
    assert len(outs) == 4  # order, message boundaries and empty messages all change the challenge
    t = Transcript(b"test")
    assert t.challenge_bytes(b"x") != t.challenge_bytes(b"x")  # squeezing moves the state on
    assert 0 <= t.challenge_index(10, b"i") < 10
    with pytest.raises(TypeError, match="must be bytes, got str"):
        t.absorb(b"m", "text")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="positive int, got 0"):
        t.challenge_index(0, b"i")
