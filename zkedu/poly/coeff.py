"""Polynomials in coefficient form over a zkedu field (a prime field or a ``field_ext`` extension).

Coefficients are in ascending order throughout ``zkedu.poly``: ``coeffs[i]`` multiplies ``X**i``, so
``Polynomial(F, [3, 2, 1])`` is 3 + 2X + X². A polynomial is stored normalised (no trailing zero
coefficients), so the zero polynomial has no coefficients and degree -1.

Source: Knuth, TAOCP vol. 2, §4.6.1 (long division) and §4.6.4 (Horner's rule).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from numbers import Integral

from zkedu.field import FieldElement, PrimeField
from zkedu.poly._common import Element, Field, to_element


@dataclass(frozen=True, init=False, eq=False)
class Polynomial:
    """A polynomial c0 + c1·X + ... + cd·X^d over ``field``, coefficients ascending and normalised.

    Source: Knuth, TAOCP vol. 2, §4.6.

    >>> from zkedu.field import FieldElement, PrimeField
    >>> F = PrimeField(97)
    >>> f = Polynomial(F, [3, 2, 1, 0])
    >>> f
    Polynomial(3 + 2·X + X^2, p=97)
    >>> f.degree, f(5) == 38
    (2, True)
    """

    field: Field
    coeffs: tuple[Element, ...]

    def __init__(self, field: Field, coeffs: Iterable[int | Element] = ()) -> None:
        elements = [to_element(field, c) for c in coeffs]
        while elements and elements[-1] == 0:
            elements.pop()
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "coeffs", tuple(elements))

    # Constructors -----------------------------------------------------------------------------------

    @classmethod
    def constant(cls, field: Field, c: int | Element) -> Polynomial:
        """The constant polynomial c."""
        return cls(field, [c])

    @classmethod
    def monomial(cls, field: Field, degree: int, c: int | Element = 1) -> Polynomial:
        """The polynomial c·X^degree.

        >>> from zkedu.field import FieldElement, PrimeField
        >>> Polynomial.monomial(PrimeField(17), 3)
        Polynomial(X^3, p=17)
        """
        if isinstance(degree, bool) or not isinstance(degree, Integral) or degree < 0:
            raise ValueError(f"a monomial's degree must be a non-negative int, got {degree!r}")
        return cls(field, [0] * int(degree) + [c])

    @classmethod
    def from_roots(cls, field: Field, roots: Iterable[int | Element]) -> Polynomial:
        """The monic polynomial (X - r1)(X - r2)... with the given roots (repeats allowed).

        >>> from zkedu.field import FieldElement, PrimeField
        >>> Polynomial.from_roots(PrimeField(17), [1, 2])
        Polynomial(2 + 14·X + X^2, p=17)
        """
        result = cls(field, [1])
        for r in roots:
            result = result * cls(field, [-to_element(field, r), 1])
        return result

    # Basic properties -------------------------------------------------------------------------------

    @property
    def degree(self) -> int:
        """The degree; -1 for the zero polynomial."""
        return len(self.coeffs) - 1

    @property
    def leading_coefficient(self) -> Element:
        """The coefficient of the highest power of X; zero for the zero polynomial."""
        return self.coeffs[-1] if self.coeffs else self.field(0)

    def is_zero(self) -> bool:
        """True for the zero polynomial."""
        return not self.coeffs

    def evaluate(self, x: int | Element) -> Element:
        """The value at ``x`` by Horner's rule: c0 + x·(c1 + x·(c2 + ...)), d multiplications.

        Source: Knuth, TAOCP vol. 2, §4.6.4.
        """
        x = to_element(self.field, x)
        acc = self.field(0)
        for c in reversed(self.coeffs):
            acc = acc * x + c
        return acc

    __call__ = evaluate

    # Arithmetic -------------------------------------------------------------------------------------

    def _coerce(self, other: object) -> Polynomial | None:
        """``other`` as a polynomial over our field, None if it is of an unrelated type."""
        if isinstance(other, Polynomial):
            if other.field != self.field:
                raise TypeError(
                    f"cannot mix polynomials over different fields: mod {self.field.modulus} "
                    f"and mod {other.field.modulus}"
                )
            return other
        try:
            return Polynomial(self.field, [other])  # a scalar (int or field element) is a constant polynomial
        except TypeError:
            return None

    def __add__(self, other: object) -> Polynomial:
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        n = max(len(self.coeffs), len(o.coeffs))
        zero = self.field(0)
        a = self.coeffs + (zero,) * (n - len(self.coeffs))
        b = o.coeffs + (zero,) * (n - len(o.coeffs))
        return Polynomial(self.field, [x + y for x, y in zip(a, b, strict=True)])

    __radd__ = __add__

    def __neg__(self) -> Polynomial:
        return Polynomial(self.field, [-c for c in self.coeffs])

    def __sub__(self, other: object) -> Polynomial:
        o = self._coerce(other)
        return NotImplemented if o is None else self + (-o)

    def __rsub__(self, other: object) -> Polynomial:
        o = self._coerce(other)
        return NotImplemented if o is None else o + (-self)

    def __mul__(self, other: object) -> Polynomial:
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        if self.is_zero() or o.is_zero():
            return Polynomial(self.field)
        # Schoolbook product: coefficient k of the product is the sum of a_i·b_j over i + j = k.
        out = [self.field(0)] * (len(self.coeffs) + len(o.coeffs) - 1)
        for i, a in enumerate(self.coeffs):
            for j, b in enumerate(o.coeffs):
                out[i + j] = out[i + j] + a * b
        return Polynomial(self.field, out)

    __rmul__ = __mul__

    def __pow__(self, e: int) -> Polynomial:
        if isinstance(e, bool) or not isinstance(e, Integral) or e < 0:
            raise ValueError(f"a polynomial power needs a non-negative int exponent, got {e!r}")
        result, base = Polynomial(self.field, [1]), self
        while e:
            if e & 1:
                result = result * base
            base, e = base * base, e >> 1
        return result

    def __divmod__(self, divisor: object) -> tuple[Polynomial, Polynomial]:
        """Quotient and remainder: self == q·divisor + r with deg r < deg divisor.

        Source: Knuth, TAOCP vol. 2, §4.6.1, Algorithm D (long division).
        """
        d = self._coerce(divisor)
        if d is None:
            return NotImplemented
        if d.is_zero():
            raise ZeroDivisionError(f"polynomial division of {self!r} by the zero polynomial")
        rem = list(self.coeffs)
        dc = d.coeffs
        inv_lead = self.field(1) / dc[-1]
        quot = [self.field(0)] * max(0, len(rem) - len(dc) + 1)
        # Cancel the top coefficient of the remainder with a multiple of X^i·divisor, highest i first.
        for i in range(len(quot) - 1, -1, -1):
            factor = rem[i + len(dc) - 1] * inv_lead
            quot[i] = factor
            if factor != 0:
                for j, c in enumerate(dc):
                    rem[i + j] = rem[i + j] - factor * c
        return Polynomial(self.field, quot), Polynomial(self.field, rem[: len(dc) - 1])

    def __floordiv__(self, divisor: object) -> Polynomial:
        result = self.__divmod__(divisor)
        return result if result is NotImplemented else result[0]

    def __mod__(self, divisor: object) -> Polynomial:
        result = self.__divmod__(divisor)
        return result if result is NotImplemented else result[1]

    def exact_div(self, divisor: Polynomial | int | Element) -> Polynomial:
        """The quotient self / divisor, raising ValueError when the division leaves a remainder.

        >>> from zkedu.field import FieldElement, PrimeField
        >>> F = PrimeField(17)
        >>> Polynomial.from_roots(F, [1, 2]).exact_div(Polynomial(F, [-1, 1]))
        Polynomial(15 + X, p=17)
        """
        q, r = divmod(self, divisor)
        if not r.is_zero():
            raise ValueError(f"{self!r} is not divisible by {divisor!r}: the remainder is {r!r}")
        return q

    def scale_input(self, c: int | Element) -> Polynomial:
        """The polynomial f(c·X): coefficient i multiplied by c^i (e.g. f(ω·X), "the next row" of a trace).

        >>> from zkedu.field import FieldElement, PrimeField
        >>> Polynomial(PrimeField(17), [1, 1, 1]).scale_input(2)
        Polynomial(1 + 2·X + 4·X^2, p=17)
        """
        c = to_element(self.field, c)
        out, power = [], self.field(1)
        for coeff in self.coeffs:
            out.append(coeff * power)
            power = power * c
        return Polynomial(self.field, out)

    def derivative(self) -> Polynomial:
        """The formal derivative c1 + 2·c2·X + 3·c3·X² + ..."""
        return Polynomial(self.field, [i * c for i, c in enumerate(self.coeffs)][1:])

    # Comparison and display -------------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Polynomial):
            return NotImplemented
        return other.field == self.field and self.coeffs == other.coeffs

    def __hash__(self) -> int:
        return hash((self.field, self.coeffs))

    def __len__(self) -> int:
        """The number of coefficients, degree + 1."""
        return len(self.coeffs)

    def __repr__(self) -> str:
        over = f"p={self.field.modulus}" if isinstance(self.field, PrimeField) else f"over {self.field!r}"
        return f"Polynomial({format_terms(self.coeffs)}, {over})"


def format_terms(coeffs: Sequence[Element]) -> str:
    """Ascending terms as text, e.g. ``3 + 2·X + X^2``; zero coefficients are left out."""
    terms = []
    for i, c in enumerate(coeffs):
        if c == 0:
            continue
        text = _format_coefficient(c)
        power = "" if i == 0 else "X" if i == 1 else f"X^{i}"
        if i == 0:
            terms.append(text)
        elif c == 1:
            terms.append(power)
        else:
            terms.append(f"{text}·{power}")
    return " + ".join(terms) if terms else "0"


def _format_coefficient(c: Element) -> str:
    if isinstance(c, FieldElement):
        return str(int(c))
    parts = getattr(c, "coeffs", None)  # a quadratic-extension element a + b·u
    if not (isinstance(parts, tuple) and len(parts) == 2):
        return str(c)
    a, b = int(parts[0]), int(parts[1])
    return str(a) if b == 0 else f"{b}·u" if a == 0 else f"({a} + {b}·u)"
