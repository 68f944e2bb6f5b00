"""KZG polynomial commitments and the EIP-4844 blob API.

- ``zkedu.kzg.kzg``: KZG on any curve for ``zkedu.poly.Polynomial``: commit, open, verify, multi-open.
- ``zkedu.kzg.setup``: the insecure teaching setup (visible τ) and Ethereum's ceremony output from py-evm.
- ``zkedu.kzg.blob``: blobs as ``zkedu.poly.PolynomialEvals`` on their ``Domain`` (field level: challenge, evaluation).
- ``zkedu.kzg.eip4844``: the byte-level EIP-4844 API, byte-identical with ckzg.
- ``zkedu.kzg.merkle``: re-exports :mod:`zkedu.merkle`, the hash-based vector commitment (KZG's contrast).

Spec: consensus-specs deneb/polynomial-commitments.md; EIP-4844.
"""

from __future__ import annotations

from zkedu.kzg.blob import (
    bit_reversal_permutation,
    blob_domain,
    blob_to_polynomial,
    bls_field_to_bytes,
    bytes_to_bls_field,
    compute_challenge,
    evaluate_polynomial_in_evaluation_form,
    hash_to_bls_field,
    pack_bytes_into_blob,
    unpack_bytes_from_blob,
)
from zkedu.kzg.constants import (
    BLS_MODULUS,
    BYTES_PER_BLOB,
    BYTES_PER_COMMITMENT,
    BYTES_PER_FIELD_ELEMENT,
    BYTES_PER_PROOF,
    FIAT_SHAMIR_PROTOCOL_DOMAIN,
    FIELD_ELEMENTS_PER_BLOB,
    G1_POINT_AT_INFINITY,
    KZG_ENDIANNESS,
    POINT_EVALUATION_PRECOMPILE_ADDRESS,
    PRIMITIVE_ROOT_OF_UNITY,
    RANDOM_CHALLENGE_KZG_BATCH_DOMAIN,
    VERSIONED_HASH_VERSION_KZG,
    ZKSYNC_USABLE_BYTES_PER_BLOB,
)
from zkedu.kzg.eip4844 import (
    blob_to_kzg_commitment,
    compute_blob_kzg_proof,
    compute_kzg_proof,
    kzg_to_versioned_hash,
    point_evaluation_precompile,
    verify_blob_kzg_proof,
    verify_blob_kzg_proof_batch,
    verify_kzg_proof,
)
from zkedu.kzg.kzg import (
    commit_polynomial,
    compute_multi_opening_proof,
    compute_opening_proof,
    verify_multi_opening,
    verify_opening,
)
from zkedu.kzg.setup import TrustedSetup, insecure_setup, load_mainnet_setup, trusted_setup_path

__all__ = [
    "BLS_MODULUS",
    "BYTES_PER_BLOB",
    "BYTES_PER_COMMITMENT",
    "BYTES_PER_FIELD_ELEMENT",
    "BYTES_PER_PROOF",
    "FIAT_SHAMIR_PROTOCOL_DOMAIN",
    "FIELD_ELEMENTS_PER_BLOB",
    "G1_POINT_AT_INFINITY",
    "KZG_ENDIANNESS",
    "POINT_EVALUATION_PRECOMPILE_ADDRESS",
    "PRIMITIVE_ROOT_OF_UNITY",
    "RANDOM_CHALLENGE_KZG_BATCH_DOMAIN",
    "VERSIONED_HASH_VERSION_KZG",
    "ZKSYNC_USABLE_BYTES_PER_BLOB",
    "TrustedSetup",
    "bit_reversal_permutation",
    "blob_domain",
    "blob_to_kzg_commitment",
    "blob_to_polynomial",
    "bls_field_to_bytes",
    "bytes_to_bls_field",
    "commit_polynomial",
    "compute_blob_kzg_proof",
    "compute_challenge",
    "compute_kzg_proof",
    "compute_multi_opening_proof",
    "compute_opening_proof",
    "evaluate_polynomial_in_evaluation_form",
    "hash_to_bls_field",
    "insecure_setup",
    "kzg_to_versioned_hash",
    "load_mainnet_setup",
    "pack_bytes_into_blob",
    "point_evaluation_precompile",
    "trusted_setup_path",
    "unpack_bytes_from_blob",
    "verify_blob_kzg_proof",
    "verify_blob_kzg_proof_batch",
    "verify_kzg_proof",
    "verify_multi_opening",
    "verify_opening",
]
