"""Evaluation domains: the multiplicative subgroup H of n-th roots of unity, n a power of two, and its cosets.

Source: Gabizon, Williamson, Ciobotaru, PLONK (ePrint 2019/953), §2 (the subgroup H and Z_H = X^n - 1).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from zkedu.poly._common import Element, Field, check_domain_size, to_element
from zkedu.poly.coeff import Polynomial


@dataclass(frozen=True, init=False)
class Domain:
    """The points c·ω^0, c·ω^1, ..., c·ω^(n-1): the subgroup H of n-th roots of unity shifted by c.

    ``offset`` c = 1 gives H itself; any other nonzero c gives the coset c·H. ``size`` n must be a
    power of two that divides p - 1.

    Source: PLONK (ePrint 2019/953), §2.

    >>> from zkedu.field import PrimeField
    >>> H = Domain(PrimeField(17), 4)
    >>> [int(x) for x in H]
    [1, 13, 16, 4]
    >>> H.vanishing_polynomial()
    Polynomial(16 + X^4, p=17)
    """

    field: Field
    size: int
    offset: Element

    def __init__(self, field: Field, size: int, offset: int | Element = 1) -> None:
        size = check_domain_size(field, size)
        c = to_element(field, offset)
        if c == 0:
            raise ValueError(f"a coset offset must be nonzero, got {offset!r}")
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "offset", c)

    @cached_property
    def generator(self) -> Element:
        """The primitive n-th root of unity ω (``field.root_of_unity(n)``); H is ω^0, ..., ω^(n-1)."""
        return self.field.root_of_unity(self.size)

    @cached_property
    def elements(self) -> tuple[Element, ...]:
        """The points c·ω^i in order i = 0, ..., n - 1."""
        points, x = [], self.offset
        for _ in range(self.size):
            points.append(x)
            x = x * self.generator
        return tuple(points)

    @cached_property
    def element_ints(self) -> tuple[int, ...]:
        """The points as canonical ints (cached), for the int fast paths such as ``PolynomialEvals.evaluate_fast``."""
        return tuple(int(x) for x in self.elements)

    @cached_property
    def _index(self) -> dict[int, int]:
        return {int(x): i for i, x in enumerate(self.elements)}

    def index_of(self, x: int | Element) -> int | None:
        """The position i with x == c·ω^i, or None when x is not in the domain."""
        return self._index.get(int(to_element(self.field, x)))

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[Element]:
        return iter(self.elements)

    def __getitem__(self, i: int) -> Element:
        return self.elements[i]

    def __contains__(self, x: object) -> bool:
        return self.index_of(x) is not None  # type: ignore[arg-type]

    def coset(self, offset: int | Element) -> Domain:
        """The same-size domain shifted by ``offset``."""
        return Domain(self.field, self.size, offset)

    def vanishing_polynomial(self) -> Polynomial:
        """Z(X) = X^n - c^n, zero exactly on the domain (Z_H = X^n - 1 for the subgroup itself).

        Every point x = c·ω^i satisfies x^n = c^n·(ω^n)^i = c^n, and a degree-n polynomial has at most
        n roots, so these are all of them.
        """
        return Polynomial.monomial(self.field, self.size) - self.offset**self.size

    def evaluate_vanishing(self, x: int | Element) -> Element:
        """Z(x) = x^n - c^n in O(log n) multiplications."""
        return to_element(self.field, x) ** self.size - self.offset**self.size

    def __repr__(self) -> str:
        shift = "" if self.offset == 1 else f", offset={int(self.offset)}"
        return f"Domain(size={self.size}{shift}, p={self.field.modulus})"
