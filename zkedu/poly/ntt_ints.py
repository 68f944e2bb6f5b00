"""The NTT on plain Python ints for large prime fields (BN254's and BLS12-381's scalar fields): the prover's fast path.

The same transform as ``zkedu.poly.ntt.ntt`` (same ω = ``field.root_of_unity(n)``, same output order), but on
ints in [0, p) instead of ``FieldElement`` objects, computed iteratively: reorder the input by bit-reversed
index, then log2(n) rounds of butterflies with a precomputed table of twiddle factors. Word-sized fields have
the numpy path (``ntt_numpy``); 254-bit fields do not fit a machine word, so this path keeps Python ints and
saves the object overhead instead, and computes on GMP integers (``zkedu._bigint``) inside the butterflies.

Source: Cormen et al., Introduction to Algorithms, 3rd ed., §30.3 (iterative FFT, bit-reversal permutation).
"""

from __future__ import annotations

from collections.abc import Sequence

from zkedu._bigint import big, bigs, smalls
from zkedu.poly._common import Element, Field, check_domain_size, to_element


def _bit_reversed(values: list[int]) -> list[int]:
    n = len(values)
    bits = n.bit_length() - 1
    return [values[int(format(i, f"0{bits}b")[::-1], 2) if bits else 0] for i in range(n)]


def _fft_ints(values: list[int], omega: int, p: int) -> list[int]:
    """Iterative radix-2 Cooley-Tukey on ints mod p (len(values) a power of two, omega of that order)."""
    a = bigs(_bit_reversed(values))
    omega, p = big(omega), big(p)
    n = len(a)
    twiddles = [big(1)] * max(n // 2, 1)
    for i in range(1, n // 2):
        twiddles[i] = twiddles[i - 1] * omega % p
    half = 1
    while half < n:
        step = n // (2 * half)
        tw = twiddles[::step][:half]
        for start in range(0, n, 2 * half):
            for j in range(half):
                u, t = a[start + j], a[start + j + half] * tw[j] % p
                a[start + j] = (u + t) % p
                a[start + j + half] = (u - t) % p
        half *= 2
    return smalls(a)


def _check(field: Field, values: Sequence[int]) -> tuple[list[int], int]:
    check_domain_size(field, len(values))
    p = field.modulus
    return [int(v) % p for v in values], p


def ntt_ints(field: Field, coeffs: Sequence[int]) -> list[int]:
    """``ntt`` on ints: the values at ω^0, ..., ω^(n-1) of the polynomial with these coefficients.

    >>> from zkedu.field import PrimeField
    >>> from zkedu.poly.ntt import ntt
    >>> F = PrimeField(17)
    >>> ntt_ints(F, [1, 2, 3, 4]) == [int(v) for v in ntt(F, [1, 2, 3, 4])]
    True
    """
    a, p = _check(field, coeffs)
    return _fft_ints(a, int(field.root_of_unity(len(a))), p)


def intt_ints(field: Field, values: Sequence[int]) -> list[int]:
    """``intt`` on ints: the coefficients of the polynomial of degree < n with these values on H."""
    a, p = _check(field, values)
    n = len(a)
    inv_n = pow(n, -1, p)
    return [v * inv_n % p for v in _fft_ints(a, pow(int(field.root_of_unity(n)), -1, p), p)]


def coset_ntt_ints(field: Field, coeffs: Sequence[int], offset: int | Element) -> list[int]:
    """``coset_ntt`` on ints: the values at c·ω^0, ..., c·ω^(n-1)."""
    a, p = _check(field, coeffs)
    c = int(to_element(field, offset))
    if c == 0:
        raise ValueError(f"a coset offset must be nonzero, got {offset!r}")
    power = 1
    for i in range(len(a)):
        a[i] = a[i] * power % p
        power = power * c % p
    return _fft_ints(a, int(field.root_of_unity(len(a))), p)


def coset_intt_ints(field: Field, values: Sequence[int], offset: int | Element) -> list[int]:
    """``coset_intt`` on ints: the coefficients of the polynomial with these values on c·H."""
    c = int(to_element(field, offset))
    if c == 0:
        raise ValueError(f"a coset offset must be nonzero, got {offset!r}")
    out, p = intt_ints(field, values), field.modulus
    c_inv, power = pow(c, -1, p), 1
    for i in range(len(out)):
        out[i] = out[i] * power % p
        power = power * c_inv % p
    return out
