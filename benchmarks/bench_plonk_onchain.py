"""The L1 verifier contract: one on-chain PLONK verification in py-evm (<= 2 s) beside the Python verifier."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator

from benchmarks.harness import Result, best_time
from zkedu.evm import compile_vyper
from zkedu.plonk import apply_transfers, prove_transfers, to_snarkjs, verify_transfers, verify_transfers_onchain
from zkedu.plonk.onchain import OnchainVerifier, render_verifier_source, verifier_for

PRE = [100, 50, 7, 0]
BATCH = [(0, 1, 30), (1, 3, 80), (2, 2, 7), (3, 0, 1), (0, 2, 5), (1, 0, 0), (2, 1, 12), (3, 3, 79)]


def run() -> Iterator[Result]:
    post = apply_transfers(PRE, BATCH)
    proof = prove_transfers(PRE, BATCH, random.Random(1))
    vk, _, _ = to_snarkjs(PRE, post, proof)

    source = render_verifier_source(vk)
    start = time.perf_counter()
    compile_vyper.__wrapped__(source)  # uncached: what a first use pays
    compile_s = time.perf_counter() - start
    start = time.perf_counter()
    verifier_for(vk)  # compile (cached now) and deploy once
    deploy_s = time.perf_counter() - start

    accepted, gas = verify_transfers_onchain(PRE, post, proof)
    assert accepted and verify_transfers(PRE, post, proof)
    onchain_s = best_time(lambda: verify_transfers_onchain(PRE, post, proof), repeat=3)
    python_s = best_time(lambda: verify_transfers(PRE, post, proof), repeat=3)
    yield Result("verify 8 transfers on chain (py-evm, Prague)", "verify_transfers_onchain", onchain_s,
                 "verify_transfers (pure Python)", python_s, budget_seconds=2.0,
                 note=f"{gas:,} gas; ecAdd and ecMul run py_ecc, ecPairing zkedu.curves")  # fmt: skip
    stock = OnchainVerifier(vk, fast_pairing=False)
    stock_s = best_time(lambda: stock.verify([*PRE, *post], proof), repeat=3)
    yield Result("on chain: ecPairing by zkedu.curves vs py-evm's own (py_ecc)", "fast_pairing=True", onchain_s,
                 "fast_pairing=False", stock_s, note="same output and gas, tested")  # fmt: skip
    yield Result("verifier contract, once per key", "compile with Vyper", compile_s,
                 "deploy on a fresh chain (compile cached)", deploy_s)  # fmt: skip
