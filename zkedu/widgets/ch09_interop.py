"""Chapter 9 widget: how long a message takes to become provable, and what settlement costs per chain.

The model is ``zkedu.interop.latency`` (vectorised); each control moves one of its inputs: number of chains,
batch interval, proving time, execution delay and message volume.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from matplotlib.figure import Figure

from zkedu.interop.latency import (
    STAGES,
    LatencyParams,
    compute_confirmation_levels,
    compute_interop_latency,
    compute_latency_breakdown,
    compute_settlement_cost_per_chain,
)
from zkedu.interop.network import Settlement
from zkedu.widgets.common import Control, build_panel, control_defaults, label, new_figure, static_twin

PROVING_TIMES = np.geomspace(1.0, 4 * 3600.0, 121)  # seconds
CHAIN_COUNTS = np.arange(1, 101)
OPTIMISM_INTEROP_SECONDS = 2.0  # "1-block (~2 seconds)", Optimism interop docs, Dec 2024 (in development then)
FINALITY_BRIDGE_SECONDS = (13 * 60.0, 19 * 60.0)  # bridges that wait for Ethereum finality (e.g. CCTP v1)
CONTROLS = (
    Control("chains", "chains", 10, "int", 1, 100),
    Control("batch_interval_seconds", "batch interval [s]", 180.0, "log", 0, 4, 0.05),
    Control("proving_seconds", "proving time [s]", 3600.0, "log", 0, 4.1, 0.05),
    Control("execution_delay_seconds", "execution delay [s]", 3 * 3600.0, "float", 0, 6 * 3600, 600),
    Control("messages_per_second", "messages per chain [1/s]", 1.0, "log", -2, 3, 0.1),
)
DEFAULTS = control_defaults(CONTROLS)


@dataclass(frozen=True)
class SettlementSweep:
    """The model for chains on one settlement layer: stages and levels at the point, and two sweeps."""

    stages: dict[str, float]
    levels: dict[str, float]
    latency_vs_proving: np.ndarray
    latency_vs_proving_no_delay: np.ndarray
    cost_vs_chains: np.ndarray


@dataclass(frozen=True)
class InteropSweep:
    """What the widget draws, for chains on L1 and chains on Gateway."""

    params: LatencyParams
    l1: SettlementSweep
    gateway: SettlementSweep

    def of(self, settlement: Settlement) -> SettlementSweep:
        return self.l1 if settlement is Settlement.L1 else self.gateway


def _sweep(p: LatencyParams, mode: Settlement) -> SettlementSweep:
    by_proving = replace(p, proving_seconds=PROVING_TIMES)
    return SettlementSweep(
        stages={k: float(v) for k, v in compute_latency_breakdown(p, mode).items()},
        levels={k: float(v) for k, v in compute_confirmation_levels(p, mode).items()},
        latency_vs_proving=compute_interop_latency(by_proving, mode),
        latency_vs_proving_no_delay=compute_interop_latency(replace(by_proving, execution_delay_seconds=0.0), mode),
        cost_vs_chains=compute_settlement_cost_per_chain(replace(p, chains=CHAIN_COUNTS), mode),
    )


def update(
    chains: int = DEFAULTS["chains"],
    batch_interval_seconds: float = DEFAULTS["batch_interval_seconds"],
    proving_seconds: float = DEFAULTS["proving_seconds"],
    execution_delay_seconds: float = DEFAULTS["execution_delay_seconds"],
    messages_per_second: float = DEFAULTS["messages_per_second"],
) -> InteropSweep:
    """The data the widget draws for one setting of its controls."""
    p = LatencyParams(chains=int(chains), batch_interval_seconds=float(batch_interval_seconds),
                      proving_seconds=float(proving_seconds), execution_delay_seconds=float(execution_delay_seconds),
                      messages_per_second=float(messages_per_second))
    return InteropSweep(p, _sweep(p, Settlement.L1), _sweep(p, Settlement.GATEWAY))


def draw(data: InteropSweep) -> Figure:
    """Three panels: the stages of one message, latency against proving time, L1 cost per chain."""
    fig, (ax_stages, ax_time, ax_cost) = new_figure("Proof-based interop: latency and settlement cost", nrows=3,
                                                    size=(7.5, 11.5), detached=True)
    modes = list(Settlement)
    left = np.zeros(len(modes))
    for stage in STAGES:
        width = np.array([data.of(m).stages[stage] / 3600 for m in modes])
        ax_stages.barh([f"on {m.value}" for m in modes], width, left=left, label=stage)
        left += width
    ax_stages.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=3, fontsize="small")
    label(ax_stages, "Send to provable on the destination", "time [h]", "chains settling")
    for m, color in zip(modes, ("tab:blue", "tab:orange"), strict=True):
        ax_time.plot(PROVING_TIMES, data.of(m).latency_vs_proving, color=color, label=f"chains on {m.value}")
        ax_time.plot(PROVING_TIMES, data.of(m).latency_vs_proving_no_delay, color=color, ls="--",
                     label=f"on {m.value}, no execution delay")
    ax_time.axvline(data.params.proving_seconds, color="k", lw=0.8, ls="--")
    ax_time.axhline(OPTIMISM_INTEROP_SECONDS, color="tab:red", lw=1, ls=":", label="Optimism interop design (~2 s)")
    ax_time.axhspan(*FINALITY_BRIDGE_SECONDS, color="tab:gray", alpha=0.3, label="bridges waiting for L1 finality")
    ax_time.set_xscale("log")
    ax_time.set_yscale("log")
    ax_time.legend(loc="lower right", fontsize="small")
    label(ax_time, "Latency against proving time", "proving time [s]", "send to provable [s]")
    for m in modes:
        ax_cost.plot(CHAIN_COUNTS, data.of(m).cost_vs_chains, label=f"chains on {m.value}")
    ax_cost.axvline(data.params.chains, color="k", lw=0.8, ls="--")
    ax_cost.set_yscale("log")
    ax_cost.legend(loc="center right")
    label(ax_cost, "L1 settlement gas per chain", "number of chains", "cost per chain [ETH/day]")
    return fig


def static_figure() -> Figure:
    """The widget's sweep at its default settings, as a detached figure."""
    return static_twin(draw, update())


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:,.0f} s"
    return f"{seconds / 60:,.0f} min" if seconds < 7200 else f"{seconds / 3600:,.1f} h"


def describe(data: InteropSweep) -> str:
    """A one-line HTML readout of the chosen point."""
    parts = []
    for m in Settlement:
        sweep = data.of(m)
        parts.append(f"<b>on {m.value}</b>: provable on the destination after "
                     f"{_duration(sum(sweep.stages.values()))}; proven after {_duration(sweep.levels['proven'])}, "
                     f"executed on L1 after {_duration(sweep.levels['executed on L1'])}")
    return "; ".join(parts)


def make_widget():  # -> ipywidgets.Widget
    """Controls: number of chains, batch interval, proving time, execution delay, message volume."""
    return build_panel(CONTROLS, update, draw, describe)
