"""Shared helpers of ``zkedu.poly``: the field types, coercion into a field, power-of-two domain sizes.

Source: the radix-2 NTT needs n | p - 1 with n a power of two, i.e. log2(n) <= the 2-adicity of p - 1.
"""

from __future__ import annotations

from numbers import Integral
from typing import TypeAlias

from zkedu.field import FieldElement, PrimeField

Field: TypeAlias = PrimeField
Element: TypeAlias = FieldElement


def to_element(field: Field, value: object) -> Element:
    """``value`` as an element of ``field``: ints are reduced mod p; elements of another field raise TypeError."""
    return field(value)


def is_power_of_two(n: int) -> bool:
    """True when ``n`` is 1, 2, 4, 8, ...

    >>> [n for n in range(10) if is_power_of_two(n)]
    [1, 2, 4, 8]
    """
    return n >= 1 and n & (n - 1) == 0


def check_domain_size(field: Field, n: object) -> int:
    """Return ``n`` if a multiplicative subgroup of size ``n`` exists in ``field`` and is a power of two.

    Raises TypeError when ``n`` is not an int and ValueError naming ``n`` otherwise.
    """
    if not isinstance(field, PrimeField):
        raise TypeError(f"power-of-two domains are built in a prime field, got {field!r}")
    if isinstance(n, bool) or not isinstance(n, Integral):
        raise TypeError(f"a domain size must be an int, got {n!r}")
    n = int(n)
    if not is_power_of_two(n):
        raise ValueError(f"domain size must be a power of two, got {n}")
    s = field.two_adicity
    if n > 2**s:
        raise ValueError(
            f"domain size {n} = 2^{n.bit_length() - 1} is too large for the field mod {field.modulus}: "
            f"its 2-adicity is {s}, so domains hold at most 2^{s} points"
        )
    return n
