"""Two bugs from PLONK's history, reproduced: Frozen Heart (statement not hashed) and missing blinding.

**Frozen Heart.** If β is derived without the public inputs, no challenge depends on them, and the verifier
uses them only through PI(ξ) = -Σ x_i·L_i(ξ). So one honest proof for inputs x also "proves" any x' with the
same PI(ξ): change the input you want, then fix one other input so the sum is unchanged. The verifier accepts a
statement nobody proved (here: an attacker's balance raised, another balance set to a 254-bit number).
snarkjs absorbs the key and the public inputs into β, which kills the forgery.

**Missing blinding.** Without the random multiples of Z_H, [a]₁ is a deterministic function of the witness:
anyone can recompute it for a guessed batch and compare. With few candidates (the transfers behind a public
change of balances), the commitment tells which batch happened; the evaluation ā = a(ξ) leaks a linear
combination of the private wire values as well.

Source: Trail of Bits, "Coordinated disclosure of vulnerabilities affecting Girault, Bulletproofs, and PlonK"
(April 2022; the Frozen Heart class); PLONK (ePrint 2019/953) §8.3 round 1 (the blinding scalars b1..b9).
"""

from __future__ import annotations

from zkedu.plonk.circuit import Circuit
from zkedu.plonk.keys import F, G1Affine, ProvingKey, VerificationKey, commit, lagrange_at
from zkedu.plonk.prover import Proof, compute_wire_polynomials
from zkedu.plonk.verifier import compute_challenges
from zkedu.poly import Polynomial, intt_ints


def forge_frozen_heart(vk: VerificationKey, public: list[int], proof: Proof, target: int, value: int,
                       fixup: int) -> list[int]:
    """Public inputs x' with x'[target] = value that ``proof`` satisfies under the flawed transcript.

    ``proof`` must be valid for ``public`` with ``absorb_statement=False``; x'[fixup] absorbs the difference:
    x'_fixup = x_fixup + (x_target - value)·L_target(ξ) / L_fixup(ξ), so Σ x'_i·L_i(ξ) is unchanged.
    """
    if target == fixup:
        raise ValueError(f"target and fixup must be different inputs, got {target} twice")
    xi = compute_challenges(vk, public, proof, absorb_statement=False).xi  # the same for every x'
    lagrange = lagrange_at(vk.n, xi, vk.n_public)
    forged = list(public)
    forged[target] = value
    delta = (F(public[target]) - F(value)) * lagrange[target] / lagrange[fixup]
    forged[fixup] = int(F(public[fixup]) + delta)
    return forged


def unblinded_wire_commitment(circuit: Circuit, witness: list[int], pk: ProvingKey) -> G1Affine:
    """[a]₁ as an unblinded prover would send it: a function of the witness alone, so anyone can recompute it."""
    a_values = compute_wire_polynomials(circuit, witness)[0]
    return commit(pk.setup, Polynomial(F, intt_ints(F, [int(x) for x in a_values])))


def identify_witness(proof: Proof, candidates: list[tuple[Circuit, list[int]]], pk: ProvingKey) -> int | None:
    """The index of the candidate witness whose unblinded [a]₁ equals the proof's, or None (as with blinding)."""
    for i, (circuit, witness) in enumerate(candidates):
        if unblinded_wire_commitment(circuit, witness, pk) == proof.round1.a:
            return i
    return None
