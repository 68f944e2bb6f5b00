"""Vectorised arithmetic for word-sized prime fields (Goldilocks, BabyBear, Mersenne31, any p < 2^32) on numpy uint64.

Arrays hold canonical values in ``[0, p)``. Every operation is exact: for p < 2^32 a product of two elements fits
in 64 bits; for Goldilocks (p = 2^64 - 2^32 + 1) the 128-bit product is built from 32-bit limbs and reduced with
2^64 = 2^32 - 1 and 2^96 = -1 (mod p). numpy's uint64 wraps silently, so every carry and borrow is handled here.

>>> from zkedu.field import PrimeField
>>> F = PrimeField(97)
>>> a = from_ints(F, [1, 2, 96])
>>> to_ints(F, mul(F, a, a)), to_ints(F, inv(F, a)), to_ints(F, pow(F, a, -1))
([1, 4, 1], [1, 49, 96], [1, 49, 96])

Source: Plonky2 / Boojum Goldilocks arithmetic (``reduce128``); Montgomery, "Speeding the Pollard and elliptic curve
methods of factorization", Math. Comp. 48 (1987), §10.3.1 (batch inversion).
"""

from __future__ import annotations

import builtins
import numbers
import threading
from collections.abc import Iterable

import numpy as np

from zkedu._checks import require_int
from zkedu.field import FieldElement, PrimeField

GOLDILOCKS_P = 2**64 - 2**32 + 1
_EPSILON = np.uint64(2**32 - 1)  # 2^64 mod Goldilocks
_MASK32 = np.uint64(2**32 - 1)
_S32 = np.uint64(32)
_M31 = 2**31 - 1
_SCRATCH = threading.local()


def check_field(field: PrimeField) -> int:
    """The modulus of ``field`` if the vectorised path supports it (p < 2^32 or Goldilocks), else ValueError."""
    if not isinstance(field, PrimeField):
        raise TypeError(f"field must be a PrimeField, got {type(field).__name__}: {field!r}")
    p = field.modulus
    if p >= 2**32 and p != GOLDILOCKS_P:
        raise ValueError(f"vectorised arithmetic needs a word-sized field (p < 2^32 or Goldilocks), got {field!r}")
    return p


def _check_array(p: int, arr: object, name: str) -> np.ndarray:
    """``arr`` if it is a uint64 array of canonical values (or an int / element, as a 0-d array)."""
    if isinstance(arr, FieldElement | int | numbers.Integral) and not isinstance(arr, bool | np.bool_):
        if isinstance(arr, FieldElement) and arr.field.modulus != p:
            raise TypeError(f"{name} is an element of {arr.field!r}, not of the field with p = {p}")
        return np.array(int(arr) % p, dtype=np.uint64)
    if not isinstance(arr, np.ndarray) or arr.dtype != np.uint64:
        kind = f"ndarray of {arr.dtype}" if isinstance(arr, np.ndarray) else type(arr).__name__
        raise TypeError(f"{name} must be a uint64 ndarray from from_ints(), got {kind}: {arr!r}")
    if arr.size and arr.max() >= p:
        i = int(np.argmax(arr >= p))
        raise ValueError(f"{name} is not canonical: value {int(arr.flat[i])} at index {i} is >= p = {p}")
    return arr


def from_ints(field: PrimeField, values: Iterable[int] | np.ndarray) -> np.ndarray:
    """A uint64 array of ``values`` reduced mod p; TypeError for non-integers (floats, bools, strings)."""
    p = check_field(field)
    if isinstance(values, np.ndarray) and values.dtype.kind == "u":
        arr = values.astype(np.uint64)
        return arr % np.uint64(p) if p != GOLDILOCKS_P else np.where(arr >= p, arr - np.uint64(p), arr)
    if isinstance(values, np.ndarray) and values.dtype.kind not in "iO":
        raise TypeError(f"values must be integers, got an ndarray of {values.dtype}")
    items = values.tolist() if isinstance(values, np.ndarray) else values
    out = []
    for i, v in enumerate(items):
        if isinstance(v, FieldElement) and v.field == field:
            out.append(v.value)
        elif isinstance(v, int) and not isinstance(v, bool):
            out.append(v % p)
        else:
            raise TypeError(f"values[{i}] must be an int, got {type(v).__name__}: {v!r}")
    return np.array(out, dtype=np.uint64)


def to_ints(field: PrimeField, arr: np.ndarray) -> list[int]:
    """The array's values as Python ints (flattened); ValueError if any value is not canonical."""
    p = check_field(field)
    return [int(x) for x in _check_array(p, arr, "arr").reshape(-1).tolist()]


def add(field: PrimeField, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Elementwise ``a + b mod p`` (broadcasting as numpy does)."""
    p = check_field(field)
    a, b = _check_array(p, a, "a"), _check_array(p, b, "b")
    s = a + b  # may wrap past 2^64 for Goldilocks
    if p == GOLDILOCKS_P:
        s = np.where(s < a, s + _EPSILON, s)  # a wrap dropped 2^64 = 2^32 - 1 (mod p): add it back
    return np.where(s >= p, s - np.uint64(p), s)


def sub(field: PrimeField, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Elementwise ``a - b mod p``."""
    p = check_field(field)
    a, b = _check_array(p, a, "a"), _check_array(p, b, "b")
    d = a - b  # wraps to a - b + 2^64 when a < b; adding p then wraps back to a - b + p
    return np.where(a < b, d + np.uint64(p), d)


def neg(field: PrimeField, a: np.ndarray) -> np.ndarray:
    """Elementwise ``-a mod p``."""
    p = check_field(field)
    a = _check_array(p, a, "a")
    return np.where(a == 0, a, np.uint64(p) - a)


def reduce_mersenne31(x: int) -> int:
    """x mod p for p = 2^31 - 1 and 0 <= x < 2^62 (a product of two elements), without division.

    Since 2^31 ≡ 1 (mod p), x = hi·2^31 + lo ≡ hi + lo: fold the high bits onto the low bits, twice (the first
    fold leaves at most 32 bits), then subtract p once if needed. ``_reduce_m31`` does the same on arrays.

    >>> reduce_mersenne31((2**31 - 2) ** 2) == (2**31 - 2) ** 2 % (2**31 - 1)
    True
    """
    if require_int(x, "x") < 0 or x >= 1 << 62:
        raise ValueError(f"x must be in [0, 2^62), got {x}")
    x = (x & _M31) + (x >> 31)
    x = (x & _M31) + (x >> 31)
    return x - _M31 if x >= _M31 else x


def reduce_goldilocks(x: int) -> int:
    """x mod p for p = 2^64 - 2^32 + 1 and 0 <= x < 2^128 (a product of two elements), without division.

    Split x = hi_hi·2^96 + hi_lo·2^64 + lo into 32-, 32- and 64-bit parts. Since 2^64 ≡ 2^32 - 1 and
    2^96 ≡ -1 (mod p), x ≡ lo + hi_lo·(2^32 - 1) - hi_hi, a number in (-2^32, 2^65): a few additions or
    subtractions of p finish the job. ``_mul_goldilocks`` computes the same on arrays of 64-bit words.

    Source: Plonky2 ``reduce128`` (goldilocks_field.rs).

    >>> reduce_goldilocks((2**64 - 2**32) ** 2) == (2**64 - 2**32) ** 2 % (2**64 - 2**32 + 1)
    True
    """
    if require_int(x, "x") < 0 or x >= 1 << 128:
        raise ValueError(f"x must be in [0, 2^128), got {x}")
    lo, hi = x & (2**64 - 1), x >> 64
    hi_lo, hi_hi = hi & (2**32 - 1), hi >> 32
    t = lo + hi_lo * (2**32 - 1) - hi_hi
    while t < 0:
        t += GOLDILOCKS_P
    while t >= GOLDILOCKS_P:
        t -= GOLDILOCKS_P
    return t


def _reduce_m31(x: np.ndarray) -> np.ndarray:
    # The array form of reduce_mersenne31: fold twice, then one conditional subtraction.
    m = np.uint64(_M31)
    x = (x & m) + (x >> np.uint64(31))
    x = (x & m) + (x >> np.uint64(31))
    return np.where(x >= m, x - m, x)


def _scratch(shape: tuple[int, ...]) -> tuple[np.ndarray, ...]:
    """Four uint64 and two bool work arrays of ``shape``, reused between calls (per thread).

    Fresh large arrays cost a page fault per 4 KiB on first touch, which would dominate a 25-pass multiplication.
    """
    cache = getattr(_SCRATCH, "bufs", None)
    if cache is None:
        cache = _SCRATCH.bufs = {}
    if shape not in cache:
        if len(cache) >= 4:
            cache.clear()
        cache[shape] = tuple(np.empty(shape, dtype=np.uint64) for _ in range(4)) + tuple(
            np.empty(shape, dtype=bool) for _ in range(2))
    return cache[shape]


def _mul_goldilocks(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    # The array form of reduce_goldilocks(a * b), on 64-bit words that wrap around.
    # Every step writes into a reused buffer (out=); only the result r is a fresh array. Conditional
    # corrections are multiplied by a 0/1 mask rather than done with where=, which is several times slower.
    shape = np.broadcast_shapes(a.shape, b.shape)
    s0, s1, s2, s3, c1, c2 = _scratch(shape)
    m, s32, eps, p = _MASK32, _S32, _EPSILON, np.uint64(GOLDILOCKS_P)
    np.bitwise_and(a, m, out=s0)  # a0
    np.right_shift(a, s32, out=s1)  # a1
    np.bitwise_and(b, m, out=s2)  # b0
    np.right_shift(b, s32, out=s3)  # b1
    # 128-bit product from 32-bit limbs: a*b = hh*2^64 + (lh + hl)*2^32 + ll; each partial product < 2^64.
    r = np.multiply(s0, s2)  # ll
    np.multiply(s0, s3, out=s0)  # lh
    np.multiply(s1, s2, out=s2)  # hl
    np.multiply(s1, s3, out=s1)  # hh
    np.add(s0, s2, out=s3)  # mid = lh + hl (may wrap)
    np.less(s3, s0, out=c1)  # ... carry into bit 64 of mid, i.e. bit 96 of the product
    np.left_shift(s3, s32, out=s0)
    np.add(r, s0, out=s0)  # lo = ll + (mid << 32) (may wrap)
    np.less(s0, r, out=c2)  # ... carry into hi
    np.right_shift(s3, s32, out=s3)
    np.add(s1, s3, out=s1)  # hi = hh + (mid >> 32) + carries
    np.add(s1, np.multiply(c1, np.uint64(1 << 32), out=s2), out=s1)
    np.add(s1, c2, out=s1)
    # hi*2^64 + lo with hi = hi_hi*2^32 + hi_lo is lo + hi_lo*(2^32 - 1) - hi_hi (mod p).
    np.right_shift(s1, s32, out=s3)  # hi_hi
    np.bitwise_and(s1, m, out=s1)  # hi_lo
    np.less(s0, s3, out=c1)
    np.subtract(s0, s3, out=r)  # t = lo - hi_hi (may borrow)
    np.subtract(r, np.multiply(c1, eps, out=s2), out=r)  # a borrow added 2^64 = 2^32 - 1 (mod p): take it away
    np.multiply(s1, eps, out=s1)  # hi_lo * (2^32 - 1) < 2^64
    np.add(r, s1, out=r)
    np.less(r, s1, out=c1)
    np.add(r, np.multiply(c1, eps, out=s2), out=r)  # a carry dropped 2^64: add back 2^32 - 1
    np.greater_equal(r, p, out=c1)
    np.subtract(r, np.multiply(c1, p, out=s2), out=r)
    return r


def _mul(p: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if p == GOLDILOCKS_P:
        return _mul_goldilocks(a, b)
    if p == _M31:
        return _reduce_m31(a * b)
    return (a * b) % np.uint64(p)  # a, b < 2^32, so a*b < 2^64 does not wrap


def mul(field: PrimeField, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Elementwise ``a * b mod p``, exact (no float rounding, no uint64 wrap-around)."""
    p = check_field(field)
    return _mul(p, _check_array(p, a, "a"), _check_array(p, b, "b"))


def inv(field: PrimeField, a: np.ndarray) -> np.ndarray:
    """Elementwise inverse by Montgomery's trick (tree form: one scalar inversion, ~3n multiplications).

    The numpy fast path of ``zkedu.field.batch_inverse`` (the tests check they agree).
    ZeroDivisionError naming the index of the first zero.
    """
    p = check_field(field)
    a = _check_array(p, a, "a")
    zeros = np.flatnonzero(a == 0)
    if zeros.size:
        raise ZeroDivisionError(f"zero has no inverse: a[{int(zeros[0])}] == 0 (flat index) in {field!r}")
    if a.size == 0:
        return a.copy()
    one = np.ones(1, dtype=np.uint64)
    # Going up: level k+1 holds products of pairs from level k (padded with 1 to even length).
    levels = [a.reshape(-1)]
    while len(levels[-1]) > 1:
        x = levels[-1]
        x = np.concatenate([x, one]) if len(x) % 2 else x
        levels.append(_mul(p, x[0::2], x[1::2]))
    cur = np.array([builtins.pow(int(levels[-1][0]), p - 2, p)], dtype=np.uint64)
    # Going down: 1/x_left = 1/(x_left*x_right) * x_right, and symmetrically.
    for x in reversed(levels[:-1]):
        n = len(x)
        x = np.concatenate([x, one]) if n % 2 else x
        out = np.empty(len(x), dtype=np.uint64)
        out[0::2] = _mul(p, cur, x[1::2])
        out[1::2] = _mul(p, cur, x[0::2])
        cur = out[:n]
    return cur.reshape(a.shape)



def pow(field: PrimeField, a: np.ndarray, e: int) -> np.ndarray:
    """Elementwise ``a ** e`` by square-and-multiply; a negative ``e`` inverts first (ZeroDivisionError on zeros)."""
    p = check_field(field)
    a = _check_array(p, a, "a")
    if isinstance(e, bool) or not isinstance(e, int):
        raise TypeError(f"exponent must be an int, got {type(e).__name__}: {e!r}")
    base = inv(field, a) if e < 0 else a
    e = abs(e)
    result = np.ones_like(a)
    while e:
        if e & 1:
            result = _mul(p, result, base)
        e >>= 1
        if e:
            base = _mul(p, base, base)
    return result
