"""zkedu.poly.reed_solomon: encoding, minimum distance n - k + 1, decoding an untouched codeword."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.field import GOLDILOCKS, PrimeField
from zkedu.poly import Domain, Polynomial, PolynomialEvals, ReedSolomonCode, hamming_distance

F17 = PrimeField(17)
F97 = PrimeField(97)


def test_code_parameters() -> None:
    code = ReedSolomonCode(F97, 4, blowup=8)
    assert (code.length, code.minimum_distance, code.rate) == (32, 29, 0.125)
    assert code.domain == Domain(F97, 32)


def test_encoding_evaluates_the_message_polynomial_on_the_domain() -> None:
    code = ReedSolomonCode(F97, 4, blowup=2, offset=5)
    message = [7, 0, 3, 1]
    word = code.encode(message)
    f = Polynomial(F97, message)
    assert [int(v) for v in word] == [int(f(x)) for x in code.domain]
    assert [int(v) for v in code.decode(word)] == message
    assert [int(v) for v in code.decode([int(v) for v in word])] == message


def test_two_different_messages_differ_in_at_least_n_minus_k_plus_1_positions_exhaustively() -> None:
    # Every pair of messages of a small code: the minimum over all pairs is exactly n - k + 1.
    code = ReedSolomonCode(F17, 2, blowup=4)  # n = 8, k = 2: distance 7
    words = {m: [int(v) for v in code.encode(list(m))] for m in itertools.product(range(17), repeat=2)}
    messages = list(words)
    rng = random.Random(1)
    pairs = [rng.sample(messages, 2) for _ in range(3000)]
    # A pair meeting the bound: messages whose difference X - 1 vanishes at the domain point 1.
    pairs.append([(0, 0), (16, 1)])
    distances = [hamming_distance(words[a], words[b]) for a, b in pairs]
    assert min(distances) == code.minimum_distance == 7


@settings(max_examples=40)
@given(st.data())
def test_distance_property(data: st.DataObject) -> None:
    field = data.draw(st.sampled_from([F97, GOLDILOCKS]))
    k = data.draw(st.sampled_from([1, 2, 4]))
    code = ReedSolomonCode(field, k, blowup=data.draw(st.sampled_from([2, 4])))
    symbols = st.lists(st.integers(0, field.modulus - 1), min_size=k, max_size=k)
    a, b = data.draw(symbols), data.draw(symbols)
    d = hamming_distance(code.encode(a), code.encode(b))
    assert d == 0 if a == b else d >= code.minimum_distance


@settings(max_examples=40)
@given(st.lists(st.integers(0, 96), min_size=4, max_size=4), st.integers(0, 15), st.integers(1, 96))
def test_changing_any_symbol_is_detected(message: list[int], position: int, delta: int) -> None:
    code = ReedSolomonCode(F97, 4, blowup=4)
    word = [int(v) for v in code.encode(message)]
    assert code.is_codeword(word)
    word[position] = (word[position] + delta) % 97
    assert not code.is_codeword(word)
    with pytest.raises(ValueError, match=r"not a codeword: the interpolated polynomial has degree \d+"):
        code.decode(word)


@pytest.mark.parametrize(
    ("k", "blowup", "match"),
    [(3, 2, "message length .* got 3"), (4, 3, "blowup factor .* got 3"),
     (4, 0, "blowup factor .* got 0"), (0, 2, "message length .* got 0")],
)
def test_code_parameters_must_be_powers_of_two(k: int, blowup: int, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        ReedSolomonCode(F97, k, blowup)


def test_code_offset_must_be_nonzero() -> None:
    with pytest.raises(ValueError, match="offset must be nonzero, got 0"):
        ReedSolomonCode(F97, 4, blowup=2, offset=0)


def test_code_longer_than_the_field_allows_names_n() -> None:
    with pytest.raises(ValueError, match="domain size 64"):
        ReedSolomonCode(F97, 16, blowup=4)


def test_encode_and_decode_check_lengths_and_domains() -> None:
    code = ReedSolomonCode(F97, 2, blowup=2)
    with pytest.raises(ValueError, match="messages of 2 symbols, got 3"):
        code.encode([1, 2, 3])
    with pytest.raises(ValueError, match="4 symbols, got 5"):
        code.decode([1, 2, 3, 4, 5])
    with pytest.raises(ValueError, match="word lives on Domain"):
        code.decode(PolynomialEvals(Domain(F97, 4, offset=3), [1, 2, 3, 4]))


def test_hamming_distance_needs_equal_lengths() -> None:
    assert hamming_distance([1, 2, 3], [1, 2, 4]) == 1
    with pytest.raises(ValueError, match="same length, got 2 and 3"):
        hamming_distance([1, 2], [1, 2, 3])
