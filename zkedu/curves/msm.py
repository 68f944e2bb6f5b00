"""Multi-scalar multiplication Σ sᵢ·Pᵢ over G1: the bucket (Pippenger) method on plain ints.

Points come in as affine int pairs (``None`` for infinity) and the result leaves as a Jacobian triple;
``zkedu.curves.curve`` converts from and to py_ecc's tuples. Scalars are ints in [0, r): the curve
object validates them, this module only needs them non-negative.

Source: Pippenger, "On the evaluation of powers and related problems", FOCS 1976; the bucket form as in
Bernstein, Doumen, Lange, Oosterwijk, "Faster batch forgery identification", INDOCRYPT 2012, §4.
"""

from __future__ import annotations

from collections.abc import Sequence

from zkedu._bigint import big, smalls
from zkedu.curves.g1_fast import JAC_INF, Affine, JacPoint, jac_add, jac_add_affine, jac_double
from zkedu.field import batch_inverse_ints

AffineOrInf = Affine | None


def choose_window(n: int, scalar_bits: int) -> int:
    """The window width c minimising the cost model ⌈bits/c⌉·(n + 2^c) of ``msm_pippenger``.

    Each of the ⌈bits/c⌉ windows costs n bucket additions plus 2·2^c to sum the buckets; the model
    weighs the bucket sums at half, which picked the fastest width when measured (4,096 points, BLS12-381).

    >>> choose_window(4096, 255)
    10
    >>> choose_window(64, 255)
    5
    """
    if n < 1 or scalar_bits < 1:
        raise ValueError(f"need n >= 1 and scalar_bits >= 1, got n={n}, scalar_bits={scalar_bits}")

    def cost(c: int) -> int:
        return -(-scalar_bits // c) * (n + 2**c)

    return min(range(1, 17), key=cost)


def msm_pippenger(points: Sequence[AffineOrInf], scalars: Sequence[int], p: int, window: int | None = None) -> JacPoint:
    """Σ sᵢ·Pᵢ by buckets: per c-bit window, drop each point into the bucket named by its digit, then sum.

    Within one window, Σ_j j·B_j (B_j = the sum of the points whose digit is j) is computed with a
    running sum from the top bucket down, so it needs only additions. The windows are then combined
    from the most significant down, doubling c times between them (Horner's rule in base 2^c).

    Source: Bernstein et al., INDOCRYPT 2012, §4 (bucket method).
    """
    live = _live_terms(points, scalars)
    if not live:
        return JAC_INF
    bits = max(s.bit_length() for _, s in live)
    c = window or choose_window(len(live), bits)
    mask = (1 << c) - 1
    result = JAC_INF
    for w in reversed(range(0, bits, c)):
        for _ in range(c):
            result = jac_double(result, p)
        buckets: list[JacPoint | None] = [None] * (mask + 1)
        for (x, y), s in live:
            digit = (s >> w) & mask
            if digit:
                bucket = buckets[digit]
                buckets[digit] = (x, y, 1) if bucket is None else jac_add_affine(bucket, x, y, p)
        # Σ j·B_j = B_top + (B_top + B_top-1) + ... : each running sum adds every bucket above it once more.
        running, window_sum = JAC_INF, JAC_INF
        for bucket in reversed(buckets[1:]):
            if bucket is not None:
                running = jac_add(running, bucket, p)
            window_sum = jac_add(window_sum, running, p)
        result = jac_add(result, window_sum, p)
    return result


def _msm_pippenger_batch_affine(points: Sequence[AffineOrInf], scalars: Sequence[int], p: int,
                                window: int | None = None) -> JacPoint:
    """``msm_pippenger`` with the buckets filled by AFFINE additions sharing one inversion per round (fast path).

    Every window's buckets are collected as lists of affine points, then halved round by round: each round
    pairs up the points of every bucket (of every window at once) and adds each pair with the chord (or
    tangent) formula, whose denominators are inverted together by Montgomery's trick. An affine addition plus
    its share of the inversion is cheaper than a mixed Jacobian addition. Digits are signed (a digit above
    2^(c-1) becomes d - 2^c with a carry into the next window; -P costs one negation), so each window has
    half as many buckets to sum. The windows are combined as in ``msm_pippenger``; the tests check the two agree.
    The arithmetic runs on GMP integers (``zkedu._bigint``); the result comes back as Python ints.

    Source: Bernstein et al., INDOCRYPT 2012, §4 (buckets); Montgomery, Math. Comp. 48 (1987), §10.3.1
    (one inversion for many); batch-affine buckets as in Botrel and El Housni, "Faster Montgomery
    multiplication and multi-scalar multiplication for SNARKs", TCHES 2023 (ePrint 2022/1400).
    """
    live = [((big(P[0]), big(P[1])), big(s)) for P, s in _live_terms(points, scalars)]
    if not live:
        return JAC_INF
    p = big(p)
    bits = max(s.bit_length() for _, s in live)
    c = window or _choose_window_batch_affine(len(live), bits)
    # Signed digits in [-2^(c-1), 2^(c-1)]: a negative digit puts -P in bucket |d|, halving the buckets.
    half, full = 1 << (c - 1), 1 << c
    windows = -(-(bits + 1) // c)
    buckets: list[list[Affine]] = [[] for _ in range(windows * (half + 1))]
    for P, s in live:
        neg = (P[0], (-P[1]) % p)
        for k in range(windows):
            digit = s & (full - 1)
            s >>= c
            if digit > half:
                digit -= full
                s += 1
            if digit > 0:
                buckets[k * (half + 1) + digit].append(P)
            elif digit < 0:
                buckets[k * (half + 1) - digit].append(neg)
    _reduce_buckets(buckets, p)
    result = JAC_INF
    for k in reversed(range(windows)):
        for _ in range(c):
            result = jac_double(result, p)
        running, window_sum = JAC_INF, JAC_INF
        for digit in range(half, 0, -1):
            bucket = buckets[k * (half + 1) + digit]
            if bucket:
                running = jac_add_affine(running, bucket[0][0], bucket[0][1], p)
            window_sum = jac_add(window_sum, running, p)
        result = jac_add(result, window_sum, p)
    return tuple(smalls(result))  # type: ignore[return-value]


def _choose_window_batch_affine(n: int, scalar_bits: int) -> int:
    """The window width for ``_msm_pippenger_batch_affine``: cheaper bucket additions favour narrower windows."""
    return min(range(1, 17), key=lambda c: -(-scalar_bits // c) * (n + 2 * 2**c))


def _add_affine_pairs(lefts: Sequence[Affine], rights: Sequence[Affine], p: int) -> list[AffineOrInf]:
    """[P + Q for P, Q in zip(lefts, rights)] for finite affine points, with ONE field inversion for all of them.

    The chord slope (y2 - y1)/(x2 - x1), or the tangent slope 3x²/2y when P == Q, needs a division per pair;
    the denominators are inverted together (Montgomery's trick). P == -Q gives None, the point at infinity.
    """
    dens: list[int] = []
    for (x1, y1), (x2, y2) in zip(lefts, rights, strict=True):
        if x1 != x2:
            dens.append(x2 - x1)
        elif y1 == y2 and y1 != 0:
            dens.append(2 * y1)
    inverses = iter(batch_inverse_ints(dens, p) if dens else [])
    out: list[AffineOrInf] = []
    for (x1, y1), (x2, y2) in zip(lefts, rights, strict=True):
        if x1 != x2:
            lam = (y2 - y1) * next(inverses) % p
        elif y1 == y2 and y1 != 0:
            lam = 3 * x1 * x1 * next(inverses) % p
        else:
            out.append(None)
            continue
        x3 = (lam * lam - x1 - x2) % p
        out.append((x3, (lam * (x1 - x3) - y1) % p))
    return out


def _reduce_buckets(buckets: list[list[Affine]], p: int) -> None:
    """Sum every bucket in place down to at most one affine point, one batch inversion per round."""
    work = [b for b in buckets if len(b) > 1]
    while work:
        owners: list[list[Affine]] = []
        lefts: list[Affine] = []
        rights: list[Affine] = []
        for bucket in work:
            items = bucket[:]
            del bucket[:]
            if len(items) & 1:
                bucket.append(items.pop())
            owners += [bucket] * (len(items) // 2)
            lefts += items[::2]
            rights += items[1::2]
        for bucket, total in zip(owners, _add_affine_pairs(lefts, rights, p), strict=True):
            if total is not None:  # P + (-P) adds nothing to the bucket
                bucket.append(total)
        work = [b for b in work if len(b) > 1]


def _live_terms(points: Sequence, scalars: Sequence[int]) -> list:
    """The (point, scalar) pairs that contribute: neither the point at infinity (None) nor a zero scalar."""
    if len(points) != len(scalars):
        raise ValueError(f"msm needs as many scalars as points, got {len(points)} points and {len(scalars)} scalars")
    return [(P, s) for P, s in zip(points, scalars, strict=True) if P is not None and s != 0]
