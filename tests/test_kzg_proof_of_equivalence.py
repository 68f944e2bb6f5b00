"""The proof of equivalence of chapter 5: the circuit's and the blob's views of the data give the same p(z).

The circuit reads the data as coefficients (Horner at z); L1 opens the blob, the same polynomial in
bit-reversed evaluation form, at z = H(linear hash, versioned hash). Both must agree, and ckzg's opening
(the oracle) must agree with both. A different blob gives a different value at its own z.
"""

from __future__ import annotations

import random

import ckzg

from zkedu.blobpack import pack_into_blobs
from zkedu.kzg import (
    blob_to_kzg_commitment,
    blob_to_polynomial,
    evaluate_polynomial_in_evaluation_form,
    kzg_to_versioned_hash,
)
from zkedu.rollup.da import blob_linear_hash, blob_opening_point


def opening_point(blob: bytes) -> int:
    return blob_opening_point(blob_linear_hash(blob), kzg_to_versioned_hash(blob_to_kzg_commitment(blob)))


def test_coefficients_and_evaluation_form_agree_at_z_and_with_ckzg(ckzg_setup: object) -> None:
    (blob,) = pack_into_blobs(random.Random(7).randbytes(5_000))
    z = opening_point(blob)
    evals = blob_to_polynomial(blob)
    y_circuit = int(evals.to_polynomial()(z))  # the circuit's view: coefficients, Horner
    y_blob = evaluate_polynomial_in_evaluation_form(evals, z)  # L1's view: barycentric on the blob
    _, y_ckzg = ckzg.compute_kzg_proof(blob, z.to_bytes(32, "big"), ckzg_setup)
    assert y_circuit == y_blob == int.from_bytes(y_ckzg, "big")


def test_a_blob_with_other_data_opens_to_another_value() -> None:
    data = bytearray(random.Random(8).randbytes(3_000))
    (honest,) = pack_into_blobs(bytes(data))
    data[100] ^= 1
    (other,) = pack_into_blobs(bytes(data))
    z = opening_point(honest)
    assert opening_point(other) != z  # z hashes the data: changing it moves the point
    assert (evaluate_polynomial_in_evaluation_form(blob_to_polynomial(honest), z)
            != evaluate_polynomial_in_evaluation_form(blob_to_polynomial(other), z))
