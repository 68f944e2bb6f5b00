"""KZG polynomial commitments on any pairing curve: commit, open, verify, multi-open.

Polynomials are the book's ``zkedu.poly.Polynomial`` over the curve's scalar field (``curve.scalar_field``,
e.g. ``BLS12_381_FR``); a plain list of ascending int coefficients is accepted too (``[3, 0, 1]`` is 3 + X²).
Points z and values y may be ints or field elements. The setup is a ``TrustedSetup`` ([τ^i]₁, [1]₂, [τ]₂).

    commit:   C = [p(τ)]₁ = Σ p_i·[τ^i]₁
    open at z: y = p(z), q(X) = (p(X) - y) / (X - z), proof π = [q(τ)]₁
    verify:   e(C - [y]₁, [1]₂) = e(π, [τ - z]₂), checked as ONE pairing product
              e(C - [y]₁ + z·π, [1]₂) · e(-π, [τ]₂) = 1   (no G2 scalar multiplication needed)

Source: Kate, Zaverucha, Goldberg, "Constant-size commitments to polynomials and their applications",
ASIACRYPT 2010, §3.2 (PolyCommit_DL) and §3.4 (batch opening).
"""

from __future__ import annotations

from collections.abc import Sequence

from zkedu.curves import Point
from zkedu.field import FieldElement, PrimeField
from zkedu.kzg.setup import TrustedSetup
from zkedu.poly import Polynomial, interpolate_lagrange

PolynomialLike = Polynomial | Sequence[int | FieldElement]


def as_polynomial(field: PrimeField, p: PolynomialLike, what: str = "polynomial") -> Polynomial:
    """``p`` as a ``Polynomial`` over ``field``: a Polynomial over it as is, or a list of coefficients.

    TypeError for a polynomial over another field or a coefficient that is not an int or element of ``field``.
    """
    if isinstance(p, Polynomial):
        if p.field != field:
            raise TypeError(f"{what} must be over {field!r}, got one over {p.field!r}")
        return p
    if isinstance(p, str | bytes) or not isinstance(p, Sequence):
        raise TypeError(f"{what} must be a Polynomial or a list of coefficients, got {type(p).__name__}: {p!r}")
    return Polynomial(field, p)


def _g1_commit(setup: TrustedSetup, coeffs: Sequence[FieldElement]) -> Point:
    """Σ c_i·[τ^i]₁ for canonical coefficients: one MSM over the setup's prepared G1 powers."""
    curve = setup.curve
    if len(coeffs) > len(setup.g1_monomial):
        raise ValueError(f"degree {len(coeffs) - 1} exceeds the setup's degree {setup.degree}")
    scalars = [c.value for c in coeffs]
    if not scalars:
        return curve.Z1
    return curve.msm(setup.g1_table.prefix(len(scalars)), scalars)


def commit_polynomial(setup: TrustedSetup, p: PolynomialLike) -> Point:
    """C = [p(τ)]₁ = Σ p_i·[τ^i]₁, one MSM over the setup's G1 powers.

    Source: KZG 2010, §3.2 Commit.
    """
    poly = as_polynomial(setup.curve.scalar_field, p)
    return _g1_commit(setup, poly.coeffs)


def commit_g2(setup: TrustedSetup, p: PolynomialLike) -> Point:
    """[p(τ)]₂ in G2 (needed for multi-point verification).

    A teaching setup knows τ, so this is one multiplication p(τ)·[1]₂. A ceremony setup has no τ and only
    its published G2 powers: then Σ p_i·[τ^i]₂, and ValueError when p needs more powers than it has.
    """
    curve = setup.curve
    poly = as_polynomial(curve.scalar_field, p)
    if setup.tau is not None:
        return curve.mul(curve.G2, poly(setup.tau).value)
    if len(poly) > len(setup.g2_monomial):
        raise ValueError(
            f"[p(τ)]₂ for degree {poly.degree} needs {len(poly)} G2 powers, but this setup has only "
            f"{len(setup.g2_monomial)} and no τ: open at most {len(setup.g2_monomial) - 1} points at once"
        )
    total = curve.Z2
    for c, P in zip(poly.coeffs, setup.g2_monomial, strict=False):
        total = curve.add(total, curve.mul(P, c.value))
    return total


def compute_opening_proof(setup: TrustedSetup, p: PolynomialLike, z: int | FieldElement) -> tuple[Point, FieldElement]:
    """(π, y) with y = p(z) and π = [q(τ)]₁ for q(X) = (p(X) - y) / (X - z).

    ``exact_div`` raises if X - z did not divide p(X) - y; by the factor theorem it always does.
    Source: KZG 2010, §3.2 CreateWitness.
    """
    F = setup.curve.scalar_field
    poly = as_polynomial(F, p)
    z = _scalar(F, z, "z")
    y = poly(z)
    quotient = (poly - y).exact_div(Polynomial(F, [-z, 1]))
    return commit_polynomial(setup, quotient), y


def verify_opening(
    setup: TrustedSetup, commitment: Point, z: int | FieldElement, y: int | FieldElement, proof: Point
) -> bool:
    """Check that the polynomial committed to in C takes the value y at z, given the proof π.

    Verify: e(C - [y]₁, [1]₂) = e(π, [τ - z]₂), rearranged to e(C - [y]₁ + z·π, [1]₂) · e(-π, [τ]₂) = 1.
    Source: KZG 2010, §3.2 VerifyEval.
    """
    curve, F = setup.curve, setup.curve.scalar_field
    z, y = _scalar(F, z, "z"), _scalar(F, y, "y")
    lhs = curve.add(curve.add(commitment, curve.neg(curve.mul(curve.G1, y.value))), curve.mul(proof, z.value))
    return curve.pairing_check([(lhs, setup.g2_monomial[0]), (curve.neg(proof), setup.g2_tau)])


def verify_opening_two_pairings(
    setup: TrustedSetup, commitment: Point, z: int | FieldElement, y: int | FieldElement, proof: Point
) -> bool:
    """The same check as ``verify_opening`` written as in the paper: two pairings and a G2 multiplication.

    Verify: e(C - [y]₁, [1]₂) == e(π, [τ]₂ - [z]₂). Kept as the readable baseline.
    """
    curve, F = setup.curve, setup.curve.scalar_field
    z, y = _scalar(F, z, "z"), _scalar(F, y, "y")
    left = curve.pairing(curve.add(commitment, curve.neg(curve.mul(curve.G1, y.value))), setup.g2_monomial[0])
    tau_minus_z = curve.add(setup.g2_tau, curve.neg(curve.mul(setup.g2_monomial[0], z.value)))
    return bool(left == curve.pairing(proof, tau_minus_z))


def compute_multi_opening_proof(
    setup: TrustedSetup, p: PolynomialLike, points: Sequence[int | FieldElement]
) -> tuple[Point, list[FieldElement]]:
    """(π, ys): one proof that p(z_i) = y_i for all given (distinct) points.

    With Z(X) = Π (X - z_i) and I(X) the interpolant through (z_i, y_i), Z divides p - I;
    π = [q(τ)]₁ with q = (p - I) / Z.
    Source: KZG 2010, §3.4 (batch opening).
    """
    F = setup.curve.scalar_field
    poly = as_polynomial(F, p)
    zs = [_scalar(F, z, f"points[{i}]") for i, z in enumerate(points)]
    if not zs:
        raise ValueError("need at least one point to open at")
    ys = [poly(z) for z in zs]
    interpolant = interpolate_lagrange(F, zs, ys)
    quotient = (poly - interpolant).exact_div(Polynomial.from_roots(F, zs))
    return commit_polynomial(setup, quotient), ys


def verify_multi_opening(
    setup: TrustedSetup,
    commitment: Point,
    points: Sequence[int | FieldElement],
    values: Sequence[int | FieldElement],
    proof: Point,
) -> bool:
    """Check p(z_i) = y_i for every i with one proof.

    Verify: e(C - [I(τ)]₁, [1]₂) = e(π, [Z(τ)]₂), as e(C - [I(τ)]₁, [1]₂) · e(-π, [Z(τ)]₂) = 1.
    Source: KZG 2010, §3.4.
    """
    curve, F = setup.curve, setup.curve.scalar_field
    zs = [_scalar(F, z, f"points[{i}]") for i, z in enumerate(points)]
    ys = [_scalar(F, y, f"values[{i}]") for i, y in enumerate(values)]
    interpolant = interpolate_lagrange(F, zs, ys)
    lhs = curve.add(commitment, curve.neg(commit_polynomial(setup, interpolant)))
    z_tau = commit_g2(setup, Polynomial.from_roots(F, zs))
    return curve.pairing_check([(lhs, setup.g2_monomial[0]), (curve.neg(proof), z_tau)])


def forge_opening(
    setup: TrustedSetup, p: PolynomialLike, z: int | FieldElement, y_fake: int | FieldElement
) -> Point:
    """With the secret τ (teaching setups only), a proof that p(z) = y_fake for ANY y_fake.

    π = [(p(τ) - y_fake) / (τ - z)]₁: shows why τ must be destroyed.
    """
    if setup.tau is None:
        raise ValueError("forging needs the secret τ, which a real setup does not have")
    curve, F = setup.curve, setup.curve.scalar_field
    tau, z = F(setup.tau), _scalar(F, z, "z")
    if tau == z:
        raise ValueError("z equals τ: choose another point")
    q_tau = (as_polynomial(F, p)(tau) - _scalar(F, y_fake, "y_fake")) / (tau - z)
    return curve.mul(curve.G1, q_tau.value)


def _scalar(F: PrimeField, v: object, what: str) -> FieldElement:
    """``v`` (an int or an element of F) as an element of F; TypeError naming ``what`` otherwise."""
    try:
        return F(v)
    except TypeError:
        raise TypeError(f"{what} must be an int or an element of {F!r}, got {type(v).__name__}: {v!r}") from None
