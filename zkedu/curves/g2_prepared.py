"""Precomputed Miller-loop lines for a fixed G2 point: pairings against it then cost a fraction of a Miller loop.

Every line the Miller loop evaluates depends only on the G2 point Q; the G1 point P enters linearly.
With P affine, py_ecc's line value is n = A·x_P + B·y_P + C over a denominator d, where A, B, C, d are
FQ12 elements fixed by Q. So ``prepare_g2`` runs the loop once, storing (A, B, C) per step and the
product of all denominators, and ``miller_loop_prepared`` needs only one squaring and one multiplication
per step. A KZG verifier pairs against the same two G2 points, [1]₂ and [τ]₂, every time.

Source: py_ecc optimized pairing ``linefunc`` and ``miller_loop`` (the lines and the loop schedule this
module reproduces); Scott, "Implementing cryptographic pairings", Pairing 2007, §5 (precomputation for
a fixed argument).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from py_ecc import optimized_bls12_381 as _bls
from py_ecc import optimized_bn128 as _bn
from py_ecc.optimized_bls12_381 import optimized_pairing as _bls_pairing
from py_ecc.optimized_bn128 import optimized_pairing as _bn_pairing

from zkedu.curves.pairing import bn254_frobenius

Line = tuple[Any, Any, Any]  # (A, B, C): the line's value at affine P is A·x + B·y + C


@dataclass(frozen=True)
class G2Prepared:
    """A G2 point with its Miller-loop lines: pass it wherever ``pairing_check`` or ``pairing`` wants a G2 point."""

    curve_name: str
    Q: Any
    steps: tuple[tuple[bool, Line], ...]  # (square f first?, line)
    den_inverse: Any  # 1 / (product of the line denominators, squared along the same schedule)


def line_coefficients(T1: Any, T2: Any) -> tuple[Line, Any]:
    """(A, B, C) and d of py_ecc's ``linefunc(T1, T2, (x, y, 1))`` = (A·x + B·y + C, d), for twisted T1, T2."""
    x1, y1, z1 = T1
    x2, y2, z2 = T2
    m_num = y2 * z1 - y1 * z2
    m_den = x2 * z1 - x1 * z2
    zero = m_den.zero()
    if m_den == zero and m_num != zero:  # vertical line x = x1
        return (z1, zero, -x1), z1
    if m_den == zero:  # tangent at T1
        m_num, m_den = 3 * x1 * x1, 2 * y1 * z1
    return (m_num * z1, -(m_den * z1), m_den * y1 - m_num * x1), m_den * z1


def _schedule_bls12_381(Q: Any) -> list[tuple[bool, Any, Any]]:
    """(square first?, T1, T2) for each line of py_ecc's BLS12-381 Miller loop."""
    out = []
    R, twist_R, twist_Q = Q, _bls.twist(Q), _bls.twist(Q)
    for v in _bls_pairing.pseudo_binary_encoding[62::-1]:
        out.append((True, twist_R, twist_R))
        R = _bls.double(R)
        twist_R = _bls.twist(R)
        if v == 1:
            out.append((False, twist_R, twist_Q))
            R = _bls.add(R, Q)
            twist_R = _bls.twist(R)
    return out


def _schedule_bn254(Q: Any) -> list[tuple[bool, Any, Any]]:
    """(square first?, T1, T2) for each line of the BN254 optimal-ate loop (as ``pairing.miller_loop_bn254``)."""
    out = []
    twist_Q, neg_Q = _bn.twist(Q), _bn.neg(Q)
    twist_neg_Q = _bn.twist(neg_Q)
    R, twist_R = Q, twist_Q
    for v in _bn_pairing.pseudo_binary_encoding[63::-1]:
        out.append((True, twist_R, twist_R))
        R = _bn.double(R)
        twist_R = _bn.twist(R)
        if v:
            addend, twist_addend = (Q, twist_Q) if v == 1 else (neg_Q, twist_neg_Q)
            out.append((False, twist_R, twist_addend))
            R = _bn.add(R, addend)
            twist_R = _bn.twist(R)
    Q1 = tuple(bn254_frobenius(c) for c in twist_Q)
    nQ2 = (bn254_frobenius(Q1[0]), -bn254_frobenius(Q1[1]), bn254_frobenius(Q1[2]))
    out.append((False, twist_R, Q1))
    out.append((False, _bn_pairing.add(twist_R, Q1), nQ2))
    return out


def prepare_g2(curve_name: str, Q: Any) -> G2Prepared:
    """Run the Miller loop's G2 side once for a finite, on-curve Q (the caller validates)."""
    schedule = {"BN254": _schedule_bn254, "BLS12-381": _schedule_bls12_381}[curve_name](Q)
    FQ12 = (_bn if curve_name == "BN254" else _bls).FQ12
    steps, den = [], FQ12.one()
    for square, T1, T2 in schedule:
        line, d = line_coefficients(T1, T2)
        den = (den * den if square else den) * d
        steps.append((square, line))
    return G2Prepared(curve_name, Q, tuple(steps), den.inv())


def miller_loop_prepared(x: int, y: int, prepared: G2Prepared) -> Any:
    """The Miller loop value f_{P,Q} for affine P = (x, y) against a prepared Q (same value as py_ecc's)."""
    f = None
    for square, (A, B, C) in prepared.steps:
        line = A * x + B * y + C
        f = line if f is None else (f * f * line if square else f * line)
    return f * prepared.den_inverse
