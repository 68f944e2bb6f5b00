"""A pairing-friendly curve as one immutable object: group law, MSM, pairings, over py_ecc's optimized points.

Points are ``G1Point`` and ``G2Point`` (``zkedu.curves.points``): py_ecc "optimized" homogeneous
projective triples ``(X, Y, Z)`` standing for the affine point ``(X/Z, Y/Z)``, ``Z == 0`` the point at
infinity. G1 points have base-field coordinates (``FQ``), G2 points quadratic-extension coordinates
(``FQ2``), on the twisted curve; every operation returns the typed point. G1 work that the reader waits
for (multiplication, MSM, checks) runs on plain ints in ``zkedu.curves.g1_fast``; G2 and pairings use py_ecc.

Scalars: ``mul`` takes any int (negative means the negated point; not reduced mod r, so it is exact
even for points outside the r-subgroup); ``msm`` takes ints in [0, r) and rejects anything else.

Source: py_ecc (github.com/ethereum/py_ecc), modules optimized_bn128 and optimized_bls12_381.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from zkedu._checks import require_int
from zkedu.curves import g1_fast
from zkedu.curves.fixed_base import fixed_base_mul_many
from zkedu.curves.g1_fast import JacPoint
from zkedu.curves.g2_prepared import G2Prepared, miller_loop_prepared, prepare_g2
from zkedu.curves.msm import AffineOrInf, _msm_pippenger_batch_affine
from zkedu.curves.points import G1Point, G2Point, Point
from zkedu.field import PrimeField

_PREPARED_G2: dict[tuple, G2Prepared] = {}  # insertion-ordered: the least recently used comes first
_PREPARED_G2_SIZE = 32
_PREPARED_G2_LOCK = threading.Lock()


@dataclass(frozen=True)
class G1Table:
    """G1 points pre-converted to affine ints for repeated MSMs over the same bases (e.g. a KZG setup)."""

    curve_name: str
    affine: tuple[AffineOrInf, ...]

    def __len__(self) -> int:
        return len(self.affine)

    def prefix(self, k: int) -> G1Table:
        """The first ``k`` points, still prepared (a commitment to fewer coefficients than the setup has)."""
        require_int(k, "prefix length")
        if not 0 <= k <= len(self.affine):
            raise ValueError(f"prefix length must be in [0, {len(self.affine)}], got {k}")
        return G1Table(self.curve_name, self.affine[:k])


@dataclass(frozen=True)
class Curve:
    """One pairing-friendly curve y² = x³ + b with its G1, G2 generators and its pairing e: G1 × G2 → GT."""

    name: str
    p: int
    r: int
    b: int
    G1: Point
    G2: Point
    Z1: Point
    Z2: Point
    backend: ModuleType = field(repr=False, compare=False)  # py_ecc's module: FQ, FQ2, FQ12, b2, reference ops
    _miller_loop: Callable[[Point, Point], Any] = field(repr=False, compare=False)
    _final_exponentiate: Callable[[Any], Any] = field(repr=False, compare=False)
    _g1_in_subgroup: Callable[[JacPoint], bool] | None = field(default=None, repr=False, compare=False)
    _g2_in_subgroup: Callable[[Point], bool] | None = field(default=None, repr=False, compare=False)

    @property
    def scalar_field(self) -> PrimeField:
        """The field of scalars modulo the group order r (``zkedu.field.BN254_FR`` for BN254, ...)."""
        return PrimeField(self.r)

    # -- point classification ---------------------------------------------------------------
    def _group_of(self, P: object) -> int:
        """1 for a G1 point, 2 for a G2 point of this curve (typed, or a plain py_ecc triple); TypeError otherwise."""
        group = 0
        if isinstance(P, tuple) and len(P) == 3:
            if all(isinstance(c, self.backend.FQ) for c in P):
                group = 1
            elif all(isinstance(c, self.backend.FQ2) for c in P):
                group = 2
        if group == 0 or (isinstance(P, G1Point) and group != 1) or (isinstance(P, G2Point) and group != 2):
            raise TypeError(f"expected a {self.name} G1 or G2 point (G1Point, G2Point), got {type(P).__name__}: {P!r}")
        return group

    def _typed(self, P: Any, group: int) -> Point:
        """py_ecc's result as a G1Point or G2Point."""
        return G1Point(*P) if group == 1 else G2Point(*P)

    def require_g1(self, P: object, what: str = "point") -> Point:
        if self._group_of(P) != 1:
            raise TypeError(f"{what} must be a {self.name} G1 point, got a G2 point: {P!r}")
        return P  # type: ignore[return-value]

    def require_g2(self, Q: object, what: str = "point") -> Point:
        if self._group_of(Q) != 2:
            raise TypeError(f"{what} must be a {self.name} G2 point, got a G1 point: {Q!r}")
        return Q  # type: ignore[return-value]

    def _to_jac(self, P: Point) -> JacPoint:
        return g1_fast.projective_to_jac(P[0].n, P[1].n, P[2].n, self.p)

    def _from_jac(self, P: JacPoint) -> Point:
        FQ = self.backend.FQ
        return G1Point(*(FQ(c) for c in g1_fast.jac_to_projective(P, self.p)))

    # -- group law (G1 and G2) -------------------------------------------------------------
    def add(self, P: Point, Q: Point) -> Point:
        """P + Q (both in G1 or both in G2)."""
        if self._group_of(P) != self._group_of(Q):
            raise TypeError(f"cannot add a G1 point to a G2 point: {P!r} + {Q!r}")
        if self._group_of(P) == 1:
            return self._from_jac(g1_fast.jac_add(self._to_jac(P), self._to_jac(Q), self.p))
        return G2Point(*self.backend.add(P, Q))

    def neg(self, P: Point) -> Point:
        """-P: the mirror image (x, -y)."""
        self._group_of(P)
        return self._typed(self.backend.neg(P), self._group_of(P))

    def mul(self, P: Point, k: int) -> Point:
        """k·P by double-and-add; k any int (negative k multiplies -P), not reduced mod r."""
        group = self._group_of(P)
        require_int(k, "scalar")
        if k < 0:
            return self.mul(self.neg(P), -k)
        if group == 1:
            return self._from_jac(g1_fast.jac_mul(self._to_jac(P), k, self.p))
        return G2Point(*self.backend.multiply(P, k))

    def eq(self, P: Point, Q: Point) -> bool:
        """P == Q as points (projective coordinates are not unique, so == on tuples is not enough)."""
        if self._group_of(P) != self._group_of(Q):
            return False
        return bool(self.backend.eq(P, Q))

    def is_inf(self, P: Point) -> bool:
        """Is P the point at infinity (Z == 0)?"""
        self._group_of(P)
        return bool(self.backend.is_inf(P))

    def is_on_curve(self, P: Point) -> bool:
        """Does P satisfy the curve equation (y² = x³ + b in G1, the twist's equation in G2)?"""
        if self._group_of(P) == 1:
            return g1_fast.jac_is_on_curve(self._to_jac(P), self.b, self.p)
        return bool(self.backend.is_on_curve(P, self.backend.b2))

    def in_subgroup(self, P: Point) -> bool:
        """Is P on the curve and of order dividing r (r·P == ∞)? Needed wherever a cofactor exists."""
        if not self.is_on_curve(P):
            return False
        if self._group_of(P) == 1:
            if self._g1_in_subgroup is not None:
                return self._g1_in_subgroup(self._to_jac(P))
            return g1_fast.jac_mul(self._to_jac(P), self.r, self.p)[2] == 0
        if self._g2_in_subgroup is not None:
            return self._g2_in_subgroup(P)
        return bool(self.backend.is_inf(self.backend.multiply(P, self.r)))

    def in_subgroup_by_order(self, P: Point) -> bool:
        """The textbook test, r·P == ∞ (and on the curve): the reference for ``in_subgroup``'s fast tests."""
        if not self.is_on_curve(P):
            return False
        if self._group_of(P) == 1:
            return g1_fast.jac_mul(self._to_jac(P), self.r, self.p)[2] == 0
        return bool(self.backend.is_inf(self.backend.multiply(P, self.r)))

    def to_affine(self, P: Point) -> tuple[int, int] | None:
        """Affine (x, y) of a G1 point as ints, or None for the point at infinity."""
        self.require_g1(P)
        if self.backend.is_inf(P):
            return None
        zi = pow(P[2].n, -1, self.p)
        return (P[0].n * zi % self.p, P[1].n * zi % self.p)

    def from_affine(self, x: int, y: int) -> Point:
        """The G1 point (x, y), checked to lie on the curve."""
        for name, v in (("x", x), ("y", y)):
            require_int(v, name)
            if not 0 <= v < self.p:
                raise ValueError(f"{name} must be in [0, p) for {self.name}, got {v}")
        if not g1_fast.jac_is_on_curve((x, y, 1), self.b, self.p):
            raise ValueError(f"({x}, {y}) is not on {self.name}: y² != x³ + {self.b}")
        FQ = self.backend.FQ
        return G1Point(FQ(x), FQ(y), FQ(1))

    def mul_many(self, P: Point, scalars: Sequence[int]) -> list[Point]:
        """[k·P for k in scalars] for one G1 point P and ints k >= 0, by a fixed-base table.

        Same results as calling ``mul`` once per scalar (tested), several times faster for many scalars.
        """
        self.require_g1(P)
        for i, k in enumerate(scalars):
            require_int(k, f"scalars[{i}]")
            if k < 0:
                raise ValueError(f"scalars[{i}] must be >= 0, got {k}")
        FQ = self.backend.FQ
        affine = fixed_base_mul_many(self._to_jac(P), list(scalars), self.p)
        return [self.Z1 if xy is None else G1Point(FQ(xy[0]), FQ(xy[1]), FQ(1)) for xy in affine]

    # -- multi-scalar multiplication (G1) ----------------------------------------------------
    def prepare_g1(self, points: Sequence[Point]) -> G1Table:
        """Convert G1 points once to affine ints (one inversion each), checking they lie on the curve."""
        affine: list[AffineOrInf] = []
        for i, P in enumerate(points):
            self.require_g1(P, f"points[{i}]")
            if not self.is_on_curve(P):
                raise ValueError(f"points[{i}] is not on {self.name}: {P!r}")
            affine.append(self.to_affine(P))
        return G1Table(self.name, tuple(affine))

    def _check_scalars(self, scalars: Sequence[int]) -> list[int]:
        out = []
        for i, s in enumerate(scalars):
            require_int(s, f"scalars[{i}]")
            if not 0 <= s < self.r:
                raise ValueError(f"scalars[{i}] must be in [0, r) for {self.name}, got {s}")
            out.append(s)
        return out

    def msm(self, points: Sequence[Point] | G1Table, scalars: Sequence[int]) -> Point:
        """Σ sᵢ·Pᵢ over G1 by Pippenger's bucket method (fast path; same result as ``msm_naive``).

        The buckets are filled with batched affine additions (``msm._msm_pippenger_batch_affine``), which the
        tests check against the Jacobian ``msm_pippenger`` and against ``msm_naive``.
        """
        if isinstance(points, G1Table):
            if points.curve_name != self.name:
                raise ValueError(f"G1Table was prepared for {points.curve_name}, not {self.name}")
            table = points
        else:
            table = self.prepare_g1(points)
        ss = self._check_scalars(scalars)
        if len(table) != len(ss):
            raise ValueError(f"msm needs as many scalars as points, got {len(table)} points and {len(ss)} scalars")
        return self._from_jac(_msm_pippenger_batch_affine(table.affine, ss, self.p))

    def msm_naive(self, points: Sequence[Point], scalars: Sequence[int]) -> Point:
        """Σ sᵢ·Pᵢ the readable way: one scalar multiplication per point, then add them all up."""
        ss = self._check_scalars(scalars)
        if len(points) != len(ss):
            raise ValueError(f"msm needs as many scalars as points, got {len(points)} points and {len(ss)} scalars")
        total = self.Z1
        for P, s in zip(points, ss, strict=True):
            self.require_g1(P)
            total = self.backend.add(total, self.backend.multiply(P, s))
        return G1Point(*total)

    # -- pairings ---------------------------------------------------------------------------
    def prepare_g2(self, Q: Point) -> G2Prepared:
        """Precompute the Miller-loop lines of a G2 point used in many pairings (e.g. [1]₂ and [τ]₂ in KZG).

        ``pairing`` and ``pairing_check`` accept the result wherever they take a G2 point.
        """
        self.require_g2(Q)
        if not self.is_on_curve(Q):
            raise ValueError(f"G2 point is not on {self.name}'s twist: {Q!r}")
        if self.backend.is_inf(Q):
            raise ValueError(f"cannot prepare the point at infinity (its pairings are all 1): {Q!r}")
        return prepare_g2(self.name, Q)

    def _check_pair(self, P: Point, Q: Point | G2Prepared, i: int | None = None) -> None:
        where = "" if i is None else f"pairs[{i}]: "
        self.require_g1(P, f"{where}first argument")
        if isinstance(Q, G2Prepared):
            if Q.curve_name != self.name:
                raise ValueError(f"{where}G2 point was prepared for {Q.curve_name}, not {self.name}")
        else:
            self.require_g2(Q, f"{where}second argument")
            if not self.is_on_curve(Q):
                raise ValueError(f"{where}G2 point is not on {self.name}'s twist: {Q!r}")
        if not self.is_on_curve(P):
            raise ValueError(f"{where}G1 point is not on {self.name}: {P!r}")

    def pairing(self, P: Point, Q: Point | G2Prepared) -> Any:
        """e(P, Q) ∈ GT ⊂ FQ12 for P in G1 and Q in G2 (Miller loop, then final exponentiation)."""
        self._check_pair(P, Q)
        return self._final_exponentiate(self._pairing_loop(P, Q))

    def miller_loop(self, P: Point, Q: Point | G2Prepared) -> Any:
        """The Miller loop f_{P,Q} ∈ FQ12 *before* the final exponentiation (1 if either point is ∞)."""
        if isinstance(Q, G2Prepared):
            xy = self.to_affine(P)
            return self.backend.FQ12.one() if xy is None else miller_loop_prepared(*xy, Q)
        if self.backend.is_inf(P) or self.backend.is_inf(Q):
            return self.backend.FQ12.one()
        return self._miller_loop(P, Q)

    def _pairing_loop(self, P: Point, Q: Point | G2Prepared) -> Any:
        """``miller_loop`` with a plain G2 point prepared first, the preparation kept for its next use.

        Preparing costs no more than one plain loop, and a prepared loop about a tenth of one; the same few G2
        points recur (KZG's [1]₂ and [τ]₂, a PLONK key's [τ]₂, a verifier contract's inputs). The value can
        differ from ``miller_loop``'s by a factor that the final exponentiation removes (tested).
        """
        if self.backend.is_inf(P):  # e(∞, Q) = 1: nothing to prepare
            return self.backend.FQ12.one()
        if not isinstance(Q, G2Prepared) and not self.backend.is_inf(Q):
            Q = self._prepared_g2(Q)
        return self.miller_loop(P, Q)

    def _prepared_g2(self, Q: Point) -> G2Prepared:
        """``prepare_g2(Q)`` for a finite, checked Q, from a small cache keyed by (curve, affine x, affine y)."""
        z_inv = Q[2].inv()
        x, y = Q[0] * z_inv, Q[1] * z_inv
        key = (self.name, tuple(int(c) for c in x.coeffs), tuple(int(c) for c in y.coeffs))
        with _PREPARED_G2_LOCK:
            prepared = _PREPARED_G2.pop(key, None)
        if prepared is None:
            prepared = prepare_g2(self.name, Q)  # outside the lock: two threads may both prepare, never corrupt
        with _PREPARED_G2_LOCK:
            _PREPARED_G2[key] = prepared  # most recently used last
            while len(_PREPARED_G2) > _PREPARED_G2_SIZE:
                del _PREPARED_G2[next(iter(_PREPARED_G2))]
        return prepared

    def pairing_check(self, pairs: Sequence[tuple[Point, Point | G2Prepared]]) -> bool:
        """Is Π e(Pᵢ, Qᵢ) == 1? Miller loops multiplied together, then ONE final exponentiation.

        A Qᵢ may be a ``G2Prepared`` (from ``prepare_g2``) to skip the G2 half of its Miller loop.

        Source: EIP-197 (the BN254 pairing precompile checks exactly this product); KZG verification
        e(C - [y], [1]) · e(-π, [τ - z]) == 1 is the two-pair case.
        """
        f = self.backend.FQ12.one()
        for i, pair in enumerate(pairs):
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise TypeError(f"pairs[{i}] must be a (G1 point, G2 point) tuple, got {pair!r}")
            P, Q = pair
            self._check_pair(P, Q, i)
            f = f * self._pairing_loop(P, Q)
        return bool(self._final_exponentiate(f) == self.backend.FQ12.one())
