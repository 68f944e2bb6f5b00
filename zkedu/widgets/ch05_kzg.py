"""Chapter 5 widget: how big an opening is, KZG against a Merkle tree, as the committed vector grows.

KZG: one 48-byte proof per opened position, or one 48-byte proof for any number of positions (multi-point
opening); the verifier does two pairings either way. Merkle: 32 bytes per tree level per opened position
(no sharing of common siblings counted), and as many hashes to verify. Pure arithmetic: no curve work here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from zkedu.kzg.constants import BYTES_PER_PROOF
from zkedu.widgets.common import Control, build_panel, control_defaults, label, new_figure, static_twin

HASH_BYTES = 32
LOG2_SIZES = np.arange(1, 25)
CONTROLS = (
    Control("log2_length", "log2(vector length)", 12, "int", 1, int(LOG2_SIZES[-1])),
    Control("openings", "opened positions", 1, "int", 1, 64),
)
DEFAULTS = control_defaults(CONTROLS)


@dataclass(frozen=True)
class OpeningSizes:
    """Opening sizes in bytes and verifier work, for each vector length 2^log2_sizes, at a chosen point."""

    log2_sizes: np.ndarray
    kzg_separate_bytes: np.ndarray
    kzg_multi_bytes: np.ndarray
    merkle_bytes: np.ndarray
    merkle_hashes: np.ndarray
    log2_length: int
    openings: int


def compute_opening_sizes(
    log2_sizes: np.ndarray, openings: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(KZG one proof per position, KZG multi-point, Merkle) proof bytes, and Merkle hashes to verify."""
    if not isinstance(openings, int | np.integer) or openings < 1:
        raise ValueError(f"openings must be an int >= 1, got {openings!r}")
    depth = np.asarray(log2_sizes, dtype=np.int64)
    if np.any(depth < 0):
        raise ValueError(f"log2 sizes must be >= 0, got min {depth.min()}")
    kzg_separate = np.full(depth.shape, openings * BYTES_PER_PROOF)
    kzg_multi = np.full(depth.shape, BYTES_PER_PROOF)
    merkle = openings * HASH_BYTES * depth
    hashes = openings * (depth + 1)  # the leaf hash plus one per level
    return kzg_separate, kzg_multi, merkle, hashes


def update(log2_length: int = DEFAULTS["log2_length"], openings: int = DEFAULTS["openings"]) -> OpeningSizes:
    """The data the widget draws for one setting of its controls."""
    if not 1 <= log2_length <= LOG2_SIZES[-1]:
        raise ValueError(f"log2_length must be in [1, {LOG2_SIZES[-1]}], got {log2_length}")
    sep, multi, merkle, hashes = compute_opening_sizes(LOG2_SIZES, openings)
    return OpeningSizes(LOG2_SIZES, sep, multi, merkle, hashes, int(log2_length), int(openings))


def draw(sizes: OpeningSizes) -> Figure:
    """Two stacked panels: proof bytes against vector length, and the verifier's work."""
    fig, (ax_bytes, ax_work) = new_figure("Opening a committed vector: KZG vs Merkle", nrows=2, size=(7.5, 7.5),
                                          detached=True)
    n = 2.0 ** sizes.log2_sizes
    k = sizes.openings
    ax_bytes.plot(n, sizes.merkle_bytes, label=f"Merkle, {k} path(s)")
    ax_bytes.plot(n, sizes.kzg_separate_bytes, label=f"KZG, {k} proof(s)")
    ax_bytes.plot(n, sizes.kzg_multi_bytes, "--", label="KZG, one multi-point proof")
    ax_bytes.axvline(2.0**sizes.log2_length, color="k", lw=0.8, ls=":")
    ax_bytes.set_xscale("log", base=2)
    ax_bytes.set_yscale("log")
    ax_bytes.legend()
    label(ax_bytes, f"Proof size for {k} opened position(s)", "vector length [elements]", "proof size [bytes]")
    ax_work.plot(n, sizes.merkle_hashes, label="Merkle: hashes")
    ax_work.plot(n, np.full(n.shape, 2), label="KZG: pairings (one product)")
    ax_work.axvline(2.0**sizes.log2_length, color="k", lw=0.8, ls=":")
    ax_work.set_xscale("log", base=2)
    ax_work.legend()
    label(ax_work, "Verifier work", "vector length [elements]", "operations [count]")
    return fig


def describe(sizes: OpeningSizes) -> str:
    """A one-line HTML readout: both proof sizes at the chosen length and number of openings."""
    i = sizes.log2_length - 1
    return (f"<b>{2 ** sizes.log2_length:,} elements, {sizes.openings} opening(s)</b>: Merkle "
            f"{int(sizes.merkle_bytes[i]):,} B, KZG {int(sizes.kzg_separate_bytes[i]):,} B "
            f"(or {BYTES_PER_PROOF} B as one multi-point proof)")


def static_figure() -> Figure:
    """The widget's sweep at its default settings (one opening, a blob-sized vector marked)."""
    return static_twin(draw, update())


def make_widget():  # -> ipywidgets.Widget
    """Sliders for the vector length (as a power of two) and the number of opened positions."""
    return build_panel(CONTROLS, update, draw, describe)
