"""The PLONK verifier: rebuild the challenges, fold every check into one pairing equation, as snarkjs does.

With the challenges from the transcript, L1(ξ) and PI(ξ)::

    r0 = PI(ξ) - α²·L1(ξ) - α·(ā + β·s̄1 + γ)(b̄ + β·s̄2 + γ)(c̄ + γ)·z̄ω
    [D] = āb̄·[qM] + ā·[qL] + b̄·[qR] + c̄·[qO] + [qC]
          + (α·(ā + βξ + γ)(b̄ + βk1ξ + γ)(c̄ + βk2ξ + γ) + α²·L1(ξ) + u)·[z]
          - α·β·z̄ω·(ā + β·s̄1 + γ)(b̄ + β·s̄2 + γ)·[S3]
          - Z_H(ξ)·([t_lo] + ξ^n·[t_mid] + ξ^2n·[t_hi])
    [F] = [D] + v·[a] + v²·[b] + v³·[c] + v⁴·[S1] + v⁵·[S2]
    [E] = (-r0 + v·ā + v²·b̄ + v³·c̄ + v⁴·s̄1 + v⁵·s̄2 + u·z̄ω)·[1]

and accept iff e(-([W_ξ] + u·[W_ξω]), [τ]₂) · e(ξ·[W_ξ] + u·ξω·[W_ξω] + [F] - [E], [1]₂) = 1.

Source: PLONK (ePrint 2019/953) §8.3 "Verifier Algorithm"; snarkjs src/plonk_verify.js (calculateR0,
calculateD, calculateF, calculateE, isValidPairing).
"""

from __future__ import annotations

from zkedu.curves import BN254, Point
from zkedu.field import FieldElement
from zkedu.plonk.keys import F, G1Affine, VerificationKey, lagrange_at, public_polynomial_at
from zkedu.plonk.prover import Proof
from zkedu.plonk.transcript import (
    Challenges,
    challenge_alpha,
    challenge_beta_gamma,
    challenge_u,
    challenge_v,
    challenge_xi,
)


def compute_challenges(
    vk: VerificationKey, public: list[int], proof: Proof, absorb_statement: bool = True
) -> Challenges:
    """β, γ, α, ξ, v, u from the verification key, the public inputs and the proof, in snarkjs's order."""
    r1, r3, r5 = proof.round1, proof.round3, proof.round5
    beta, gamma = challenge_beta_gamma(vk.points(), public, [r1.a, r1.b, r1.c], absorb_statement)
    alpha = challenge_alpha(beta, gamma, proof.round2.z)
    xi = challenge_xi(alpha, [r3.t_lo, r3.t_mid, r3.t_hi])
    v = challenge_v(xi, proof.round4.values())
    return Challenges(beta, gamma, alpha, xi, v, challenge_u(r5.w_xi, r5.w_xi_omega))


def _pt(xy: G1Affine) -> Point:
    return BN254.from_affine(*xy)


def _lin(terms: list[tuple[Point, FieldElement]]) -> Point:
    """Σ s_i·P_i (a handful of points: plain scalar multiplications)."""
    total = BN254.Z1
    for P, s in terms:
        total = BN254.add(total, BN254.mul(P, int(s)))
    return total


def compute_pairing_inputs(vk: VerificationKey, public: list[int], proof: Proof, ch: Challenges) -> tuple[Point, Point]:
    """(A1, B1) with the proof valid iff e(-A1, [τ]₂)·e(B1, [1]₂) = 1."""
    ev = proof.round4
    a, b, c, s1, s2, zw = (F(x) for x in ev.values())
    beta, gamma, alpha, xi, u = ch.beta, ch.gamma, ch.alpha, ch.xi, ch.u
    v = [F(1)]
    for _ in range(5):
        v.append(v[-1] * ch.v)
    n = vk.n
    lagrange = lagrange_at(n, xi, vk.n_public)
    l1, pi = lagrange[0], public_polynomial_at(public, lagrange)
    xin = xi**n
    zh = xin - 1
    perm_sigma = (a + beta * s1 + gamma) * (b + beta * s2 + gamma)
    r0 = pi - l1 * alpha * alpha - perm_sigma * (c + gamma) * zw * alpha
    perm_id = (a + beta * xi + gamma) * (b + beta * xi * vk.k1 + gamma) * (c + beta * xi * vk.k2 + gamma) * alpha
    r1, r2, r3, r5 = proof.round1, proof.round2, proof.round3, proof.round5
    F_point = _lin([
        (_pt(vk.Qm), a * b), (_pt(vk.Ql), a), (_pt(vk.Qr), b), (_pt(vk.Qo), c), (_pt(vk.Qc), F(1)),
        (_pt(r2.z), perm_id + l1 * alpha * alpha + u),
        (_pt(vk.S3), -(perm_sigma * alpha * beta * zw)),
        (_pt(r3.t_lo), -zh), (_pt(r3.t_mid), -zh * xin), (_pt(r3.t_hi), -zh * xin * xin),
        (_pt(r1.a), v[1]), (_pt(r1.b), v[2]), (_pt(r1.c), v[3]), (_pt(vk.S1), v[4]), (_pt(vk.S2), v[5]),
    ])
    if vk.Qk is not None:  # the teaching variant's custom gate
        F_point = BN254.add(F_point, BN254.mul(_pt(vk.Qk), int((c - a - a) * (c - a - a - 1))))
    e = -r0 + v[1] * a + v[2] * b + v[3] * c + v[4] * s1 + v[5] * s2 + u * zw
    w_xi, w_xiw = _pt(r5.w_xi), _pt(r5.w_xi_omega)
    A1 = _lin([(w_xi, F(1)), (w_xiw, u)])
    B1 = _lin([(w_xi, xi), (w_xiw, u * xi * vk.omega), (F_point, F(1)), (BN254.G1, -e)])
    return A1, B1


def verify(vk: VerificationKey, public: list[int], proof: Proof, absorb_statement: bool = True) -> bool:
    """Is ``proof`` a valid PLONK proof for ``public`` under ``vk``? (Points and scalars must be well-formed.)"""
    if len(public) != vk.n_public or any(not 0 <= x < F.modulus for x in public):
        return False
    ch = compute_challenges(vk, public, proof, absorb_statement)
    if ch.xi**vk.n == 1:  # ξ in H: the Lagrange formulas divide by zero (probability n/r)
        return False
    A1, B1 = compute_pairing_inputs(vk, public, proof, ch)
    return BN254.pairing_check([(BN254.neg(A1), vk.X_2), (B1, BN254.G2)])
