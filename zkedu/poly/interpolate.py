"""Lagrange interpolation: the unique polynomial of degree < n through n points with distinct x.

Source: Berrut and Trefethen, "Barycentric Lagrange Interpolation", SIAM Review 46(3), 2004, §3.
"""

from __future__ import annotations

from collections.abc import Sequence

from zkedu.poly._common import Element, Field, to_element
from zkedu.poly.coeff import Polynomial


def lagrange_basis(field: Field, xs: Sequence[int | Element], i: int) -> Polynomial:
    """L_i(X) = Π_{j≠i} (X - x_j)/(x_i - x_j): 1 at x_i, 0 at every other x_j.

    >>> from zkedu.field import PrimeField
    >>> F = PrimeField(17)
    >>> L0 = lagrange_basis(F, [1, 2, 3], 0)
    >>> [int(L0(x)) for x in (1, 2, 3)]
    [1, 0, 0]
    """
    points = _check_distinct(field, xs)
    if not 0 <= i < len(points):
        raise ValueError(f"basis index {i} is out of range for {len(points)} points")
    others = points[:i] + points[i + 1 :]
    numerator = Polynomial.from_roots(field, others)
    return numerator * (field(1) / numerator(points[i]))


def interpolate_lagrange(
    field: Field, xs: Sequence[int | Element], ys: Sequence[int | Element]
) -> Polynomial:
    """The polynomial P of degree < n with P(x_i) = y_i, as Σ_i y_i·L_i(X), in O(n²) field operations.

    Builds M(X) = Π_j (X - x_j) once; then L_i = M(X)/(X - x_i) scaled by 1/M'(x_i), where
    M'(x_i) = Π_{j≠i} (x_i - x_j) is the barycentric weight's inverse.

    Source: Berrut and Trefethen (2004), §3, equation (3.1).

    >>> from zkedu.field import PrimeField
    >>> F = PrimeField(97)
    >>> interpolate_lagrange(F, [0, 1, 2], [1, 2, 5])
    Polynomial(1 + X^2, p=97)
    """
    points = _check_distinct(field, xs)
    if len(ys) != len(points):
        raise ValueError(f"need one y per x: got {len(points)} x values and {len(ys)} y values")
    values = [to_element(field, y) for y in ys]
    if not points:
        return Polynomial(field)
    m = Polynomial.from_roots(field, points)
    dm = m.derivative()
    result = Polynomial(field)
    for x_i, y_i in zip(points, values, strict=True):
        if y_i == 0:
            continue
        basis_numerator = m.exact_div(Polynomial(field, [-x_i, 1]))  # Π_{j≠i} (X - x_j)
        result = result + basis_numerator * (y_i / dm(x_i))
    return result


def _check_distinct(field: Field, xs: Sequence[int | Element]) -> list[Element]:
    points = [to_element(field, x) for x in xs]
    seen: set[Element] = set()
    for x in points:
        if x in seen:
            raise ValueError(f"interpolation points must be distinct: x = {x} appears twice")
        seen.add(x)
    return points
