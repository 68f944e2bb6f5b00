"""Data availability: what publishing pubdata as EIP-4844 blobs or as calldata costs in L1 gas.

The packing of pubdata into blobs (31 bytes per field element) lives in ``zkedu.blobpack``; this module
adds what L1 does with a blob (its linear hash and opening point) and the gas each option costs.

Source: era-contracts da-contracts RollupL1DAValidator.sol, DAUtils.sol, CalldataDA.sol; EIP-4844; EIP-2028.
"""

from __future__ import annotations

from dataclasses import dataclass

from zkedu.blobpack import blobs_needed, unpack_bytes_from_blob
from zkedu.constants import GAS_PER_BLOB, L1_GAS_PER_PUBDATA_BYTE
from zkedu.hashing import keccak256

CALLDATA_GAS_PER_ZERO_BYTE = 4  # EIP-2028
CALLDATA_GAS_PER_NONZERO_BYTE = 16  # EIP-2028


def blob_linear_hash(blob: bytes) -> bytes:
    """keccak of a blob's usable bytes: what the L2 commits to for the blob (the "linear hash")."""
    return keccak256(unpack_bytes_from_blob(blob))


def blob_opening_point(linear_hash: bytes, versioned_hash: bytes) -> int:
    """The point z at which L1 opens a blob: the low 128 bits of keccak(linear hash || versioned hash).

    On Era the operator supplies z (16 bytes) with the commit and the proof circuit ties it to the blob's
    content; this model has no circuit, so its L1 recomputes z the same way from the blob it is shown.

    Source: matter-labs/era-zkevm_circuits src/eip_4844/mod.rs (eip_4844_entry_point: the challenge is
    keccak(linear hash || versioned hash), truncated to its last 16 bytes); era-contracts da-contracts
    RollupL1DAValidator.sol (_getPublishedBlobCommitment: the 16-byte opening point).
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
