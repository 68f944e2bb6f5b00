"""ZKsync's blob packing: pubdata bytes into EIP-4844 blobs of 4,096 field elements, and back.

Each 32-byte field element carries 31 bytes of pubdata behind a zero top byte (big-endian), so every
element is below the BLS12-381 scalar field modulus without a check: 126,976 usable bytes per blob. The
last blob is zero-padded; the pubdata length travels separately. Nothing heavy is imported here, so the
rollup model can pack blobs without loading a curve.

Source: era-contracts da-contracts RollupL1DAValidator.sol and DAUtils.sol; EIP-4844 "Parameters".
"""

from __future__ import annotations

from zkedu._checks import require_bytes, require_int
from zkedu.constants import (
    BYTES_PER_BLOB,
    BYTES_PER_FIELD_ELEMENT,
    FIELD_ELEMENTS_PER_BLOB,
    MAX_BLOBS_PER_BATCH,
    USABLE_BYTES_PER_BLOB,
    USABLE_BYTES_PER_FIELD_ELEMENT,
)


def blobs_needed(n_bytes: int) -> int:
    """How many blobs ``n_bytes`` of pubdata fill (126,976 usable bytes each).

    >>> blobs_needed(0), blobs_needed(126_976), blobs_needed(126_977)
    (0, 1, 2)
    """
    require_int(n_bytes, "n_bytes")
    if n_bytes < 0:
        raise ValueError(f"n_bytes must be >= 0, got {n_bytes!r}")
    return -(-n_bytes // USABLE_BYTES_PER_BLOB)


def pack_bytes_into_blob(data: bytes) -> bytes:
    """One blob from up to 126,976 bytes: 31 bytes per field element behind a zero byte, zero padded.

    >>> blob = pack_bytes_into_blob(b"hi")
    >>> blob[:4].hex(), len(blob)
    ('00686900', 131072)
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"data must be bytes, got {type(data).__name__}")
    data = bytes(data)
    if len(data) > USABLE_BYTES_PER_BLOB:
        raise ValueError(f"at most {USABLE_BYTES_PER_BLOB} bytes fit in one blob, got {len(data)}")
    data = data.ljust(USABLE_BYTES_PER_BLOB, b"\x00")
    step = USABLE_BYTES_PER_FIELD_ELEMENT
    return b"".join(b"\x00" + data[i : i + step] for i in range(0, USABLE_BYTES_PER_BLOB, step))


def unpack_bytes_from_blob(blob: bytes, index: int = 0) -> bytes:
    """The 126,976 data bytes of one blob (padding included), refusing a wrong size or a nonzero top byte.

    ``index`` only names the blob in error messages.

    >>> unpack_bytes_from_blob(pack_bytes_into_blob(b"hi"))[:3]
    b'hi\\x00'
    """
    blob = require_bytes(blob, BYTES_PER_BLOB, f"blob {index}")
    tops = blob[0::BYTES_PER_FIELD_ELEMENT]
    if any(tops):
        element = next(i for i, top in enumerate(tops) if top)
        raise ValueError(f"blob {index}, field element {element} has a non-zero top byte {tops[element]:#04x}, "
                         "must be 0: not a ZKsync-packed blob")
    return b"".join(blob[32 * i + 1 : 32 * i + 32] for i in range(FIELD_ELEMENTS_PER_BLOB))


def pack_into_blobs(pubdata: bytes, max_blobs: int = MAX_BLOBS_PER_BATCH) -> list[bytes]:
    """Split pubdata into as many blobs as it needs, at most ``max_blobs``; the last blob is padded.

    >>> blobs = pack_into_blobs(b"\\x01\\x02")
    >>> len(blobs), len(blobs[0]), blobs[0][:3].hex()
    (1, 131072, '000102')
    """
    if not isinstance(pubdata, bytes):
        raise TypeError(f"pubdata must be bytes, got {type(pubdata).__name__}")
    if not isinstance(max_blobs, int) or isinstance(max_blobs, bool) or max_blobs < 1:
        raise ValueError(f"max_blobs must be a positive int, got {max_blobs!r}")
    n = blobs_needed(len(pubdata))
    if n > max_blobs:
        raise ValueError(
            f"{len(pubdata):,} bytes of pubdata need {n} blobs, more than the limit of {max_blobs} "
            f"({max_blobs * USABLE_BYTES_PER_BLOB:,} usable bytes)"
        )
    size = USABLE_BYTES_PER_BLOB
    return [pack_bytes_into_blob(pubdata[b * size : (b + 1) * size]) for b in range(n)]


def unpack_blobs(blobs: list[bytes], length: int) -> bytes:
    """The first ``length`` bytes of pubdata carried by ``blobs``; the padding after them must be zero.

    >>> unpack_blobs(pack_into_blobs(b"abc"), 3)
    b'abc'
    """
    if not isinstance(length, int) or isinstance(length, bool) or length < 0:
        raise ValueError(f"length must be a non-negative int, got {length!r}")
    if blobs_needed(length) != len(blobs):
        raise ValueError(f"{length:,} bytes of pubdata come in {blobs_needed(length)} blobs, got {len(blobs)}")
    data = b"".join(unpack_bytes_from_blob(blob, i) for i, blob in enumerate(blobs))
    if any(data[length:]):
        at = length + next(i for i, x in enumerate(data[length:]) if x)
        raise ValueError(f"nonzero padding after the {length:,} bytes of pubdata, at offset {at:,}")
    return data[:length]
