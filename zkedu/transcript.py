"""A Fiat–Shamir transcript: the verifier's random challenges replaced by hashes of everything sent so far.

In an interactive proof the verifier answers each prover message with fresh randomness. Fiat and Shamir's
observation: if each challenge is instead a hash of the whole conversation up to that point, the prover
cannot choose a message after seeing its challenge, and the proof becomes a single non-interactive
message anyone can check by replaying the hashes. The transcript below keeps a running 32-byte state;
``absorb`` mixes a labelled message into it, ``challenge_*`` squeezes a challenge out and mixes that in
too, so two challenges in a row differ. Hash: keccak-256.

PLONK does not use this transcript: ``zkedu.plonk.transcript.KeccakTranscript`` follows snarkjs's byte
layout (raw 32-byte words, no labels, a reset after every challenge), which its proofs and the on-chain
verifier pin; the two are deliberately different protocols that share only the hash.

Source: Fiat and Shamir, "How to Prove Yourself", CRYPTO 1986; the length-prefixed, labelled absorption
follows the "strong Fiat–Shamir" advice of Bernhard, Pereira and Warinschi, ASIACRYPT 2012 (hash every
public input and every message, not just the last one).
"""

from __future__ import annotations

from numbers import Integral

from zkedu.field import FieldElement, PrimeField
from zkedu.hashing import keccak256


def _length_prefixed(data: bytes) -> bytes:
    return len(data).to_bytes(8, "big") + data


class Transcript:
    """A running hash of a proof's messages, from which the verifier's challenges are derived.

    >>> from zkedu.field import PrimeField
    >>> t1, t2 = Transcript(b"demo"), Transcript(b"demo")
    >>> t1.absorb(b"root", b"\\x01" * 32); t2.absorb(b"root", b"\\x01" * 32)
    >>> t1.challenge_field(PrimeField(97), b"alpha") == t2.challenge_field(PrimeField(97), b"alpha")
    True
    """

    def __init__(self, protocol: bytes) -> None:
        if not isinstance(protocol, bytes):
            raise TypeError(f"the protocol label must be bytes, got {type(protocol).__name__}: {protocol!r}")
        self._state = keccak256(_length_prefixed(protocol))

    def absorb(self, label: bytes, data: bytes) -> None:
        """Mix a labelled prover message into the state: state = H(state || len·label || len·data)."""
        for name, value in (("label", label), ("data", data)):
            if not isinstance(value, bytes):
                raise TypeError(f"the {name} to absorb must be bytes, got {type(value).__name__}: {value!r}")
        self._state = keccak256(self._state + _length_prefixed(label) + _length_prefixed(data))

    def challenge_bytes(self, label: bytes) -> bytes:
        """32 challenge bytes; the output is absorbed, so the next challenge differs."""
        out = keccak256(self._state + b"challenge" + _length_prefixed(label))
        self._state = keccak256(self._state + out)
        return out

    def challenge_field(self, field: PrimeField, label: bytes) -> FieldElement:
        """A field element: 64 hash bytes reduced mod p (bias at most p / 2^512, negligible)."""
        wide = self.challenge_bytes(label + b"/0") + self.challenge_bytes(label + b"/1")
        return field(int.from_bytes(wide, "big"))

    def challenge_index(self, bound: int, label: bytes) -> int:
        """An integer in [0, bound): 64 hash bytes reduced mod bound."""
        if isinstance(bound, bool) or not isinstance(bound, Integral) or bound < 1:
            raise ValueError(f"an index bound must be a positive int, got {bound!r}")
        wide = self.challenge_bytes(label + b"/0") + self.challenge_bytes(label + b"/1")
        return int.from_bytes(wide, "big") % int(bound)
