"""Pubdata: value compression matches ZKsync's vectors, the encoder round-trips, malformed pubdata is refused."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zkedu.constants import WORD
from zkedu.rollup.compression import ENUMERATION_INDEX_BYTES, MAX_PACKED_BYTES, Op, PackedValue, compressed_value_size
from zkedu.rollup.pubdata import (
    STATE_DIFFS_HEADER_BYTES,
    BatchPubdata,
    compress_value,
    decode_pubdata,
    decode_state_diffs,
    decompress_value,
    encode_pubdata,
    encode_state_diffs,
    naive_state_diffs_size,
    order_for_pubdata,
    pre_compression_state_diffs_size,
    pubdata_size,
    state_diff_size,
    update_known_slots,
)
from zkedu.rollup.records import L2ToL1Log, StateDiff
from zkedu.rollup.token_workload import (
    sample_token_batch,
    take_prefix,
    token_batch_diffs,
    token_batch_pubdata_sizes,
    token_prefix_pubdata_sizes,
)

MAX = WORD - 1


def key(i: int) -> bytes:
    return hashlib.blake2s(i.to_bytes(8, "big"), digest_size=32).digest()


# ---- value compression: the vectors from ZKsync's compression.rs tests ----
@pytest.mark.parametrize(
    ("initial", "final", "expected"),
    [
        (255438218, 255438638, bytes([17, 1, 164])),  # Add 420 in 2 bytes
        (580481589, 229496100, bytes([34, 20, 235, 157, 17])),  # Sub in 4 bytes
        (580481589, 1337, bytes([19, 5, 57])),  # Transform in 2 bytes
        (580481589, 0, bytes([3])),  # Transform to zero: length 0
        (MAX, 1, bytes([9, 2])),  # Add wraps modulo 2**256
        (0, MAX, bytes([10, 1])),  # Sub wraps modulo 2**256
    ],
)
def test_compress_value_matches_zksync_vectors(initial: int, final: int, expected: bytes) -> None:
    packed = compress_value(initial, final)
    assert packed.to_bytes() == expected
    assert decompress_value(initial, packed) == final


def test_random_word_falls_back_to_no_compression() -> None:
    final = int.from_bytes(key(1), "big") | 1 << 255
    packed = compress_value(final ^ (1 << 254), final)  # neither a small delta nor a short value
    assert packed.op is Op.NO_COMPRESSION and packed.to_bytes() == b"\x00" + final.to_bytes(32, "big")
    assert compressed_value_size(0, final) == 33


def test_31_byte_operand_is_not_packed() -> None:
    # 31 bytes is allowed by the metadata's 5 bits but ZKsync packs only up to 30: NoCompression instead
    final = 1 << (8 * 30)
    assert compress_value(0, final).op is Op.NO_COMPRESSION
    assert compress_value(0, final - 1) == PackedValue(Op.ADD, (final - 1).to_bytes(MAX_PACKED_BYTES, "big"))


def test_first_write_ties_go_to_add_as_in_zksync() -> None:
    # From 0, Add d and Transform d are the same length; ZKsync tries Add first
    assert compress_value(0, 5).op is Op.ADD
    assert compress_value(0, MAX - 3).op is Op.SUB


@pytest.mark.parametrize(
    ("initial", "final", "exc", "match"),
    [
        (-1, 0, ValueError, "initial value must be in"),
        (0, WORD, ValueError, "final value must be in"),
        (0, 1.5, TypeError, "final value must be an int"),
        (True, 0, TypeError, "initial value must be an int"),
    ],
)
def test_compress_value_rejects_bad_words(initial: object, final: object, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        compress_value(initial, final)  # type: ignore[arg-type]


# ---- state_diff_size, the sequencer's seal criterion ----
def test_state_diff_size_examples() -> None:
    assert state_diff_size(StateDiff(key(1), 0, 0, 1000)) == 32 + 1 + 2
    assert state_diff_size(StateDiff(key(1), 9, 1000, 999)) == ENUMERATION_INDEX_BYTES + 1 + 1
    assert state_diff_size(StateDiff(key(1), 9, 7, 7)) == ENUMERATION_INDEX_BYTES + 1  # Add 0: no operand


def test_state_diff_size_rejects_non_diffs() -> None:
    with pytest.raises(TypeError, match="expected a StateDiff, got tuple"):
        state_diff_size((key(1), 0, 0, 1))  # type: ignore[arg-type]


# ---- strategies ----
words = st.one_of(
    st.integers(0, 2**64), st.integers(0, MAX), st.integers(MAX - 2**64, MAX), st.sampled_from([0, 1, MAX])
)


@st.composite
def batches(draw: st.DrawFn) -> tuple[list[StateDiff], dict[int, tuple[bytes, int]]]:
    """A batch of diffs over distinct slots plus the node's known slots for its repeated writes."""
    n = draw(st.integers(0, 12))
    diffs, known = [], {}
    for i in range(n):
        if draw(st.booleans()):
            diffs.append(StateDiff(key(i), 0, 0, draw(words)))
        else:
            index, initial = draw(st.integers(1, 2**32 - 1)), draw(words)
            if index in known:
                continue
            known[index] = (key(i), initial)
            near = st.integers(max(0, initial - 2**40), min(MAX, initial + 2**40))
            diffs.append(StateDiff(key(i), index, initial, draw(st.one_of(words, near))))
    return diffs, known


@settings(max_examples=150)
@given(st.tuples(words, words))
def test_compression_round_trips_and_is_shortest(pair: tuple[int, int]) -> None:
    initial, final = pair
    packed = compress_value(initial, final)
    assert decompress_value(initial, packed) == final
    lengths = [((final - initial) % WORD).bit_length(), ((initial - final) % WORD).bit_length(), final.bit_length()]
    best = min((b + 7) // 8 for b in lengths)
    assert len(packed.operand) == (best if best <= MAX_PACKED_BYTES else 32)


@settings(max_examples=100)
@given(batches())
def test_state_diffs_round_trip(batch: tuple[list[StateDiff], dict[int, tuple[bytes, int]]]) -> None:
    diffs, known = batch
    encoded = encode_state_diffs(diffs)
    assert len(encoded) == 2 + sum(state_diff_size(d) for d in diffs)
    assert decode_state_diffs(encoded, known) == order_for_pubdata(diffs)


@settings(max_examples=60)
@given(batches(), st.lists(st.binary(max_size=40), max_size=3), st.lists(st.binary(max_size=64), max_size=2))
def test_full_pubdata_round_trips(
    batch: tuple[list[StateDiff], dict[int, tuple[bytes, int]]], messages: list[bytes], bytecodes: list[bytes]
) -> None:
    diffs, known = batch
    logs = tuple(L2ToL1Log(0, i % 2 == 0, i, bytes(20), key(i), key(i + 1)) for i in range(len(messages)))
    pub = BatchPubdata(logs, tuple(messages), tuple(bytecodes), tuple(order_for_pubdata(diffs)))
    data = encode_pubdata(pub)
    assert len(data) == pubdata_size(pub)
    assert decode_pubdata(data, known) == pub


def test_compression_beats_the_naive_baseline_on_small_deltas() -> None:
    # a token contract: 200 balances, each touched again with a small transfer
    diffs = [StateDiff(key(i), i + 1, 10**21 + i, 10**21 + i - 5 * 10**18) for i in range(200)]
    compressed = len(encode_state_diffs(diffs))
    assert compressed == 2 + 200 * (4 + 1 + 8)  # 5e18 needs 8 bytes
    assert compressed / naive_state_diffs_size(diffs) < 0.25


# ---- bad input to the encoder ----
def test_encoder_rejects_duplicates_and_wide_indices() -> None:
    with pytest.raises(ValueError, match="appears twice"):
        encode_state_diffs([StateDiff(key(1), 0, 0, 1), StateDiff(key(1), 0, 0, 2)])
    with pytest.raises(ValueError, match="enumeration index 3 appears twice"):
        encode_state_diffs([StateDiff(key(1), 3, 0, 1), StateDiff(key(2), 3, 0, 2)])
    with pytest.raises(ValueError, match="enumeration index 4294967296 does not fit in 4 bytes"):
        encode_state_diffs([StateDiff(key(1), 2**32, 0, 1)])
    with pytest.raises(ValueError, match=r"width must be 1\.\.8 bytes, got 9"):
        encode_state_diffs([], index_bytes=9)
    with pytest.raises(TypeError, match="expected a StateDiff, got str"):
        encode_state_diffs(["diff"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="each message must be bytes, got str"):
        encode_pubdata(BatchPubdata(messages=("hi",)))  # type: ignore[arg-type]


def test_encoder_rejects_too_many_first_writes() -> None:
    diffs = [StateDiff(i.to_bytes(32, "big"), 0, 0, 1) for i in range(2**16)]
    with pytest.raises(ValueError, match="at most 65,535 first writes"):
        encode_state_diffs(diffs)


# ---- malformed pubdata ----
def sample() -> tuple[bytes, dict[int, tuple[bytes, int]]]:
    diffs = (StateDiff(key(1), 0, 0, 500), StateDiff(key(2), 7, 100, 90))
    return encode_pubdata(BatchPubdata(state_diffs=diffs)), {7: (key(2), 100)}


def test_sample_layout() -> None:
    data, known = sample()
    # 12 bytes of empty counts, 5 header bytes, 2-byte count, first write 32+1+2, repeated 4+1+1
    assert len(data) == 12 + STATE_DIFFS_HEADER_BYTES + 35 + 6
    assert data[12:17].hex() == "01" + f"{2 + 35 + 6:06x}" + "04"
    assert len(decode_pubdata(data, known).state_diffs) == 2


def test_truncated_pubdata_names_the_offset() -> None:
    data, known = sample()
    for cut in (0, 3, 14, len(data) - 1):
        with pytest.raises(ValueError, match=r"pubdata truncated at offset \d+"):
            decode_pubdata(data[:cut], known)


def test_decoder_rejects_bad_header_type() -> None:
    data, known = sample()
    meta_at = 12 + STATE_DIFFS_HEADER_BYTES + 32  # first write's metadata byte
    bad = data[:meta_at] + bytes([data[meta_at] & 0xF8 | 5]) + data[meta_at + 1 :]
    with pytest.raises(ValueError, match=f"unknown compression type 5 in metadata byte 0x15 at offset {meta_at}"):
        decode_pubdata(bad, known)


def test_decoder_rejects_no_compression_with_a_length() -> None:
    body = (1).to_bytes(2, "big") + key(1) + bytes([3 << 3 | 0]) + bytes(32)
    with pytest.raises(ValueError, match="NoCompression with nonzero length 3 in metadata byte 0x18 at offset 34"):
        decode_state_diffs(body, {})


def test_decoder_rejects_unknown_index() -> None:
    data, _ = sample()
    with pytest.raises(ValueError, match=r"unknown enumeration index 7 at offset \d+"):
        decode_pubdata(data, {})


def test_decoder_rejects_header_and_trailing_problems() -> None:
    data, known = sample()
    with pytest.raises(ValueError, match="unsupported state-diff compression version 2 at offset 12"):
        decode_pubdata(data[:12] + b"\x02" + data[13:], known)
    with pytest.raises(ValueError, match=r"enumeration index width 0 at offset 16 is not in 1\.\.8"):
        decode_pubdata(data[:16] + b"\x00" + data[17:], known)
    with pytest.raises(ValueError, match="1 trailing bytes after the state diffs"):
        decode_pubdata(data + b"\x00", known)
    with pytest.raises(TypeError, match="pubdata must be bytes, got str"):
        decode_pubdata("00", known)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"width must be 1\.\.8 bytes, got 0"):
        decode_state_diffs(b"\x00\x00", known, index_bytes=0)


def test_decoder_rejects_a_slot_published_twice() -> None:
    one = key(1) + compress_value(0, 1).to_bytes()
    with pytest.raises(ValueError, match="appears twice in the decoded state diffs"):
        decode_state_diffs((2).to_bytes(2, "big") + one + one, {})


def test_decoder_rejects_a_bad_log() -> None:
    log = bytearray(L2ToL1Log(0, True, 1, bytes(20), key(1), key(2)).to_bytes())
    log[1] = 7
    data = (1).to_bytes(4, "big") + bytes(log) + encode_pubdata(BatchPubdata())[4:]
    with pytest.raises(ValueError, match="is_service byte must be 0 or 1, got 7"):
        decode_pubdata(data, {})


# ---- replay: the node's slot map ----
def test_update_known_slots_assigns_indices_in_publication_order() -> None:
    known = {1: (key(1), 10)}
    diffs = [StateDiff(key(1), 1, 10, 11), StateDiff(key(5), 0, 0, 3), StateDiff(key(6), 0, 0, 4)]
    assert update_known_slots(known, diffs) == {1: (key(1), 11), 2: (key(5), 3), 3: (key(6), 4)}
    assert update_known_slots({}, [StateDiff(key(5), 0, 0, 3)]) == {1: (key(5), 3)}
    with pytest.raises(ValueError, match="unknown enumeration index 9"):
        update_known_slots(known, [StateDiff(key(2), 9, 1, 2)])


def test_pre_compression_baseline() -> None:
    diffs = [StateDiff(key(1), 0, 0, 1), StateDiff(key(2), 5, 1, 2)]
    assert pre_compression_state_diffs_size(diffs) == 64 + 40
    assert naive_state_diffs_size(diffs) == 128


# ---- the token workload: the vectorised sizes equal the encoder's ----
@settings(max_examples=25)
@given(st.integers(1, 300), st.floats(0, 1), st.integers(0, 2**32))
def test_token_workload_fast_sizes_equal_the_encoder(n_txs: int, share: float, seed: int) -> None:
    batch = sample_token_batch(n_txs, share, seed)
    diffs = token_batch_diffs(batch)
    compressed, naive = token_batch_pubdata_sizes(batch)
    assert compressed == STATE_DIFFS_HEADER_BYTES - 2 + len(encode_state_diffs(diffs))
    assert naive == STATE_DIFFS_HEADER_BYTES + naive_state_diffs_size(diffs)
    assert sum(not d.is_first_write for d in diffs) == 2 * n_txs + 1 + int(batch.recipient_exists.sum())


def test_token_workload_rejects_bad_parameters() -> None:
    with pytest.raises(ValueError, match="n_txs must be a positive int, got 0"):
        sample_token_batch(0, 0.5)
    with pytest.raises(ValueError, match=r"repeat_share must be in \[0, 1\], got 1.5"):
        sample_token_batch(10, 1.5)


def test_prefix_sizes_equal_the_prefix_batches() -> None:
    big = sample_token_batch(400, 0.7, seed=11)
    sizes = np.array([1, 2, 50, 399, 400])
    compressed, naive = token_prefix_pubdata_sizes(big, sizes)
    for n, c, v in zip(sizes, compressed, naive, strict=True):
        prefix = take_prefix(big, int(n))
        assert (c, v) == token_batch_pubdata_sizes(prefix)
        assert c == STATE_DIFFS_HEADER_BYTES - 2 + len(encode_state_diffs(token_batch_diffs(prefix)))
    with pytest.raises(ValueError, match=r"prefix lengths must be in 1\.\.400, got 0\.\.3"):
        token_prefix_pubdata_sizes(big, np.array([0, 3]))
    with pytest.raises(ValueError, match=r"prefix length must be in 1\.\.400, got 401"):
        take_prefix(big, 401)
