"""The PLONK prover, round by round as in the paper, producing exactly snarkjs's proof.

- Round 1: wire polynomials a, b, c (blinded with (b1·X + b2)·Z_H etc.) and their commitments.
- Round 2: the permutation grand product z (blinded with (b7·X² + b8·X + b9)·Z_H) and [z]₁.
- Round 3: the quotient t = (gate + α·perm + α²·(z - 1)·L1) / Z_H, computed on a coset of size 4n,
  split as t = t_lo + X^n·t_mid + X^2n·t_hi with blinders b10, b11, and committed.
- Round 4: the evaluations ā, b̄, c̄, s̄1, s̄2 at ξ and z̄ω = z(ξω).
- Round 5: the linearisation r(X) and the two batched KZG opening proofs W_ξ, W_ξω.

Source: PLONK (ePrint 2019/953) §8.3 "Prover Algorithm"; snarkjs src/plonk_prove.js (round1..round5,
computeT, computeR, computeWxi, computeWxiw), which fixes the signs, the blinding layout and the t split.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from zkedu._bigint import big, bigs, smalls
from zkedu.field import FieldElement, batch_inverse_ints
from zkedu.plonk.circuit import Circuit
from zkedu.plonk.keys import (
    COSET_SHIFT,
    K1,
    K2,
    F,
    G1Affine,
    ProvingKey,
    _extend_to_coset_ints,
    commit,
    extend_to_coset,
    lagrange_at,
    public_polynomial_at,
    to_affine,
)
from zkedu.plonk.lagrange_basis import commit_blinded
from zkedu.plonk.transcript import challenge_alpha, challenge_beta_gamma, challenge_v, challenge_xi
from zkedu.poly import Polynomial, coset_intt, coset_intt_ints, intt, intt_ints


@dataclass(frozen=True)
class Round1Message:
    """[a]₁, [b]₁, [c]₁: commitments to the wire polynomials."""

    a: G1Affine
    b: G1Affine
    c: G1Affine


@dataclass(frozen=True)
class Round2Message:
    """[z]₁: commitment to the permutation grand product."""

    z: G1Affine


@dataclass(frozen=True)
class Round3Message:
    """[t_lo]₁, [t_mid]₁, [t_hi]₁: commitments to the three parts of the quotient."""

    t_lo: G1Affine
    t_mid: G1Affine
    t_hi: G1Affine


@dataclass(frozen=True)
class Round4Message:
    """The opening evaluations ā, b̄, c̄, s̄1, s̄2 at ξ and z̄ω at ξω, as ints mod r."""

    a: int
    b: int
    c: int
    s1: int
    s2: int
    zw: int

    def values(self) -> list[int]:
        """In transcript order: ā, b̄, c̄, s̄1, s̄2, z̄ω."""
        return [self.a, self.b, self.c, self.s1, self.s2, self.zw]


@dataclass(frozen=True)
class Round5Message:
    """[W_ξ]₁, [W_ξω]₁: the batched opening proofs at ξ and at ξω."""

    w_xi: G1Affine
    w_xi_omega: G1Affine


@dataclass(frozen=True)
class Proof:
    """A PLONK proof: the five rounds' messages (9 points and 6 scalars, 768 bytes encoded)."""

    round1: Round1Message
    round2: Round2Message
    round3: Round3Message
    round4: Round4Message
    round5: Round5Message


def blind(poly: Polynomial, blinders: list[FieldElement], n: int) -> Polynomial:
    """poly + (Σ b_i·X^i)·Z_H: unchanged on H, random everywhere else (blinders lowest power first)."""
    if not any(blinders):
        return poly
    mask = Polynomial(F, blinders)
    return poly + mask * Polynomial.monomial(F, n) - mask


def compute_wire_polynomials(circuit: Circuit, witness: list[int]) -> list[list[FieldElement]]:
    """Round 1's wire values: the witness laid out on columns a, b, c over the n rows."""
    return [[F(witness[v]) for v in column] for column in circuit.wires()]


def compute_grand_product(pk: ProvingKey, wires: list[list[FieldElement]], beta: FieldElement,
                          gamma: FieldElement) -> list[FieldElement]:
    """z on H: z(ω^0) = 1, z(ω^(i+1)) = z(ω^i)·Π_j (w_j + β·k_j·ω^i + γ) / (w_j + β·σ_j(ω^i) + γ).

    The product telescopes back to 1 after n steps exactly when the copy constraints hold.
    """
    n = pk.circuit.size
    shifts = (F(1), F(K1), F(K2))
    z, acc = [F(1)], F(1)
    for i, w in enumerate(F.roots_of_unity(n)):
        num, den = F(1), F(1)
        for j in range(3):
            num = num * (wires[j][i] + beta * shifts[j] * w + gamma)
            den = den * (wires[j][i] + beta * pk.sigma_values[j][i] + gamma)
        acc = acc * num / den
        z.append(acc)
    if z[-1] != 1:
        raise ValueError("the witness breaks a copy constraint: the grand product does not return to 1")
    return z[:n]


def _compute_grand_product_fast(pk: ProvingKey, wires: list[list[FieldElement]], beta: FieldElement,
                                gamma: FieldElement) -> list[FieldElement]:
    """``compute_grand_product`` on GMP integers, with every denominator inverted at once (the prover's fast path)."""
    n, p = pk.circuit.size, big(F.modulus)
    b, g = big(int(beta)), big(int(gamma))
    shifts = (1, K1, K2)
    cols = [bigs(int(x) for x in col) for col in wires]
    sig = [bigs(int(x) for x in col) for col in pk.sigma_values]
    nums, dens = [], []
    for i, w in enumerate(bigs(int(x) for x in F.roots_of_unity(n))):
        num, den = big(1), big(1)
        for j in range(3):
            num = num * (cols[j][i] + b * shifts[j] * w + g) % p
            den = den * (cols[j][i] + b * sig[j][i] + g) % p
        nums.append(num)
        dens.append(den)
    if any(d == 0 for d in dens):  # only if β, γ hit a root: the readable version explains by raising
        return compute_grand_product(pk, wires, beta, gamma)
    z, acc = [big(1)], big(1)
    for num, den_inv in zip(nums, batch_inverse_ints(dens, p), strict=True):
        acc = acc * num % p * den_inv % p
        z.append(acc)
    if z[-1] != 1:
        raise ValueError("the witness breaks a copy constraint: the grand product does not return to 1")
    return [F(v) for v in smalls(z[:n])]


def public_polynomial(public: list[int], n: int) -> Polynomial:
    """PI(X) = -Σ x_i·L_i(X): -x_i on row i of H, zero elsewhere."""
    return Polynomial(F, intt(F, [-x for x in public] + [0] * (n - len(public))))


def compute_quotient(pk: ProvingKey, polys: dict[str, Polynomial], public: list[int],
                     ch: dict[str, FieldElement]) -> Polynomial:
    """t(X) = [gate + α·(perm_id - perm_σ) + α²·(z - 1)·L1] / Z_H, computed pointwise on the coset 5·H_4n.

    The numerator vanishes on H exactly when every gate and the permutation hold, so Z_H divides it; on the
    coset Z_H has no zeros and the division is pointwise. t has degree <= 3n + 5 < 4n, so 4n values fix it.
    """
    n = pk.circuit.size
    size = 4 * n
    l1 = Polynomial(F, intt(F, [1] + [0] * (n - 1)))
    cs = {name: extend_to_coset(p, size) for name, p in [*pk.polys.items(), ("L1", l1)]}
    ev = {name: extend_to_coset(polys[name], size) for name in ("a", "b", "c", "z")}
    pi = extend_to_coset(public_polynomial(public, n), size)
    beta, gamma, alpha = ch["beta"], ch["gamma"], ch["alpha"]
    alpha2 = alpha * alpha
    w4 = F.root_of_unity(size)
    zh_values = [F(COSET_SHIFT) ** n * w4 ** (n * k) - 1 for k in range(4)]  # Z_H on the coset has period 4
    t_values, x = [], F(COSET_SHIFT)
    for i in range(size):
        a, b, c, z = ev["a"][i], ev["b"][i], ev["c"][i], ev["z"][i]
        zw = ev["z"][(i + 4) % size]  # z(ω·x): ω = w4^4
        gate = cs["qM"][i] * a * b + cs["qL"][i] * a + cs["qR"][i] * b + cs["qO"][i] * c + pi[i] + cs["qC"][i]
        if "qK" in cs:  # the custom gate: c = 2a + bit with bit ∈ {0, 1}
            gate = gate + cs["qK"][i] * (c - a - a) * (c - a - a - 1)
        bx = beta * x
        perm_id = (a + bx + gamma) * (b + bx * K1 + gamma) * (c + bx * K2 + gamma) * z
        perm_sigma = ((a + beta * cs["S1"][i] + gamma) * (b + beta * cs["S2"][i] + gamma)
                      * (c + beta * cs["S3"][i] + gamma) * zw)
        numerator = gate + alpha * (perm_id - perm_sigma) + alpha2 * (z - 1) * cs["L1"][i]
        t_values.append(numerator / zh_values[i % 4])
        x = x * w4
    return _check_quotient(Polynomial(F, coset_intt(F, t_values, COSET_SHIFT)), n)


def _check_quotient(t: Polynomial, n: int) -> Polynomial:
    if t.degree > 3 * n + 5:
        raise ValueError("the witness does not satisfy the circuit: Z_H does not divide the constraint polynomial")
    return t


def _compute_quotient_fast(pk: ProvingKey, polys: dict[str, Polynomial], public: list[int],
                           ch: dict[str, FieldElement]) -> Polynomial:
    """``compute_quotient`` on GMP integers with the preprocessed coset values (the prover's fast path)."""
    n, p = pk.circuit.size, big(F.modulus)
    size = 4 * n
    cs = {name: bigs(values) for name, values in pk.coset.items()}
    a_, b_, c_, z_ = (bigs(_extend_to_coset_ints(polys[name], size)) for name in ("a", "b", "c", "z"))
    pi = bigs(_extend_to_coset_ints(public_polynomial(public, n), size))
    beta, gamma, alpha = big(int(ch["beta"])), big(int(ch["gamma"])), big(int(ch["alpha"]))
    alpha2 = alpha * alpha % p
    w4 = int(F.root_of_unity(size))
    zh_inv = [pow((pow(COSET_SHIFT, n, p) * pow(w4, n * k, p) - 1) % p, -1, p) for k in range(4)]
    qm, ql, qr, qo, qc, s1, s2, s3, l1 = (cs[k] for k in ("qM", "qL", "qR", "qO", "qC", "S1", "S2", "S3", "L1"))
    qk = cs.get("qK")
    t_values, x = [0] * size, big(COSET_SHIFT)
    for i in range(size):
        a, b, c, z = a_[i], b_[i], c_[i], z_[i]
        gate = qm[i] * a * b + ql[i] * a + qr[i] * b + qo[i] * c + pi[i] + qc[i]
        if qk is not None:
            gate += qk[i] * (c - 2 * a) * (c - 2 * a - 1)
        bx = beta * x
        perm_id = (a + bx + gamma) * (b + bx * K1 + gamma) % p * (c + bx * K2 + gamma) * z % p
        perm_sigma = (a + beta * s1[i] + gamma) * (b + beta * s2[i] + gamma) % p
        perm_sigma = perm_sigma * (c + beta * s3[i] + gamma) * z_[(i + 4) % size] % p
        numerator = gate + alpha * (perm_id - perm_sigma) + alpha2 * (z - 1) * l1[i]
        t_values[i] = numerator % p * zh_inv[i % 4] % p
        x = x * w4 % p
    return _check_quotient(Polynomial(F, coset_intt_ints(F, smalls(t_values), COSET_SHIFT)), n)


def split_quotient(t: Polynomial, n: int, b10: FieldElement, b11: FieldElement) -> list[Polynomial]:
    """t_lo = t[0:n] + b10·X^n, t_mid = t[n:2n] - b10 + b11·X^n, t_hi = t[2n:] - b11 (sum unchanged)."""
    coeffs = list(t.coeffs) + [F(0)] * (3 * n + 6 - len(t.coeffs))
    lo = Polynomial(F, [*coeffs[:n], b10])
    mid = Polynomial(F, [coeffs[n] - b10, *coeffs[n + 1 : 2 * n], b11])
    hi = Polynomial(F, [coeffs[2 * n] - b11, *coeffs[2 * n + 1 :]])
    return [lo, mid, hi]


def compute_linearisation(pk: ProvingKey, polys: dict[str, Polynomial], public: list[int],
                          ch: dict[str, FieldElement], ev: Round4Message) -> Polynomial:
    """r(X): the constraint identity with every prover polynomial but z, S3 and t replaced by its value at ξ.

    r(ξ) = 0 for an honest prover; the verifier rebuilds [r]₁ from the commitments (its D, minus r0).
    """
    n = pk.circuit.size
    beta, gamma, alpha, xi = ch["beta"], ch["gamma"], ch["alpha"], ch["xi"]
    a, b, c, s1, s2, zw = (F(x) for x in ev.values())
    lagrange = lagrange_at(n, xi, len(public))
    pi = public_polynomial_at(public, lagrange)
    xin = xi**n
    zh = xin - 1
    e2 = (a + beta * xi + gamma) * (b + beta * xi * K1 + gamma) * (c + beta * xi * K2 + gamma) * alpha
    e3 = (a + beta * s1 + gamma) * (b + beta * s2 + gamma) * zw * alpha
    e4 = lagrange[0] * alpha * alpha
    q = pk.polys
    r = q["qM"] * (a * b) + q["qL"] * a + q["qR"] * b + q["qO"] * c + q["qC"]
    if "qK" in q:
        r = r + q["qK"] * ((c - a - a) * (c - a - a - 1))
    r = r + polys["z"] * (e2 + e4) - q["S3"] * (e3 * beta)
    r = r - (polys["t_lo"] + polys["t_mid"] * xin + polys["t_hi"] * (xin * xin)) * zh
    return r + (pi - e3 * (c + gamma) - e4)


def compute_openings(pk: ProvingKey, polys: dict[str, Polynomial], r: Polynomial, ch: dict[str, FieldElement],
                     ev: Round4Message) -> tuple[Polynomial, Polynomial]:
    """W_ξ = (r + v·(a - ā) + v²·(b - b̄) + v³·(c - c̄) + v⁴·(S1 - s̄1) + v⁵·(S2 - s̄2)) / (X - ξ) and
    W_ξω = (z - z̄ω) / (X - ξω): one KZG opening for five polynomials at ξ, one for z at ξω."""
    v, xi = ch["v"], ch["xi"]
    terms = [(polys["a"], ev.a), (polys["b"], ev.b), (polys["c"], ev.c), (pk.polys["S1"], ev.s1),
             (pk.polys["S2"], ev.s2)]
    batched, power = r, F(1)
    for poly, value in terms:
        power = power * v
        batched = batched + (poly - value) * power
    w_xi = batched.exact_div(Polynomial(F, [-xi, 1]))
    w_xi_omega = (polys["z"] - ev.zw).exact_div(Polynomial(F, [-(xi * pk.vk.omega), 1]))
    return w_xi, w_xi_omega


def prove(pk: ProvingKey, witness: list[int], rng: random.Random | None = None, *, blinding: bool = True,
          absorb_statement: bool = True) -> Proof:
    """A PLONK proof that ``witness`` satisfies ``pk.circuit`` with its public inputs.

    ``rng`` draws the eleven blinding scalars b1..b11 (default: the OS's randomness). ``blinding=False`` and
    ``absorb_statement=False`` reproduce two historical bugs for the chapter's demos; never use them otherwise.
    """
    circuit, setup, n = pk.circuit, pk.setup, pk.circuit.size
    if not circuit.is_satisfied(witness):
        raise ValueError("the witness does not satisfy the circuit's gates")
    public = circuit.public_values(witness)
    rng = rng or random.SystemRandom()
    bl = [F(rng.randrange(F.modulus)) if blinding else F(0) for _ in range(12)]  # bl[1..11]; bl[0] unused
    # Round 1: wire polynomials.
    wires = compute_wire_polynomials(circuit, witness)
    polys = {name: blind(Polynomial(F, intt_ints(F, [int(x) for x in w])), [bl[lo], bl[hi]], n)
             for name, w, lo, hi in zip("abc", wires, (2, 4, 6), (1, 3, 5), strict=True)}
    if pk.lagrange is None:
        r1 = Round1Message(*(commit(setup, polys[name]) for name in "abc"))
    else:  # the same points, from the (small) wire values: see zkedu.plonk.lagrange_basis
        r1 = Round1Message(*(to_affine(commit_blinded(pk.lagrange, w, [bl[lo], bl[hi]]))
                             for w, lo, hi in zip(wires, (2, 4, 6), (1, 3, 5), strict=True)))
    beta, gamma = challenge_beta_gamma(pk.vk.points(), public, [r1.a, r1.b, r1.c], absorb_statement)
    # Round 2: permutation grand product.
    z_values = _compute_grand_product_fast(pk, wires, beta, gamma)
    polys["z"] = blind(Polynomial(F, intt_ints(F, [int(x) for x in z_values])), [bl[9], bl[8], bl[7]], n)
    r2 = Round2Message(commit(setup, polys["z"]))
    alpha = challenge_alpha(beta, gamma, r2.z)
    ch = {"beta": beta, "gamma": gamma, "alpha": alpha}
    # Round 3: quotient.
    t = _compute_quotient_fast(pk, polys, public, ch)
    polys["t_lo"], polys["t_mid"], polys["t_hi"] = split_quotient(t, n, bl[10], bl[11])
    r3 = Round3Message(*(commit(setup, polys[name]) for name in ("t_lo", "t_mid", "t_hi")))
    ch["xi"] = xi = challenge_xi(alpha, [r3.t_lo, r3.t_mid, r3.t_hi])
    # Round 4: evaluations.
    r4 = Round4Message(
        *(int(polys[name](xi)) for name in "abc"),
        int(pk.polys["S1"](xi)), int(pk.polys["S2"](xi)), int(polys["z"](xi * pk.vk.omega)),
    )
    ch["v"] = challenge_v(xi, r4.values())
    # Round 5: linearisation and openings.
    r = compute_linearisation(pk, polys, public, ch, r4)
    w_xi, w_xi_omega = compute_openings(pk, polys, r, ch, r4)
    r5 = Round5Message(commit(setup, w_xi), commit(setup, w_xi_omega))
    return Proof(r1, r2, r3, r4, r5)
