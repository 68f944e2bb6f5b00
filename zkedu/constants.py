"""Numbers the whole package shares: blob sizes and limits, ZKsync's L1 timings and gas plans, word sizes.

One home for each, so the KZG code, the rollup model and the widgets cannot drift apart. Nothing heavy is
imported here. Values that ZKsync may change are dated in their comments.

Spec: EIP-4844 "Parameters" (blob sizes, blob gas); Source: era-contracts da-contracts
RollupL1DAValidator.sol (BLOBS_SUPPORTED, 31 bytes per field element), era-contracts Config.sol,
zksync-era core/node/eth_sender/src/publish_criterion.rs (L1 gas planning constants), docs.zksync.io
"Finality" (execution delay).
"""

from __future__ import annotations

# EIP-4844 blobs: 4,096 field elements of 32 bytes each.
FIELD_ELEMENTS_PER_BLOB = 4096
BYTES_PER_FIELD_ELEMENT = 32
BYTES_PER_BLOB = FIELD_ELEMENTS_PER_BLOB * BYTES_PER_FIELD_ELEMENT  # 131,072
GAS_PER_BLOB = 2**17  # blob gas per blob: one unit per byte, however little of the blob is used

# ZKsync packs 31 bytes of pubdata behind a zero top byte in each 32-byte field element, so every element
# is below the BLS12-381 scalar field modulus without a check.
USABLE_BYTES_PER_FIELD_ELEMENT = 31
USABLE_BYTES_PER_BLOB = FIELD_ELEMENTS_PER_BLOB * USABLE_BYTES_PER_FIELD_ELEMENT  # 126,976
MAX_BLOBS_PER_BATCH = 6  # BLOBS_SUPPORTED in RollupL1DAValidator.sol (as of Nov 2026)

# EVM words and addresses.
WORD_BYTES = 32
WORD = 2**256  # storage values and balances live modulo 2^256
ADDRESS_BYTES = 20
L2_TO_L1_LOG_BYTES = 88  # one serialised L2->L1 log

# L1 gas ZKsync's fee model charges per calldata pubdata byte: 16 per byte (EIP-2028) + 1 for hashing.
L1_GAS_PER_PUBDATA_BYTE = 17

# Era's L1 gas planning constants for its three L1 transactions: estimates, not measurements.
COMMIT_BASE_GAS = 61_000
COMMIT_GAS_PER_BATCH = 242_000
PROVE_GAS = 800_000
EXECUTE_BASE_GAS = 210_000
EXECUTE_GAS_PER_BATCH = 100_000
EXECUTE_GAS_PER_L1_TX = 15_000

# About three hours from commit to execution on Era (docs' finality page, July 2026 version).
ERA_EXECUTION_DELAY_SECONDS = 3 * 3600


def _check_constants() -> None:
    """Raise if the derived sizes are inconsistent (a plain ``assert`` would vanish under ``python -O``)."""
    if BYTES_PER_BLOB != GAS_PER_BLOB:
        raise RuntimeError("a blob's gas must equal its size in bytes")
    if not 0 < USABLE_BYTES_PER_FIELD_ELEMENT < BYTES_PER_FIELD_ELEMENT:
        raise RuntimeError("a packed field element must keep at least its top byte zero")
    if WORD != 1 << (8 * WORD_BYTES):
        raise RuntimeError("WORD must be 2^(8 * WORD_BYTES)")


_check_constants()
