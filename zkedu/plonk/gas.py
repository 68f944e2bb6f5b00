"""The verifier contract's gas, taken apart: what the EIP-1108 price list predicts against what py-evm measured.

``compute_precompile_gas`` is the price list applied to a count of precompile calls; ``compute_gas_table``
lays a measured ``zkedu.evm.GasBreakdown`` out as rows (base, calldata, each precompile, keccak, the rest)
that add up to the measured total; ``measure_verification_gas`` proves a small batch for real and measures
one verification by the contract, for chapters that need the number without the full-size proof.

Spec: EIP-1108 (ecAdd 150, ecMul 6,000, ecPairing 45,000 + 34,000 per pair); EIP-198/2565 (modexp);
Yellow Paper appendix G (KECCAK256, the 21,000 base); EIP-2028 (calldata).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from zkedu.evm import ECADD_GAS, ECMUL_GAS, ECPAIRING_BASE_GAS, ECPAIRING_PER_PAIR_GAS, GasBreakdown


def compute_precompile_gas(n_ecmul: int, n_ecadd: int, n_pairs: int) -> int:
    """EIP-1108's price for ``n_ecmul`` scalar multiplications, ``n_ecadd`` additions and one ``n_pairs`` pairing.

    Spec: EIP-1108, "Specification".

    >>> compute_precompile_gas(18, 18, 2)  # the PLONK verifier's calls
    223700
    """
    for name, v in (("n_ecmul", n_ecmul), ("n_ecadd", n_ecadd), ("n_pairs", n_pairs)):
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise ValueError(f"{name} must be an int >= 0, got {v!r}")
    pairing = ECPAIRING_BASE_GAS + ECPAIRING_PER_PAIR_GAS * n_pairs if n_pairs else 0
    return ECMUL_GAS * n_ecmul + ECADD_GAS * n_ecadd + pairing


@dataclass(frozen=True)
class GasRow:
    """One line of the gas table: what, how many invocations, the gas measured for them."""

    part: str
    count: int
    gas: int


def compute_gas_table(gas: GasBreakdown, calldata_bytes: int) -> list[GasRow]:
    """The measured gas of one transaction as rows that add up to ``gas.total``.

    >>> g = GasBreakdown(total=21_300, intrinsic=21_000, calldata=100, calls={"ecAdd": (1, 150)})
    >>> [(r.part, r.gas) for r in compute_gas_table(g, 10)][-1]
    ('everything else: field arithmetic, memory, calls', 50)
    """
    rows = [GasRow("transaction base cost", 1, gas.intrinsic), GasRow(f"calldata ({calldata_bytes:,} bytes)", 1,
                                                                       gas.calldata)]  # fmt: skip
    if gas.floor_topup:
        rows.append(GasRow("EIP-7623 calldata floor top-up", 1, gas.floor_topup))
    labels = {
        "ecPairing": "ecPairing (0x08)",
        "ecMul": "ecMul (0x07), scalar multiplications",
        "ecAdd": "ecAdd (0x06), point additions",
        "modexp": "modexp (0x05), one field inversion",
        "keccak": "KECCAK256, the Fiat-Shamir transcript",
    }
    for name, label in labels.items():
        if name in gas.calls:
            rows.append(GasRow(label, gas.count(name), gas.gas(name)))
    rows.append(GasRow("everything else: field arithmetic, memory, calls", 1, gas.other))
    return rows


def measure_verification_gas(seed: int = 0) -> GasBreakdown:
    """Gas of one verification, by the contract in py-evm, of a real proof of one transfer between 2 accounts.

    The circuit has capacity 1 (512 rows) so that proving takes seconds; the contract's gas depends on the
    circuit only through the number of public inputs (here 4) and log2 of its size, not on the gate count.
    """
    from zkedu.plonk.encoding import proof_to_bytes, vk_to_json
    from zkedu.plonk.keys import compute_proving_key
    from zkedu.plonk.onchain import verifier_for
    from zkedu.plonk.prover import prove
    from zkedu.plonk.transfers import build_transfers_circuit

    circuit, witness = build_transfers_circuit([5, 6], [(0, 1, 2)], capacity=1)
    pk = compute_proving_key(circuit)
    proof = proof_to_bytes(prove(pk, witness, random.Random(seed)))
    verdict = verifier_for(vk_to_json(pk.vk)).verify(circuit.public_values(witness), proof)
    if not verdict.accepted:  # internal invariant: an honest proof must pass
        raise RuntimeError(f"the contract rejected an honest proof: {verdict.result}")
    return verdict.result.gas
