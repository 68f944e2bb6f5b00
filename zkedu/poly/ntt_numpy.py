"""A vectorised NTT for word-sized fields (p < 2^32, such as BabyBear, and Goldilocks) on ``zkedu.field_vec`` arrays.

The same transform as ``zkedu.poly.ntt.ntt`` (same ω = ``field.root_of_unity(n)``, same output order),
computed iteratively: reorder the input by bit-reversed index, then log2(n) rounds of butterflies, each
round one vectorised multiplication, addition and subtraction over all n/2 pairs at once. Arrays hold
field elements in ``field_vec``'s uint64 representation: build them with ``field_vec.from_ints`` and
read them with ``field_vec.to_ints``.

Source: Cormen et al., Introduction to Algorithms, 3rd ed., §30.3 (iterative FFT, bit-reversal).
"""

from __future__ import annotations

import numpy as np

from zkedu import field_vec as fv
from zkedu.poly._common import Element, Field, check_domain_size


def bit_reverse_permutation(n: int) -> np.ndarray:
    """Indices 0..n-1 with their log2(n) bits reversed (n a power of two).

    >>> bit_reverse_permutation(8).tolist()
    [0, 4, 2, 6, 1, 5, 3, 7]
    """
    bits = n.bit_length() - 1
    idx = np.arange(n, dtype=np.int64)
    rev = np.zeros(n, dtype=np.int64)
    for b in range(bits):
        rev |= ((idx >> b) & 1) << (bits - 1 - b)
    return rev


def _powers(field: Field, w: Element, count: int) -> np.ndarray:
    """w^0, ..., w^(count-1) as a field_vec array, by doubling: [P, P·w^len(P)]."""
    powers = fv.from_ints(field, [1])
    while len(powers) < count:
        powers = np.concatenate([powers, fv.mul(field, powers, int(w ** len(powers)))])
    return powers[:count]


def _check_array(field: Field, values: np.ndarray) -> int:
    if not isinstance(values, np.ndarray) or values.dtype != np.uint64 or values.ndim != 1:
        raise TypeError(
            f"expected a 1-D uint64 array from field_vec.from_ints, got {type(values).__name__} "
            f"{getattr(values, 'dtype', '')} {getattr(values, 'shape', '')}"
        )
    return check_domain_size(field, len(values))


def _transform(field: Field, values: np.ndarray, omega: Element) -> np.ndarray:
    n = len(values)
    a = values[bit_reverse_permutation(n)]
    powers = _powers(field, omega, max(1, n // 2))
    m = 1
    while m < n:
        # Blocks of 2m: the first m entries are E's values, the last m are O's (each on the m-point
        # domain); combine with the 2m-th root ω^(n/2m): A_k = E_k + w^k·O_k, A_(k+m) = E_k - w^k·O_k.
        # Flat n/2-long operands keep every round's shape the same (field_vec reuses its work buffers).
        blocks = a.reshape(n // (2 * m), 2, m)
        even = np.ascontiguousarray(blocks[:, 0, :]).reshape(-1)
        odd = np.ascontiguousarray(blocks[:, 1, :]).reshape(-1)
        twiddles = np.tile(powers[:: n // (2 * m)][:m], n // (2 * m))
        t = fv.mul(field, odd, twiddles)
        top = fv.add(field, even, t).reshape(n // (2 * m), 1, m)
        bottom = fv.sub(field, even, t).reshape(n // (2 * m), 1, m)
        a = np.concatenate([top, bottom], axis=1).reshape(n)
        m *= 2
    return a


def ntt_numpy(field: Field, coeffs: np.ndarray) -> np.ndarray:
    """The values at ω^0, ..., ω^(n-1) of the polynomial with ``coeffs`` (ascending, a field_vec array).

    Source: Cormen et al., §30.3, ITERATIVE-FFT.

    >>> from zkedu.field import GOLDILOCKS
    >>> from zkedu import field_vec
    >>> from zkedu.poly.ntt import ntt
    >>> a = field_vec.from_ints(GOLDILOCKS, [1, 2, 3, 4])
    >>> field_vec.to_ints(GOLDILOCKS, ntt_numpy(GOLDILOCKS, a)) == [int(v) for v in ntt(GOLDILOCKS, [1, 2, 3, 4])]
    True
    """
    n = _check_array(field, coeffs)
    return _transform(field, coeffs, field.root_of_unity(n))


def intt_numpy(field: Field, values: np.ndarray) -> np.ndarray:
    """The coefficients (ascending) of the polynomial of degree < n with these values on the roots of unity.

    Source: Cormen et al., §30.2, equation (30.11): the NTT with ω^-1, divided by n.
    """
    n = _check_array(field, values)
    out = _transform(field, values, field(1) / field.root_of_unity(n))
    return fv.mul(field, out, int(field(1) / field(n)))
