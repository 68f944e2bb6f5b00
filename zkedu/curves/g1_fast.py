"""G1 arithmetic on plain Python ints mod p, for the short Weierstrass curves y² = x³ + b (a = 0).

Points are Jacobian triples ``(X, Y, Z)`` of ints standing for the affine point ``(X/Z², Y/Z³)``;
``Z == 0`` is the point at infinity (``JAC_INF``). py_ecc's "optimized" points are *homogeneous*
projective triples ``(X, Y, Z)`` standing for ``(X/Z, Y/Z)``; the converters below map between the two
without any field inversion. Working on ints skips py_ecc's field-element objects, which is where most
of the time goes in pure-Python curve code.

Source: Bernstein and Lange, Explicit-Formulas Database, hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-0.html
(dbl-2009-l, add-2007-bl, madd-2007-bl).
"""

from __future__ import annotations

JacPoint = tuple[int, int, int]
Affine = tuple[int, int]

JAC_INF: JacPoint = (1, 1, 0)


def jac_double(P: JacPoint, p: int) -> JacPoint:
    """2P in Jacobian coordinates (a = 0).

    Source: EFD dbl-2009-l.
    """
    X, Y, Z = P
    if Z == 0 or Y == 0:
        return JAC_INF
    A = X * X % p
    B = Y * Y % p
    C = B * B % p
    D = 2 * ((X + B) ** 2 - A - C) % p
    E = 3 * A % p
    X3 = (E * E - 2 * D) % p
    Y3 = (E * (D - X3) - 8 * C) % p
    Z3 = 2 * Y * Z % p
    return (X3, Y3, Z3)


def jac_add(P: JacPoint, Q: JacPoint, p: int) -> JacPoint:
    """P + Q in Jacobian coordinates, handling infinity, P == Q and P == -Q.

    Source: EFD add-2007-bl.
    """
    X1, Y1, Z1 = P
    X2, Y2, Z2 = Q
    if Z1 == 0:
        return Q
    if Z2 == 0:
        return P
    Z1Z1 = Z1 * Z1 % p
    Z2Z2 = Z2 * Z2 % p
    U1 = X1 * Z2Z2 % p
    U2 = X2 * Z1Z1 % p
    S1 = Y1 * Z2 * Z2Z2 % p
    S2 = Y2 * Z1 * Z1Z1 % p
    H = (U2 - U1) % p
    R = (S2 - S1) % p
    if H == 0:
        # Same x: either the same point (double) or opposite points (sum is infinity).
        return jac_double(P, p) if R == 0 else JAC_INF
    HH = H * H % p
    HHH = H * HH % p
    V = U1 * HH % p
    X3 = (R * R - HHH - 2 * V) % p
    Y3 = (R * (V - X3) - S1 * HHH) % p
    Z3 = Z1 * Z2 * H % p
    return (X3, Y3, Z3)


def jac_add_affine(P: JacPoint, x2: int, y2: int, p: int) -> JacPoint:
    """P + (x2, y2) with the second point affine (Z = 1): the "mixed" addition, cheaper than ``jac_add``.

    Source: EFD madd-2007-bl.
    """
    X1, Y1, Z1 = P
    if Z1 == 0:
        return (x2, y2, 1)
    Z1Z1 = Z1 * Z1 % p
    U2 = x2 * Z1Z1 % p
    S2 = y2 * Z1 * Z1Z1 % p
    H = (U2 - X1) % p
    R = (S2 - Y1) % p
    if H == 0:
        return jac_double(P, p) if R == 0 else JAC_INF
    HH = H * H % p
    HHH = H * HH % p
    V = X1 * HH % p
    X3 = (R * R - HHH - 2 * V) % p
    Y3 = (R * (V - X3) - Y1 * HHH) % p
    Z3 = Z1 * H % p
    return (X3, Y3, Z3)


def jac_mul(P: JacPoint, k: int, p: int) -> JacPoint:
    """k·P by left-to-right double-and-add (k ≥ 0, not reduced: callers decide about the group order).

    Source: any textbook, e.g. Hankerson, Menezes, Vanstone, Guide to ECC, Algorithm 3.27.
    """
    if k < 0:
        raise ValueError(f"jac_mul needs a non-negative scalar, got {k}")
    if P[2] == 0 or k == 0:
        return JAC_INF
    x, y = jac_to_affine(P, p)  # one inversion buys cheap mixed additions in the loop
    R = JAC_INF
    for bit in bin(k)[2:]:
        R = jac_double(R, p)
        if bit == "1":
            R = jac_add_affine(R, x, y, p)
    return R


def jac_to_affine(P: JacPoint, p: int) -> Affine:
    """(X/Z², Y/Z³); the caller handles infinity."""
    X, Y, Z = P
    if Z == 0:
        raise ValueError(f"the point at infinity has no affine coordinates: {P}")
    zi = pow(Z, -1, p)
    zi2 = zi * zi % p
    return (X * zi2 % p, Y * zi2 * zi % p)


def jac_eq(P: JacPoint, Q: JacPoint, p: int) -> bool:
    """Equality of Jacobian points without inversion (cross-multiplied)."""
    if P[2] == 0 or Q[2] == 0:
        return P[2] == 0 and Q[2] == 0
    Z1Z1, Z2Z2 = P[2] * P[2] % p, Q[2] * Q[2] % p
    return (P[0] * Z2Z2 - Q[0] * Z1Z1) % p == 0 and (P[1] * Z2Z2 * Q[2] - Q[1] * Z1Z1 * P[2]) % p == 0


def jac_is_on_curve(P: JacPoint, b: int, p: int) -> bool:
    """Y² = X³ + b·Z⁶ (the Jacobian form of y² = x³ + b); infinity counts as on the curve."""
    X, Y, Z = P
    if Z % p == 0:
        return True
    Z2 = Z * Z % p
    return (Y * Y - X * X * X - b * Z2 * Z2 * Z2) % p == 0


def projective_to_jac(X: int, Y: int, Z: int, p: int) -> JacPoint:
    """py_ecc's homogeneous (X, Y, Z) ~ (X/Z, Y/Z) to Jacobian (XZ, YZ², Z), no inversion."""
    if Z % p == 0:
        return JAC_INF
    return (X * Z % p, Y * Z % p * Z % p, Z % p)


def jac_to_projective(P: JacPoint, p: int) -> tuple[int, int, int]:
    """Jacobian (X, Y, Z) ~ (X/Z², Y/Z³) to homogeneous (XZ, Y, Z³), no inversion."""
    X, Y, Z = P
    if Z == 0:
        return (1, 1, 0)
    return (X * Z % p, Y % p, Z * Z % p * Z % p)
