"""Pubdata: the bytes a ZKsync batch publishes so that anyone can rebuild its state, with state-diff compression.

A batch's pubdata is four sections, each length-prefixed (L1Messenger.publishPubdataAndClearState):

    logs       4-byte count || 88-byte L2->L1 logs
    messages   4-byte count || (4-byte length || body)*
    bytecodes  4-byte count || (4-byte length || bytecode)*
    state      version (1) || compressed size (3) || enumeration-index width (1) || compressed state diffs

Compressed state diffs: a 2-byte count of first writes; each first write as its 32-byte derived key, each
repeated write as its enumeration index (4 bytes on Era), all first writes before all repeated writes; then
per diff a metadata byte and the packed value of ``zkedu.rollup.compression``.

Source: ERA docs/src/specs/contracts/settlement_contracts/data_availability/compression.md,
core/lib/types/src/.../compression.rs; EC system-contracts Compressor.sol, L1Messenger.sol.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from zkedu.constants import L2_TO_L1_LOG_BYTES
from zkedu.rollup.compression import (
    DERIVED_KEY_BYTES,
    ENUMERATION_INDEX_BYTES,
    NAIVE_STATE_DIFF_BYTES,
    VALUE_BYTES,
    Op,
    PackedValue,
    compress_value,
    decompress_value,
    state_diff_size,
)
from zkedu.rollup.records import L2ToL1Log, StateDiff

# The value compression and one diff's size live in zkedu.rollup.compression; these names stay importable here.
__all__ = [
    "COMPRESSION_VERSION",
    "MAX_ENUMERATION_INDEX_BYTES",
    "STATE_DIFFS_HEADER_BYTES",
    "BatchPubdata",
    "compress_value",
    "decode_pubdata",
    "decode_state_diffs",
    "decompress_value",
    "encode_pubdata",
    "encode_state_diffs",
    "naive_state_diffs_size",
    "order_for_pubdata",
    "pre_compression_state_diffs_size",
    "pubdata_size",
    "state_diff_size",
    "update_known_slots",
]

COMPRESSION_VERSION = 1
MAX_ENUMERATION_INDEX_BYTES = 8


# version (1) + compressed size (3) + enumeration-index width (1) + number of first writes (2)
STATE_DIFFS_HEADER_BYTES = 1 + 3 + 1 + 2


def order_for_pubdata(diffs: Iterable[StateDiff]) -> list[StateDiff]:
    """First writes, then repeated writes, each group in the given order: the order pubdata publishes them."""
    diffs = list(diffs)
    return [d for d in diffs if d.is_first_write] + [d for d in diffs if not d.is_first_write]


def encode_state_diffs(diffs: Sequence[StateDiff], index_bytes: int = ENUMERATION_INDEX_BYTES) -> bytes:
    """The compressed state diffs (2-byte first-write count, first writes, repeated writes), without header.

    Source: EC system-contracts Compressor.sol (verifyCompressedStateDiffs); compression.md.
    """
    if not 1 <= index_bytes <= MAX_ENUMERATION_INDEX_BYTES:
        raise ValueError(f"enumeration index width must be 1..{MAX_ENUMERATION_INDEX_BYTES} bytes, got {index_bytes!r}")
    seen_keys: set[bytes] = set()
    seen_indices: set[int] = set()
    for d in diffs:
        if not isinstance(d, StateDiff):
            raise TypeError(f"expected a StateDiff, got {type(d).__name__}: {d!r}")
        if d.derived_key in seen_keys:
            raise ValueError(f"slot {d.derived_key.hex()} appears twice; a batch publishes one net diff per slot")
        if not d.is_first_write and d.enumeration_index in seen_indices:
            raise ValueError(f"enumeration index {d.enumeration_index} appears twice in one batch")
        if d.enumeration_index >= 1 << (8 * index_bytes):
            raise ValueError(f"enumeration index {d.enumeration_index} does not fit in {index_bytes} bytes")
        seen_keys.add(d.derived_key)
        seen_indices.add(d.enumeration_index)
    ordered = order_for_pubdata(diffs)
    first_writes = sum(d.is_first_write for d in ordered)
    if first_writes >= 1 << 16:
        raise ValueError(f"at most 65,535 first writes fit the 2-byte count, got {first_writes}")
    out = bytearray(first_writes.to_bytes(2, "big"))
    for d in ordered:
        key = d.derived_key if d.is_first_write else d.enumeration_index.to_bytes(index_bytes, "big")
        out += key + compress_value(d.initial_value, d.final_value).to_bytes()
    return bytes(out)


class _Reader:
    """A cursor over pubdata that names the offset and the field when the data runs out."""

    def __init__(self, data: bytes, base: int = 0) -> None:
        self.data, self.pos, self.base = data, 0, base

    def take(self, n: int, what: str) -> bytes:
        if self.pos + n > len(self.data):
            raise ValueError(
                f"pubdata truncated at offset {self.base + self.pos}: {what} needs {n} bytes, "
                f"{len(self.data) - self.pos} left"
            )
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def uint(self, n: int, what: str) -> int:
        return int.from_bytes(self.take(n, what), "big")

    @property
    def offset(self) -> int:
        return self.base + self.pos

    def done(self) -> bool:
        return self.pos == len(self.data)


def _read_packed(r: _Reader) -> PackedValue:
    at = r.offset
    meta = r.uint(1, "metadata byte")
    op_bits, length = meta & 0b111, meta >> 3
    if op_bits > Op.TRANSFORM:
        raise ValueError(f"unknown compression type {op_bits} in metadata byte {meta:#04x} at offset {at}")
    op = Op(op_bits)
    if op is Op.NO_COMPRESSION:
        if length != 0:
            raise ValueError(f"NoCompression with nonzero length {length} in metadata byte {meta:#04x} at offset {at}")
        length = VALUE_BYTES
    return PackedValue(op, r.take(length, f"{op.name} operand"))


def decode_state_diffs(
    data: bytes, known: Mapping[int, tuple[bytes, int]], index_bytes: int = ENUMERATION_INDEX_BYTES, base: int = 0
) -> list[StateDiff]:
    """Decode compressed state diffs, given the replaying node's slots: index -> (derived key, current value).

    First writes carry their key and start from 0; a repeated write's key and initial value come from
    ``known``, which a node rebuilds from earlier batches' pubdata. ``base`` offsets error messages.
    """
    if not 1 <= index_bytes <= MAX_ENUMERATION_INDEX_BYTES:
        raise ValueError(f"enumeration index width must be 1..{MAX_ENUMERATION_INDEX_BYTES} bytes, got {index_bytes!r}")
    r = _Reader(data, base)
    first_writes = r.uint(2, "number of first writes")
    out: list[StateDiff] = []
    keys: set[bytes] = set()
    for _ in range(first_writes):
        key = r.take(DERIVED_KEY_BYTES, "derived key")
        out.append(StateDiff(key, 0, 0, decompress_value(0, _read_packed(r))))
    while not r.done():
        at = r.offset
        index = r.uint(index_bytes, "enumeration index")
        if index not in known:
            raise ValueError(f"unknown enumeration index {index} at offset {at}")
        key, initial = known[index]
        out.append(StateDiff(key, index, initial, decompress_value(initial, _read_packed(r))))
    for d in out:
        if d.derived_key in keys:
            raise ValueError(f"slot {d.derived_key.hex()} appears twice in the decoded state diffs")
        keys.add(d.derived_key)
    return out


@dataclass(frozen=True)
class BatchPubdata:
    """Everything one batch publishes: L2->L1 logs, messages, bytecodes and (net) state diffs."""

    l2_to_l1_logs: tuple[L2ToL1Log, ...] = ()
    messages: tuple[bytes, ...] = ()
    bytecodes: tuple[bytes, ...] = ()
    state_diffs: tuple[StateDiff, ...] = ()


def _length_prefixed(items: Sequence[bytes], what: str) -> bytes:
    out = bytearray(len(items).to_bytes(4, "big"))
    for item in items:
        if not isinstance(item, bytes):
            raise TypeError(f"each {what} must be bytes, got {type(item).__name__}: {item!r}")
        out += len(item).to_bytes(4, "big") + item
    return bytes(out)


def encode_pubdata(batch: BatchPubdata, index_bytes: int = ENUMERATION_INDEX_BYTES) -> bytes:
    """The batch's full pubdata: logs, messages, bytecodes, then the compressed state diffs with their header.

    Source: EC system-contracts L1Messenger.sol (publishPubdataAndClearState).

    >>> len(encode_pubdata(BatchPubdata()))  # three empty counts + state-diff header + 0 first writes
    19
    """
    logs = bytearray(len(batch.l2_to_l1_logs).to_bytes(4, "big"))
    for log in batch.l2_to_l1_logs:
        logs += log.to_bytes()
    diffs = encode_state_diffs(batch.state_diffs, index_bytes)
    if len(diffs) >= 1 << 24:
        raise ValueError(f"compressed state diffs must fit the 3-byte size, got {len(diffs)} bytes")
    header = bytes([COMPRESSION_VERSION]) + len(diffs).to_bytes(3, "big") + bytes([index_bytes])
    return (
        bytes(logs)
        + _length_prefixed(batch.messages, "message")
        + _length_prefixed(batch.bytecodes, "bytecode")
        + header
        + diffs
    )


def decode_pubdata(data: bytes, known: Mapping[int, tuple[bytes, int]]) -> BatchPubdata:
    """Parse a batch's pubdata back into logs, messages, bytecodes and state diffs (see ``decode_state_diffs``)."""
    if not isinstance(data, bytes):
        raise TypeError(f"pubdata must be bytes, got {type(data).__name__}")
    r = _Reader(data)
    logs = tuple(
        L2ToL1Log.from_bytes(r.take(L2_TO_L1_LOG_BYTES, "L2->L1 log")) for _ in range(r.uint(4, "number of logs"))
    )
    sections: list[tuple[bytes, ...]] = []
    for what in ("message", "bytecode"):
        count = r.uint(4, f"number of {what}s")
        sections.append(tuple(r.take(r.uint(4, f"{what} length"), f"{what} body") for _ in range(count)))
    at = r.offset
    version = r.uint(1, "compression version")
    if version != COMPRESSION_VERSION:
        raise ValueError(f"unsupported state-diff compression version {version} at offset {at}")
    size = r.uint(3, "compressed state diffs size")
    at = r.offset
    index_bytes = r.uint(1, "enumeration index width")
    if not 1 <= index_bytes <= MAX_ENUMERATION_INDEX_BYTES:
        raise ValueError(f"enumeration index width {index_bytes} at offset {at} is not in 1..8")
    base = r.offset
    body = r.take(size, "compressed state diffs")
    if not r.done():
        raise ValueError(f"{len(data) - r.offset} trailing bytes after the state diffs at offset {r.offset}")
    diffs = decode_state_diffs(body, known, index_bytes, base)
    return BatchPubdata(logs, sections[0], sections[1], tuple(diffs))


def pubdata_size(batch: BatchPubdata, index_bytes: int = ENUMERATION_INDEX_BYTES) -> int:
    """Length of ``encode_pubdata(batch)``, computed from sizes alone."""
    fixed = 4 + L2_TO_L1_LOG_BYTES * len(batch.l2_to_l1_logs)
    fixed += 4 + sum(4 + len(m) for m in batch.messages) + 4 + sum(4 + len(b) for b in batch.bytecodes)
    extra = (ENUMERATION_INDEX_BYTES - index_bytes) * sum(not d.is_first_write for d in batch.state_diffs)
    return fixed + STATE_DIFFS_HEADER_BYTES + sum(state_diff_size(d) for d in batch.state_diffs) - extra


def naive_state_diffs_size(diffs: Sequence[StateDiff]) -> int:
    """The uncompressed baseline: every diff as its full 32-byte key and full 32-byte final value."""
    return NAIVE_STATE_DIFF_BYTES * len(diffs)


def pre_compression_state_diffs_size(diffs: Sequence[StateDiff]) -> int:
    """The format before compression: first writes as 32-byte key + 32-byte value, repeated ones as 8-byte index +
    32-byte value (the baseline of ZKsync's "~50% overall" figure)."""
    return sum(DERIVED_KEY_BYTES + VALUE_BYTES if d.is_first_write else 8 + VALUE_BYTES for d in diffs)


def update_known_slots(
    known: Mapping[int, tuple[bytes, int]], diffs: Iterable[StateDiff]
) -> dict[int, tuple[bytes, int]]:
    """A replaying node's slot map after a batch: repeated writes updated, first writes given the next indices.

    New indices follow the order first writes are published in, starting after the largest known index
    (indices start at 1; 0 means "not yet in the tree").
    """
    out = dict(known)
    next_index = max(out, default=0) + 1
    for d in order_for_pubdata(diffs):
        if d.is_first_write:
            out[next_index] = (d.derived_key, d.final_value)
            next_index += 1
        else:
            if d.enumeration_index not in out:
                raise ValueError(f"unknown enumeration index {d.enumeration_index} for slot {d.derived_key.hex()}")
            out[d.enumeration_index] = (d.derived_key, d.final_value)
    return out
