"""Many multiples k₁·P, k₂·P, ... of ONE G1 point: a fixed-base window table, then batch normalisation.

A scalar k splits into c-bit digits d_j, so k·P = Σ_j d_j·(2^(c·j)·P). The table holds every d·2^(c·j)·P
once (in affine form), after which each multiple costs one addition per window instead of the ~1.5·bits
group operations of double-and-add. All the multiples advance together, one window at a time, so each
window's additions share one field inversion and stay affine (``msm._add_affine_pairs``). This is how a
teaching trusted setup computes its powers [τ^i]₁ quickly. The arithmetic runs on GMP integers.

Source: Brickell, Gordon, McCurley, Wilson, "Fast exponentiation with precomputation", EUROCRYPT 1992
(fixed-base windowing); Montgomery, Math. Comp. 48 (1987), §10.3.1 (one inversion for many).
"""

from __future__ import annotations

from collections.abc import Sequence

from zkedu._bigint import big, bigs
from zkedu.curves.g1_fast import JAC_INF, Affine, JacPoint, jac_add, jac_double
from zkedu.curves.msm import AffineOrInf, _add_affine_pairs
from zkedu.field import batch_inverse_ints


def jac_batch_to_affine(points: Sequence[JacPoint], p: int) -> list[AffineOrInf]:
    """Affine (x, y) of many Jacobian points with ONE inversion (None for infinity).

    >>> jac_batch_to_affine([(4, 8, 2), (1, 1, 0)], 101)
    [(1, 1), None]
    """
    finite = [i for i, P in enumerate(points) if P[2] % p]
    inverses = batch_inverse_ints([points[i][2] % p for i in finite], p)
    out: list[AffineOrInf] = [None] * len(points)
    for i, zi in zip(finite, inverses, strict=True):
        X, Y, _ = points[i]
        zi2 = zi * zi % p
        out[i] = (X * zi2 % p, Y * zi2 * zi % p)
    return out


def choose_fixed_base_window(n: int, scalar_bits: int) -> int:
    """The window c minimising table size plus work: ⌈bits/c⌉·(2^c + n) point additions.

    >>> choose_fixed_base_window(1024, 255), choose_fixed_base_window(4, 255)
    (8, 3)
    """
    if n < 1 or scalar_bits < 1:
        raise ValueError(f"need n >= 1 and scalar_bits >= 1, got n={n}, scalar_bits={scalar_bits}")
    return min(range(1, 17), key=lambda c: -(-scalar_bits // c) * (2**c + n))


def fixed_base_table(P: JacPoint, windows: int, c: int, p: int) -> list[list[AffineOrInf]]:
    """table[j][d] = d·2^(c·j)·P for every window j and digit d in [0, 2^c), all affine."""
    rows: list[JacPoint] = []
    base = P
    for _ in range(windows):
        multiple = JAC_INF
        for _ in range(1 << c):
            rows.append(multiple)
            multiple = jac_add(multiple, base, p)
        for _ in range(c):
            base = jac_double(base, p)
    flat = jac_batch_to_affine(rows, p)
    return [flat[j << c : (j + 1) << c] for j in range(windows)]


def fixed_base_mul_many(P: JacPoint, scalars: Sequence[int], p: int) -> list[AffineOrInf]:
    """[k·P for k in scalars] in affine form (None for infinity); scalars are ints >= 0.

    Same results as ``jac_mul`` once per scalar (the tests check this), several times faster for many scalars.
    """
    if any(k < 0 for k in scalars):
        raise ValueError("fixed_base_mul_many needs non-negative scalars")
    if not scalars:
        return []
    bits = max(1, max(k.bit_length() for k in scalars))
    c = choose_fixed_base_window(len(scalars), bits)
    windows = -(-bits // c)
    mask = (1 << c) - 1
    P, p = (big(P[0]), big(P[1]), big(P[2])), big(p)
    table = fixed_base_table(P, windows, c, p)
    ks = bigs(scalars)
    accs: list[AffineOrInf] = [None] * len(ks)
    for j in range(windows):
        owners: list[int] = []
        lefts: list[Affine] = []
        rights: list[Affine] = []
        for i, k in enumerate(ks):
            entry = table[j][(k >> (c * j)) & mask]
            if entry is None:
                continue
            acc = accs[i]
            if acc is None:
                accs[i] = entry
            else:
                owners.append(i)
                lefts.append(acc)
                rights.append(entry)
        for i, total in zip(owners, _add_affine_pairs(lefts, rights, p), strict=True):
            accs[i] = total
    return [None if a is None else (int(a[0]), int(a[1])) for a in accs]
