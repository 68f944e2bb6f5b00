"""Chapter 1 widget: L1 cost per transaction as a batch grows (fixed and per-byte parts), and time to fill it.

The data part is priced as calldata (17 gas per byte at the L1 gas price) or as blobs (1 blob gas per byte at
the blob base fee, EIP-4844), as the reader chooses: per byte, as Era's fee model charges, not in whole blobs
as L1 bills them. The sweep is vectorised numpy in floats for drawing;
``zkedu.rollup.amortisation.compute_amortised_cost`` is the exact integer model it follows (the tests compare
the two).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from zkedu.constants import L1_GAS_PER_PUBDATA_BYTE
from zkedu.rollup.amortisation import BATCH_FIXED_L1_GAS, compute_fill_seconds
from zkedu.rollup.fees import BLOB_GAS_PER_BYTE
from zkedu.rollup.l1_data_pricing import compute_blob_base_fee_reserve
from zkedu.rollup.units import GWEI, gwei_to_wei
from zkedu.widgets.common import Control, build_panel, control_defaults, label, new_figure, static_twin

DATA_CHOICES = ("calldata", "blobs")
BATCH_SIZES = np.unique(np.concatenate([np.geomspace(1, 10_000, 200).round(), 10.0 ** np.arange(5)]).astype(np.int64))
CONTROLS = (
    Control("batch_size", "batch size [txs]", 1_000, "int", 1, 10_000),
    Control("l1_gas_price_gwei", "L1 gas price [gwei]", 10.0, "float", 0.5, 200.0, 0.5),
    Control("fixed_l1_gas", "fixed L1 gas per batch", BATCH_FIXED_L1_GAS, "int", 100_000, 3_000_000, 10_000),
    Control("pubdata_bytes_per_tx", "pubdata per tx [bytes]", 100, "int", 0, 1_000, 5),
    Control("arrival_rate", "arrival rate [tx/s]", 20.0, "log", -1, 3, 0.05),
    Control("data_on", "data posted as", "calldata", "buttons", options=DATA_CHOICES),
    Control("blob_base_fee_gwei", "blob base fee [gwei]", 1.0, "log", -3, 2, 0.05),
)
DEFAULTS = control_defaults(CONTROLS)


@dataclass(frozen=True)
class AmortisationSweep:
    """Per-transaction L1 cost (gwei) and fill time (s) over ``batch_sizes``, plus the chosen point."""

    batch_sizes: np.ndarray
    fixed_gwei: np.ndarray
    data_gwei: np.ndarray
    fill_seconds: np.ndarray
    batch_size: int
    point_fixed_gwei: float
    point_data_gwei: float
    point_fill_seconds: float
    data_on: str = "calldata"
    data_price_gwei_per_byte: float = 0.0
    blob_reserve_gwei: float = 0.0  # EIP-7918: the blob base fee stops falling below this


def compute_data_price(data_on: str, l1_gas_price_gwei: float, blob_base_fee_gwei: float) -> float:
    """L1 price of one byte of data in gwei: 17 gas at the gas price as calldata, 1 blob gas as blob data."""
    if data_on == "calldata":
        return L1_GAS_PER_PUBDATA_BYTE * l1_gas_price_gwei
    if data_on == "blobs":
        return BLOB_GAS_PER_BYTE * blob_base_fee_gwei
    raise ValueError(f"data_on must be one of {DATA_CHOICES}, got {data_on!r}")


def compute_amortisation(
    batch_sizes: np.ndarray, l1_gas_price_gwei: float, fixed_l1_gas: float, pubdata_bytes_per_tx: float,
    data_on: str = "calldata", blob_base_fee_gwei: float = 1.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Fixed and per-byte L1 cost per transaction in gwei, for each batch size (data as calldata or blobs)."""
    sizes = np.asarray(batch_sizes, dtype=float)
    if np.any(sizes < 1):
        raise ValueError(f"batch_sizes must all be >= 1, got min {sizes.min()!r}")
    fixed = fixed_l1_gas * l1_gas_price_gwei / sizes
    price = compute_data_price(data_on, l1_gas_price_gwei, blob_base_fee_gwei)
    data = np.full_like(sizes, pubdata_bytes_per_tx * price)
    return fixed, data


def update(
    batch_size: int = DEFAULTS["batch_size"],
    l1_gas_price_gwei: float = DEFAULTS["l1_gas_price_gwei"],
    fixed_l1_gas: int = DEFAULTS["fixed_l1_gas"],
    pubdata_bytes_per_tx: int = DEFAULTS["pubdata_bytes_per_tx"],
    arrival_rate: float = DEFAULTS["arrival_rate"],
    data_on: str = DEFAULTS["data_on"],
    blob_base_fee_gwei: float = DEFAULTS["blob_base_fee_gwei"],
) -> AmortisationSweep:
    """The data the widget draws for one setting of its controls."""
    pricing = (l1_gas_price_gwei, fixed_l1_gas, pubdata_bytes_per_tx, data_on, blob_base_fee_gwei)
    fixed, data = compute_amortisation(BATCH_SIZES, *pricing)
    fill = np.array([compute_fill_seconds(int(n), arrival_rate) for n in BATCH_SIZES])
    (pf,), (pd,) = compute_amortisation(np.array([batch_size]), *pricing)
    return AmortisationSweep(
        BATCH_SIZES, fixed, data, fill, int(batch_size), float(pf), float(pd),
        compute_fill_seconds(batch_size, arrival_rate), data_on,
        compute_data_price(data_on, l1_gas_price_gwei, blob_base_fee_gwei),
        compute_blob_base_fee_reserve(gwei_to_wei(l1_gas_price_gwei)) / GWEI,
    )


def draw(sweep: AmortisationSweep) -> Figure:
    """Two stacked panels: cost per transaction (fixed and data parts), and fill time, against batch size."""
    fig, (ax_cost, ax_time) = new_figure(
        "Bigger batches: cheaper transactions, longer waits", nrows=2, size=(7.5, 7.0), detached=True
    )
    ax_cost.stackplot(
        sweep.batch_sizes, sweep.data_gwei, sweep.fixed_gwei,
        labels=[f"data as {sweep.data_on} (per byte, does not shrink)", "fixed per-batch cost, shared"], alpha=0.8,
    )
    ax_cost.axvline(sweep.batch_size, color="k", lw=0.8, ls="--")
    ax_cost.set_xscale("log")
    ax_cost.set_yscale("log")
    ax_cost.set_ylim(bottom=max(sweep.data_gwei.min() * 0.5, 1e-3))
    ax_cost.legend(loc="upper right")
    label(ax_cost, "L1 cost per transaction", "batch size [transactions]", "cost per transaction [gwei]")
    ax_time.plot(sweep.batch_sizes, sweep.fill_seconds)
    ax_time.plot([sweep.batch_size], [sweep.point_fill_seconds], "ko")
    ax_time.set_xscale("log")
    ax_time.set_yscale("log")
    label(ax_time, "Time to fill the batch", "batch size [transactions]", "time to fill [s]")
    return fig


def describe(sweep: AmortisationSweep) -> str:
    """A one-line HTML readout of the chosen batch size (and, for blobs, how the fee compares to its reserve)."""
    text = (
        f"<b>{sweep.batch_size:,} txs</b>: fixed {sweep.point_fixed_gwei:,.1f} gwei + data as {sweep.data_on} "
        f"{sweep.point_data_gwei:,.1f} gwei per tx; the batch fills in {sweep.point_fill_seconds:,.1f} s"
    )
    if sweep.data_on == "blobs":
        side = "above" if sweep.data_price_gwei_per_byte >= sweep.blob_reserve_gwei else "below"
        text += (f". The blob base fee is {side} EIP-7918's reserve at this gas price "
                 f"({sweep.blob_reserve_gwei:,.3f} gwei), where it stops falling")
    return text


def static_figure() -> Figure:
    """The widget's sweep at its default settings, as a detached figure."""
    return static_twin(draw, update())


def make_widget():  # -> ipywidgets.Widget
    """Sliders for batch size, gas price, fixed gas per batch, bytes per tx, arrival rate; calldata or blobs."""
    return build_panel(CONTROLS, update, draw, describe)
