"""Points of a pairing-friendly curve, told apart by type: ``G1Point`` (base-field coordinates) and ``G2Point``.

Both are py_ecc's "optimized" homogeneous projective triples ``(X, Y, Z)``, standing for the affine point
``(X/Z, Y/Z)``, with ``Z == 0`` the point at infinity. As named tuples they still are the tuples py_ecc
computes with, so every ``Curve`` operation returns one of these two types and an error message can say
which group a point is in. Compare points with ``Curve.eq``: projective coordinates are not unique.

Source: py_ecc (github.com/ethereum/py_ecc), optimized_bn128 / optimized_bls12_381 point representation.
"""

from __future__ import annotations

from typing import Any, NamedTuple, TypeAlias


class G1Point(NamedTuple):
    """A point of G1: coordinates in the base field F_p (py_ecc ``FQ``)."""

    X: Any
    Y: Any
    Z: Any


class G2Point(NamedTuple):
    """A point of G2, on the twisted curve: coordinates in the quadratic extension F_p² (py_ecc ``FQ2``)."""

    X: Any
    Y: Any
    Z: Any


Point: TypeAlias = G1Point | G2Point
