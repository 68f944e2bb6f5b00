"""The Fiat–Shamir transcript of snarkjs's PLONK: keccak-256 over commitments and scalars, one hash per challenge.

Each challenge is keccak-256 of a byte string, read as a big-endian integer and reduced mod r. A G1 point adds
its uncompressed affine encoding x ‖ y (32 bytes each, big-endian); a scalar adds 32 bytes big-endian. The
transcript is *reset* after every challenge and the next one starts from the previous challenge, so:

    β = H(Qm, Ql, Qr, Qo, Qc, S1, S2, S3, x_1..x_l, [a], [b], [c])     γ = H(β)
    α = H(β, γ, [z])      ξ = H(α, [t_lo], [t_mid], [t_hi])
    v = H(ξ, ā, b̄, c̄, s̄1, s̄2, z̄ω)   (v_i = v^i)      u = H([W_ξ], [W_ξω])

Absorbing the verification key and the public inputs x_i into β is what binds the proof to the statement:
leaving them out is the "Frozen Heart" bug (Trail of Bits, 2022), demonstrated in ``zkedu.plonk.attacks``.

This is a different protocol from the generic ``zkedu.transcript.Transcript`` (used by ``zkedu.fri``), on
purpose: that one keeps a running, labelled, length-prefixed state and never resets; this one concatenates
raw 32-byte words with no labels and restarts after each challenge, because the bytes must match snarkjs and
its Solidity verifier exactly. Only the hash (``zkedu.hashing.keccak256``) is shared.

Source: snarkjs src/Keccak256Transcript.js, src/plonk_prove.js (round2..round5), src/plonk_verify.js
(calculatechallenges).
"""

from __future__ import annotations

from dataclasses import dataclass

from zkedu.field import BN254_FR, FieldElement
from zkedu.hashing import keccak256

G1Affine = tuple[int, int]


class KeccakTranscript:
    """Collects points and scalars; ``challenge()`` hashes them into a field element and starts afresh.

    >>> t = KeccakTranscript()
    >>> t.add_scalar(1)
    >>> int(t.challenge()) == int.from_bytes(keccak256((1).to_bytes(32, "big")), "big") % BN254_FR.modulus
    True
    """

    def __init__(self) -> None:
        self.data = bytearray()

    def add_point(self, point: G1Affine) -> None:
        """Absorb a G1 point as x ‖ y, 64 bytes."""
        x, y = point
        self.data += x.to_bytes(32, "big") + y.to_bytes(32, "big")

    def add_scalar(self, scalar: int | FieldElement) -> None:
        """Absorb a scalar as 32 bytes big-endian."""
        self.data += (int(scalar) % BN254_FR.modulus).to_bytes(32, "big")

    def challenge(self) -> FieldElement:
        """keccak-256 of everything absorbed, mod r; then reset."""
        if not self.data:
            raise ValueError("an empty transcript gives no challenge")
        value = int.from_bytes(keccak256(bytes(self.data)), "big")
        self.data = bytearray()
        return BN254_FR(value)


@dataclass(frozen=True)
class Challenges:
    """The verifier's random challenges, as the transcript derives them."""

    beta: FieldElement
    gamma: FieldElement
    alpha: FieldElement
    xi: FieldElement
    v: FieldElement
    u: FieldElement


def challenge_beta_gamma(
    vk_points: list[G1Affine], public_inputs: list[int], round1: list[G1Affine], absorb_statement: bool = True
) -> tuple[FieldElement, FieldElement]:
    """β from the verification key, the public inputs and [a], [b], [c]; then γ = H(β).

    ``absorb_statement=False`` leaves out the key and the public inputs (the Frozen Heart bug; demos only).
    """
    t = KeccakTranscript()
    if absorb_statement:
        for p in vk_points:
            t.add_point(p)
        for x in public_inputs:
            t.add_scalar(x)
    for p in round1:
        t.add_point(p)
    beta = t.challenge()
    t.add_scalar(beta)
    return beta, t.challenge()


def _challenge_from(scalars: list[int | FieldElement], points: list[G1Affine]) -> FieldElement:
    """One fresh transcript: the scalars, then the points, hashed into a challenge."""
    t = KeccakTranscript()
    for x in scalars:
        t.add_scalar(x)
    for p in points:
        t.add_point(p)
    return t.challenge()


def challenge_alpha(beta: FieldElement, gamma: FieldElement, z: G1Affine) -> FieldElement:
    """α = H(β, γ, [z])."""
    return _challenge_from([beta, gamma], [z])


def challenge_xi(alpha: FieldElement, t_parts: list[G1Affine]) -> FieldElement:
    """ξ = H(α, [t_lo], [t_mid], [t_hi])."""
    return _challenge_from([alpha], list(t_parts))


def challenge_v(xi: FieldElement, evaluations: list[int]) -> FieldElement:
    """v = H(ξ, ā, b̄, c̄, s̄1, s̄2, z̄ω)."""
    return _challenge_from([xi, *evaluations], [])


def challenge_u(w_xi: G1Affine, w_xi_omega: G1Affine) -> FieldElement:
    """u = H([W_ξ], [W_ξω])."""
    return _challenge_from([], [w_xi, w_xi_omega])
