"""KZG and EIP-4844: blob commitment, proof verification and setup loading, each beside its baseline."""

from __future__ import annotations

import random
from collections.abc import Iterator

import ckzg

from benchmarks.harness import Result, best_time
from zkedu.curves import BLS12_381
from zkedu.curves.bls12_381_serial import g1_decompress
from zkedu.kzg import BLS_MODULUS, FIELD_ELEMENTS_PER_BLOB, trusted_setup_path
from zkedu.kzg.eip4844 import blob_to_kzg_commitment, compute_kzg_proof, verify_kzg_proof
from zkedu.kzg.kzg import verify_opening_two_pairings
from zkedu.kzg.setup import (
    decompress_setup_g1,
    load_mainnet_g1_lagrange,
    load_mainnet_setup,
    read_mainnet_setup,
)

NAIVE_SUBSET = 128  # the naive loop is timed on this many points and scaled to 4,096


def _blob(seed: int) -> tuple[bytes, list[int]]:
    rng = random.Random(seed)
    values = [rng.randrange(BLS_MODULUS) for _ in range(FIELD_ELEMENTS_PER_BLOB)]
    return b"".join(v.to_bytes(32, "big") for v in values), values


def run() -> Iterator[Result]:
    blob, values = _blob(4844)
    setup_hex = read_mainnet_setup()

    # Loading the Lagrange setup: on-curve checks for all, subgroup checks on a sample (pinned file) vs all 4,096.
    def load() -> None:
        load_mainnet_g1_lagrange.cache_clear()
        load_mainnet_g1_lagrange()

    cold = best_time(load, repeat=1)
    subset = setup_hex.g1_lagrange[:64]
    full_subset = best_time(lambda: decompress_setup_g1(subset, sha256="unpinned: check all"), repeat=1)
    yield Result(
        "mainnet setup load", "pinned file, sampled subgroup checks", cold,
        "subgroup check of every point", full_subset * FIELD_ELEMENTS_PER_BLOB / len(subset),
        note="full check timed on 64 points, scaled x64",
    )

    table = load_mainnet_g1_lagrange()
    commit = best_time(lambda: blob_to_kzg_commitment(blob), repeat=2)
    points = [BLS12_381.from_affine(*xy) for xy in table.affine[:NAIVE_SUBSET]]
    naive = best_time(lambda: BLS12_381.msm_naive(points, values[:NAIVE_SUBSET]), repeat=1)
    yield Result(
        "blob commitment (4,096 elements)", "Pippenger MSM", commit,
        "naive py_ecc multiply-and-add", naive * FIELD_ELEMENTS_PER_BLOB / NAIVE_SUBSET,
        target_speedup=10, budget_seconds=3.0,
        note=f"naive loop timed on {NAIVE_SUBSET} points, scaled x{FIELD_ELEMENTS_PER_BLOB // NAIVE_SUBSET}",
    )

    ts = ckzg.load_trusted_setup(str(trusted_setup_path()), 0)
    c_commit = best_time(lambda: ckzg.blob_to_kzg_commitment(blob, ts), repeat=5)
    yield Result("blob commitment vs C", "ckzg", c_commit, "zkedu", commit, note="how far pure Python is from C")

    z = (2**200 + 12345).to_bytes(32, "big")
    commitment = blob_to_kzg_commitment(blob)
    proof, y = compute_kzg_proof(blob, z)
    verify = best_time(lambda: verify_kzg_proof(commitment, z, y, proof), repeat=3)
    two = load_mainnet_setup(1)
    C, P = g1_decompress(commitment), g1_decompress(proof)
    zi, yi = int.from_bytes(z, "big"), int.from_bytes(y, "big")
    baseline = best_time(lambda: verify_opening_two_pairings(two, C, zi, yi, P), repeat=2)
    yield Result(
        "verify_kzg_proof", "one pairing product, shared final exp.", verify,
        "two pairings + G2 multiplication", baseline, target_speedup=1.3,
        note="subject includes decompression and subgroup checks of both points",
    )
    c_verify = best_time(lambda: ckzg.verify_kzg_proof(commitment, z, y, proof, ts), repeat=5)
    yield Result("verify_kzg_proof vs C", "ckzg", c_verify, "zkedu", verify)
