"""Quadratic extension fields F_{p^2} = F_p[u] / (u^2 - r) for a non-square r: elements a + b·u.

Why: Mersenne31 has 2-adicity 1, but F_{p^2}* has order p^2 - 1 = (p - 1)(p + 1) and p + 1 = 2^31, so the
extension holds a subgroup of order 2^31 -- the "circle group" of norm-1 elements that Circle STARKs use.

>>> E = QuadraticExtension(PrimeField(7), -1)  # 7 = 3 mod 4, so -1 is not a square: u behaves like i
>>> x = E(2, 3)
>>> x * x, x * x.inverse(), x.conjugate() == x ** 7
(QuadraticExtension(PrimeField(7), 6)(2 + 5·u), QuadraticExtension(PrimeField(7), 6)(1 + 0·u), True)

Source: Lidl and Niederreiter, *Finite Fields* (1997), §2.1; Haböck, Levit, Papini, "Circle STARKs", ePrint 2024/278.
"""

from __future__ import annotations

import random
from typing import Any, ClassVar

from zkedu.field import FieldElement, PrimeField
from zkedu.field_element import as_int
from zkedu.ntheory import factor_int


class QuadraticExtension:
    """The field F_p[u]/(u^2 - r); ValueError if ``r`` is a square in F_p (then u^2 - r factors and it is no field).

    Equal (p, r) give one shared object, so elements made from two calls interoperate.

    >>> QuadraticExtension(PrimeField(17), 3).order
    289
    """

    _cache: ClassVar[dict[tuple[int, int], QuadraticExtension]] = {}

    base: PrimeField
    non_residue: FieldElement
    _memo: dict[str, Any]

    def __new__(cls, base: PrimeField, non_residue: int | FieldElement) -> QuadraticExtension:
        if not isinstance(base, PrimeField):
            raise TypeError(f"base must be a PrimeField, got {type(base).__name__}: {base!r}")
        r = base(non_residue)
        key = (base.modulus, int(r))
        if key in cls._cache:
            return cls._cache[key]
        if r.is_square():
            raise ValueError(f"non_residue must not be a square in {base!r}, got {non_residue!r}")
        ext = super().__new__(cls)
        object.__setattr__(ext, "base", base)
        object.__setattr__(ext, "non_residue", r)
        object.__setattr__(ext, "_memo", {})
        cls._cache[key] = ext
        return ext

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"QuadraticExtension is immutable; cannot set {name!r}")

    def __reduce__(self) -> tuple[Any, tuple[PrimeField, int]]:
        return (QuadraticExtension, (self.base, int(self.non_residue)))

    def __repr__(self) -> str:
        return f"QuadraticExtension({self.base!r}, {int(self.non_residue)})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, QuadraticExtension) and (other.base, other.non_residue) == (
            self.base, self.non_residue)

    def __hash__(self) -> int:
        return hash(("QuadraticExtension", self.base.modulus, int(self.non_residue)))

    def __call__(self, a: object, b: object = 0) -> ExtElement:
        """The element ``a + b·u`` from ints or base-field elements (or an element of this field, returned as is)."""
        if isinstance(a, ExtElement):
            if a.field != self:
                raise TypeError(f"cannot convert {a!r} into {self!r}")
            if b != 0:
                raise TypeError(f"b must be 0 when a is already an extension element, got {b!r}")
            return a
        return ExtElement(self, int(self.base(a)), int(self.base(b)))

    @property
    def modulus(self) -> int:
        """The characteristic p of the base field."""
        return self.base.modulus

    @property
    def order(self) -> int:
        """The number of elements, p^2."""
        return self.base.modulus ** 2

    @property
    def zero(self) -> ExtElement:
        return ExtElement(self, 0, 0)

    @property
    def one(self) -> ExtElement:
        return ExtElement(self, 1, 0)

    @property
    def u(self) -> ExtElement:
        """The adjoined square root of ``non_residue``."""
        return ExtElement(self, 0, 1)

    def factor_group_order(self) -> dict[int, int]:
        """Prime factorisation of p^2 - 1 = (p - 1)(p + 1), the order of the multiplicative group."""
        if "factors" not in self._memo:
            merged = self.base.factor_group_order()
            for q, k in factor_int(self.base.modulus + 1).items():
                merged[q] = merged.get(q, 0) + k
            self._memo["factors"] = dict(sorted(merged.items()))
        return dict(self._memo["factors"])

    def generator(self) -> ExtElement:
        """The first generator of the multiplicative group in the order a + b·u for b = 1, 2, ..., a = 0, 1, ...

        >>> QuadraticExtension(PrimeField(7), -1).generator()
        QuadraticExtension(PrimeField(7), 6)(2 + 1·u)
        """
        if "generator" not in self._memo:
            n, primes, p = self.order - 1, list(self.factor_group_order()), self.modulus
            candidates = (ExtElement(self, a, b) for b in range(1, p) for a in range(p))
            self._memo["generator"] = next(g for g in candidates if all(g ** (n // q) != 1 for q in primes))
        return self._memo["generator"]

    def root_of_unity(self, n: int) -> ExtElement:
        """A primitive ``n``-th root of unity; ValueError unless ``n >= 1`` divides p^2 - 1."""
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"root of unity order n must be an int, got {type(n).__name__}: {n!r}")
        if n < 1 or (self.order - 1) % n != 0:
            raise ValueError(f"no primitive {n!r}-th root of unity in {self!r}: need 1 <= n dividing p^2 - 1")
        return self.generator() ** ((self.order - 1) // n)

    def random(self, rng: random.Random) -> ExtElement:
        """A uniformly random element drawn from ``rng``."""
        if not isinstance(rng, random.Random):
            raise TypeError(f"rng must be a random.Random, got {type(rng).__name__}: {rng!r}")
        return ExtElement(self, rng.randrange(self.modulus), rng.randrange(self.modulus))


class ExtElement:
    """An immutable element ``a + b·u`` of a ``QuadraticExtension``; arithmetic mixes with base elements and ints."""

    __slots__ = ("_a", "_b", "_field")
    _field: QuadraticExtension
    _a: int
    _b: int

    def __init__(self, field: QuadraticExtension, a: int, b: int) -> None:
        # Internal: a and b are already reduced ints; use E(a, b) from outside.
        object.__setattr__(self, "_field", field)
        object.__setattr__(self, "_a", a)
        object.__setattr__(self, "_b", b)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"extension elements are immutable; cannot set {name!r}")

    def __reduce__(self) -> tuple[Any, tuple[int, int]]:
        return (self._field, (self._a, self._b))

    @property
    def field(self) -> QuadraticExtension:
        return self._field

    @property
    def coeffs(self) -> tuple[FieldElement, FieldElement]:
        """``(a, b)`` as base-field elements, for ``a + b·u`` (ascending powers of u)."""
        F = self._field.base
        return F(self._a), F(self._b)

    def _other(self, other: object) -> tuple[int, int] | None:
        if isinstance(other, ExtElement):
            if other._field != self._field:
                raise TypeError(f"cannot mix elements of different fields: {self!r} and {other!r}")
            return other._a, other._b
        if isinstance(other, FieldElement):
            if other.field != self._field.base:
                raise TypeError(f"cannot mix {self!r} with {other!r} from another base field")
            return other.value, 0
        n = as_int(other)
        return None if n is None else (n % self._field.modulus, 0)

    def _new(self, a: int, b: int) -> ExtElement:
        p = self._field.modulus
        return ExtElement(self._field, a % p, b % p)

    def __add__(self, other: object) -> ExtElement:
        o = self._other(other)
        return NotImplemented if o is None else self._new(self._a + o[0], self._b + o[1])

    __radd__ = __add__

    def __sub__(self, other: object) -> ExtElement:
        o = self._other(other)
        return NotImplemented if o is None else self._new(self._a - o[0], self._b - o[1])

    def __rsub__(self, other: object) -> ExtElement:
        o = self._other(other)
        return NotImplemented if o is None else self._new(o[0] - self._a, o[1] - self._b)

    def __mul__(self, other: object) -> ExtElement:
        o = self._other(other)
        if o is None:
            return NotImplemented
        # (a + b u)(c + d u) = (ac + r bd) + (ad + bc) u, since u^2 = r.
        a, b, (c, d), r = self._a, self._b, o, int(self._field.non_residue)
        return self._new(a * c + r * b * d, a * d + b * c)

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> ExtElement:
        o = self._other(other)
        return NotImplemented if o is None else self * ExtElement(self._field, *o).inverse()

    def __rtruediv__(self, other: object) -> ExtElement:
        o = self._other(other)
        return NotImplemented if o is None else ExtElement(self._field, *o) * self.inverse()

    def __pow__(self, exponent: object) -> ExtElement:
        e = as_int(exponent)
        if e is None:
            return NotImplemented
        base = self if e >= 0 else self.inverse()
        result, e = self._field.one, abs(e)
        while e:  # square-and-multiply
            if e & 1:
                result = result * base
            base, e = base * base, e >> 1
        return result

    def __neg__(self) -> ExtElement:
        return self._new(-self._a, -self._b)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ExtElement | FieldElement) or as_int(other) is not None:
            try:
                o = self._other(other)
            except TypeError:
                return False
            return o == (self._a, self._b)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._a) if self._b == 0 else hash((self._a, self._b))

    def __bool__(self) -> bool:
        return bool(self._a or self._b)

    def __repr__(self) -> str:
        return f"{self._field!r}({self._a} + {self._b}·u)"

    def conjugate(self) -> ExtElement:
        """``a - b·u``: the other root's image, equal to the Frobenius map x -> x^p."""
        return self._new(self._a, -self._b)

    frobenius = conjugate

    def norm(self) -> FieldElement:
        """``x * conjugate(x) = a^2 - r b^2``, an element of the base field; multiplicative, zero only for zero."""
        F = self._field.base
        return F(self._a * self._a - int(self._field.non_residue) * self._b * self._b)

    def inverse(self) -> ExtElement:
        """``conjugate / norm``; ZeroDivisionError for zero.

        >>> E = QuadraticExtension(PrimeField(17), 3)
        >>> E(1, 1) * E(1, 1).inverse() == 1
        True
        """
        n = self.norm()
        if not n:
            raise ZeroDivisionError(f"zero has no inverse in {self._field!r}, got {self!r}")
        n_inv = int(n.inverse())
        return self._new(self._a * n_inv, -self._b * n_inv)

    def multiplicative_order(self) -> int:
        """The least ``k >= 1`` with ``self ** k == 1``; ValueError for zero."""
        if not self:
            raise ValueError(f"zero has no multiplicative order, got {self!r}")
        order = self._field.order - 1
        for q in self._field.factor_group_order():
            while order % q == 0 and self ** (order // q) == 1:
                order //= q
        return order
