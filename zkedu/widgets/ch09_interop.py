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
from zkedu.widgets.common import label, new_figure

PROVING_TIMES = np.geomspace(1.0, 4 * 3600.0, 121)  # seconds
CHAIN_COUNTS = np.arange(1, 101)
OPTIMISM_INTEROP_SECONDS = 2.0  # "1-block (~2 seconds)", Optimism interop docs, Dec 2024 (in development then)
FINALITY_BRIDGE_SECONDS = (13 * 60.0, 19 * 60.0)  # bridges that wait for Ethereum finality (e.g. CCTP v1)
DEFAULTS = {
    "chains": 10,
    "batch_interval_seconds": 180.0,
    "proving_seconds": 3600.0,
    "execution_delay_seconds": 3 * 3600.0,
    "messages_per_second": 1.0,
}


@dataclass(frozen=True)
class InteropSweep:
    """What the widget draws: stage breakdowns, latency over proving times, cost over chain counts."""

    params: LatencyParams
    stages: dict[Settlement, dict[str, float]]
    levels: dict[Settlement, dict[str, float]]
    latency_vs_proving: dict[Settlement, np.ndarray]
    latency_vs_proving_no_delay: dict[Settlement, np.ndarray]
    cost_vs_chains: dict[Settlement, np.ndarray]


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
    modes = tuple(Settlement)
    stages = {m: {k: float(v) for k, v in compute_latency_breakdown(p, m).items()} for m in modes}
    levels = {m: {k: float(v) for k, v in compute_confirmation_levels(p, m).items()} for m in modes}
    by_proving = replace(p, proving_seconds=PROVING_TIMES)
    latency = {m: compute_interop_latency(by_proving, m) for m in modes}
    no_delay = replace(by_proving, execution_delay_seconds=0.0)
    latency_no_delay = {m: compute_interop_latency(no_delay, m) for m in modes}
    by_chains = replace(p, chains=CHAIN_COUNTS)
    cost = {m: compute_settlement_cost_per_chain(by_chains, m) for m in modes}
    return InteropSweep(p, stages, levels, latency, latency_no_delay, cost)


def draw(data: InteropSweep) -> Figure:
    """Three panels: the stages of one message, latency against proving time, L1 cost per chain."""
    fig, (ax_stages, ax_time, ax_cost) = new_figure("Proof-based interop: latency and settlement cost", ncols=3,
                                                    size=(14.0, 4.4))
    modes = list(Settlement)
    left = np.zeros(len(modes))
    for stage in STAGES:
        width = np.array([data.stages[m][stage] / 3600 for m in modes])
        ax_stages.barh([f"on {m.value}" for m in modes], width, left=left, label=stage)
        left += width
    ax_stages.legend(loc="lower right", fontsize="small")
    label(ax_stages, "Send to provable on the destination", "time [h]", "settlement layer")
    for m, color in zip(modes, ("tab:blue", "tab:orange"), strict=True):
        ax_time.plot(PROVING_TIMES, data.latency_vs_proving[m], color=color, label=f"chains on {m.value}")
        ax_time.plot(PROVING_TIMES, data.latency_vs_proving_no_delay[m], color=color, ls="--",
                     label=f"on {m.value}, no execution delay")
    ax_time.axvline(data.params.proving_seconds, color="k", lw=0.8, ls="--")
    ax_time.axhline(OPTIMISM_INTEROP_SECONDS, color="tab:red", lw=1, ls=":", label="Optimism interop design (~2 s)")
    ax_time.axhspan(*FINALITY_BRIDGE_SECONDS, color="tab:gray", alpha=0.3, label="bridges waiting for L1 finality")
    ax_time.set_xscale("log")
    ax_time.set_yscale("log")
    ax_time.legend(loc="upper left", fontsize="x-small")
    label(ax_time, "Latency against proving time", "proving time [s]", "send to provable [s]")
    for m in modes:
        ax_cost.plot(CHAIN_COUNTS, data.cost_vs_chains[m], label=f"chains on {m.value}")
    ax_cost.axvline(data.params.chains, color="k", lw=0.8, ls="--")
    ax_cost.set_yscale("log")
    ax_cost.legend(loc="center right", fontsize="small")
    label(ax_cost, "L1 settlement gas per chain", "number of chains", "cost per chain [ETH/day]")
    return fig


def static_figure() -> Figure:
    """The widget's sweep at its default settings, as a static figure (detached from pyplot)."""
    import matplotlib.pyplot as plt

    fig = draw(update())
    plt.close(fig)
    return fig


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:,.0f} s"
    return f"{seconds / 60:,.0f} min" if seconds < 7200 else f"{seconds / 3600:,.1f} h"


def describe(data: InteropSweep) -> str:
    """A one-line HTML readout of the chosen point."""
    parts = []
    for m in Settlement:
        lv = data.levels[m]
        parts.append(f"<b>on {m.value}</b>: provable on the destination after "
                     f"{_duration(sum(data.stages[m].values()))}; proven after {_duration(lv['proven'])}, "
                     f"executed on L1 after {_duration(lv['executed on L1'])}")
    return "; ".join(parts)


def make_widget():  # -> ipywidgets.Widget (imported lazily: the book's HTML does not need it)
    """Controls: number of chains, batch interval, proving time, execution delay, message volume."""
    import ipywidgets as w
    import matplotlib.pyplot as plt
    from IPython.display import display

    style = {"description_width": "220px"}
    layout = w.Layout(width="580px")
    controls = {
        "chains": w.IntSlider(DEFAULTS["chains"], min=1, max=100, description="chains", style=style, layout=layout),
        "batch_interval_seconds": w.FloatLogSlider(DEFAULTS["batch_interval_seconds"], base=10, min=0, max=4,
                                                   step=0.05, description="batch interval [s]", style=style,
                                                   layout=layout),
        "proving_seconds": w.FloatLogSlider(DEFAULTS["proving_seconds"], base=10, min=0, max=4.1, step=0.05,
                                            description="proving time [s]", style=style, layout=layout),
        "execution_delay_seconds": w.FloatSlider(DEFAULTS["execution_delay_seconds"], min=0, max=6 * 3600,
                                                 step=600, description="execution delay [s]", style=style,
                                                 layout=layout),
        "messages_per_second": w.FloatLogSlider(DEFAULTS["messages_per_second"], base=10, min=-2, max=3, step=0.1,
                                                description="messages per chain [1/s]", style=style, layout=layout),
    }
    readout = w.HTML()

    def redraw(**values: object) -> None:
        data = update(**values)  # type: ignore[arg-type]
        readout.value = describe(data)
        fig = draw(data)
        display(fig)
        plt.close(fig)

    out = w.interactive_output(redraw, controls)
    return w.VBox([*controls.values(), readout, out])
