"""Chapter 6 widget and figures: how big the transfers circuit is, and what proving and verifying it cost.

``update`` sweeps the transfers circuit's row count over its capacity (transfers per proof) for a number of
accounts, with the two range checks side by side (bit decomposition, 63 rows; the custom gate, 32 rows), and
the power-of-two domain size n each needs. Closed-form counts (``count_transfers_gates``), no circuit built.
``cost_figure`` draws measured proving and verification times (``zkedu.plonk.costs.CostPoint``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from zkedu.plonk.costs import CostPoint
from zkedu.plonk.transfers import RANGE_BITS, count_transfers_gates
from zkedu.widgets.common import Control, build_panel, control_defaults, label, new_figure, static_twin

CAPACITIES = 2 ** np.arange(0, 7)  # 1 .. 64 transfers per proof
CONTROLS = (
    Control("accounts", "accounts", 4, "int", 1, 16),
    Control("capacity", "capacity [transfers]", 16, "int", 1, int(CAPACITIES[-1])),
)
DEFAULTS = control_defaults(CONTROLS)
BITS_ROWS, CUSTOM_ROWS = 2 * RANGE_BITS - 1, RANGE_BITS


@dataclass(frozen=True)
class CircuitSizes:
    """Rows and domain sizes of the transfers circuit for each capacity, with both range checks."""

    capacities: np.ndarray
    bits_rows: np.ndarray
    custom_rows: np.ndarray
    accounts: int
    capacity: int

    @staticmethod
    def domain(rows: np.ndarray) -> np.ndarray:
        """The smallest power of two >= rows (and >= 8), elementwise."""
        return np.maximum(8, 2 ** np.ceil(np.log2(rows)).astype(np.int64))


def update(accounts: int = DEFAULTS["accounts"], capacity: int = DEFAULTS["capacity"]) -> CircuitSizes:
    """The data the widget draws for one setting of its controls."""
    if not isinstance(accounts, int | np.integer) or not 1 <= accounts <= 64:
        raise ValueError(f"accounts must be an int in [1, 64], got {accounts!r}")
    if not isinstance(capacity, int | np.integer) or not 1 <= capacity <= int(CAPACITIES[-1]):
        raise ValueError(f"capacity must be an int in [1, {int(CAPACITIES[-1])}], got {capacity!r}")
    bits = np.array([count_transfers_gates(accounts, int(c)) for c in CAPACITIES])
    custom = np.array([count_transfers_gates(accounts, int(c), CUSTOM_ROWS, 1) for c in CAPACITIES])
    return CircuitSizes(CAPACITIES, bits, custom, int(accounts), int(capacity))


def draw(sizes: CircuitSizes) -> Figure:
    """Rows (and the domain size n they need) against capacity, for both range checks."""
    fig, (ax,) = new_figure("Transfers circuit size", size=(7.5, 4.8), detached=True)
    c = sizes.capacities
    ax.plot(c, sizes.bits_rows, "o-", label="rows, bit decomposition (63 per check)")
    ax.plot(c, sizes.custom_rows, "s-", label="rows, custom range gate (32 per check)")
    ax.step(c, CircuitSizes.domain(sizes.bits_rows), where="mid", ls=":", label="domain n, bit decomposition")
    ax.step(c, CircuitSizes.domain(sizes.custom_rows), where="mid", ls="--", label="domain n, custom gate")
    ax.axvline(sizes.capacity, color="k", lw=0.8, ls=":")
    ax.set_xscale("log", base=2)
    ax.set_yscale("log", base=2)
    ax.legend()
    label(ax, f"{sizes.accounts} accounts", "capacity [transfers per proof]", "rows [count]")
    return fig


def describe(sizes: CircuitSizes) -> str:
    """A one-line HTML readout: rows and domain size at the chosen capacity, for both range checks."""
    bits = count_transfers_gates(sizes.accounts, sizes.capacity)
    custom = count_transfers_gates(sizes.accounts, sizes.capacity, CUSTOM_ROWS, 1)
    n_bits, n_custom = (int(CircuitSizes.domain(np.array([r]))[0]) for r in (bits, custom))
    return (f"<b>{sizes.accounts} accounts, {sizes.capacity} transfers</b>: {bits:,} rows (n = {n_bits:,}) by "
            f"bit decomposition, {custom:,} rows (n = {n_custom:,}) with the custom gate")


def static_figure() -> Figure:
    """The sweep at its defaults (4 accounts, capacity 16 marked)."""
    return static_twin(draw, update())


def make_widget():  # -> ipywidgets.Widget
    """Sliders for the number of accounts and the capacity."""
    return build_panel(CONTROLS, update, draw, describe)


def cost_figure(points: Sequence[CostPoint], anchor: tuple[int, float, float] | None = None) -> Figure:
    """Prover time, proof size and verifier time against domain size n, stacked; ``anchor`` = (n, prove s, verify s)."""
    fig, (ax_p, ax_s, ax_v) = new_figure("Proving is heavy, verifying is light", nrows=3, size=(7.5, 9.5),
                                         detached=True)
    n = [p.n for p in points]
    ax_p.plot(n, [p.prove_seconds for p in points], "o-", label="zkedu prover")
    ax_s.plot(n, [p.proof_bytes for p in points], "o-", label="zkedu proof")
    ax_v.plot(n, [p.verify_seconds for p in points], "o-", label="zkedu verifier")
    if anchor is not None:
        ax_p.plot([anchor[0]], [anchor[1]], "r*", ms=12, label="plonkathon (reported)")
        ax_v.plot([anchor[0]], [anchor[2]], "r*", ms=12, label="plonkathon (reported)")
    ax_s.set_ylim(0, 1024)
    top = max(ax_p.get_ylim()[1], ax_v.get_ylim()[1])
    for ax in (ax_p, ax_v):
        ax.set_ylim(0, top)  # the same scale, so the asymmetry shows
    for ax in (ax_p, ax_s, ax_v):
        ax.set_xscale("log", base=2)
        ax.legend(loc="upper left")
    label(ax_p, "Prover time", "domain size n [rows]", "prover time [s]")
    label(ax_s, "Proof size", "domain size n [rows]", "proof size [bytes]")
    label(ax_v, "Verifier time", "domain size n [rows]", "verifier time [s]")
    return static_twin(lambda: fig)
