"""Toy elliptic curves y² = x³ + a·x + b over a small prime field, in affine coordinates, for teaching.

Points are ``(x, y)`` int pairs mod p; the point at infinity (the group's zero) is ``None``.
Everything is small enough to list every point, walk a whole orbit and brute-force a discrete log.

Source: Silverman, The Arithmetic of Elliptic Curves, §III.2 (the group law); Washington,
Elliptic Curves: Number Theory and Cryptography, §2.1.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from zkedu._checks import require_int
from zkedu.ntheory import is_prime

ToyPoint = tuple[int, int] | None

MAX_TOY_PRIME = 10_007  # listing all points is O(p): keep toys toy-sized


@dataclass(frozen=True)
class ToyCurve:
    """The curve y² = x³ + a·x + b over F_p (p an odd prime ≤ 10,007, 4a³ + 27b² ≠ 0 mod p).

    >>> E = ToyCurve(97, 2, 3)
    >>> E.add((3, 6), (3, 6))
    (80, 10)
    >>> E.order
    100
    """

    p: int
    a: int
    b: int

    def __post_init__(self) -> None:
        for name in ("p", "a", "b"):
            v = getattr(self, name)
            require_int(v, name)
        if not (2 < self.p <= MAX_TOY_PRIME and is_prime(self.p)):
            raise ValueError(f"p must be an odd prime <= {MAX_TOY_PRIME}, got {self.p}")
        object.__setattr__(self, "a", self.a % self.p)
        object.__setattr__(self, "b", self.b % self.p)
        if is_singular(self.p, self.a, self.b):
            raise ValueError(f"y² = x³ + {self.a}x + {self.b} is singular mod {self.p}: 4a³ + 27b² ≡ 0")

    def contains(self, P: ToyPoint) -> bool:
        """Is P on the curve (infinity included)?"""
        if P is None:
            return True
        x, y = P
        return (y * y - (x * x * x + self.a * x + self.b)) % self.p == 0

    def _require(self, P: ToyPoint) -> None:
        if P is not None and not (isinstance(P, tuple) and len(P) == 2):
            raise TypeError(f"a toy point is an (x, y) tuple or None, got {P!r}")
        if not self.contains(P):
            raise ValueError(f"{P} is not on y² = x³ + {self.a}x + {self.b} mod {self.p}")

    def neg(self, P: ToyPoint) -> ToyPoint:
        """-P = (x, -y): the mirror image in the x-axis."""
        self._require(P)
        return None if P is None else (P[0], -P[1] % self.p)

    def add(self, P: ToyPoint, Q: ToyPoint) -> ToyPoint:
        """P + Q by chord and tangent: the line through P and Q meets the curve in a third point; flip it."""
        self._require(P)
        self._require(Q)
        if P is None:
            return Q
        if Q is None:
            return P
        p = self.p
        (x1, y1), (x2, y2) = P, Q
        if x1 == x2 and (y1 + y2) % p == 0:
            return None  # P + (-P): a vertical line, the sum is the point at infinity
        if P == Q:
            m = (3 * x1 * x1 + self.a) * pow(2 * y1, -1, p) % p  # slope of the tangent
        else:
            m = (y2 - y1) * pow(x2 - x1, -1, p) % p  # slope of the chord
        x3 = (m * m - x1 - x2) % p
        y3 = (m * (x1 - x3) - y1) % p
        return (x3, y3)

    def mul(self, P: ToyPoint, k: int) -> ToyPoint:
        """k·P by double-and-add: one doubling per bit of k, one addition per 1 bit."""
        require_int(k, "scalar")
        if k < 0:
            return self.mul(self.neg(P), -k)
        result: ToyPoint = None
        for bit in bin(k)[2:]:  # most significant bit first
            result = self.add(result, result)
            if bit == "1":
                result = self.add(result, P)
        return result

    @cached_property
    def points(self) -> tuple[tuple[int, int], ...]:
        """Every finite point, sorted (x, then y)."""
        p = self.p
        roots: dict[int, list[int]] = {}
        for y in range(p):
            roots.setdefault(y * y % p, []).append(y)
        return tuple((x, y) for x in range(p) for y in roots.get((x * x * x + self.a * x + self.b) % p, []))

    @property
    def order(self) -> int:
        """#E(F_p): the finite points plus the point at infinity."""
        return len(self.points) + 1

    def orbit(self, P: ToyPoint) -> list[ToyPoint]:
        """[P, 2P, 3P, ..., ∞]: the cyclic subgroup P generates; its length is the order of P."""
        self._require(P)
        out = [P]
        while out[-1] is not None:
            out.append(self.add(out[-1], P))
        return out

    def point_order(self, P: ToyPoint) -> int:
        """The smallest n ≥ 1 with n·P = ∞."""
        return len(self.orbit(P))


def is_singular(p: int, a: int, b: int) -> bool:
    """Does y² = x³ + a·x + b have a cusp or a node mod p (discriminant 4a³ + 27b² ≡ 0)?

    >>> is_singular(97, 0, 0), is_singular(97, 2, 3)
    (True, False)
    """
    return (4 * a**3 + 27 * b**2) % p == 0


def discrete_log_bruteforce(E: ToyCurve, P: ToyPoint, Q: ToyPoint) -> int:
    """The smallest k ≥ 0 with k·P = Q, by trying k = 0, 1, 2, ...: feasible only because the group is tiny.

    >>> E = ToyCurve(97, 2, 3)
    >>> discrete_log_bruteforce(E, (3, 6), E.mul((3, 6), 4))
    4
    """
    E._require(P)
    E._require(Q)
    R: ToyPoint = None
    for k in range(E.order + 1):
        if R == Q:
            return k
        R = E.add(R, P)
    raise ValueError(f"{Q} is not a multiple of {P} on {E}")
