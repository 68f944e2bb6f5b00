"""PLONK with KZG on BN254, exactly as snarkjs implements it, and a circuit proving a batch of transfers.

- ``circuit``: the circuit builder (gates qM, qL, qR, qO, qC; copy constraints; public inputs).
- ``transfers``: the transfers circuit (range checks by bit decomposition, value conserved, fixed capacity).
- ``keys``: preprocessing into proving and verification keys (teaching setup with a visible τ).
- ``transcript``, ``prover``, ``verifier``: the protocol, round by round.
- ``encoding``: the 768-byte proof and snarkjs's JSON files.
- ``api``: ``prove_transfers``, ``verify_transfers``, ``to_snarkjs``.

Source: Gabizon, Williamson, Ciobotaru, "PLONK" (ePrint 2019/953); snarkjs (iden3/snarkjs) src/plonk_*.js.
"""

from __future__ import annotations

from zkedu.plonk.api import prove_transfers, to_snarkjs, transfers_proving_key, verify_transfers
from zkedu.plonk.circuit import Circuit, CircuitBuilder, Gate
from zkedu.plonk.encoding import PROOF_SIZE, proof_from_bytes, proof_to_bytes
from zkedu.plonk.keys import TEACHING_TAU, ProvingKey, VerificationKey, compute_proving_key
from zkedu.plonk.onchain import verify_transfers_onchain
from zkedu.plonk.prover import Proof, prove
from zkedu.plonk.transfers import CAPACITY, apply_transfers, build_transfers_circuit
from zkedu.plonk.verifier import verify

__all__ = [
    "CAPACITY",
    "PROOF_SIZE",
    "TEACHING_TAU",
    "Circuit",
    "CircuitBuilder",
    "Gate",
    "Proof",
    "ProvingKey",
    "VerificationKey",
    "apply_transfers",
    "build_transfers_circuit",
    "compute_proving_key",
    "proof_from_bytes",
    "proof_to_bytes",
    "prove",
    "prove_transfers",
    "to_snarkjs",
    "transfers_proving_key",
    "verify",
    "verify_transfers",
    "verify_transfers_onchain",
]
