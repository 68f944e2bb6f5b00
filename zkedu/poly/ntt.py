"""The number-theoretic transform (NTT): a polynomial's values on the n-th roots of unity in O(n log n).

The NTT of coefficients a_0, ..., a_(n-1) (ascending) is the list of values A(ω^k) = Σ_j a_j·ω^(jk),
k = 0, ..., n - 1, with ω = ``field.root_of_unity(n)``: the discrete Fourier transform with a finite
field in place of the complex numbers. The inverse NTT turns the values back into coefficients.

Source: Cooley and Tukey, "An algorithm for the machine calculation of complex Fourier series" (1965);
Cormen et al., Introduction to Algorithms, 3rd ed., §30.2-30.3.
"""

from __future__ import annotations

from collections.abc import Sequence

from zkedu.poly._common import Element, Field, check_domain_size, to_element


def _check_values(field: Field, values: Sequence[int | Element]) -> list[Element]:
    check_domain_size(field, len(values))
    return [to_element(field, v) for v in values]


def dft_naive(field: Field, values: Sequence[int | Element]) -> list[Element]:
    """The transform straight from its definition, A(ω^k) = Σ_j a_j·ω^(jk): n² multiplications.

    Source: Cormen et al., §30.2, equation (30.8).

    >>> from zkedu.field import PrimeField
    >>> F = PrimeField(17)
    >>> [int(v) for v in dft_naive(F, [1, 2, 3, 4])] == [int(v) for v in ntt(F, [1, 2, 3, 4])]
    True
    """
    a = _check_values(field, values)
    n = len(a)
    omega = field.root_of_unity(n)
    out = []
    for k in range(n):
        w_k, w, acc = omega**k, field(1), field(0)
        for a_j in a:  # Horner would be faster; the point here is the plain double sum
            acc = acc + a_j * w
            w = w * w_k
        out.append(acc)
    return out


def fft(a: list[Element], omega: Element) -> list[Element]:
    """The values A(ω^0), ..., A(ω^(n-1)) by recursive radix-2 Cooley-Tukey; n = len(a) a power of two, ω of order n.

    Split A(X) = E(X²) + X·O(X²) into even- and odd-indexed coefficients. Because ω² is a primitive
    (n/2)-th root of unity, E and O need only n/2 values each, on the half-size domain; then for
    k < n/2 (and ω^(k + n/2) = -ω^k)::

        A(ω^k)       = E(ω^2k) + ω^k·O(ω^2k)
        A(ω^(k+n/2)) = E(ω^2k) - ω^k·O(ω^2k)
    """
    n = len(a)
    if n == 1:
        return a
    even = fft(a[0::2], omega * omega)
    odd = fft(a[1::2], omega * omega)
    out: list[Element] = [None] * n
    w = omega**0
    for k in range(n // 2):
        t = w * odd[k]
        out[k] = even[k] + t
        out[k + n // 2] = even[k] - t
        w = w * omega
    return out


def ntt(field: Field, coeffs: Sequence[int | Element]) -> list[Element]:
    """The values of the polynomial with ``coeffs`` (ascending) at ω^0, ..., ω^(n-1), n = len(coeffs).

    Source: Cooley and Tukey (1965); Cormen et al., §30.2 (the recursive FFT).

    >>> from zkedu.field import PrimeField
    >>> F = PrimeField(17)
    >>> values = ntt(F, [1, 2, 3, 4])
    >>> [int(v) for v in intt(F, values)]
    [1, 2, 3, 4]
    """
    a = _check_values(field, coeffs)
    return fft(a, field.root_of_unity(len(a)))


def intt(field: Field, values: Sequence[int | Element]) -> list[Element]:
    """The coefficients (ascending) of the polynomial of degree < n with these values at ω^0, ..., ω^(n-1).

    Since Σ_k ω^(jk) is n when j ≡ 0 (mod n) and 0 otherwise, the inverse is the same transform with
    ω^-1 in place of ω, divided by n.

    Source: Cormen et al., §30.2, Theorem 30.7 and equation (30.11).
    """
    a = _check_values(field, values)
    n = len(a)
    inv_n = field(1) / field(n)
    return [v * inv_n for v in fft(a, field(1) / field.root_of_unity(n))]


def coset_ntt(field: Field, coeffs: Sequence[int | Element], offset: int | Element) -> list[Element]:
    """The values of the polynomial at c·ω^0, ..., c·ω^(n-1): NTT of the coefficients a_j·c^j.

    A(c·X) has coefficients a_j·c^j, so evaluating A on the coset c·H is evaluating A(c·X) on H.
    """
    a = _check_values(field, coeffs)
    c = to_element(field, offset)
    if c == 0:
        raise ValueError(f"a coset offset must be nonzero, got {offset!r}")
    scaled, power = [], field(1)
    for a_j in a:
        scaled.append(a_j * power)
        power = power * c
    return fft(scaled, field.root_of_unity(len(a)))


def coset_intt(field: Field, values: Sequence[int | Element], offset: int | Element) -> list[Element]:
    """The coefficients of the polynomial of degree < n with these values at c·ω^0, ..., c·ω^(n-1)."""
    c = to_element(field, offset)
    if c == 0:
        raise ValueError(f"a coset offset must be nonzero, got {offset!r}")
    scaled = intt(field, values)  # coefficients of A(c·X)
    c_inv, power, out = field(1) / c, field(1), []
    for b_j in scaled:
        out.append(b_j * power)
        power = power * c_inv
    return out
