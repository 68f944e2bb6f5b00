"""Data availability: packing pubdata into EIP-4844 blobs or calldata, and what each costs in L1 gas.

A blob is 4,096 field elements of 32 bytes (131,072 bytes) in the BLS12-381 scalar field. A 32-byte
element can exceed the field modulus, so each element carries 31 bytes of pubdata behind a zero top byte
(big-endian): 4,096 x 31 = 126,976 usable bytes per blob. The last blob is zero-padded.

Source: EC da-contracts RollupL1DAValidator.sol, DAUtils.sol, CalldataDA.sol; EIP-4844; EIP-2028
(zksync-facts.md §1b, §1e).
"""

from __future__ import annotations

from dataclasses import dataclass

from zkedu.hashing import keccak256

FIELD_ELEMENTS_PER_BLOB = 4096
BYTES_PER_FIELD_ELEMENT = 32
USABLE_BYTES_PER_FIELD_ELEMENT = 31  # top byte zero keeps each element below the BLS modulus
BLOB_BYTES = FIELD_ELEMENTS_PER_BLOB * BYTES_PER_FIELD_ELEMENT  # 131,072
USABLE_BLOB_BYTES = FIELD_ELEMENTS_PER_BLOB * USABLE_BYTES_PER_FIELD_ELEMENT  # 126,976
MAX_BLOBS_PER_BATCH = 6  # BLOBS_SUPPORTED in RollupL1DAValidator.sol
GAS_PER_BLOB = 2**17  # EIP-4844 blob gas per blob: one blob-gas unit per byte
CALLDATA_GAS_PER_ZERO_BYTE = 4  # EIP-2028
CALLDATA_GAS_PER_NONZERO_BYTE = 16  # EIP-2028
L1_GAS_PER_PUBDATA_BYTE = 17  # ZKsync's calldata pricing: 16 gas per byte + 1 for hashing (fee model V2)


def blobs_needed(n_bytes: int) -> int:
    """How many blobs ``n_bytes`` of pubdata fill (126,976 usable bytes each).

    >>> blobs_needed(126_976), blobs_needed(126_977)
    (1, 2)
    """
    if not isinstance(n_bytes, int) or isinstance(n_bytes, bool):
        raise TypeError(f"n_bytes must be an int, got {type(n_bytes).__name__}: {n_bytes!r}")
    if n_bytes < 0:
        raise ValueError(f"n_bytes must be >= 0, got {n_bytes!r}")
    return -(-n_bytes // USABLE_BLOB_BYTES)


def pack_into_blobs(pubdata: bytes, max_blobs: int = MAX_BLOBS_PER_BATCH) -> list[bytes]:
    """Split pubdata into 131,072-byte blobs: 31 bytes per field element behind a zero byte, last blob padded.

    >>> blobs = pack_into_blobs(b"\\x01\\x02")
    >>> len(blobs), len(blobs[0]), blobs[0][:3].hex()
    (1, 131072, '000102')
    """
    if not isinstance(pubdata, bytes):
        raise TypeError(f"pubdata must be bytes, got {type(pubdata).__name__}")
    if not isinstance(max_blobs, int) or max_blobs < 1:
        raise ValueError(f"max_blobs must be a positive int, got {max_blobs!r}")
    n = blobs_needed(len(pubdata))
    if n > max_blobs:
        raise ValueError(
            f"{len(pubdata):,} bytes of pubdata need {n} blobs, more than the limit of {max_blobs} "
            f"({max_blobs * USABLE_BLOB_BYTES:,} usable bytes)"
        )
    blobs = []
    for b in range(n):
        chunk = pubdata[b * USABLE_BLOB_BYTES : (b + 1) * USABLE_BLOB_BYTES].ljust(USABLE_BLOB_BYTES, b"\x00")
        blob = bytearray(BLOB_BYTES)
        for i in range(FIELD_ELEMENTS_PER_BLOB):
            blob[32 * i + 1 : 32 * i + 32] = chunk[31 * i : 31 * i + 31]
        blobs.append(bytes(blob))
    return blobs


def blob_usable_bytes(blob: bytes, index: int = 0) -> bytes:
    """The 126,976 data bytes of one blob, refusing a blob of the wrong size or with a nonzero top byte."""
    if not isinstance(blob, bytes) or len(blob) != BLOB_BYTES:
        size = len(blob) if isinstance(blob, bytes | bytearray) else type(blob).__name__
        raise ValueError(f"blob {index} must be {BLOB_BYTES} bytes, got {size}")
    tops = blob[0::BYTES_PER_FIELD_ELEMENT]
    if any(tops):
        element = next(i for i, t in enumerate(tops) if t)
        raise ValueError(f"blob {index}, field element {element}: top byte is {tops[element]:#04x}, must be 0")
    return b"".join(blob[32 * i + 1 : 32 * i + 32] for i in range(FIELD_ELEMENTS_PER_BLOB))


def unpack_blobs(blobs: list[bytes], length: int) -> bytes:
    """The first ``length`` bytes of pubdata carried by ``blobs``; the padding after them must be zero."""
    if not isinstance(length, int) or length < 0:
        raise ValueError(f"length must be a non-negative int, got {length!r}")
    if blobs_needed(length) != len(blobs):
        raise ValueError(f"{length:,} bytes of pubdata come in {blobs_needed(length)} blobs, got {len(blobs)}")
    data = b"".join(blob_usable_bytes(blob, i) for i, blob in enumerate(blobs))
    if any(data[length:]):
        at = length + next(i for i, x in enumerate(data[length:]) if x)
        raise ValueError(f"nonzero padding after the {length:,} bytes of pubdata, at offset {at:,}")
    return data[:length]


def blob_linear_hash(blob: bytes) -> bytes:
    """keccak of a blob's usable bytes: what the L2 commits to for the blob (the "linear hash")."""
    return keccak256(blob_usable_bytes(blob))


def blob_opening_point(linear_hash: bytes, versioned_hash: bytes) -> int:
    """The point z at which L1 opens a blob: the low 128 bits of keccak(linear hash || versioned hash).

    On Era the operator supplies z (16 bytes) with the commit and the proof circuit ties it to the blob's
    content; this model has no circuit, so its L1 recomputes z the same way from the blob it is shown.

    Source: EC da-contracts RollupL1DAValidator.sol (_getPublishedBlobCommitment: 16-byte opening point).
    """
    for name, h in (("linear_hash", linear_hash), ("versioned_hash", versioned_hash)):
        if not isinstance(h, bytes) or len(h) != 32:
            raise ValueError(f"{name} must be 32 bytes, got {h!r}")
    return int.from_bytes(keccak256(linear_hash + versioned_hash)[16:], "big")


def calldata_gas(data: bytes) -> int:
    """L1 gas for ``data`` as calldata: 16 per nonzero byte, 4 per zero byte (EIP-2028).

    >>> calldata_gas(b"\\x00\\x01\\x02")
    36
    """
    if not isinstance(data, bytes | bytearray):
        raise TypeError(f"data must be bytes, got {type(data).__name__}")
    zeros = data.count(0)
    return CALLDATA_GAS_PER_ZERO_BYTE * zeros + CALLDATA_GAS_PER_NONZERO_BYTE * (len(data) - zeros)


def priced_calldata_gas(n_bytes: int) -> int:
    """L1 gas ZKsync's fee model charges for ``n_bytes`` of calldata pubdata: 17 per byte."""
    if n_bytes < 0:
        raise ValueError(f"n_bytes must be >= 0, got {n_bytes!r}")
    return L1_GAS_PER_PUBDATA_BYTE * n_bytes


def blob_gas(n_blobs: int) -> int:
    """Blob gas for ``n_blobs`` blobs: 131,072 each, whatever they hold."""
    if n_blobs < 0:
        raise ValueError(f"n_blobs must be >= 0, got {n_blobs!r}")
    return GAS_PER_BLOB * n_blobs


@dataclass(frozen=True)
class DACost:
    """What publishing one batch's pubdata costs on L1, by calldata and by blobs."""

    pubdata_bytes: int
    calldata_gas: int  # EIP-2028 count of these exact bytes
    priced_calldata_gas: int  # 17 gas/byte, as ZKsync prices calldata pubdata
    blobs: int
    blob_gas: int
    calldata_wei: int
    blob_wei: int


def compare_da_cost(pubdata: bytes, l1_gas_price_wei: int, blob_base_fee_wei: int) -> DACost:
    """Calldata versus blobs for the same pubdata, in gas and in wei (execution gas of the commit excluded)."""
    for name, price in (("l1_gas_price_wei", l1_gas_price_wei), ("blob_base_fee_wei", blob_base_fee_wei)):
        if not isinstance(price, int) or price < 0:
            raise ValueError(f"{name} must be a non-negative int, got {price!r}")
    cd = calldata_gas(pubdata)
    n = blobs_needed(len(pubdata))
    return DACost(
        pubdata_bytes=len(pubdata),
        calldata_gas=cd,
        priced_calldata_gas=priced_calldata_gas(len(pubdata)),
        blobs=n,
        blob_gas=blob_gas(n),
        calldata_wei=cd * l1_gas_price_wei,
        blob_wei=blob_gas(n) * blob_base_fee_wei,
    )
