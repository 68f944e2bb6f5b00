"""Chapter 3 widget: how often one random point misses a wrong polynomial, measured against the bound d/p.

A prover claims a polynomial f; the truth is g ≠ f, both of degree ≤ d over F_p. The verifier checks
f(r) = g(r) at one random r. That check is fooled exactly when r is a root of the nonzero difference
D = f - g, which has at most d roots, so Pr[miss] ≤ d/p (the Schwartz-Zippel lemma in one variable).
Two kinds of wrong polynomial are sampled: a random one (D has random coefficients: it usually has about
one root, so it is rarely missed) and a worst case (D = c·(X - a_1)···(X - a_d) with d distinct roots,
which meets the bound).

Source: Schwartz, J. ACM 27(4), 1980, Corollary 1; Zippel, EUROSAM 1979.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from zkedu._checks import require_int
from zkedu.ntheory import is_prime
from zkedu.widgets.common import Control, build_panel, label, new_figure, static_twin

PRIMES = (17, 31, 61, 97, 127, 193, 257)
MAX_DEGREE = 16  # below the smallest prime offered, so every (p, d) the sliders reach has d distinct roots
TRIALS = 20_000
CONTROLS = (
    Control("p", "prime p", 97, "dropdown", options=PRIMES),
    Control("d", "degree d", 8, "int", 1, MAX_DEGREE),
)


@dataclass(frozen=True)
class MissRates:
    """Measured and bounded probabilities that one random point misses a wrong polynomial, for d = 1..max."""

    p: int
    degrees: tuple[int, ...]
    bound: tuple[float, ...]  # d / p
    random_rate: tuple[float, ...]  # measured, D random of degree exactly d
    worst_rate: tuple[float, ...]  # measured, D with d distinct roots
    trials: int
    selected: int  # the degree the widget highlights


def _check(p: int, max_degree: int, trials: int) -> None:
    for name, value in (("p", p), ("max_degree", max_degree), ("trials", trials)):
        require_int(value, name)
    if not (3 <= p < 2**16 and is_prime(p)):
        raise ValueError(f"p must be a small odd prime (3 <= p < 65536), got {p}")
    if not 1 <= max_degree < p:
        raise ValueError(f"degrees must satisfy 1 <= d < p = {p} (d distinct roots must exist), got {max_degree}")
    if trials < 1:
        raise ValueError(f"trials must be >= 1, got {trials}")


def compute_random_miss_rates(p: int, max_degree: int, trials: int = TRIALS, seed: int = 0) -> tuple[float, ...]:
    """For d = 1..max_degree, the fraction of ``trials`` random (D, r) with D(r) = 0, D of degree exactly d.

    One draw serves every d: D_d = c_0 + c_1·X + ... + c_(d-1)·X^(d-1) + l_d·X^d with l_d ≠ 0. Horner runs
    over all trials at once, in uint32: with p < 2^16 every acc·r + c < p² < 2^32.
    """
    _check(p, max_degree, trials)
    rng = np.random.default_rng([seed, p, 1])
    coeffs = rng.integers(0, p, size=(max_degree, trials), dtype=np.uint32)  # row j: the coefficient of X^j
    leading = rng.integers(1, p, size=(max_degree + 1, trials), dtype=np.uint32)  # row d: nonzero top coefficient
    r = rng.integers(0, p, size=trials, dtype=np.uint32)
    modulus, rates = np.uint32(p), []
    for d in range(1, max_degree + 1):
        acc = leading[d]
        for j in range(d - 1, -1, -1):
            acc = (acc * r + coeffs[j]) % modulus
        rates.append(float(np.mean(acc == 0)))
    return tuple(rates)


def compute_worst_miss_rates(p: int, max_degree: int, trials: int = TRIALS, seed: int = 0) -> tuple[float, ...]:
    """For d = 1..max_degree, the fraction of trials where D = (X - a_1)···(X - a_d) vanishes at a random r.

    Each trial draws distinct roots a_i = s + i·t (mod p), t ≠ 0, an arithmetic progression (distinct because
    p is prime and i < p), and one r; the running product (r - a_1)(r - a_2)··· gives D(r) for every d at once.
    """
    _check(p, max_degree, trials)
    rng = np.random.default_rng([seed, p, 0])
    start = rng.integers(0, p, size=trials, dtype=np.uint32)
    step = rng.integers(1, p, size=trials, dtype=np.uint32)
    r = rng.integers(0, p, size=trials, dtype=np.uint32)
    modulus = np.uint32(p)
    root, running, rates = start, np.ones(trials, dtype=np.uint32), []
    for _ in range(max_degree):
        running = running * ((r + modulus - root) % modulus) % modulus  # D(r) for the roots so far
        rates.append(float(np.mean(running == 0)))
        root = (root + step) % modulus
    return tuple(rates)


def update(p: int = 97, d: int = 8, trials: int = TRIALS, seed: int = 0) -> MissRates:
    """The sweep d = 1..MAX_DEGREE for one prime p: bound, measured worst case, measured random case."""
    _check(p, MAX_DEGREE, trials)
    if isinstance(d, bool) or not isinstance(d, int) or not 1 <= d <= MAX_DEGREE:
        raise ValueError(f"d must be an int in 1..{MAX_DEGREE}, got {d!r}")
    degrees = tuple(range(1, MAX_DEGREE + 1))
    return MissRates(
        p=p,
        degrees=degrees,
        bound=tuple(k / p for k in degrees),
        random_rate=compute_random_miss_rates(p, MAX_DEGREE, trials, seed),
        worst_rate=compute_worst_miss_rates(p, MAX_DEGREE, trials, seed),
        trials=trials,
        selected=d,
    )


def draw_rates(ax: Axes, rates: MissRates, highlight: bool = True) -> None:
    """Bound d/p as a line, the two measured rates as markers, the selected degree as a vertical guide."""
    ax.plot(rates.degrees, rates.bound, color="black", lw=1.5, label="bound d/p")
    ax.plot(rates.degrees, rates.worst_rate, "o", color="tab:red", ms=4, label="measured: d distinct roots")
    ax.plot(rates.degrees, rates.random_rate, "s", color="tab:blue", ms=4, label="measured: random wrong poly")
    if highlight:
        ax.axvline(rates.selected, color="0.7", lw=1, ls="--")
    ax.set_ylim(bottom=0)
    label(ax, f"p = {rates.p} ({rates.trials:,} trials per point)", "degree d [count]",
          "probability one point misses [fraction]")
    ax.legend(fontsize=8, loc="upper left", frameon=False)


def draw(rates: MissRates) -> Figure:
    """The live widget's figure: one prime's sweep with the chosen degree marked."""
    fig, (ax,) = new_figure("One random point against a wrong polynomial", size=(7.5, 4.2), detached=True)
    draw_rates(ax, rates)
    return fig


def describe(rates: MissRates) -> str:
    """A one-line HTML readout: the bound and the two measured rates at the chosen degree."""
    i = rates.selected - 1
    return (f"d = {rates.selected}, p = {rates.p}: bound d/p = <b>{rates.bound[i]:.4f}</b>; measured "
            f"worst case {rates.worst_rate[i]:.4f}, random wrong polynomial {rates.random_rate[i]:.4f}")


def _draw_static(primes: tuple[int, ...], trials: int) -> Figure:
    fig, axes = new_figure("Schwartz-Zippel: a wrong polynomial survives one random check with probability ≤ d/p",
                           nrows=len(primes), size=(7.5, 3.3 * len(primes)), detached=True)
    for ax, p in zip(axes, primes, strict=True):
        draw_rates(ax, update(p, MAX_DEGREE // 2, trials), highlight=False)
    return fig


def static_figure(primes: tuple[int, ...] = (17, 97, 257), trials: int = TRIALS) -> Figure:
    """The widget's sweep for a few primes, one panel each: measured miss rates against d/p."""
    return static_twin(_draw_static, primes, trials)


def make_widget() -> object:
    """A dropdown of small primes and a degree slider; shows the sweep for p with the chosen d highlighted."""
    return build_panel(CONTROLS, update, draw, describe)
