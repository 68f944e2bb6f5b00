"""EIP-4844 constants in one place, with the names of the deneb polynomial-commitments spec.

Spec: EIP-4844 "Parameters"; consensus-specs deneb/polynomial-commitments.md "Constants" and "Preset".
The values check themselves at import (the root of unity really has order 4,096).
"""

from __future__ import annotations

from zkedu.constants import BYTES_PER_BLOB as BYTES_PER_BLOB
from zkedu.constants import BYTES_PER_FIELD_ELEMENT as BYTES_PER_FIELD_ELEMENT
from zkedu.constants import FIELD_ELEMENTS_PER_BLOB as FIELD_ELEMENTS_PER_BLOB
from zkedu.constants import MAX_BLOBS_PER_BATCH, USABLE_BYTES_PER_BLOB, USABLE_BYTES_PER_FIELD_ELEMENT

# The scalar field of BLS12-381: the order r of its prime-order subgroups G1 and G2.
BLS_MODULUS = 0x73EDA753299D7D483339D80809A1D80553BDA402FFFE5BFEFFFFFFFF00000001
BYTES_PER_COMMITMENT = 48  # a compressed G1 point
BYTES_PER_PROOF = 48  # a compressed G1 point
BYTES_PER_G2_POINT = 96  # a compressed G2 point
KZG_ENDIANNESS = "big"

# Fiat-Shamir domain separators (16 bytes each).
FIAT_SHAMIR_PROTOCOL_DOMAIN = b"FSBLOBVERIFY_V1_"
RANDOM_CHALLENGE_KZG_BATCH_DOMAIN = b"RCKZGBATCH___V1_"

# 7 generates the multiplicative group of the field; its power (r - 1) / 4096 has order exactly 4096.
PRIMITIVE_ROOT_OF_UNITY = 7

# The compressed encoding of the point at infinity: compression and infinity flags set, all else zero.
G1_POINT_AT_INFINITY = b"\xc0" + b"\x00" * (BYTES_PER_COMMITMENT - 1)

# EIP-4844 versioned hash: version byte || sha256(commitment)[1:].
VERSIONED_HASH_VERSION_KZG = b"\x01"
POINT_EVALUATION_PRECOMPILE_ADDRESS = 0x0A
POINT_EVALUATION_PRECOMPILE_GAS = 50_000
POINT_EVALUATION_INPUT_LENGTH = 192  # versioned hash 32 || z 32 || y 32 || commitment 48 || proof 48

# ZKsync's 31-byte packing, under the names this package has always used; defined once, in zkedu.constants.
ZKSYNC_BYTES_PER_FIELD_ELEMENT = USABLE_BYTES_PER_FIELD_ELEMENT
ZKSYNC_USABLE_BYTES_PER_BLOB = USABLE_BYTES_PER_BLOB  # 126,976
ZKSYNC_MAX_BLOBS_PER_BATCH = MAX_BLOBS_PER_BATCH


def _check_constants() -> None:
    if BLS_MODULUS.bit_length() != 255 or (BLS_MODULUS - 1) % FIELD_ELEMENTS_PER_BLOB:
        raise RuntimeError("BLS_MODULUS does not have the expected shape")
    root = pow(PRIMITIVE_ROOT_OF_UNITY, (BLS_MODULUS - 1) // FIELD_ELEMENTS_PER_BLOB, BLS_MODULUS)
    n = FIELD_ELEMENTS_PER_BLOB
    if pow(root, n // 2, BLS_MODULUS) == 1 or pow(root, n, BLS_MODULUS) != 1:
        raise RuntimeError("the root of unity does not have order FIELD_ELEMENTS_PER_BLOB")
    if (1 << (8 * ZKSYNC_BYTES_PER_FIELD_ELEMENT)) > BLS_MODULUS:
        raise RuntimeError("31-byte chunks must always be canonical field elements")


_check_constants()
