"""Blobs as polynomials: the field-level half of EIP-4844 (no curve operations here).

A blob is 4,096 big-endian 32-byte field elements. They are the *evaluations* of a polynomial of degree
< 4,096 over the 4,096th roots of unity, taken in bit-reversal order: that is the `Polynomial` type
(evaluation form). Field elements are plain ints modulo BLS_MODULUS, as in the spec.

Spec: consensus-specs deneb/polynomial-commitments.md, "Helper functions", "BLS12-381 helpers" and
"Polynomials"; EIP-4844.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from zkedu.blobpack import pack_bytes_into_blob as pack_bytes_into_blob  # re-exported: ZKsync's packing
from zkedu.blobpack import unpack_bytes_from_blob as unpack_bytes_from_blob
from zkedu.hashing import sha256
from zkedu.kzg.constants import (
    BLS_MODULUS,
    BYTES_PER_BLOB,
    BYTES_PER_COMMITMENT,
    BYTES_PER_FIELD_ELEMENT,
    FIAT_SHAMIR_PROTOCOL_DOMAIN,
    FIELD_ELEMENTS_PER_BLOB,
    KZG_ENDIANNESS,
    PRIMITIVE_ROOT_OF_UNITY,
)

BLSFieldElement = int  # an int in [0, BLS_MODULUS)
Polynomial = list[int]  # evaluation form: values at the bit-reversed roots of unity


def require_bytes(value: object, length: int, what: str) -> bytes:
    """Check that ``value`` is a bytes-like object of exactly ``length`` bytes; return it as bytes."""
    if not isinstance(value, bytes | bytearray | memoryview):
        raise TypeError(f"{what} must be bytes, got {type(value).__name__}")
    value = bytes(value)
    if len(value) != length:
        raise ValueError(f"{what} must be {length} bytes, got {len(value)}")
    return value


def is_power_of_two(n: int) -> bool:
    """True for 1, 2, 4, 8, ...

    >>> [n for n in range(10) if is_power_of_two(n)]
    [1, 2, 4, 8]
    """
    return n > 0 and n & (n - 1) == 0


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


def compute_roots_of_unity(order: int) -> list[int]:
    """The ``order`` powers of a primitive ``order``-th root of unity in the BLS scalar field, in natural order.

    Spec: deneb "compute_roots_of_unity".

    >>> roots = compute_roots_of_unity(4)
    >>> roots[0], pow(roots[1], 4, BLS_MODULUS), pow(roots[1], 2, BLS_MODULUS) == BLS_MODULUS - 1
    (1, 1, True)
    """
    if not is_power_of_two(order) or (BLS_MODULUS - 1) % order:
        raise ValueError(f"no subgroup of order {order} in the BLS scalar field")
    omega = pow(PRIMITIVE_ROOT_OF_UNITY, (BLS_MODULUS - 1) // order, BLS_MODULUS)
    roots = [1]
    for _ in range(order - 1):
        roots.append(roots[-1] * omega % BLS_MODULUS)
    return roots


@lru_cache(maxsize=4)
def roots_of_unity_brp(order: int = FIELD_ELEMENTS_PER_BLOB) -> tuple[int, ...]:
    """The blob's evaluation domain: the roots of unity in bit-reversal order (cached)."""
    return tuple(bit_reversal_permutation(compute_roots_of_unity(order)))


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
    if not isinstance(x, int) or isinstance(x, bool):
        raise TypeError(f"field element must be an int, got {type(x).__name__}")
    if not 0 <= x < BLS_MODULUS:
        raise ValueError(f"field element {x} is not in [0, BLS_MODULUS)")
    return x.to_bytes(BYTES_PER_FIELD_ELEMENT, KZG_ENDIANNESS)


def blob_to_polynomial(blob: bytes) -> Polynomial:
    """Split a blob into its 4,096 field elements (the polynomial's evaluations), each checked canonical.

    Spec: deneb "blob_to_polynomial".
    """
    blob = require_bytes(blob, BYTES_PER_BLOB, "blob")
    polynomial = []
    for i in range(FIELD_ELEMENTS_PER_BLOB):
        chunk = blob[i * BYTES_PER_FIELD_ELEMENT : (i + 1) * BYTES_PER_FIELD_ELEMENT]
        value = int.from_bytes(chunk, KZG_ENDIANNESS)
        if value >= BLS_MODULUS:
            raise ValueError(f"blob field element {i} (0x{chunk.hex()[:8]}...) is not canonical")
        polynomial.append(value)
    return polynomial


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


def batch_inverse(values: Sequence[int]) -> list[int]:
    """Invert many non-zero field elements with one modular inversion (Montgomery's trick).

    >>> [x * y % BLS_MODULUS for x, y in zip([2, 3, 5], batch_inverse([2, 3, 5]))]
    [1, 1, 1]
    """
    prefix = [1]
    for v in values:
        if v % BLS_MODULUS == 0:
            raise ZeroDivisionError("cannot invert 0 in the BLS scalar field")
        prefix.append(prefix[-1] * v % BLS_MODULUS)
    inv = pow(prefix[-1], -1, BLS_MODULUS)
    out = [0] * len(values)
    for i in range(len(values) - 1, -1, -1):
        out[i] = inv * prefix[i] % BLS_MODULUS
        inv = inv * values[i] % BLS_MODULUS
    return out


def evaluate_polynomial_in_evaluation_form(polynomial: Sequence[int], z: BLSFieldElement) -> BLSFieldElement:
    """Evaluate a polynomial given by its values on the (bit-reversed) roots of unity at any point z.

    Barycentric formula: p(z) = (z^n - 1) / n * sum_i p(w_i) * w_i / (z - w_i), with w_i the domain.
    Spec: deneb "evaluate_polynomial_in_evaluation_form".

    >>> evaluate_polynomial_in_evaluation_form([7, 7, 7, 7], 123456789)  # a constant polynomial
    7
    """
    width = len(polynomial)
    domain = roots_of_unity_brp(width)
    z %= BLS_MODULUS
    if z in domain:  # inside the domain we already know the answer
        return polynomial[domain.index(z)] % BLS_MODULUS
    inverses = batch_inverse([(z - w) % BLS_MODULUS for w in domain])
    total = sum(p * w % BLS_MODULUS * inv for p, w, inv in zip(polynomial, domain, inverses, strict=True))
    factor = (pow(z, width, BLS_MODULUS) - 1) * pow(width, -1, BLS_MODULUS)
    return total % BLS_MODULUS * factor % BLS_MODULUS


def compute_quotient_eval_within_domain(
    z: BLSFieldElement, polynomial: Sequence[int], y: BLSFieldElement
) -> BLSFieldElement:
    """The quotient q(z) = (p(X) - y) / (X - z) at X = z when z is itself a domain point (where 0/0 appears).

    Uses q(z) = sum over w_i != z of (p(w_i) - y) * w_i / (z * (z - w_i)).
    Spec: deneb "compute_quotient_eval_within_domain".
    """
    domain = roots_of_unity_brp(len(polynomial))
    result = 0
    for p_i, w_i in zip(polynomial, domain, strict=True):
        if w_i == z:
            continue
        numerator = (p_i - y) * w_i % BLS_MODULUS
        denominator = z * (z - w_i) % BLS_MODULUS
        result += numerator * pow(denominator, -1, BLS_MODULUS)
    return result % BLS_MODULUS


def compute_quotient_in_evaluation_form(
    polynomial: Sequence[int], z: BLSFieldElement, y: BLSFieldElement
) -> Polynomial:
    """The evaluations of q(X) = (p(X) - y) / (X - z) on the domain; the proof commits to this polynomial.

    Spec: deneb "compute_kzg_proof_impl" (the quotient loop, including the in-domain special case).
    """
    domain = roots_of_unity_brp(len(polynomial))
    in_domain = [i for i, w in enumerate(domain) if w == z]
    denominators = [(w - z) % BLS_MODULUS or 1 for w in domain]  # the 0 at an in-domain z is patched below
    inverses = batch_inverse(denominators)
    quotient = [(p - y) * inv % BLS_MODULUS for p, inv in zip(polynomial, inverses, strict=True)]
    for i in in_domain:
        quotient[i] = compute_quotient_eval_within_domain(z, polynomial, y)
    return quotient
