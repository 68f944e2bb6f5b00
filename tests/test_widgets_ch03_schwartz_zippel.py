"""Chapter 3 widget: the measured miss rates agree with exact counts made with zkedu.poly, and with d/p."""

from __future__ import annotations

import itertools
import math

import pytest

from zkedu.field import PrimeField
from zkedu.poly import Polynomial
from zkedu.widgets.ch03_schwartz_zippel import (
    MAX_DEGREE,
    PRIMES,
    compute_random_miss_rates,
    compute_worst_miss_rates,
    update,
)


def exact_random_miss_rate(p: int, d: int) -> float:
    """Pr[D(r) = 0] over every D of degree exactly d and every r in F_p, counted with zkedu.poly."""
    F = PrimeField(p)
    misses = total = 0
    for lower in itertools.product(range(p), repeat=d):
        for lead in range(1, p):
            D = Polynomial(F, [*lower, lead])
            misses += sum(1 for r in range(p) if D(r) == 0)
            total += p
    return misses / total


def within(measured: float, exact: float, trials: int, sigmas: float = 5.0) -> bool:
    return abs(measured - exact) <= sigmas * math.sqrt(exact * (1 - exact) / trials) + 1e-12


@pytest.mark.parametrize("d", [1, 2, 3])
def test_random_miss_rate_matches_exhaustive_count(d: int) -> None:
    trials = 20_000
    measured = compute_random_miss_rates(5, 3, trials=trials, seed=7)[d - 1]
    exact = exact_random_miss_rate(5, d)
    assert within(measured, exact, trials), (measured, exact)


def test_worst_case_meets_the_bound_and_random_stays_near_one_over_p() -> None:
    for p in (17, 97):
        rates = update(p, 4)
        assert rates.bound == tuple(d / p for d in range(1, MAX_DEGREE + 1))
        for d, worst, rand in zip(rates.degrees, rates.worst_rate, rates.random_rate, strict=True):
            assert within(worst, d / p, rates.trials), (p, d, worst)
            assert rand < d / p or d == 1 or within(rand, d / p, rates.trials)
        mean_random = sum(rates.random_rate) / len(rates.random_rate)
        assert within(mean_random, 1 / p, rates.trials * len(rates.degrees), sigmas=6)


def test_worst_case_roots_are_distinct_so_the_polynomial_has_degree_d() -> None:
    # d = p - 1 distinct roots: the only r that survives is the one remaining residue.
    rates = compute_worst_miss_rates(7, 6, trials=7_000, seed=1)
    assert within(rates[-1], 6 / 7, 7_000)
    assert rates == tuple(sorted(rates))  # more roots can only catch more points


def test_update_is_deterministic_and_covers_every_slider_setting() -> None:
    assert update(31, 5) == update(31, 5)
    for p in PRIMES:
        assert MAX_DEGREE < p
    assert update(PRIMES[0], MAX_DEGREE).selected == MAX_DEGREE


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"p": 91}, ValueError, "got 91"),
        ({"p": 2}, ValueError, "got 2"),
        ({"p": 17.0}, TypeError, "17.0"),
        ({"d": 0}, ValueError, "got 0"),
        ({"d": MAX_DEGREE + 1}, ValueError, f"got {MAX_DEGREE + 1}"),
        ({"trials": 0}, ValueError, "trials must be >= 1, got 0"),
    ],
)
def test_bad_settings_are_refused(kwargs: dict, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        update(**kwargs)


def test_degree_must_stay_below_p() -> None:
    with pytest.raises(ValueError, match=r"1 <= d < p = 5.*got 5"):
        compute_worst_miss_rates(5, 5)
