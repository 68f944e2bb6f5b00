"""Fast G1 subgroup-membership tests: cheaper than checking r·P = ∞ with a 255-bit multiplication.

* BN254: E(F_p) itself has prime order r (Barreto–Naehrig curves have cofactor 1), so every point on
  the curve is in G1 and the on-curve check is the whole test.
* BLS12-381: the map φ(x, y) = (β·x, y), β a cube root of unity mod p, acts on G1 as multiplication by
  λ = -u² (u = -0xd201000000010000, the curve's parameter). P is in G1 exactly when φ(P) = -u²·P,
  a 128-bit multiplication instead of a 255-bit one.

Source: Scott, "A note on group membership tests for G1, G2 and GT on BLS pairing-friendly curves",
Cryptology ePrint 2021/1130, §4; Barreto and Naehrig, SAC 2005 (prime order of BN curves).
"""

from __future__ import annotations

from py_ecc import optimized_bls12_381 as _bls

from zkedu.curves.g1_fast import JacPoint, jac_eq, jac_mul

BLS_U = -0xD201000000010000
_P = _bls.field_modulus


def _pick_beta() -> int:
    """The cube root of unity β for which φ acts as -u² on the generator (the other one acts as its inverse)."""
    gx, gy = _bls.G1[0].n, _bls.G1[1].n
    target = jac_mul((gx, gy, 1), BLS_U * BLS_U, _P)
    for h in range(2, 20):
        beta = pow(h, (_P - 1) // 3, _P)
        if beta != 1 and jac_eq((beta * gx % _P, _P - gy, 1), target, _P):
            return beta
    raise AssertionError("no cube root of unity matches the endomorphism on the generator")


BETA = _pick_beta()


def bls12_381_g1_in_subgroup(P: JacPoint) -> bool:
    """Is the on-curve Jacobian point P in BLS12-381's G1?  φ(P) == -u²·P, written as -φ(P) == u²·P.

    The caller has checked that P is on the curve; infinity is in the subgroup.
    """
    X, Y, Z = P
    if Z == 0:
        return True
    # φ in Jacobian coordinates: x = X/Z² scales by β, so X does; negating flips Y.
    return jac_eq((BETA * X % _P, (_P - Y) % _P, Z), jac_mul(P, BLS_U * BLS_U, _P), _P)


def bn254_g1_in_subgroup(P: JacPoint) -> bool:
    """BN254's G1 is the whole curve group (cofactor 1): an on-curve point is always in it."""
    return True
