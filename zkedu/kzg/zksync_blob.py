"""How ZKsync's L1 contract checks a blob at commit time: one point-evaluation precompile call per blob.

The operator sends, per blob, 144 bytes: opening point (16) || claimed value (32) || commitment (48) ||
proof (48). The contract pads the opening point to 32 bytes, calls the precompile (0x0A) with the blob's
versioned hash from the transaction, requires the second returned word to equal BLS_MODULUS, and hands
keccak(versioned hash || opening point || claimed value) on to the validity proof, which checks that the
blob's content really evaluates to the claimed value at that point.

Source: era-contracts da-contracts/contracts/RollupL1DAValidator.sol (_getPublishedBlobCommitment,
_pointEvaluationPrecompile; BLOBS_SUPPORTED = 6); the opening point is defined in matter-labs/era-zkevm_circuits
src/eip_4844/mod.rs (the low 16 bytes of keccak(linear hash || versioned hash)).
"""

from __future__ import annotations

from zkedu._checks import require_bytes, require_int
from zkedu.hashing import keccak256
from zkedu.kzg.constants import BLS_MODULUS, BYTES_PER_COMMITMENT, BYTES_PER_FIELD_ELEMENT, BYTES_PER_PROOF
from zkedu.kzg.eip4844 import point_evaluation_precompile

OPENING_POINT_BYTES = 16
PUBDATA_COMMITMENT_SIZE = OPENING_POINT_BYTES + BYTES_PER_FIELD_ELEMENT + BYTES_PER_COMMITMENT + BYTES_PER_PROOF  # 144
CLAIMED_VALUE_OFFSET = OPENING_POINT_BYTES  # 16
COMMITMENT_OFFSET = CLAIMED_VALUE_OFFSET + BYTES_PER_FIELD_ELEMENT  # 48


def encode_pubdata_commitment(opening_point: int, claimed_value: bytes, commitment: bytes, proof: bytes) -> bytes:
    """The operator's 144 bytes for one blob: opening point (16) || claimed value (32) || commitment || proof."""
    require_int(opening_point, "opening point")
    if not 0 <= opening_point < 2 ** (8 * OPENING_POINT_BYTES):
        raise ValueError(f"opening point must fit in 16 bytes, got {opening_point}")
    return (
        opening_point.to_bytes(OPENING_POINT_BYTES, "big")
        + require_bytes(claimed_value, BYTES_PER_FIELD_ELEMENT, "claimed value")
        + require_bytes(commitment, BYTES_PER_COMMITMENT, "commitment")
        + require_bytes(proof, BYTES_PER_PROOF, "proof")
    )


def check_published_blob(versioned_hash: bytes, pubdata_commitment: bytes) -> bytes:
    """What the L1 contract does with one blob: the precompile check, then the 32-byte opening commitment.

    Raises ValueError if the precompile fails or does not return BLS_MODULUS.
    Source: RollupL1DAValidator._getPublishedBlobCommitment.
    """
    versioned_hash = require_bytes(versioned_hash, 32, "versioned hash")
    data = require_bytes(pubdata_commitment, PUBDATA_COMMITMENT_SIZE, "pubdata commitment")
    opening_point = data[:CLAIMED_VALUE_OFFSET].rjust(BYTES_PER_FIELD_ELEMENT, b"\x00")  # 16 -> 32 bytes
    output = point_evaluation_precompile(versioned_hash + opening_point + data[CLAIMED_VALUE_OFFSET:])
    if int.from_bytes(output[32:], "big") != BLS_MODULUS:
        raise ValueError("point evaluation precompile did not return BLS_MODULUS")
    return keccak256(versioned_hash + data[:COMMITMENT_OFFSET])
