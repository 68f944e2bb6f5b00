"""Preprocessing: a circuit's selector and permutation polynomials, committed once into a verification key.

For a circuit on the domain H = {1, ω, ..., ω^(n-1)}:

- selectors qM, qL, qR, qO, qC are interpolated from their columns;
- the permutation labels every wire slot: slot (column j, row i) is k_j·ω^i with k_0 = 1, k_1 = 2, k_2 = 3
  (the cosets H, 2H, 3H are disjoint); σ sends each slot to the label of the next slot holding the same
  variable, so S1, S2, S3 interpolate σ on columns a, b, c.

The verification key is the eight commitments [qM]₁ ... [S3]₁, [τ]₂, n and the number of public inputs.

The setup is a teaching setup with a *visible* τ (``TEACHING_TAU``): insecure by construction, anyone who
knows τ can forge proofs. snarkjs would use a powers-of-tau ceremony file instead; the proof format is the same.

Source: PLONK (ePrint 2019/953) §5 (permutation argument, k1, k2) and §8.3 (preprocessed input);
snarkjs src/plonk_setup.js (writeSigma, getK1K2, the vk fields).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from zkedu.curves import BN254, Point
from zkedu.field import BN254_FR, FieldElement
from zkedu.kzg import TrustedSetup, commit_polynomial, insecure_setup
from zkedu.plonk.circuit import Circuit
from zkedu.poly import Polynomial, coset_ntt, coset_ntt_ints, intt_ints

F = BN254_FR
K1, K2 = 2, 3  # snarkjs's coset shifts for columns b and c
COSET_SHIFT = 5  # offset of the size-4n coset where the quotient is computed (F's generator; never in H)
# The visible secret of the teaching setup: a fixed, documented number, so every reader gets the same keys.
TEACHING_TAU = int.from_bytes(b"zkedu teaching tau, insecure", "big") % F.modulus
G1Affine = tuple[int, int]
# One teaching setup serves every circuit up to n = 4,096 (the 4-account transfers circuit), built once.
SHARED_SETUP_DEGREE = 4096 + 5


def to_affine(P: Point) -> G1Affine:
    """Affine (x, y) ints of a G1 point; ValueError for the point at infinity (never in an honest key or proof)."""
    xy = BN254.to_affine(P)
    if xy is None:
        raise ValueError("the point at infinity has no affine encoding here")
    return xy


@lru_cache(maxsize=4)
def teaching_setup(degree: int) -> TrustedSetup:
    """The insecure teaching setup [τ^i]₁ for i <= degree, [1]₂, [τ]₂, with τ = TEACHING_TAU (cached)."""
    return insecure_setup(BN254, degree, tau=TEACHING_TAU)


def commit(setup: TrustedSetup, poly: Polynomial) -> G1Affine:
    """[p(τ)]₁ as affine ints."""
    return to_affine(commit_polynomial(setup, poly))


@dataclass(frozen=True)
class VerificationKey:
    """What a verifier needs: n = 2^power, l public inputs, k1, k2, eight commitments, [τ]₂."""

    power: int
    n_public: int
    Qm: G1Affine
    Ql: G1Affine
    Qr: G1Affine
    Qo: G1Affine
    Qc: G1Affine
    S1: G1Affine
    S2: G1Affine
    S3: G1Affine
    X_2: Point  # [τ]₂
    k1: int = K1
    k2: int = K2
    Qk: G1Affine | None = None  # the custom gate's selector (teaching variant only; None for snarkjs circuits)

    @property
    def n(self) -> int:
        """The domain size."""
        return 2**self.power

    @property
    def omega(self) -> FieldElement:
        """ω, the generator of H (the same root of unity as snarkjs's Fr.w[power])."""
        return F.root_of_unity(self.n)

    def points(self) -> list[G1Affine]:
        """The commitments in transcript order: Qm, Ql, Qr, Qo, Qc, S1, S2, S3 (then Qk, if any)."""
        custom = [] if self.Qk is None else [self.Qk]
        return [self.Qm, self.Ql, self.Qr, self.Qo, self.Qc, self.S1, self.S2, self.S3, *custom]


@dataclass(frozen=True)
class ProvingKey:
    """The circuit with its preprocessed polynomials (coefficients, values on H, values on the 4n coset)."""

    circuit: Circuit
    setup: TrustedSetup
    vk: VerificationKey
    polys: dict[str, Polynomial]  # qM, qL, qR, qO, qC, S1, S2, S3
    sigma_values: tuple[tuple[FieldElement, ...], ...]  # σ on H for columns a, b, c
    coset: dict[str, list[int]]  # the same polynomials and L1 on the coset 5·H_4n, as ints (fast path)
    lagrange: Any = None  # a lagrange_basis.LagrangeBasis when the setup allows it (fast commitments)


def compute_sigma(circuit: Circuit) -> list[list[FieldElement]]:
    """σ on each column: slot (j, i) maps to the label k·ω^i of the next slot with the same variable (cyclic)."""
    n = circuit.size
    omega_powers = F.roots_of_unity(n)
    shifts = (F(1), F(K1), F(K2))
    labels = [[shifts[j] * w for w in omega_powers] for j in range(3)]
    slots: dict[int, list[tuple[int, int]]] = {}
    for j, column in enumerate(circuit.wires()):
        for i, var in enumerate(column):
            slots.setdefault(var, []).append((j, i))
    sigma = [list(labels[j]) for j in range(3)]
    for cycle in slots.values():
        for m, (j, i) in enumerate(cycle):
            nj, ni = cycle[(m + 1) % len(cycle)]
            sigma[j][i] = labels[nj][ni]
    return sigma


def extend_to_coset(poly: Polynomial, size: int) -> list[FieldElement]:
    """The values of ``poly`` on the coset COSET_SHIFT·H_size (coefficients zero-padded to ``size``)."""
    coeffs = list(poly.coeffs) + [F(0)] * (size - len(poly.coeffs))
    return coset_ntt(F, coeffs, COSET_SHIFT)


def _extend_to_coset_ints(poly: Polynomial, size: int) -> list[int]:
    """``extend_to_coset`` on ints (the fast path)."""
    coeffs = [int(c) for c in poly.coeffs]
    return coset_ntt_ints(F, coeffs + [0] * (size - len(coeffs)), COSET_SHIFT)


def compute_proving_key(circuit: Circuit, setup: TrustedSetup | None = None) -> ProvingKey:
    """Interpolate and commit the selectors and σ: the preprocessing step (once per circuit)."""
    n = circuit.size
    setup = setup or teaching_setup(max(n + 5, SHARED_SETUP_DEGREE))
    if setup.degree < n + 5:
        raise ValueError(f"the setup's degree {setup.degree} is below n + 5 = {n + 5} (t_hi has n + 6 coefficients)")
    polys = {name: Polynomial(F, intt_ints(F, column)) for name, column in circuit.selectors().items()}
    sigma = compute_sigma(circuit)
    for name, column in zip(("S1", "S2", "S3"), sigma, strict=True):
        polys[name] = Polynomial(F, intt_ints(F, [int(x) for x in column]))
    basis = _lagrange_basis_or_none(setup, n)
    coms = {name: commit(setup, p) for name, p in polys.items() if name.startswith("S")}
    for name, column in circuit.selectors().items():  # 0, ±1, ±2: cheap from the values
        coms[name] = commit(setup, polys[name]) if basis is None else _commit_values(basis, column)
    vk = VerificationKey(
        circuit.power, circuit.n_public, coms["qM"], coms["qL"], coms["qR"], coms["qO"], coms["qC"],
        coms["S1"], coms["S2"], coms["S3"], setup.g2_monomial[1], Qk=coms.get("qK"),
    )
    l1 = Polynomial(F, intt_ints(F, [1] + [0] * (n - 1)))
    coset = {name: _extend_to_coset_ints(p, 4 * n) for name, p in [*polys.items(), ("L1", l1)]}
    return ProvingKey(circuit, setup, vk, polys, tuple(tuple(s) for s in sigma), coset, basis)


def _lagrange_basis_or_none(setup: TrustedSetup, n: int) -> Any:
    from zkedu.plonk.lagrange_basis import compute_lagrange_basis  # lagrange_basis imports this module

    return compute_lagrange_basis(setup, n) if setup.tau is not None else None


def _commit_values(basis: Any, values: list[int]) -> G1Affine:
    from zkedu.plonk.lagrange_basis import commit_evaluations

    return to_affine(commit_evaluations(basis, values))


def lagrange_at(n: int, xi: FieldElement, count: int) -> list[FieldElement]:
    """L_1(ξ), ..., L_count(ξ) on H: L_i(ξ) = ω^(i-1)·(ξ^n - 1) / (n·(ξ - ω^(i-1))). ZeroDivisionError if ξ ∈ H.

    Source: snarkjs src/plonk_verify.js (calculateLagrangeEvaluations).
    """
    zh = xi**n - 1
    omega, w, out = F.root_of_unity(n), F(1), []
    for _ in range(max(count, 1)):
        out.append(w * zh / (F(n) * (xi - w)))
        w = w * omega
    return out


def public_polynomial_at(public: list[int], lagrange: list[FieldElement]) -> FieldElement:
    """PI(ξ) = -Σ x_i·L_i(ξ)."""
    return -sum((F(x) * li for x, li in zip(public, lagrange, strict=False)), F(0))
