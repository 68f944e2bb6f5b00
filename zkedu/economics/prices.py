"""Seeded Monte Carlo paths of the ZK price: geometric Brownian motion, vectorised over paths x days.

Day ``d`` (0-based) is at time ``t = d / 365`` years. Day 0 is the starting price; each later day multiplies the
previous one by ``exp((mu - sigma^2 / 2) dt + sigma sqrt(dt) z)`` with ``z`` standard normal, so ``log p`` is a
random walk and ``E[p_t] = p_0 exp(mu t)``. The normal draws come from ``numpy.random.default_rng(seed)`` in
row-major order (path by path), one per day after the first, so a seed fixes every path.

Source: the GBM model of asset prices, Black & Scholes (1973), J. Political Economy 81(3), eq. for dS/S; this is
a modelling choice for the book, not a forecast.
"""

from __future__ import annotations

import math

import numpy as np

from zkedu.economics.params import DAYS_PER_YEAR


def draw_normals(days: int, paths: int, seed: int) -> np.ndarray:
    """The standard normal shocks behind ``simulate_gbm_prices``: shape (paths, days - 1)."""
    check_days_paths(days, paths)
    return np.random.default_rng(seed).standard_normal((paths, days - 1))


def simulate_gbm_prices(price: float, volatility: float, drift: float, days: int, paths: int,
                        seed: int) -> np.ndarray:
    """GBM price paths, shape (paths, days), all starting at ``price`` on day 0.

    Source: Black & Scholes (1973), the lognormal price model; exact discretisation of dS = mu S dt + sigma S dW.

    >>> p = simulate_gbm_prices(0.05, 0.8, 0.0, days=3, paths=2, seed=1)
    >>> p.shape, float(p[0, 0])
    ((2, 3), 0.05)
    >>> bool((simulate_gbm_prices(0.05, 0.0, 0.0, 4, 1, 1) == 0.05).all())
    True
    """
    dt = 1.0 / DAYS_PER_YEAR
    steps = (drift - 0.5 * volatility**2) * dt + volatility * math.sqrt(dt) * draw_normals(days, paths, seed)
    log_paths = np.zeros((paths, days))
    np.cumsum(steps, axis=1, out=log_paths[:, 1:])
    return price * np.exp(log_paths)


def check_days_paths(days: int, paths: int) -> None:
    """Days and paths must be integers >= 1 (ValueError naming which)."""
    for name, value in (("days", days), ("paths", paths)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            raise TypeError(f"{name} must be an integer, got {value!r}")
        if value < 1:
            raise ValueError(f"{name} must be >= 1, got {value!r}")
