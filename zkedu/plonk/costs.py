"""Measured cost of proving and verifying: the asymmetry a rollup lives on, as data for the chapter and benchmark.

The prover's work grows with the circuit (NTTs of size 4n, MSMs of size n), while the verifier's stays flat:
a fixed number of scalar multiplications, one pairing check, and PI(ξ) over the public inputs. The proof is
always 768 bytes.

Source: PLONK (ePrint 2019/953) §8 (prover O(n log n) field work and O(n) group work; verifier 2 pairings).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from zkedu.plonk.encoding import proof_to_bytes
from zkedu.plonk.keys import ProvingKey
from zkedu.plonk.prover import Proof, prove
from zkedu.plonk.verifier import verify


@dataclass(frozen=True)
class CostPoint:
    """One circuit's measured cost: rows, domain size n, prover and verifier seconds, proof bytes."""

    gates: int
    n: int
    prove_seconds: float
    verify_seconds: float
    proof_bytes: int


def measure_cost(pk: ProvingKey, witness: list[int], rng: random.Random) -> tuple[CostPoint, Proof]:
    """Prove once and verify, timing both (wall clock, one run each); returns the proof too, for reuse.

    The verification timed is the second: the first also prepares the key's two G2 points for the pairing
    (about 0.1 s, once per key), which every later proof under the same key is spared.
    """
    start = time.perf_counter()
    proof = prove(pk, witness, rng)
    proved = time.perf_counter()
    public = pk.circuit.public_values(witness)
    if not verify(pk.vk, public, proof):
        raise RuntimeError("an honest proof failed to verify")  # internal invariant
    verify_start = time.perf_counter()
    verify(pk.vk, public, proof)
    verified = time.perf_counter()
    point = CostPoint(len(pk.circuit.gates), pk.circuit.size, proved - start, verified - verify_start,
                      len(proof_to_bytes(proof)))
    return point, proof
