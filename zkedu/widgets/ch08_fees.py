"""Chapter 8 widget: cost per transaction (L2 execution, pubdata, batch overhead) and latency vs arrival rate.

The sweep over arrival rates is ``zkedu.rollup.fee_sweep.compute_batch_economics`` (vectorised); the fee the
chain charges is ``zkedu.rollup.fees`` (exact integers) after the server's clip (``zkedu.rollup.fee_limits``),
drawn beside the operator's cost. Since Fusaka (3 Dec 2025) EIP-7918 stops the blob base fee from falling
while it is below a reserve of 1/16 of the execution base fee per blob gas, so with blobs in demand it
settles at or above the reserve; the widget models that by raising a chosen blob base fee below the reserve
to it when the reserve is switched on (the default;
``zkedu.rollup.l1_data_pricing.compute_effective_blob_base_fee``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from zkedu.rollup.fee_limits import compute_clipped_fee_input
from zkedu.rollup.fee_sweep import (
    MAINNET_BATCH_TIMEOUT_SECONDS,
    SWAP,
    TRANSFER,
    BatchEconomics,
    ChainSettings,
    compute_batch_economics,
    compute_mix_use,
)
from zkedu.rollup.fees import compute_blob_pubdata_price, compute_calldata_pubdata_price, compute_tx_fee
from zkedu.rollup.l1_data_pricing import compute_effective_blob_base_fee
from zkedu.rollup.units import GWEI
from zkedu.widgets.common import Control, build_panel, control_defaults, label, new_figure, static_twin

ARRIVAL_RATES = np.geomspace(0.01, 10_000, 241)
TIMEOUTS = {"1 s": 1.0, "2.5 s (server default)": 2.5, "10 s": 10.0, "1 min": 60.0, "10 min (illustrative)": 600.0,
            "1 h": 3600.0, "8 h (Era mainnet)": float(MAINNET_BATCH_TIMEOUT_SECONDS)}
CONTROLS = (
    Control("arrival_rate", "arrival rate [tx/s]", 10.0, "log", -2, 4, 0.05),
    # 10 min is illustrative: between the server default (2.5 s) and Era mainnet's ~8 h
    Control("timeout", "batch timeout", 600.0, "selection", options=tuple(TIMEOUTS.items())),
    Control("l1_gas_price_gwei", "L1 gas price [gwei]", 10.0, "float", 0.5, 200.0, 0.5),
    Control("blob_base_fee_gwei", "blob base fee [gwei]", 1.0, "log", -9, 2, 0.25),
    Control("blob_reserve", "EIP-7918 reserve (since Fusaka)", True, "checkbox"),
    Control("da", "pubdata posted as", "blobs", "buttons", options=("blobs", "calldata")),
    Control("compression", "state-diff compression", True, "checkbox"),
    Control("transfer_share", "share of transfers (rest swaps)", 0.7, "float", 0.0, 1.0, 0.05),
)
DEFAULTS = control_defaults(CONTROLS)
CHAIN = ChainSettings()


@dataclass(frozen=True)
class FeeSweep:
    """What the widget draws: the model over ``ARRIVAL_RATES`` (wei, s), the chosen point, the fee charged."""

    arrival_rates: np.ndarray
    sweep: BatchEconomics
    arrival_rate: float
    point: BatchEconomics
    fee_charged_wei: float
    base_fee: int
    gas_per_pubdata: int
    blob_base_fee: int  # wei per blob gas, after EIP-7918's reserve when it is on


def _wei(gwei: float) -> int:
    if not gwei >= 0:
        raise ValueError(f"prices must be non-negative, got {gwei!r} gwei")
    return round(gwei * GWEI)


def compute_fee_charged(l1_gas_price: int, l1_pubdata_price: int, transfer_share: float,
                        compression: bool) -> tuple[float, int, int]:
    """Mean fee per transaction of the mix under fee model V2, clipped as the server does (wei), with the batch's
    base fee and gas per pubdata."""
    fees = compute_clipped_fee_input(l1_gas_price, l1_pubdata_price, CHAIN.minimal_l2_gas_price,
                                     max_pubdata_per_batch=CHAIN.max_pubdata_per_batch)
    total = 0.0
    for profile, share in ((TRANSFER, transfer_share), (SWAP, 1 - transfer_share)):
        nbytes = profile.compressed_bytes if compression else profile.naive_bytes
        total += share * compute_tx_fee(fees, profile.execution_gas, nbytes, profile.encoded_length).total_wei
    return total, fees.base_fee, fees.gas_per_pubdata


def update(
    arrival_rate: float = DEFAULTS["arrival_rate"],
    timeout: float = DEFAULTS["timeout"],
    l1_gas_price_gwei: float = DEFAULTS["l1_gas_price_gwei"],
    blob_base_fee_gwei: float = DEFAULTS["blob_base_fee_gwei"],
    da: str = DEFAULTS["da"],
    compression: bool = DEFAULTS["compression"],
    transfer_share: float = DEFAULTS["transfer_share"],
    blob_reserve: bool = DEFAULTS["blob_reserve"],
) -> FeeSweep:
    """The data the widget draws for one setting of its controls."""
    l1_gas_price, blob_base_fee = _wei(l1_gas_price_gwei), _wei(blob_base_fee_gwei)
    if blob_reserve:  # the L1 gas price stands in for the execution base fee
        blob_base_fee = compute_effective_blob_base_fee(blob_base_fee, l1_gas_price)
    use = compute_mix_use(transfer_share, compression)
    common = {"use": use, "l1_gas_price": float(l1_gas_price), "blob_base_fee": float(blob_base_fee),
              "da": da, "timeout": timeout, "chain": CHAIN}
    sweep = compute_batch_economics(ARRIVAL_RATES, **common)
    point = compute_batch_economics(np.array([arrival_rate]), **common)
    pubdata_price = (compute_blob_pubdata_price(blob_base_fee) if da == "blobs"
                     else compute_calldata_pubdata_price(l1_gas_price))
    fee, base_fee, gas_per_pubdata = compute_fee_charged(l1_gas_price, pubdata_price, transfer_share, compression)
    return FeeSweep(ARRIVAL_RATES, sweep, float(arrival_rate), point, fee, base_fee, gas_per_pubdata, blob_base_fee)


def draw(data: FeeSweep) -> Figure:
    """Two panels against arrival rate: stacked cost per transaction with the fee charged, and latency."""
    fig, (ax_cost, ax_time) = new_figure("Cost and latency of a ZKsync-style batch", nrows=2, size=(7.5, 8.0),
                                         detached=True)
    s, x = data.sweep, data.arrival_rates
    ax_cost.stackplot(x, s.execution_wei / GWEI, s.pubdata_wei / GWEI, s.overhead_wei / GWEI,
                      labels=["L2 execution", "pubdata", "batch overhead (shared)"], alpha=0.8)
    ax_cost.axhline(data.fee_charged_wei / GWEI, color="k", lw=1.2, label="fee charged (fee model V2)")
    ax_cost.axvline(data.arrival_rate, color="k", lw=0.8, ls="--")
    ax_cost.set_xscale("log")
    ax_cost.set_yscale("log")
    ax_cost.legend(loc="upper right")
    label(ax_cost, "Cost per transaction", "arrival rate [transactions/s]", "cost per transaction [gwei]")
    ax_time.plot(x, s.commit_seconds / 60, label="until committed on L1")
    ax_time.plot(x, s.finality_seconds / 60, label="until executed (final)")
    ax_time.axvline(data.arrival_rate, color="k", lw=0.8, ls="--")
    ax_time.set_xscale("log")
    ax_time.set_yscale("log")
    ax_time.legend(loc="lower left")
    label(ax_time, "Mean latency of a transaction", "arrival rate [transactions/s]", "latency [min]")
    return fig


def static_figure() -> Figure:
    """The widget's sweep at its default settings, as a detached figure."""
    return static_twin(draw, update())


def describe(data: FeeSweep) -> str:
    """A one-line HTML readout of the chosen point."""
    p = data.point
    n, bound = float(p.batch_size[0]), "a limit" if bool(p.resource_bound[0]) else "the timeout"
    return (
        f"<b>{data.arrival_rate:,.2f} tx/s</b>: batches of {n:,.0f} txs (sealed by {bound}); cost per tx "
        f"{p.execution_wei[0] / GWEI:,.0f} + {p.pubdata_wei[0] / GWEI:,.0f} + {p.overhead_wei[0] / GWEI:,.0f} gwei "
        f"(execution + pubdata + overhead), fee charged {data.fee_charged_wei / GWEI:,.0f} gwei "
        f"(blob base fee {data.blob_base_fee / GWEI:,.3g} gwei); "
        f"committed after {p.commit_seconds[0] / 60:,.1f} min, final after {p.finality_seconds[0] / 3600:,.2f} h"
    )


def make_widget():  # -> ipywidgets.Widget
    """Controls: arrival rate, timeout, L1 gas price, blob base fee and its reserve, DA mode, compression, tx mix."""
    return build_panel(CONTROLS, update, draw, describe)
