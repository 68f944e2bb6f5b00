"""Shared plotting and widget helpers: consistent figures with titles, labelled axes and units."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure


def new_figure(
    title: str, ncols: int = 1, nrows: int = 1, size: tuple[float, float] = (8.0, 4.0)
) -> tuple[Figure, list[Axes]]:
    """A figure with a suptitle and a flat list of axes; callers must label every axis."""
    if not title:
        raise ValueError("a figure needs a non-empty title")
    fig, axes = plt.subplots(nrows, ncols, figsize=size, squeeze=False, layout="constrained")
    fig.suptitle(title)
    return fig, [ax for row in axes for ax in row]


def label(ax: Axes, title: str, xlabel: str, ylabel: str) -> Axes:
    """Set an axes' title and axis labels (with units in brackets, e.g. ``"L1 gas price [gwei]"``)."""
    for name, text in (("title", title), ("xlabel", xlabel), ("ylabel", ylabel)):
        if not text:
            raise ValueError(f"axes {name} must be non-empty, got {text!r}")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def unlabelled_axes(fig: Figure) -> list[str]:
    """Describe every visible axes of ``fig`` missing a title, an x label or a y label (for tests)."""
    problems = []
    for i, ax in enumerate(fig.axes):
        if not ax.get_visible() or not ax.axison:
            continue
        if ax.get_label() == "<colorbar>":
            if not ax.get_ylabel() and not ax.get_xlabel():
                problems.append(f"colorbar {i} has no label")
            continue
        for what, text in (("title", ax.get_title()), ("xlabel", ax.get_xlabel()), ("ylabel", ax.get_ylabel())):
            if not text:
                problems.append(f"axes {i} has no {what}")
    return problems


def sweep(fn: Callable[..., Any], name: str, values: Iterable[Any], **fixed: Any) -> list[Any]:
    """Evaluate ``fn(**fixed, name=value)`` for each value: the static twin of one slider."""
    return [fn(**{**fixed, name: v}) for v in values]
