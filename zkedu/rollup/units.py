"""Amounts of ETH and the checks every fee function applies to its inputs: wei, gwei, exact ceilings.

All fee arithmetic is on integers (wei, gas); a float or decimal input is read exactly or refused, so no
result depends on floating-point rounding.

Source: ERA core/lib/utils (ceil_div); the Ethereum yellow paper's denominations (1 gwei = 10^9 wei).
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from numbers import Real

GWEI = 10**9


def as_whole_number(name: str, value: object, *, positive: bool = False) -> int:
    """A whole, non-negative (or positive) number as an int; floats are accepted when integral.

    >>> as_whole_number("gas", 21_000.0)
    21000
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}: {value!r}")
    if not isinstance(value, int):
        if not math.isfinite(value) or value != int(value):
            raise ValueError(f"{name} must be a whole number, got {value!r}")
        value = int(value)
    if value < 0 or (positive and value == 0):
        raise ValueError(f"{name} must be {'positive' if positive else 'non-negative'}, got {value!r}")
    return value


def as_exact_fraction(name: str, value: object) -> Fraction:
    """A finite, non-negative real number, exactly (a float keeps its exact binary value)."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}: {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be non-negative, got {value!r}")
    return Fraction(value)


def ceil_div(a: int, b: int) -> int:
    """Exact integer ceiling of a / b for a >= 0, b > 0 (the server's ``ceil_div``).

    >>> ceil_div(7, 2), ceil_div(8, 2), ceil_div(0, 5)
    (4, 4, 0)
    """
    if b <= 0:
        raise ZeroDivisionError(f"ceil_div needs a positive divisor, got b={b!r}")
    return -(-a // b)


def gwei_to_wei(gwei: int | float | str | Decimal) -> int:
    """An amount in gwei, read as the decimal it is written as, in whole wei.

    >>> gwei_to_wei(46.23), gwei_to_wei("0.025")
    (46230000000, 25000000)
    """
    if isinstance(gwei, bool) or not isinstance(gwei, int | float | str | Decimal):
        raise TypeError(f"gwei must be a number or a decimal string, got {type(gwei).__name__}: {gwei!r}")
    try:
        exact = Decimal(str(gwei)) * GWEI
    except InvalidOperation:
        raise ValueError(f"gwei must be a decimal number, got {gwei!r}") from None
    if not exact.is_finite() or exact < 0 or exact != exact.to_integral_value():
        raise ValueError(f"gwei must be a non-negative amount with at most 9 decimals, got {gwei!r}")
    return int(exact)


def wei_to_gwei(wei: int) -> float:
    """Wei as gwei, a float for display only (the model itself never rounds through floats)."""
    return as_whole_number("wei", wei) / GWEI
