"""Global sensitivity of the token-economics model: Sobol indices with SALib.

A Sobol first-order index ``S1_i`` is the share of the output's variance explained by input ``i`` alone; the
total index ``ST_i`` adds every interaction that involves ``i``. Inputs are sampled independently and uniformly
over ranges (log-uniformly for quantities that span orders of magnitude) with SALib's Sobol sequence
(Saltelli's scheme, ``N (D + 2)`` model runs without second-order terms) and analysed with its Jansen /
Saltelli estimators; confidence intervals come from SALib's bootstrap.

The method is checked on the Ishigami function, whose indices are known in closed form.

Source: I. M. Sobol', "Global sensitivity indices for nonlinear mathematical models and their Monte Carlo
estimates", Math. Comput. Simul. 55 (2001); A. Saltelli et al., "Variance based sensitivity analysis of model
output", Comput. Phys. Commun. 181 (2010); T. Ishigami and T. Homma (1990), ISUMA '90; SALib 1.6
(Herman & Usher, JOSS 2017), SALib.sample.sobol and SALib.analyze.sobol.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from zkedu.economics.model import simulate
from zkedu.economics.params import TokenomicsParams


@dataclass(frozen=True)
class Factor:
    """One uncertain input: a name, a range, and whether it is sampled uniformly in log10."""

    name: str
    low: float
    high: float
    log: bool = False

    def __post_init__(self) -> None:
        if not self.low < self.high:
            raise ValueError(f"factor {self.name!r} needs low < high, got {self.low!r}, {self.high!r}")
        if self.log and self.low <= 0:
            raise ValueError(f"a log-uniform factor {self.name!r} needs low > 0, got {self.low!r}")

    def bounds(self) -> list[float]:
        return [math.log10(self.low), math.log10(self.high)] if self.log else [self.low, self.high]

    def to_value(self, x: np.ndarray) -> np.ndarray:
        return 10.0**x if self.log else x


@dataclass(frozen=True)
class SobolIndices:
    """First-order and total Sobol indices with their 95% bootstrap half-widths, one entry per factor."""

    names: tuple[str, ...]
    first: np.ndarray
    total: np.ndarray
    first_conf: np.ndarray
    total_conf: np.ndarray
    runs: int

    def ranking(self) -> list[str]:
        """Factor names, most influential first (by total index)."""
        return [self.names[i] for i in np.argsort(-self.total, kind="stable")]


def compute_sobol_indices(model: Callable[[np.ndarray], np.ndarray], factors: Sequence[Factor],
                          n_base: int, seed: int) -> SobolIndices:
    """Sobol indices of ``model`` (rows of factor values -> one output per row) with SALib.

    ``n_base`` must be a power of two (Sobol sequences balance only then); the model runs ``n_base * (D + 2)``
    times on a (runs, D) array of factor values.
    """
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    if n_base < 2 or n_base & (n_base - 1):
        raise ValueError(f"n_base must be a power of two >= 2, got {n_base!r}")
    problem = {"num_vars": len(factors), "names": [f.name for f in factors], "bounds": [f.bounds() for f in factors]}
    x = sobol_sample.sample(problem, n_base, calc_second_order=False, scramble=True, seed=seed)
    values = np.column_stack([f.to_value(x[:, i]) for i, f in enumerate(factors)])
    y = np.asarray(model(values), dtype=float)
    if y.shape != (len(x),) or not np.all(np.isfinite(y)):
        raise ValueError(f"the model must return {len(x)} finite outputs, got shape {y.shape}")
    result = sobol_analyze.analyze(problem, y, calc_second_order=False, num_resamples=200, seed=seed)
    return SobolIndices(tuple(problem["names"]), np.asarray(result["S1"]), np.asarray(result["ST"]),
                        np.asarray(result["S1_conf"]), np.asarray(result["ST_conf"]), len(x))


def ishigami(x: np.ndarray, a: float = 7.0, b: float = 0.1) -> np.ndarray:
    """The Ishigami function sin x1 + a sin^2 x2 + b x3^4 sin x1 on rows of (x1, x2, x3) in [-pi, pi]^3."""
    x1, x2, x3 = x[:, 0], x[:, 1], x[:, 2]
    return np.sin(x1) + a * np.sin(x2) ** 2 + b * x3**4 * np.sin(x1)


def compute_ishigami_indices(a: float = 7.0, b: float = 0.1) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The exact first-order and total indices of the Ishigami function (Ishigami & Homma 1990).

    >>> first, total = compute_ishigami_indices()
    >>> [round(s, 3) for s in first], [round(s, 3) for s in total]
    ([0.314, 0.442, 0.0], [0.558, 0.442, 0.244])
    """
    pi4 = math.pi**4
    v1 = 0.5 * (1 + b * pi4 / 5) ** 2
    v2 = a**2 / 8
    v13 = b**2 * pi4**2 * (1 / 18 - 1 / 50)
    v = v1 + v2 + v13
    return (v1 / v, v2 / v, 0.0), ((v1 + v13) / v, v2 / v, v13 / v)


ISHIGAMI_FACTORS = tuple(Factor(f"x{i}", -math.pi, math.pi) for i in (1, 2, 3))

# The token model's uncertain inputs (ranges are the book's assumptions: no fee level has been set; the upper
# ends keep even a one-year path at the highest volatility from buying more ZK than exists).
# burn and staking shares are sampled independently; the ecosystem gets the rest, nothing is retained. The
# shares start at 5% so that both outputs are positive (their logarithms are analysed).
TOKENOMICS_FACTORS = (
    Factor("messages_per_day", 1e5, 5e7, log=True),
    Factor("message_growth_per_year", 0.0, 1.0),
    Factor("fee_per_message_usd", 1e-4, 1e-2, log=True),
    Factor("licensing_usd_per_year", 0.0, 5e7),
    Factor("zk_price_usd", 0.03, 0.5, log=True),
    Factor("price_volatility", 0.2, 1.0),
    Factor("burn_share", 0.05, 0.7),
    Factor("staking_share", 0.05, 0.3),
    Factor("staked_share", 0.05, 0.5),
)


def tokenomics_outputs(base: TokenomicsParams, values: np.ndarray, paths: int = 8,
                       seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """log10 of the first-year burn share of supply and of the first-year staking yield (means over paths).

    The outputs are logarithms because the model is a product and ratio of inputs that span orders of
    magnitude: on a log scale the question is "which input moves the order of magnitude", and the variance
    is not dominated by a few extreme samples (which makes the estimates unstable).
    """
    names = [f.name for f in TOKENOMICS_FACTORS]
    burn, yield_ = np.empty(len(values)), np.empty(len(values))
    for row, x in enumerate(values):
        changes = dict(zip(names, map(float, x), strict=True))
        changes["ecosystem_share"] = 1.0 - changes["burn_share"] - changes["staking_share"]
        r = simulate(replace(base, **changes, retained_share=0.0), 365, paths, seed)
        burn[row] = r.yearly_burn_share()[:, 0].mean()
        yield_[row] = r.yearly_staking_yield()[:, 0].mean()
    return np.log10(burn), np.log10(yield_)


def compute_tokenomics_sensitivity(base: TokenomicsParams, n_base: int = 128,
                                   seed: int = 0) -> dict[str, SobolIndices]:
    """Sobol indices of log10 first-year burn share and staking yield with respect to ``TOKENOMICS_FACTORS``.

    The model runs once per sample for both outputs (``n_base * 11`` one-year simulations of 8 paths).
    """
    cache: dict[bytes, tuple[np.ndarray, np.ndarray]] = {}

    def outputs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        key = values.tobytes()
        if key not in cache:
            cache[key] = tokenomics_outputs(base, values, seed=seed)
        return cache[key]

    names = ("first-year burn share (log10)", "first-year staking yield (log10)")
    return {name: compute_sobol_indices(lambda v, i=i: outputs(v)[i], TOKENOMICS_FACTORS, n_base, seed)
            for i, name in enumerate(names)}
