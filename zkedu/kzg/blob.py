"""Blobs as polynomials: the field-level half of EIP-4844 (no curve operations here).

A blob is 4,096 big-endian 32-byte field elements of BLS12-381's scalar field (``BLS12_381_FR``). They are
the *evaluations* of a polynomial of degree < 4,096 on the 4,096th roots of unity, listed in bit-reversal
order. ``blob_to_polynomial`` returns that polynomial as the book's ``PolynomialEvals`` on the blob's
``Domain`` (natural order ω^0, ω^1, ...), so blob value i sits at ω^reverse_bits(i). The spec's scalar
interface stays: bytes in, field elements as ints in [0, BLS_MODULUS) out.

Spec: consensus-specs deneb/polynomial-commitments.md, "Helper functions", "BLS12-381 helpers" and
"Polynomials"; EIP-4844.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from zkedu._checks import require_bytes, require_int
from zkedu.blobpack import pack_bytes_into_blob as pack_bytes_into_blob  # re-exported: ZKsync's packing
from zkedu.blobpack import unpack_bytes_from_blob as unpack_bytes_from_blob
from zkedu.field import BLS12_381_FR
from zkedu.hashing import sha256
from zkedu.kzg.constants import (
    BLS_MODULUS,
    BYTES_PER_BLOB,
    BYTES_PER_COMMITMENT,
    BYTES_PER_FIELD_ELEMENT,
    FIAT_SHAMIR_PROTOCOL_DOMAIN,
    FIELD_ELEMENTS_PER_BLOB,
    KZG_ENDIANNESS,
)
from zkedu.poly import Domain, PolynomialEvals, is_power_of_two

BLSFieldElement = int  # an int in [0, BLS_MODULUS), as in the spec


@lru_cache(maxsize=4)
def blob_domain(size: int = FIELD_ELEMENTS_PER_BLOB) -> Domain:
    """The blob's evaluation domain: the ``size``-th roots of unity of BLS12_381_FR (generator 7, as the spec).

    >>> D = blob_domain(4)
    >>> int(D[1]) == pow(7, (BLS_MODULUS - 1) // 4, BLS_MODULUS)
    True
    """
    return Domain(BLS12_381_FR, size)


def reverse_bits(n: int, order: int) -> int:
    """Reverse the low log2(order) bits of ``n``.

    Spec: deneb "reverse_bits".

    >>> reverse_bits(1, 8), reverse_bits(3, 8), reverse_bits(6, 8)
    (4, 6, 3)
    """
    if not is_power_of_two(order):
        raise ValueError(f"order must be a power of two, got {order}")
    if not 0 <= n < order:
        raise ValueError(f"index must be in [0, {order}), got {n}")
    width = order.bit_length() - 1
    return int(format(n, f"0{width}b")[::-1], 2) if width else 0


def bit_reversal_permutation(sequence: Sequence) -> list:
    """Reorder ``sequence`` (length a power of two) so item i moves to position reverse_bits(i).

    Spec: deneb "bit_reversal_permutation".

    >>> bit_reversal_permutation([0, 1, 2, 3, 4, 5, 6, 7])
    [0, 4, 2, 6, 1, 5, 3, 7]
    """
    n = len(sequence)
    return [sequence[reverse_bits(i, n)] for i in range(n)]


def bytes_to_bls_field(b: bytes) -> BLSFieldElement:
    """Read a 32-byte big-endian field element, refusing non-canonical values (>= BLS_MODULUS).

    Spec: deneb "bytes_to_bls_field".

    >>> bytes_to_bls_field((5).to_bytes(32, "big"))
    5
    >>> bytes_to_bls_field(BLS_MODULUS.to_bytes(32, "big"))
    Traceback (most recent call last):
    ...
    ValueError: field element 0x73eda753...00000001 is not canonical: it must be below BLS_MODULUS
    """
    b = require_bytes(b, BYTES_PER_FIELD_ELEMENT, "field element")
    value = int.from_bytes(b, KZG_ENDIANNESS)
    if value >= BLS_MODULUS:
        h = b.hex()
        raise ValueError(f"field element 0x{h[:8]}...{h[-8:]} is not canonical: it must be below BLS_MODULUS")
    return value


def bls_field_to_bytes(x: BLSFieldElement) -> bytes:
    """Write a field element as 32 big-endian bytes.

    Spec: deneb "bls_field_to_bytes".
    """
    require_int(x, "field element")
    if not 0 <= x < BLS_MODULUS:
        raise ValueError(f"field element {x} is not in [0, BLS_MODULUS)")
    return x.to_bytes(BYTES_PER_FIELD_ELEMENT, KZG_ENDIANNESS)


def blob_to_polynomial(blob: bytes) -> PolynomialEvals:
    """The blob's polynomial in evaluation form, each of its 4,096 field elements checked canonical.

    The blob lists p(ω^reverse_bits(i)) at position i; the result holds the same values in the domain's
    natural order, i.e. the blob's list put through ``bit_reversal_permutation`` (its own inverse).

    Spec: deneb "blob_to_polynomial".
    """
    blob = require_bytes(blob, BYTES_PER_BLOB, "blob")
    values = []
    for i in range(FIELD_ELEMENTS_PER_BLOB):
        chunk = blob[i * BYTES_PER_FIELD_ELEMENT : (i + 1) * BYTES_PER_FIELD_ELEMENT]
        value = int.from_bytes(chunk, KZG_ENDIANNESS)
        if value >= BLS_MODULUS:
            raise ValueError(f"blob field element {i} (0x{chunk.hex()[:8]}...) is not canonical")
        values.append(value)
    return PolynomialEvals(blob_domain(), bit_reversal_permutation(values))


def evaluate_polynomial_in_evaluation_form(polynomial: PolynomialEvals, z: int) -> BLSFieldElement:
    """p(z) for a blob polynomial in evaluation form, at any z, by the barycentric formula (as an int).

    Spec: deneb "evaluate_polynomial_in_evaluation_form"; the formula is ``PolynomialEvals.evaluate``'s.

    >>> const = PolynomialEvals(blob_domain(4), [7, 7, 7, 7])
    >>> evaluate_polynomial_in_evaluation_form(const, 123456789)
    7
    """
    if not isinstance(polynomial, PolynomialEvals) or polynomial.field != BLS12_381_FR:
        raise TypeError(f"expected a PolynomialEvals over BLS12_381_FR, got {type(polynomial).__name__}")
    return polynomial.evaluate_fast(z).value


def hash_to_bls_field(data: bytes) -> BLSFieldElement:
    """SHA-256 of ``data`` read big-endian and reduced modulo BLS_MODULUS.

    Spec: deneb "hash_to_bls_field".
    """
    return int.from_bytes(sha256(data), KZG_ENDIANNESS) % BLS_MODULUS


def compute_challenge(blob: bytes, commitment: bytes) -> BLSFieldElement:
    """The Fiat-Shamir evaluation point for a blob: a hash of the domain, the degree, the blob and its commitment.

    Spec: deneb "compute_challenge".
    """
    blob = require_bytes(blob, BYTES_PER_BLOB, "blob")
    commitment = require_bytes(commitment, BYTES_PER_COMMITMENT, "commitment")
    degree_poly = FIELD_ELEMENTS_PER_BLOB.to_bytes(16, KZG_ENDIANNESS)
    return hash_to_bls_field(FIAT_SHAMIR_PROTOCOL_DOMAIN + degree_poly + blob + commitment)
