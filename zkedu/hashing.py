"""The hash functions ZKsync uses, in one place: keccak-256 (L1, log and message trees), Blake2s-256 (state tree).

Source: zksync-era core/lib/merkle_tree/README.md (Blake2s state tree); era-contracts
system-contracts/contracts/L1Messenger.sol and l1-contracts/contracts/bridgehub/MessageRoot.sol (keccak trees).
"""

from __future__ import annotations

import hashlib

from eth_hash.auto import keccak as _keccak


def _require_bytes(data: object) -> bytes:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"expected bytes to hash, got {type(data).__name__}: {data!r}")
    return bytes(data)


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as on Ethereum (not NIST SHA3-256).

    >>> keccak256(b"").hex()[:16]
    'c5d2460186f7233c'
    """
    return _keccak(_require_bytes(data))


def blake2s256(data: bytes) -> bytes:
    """Blake2s with a 32-byte digest, as in ZKsync's state tree.

    >>> blake2s256(b"").hex()[:16]
    '69217a3079908094'
    """
    return hashlib.blake2s(_require_bytes(data), digest_size=32).digest()


def sha256(data: bytes) -> bytes:
    """SHA-256, as used for EIP-4844 versioned hashes."""
    return hashlib.sha256(_require_bytes(data)).digest()
