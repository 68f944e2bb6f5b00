"""Polynomials: the numpy NTT against the scalar NTT (Goldilocks), and the scalar NTT against the naive DFT."""

from __future__ import annotations

import random
from collections.abc import Iterator

from benchmarks.harness import Result, best_time
from zkedu import field_vec
from zkedu.field import GOLDILOCKS
from zkedu.poly import dft_naive, ntt
from zkedu.poly.ntt_numpy import intt_numpy, ntt_numpy


def run() -> Iterator[Result]:
    rng = random.Random(2026)
    F = GOLDILOCKS

    n = 2**14
    values = [rng.randrange(F.modulus) for _ in range(n)]
    arr = field_vec.from_ints(F, values)
    assert field_vec.to_ints(F, ntt_numpy(F, arr)) == [int(v) for v in ntt(F, values)]
    yield Result(
        f"NTT n=2^14 {F.name}", "ntt_numpy", best_time(lambda: ntt_numpy(F, arr), repeat=5),
        "ntt (scalar)", best_time(lambda: ntt(F, values), repeat=2), target_speedup=10,
    )

    n = 2**16
    big_values = [rng.randrange(F.modulus) for _ in range(n)]
    big = field_vec.from_ints(F, big_values)
    assert field_vec.to_ints(F, intt_numpy(F, ntt_numpy(F, big))) == big_values
    yield Result(
        f"NTT n=2^16 {F.name}", "ntt_numpy", best_time(lambda: ntt_numpy(F, big), repeat=3),
        "ntt (scalar)", best_time(lambda: ntt(F, big_values), repeat=1), target_speedup=10,
    )

    n = 2**8
    small = [rng.randrange(F.modulus) for _ in range(n)]
    yield Result(
        f"NTT n=2^8 {F.name}", "ntt (scalar)", best_time(lambda: ntt(F, small), repeat=3),
        "dft_naive", best_time(lambda: dft_naive(F, small), repeat=1), target_speedup=5,
        note="O(n log n) vs O(n^2)",
    )
