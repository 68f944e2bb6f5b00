"""Chapter 7 widget: pubdata per transaction with and without state-diff compression, and blobs per batch.

The workload is ``zkedu.rollup.token_workload``: stablecoin transfers, a share of them to recipients who
already hold the token. One long stream of transfers is drawn per setting and every batch size is a prefix
of it, so the sweep is one vectorised pass (``token_prefix_pubdata_sizes``, tested equal to the encoder).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from matplotlib.figure import Figure

from zkedu.blobpack import blobs_needed
from zkedu.constants import MAX_BLOBS_PER_BATCH
from zkedu.rollup.token_workload import TokenBatch, sample_token_batch, token_prefix_pubdata_sizes
from zkedu.widgets.common import Control, build_panel, control_defaults, label, new_figure, static_twin

MAX_BATCH = 8_192  # Era's default transaction slots per batch
BATCH_SIZES = np.unique(np.geomspace(1, MAX_BATCH, 60).round().astype(np.int64))
SEED = 7
CONTROLS = (
    Control("batch_size", "batch size [transfers]", 1_000, "int", 1, MAX_BATCH),
    Control("repeat_share", "to existing holders [share]", 0.6, "float", 0.0, 1.0, 0.05),
)
DEFAULTS = control_defaults(CONTROLS)


@dataclass(frozen=True)
class BatchingSweep:
    """Bytes per transfer and blobs per batch over ``batch_sizes``, compressed and naive, plus the chosen point."""

    batch_sizes: np.ndarray
    compressed_per_tx: np.ndarray
    naive_per_tx: np.ndarray
    compressed_blobs: np.ndarray
    naive_blobs: np.ndarray
    batch_size: int
    repeat_share: float
    point_compressed_bytes: int
    point_naive_bytes: int

    @property
    def saving(self) -> float:
        """Share of the naive bytes that compression saves at the chosen batch size."""
        return 1 - self.point_compressed_bytes / self.point_naive_bytes


@lru_cache(maxsize=32)
def _stream(repeat_share: float) -> TokenBatch:
    return sample_token_batch(MAX_BATCH, repeat_share, SEED)


def compute_blobs(n_bytes: np.ndarray) -> np.ndarray:
    """Blobs needed for each byte count (126,976 usable bytes per blob), as integers."""
    n = np.asarray(n_bytes, dtype=np.int64)
    if np.any(n < 0):
        raise ValueError(f"byte counts must be >= 0, got min {int(n.min())}")
    return np.array([blobs_needed(int(x)) for x in n.ravel()], dtype=np.int64).reshape(n.shape)


def update(batch_size: int = DEFAULTS["batch_size"], repeat_share: float = DEFAULTS["repeat_share"]) -> BatchingSweep:
    """The data the widget draws for one setting of its controls."""
    if not 1 <= batch_size <= MAX_BATCH:
        raise ValueError(f"batch_size must be in 1..{MAX_BATCH}, got {batch_size!r}")
    stream = _stream(round(float(repeat_share), 2))
    compressed, naive = token_prefix_pubdata_sizes(stream, BATCH_SIZES)
    (pc,), (pn,) = token_prefix_pubdata_sizes(stream, np.array([batch_size]))
    return BatchingSweep(
        BATCH_SIZES, compressed / BATCH_SIZES, naive / BATCH_SIZES, compute_blobs(compressed), compute_blobs(naive),
        int(batch_size), float(repeat_share), int(pc), int(pn),
    )


def draw(sweep: BatchingSweep) -> Figure:
    """Two stacked panels against batch size: bytes per transfer, and blobs per batch with the 6-blob limit."""
    fig, (ax_bytes, ax_blobs) = new_figure(
        "State diffs of stablecoin transfers: compressed vs full keys and values", nrows=2, size=(7.5, 7.5),
        detached=True,
    )
    ax_bytes.plot(sweep.batch_sizes, sweep.naive_per_tx, label="full 32-byte keys and values")
    ax_bytes.plot(sweep.batch_sizes, sweep.compressed_per_tx, label="ZKsync compression")
    ax_bytes.axvline(sweep.batch_size, color="k", lw=0.8, ls="--")
    ax_bytes.set_xscale("log")
    ax_bytes.set_ylim(bottom=0)
    ax_bytes.legend(loc="upper right")
    label(ax_bytes, f"Pubdata per transfer ({sweep.repeat_share:.0%} to existing holders)",
          "batch size [transfers]", "state-diff bytes per transfer [bytes]")
    ax_blobs.step(sweep.batch_sizes, sweep.naive_blobs, where="post", label="full keys and values")
    ax_blobs.step(sweep.batch_sizes, sweep.compressed_blobs, where="post", label="compressed")
    ax_blobs.axhline(MAX_BLOBS_PER_BATCH, color="r", lw=0.8, ls=":", label=f"Era's limit: {MAX_BLOBS_PER_BATCH} blobs")
    ax_blobs.axvline(sweep.batch_size, color="k", lw=0.8, ls="--")
    ax_blobs.set_xscale("log")
    ax_blobs.legend(loc="upper left")
    label(ax_blobs, "Blobs per batch (126,976 usable bytes each)", "batch size [transfers]", "blobs needed [blobs]")
    return fig


def describe(sweep: BatchingSweep) -> str:
    """A one-line HTML readout: bytes and blobs at the chosen batch size, compressed against naive."""
    blobs = compute_blobs(np.array([sweep.point_compressed_bytes, sweep.point_naive_bytes]))
    return (f"<b>{sweep.batch_size:,} transfers</b>: {sweep.point_compressed_bytes:,} bytes compressed vs "
            f"{sweep.point_naive_bytes:,} naive ({sweep.saving:.0%} saved); blobs {blobs[0]} vs {blobs[1]}")


def static_figure() -> Figure:
    """The widget's sweep at its default settings, as a detached figure."""
    return static_twin(draw, update())


def make_widget():  # -> ipywidgets.Widget
    """Sliders for batch size and the share of transfers to recipients who already hold the token."""
    return build_panel(CONTROLS, update, draw, describe)
