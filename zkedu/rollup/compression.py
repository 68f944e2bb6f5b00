"""State-diff compression: how ZKsync packs one storage slot's change into as few bytes as it can.

A slot's new value is published as a metadata byte ``length << 3 | operation`` and a packed operand:

    operation 0  NoCompression  final value, 32 bytes (length bits 0)
    operation 1  Add            final = initial + d  (mod 2**256), d in ``length`` bytes
    operation 2  Sub            final = initial - d  (mod 2**256)
    operation 3  Transform      final value itself in ``length`` bytes

The encoder picks the shortest of Add, Sub, Transform (ties in that order, packed lengths at most 30 bytes),
else NoCompression, exactly as the server's ``compress_with_best_strategy``. The same rule applies to first
writes, whose initial value is 0: Add of the final value then ties with Transform (Add wins the tie), and Sub
wins for values just below 2**256. A first write is keyed by its 32-byte derived key, a repeated write by
its enumeration index (4 bytes on Era).

Source: ERA docs/src/specs/contracts/settlement_contracts/data_availability/compression.md,
core/lib/types/src/.../compression.rs; EC system-contracts Compressor.sol.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from zkedu._checks import require_int
from zkedu.constants import WORD
from zkedu.rollup.records import StateDiff

DERIVED_KEY_BYTES = 32
VALUE_BYTES = 32
ENUMERATION_INDEX_BYTES = 4  # BYTES_PER_ENUMERATION_INDEX on Era; the pubdata header carries it, at most 8
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
        require_int(value, f"{name} value")
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
