"""PLONK on BN254: prove 8 transfers among 4 accounts (<= 20 s), verify (<= 1 s), prover time against circuit size."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator

from benchmarks.harness import Result, best_time
from zkedu.curves import BN254
from zkedu.field import BN254_FR
from zkedu.plonk import apply_transfers, prove_transfers, transfers_proving_key, verify_transfers
from zkedu.plonk.costs import measure_cost
from zkedu.plonk.keys import compute_proving_key
from zkedu.plonk.prover import (
    _compute_quotient_fast,
    blind,
    compute_grand_product,
    compute_quotient,
    compute_wire_polynomials,
)
from zkedu.plonk.transfers import build_transfers_circuit
from zkedu.poly import Polynomial, intt, ntt, ntt_ints

PRE = [100, 50, 7, 0]
BATCH = [(0, 1, 30), (1, 3, 80), (2, 2, 7), (3, 0, 1), (0, 2, 5), (1, 0, 0), (2, 1, 12), (3, 3, 79)]


def _quotient_inputs(capacity: int) -> tuple:
    circuit, witness = build_transfers_circuit([5, 6], [(0, 1, 2)], capacity=capacity)
    pk = compute_proving_key(circuit)
    F, n = BN254_FR, circuit.size
    wires = compute_wire_polynomials(circuit, witness)
    polys = {name: blind(Polynomial(F, intt(F, w)), [F(3), F(4)], n) for name, w in zip("abc", wires, strict=True)}
    ch = {"beta": F(11), "gamma": F(13), "alpha": F(17)}
    polys["z"] = Polynomial(F, intt(F, compute_grand_product(pk, wires, ch["beta"], ch["gamma"])))
    return pk, polys, circuit.public_values(witness), ch


def run() -> Iterator[Result]:
    F = BN254_FR
    start = time.perf_counter()
    transfers_proving_key(4)
    keygen = time.perf_counter() - start
    post = apply_transfers(PRE, BATCH)
    proof = prove_transfers(PRE, BATCH, random.Random(1))
    prove_s = best_time(lambda: prove_transfers(PRE, BATCH, random.Random(1)), repeat=1)
    yield Result("prove 8 transfers, 4 accounts (n = 4096)", "prove_transfers", prove_s,
                 "key generation (setup + preprocessing, once)", keygen, budget_seconds=20.0)
    assert verify_transfers(PRE, post, proof)
    verify_s = best_time(lambda: verify_transfers(PRE, post, proof), repeat=3)
    pairing_s = best_time(lambda: BN254.pairing_check([(BN254.G1, BN254.G2), (BN254.neg(BN254.G1), BN254.G2)]),
                          repeat=3)
    yield Result("verify 8 transfers, 4 accounts", "verify_transfers", verify_s, "one 2-pair pairing check",
                 pairing_s, budget_seconds=1.0, note="the verifier is ~ one pairing check plus ~17 G1 multiplications")
    yield Result("prover / verifier asymmetry (n = 4096)", "verify_transfers", verify_s, "prove_transfers", prove_s)

    # Prover time against circuit size: 2 accounts, capacity 1, 2, 8, 16 (n = 512..4096), ratios to the smallest.
    points = []
    for capacity in (1, 2, 8, 16):
        circuit, witness = build_transfers_circuit([9, 0], [(0, 1, 4)], capacity=capacity)
        point, _ = measure_cost(compute_proving_key(circuit), witness, random.Random(capacity))
        points.append(point)
    for point in points[1:]:
        yield Result(f"prover time, n = {point.n} ({point.gates} gates)", f"prove n = {points[0].n}",
                     points[0].prove_seconds, f"prove n = {point.n}", point.prove_seconds,
                     note=f"verify {point.verify_seconds * 1e3:.0f} ms; proof {point.proof_bytes} bytes")

    # The fast paths beside the readable code.
    qpk, polys, public, ch = _quotient_inputs(capacity=2)
    assert _compute_quotient_fast(qpk, polys, public, ch) == compute_quotient(qpk, polys, public, ch)
    yield Result(f"quotient, n = {qpk.circuit.size}", "_compute_quotient_fast",
                 best_time(lambda: _compute_quotient_fast(qpk, polys, public, ch), repeat=2),
                 "compute_quotient (readable)", best_time(lambda: compute_quotient(qpk, polys, public, ch), repeat=1),
                 target_speedup=3)
    values = [random.Random(7).randrange(F.modulus) for _ in range(2**14)]
    assert ntt_ints(F, values) == [int(v) for v in ntt(F, values)]
    yield Result("NTT n = 2^14 on BN254", "ntt_ints", best_time(lambda: ntt_ints(F, values), repeat=2),
                 "ntt (FieldElement)", best_time(lambda: ntt(F, values), repeat=1), target_speedup=3)
