"""Elementary number theory behind the fields: primality, factoring, gcd, divisors and Euler's phi.

Only Python integers; no sympy (sympy is the tests' oracle, so the code under test must not lean on it).

Source: Menezes, van Oorschot, Vanstone, *Handbook of Applied Cryptography*, ch. 2 and 4 (1996).
"""

from __future__ import annotations

import math
import random

from zkedu._checks import require_int

# Miller-Rabin with these bases is exact for every n < 3.3e24 (Sorenson and Webster, 2015).
_DETERMINISTIC_BASES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41)
_DETERMINISTIC_LIMIT = 3_317_044_064_679_887_385_961_981
# Above that limit, extra bases drawn from a generator seeded by n itself (so results are reproducible).
_EXTRA_BASES = 64
_SMALL_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47)


def _is_strong_probable_prime(n: int, a: int) -> bool:
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    x = pow(a, d, n)
    if x in (1, n - 1):
        return True
    for _ in range(s - 1):
        x = x * x % n
        if x == n - 1:
            return True
    return False


def is_prime(n: int) -> bool:
    """Miller-Rabin primality test: exact below 3.3e24; above, 64 more bases seeded by n (probabilistic).

    Source: Miller (1976), Rabin (1980); bases from Sorenson and Webster, Math. Comp. 86 (2017).

    >>> [n for n in range(30) if is_prime(n)]
    [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
    >>> is_prime(2**64 - 2**32 + 1), is_prime(2**64 + 1)
    (True, False)
    """
    require_int(n, "n")
    if n < 2:
        return False
    for q in _SMALL_PRIMES:
        if n % q == 0:
            return n == q
    if not all(_is_strong_probable_prime(n, a) for a in _DETERMINISTIC_BASES):
        return False
    if n < _DETERMINISTIC_LIMIT:
        return True
    rng = random.Random(n)
    return all(_is_strong_probable_prime(n, rng.randrange(2, n - 1)) for _ in range(_EXTRA_BASES))


def _pollard_brent(n: int) -> int:
    """A non-trivial factor of the odd composite ``n`` (Brent's variant of Pollard's rho)."""
    rng = random.Random(n)
    while True:
        y, c, m = rng.randrange(1, n), rng.randrange(1, n), 128
        g, r, q = 1, 1, 1
        x = ys = y
        while g == 1:
            x = y
            for _ in range(r):
                y = (y * y + c) % n
            k = 0
            while k < r and g == 1:
                ys = y
                for _ in range(min(m, r - k)):
                    y = (y * y + c) % n
                    q = q * abs(x - y) % n
                g = math.gcd(q, n)
                k += m
            r *= 2
        if g == n:
            g = 1
            while g == 1:
                ys = (ys * ys + c) % n
                g = math.gcd(abs(x - ys), n)
        if g != n:
            return g


def factor_int(n: int) -> dict[int, int]:
    """Prime factorisation ``{prime: exponent}`` of ``n >= 1`` (trial division, then Pollard-Brent rho).

    Fine for numbers whose second-largest prime factor is below ~10^12; the named fields ship their
    factorisations of p - 1 instead (see ``zkedu.field``).

    >>> factor_int(96)
    {2: 5, 3: 1}
    >>> factor_int(2**31 - 2)
    {2: 1, 3: 2, 7: 1, 11: 1, 31: 1, 151: 1, 331: 1}
    """
    require_int(n, "n")
    if n < 1:
        raise ValueError(f"can only factor positive integers, got {n!r}")
    factors: dict[int, int] = {}
    for q in range(2, 1000):
        while n % q == 0:
            factors[q] = factors.get(q, 0) + 1
            n //= q
    stack = [n] if n > 1 else []
    while stack:
        m = stack.pop()
        if is_prime(m):
            factors[m] = factors.get(m, 0) + 1
        else:
            d = _pollard_brent(m)
            stack += [d, m // d]
    return dict(sorted(factors.items()))


def divisors_from_factors(factors: dict[int, int]) -> list[int]:
    """All divisors, ascending, of the number whose factorisation is ``factors``.

    >>> divisors_from_factors({2: 4})
    [1, 2, 4, 8, 16]
    """
    divs = [1]
    for q, k in factors.items():
        divs = [d * q**i for d in divs for i in range(k + 1)]
    return sorted(divs)


def euler_phi(n: int) -> int:
    """Euler's totient: how many of 1..n are coprime to n (= the number of elements of order n in a cyclic group).

    >>> [euler_phi(d) for d in (1, 2, 4, 8, 16)]
    [1, 1, 2, 4, 8]
    """
    require_int(n, "n")
    if n < 1:
        raise ValueError(f"euler_phi needs n >= 1, got {n!r}")
    result = n
    for q in factor_int(n):
        result -= result // q
    return result


def extended_gcd(a: int, b: int) -> tuple[int, int, int]:
    """Extended Euclid: ``(g, x, y)`` with ``a*x + b*y == g == gcd(a, b)``.

    Source: Knuth, TAOCP vol. 2, §4.5.2, Algorithm X.

    >>> extended_gcd(3, 17)
    (1, 6, -1)
    """
    require_int(a, "a")
    require_int(b, "b")
    # Invariant: old_r == a*old_x + b*old_y and r == a*x + b*y.
    old_r, r = a, b
    old_x, x = 1, 0
    old_y, y = 0, 1
    while r != 0:
        q = old_r // r
        old_r, r = r, old_r - q * r
        old_x, x = x, old_x - q * x
        old_y, y = y, old_y - q * y
    if old_r < 0:
        old_r, old_x, old_y = -old_r, -old_x, -old_y
    return old_r, old_x, old_y


def inverse_mod(a: int, m: int) -> int:
    """The x in [0, m) with a·x ≡ 1 (mod m), from extended Euclid; ValueError when gcd(a, m) ≠ 1.

    Source: Knuth, TAOCP vol. 2, §4.5.2 (a·x + m·y = gcd(a, m) = 1 gives x = a⁻¹ mod m).

    >>> inverse_mod(3, 17)
    6
    """
    g, x, _ = extended_gcd(a, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse modulo {m}: gcd is {g}")
    return x % m
