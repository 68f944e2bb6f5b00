"""Fast G1 subgroup-membership tests: cheaper than checking r·P = ∞ with a 255-bit multiplication.

* BN254: E(F_p) itself has prime order r (Barreto–Naehrig curves have cofactor 1), so every point on
  the curve is in G1 and the on-curve check is the whole test.
* BLS12-381 G1: the map φ(x, y) = (β·x, y), β a cube root of unity mod p, acts on G1 as multiplication
  by λ = -u² (u = -0xd201000000010000, the curve's parameter). P is in G1 exactly when φ(P) = -u²·P,
  a 128-bit multiplication instead of a 255-bit one.
* BLS12-381 G2: the "untwist-Frobenius-twist" map ψ acts on G2 as multiplication by u, and Q is in G2
  exactly when ψ(Q) = u·Q: a 64-bit multiplication instead of a 255-bit one.

Source: Scott, "A note on group membership tests for G1, G2 and GT on BLS pairing-friendly curves",
Cryptology ePrint 2021/1130, §4; Barreto and Naehrig, SAC 2005 (prime order of BN curves).
"""

from __future__ import annotations

from typing import Any

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
    raise ValueError("no cube root of unity matches the endomorphism on the generator")


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


_FQ2 = _bls.FQ2
_XI = _FQ2([1, 1])  # the twist's non-residue 1 + i
_PSI_X = (_XI ** ((_P - 1) // 3)).inv()
_PSI_Y = (_XI ** ((_P - 1) // 2)).inv()


def _conjugate(a: Any) -> Any:
    """a ↦ a^p in FQ2 = F_p[i]/(i² + 1): the complex conjugate."""
    return _FQ2([a.coeffs[0], -a.coeffs[1]])


def bls12_381_psi(Q: Any) -> Any:
    """ψ(x, y) = (x̄ / ξ^((p-1)/3), ȳ / ξ^((p-1)/2)) on py_ecc's projective G2 points (ξ = 1 + i)."""
    X, Y, Z = Q
    return (_conjugate(X) * _PSI_X, _conjugate(Y) * _PSI_Y, _conjugate(Z))


def bls12_381_g2_in_subgroup(Q: Any) -> bool:
    """Is the on-twist point Q in BLS12-381's G2?  ψ(Q) == u·Q (u < 0, so u·Q = |u|·(-Q))."""
    if _bls.is_inf(Q):
        return True
    return bool(_bls.eq(bls12_381_psi(Q), _bls.multiply(_bls.neg(Q), -BLS_U)))


# Constants that check themselves at import: the generator must pass.
if not (bls12_381_g1_in_subgroup((_bls.G1[0].n, _bls.G1[1].n, 1)) and bls12_381_g2_in_subgroup(_bls.G2)):
    raise ValueError("BLS12-381 endomorphism constants do not fix the generators' subgroups")


def bn254_g1_in_subgroup(P: JacPoint) -> bool:
    """BN254's G1 is the whole curve group (cofactor 1): an on-curve point is always in it."""
    return True
