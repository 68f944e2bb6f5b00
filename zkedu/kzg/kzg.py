"""KZG polynomial commitments on any pairing curve, in coefficient form: commit, open, verify, multi-open.

Polynomials are lists of ints modulo the curve's group order r, coefficients in ascending order
(``[3, 0, 1]`` is 3 + X²). The setup is a ``TrustedSetup`` (monomial powers [τ^i]₁, [τ^i]₂).

    commit:   C = [p(τ)]₁ = Σ p_i·[τ^i]₁
    open at z: y = p(z), q(X) = (p(X) - y) / (X - z), proof π = [q(τ)]₁
    verify:   e(C - [y]₁, [1]₂) = e(π, [τ - z]₂), checked as ONE pairing product
              e(C - [y]₁ + z·π, [1]₂) · e(-π, [τ]₂) = 1   (no G2 scalar multiplication needed)

Source: Kate, Zaverucha, Goldberg, "Constant-size commitments to polynomials and their applications",
ASIACRYPT 2010, §3.2 (PolyCommit_DL) and §3.4 (batch opening).
"""

from __future__ import annotations

from collections.abc import Sequence

from zkedu.curves import Curve, Point
from zkedu.kzg.setup import TrustedSetup

PolynomialCoeff = list[int]  # ascending coefficients modulo r


def _check_coeffs(coeffs: Sequence[int], r: int, what: str = "polynomial") -> PolynomialCoeff:
    out = []
    for i, c in enumerate(coeffs):
        if not isinstance(c, int) or isinstance(c, bool):
            raise TypeError(f"{what} coefficient {i} must be an int, got {type(c).__name__}: {c!r}")
        out.append(c % r)
    return out


def evaluate_polynomial(coeffs: Sequence[int], z: int, r: int) -> int:
    """p(z) mod r by Horner's rule.

    >>> evaluate_polynomial([3, 0, 1], 4, 97)  # 3 + 16
    19
    """
    result = 0
    for c in reversed(coeffs):
        result = (result * z + c) % r
    return result


def divide_polynomials(num: Sequence[int], den: Sequence[int], r: int) -> tuple[PolynomialCoeff, PolynomialCoeff]:
    """(quotient, remainder) of num / den modulo a prime r, by long division.

    >>> divide_polynomials([-1 % 97, 0, 1], [-1 % 97, 1], 97)  # (X² - 1) / (X - 1) = X + 1
    ([1, 1], [0])
    """
    den = list(den)
    while den and den[-1] % r == 0:
        den.pop()
    if not den:
        raise ZeroDivisionError("division by the zero polynomial")
    rem = [c % r for c in num]
    inv_lead = pow(den[-1], -1, r)
    quotient = [0] * max(len(rem) - len(den) + 1, 1)
    for shift in range(len(rem) - len(den), -1, -1):
        factor = rem[shift + len(den) - 1] * inv_lead % r
        quotient[shift] = factor
        for j, d in enumerate(den):
            rem[shift + j] = (rem[shift + j] - factor * d) % r
    remainder = rem[: len(den) - 1] or [0]
    return quotient, remainder


def multiply_polynomials(a: Sequence[int], b: Sequence[int], r: int) -> PolynomialCoeff:
    """a·b modulo r (schoolbook).

    >>> multiply_polynomials([1, 1], [96, 1], 97)  # (1 + X)(X - 1) = X² - 1
    [96, 0, 1]
    """
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] = (out[i + j] + x * y) % r
    return out


def vanishing_polynomial(points: Sequence[int], r: int) -> PolynomialCoeff:
    """Z(X) = Π (X - z_i): zero exactly on the given points.

    >>> vanishing_polynomial([1, 2], 97)  # X² - 3X + 2
    [2, 94, 1]
    """
    out = [1]
    for z in points:
        out = multiply_polynomials(out, [-z % r, 1], r)
    return out


def interpolate_polynomial(xs: Sequence[int], ys: Sequence[int], r: int) -> PolynomialCoeff:
    """The unique polynomial of degree < len(xs) through (x_i, y_i), by Lagrange's formula.

    >>> interpolate_polynomial([0, 1, 2], [3, 4, 7], 97)  # 3 + X²
    [3, 0, 1]
    """
    if len(xs) != len(ys):
        raise ValueError(f"need as many values as points, got {len(xs)} points and {len(ys)} values")
    if len({x % r for x in xs}) != len(xs):
        raise ValueError(f"interpolation points must be distinct modulo r, got {list(xs)}")
    result = [0] * len(xs)
    for i, (xi, yi) in enumerate(zip(xs, ys, strict=True)):
        others = [x for j, x in enumerate(xs) if j != i]
        basis = vanishing_polynomial(others, r)  # L_i(X) up to the scale below
        scale = yi * pow(evaluate_polynomial(basis, xi, r), -1, r) % r
        for k, c in enumerate(basis):
            result[k] = (result[k] + scale * c) % r
    return result


def commit_polynomial(setup: TrustedSetup, coeffs: Sequence[int]) -> Point:
    """C = [p(τ)]₁ = Σ p_i·[τ^i]₁, one MSM over the setup's G1 powers.

    Source: KZG 2010, §3.2 Commit.
    """
    curve = setup.curve
    p = _check_coeffs(coeffs, curve.r)
    if len(p) > len(setup.g1_monomial):
        raise ValueError(f"degree {len(p) - 1} exceeds the setup's degree {setup.degree}")
    if not p:
        return curve.Z1
    if len(p) == len(setup.g1_monomial):
        return curve.msm(setup.g1_table, p)
    return curve.msm(setup.g1_monomial[: len(p)], p)


def commit_g2(setup: TrustedSetup, coeffs: Sequence[int]) -> Point:
    """[p(τ)]₂ in G2 (needed for multi-point verification).

    A teaching setup knows τ, so this is one multiplication p(τ)·[1]₂. A ceremony setup has no τ and only
    its published G2 powers: then Σ p_i·[τ^i]₂, and ValueError when p needs more powers than it has.
    """
    curve = setup.curve
    p = _check_coeffs(coeffs, curve.r)
    if setup.tau is not None:
        return curve.mul(curve.G2, evaluate_polynomial(p, setup.tau, curve.r))
    if len(p) > len(setup.g2_monomial):
        raise ValueError(
            f"[p(τ)]₂ for degree {len(p) - 1} needs {len(p)} G2 powers, but this setup has only "
            f"{len(setup.g2_monomial)} and no τ: open at most {len(setup.g2_monomial) - 1} points at once"
        )
    total = curve.Z2
    for c, P in zip(p, setup.g2_monomial, strict=False):
        if c:
            total = curve.add(total, curve.mul(P, c))
    return total


def compute_opening_proof(setup: TrustedSetup, coeffs: Sequence[int], z: int) -> tuple[Point, int]:
    """(π, y) with y = p(z) and π = [q(τ)]₁ for q(X) = (p(X) - y) / (X - z).

    Source: KZG 2010, §3.2 CreateWitness.
    """
    r = setup.curve.r
    p = _check_coeffs(coeffs, r)
    z %= r
    y = evaluate_polynomial(p, z, r)
    quotient, remainder = divide_polynomials([(p[0] - y) % r, *p[1:]] if p else [0], [-z % r, 1], r)
    assert remainder == [0], "X - z must divide p(X) - p(z)"  # internal invariant (factor theorem)
    return commit_polynomial(setup, quotient), y


def _g2_tau(setup: TrustedSetup) -> Point:
    if len(setup.g2_monomial) < 2:
        raise ValueError("the setup needs [τ]₂ to verify openings")
    return setup.g2_monomial[1]


def verify_opening(setup: TrustedSetup, commitment: Point, z: int, y: int, proof: Point) -> bool:
    """Check that the polynomial committed to in C takes the value y at z, given the proof π.

    Verify: e(C - [y]₁, [1]₂) = e(π, [τ - z]₂), rearranged to e(C - [y]₁ + z·π, [1]₂) · e(-π, [τ]₂) = 1.
    Source: KZG 2010, §3.2 VerifyEval.
    """
    curve = setup.curve
    r = curve.r
    for name, v in (("z", z), ("y", y)):
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError(f"{name} must be an int, got {type(v).__name__}: {v!r}")
    lhs = curve.add(curve.add(commitment, curve.neg(curve.mul(curve.G1, y % r))), curve.mul(proof, z % r))
    return curve.pairing_check([(lhs, setup.g2_monomial[0]), (curve.neg(proof), _g2_tau(setup))])


def verify_opening_two_pairings(setup: TrustedSetup, commitment: Point, z: int, y: int, proof: Point) -> bool:
    """The same check as ``verify_opening`` written as in the paper: two pairings and a G2 multiplication.

    Verify: e(C - [y]₁, [1]₂) == e(π, [τ]₂ - [z]₂). Kept as the readable baseline.
    """
    curve = setup.curve
    left = curve.pairing(curve.add(commitment, curve.neg(curve.mul(curve.G1, y % curve.r))), setup.g2_monomial[0])
    tau_minus_z = curve.add(_g2_tau(setup), curve.neg(curve.mul(setup.g2_monomial[0], z % curve.r)))
    return bool(left == curve.pairing(proof, tau_minus_z))


def compute_multi_opening_proof(
    setup: TrustedSetup, coeffs: Sequence[int], points: Sequence[int]
) -> tuple[Point, list[int]]:
    """(π, ys): one proof that p(z_i) = y_i for all given points.

    With Z(X) = Π (X - z_i) and I(X) the interpolant through (z_i, y_i), Z divides p - I;
    π = [q(τ)]₁ with q = (p - I) / Z.
    Source: KZG 2010, §3.4 (batch opening).
    """
    r = setup.curve.r
    p = _check_coeffs(coeffs, r)
    zs = _check_coeffs(points, r, "points")
    if not zs:
        raise ValueError("need at least one point to open at")
    ys = [evaluate_polynomial(p, z, r) for z in zs]
    interpolant = interpolate_polynomial(zs, ys, r)
    numerator = [(a - b) % r for a, b in zip(p + [0] * len(interpolant), interpolant + [0] * len(p), strict=False)]
    quotient, remainder = divide_polynomials(numerator, vanishing_polynomial(zs, r), r)
    assert not any(remainder), "Z(X) must divide p(X) - I(X)"  # internal invariant
    return commit_polynomial(setup, quotient), ys


def verify_multi_opening(
    setup: TrustedSetup, commitment: Point, points: Sequence[int], values: Sequence[int], proof: Point
) -> bool:
    """Check p(z_i) = y_i for every i with one proof.

    Verify: e(C - [I(τ)]₁, [1]₂) = e(π, [Z(τ)]₂), as e(C - [I(τ)]₁, [1]₂) · e(-π, [Z(τ)]₂) = 1.
    Source: KZG 2010, §3.4.
    """
    curve = setup.curve
    r = curve.r
    zs = _check_coeffs(points, r, "points")
    ys = _check_coeffs(values, r, "values")
    interpolant = interpolate_polynomial(zs, ys, r)
    lhs = curve.add(commitment, curve.neg(commit_polynomial(setup, interpolant)))
    z_tau = commit_g2(setup, vanishing_polynomial(zs, r))
    return curve.pairing_check([(lhs, setup.g2_monomial[0]), (curve.neg(proof), z_tau)])


def forge_opening(setup: TrustedSetup, commitment_coeffs: Sequence[int], z: int, y_fake: int) -> Point:
    """With the secret τ (teaching setups only), a proof that p(z) = y_fake for ANY y_fake.

    π = [(p(τ) - y_fake) / (τ - z)]₁: shows why τ must be destroyed.
    """
    if setup.tau is None:
        raise ValueError("forging needs the secret τ, which a real setup does not have")
    curve: Curve = setup.curve
    r = curve.r
    if (setup.tau - z) % r == 0:
        raise ValueError("z equals τ: choose another point")
    p_tau = evaluate_polynomial(_check_coeffs(commitment_coeffs, r), setup.tau, r)
    return curve.mul(curve.G1, (p_tau - y_fake) * pow(setup.tau - z, -1, r) % r)
