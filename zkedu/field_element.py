"""Elements of a prime field: immutable values with ``+ - * / **``, inverse, order, square roots.

Make them by calling a field, ``PrimeField(p)(x)`` (``zkedu.field``); both names import from ``zkedu.field``.

Source: Lidl and Niederreiter, *Finite Fields* (1997), ch. 1-2; Cohen, *A Course in Computational Algebraic
Number Theory* (1993), §1.5 (square roots).
"""

from __future__ import annotations

import numbers
from typing import TYPE_CHECKING, Any

from zkedu.ntheory import inverse_mod

if TYPE_CHECKING:
    from zkedu.field import PrimeField


def as_int(value: object) -> int | None:
    """``value`` as an int if it is integer-like (not bool), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, numbers.Integral) and not isinstance(value, FieldElement):
        return int(value)
    return None


class FieldElement:
    """An immutable element of a ``PrimeField``; make one with ``F(x)``, not directly.

    Arithmetic works with elements of the same field and with ints on either side; mixing fields raises TypeError.
    """

    __slots__ = ("_field", "_value")
    _field: PrimeField
    _value: int

    @classmethod
    def _raw(cls, field: PrimeField, value: int) -> FieldElement:
        # Internal constructor: value is already reduced into [0, p).
        e = object.__new__(cls)
        object.__setattr__(e, "_field", field)
        object.__setattr__(e, "_value", value)
        return e

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"field elements are immutable; cannot set {name!r}")

    def __reduce__(self) -> tuple[Any, tuple[int]]:
        return (self._field, (self._value,))

    @property
    def value(self) -> int:
        """The canonical representative in ``[0, p)``."""
        return self._value

    @property
    def field(self) -> PrimeField:
        return self._field

    def _other(self, other: object) -> int | None:
        """The canonical int of ``other`` (same-field element or int); None for unsupported types."""
        if isinstance(other, FieldElement):
            if other._field is not self._field and other._field != self._field:
                raise TypeError(f"cannot mix elements of different fields: {self!r} and {other!r}")
            return other._value
        n = as_int(other)
        return None if n is None else n % self._field.modulus

    def __add__(self, other: object) -> FieldElement:
        b = self._other(other)
        if b is None:
            return NotImplemented
        return FieldElement._raw(self._field, (self._value + b) % self._field.modulus)

    __radd__ = __add__

    def __sub__(self, other: object) -> FieldElement:
        b = self._other(other)
        if b is None:
            return NotImplemented
        return FieldElement._raw(self._field, (self._value - b) % self._field.modulus)

    def __rsub__(self, other: object) -> FieldElement:
        b = self._other(other)
        if b is None:
            return NotImplemented
        return FieldElement._raw(self._field, (b - self._value) % self._field.modulus)

    def __mul__(self, other: object) -> FieldElement:
        b = self._other(other)
        if b is None:
            return NotImplemented
        return FieldElement._raw(self._field, self._value * b % self._field.modulus)

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> FieldElement:
        b = self._other(other)
        if b is None:
            return NotImplemented
        return self * FieldElement._raw(self._field, b).inverse()

    def __rtruediv__(self, other: object) -> FieldElement:
        b = self._other(other)
        if b is None:
            return NotImplemented
        return FieldElement._raw(self._field, b) * self.inverse()

    def __pow__(self, exponent: object) -> FieldElement:
        e = as_int(exponent)
        if e is None:
            return NotImplemented
        if e < 0:
            return self.inverse() ** -e
        return FieldElement._raw(self._field, pow(self._value, e, self._field.modulus))

    def __neg__(self) -> FieldElement:
        return FieldElement._raw(self._field, -self._value % self._field.modulus)

    def __pos__(self) -> FieldElement:
        return self

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FieldElement):
            return other._field == self._field and other._value == self._value
        n = as_int(other)
        return n is not None and n % self._field.modulus == self._value

    def __hash__(self) -> int:
        # Equal to hash(int(e)), so an element and its canonical int land in the same dict slot.
        return hash(self._value)

    def __bool__(self) -> bool:
        return self._value != 0

    def __int__(self) -> int:
        return self._value

    def __repr__(self) -> str:
        return f"{self._field!r}({self._value})"

    def __str__(self) -> str:
        return str(self._value)

    def is_zero(self) -> bool:
        return self._value == 0

    def inverse(self) -> FieldElement:
        """The multiplicative inverse (by extended Euclid); ZeroDivisionError for zero.

        >>> from zkedu.field import PrimeField
        >>> PrimeField(17)(3).inverse()
        PrimeField(17)(6)
        """
        if self._value == 0:
            raise ZeroDivisionError(f"zero has no inverse in {self._field!r}, got {self!r}")
        return FieldElement._raw(self._field, inverse_mod(self._value, self._field.modulus))

    def multiplicative_order(self) -> int:
        """The least ``k >= 1`` with ``self ** k == 1``; a divisor of p - 1 (Lagrange). ValueError for zero.

        >>> from zkedu.field import PrimeField
        >>> [PrimeField(17)(a).multiplicative_order() for a in (1, 16, 4, 2, 3)]
        [1, 2, 4, 8, 16]
        """
        if self._value == 0:
            raise ValueError(f"zero has no multiplicative order, got {self!r}")
        p = self._field.modulus
        order = p - 1
        for q in self._field.factor_group_order():
            while order % q == 0 and pow(self._value, order // q, p) == 1:
                order //= q
        return order

    def is_generator(self) -> bool:
        """Whether this element generates the whole multiplicative group (order p - 1)."""
        return self._value != 0 and self.multiplicative_order() == self._field.modulus - 1

    def is_square(self) -> bool:
        """Euler's criterion: a nonzero ``a`` is a square iff ``a^((p-1)/2) == 1``; zero counts as a square.

        >>> from zkedu.field import PrimeField
        >>> [a for a in range(1, 17) if PrimeField(17)(a).is_square()]
        [1, 2, 4, 8, 9, 13, 15, 16]
        """
        p = self._field.modulus
        return self._value == 0 or p == 2 or pow(self._value, (p - 1) // 2, p) == 1

    def sqrt(self) -> FieldElement:
        """A square root by Tonelli-Shanks (the one with the smaller value); ValueError if not a square.

        Source: Cohen, *A Course in Computational Algebraic Number Theory*, Algorithm 1.5.1.

        >>> from zkedu.field import PrimeField
        >>> PrimeField(17)(2).sqrt()
        PrimeField(17)(6)
        """
        if not self.is_square():
            raise ValueError(f"{self!r} is not a square in {self._field!r}")
        p, a = self._field.modulus, self._value
        if a == 0 or p == 2:
            return self
        s = self._field.two_adicity
        q = (p - 1) >> s
        z = next(z for z in range(2, p) if pow(z, (p - 1) // 2, p) == p - 1)  # a non-square
        m, c, t, r = s, pow(z, q, p), pow(a, q, p), pow(a, (q + 1) // 2, p)
        while t != 1:
            # Find the least i with t^(2^i) == 1, then fix r so that t's order halves.
            i, t2 = 0, t
            while t2 != 1:
                t2, i = t2 * t2 % p, i + 1
            b = pow(c, 1 << (m - i - 1), p)
            m, c, t, r = i, b * b % p, t * b * b % p, r * b % p
        return FieldElement._raw(self._field, min(r, p - r))
