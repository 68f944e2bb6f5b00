"""Polynomials in evaluation form: their values on a ``Domain``, with the domain carried and checked.

``PolynomialEvals(domain, values)`` stands for the unique polynomial of degree < n taking ``values[i]``
at ``domain[i]``. Adding, subtracting and multiplying act point by point, only between evaluations on
the same domain; mixing with coefficient form raises TypeError, mixing domains raises ValueError.
(The point-by-point product is the product polynomial only while its degree stays below n.)

Source: Berrut and Trefethen, SIAM Review 46(3), 2004, §5 (barycentric formula on roots of unity);
ethereum/consensus-specs, deneb/polynomial-commitments.md, ``evaluate_polynomial_in_evaluation_form``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from numbers import Integral

from zkedu.field import FieldElement, batch_inverse
from zkedu.poly._common import Element, Field, to_element
from zkedu.poly.coeff import Polynomial
from zkedu.poly.domain import Domain
from zkedu.poly.ntt import coset_intt, coset_ntt


@dataclass(frozen=True, init=False)
class PolynomialEvals:
    """A polynomial of degree < n given by its n values on ``domain`` (its Lagrange basis).

    >>> from zkedu.field import PrimeField
    >>> F = PrimeField(17)
    >>> H = Domain(F, 4)
    >>> f = evaluate_on_domain(Polynomial(F, [1, 0, 1]), H)   # 1 + X²
    >>> f.to_polynomial()
    Polynomial(1 + X^2, p=17)
    >>> int(f(3)), int(Polynomial(F, [1, 0, 1])(3))
    (10, 10)
    """

    domain: Domain
    values: tuple[Element, ...]

    def __init__(self, domain: Domain, values: Iterable[int | Element]) -> None:
        if not isinstance(domain, Domain):
            raise TypeError(f"evaluation form needs a Domain, got {domain!r}")
        vals = tuple(to_element(domain.field, v) for v in values)
        if len(vals) != domain.size:
            raise ValueError(f"{domain!r} has {domain.size} points, got {len(vals)} values")
        object.__setattr__(self, "domain", domain)
        object.__setattr__(self, "values", vals)

    @property
    def field(self) -> Field:
        """The field the values live in (the domain's)."""
        return self.domain.field

    def _check(self, other: object) -> PolynomialEvals | None:
        if isinstance(other, Polynomial):
            raise TypeError(
                "cannot mix evaluation form with coefficient form: convert with evaluate_on_domain(poly, domain) "
                "or evals.to_polynomial() first"
            )
        if isinstance(other, PolynomialEvals):
            if other.domain != self.domain:
                raise ValueError(f"evaluations live on different domains: {self.domain!r} and {other.domain!r}")
            return other
        if isinstance(other, bool) or not isinstance(other, Integral | FieldElement):
            return None
        c = to_element(self.field, other)  # a scalar is the constant polynomial: the same value everywhere
        return PolynomialEvals(self.domain, [c] * self.domain.size)

    def __add__(self, other: object) -> PolynomialEvals:
        o = self._check(other)
        if o is None:
            return NotImplemented
        return PolynomialEvals(self.domain, [a + b for a, b in zip(self.values, o.values, strict=True)])

    __radd__ = __add__

    def __neg__(self) -> PolynomialEvals:
        return PolynomialEvals(self.domain, [-a for a in self.values])

    def __sub__(self, other: object) -> PolynomialEvals:
        o = self._check(other)
        return NotImplemented if o is None else self + (-o)

    def __rsub__(self, other: object) -> PolynomialEvals:
        o = self._check(other)
        return NotImplemented if o is None else o + (-self)

    def __mul__(self, other: object) -> PolynomialEvals:
        o = self._check(other)
        if o is None:
            return NotImplemented
        return PolynomialEvals(self.domain, [a * b for a, b in zip(self.values, o.values, strict=True)])

    __rmul__ = __mul__

    def __len__(self) -> int:
        return len(self.values)

    def __iter__(self) -> Iterator[Element]:
        return iter(self.values)

    def __getitem__(self, i: int) -> Element:
        return self.values[i]

    def evaluate(self, x: int | Element) -> Element:
        """The value at any ``x`` without converting to coefficients: the barycentric formula.

        For the domain c·ω^i, Z(X) = X^n - c^n and Z'(x_i) = n·c^n / x_i, so for x outside the domain::

            f(x) = Z(x) / (n·c^n) · Σ_i f_i · x_i / (x - x_i)

        and f(x_i) = f_i when x is the domain point x_i.

        Source: Berrut and Trefethen (2004), §5, equation (5.1) generalised to a coset.
        """
        x = to_element(self.field, x)
        i = self.domain.index_of(x)
        if i is not None:
            return self.values[i]
        n, field = self.domain.size, self.field
        c_n = self.domain.offset**n
        total = field(0)
        for x_i, f_i in zip(self.domain.elements, self.values, strict=True):
            total = total + f_i * x_i / (x - x_i)
        return (x**n - c_n) / (field(n) * c_n) * total

    __call__ = evaluate

    def evaluate_fast(self, x: int | Element) -> Element:
        """The same value as ``evaluate``, computed on plain ints with one batch inversion (for 4,096-point blobs).

        Only for a prime field; the tests check it against ``evaluate``.
        """
        x = to_element(self.field, x)
        if not isinstance(x, FieldElement):
            raise TypeError(f"evaluate_fast works in a prime field, got {self.field!r}")
        points = list(self.domain.element_ints)
        values = [v.value for v in self.values]
        return x.field(_barycentric_ints(values, points, int(self.domain.offset), int(x), x.field.modulus))

    def divide_by_linear(self, z: int | Element, y: int | Element) -> PolynomialEvals:
        """The values of q(X) = (f(X) - y) / (X - z) on the domain, for y = f(z): the KZG opening's quotient.

        Off the point z each value is (f_i - y) / (x_i - z). When z is the domain point x_m, the value there is
        0/0; q(x_m) = f'(x_m), which the barycentric form gives as Σ_{i≠m} (f_i - y)·x_i / (x_m·(x_m - x_i))
        (on a coset too, because Z'(x_i) = n·c^n / x_i).

        Source: ethereum/consensus-specs, deneb/polynomial-commitments.md, ``compute_kzg_proof_impl`` and
        ``compute_quotient_eval_within_domain``.
        """
        z, y = to_element(self.field, z), to_element(self.field, y)
        m = self.domain.index_of(z)
        xs = self.domain.elements
        # batch_inverse needs no zero: the 0 at x_m (if z is in the domain) is replaced by 1 and patched below.
        inverses = batch_inverse([x_i - z if i != m else self.field(1) for i, x_i in enumerate(xs)])
        quotient = [(f_i - y) * inv for f_i, inv in zip(self.values, inverses, strict=True)]
        if m is not None:
            at_z = self.field(0)
            for i, (f_i, x_i) in enumerate(zip(self.values, xs, strict=True)):
                if i != m:
                    at_z = at_z + (f_i - y) * x_i / (z * (z - x_i))
            quotient[m] = at_z
        return PolynomialEvals(self.domain, quotient)

    def to_polynomial(self) -> Polynomial:
        """The same polynomial in coefficient form, by an inverse NTT (on the coset if offset ≠ 1)."""
        return Polynomial(self.field, coset_intt(self.field, self.values, self.domain.offset))

    def __repr__(self) -> str:
        shown = ", ".join(str(int(v)) for v in self.values[:8]) + (", ..." if len(self.values) > 8 else "")
        return f"PolynomialEvals([{shown}] on {self.domain!r})"


def _barycentric_ints(values: list[int], points: list[int], offset: int, x: int, p: int) -> int:
    """``PolynomialEvals.evaluate`` on plain ints: f(x) = (x^n - c^n) / (n·c^n) · Σ f_i·x_i / (x - x_i)."""
    n = len(points)
    for x_i, f_i in zip(points, values, strict=True):
        if x_i == x:
            return f_i
    inverses = batch_inverse([(x - x_i) % p for x_i in points], p)
    total = sum(f_i * x_i % p * inv for f_i, x_i, inv in zip(values, points, inverses, strict=True)) % p
    c_n = pow(offset, n, p)
    return (pow(x, n, p) - c_n) * pow(n * c_n, -1, p) % p * total % p


def evaluate_on_domain(poly: Polynomial, domain: Domain) -> PolynomialEvals:
    """``poly``'s values on every point of ``domain``, by an NTT; its degree must be below the domain size.

    >>> from zkedu.field import PrimeField
    >>> F = PrimeField(17)
    >>> evaluate_on_domain(Polynomial(F, [5]), Domain(F, 2))
    PolynomialEvals([5, 5] on Domain(size=2, p=17))
    """
    if not isinstance(poly, Polynomial):
        raise TypeError(f"expected a Polynomial in coefficient form, got {poly!r}")
    if poly.field != domain.field:
        raise TypeError(
            f"polynomial over the field mod {poly.field.modulus} cannot be evaluated on {domain!r}"
        )
    if poly.degree >= domain.size:
        raise ValueError(
            f"a polynomial of degree {poly.degree} does not fit a domain of size {domain.size}: "
            f"its evaluations there would not determine it"
        )
    zero = domain.field(0)
    coeffs = list(poly.coeffs) + [zero] * (domain.size - len(poly.coeffs))
    return PolynomialEvals(domain, coset_ntt(domain.field, coeffs, domain.offset))
