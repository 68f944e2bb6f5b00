"""Pubdata: the bytes a ZKsync batch publishes so that anyone can rebuild its state, with state-diff compression.

A batch's pubdata is four sections, each length-prefixed (L1Messenger.publishPubdataAndClearState):

    logs       4-byte count || 88-byte L2->L1 logs
    messages   4-byte count || (4-byte length || body)*
    bytecodes  4-byte count || (4-byte length || bytecode)*
    state      version (1) || compressed size (3) || enumeration-index width (1) || compressed state diffs

Compressed state diffs: a 2-byte count of first writes; each first write as its 32-byte derived key, each
repeated write as its enumeration index (4 bytes on Era), all first writes before all repeated writes; then
per diff a metadata byte ``length << 3 | operation`` and the packed value:

    operation 0  NoCompression  final value, 32 bytes (length bits 0)
    operation 1  Add            final = initial + d  (mod 2**256), d in ``length`` bytes
    operation 2  Sub            final = initial - d  (mod 2**256)
    operation 3  Transform      final value itself in ``length`` bytes

The encoder picks the shortest of Add, Sub, Transform (ties in that order, packed lengths at most 30 bytes),
else NoCompression, exactly as the server's ``compress_with_best_strategy``. The same rule applies to first
writes, whose initial value is 0: Add of the final value then ties with Transform (Add wins the tie), and Sub
wins for values just below 2**256.

Source: ERA docs/src/specs/contracts/settlement_contracts/data_availability/compression.md,
core/lib/types/src/.../compression.rs; EC system-contracts Compressor.sol, L1Messenger.sol (zksync-facts.md §1e).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum

from zkedu.constants import L2_TO_L1_LOG_BYTES, WORD
from zkedu.rollup.records import L2ToL1Log, StateDiff

COMPRESSION_VERSION = 1
DERIVED_KEY_BYTES = 32
VALUE_BYTES = 32
ENUMERATION_INDEX_BYTES = 4  # BYTES_PER_ENUMERATION_INDEX on Era; the header carries it, at most 8
MAX_ENUMERATION_INDEX_BYTES = 8
MAX_PACKED_BYTES = 30  # Add/Sub/Transform are only used below 31 bytes
NAIVE_STATE_DIFF_BYTES = DERIVED_KEY_BYTES + VALUE_BYTES  # the baseline: full key and full value, every time
METADATA_BYTES = 1


class Op(IntEnum):
    """The 3-bit operation in a compressed value's metadata byte."""

    NO_COMPRESSION = 0
    ADD = 1
    SUB = 2
    TRANSFORM = 3


@dataclass(frozen=True)
class PackedValue:
    """A compressed storage value: the operation and its big-endian operand (32 bytes for NoCompression)."""

    op: Op
    operand: bytes

    def to_bytes(self) -> bytes:
        """Metadata byte (5 bits length, 3 bits operation) followed by the operand."""
        length = 0 if self.op is Op.NO_COMPRESSION else len(self.operand)
        return bytes([length << 3 | self.op]) + self.operand


def _byte_length(x: int) -> int:
    return (x.bit_length() + 7) // 8


def compress_value(initial: int, final: int) -> PackedValue:
    """The shortest packing of ``final`` given ``initial``: Add, Sub or Transform, else NoCompression.

    Source: ERA core/lib/types/src/storage/.../compression.rs (compress_with_best_strategy).

    >>> compress_value(255438218, 255438638).to_bytes().hex()  # Add 420 = 0x01a4, length 2
    '1101a4'
    >>> compress_value(580481589, 0).to_bytes().hex()  # Transform to zero: just the metadata byte
    '03'
    """
    for name, value in (("initial", initial), ("final", final)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{name} value must be an int, got {type(value).__name__}: {value!r}")
        if not 0 <= value < WORD:
            raise ValueError(f"{name} value must be in [0, 2**256), got {value!r}")
    candidates = (
        (Op.ADD, (final - initial) % WORD),
        (Op.SUB, (initial - final) % WORD),
        (Op.TRANSFORM, final),
    )
    best: PackedValue | None = None
    for op, operand in candidates:
        size = _byte_length(operand)
        if size <= MAX_PACKED_BYTES and (best is None or size < len(best.operand)):
            best = PackedValue(op, operand.to_bytes(size, "big"))
    if best is None:
        return PackedValue(Op.NO_COMPRESSION, final.to_bytes(VALUE_BYTES, "big"))
    return best


def decompress_value(initial: int, packed: PackedValue) -> int:
    """The final value a packed value denotes, given the slot's initial value."""
    operand = int.from_bytes(packed.operand, "big")
    if packed.op is Op.ADD:
        return (initial + operand) % WORD
    if packed.op is Op.SUB:
        return (initial - operand) % WORD
    return operand  # Transform and NoCompression carry the final value itself


def compressed_value_size(initial: int, final: int) -> int:
    """Bytes of a packed value including its metadata byte: 1 to 31, or 33 for NoCompression.

    >>> compressed_value_size(0, 2**256 - 1)  # Sub 1 from 0 wraps to the maximum
    2
    """
    return METADATA_BYTES + len(compress_value(initial, final).operand)


def state_diff_size(diff: StateDiff) -> int:
    """Exact bytes one state diff adds to the compressed state diffs (key or index, metadata, operand).

    A first write costs 32 + 1 + packed length; a repeated write 4 + 1 + packed length. The batch-level
    framing (version, sizes, first-write count: ``STATE_DIFFS_HEADER_BYTES``) is counted once per batch.

    Source: ERA core/lib/multivm/src/versions/vm_latest/... (get_pubdata_price_bytes); compression.md.

    >>> state_diff_size(StateDiff(bytes(32), 7, 100, 101))  # 4-byte index, Add 1: metadata + 1 byte
    6
    >>> state_diff_size(StateDiff(bytes(32), 0, 0, 2**255))  # first write of a big value: 32 + 1 + 32
    65
    """
    if not isinstance(diff, StateDiff):
        raise TypeError(f"expected a StateDiff, got {type(diff).__name__}: {diff!r}")
    key_bytes = DERIVED_KEY_BYTES if diff.is_first_write else ENUMERATION_INDEX_BYTES
    return key_bytes + compressed_value_size(diff.initial_value, diff.final_value)


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

    Source: EC system-contracts L1Messenger.sol (publishPubdataAndClearState); zksync-facts.md §1e.

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
