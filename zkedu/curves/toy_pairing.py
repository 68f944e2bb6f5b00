"""A pairing small enough to print: the reduced Tate pairing on y² = x³ + 3 over F_101, by hand.

The curve has p + 1 = 102 = 2·3·17 points (it is supersingular: p ≡ 2 mod 3), so it holds a subgroup
G of prime order r = 17. Since p ≡ -1 mod 17, the smallest k with r | p^k - 1 is k = 2: the embedding
degree. The pairing's values therefore live in F_{101²}, a field of 10,201 elements, and every step fits
on a screen. The curve's distortion map ψ(x, y) = (ζ·x, y), ζ a cube root of unity in F_{p²}, sends G
to a second, independent subgroup, so e(P, Q) = Tate(P, ψ(Q)) is a symmetric, non-degenerate pairing
G × G → μ_17, the 17th roots of unity in F_{p²}.

Miller's loop builds, one bit of r at a time, the value at ψ(Q) of a function f with divisor
r·(P) - r·(∞): each step multiplies in the line through the current point T (tangent or chord) and divides
by the vertical line at the new point. The final exponentiation raises the result to (p² - 1)/r, which
removes every r-th power (the ambiguity in f) and lands in μ_r.

Source: Miller, "The Weil Pairing, and Its Efficient Calculation", J. Cryptology 17(4), 2004, §4
(Miller's algorithm); Menezes, Okamoto, Vanstone, "Reducing elliptic curve logarithms to logarithms in a
finite field", IEEE Trans. Inf. Theory 39(5), 1993 (embedding degree, MOV); Verheul, "Evidence that XTR
is more secure than supersingular elliptic curve cryptosystems", EUROCRYPT 2001 (distortion maps);
Costello, "Pairings for beginners" (2012), ch. 5–7.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from zkedu.curves.toy import ToyCurve, ToyPoint
from zkedu.field import PrimeField
from zkedu.field_ext import ExtElement, QuadraticExtension
from zkedu.ntheory import factor_int

P_TOY = 101
R_TOY = 17
CURVE = ToyCurve(P_TOY, 0, 3)  # y² = x³ + 3
FP = PrimeField(P_TOY)
FP2 = QuadraticExtension(FP, 2)  # F_101[u]/(u² - 2): 101 ≡ 5 mod 8, so 2 is not a square
ZETA = FP2.root_of_unity(3)  # a primitive cube root of unity: ζ³ = 1, ζ ≠ 1, and ζ is not in F_101
COFACTOR = CURVE.order // R_TOY  # 102 / 17 = 6
G = CURVE.mul(CURVE.points[0], COFACTOR)  # a generator of the order-17 subgroup

if CURVE.order != P_TOY + 1 or CURVE.order % R_TOY or G is None or CURVE.mul(G, R_TOY) is not None:
    raise RuntimeError(f"toy pairing constants are inconsistent: #E = {CURVE.order}, G = {G}")

ExtPoint = tuple[ExtElement, ExtElement] | None


@dataclass(frozen=True)
class MillerStep:
    """One step of Miller's loop: the operation, the point T after it, and the running value f."""

    operation: str  # "double" or "add"
    T: ToyPoint
    f: ExtElement


def compute_embedding_degree(p: int, r: int, r_minus_1_factors: dict[int, int] | None = None) -> int:
    """The smallest k with r | p^k - 1: the multiplicative order of p modulo the prime r.

    The order divides r - 1, so start from r - 1 and strip each prime factor while p^k stays 1 mod r.
    Pass the factorisation of r - 1 when r is too large to factor quickly (e.g. secp256k1's group order).

    >>> compute_embedding_degree(101, 17)
    2
    """
    if p % r == 0:
        raise ValueError(f"p = {p} is a multiple of r = {r}: no embedding degree")
    factors = factor_int(r - 1) if r_minus_1_factors is None else r_minus_1_factors
    if math.prod(q**e for q, e in factors.items()) != r - 1:
        raise ValueError(f"the factors given do not describe r - 1 = {r - 1}: {factors}")
    k = r - 1
    for q in factors:
        while k % q == 0 and pow(p, k // q, r) == 1:
            k //= q
    return k


def distortion_map(P: ToyPoint) -> ExtPoint:
    """ψ(x, y) = (ζ·x, y): still on y² = x³ + 3 because (ζx)³ = x³, but no longer defined over F_101."""
    if P is None:
        return None
    return (ZETA * P[0], FP2(P[1]))


def _line(T: tuple[int, int], S: tuple[int, int], Q: tuple[ExtElement, ExtElement]) -> tuple[ExtElement, ToyPoint]:
    """The line through T and S (the tangent if T = S) evaluated at Q, divided by the vertical at T + S."""
    p, (xt, yt), (xq, yq) = P_TOY, T, Q
    T_plus_S = CURVE.add(T, S)
    if T_plus_S is None:
        return xq - xt, None  # vertical line x = x_T; the vertical at ∞ is the constant 1
    if T == S:
        slope = (3 * xt * xt) * pow(2 * yt, -1, p) % p  # tangent: dy/dx = 3x² / 2y
    else:
        slope = (S[1] - yt) * pow(S[0] - xt, -1, p) % p  # chord
    line = yq - yt - slope * (xq - xt)
    vertical = xq - T_plus_S[0]
    return line / vertical, T_plus_S


def compute_miller_steps(P: ToyPoint, Q: ExtPoint, r: int = R_TOY) -> list[MillerStep]:
    """Miller's loop for f_{r,P} at Q, bit by bit of r (most significant first): the list of steps.

    Double: f ← f² · ℓ_{T,T}(Q)/v_{2T}(Q), T ← 2T. On a 1 bit, add: f ← f · ℓ_{T,P}(Q)/v_{T+P}(Q), T ← T + P.
    """
    if P is None or Q is None:
        return [MillerStep("start", P, FP2.one)]
    if not CURVE.contains(P):
        raise ValueError(f"{P} is not on y² = x³ + 3 mod {P_TOY}")
    steps, T, f = [MillerStep("start", P, FP2.one)], P, FP2.one
    for bit in bin(r)[3:]:
        if T is None:
            raise ValueError(f"P = {P} has order below r = {r}")
        line, T = _line(T, T, Q)
        f = f * f * line
        steps.append(MillerStep("double", T, f))
        if bit == "1":
            if T is None:
                raise ValueError(f"P = {P} has order below r = {r}")
            line, T = _line(T, P, Q)
            f = f * line
            steps.append(MillerStep("add", T, f))
    if T is not None:
        raise ValueError(f"r·P must be ∞ for P in the order-{r} subgroup, got {T} for P = {P}")
    return steps


def miller_loop(P: ToyPoint, Q: ExtPoint) -> ExtElement:
    """f_{r,P}(Q): defined only up to an r-th power, which the final exponentiation removes."""
    return compute_miller_steps(P, Q)[-1].f


def final_exponentiation(f: ExtElement) -> ExtElement:
    """f^((p² - 1)/r), in two parts: the easy f^(p - 1) = conj(f)/f (Frobenius), then the hard ^((p + 1)/r).

    After the easy part the value has norm 1; after the hard part it is an r-th root of unity.
    """
    easy = f.conjugate() / f  # f^p is the conjugate in F_{p²} (Frobenius), so f^(p-1) = f^p / f
    return easy ** ((P_TOY + 1) // R_TOY)


def toy_pairing(P: ToyPoint, Q: ToyPoint) -> ExtElement:
    """e(P, Q) = Tate(P, ψ(Q)) = final_exponentiation(f_{r,P}(ψ(Q))) for P, Q in the order-17 subgroup.

    >>> e = toy_pairing(G, G)
    >>> e != 1 and e ** R_TOY == 1
    True
    >>> toy_pairing(CURVE.mul(G, 3), CURVE.mul(G, 5)) == e ** 15
    True
    """
    for name, point in (("P", P), ("Q", Q)):
        if point is not None and (not CURVE.contains(point) or CURVE.mul(point, R_TOY) is not None):
            raise ValueError(f"{name} = {point} is not in the order-{R_TOY} subgroup of y² = x³ + 3 mod {P_TOY}")
    if P is None or Q is None:
        return FP2.one
    return final_exponentiation(miller_loop(P, distortion_map(Q)))
