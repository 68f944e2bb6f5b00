"""FRI over Goldilocks at blow-up 2: the verifier's spot checks against reading the whole word, and against proving."""

from __future__ import annotations

import random
from collections.abc import Iterator

from benchmarks.harness import Result, best_time
from zkedu.field import GOLDILOCKS
from zkedu.fri import FriParameters, prove_fri, verify_fri
from zkedu.poly import Polynomial, evaluate_on_domain


def run() -> Iterator[Result]:
    rng = random.Random(2026)
    for log_n in (12, 14):
        params = FriParameters(GOLDILOCKS, 2**log_n, blowup=2, num_queries=20, offset=7)
        poly = Polynomial(GOLDILOCKS, [rng.randrange(GOLDILOCKS.modulus) for _ in range(params.degree_bound)])
        word = evaluate_on_domain(poly, params.domain())
        proof = prove_fri(word, params)
        assert verify_fri(proof, params)
        t_verify = best_time(lambda: verify_fri(proof, params), repeat=3)  # noqa: B023 (used at once)
        yield Result(
            f"FRI n=2^{log_n} {GOLDILOCKS.name}, 20 queries", "verify_fri", t_verify,
            "reading the word (interpolate, check degree)",
            best_time(lambda: word.to_polynomial().degree < params.degree_bound, repeat=1),  # noqa: B023
            target_speedup=2, note="the verifier's work grows with log n, reading the word with n log n",
        )
        yield Result(
            f"FRI n=2^{log_n} {GOLDILOCKS.name}, 20 queries", "verify_fri", t_verify,
            "prove_fri", best_time(lambda: prove_fri(word, params), repeat=1),  # noqa: B023
            target_speedup=5,
        )
