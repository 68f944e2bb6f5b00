"""Field arithmetic: numpy-vectorised multiplication and batch inversion against the scalar path."""

from __future__ import annotations

import random
from collections.abc import Iterator

from benchmarks.harness import Result, best_time
from zkedu import field_vec as fv
from zkedu.field import GOLDILOCKS, MERSENNE31, FieldElement, PrimeField, batch_inverse

N = 2**16


def _operands(field: PrimeField, n: int, seed: int) -> tuple[list[FieldElement], list[FieldElement]]:
    rng = random.Random(seed)
    xs = [field.random(rng) for _ in range(n)]
    ys = [field(rng.randrange(1, field.modulus)) for _ in range(n)]
    return xs, ys


def _mul_result(field: PrimeField) -> Result:
    xs, ys = _operands(field, N, seed=1)
    a, b = fv.from_ints(field, [int(x) for x in xs]), fv.from_ints(field, [int(y) for y in ys])
    assert fv.to_ints(field, fv.mul(field, a, b)) == [int(x * y) for x, y in zip(xs, ys, strict=True)]
    return Result(
        f"{field.name} mul, 2^16 elements", "field_vec.mul", best_time(lambda: fv.mul(field, a, b), repeat=5),
        "scalar FieldElement *", best_time(lambda: [x * y for x, y in zip(xs, ys, strict=True)]),
        target_speedup=50,
    )


def run() -> Iterator[Result]:
    yield _mul_result(GOLDILOCKS)
    yield _mul_result(MERSENNE31)

    field = GOLDILOCKS
    _, ys = _operands(field, N, seed=2)
    b = fv.from_ints(field, [int(y) for y in ys])
    assert fv.to_ints(field, fv.inv(field, b)) == [int(e) for e in batch_inverse(ys)]
    per_element = best_time(lambda: [y.inverse() for y in ys], repeat=2)
    yield Result(
        "GOLDILOCKS inverse, 2^16 elements", "field_vec.inv (Montgomery, tree)", best_time(lambda: fv.inv(field, b)),
        "scalar inverse per element", per_element, target_speedup=20,
    )
    yield Result(
        "GOLDILOCKS inverse, 2^16 elements", "field.batch_inverse (Montgomery, scalar)",
        best_time(lambda: batch_inverse(ys), repeat=2), "scalar inverse per element", per_element, target_speedup=1.5,
    )
