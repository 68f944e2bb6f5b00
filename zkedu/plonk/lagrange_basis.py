"""Commitments from evaluations: the Lagrange-basis setup points [L_i(τ)]₁, the prover's fast path for sparse data.

A polynomial given by its values v_i on H is p = Σ v_i·L_i, so [p(τ)]₁ = Σ v_i·[L_i(τ)]₁: one MSM over the
Lagrange-basis points with the *values* as scalars, no interpolation. When the values are small (selectors are
0, ±1, ±2; the transfers witness is bits and 32-bit balances), the MSM has few windows and is several times
cheaper than committing the interpolated (dense, 254-bit) coefficients. Blinding adds multiples of Z_H, whose
commitments [Z_H(τ)]₁ = [τ^n]₁ - [1]₁ and [τ·Z_H(τ)]₁ = [τ^(n+1)]₁ - [τ]₁ come from the monomial setup.

snarkjs reads [L_i(τ)]₁ from a "prepared" powers-of-tau file (the ceremony computes them by an inverse NTT over
the G1 points); the teaching setup knows τ, so here L_i(τ) = ω^i·(τ^n - 1) / (n·(τ - ω^i)) is computed directly.

Source: snarkjs src/plonk_setup.js (the Lagrange points from ptau section 12); PLONK (ePrint 2019/953) §8.3
round 1 (blinding with (b1·X + b2)·Z_H).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from zkedu.curves import BN254, G1Table, Point
from zkedu.field import FieldElement
from zkedu.kzg import TrustedSetup
from zkedu.plonk.keys import F

HALF_R = F.modulus // 2


@dataclass(frozen=True)
class LagrangeBasis:
    """[L_i(τ)]₁ for i < n (as an MSM table), [Z_H(τ)]₁ and [τ·Z_H(τ)]₁."""

    n: int
    table: G1Table
    zh: Point
    x_zh: Point


def compute_lagrange_basis(setup: TrustedSetup, n: int) -> LagrangeBasis:
    """The Lagrange-basis points of H (size n) for a teaching setup; ValueError if τ is unknown or ≡ some ω^i."""
    if setup.tau is None:
        raise ValueError("computing [L_i(τ)]₁ directly needs τ; a real setup ships these points instead")
    if setup.degree < n + 1:
        raise ValueError(f"the setup's degree {setup.degree} is below n + 1 = {n + 1}")
    tau = F(setup.tau)
    zh = tau**n - 1
    if zh == 0:
        raise ValueError("τ lies in H: the Lagrange basis is degenerate there")
    omega_powers = F.roots_of_unity(n)
    dens = [F(n) * (tau - w) for w in omega_powers]
    scalars = [int(w * zh / d) for w, d in zip(omega_powers, dens, strict=True)]
    table = BN254.prepare_g1(BN254.mul_many(BN254.G1, scalars))
    g1 = setup.g1_monomial
    zh_point = BN254.add(g1[n], BN254.neg(g1[0]))
    x_zh_point = BN254.add(g1[n + 1], BN254.neg(g1[1]))
    return LagrangeBasis(n, table, zh_point, x_zh_point)


def commit_evaluations(basis: LagrangeBasis, values: Sequence[int | FieldElement]) -> Point:
    """Σ v_i·[L_i(τ)]₁: the commitment to the polynomial with values v_i on H.

    Values above r/2 are treated as negative (v - r), so -1 costs as little as 1: two MSMs with small scalars.
    """
    if len(values) != basis.n:
        raise ValueError(f"need {basis.n} values, one per point of H, got {len(values)}")
    positive, negative = [], []
    for v in values:
        v = int(v) % F.modulus
        positive.append(v if v <= HALF_R else 0)
        negative.append(F.modulus - v if v > HALF_R else 0)
    return BN254.add(BN254.msm(basis.table, positive), BN254.neg(BN254.msm(basis.table, negative)))


def commit_blinded(basis: LagrangeBasis, values: Sequence[int | FieldElement],
                   blinders: Sequence[FieldElement]) -> Point:
    """[p(τ)]₁ for p = (interpolant of values) + (b_0 + b_1·X)·Z_H, blinders lowest power first (at most two)."""
    if len(blinders) > 2:
        raise ValueError(f"at most two blinders (b_0 + b_1·X) are supported here, got {len(blinders)}")
    total = commit_evaluations(basis, values)
    for b, point in zip(blinders, (basis.zh, basis.x_zh), strict=False):
        total = BN254.add(total, BN254.mul(point, int(b)))
    return total
