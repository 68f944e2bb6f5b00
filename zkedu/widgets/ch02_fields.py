"""Chapter 2 widget: an element's powers around the clock of F_p, its order, the subgroup structure, roots of unity.

The nonzero residues 1..p-1 sit on a clock face; arrows follow 1 -> g -> g^2 -> ... until the cycle closes.
A generator visits every residue; any other element visits a subgroup whose size divides p - 1 (Lagrange).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from zkedu._checks import require_int
from zkedu.field import FieldElement, PrimeField
from zkedu.ntheory import euler_phi, is_prime
from zkedu.widgets.common import Control, build_panel, label, new_figure, static_twin

PRIMES = tuple(p for p in range(3, 200) if is_prime(p))
CONTROLS = (
    Control("p", "prime p", 17, "dropdown", options=PRIMES),
    Control("element", "element", 3, "int", 1, 16),
    Control("n", "root-of-unity order n", 4, "dropdown", options=tuple(PrimeField(17).subgroup_orders())),
)


@dataclass(frozen=True)
class FieldView:
    """Everything the widget draws for one setting (p, element, n)."""

    p: int
    element: int
    n: int
    powers: tuple[int, ...]  # element^0, element^1, ... until it returns to 1
    order: int
    is_generator: bool
    generator: int  # the field's smallest generator
    subgroups: tuple[tuple[int, int], ...]  # (d, number of elements of order d) for each divisor d of p - 1
    roots: tuple[int, ...]  # all x with x^n == 1 (the subgroup of order n)
    primitive_roots: tuple[int, ...]  # those of order exactly n


def compute_cycle(p: int, element: int) -> tuple[int, ...]:
    """The powers ``element^0, element^1, ...`` in F_p up to (not including) the return to 1.

    >>> compute_cycle(17, 4)
    (1, 4, 16, 13)
    """
    F = _field(p)
    g = _element(F, element)
    out, x = [1], g
    while x != 1:
        out.append(int(x))
        x = x * g
    return tuple(out)


def compute_order_counts(p: int) -> tuple[tuple[int, int], ...]:
    """For each divisor d of p - 1, how many elements have order exactly d, counted one by one.

    In a cyclic group of order p - 1 this equals Euler's phi(d).

    >>> compute_order_counts(17)
    ((1, 1), (2, 1), (4, 2), (8, 4), (16, 8))
    """
    F = _field(p)
    counts = dict.fromkeys(F.subgroup_orders(), 0)
    for a in range(1, p):
        counts[F(a).multiplicative_order()] += 1
    return tuple(counts.items())


def compute_roots_of_unity(p: int, n: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(all n-th roots of unity, the primitive ones) in F_p, sorted; ValueError unless n divides p - 1.

    >>> compute_roots_of_unity(17, 4)
    ((1, 4, 13, 16), (4, 13))
    """
    F = _field(p)
    w = F.root_of_unity(n)
    roots = sorted(int(w**k) for k in range(n))
    primitive = sorted(int(w**k) for k in range(n) if math.gcd(k, n) == 1)
    assert len(primitive) == euler_phi(n)
    return tuple(roots), tuple(primitive)


def update(p: int = 17, element: int = 3, n: int = 4) -> FieldView:
    """The data for one widget setting: the element's cycle, order, subgroup counts and the n-th roots of unity."""
    F = _field(p)
    g = _element(F, element)
    roots, primitive = compute_roots_of_unity(p, n)
    return FieldView(
        p=p, element=element, n=n, powers=compute_cycle(p, element), order=g.multiplicative_order(),
        is_generator=g.is_generator(), generator=int(F.generator()), subgroups=compute_order_counts(p),
        roots=roots, primitive_roots=primitive,
    )


def _field(p: int) -> PrimeField:
    require_int(p, "p")
    if not 3 <= p < 1000:
        raise ValueError(f"the widget draws small odd primes 3 <= p < 1000, got {p!r}")
    return PrimeField(p)


def _element(F: PrimeField, element: int) -> FieldElement:
    require_int(element, "element")
    if not 1 <= element < F.modulus:
        raise ValueError(f"element must be a nonzero residue 1..{F.modulus - 1}, got {element!r}")
    return F(element)


def _clock_xy(p: int, a: int) -> tuple[float, float]:
    # Residue a (1..p-1) at angle 90° - 360°·(a-1)/(p-1): 1 at twelve o'clock, increasing clockwise.
    t = math.pi / 2 - 2 * math.pi * (a - 1) / (p - 1)
    return math.cos(t), math.sin(t)


def draw_clock(ax: Axes, view: FieldView) -> None:
    """Draw the residues on a clock face, the element's cycle as arrows, and the n-th roots of unity as rings."""
    p = view.p
    xs, ys = zip(*(_clock_xy(p, a) for a in range(1, p)), strict=True)
    ax.scatter(xs, ys, s=18, color="0.75", zorder=2)
    # Small p: label every residue; large p: only 1, the element and the roots of unity (else the labels overlap).
    labelled = set(range(1, p)) if p <= 41 else {1, view.element, *view.roots}
    for a in range(1, p):
        if a in labelled:
            x, y = _clock_xy(p, a)
            ax.annotate(str(a), (1.13 * x, 1.13 * y), ha="center", va="center", fontsize=8)
    cx, cy = zip(*(_clock_xy(p, a) for a in view.powers), strict=True)
    ax.scatter(cx, cy, s=40, color="tab:blue", zorder=3, label=f"powers of {view.element}")
    cycle = [*view.powers, view.powers[0]]
    style = {"arrowstyle": "->" if p <= 41 else "-", "color": "tab:blue", "lw": 1.0 if p <= 41 else 0.4}
    for a, b in itertools.pairwise(cycle):
        (x0, y0), (x1, y1) = _clock_xy(p, a), _clock_xy(p, b)
        ax.annotate("", (x1, y1), (x0, y0), arrowprops=style)
    rx, ry = zip(*(_clock_xy(p, a) for a in view.roots), strict=True)
    ax.scatter(rx, ry, s=150, facecolors="none", edgecolors="tab:orange", lw=1.5, zorder=4,
               label=f"{view.n}-th roots of unity")
    kind = "a generator" if view.is_generator else "not a generator"
    label(ax, f"p = {p}: {view.element} has order {view.order} ({kind})",
          f"residues 1..{p - 1} clockwise from the top", "clock face (no units)")
    ax.set_aspect("equal")
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.35, 1.35)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.02), fontsize=8, ncols=2, frameon=False)


def draw_orders(ax: Axes, view: FieldView) -> None:
    """Bar chart: for each divisor d of p - 1, the number of elements of order d; the element's order highlighted."""
    ds = [d for d, _ in view.subgroups]
    counts = [c for _, c in view.subgroups]
    colors = ["tab:blue" if d == view.order else "0.6" for d in ds]
    ax.bar(range(len(ds)), counts, color=colors)
    ax.set_xticks(range(len(ds)), [str(d) for d in ds], fontsize=8)
    label(ax, f"elements of each order in F_{view.p}* (= φ(d))", f"order d (a divisor of p - 1 = {view.p - 1})",
          "number of elements [count]")


def draw(view: FieldView) -> Figure:
    """The live widget's figure: the element's cycle on the clock beside the order counts of F_p."""
    fig, (ax_clock, ax_orders) = new_figure(f"F_{view.p}: powers of {view.element}", ncols=2, size=(9.0, 4.4),
                                            detached=True)
    draw_clock(ax_clock, view)
    draw_orders(ax_orders, view)
    return fig


def describe(view: FieldView) -> str:
    """A one-line HTML readout: the element's order, whether it generates, the n-th roots of unity."""
    return (f"order of {view.element}: <b>{view.order}</b>; generator: <b>{view.is_generator}</b>; "
            f"solutions of x^{view.n} = 1: {list(view.roots)} (of order exactly {view.n}: "
            f"{list(view.primitive_roots)})")


def keep_controls_valid(name: str, values: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """When p changes, clamp the element to 1..p-1 and pick an n that divides the new p - 1."""
    if name != "p":
        return {}
    p = values["p"]
    divisors = tuple(PrimeField(p).subgroup_orders())
    return {"element": {"value": min(values["element"], p - 1), "max": p - 1},
            "n": {"options": divisors, "value": values["n"] if values["n"] in divisors else 2}}


def _draw_static(p: int, elements: tuple[int, int], n: int) -> Figure:
    fig, axes = new_figure(f"Powers of elements of F_{p}: cycles, orders and roots of unity", ncols=2, nrows=2,
                           size=(7.5, 8.5), detached=True)
    for ax, e in zip(axes[:2], elements, strict=True):
        draw_clock(ax, update(p, e, n))
    grid = axes[2].get_gridspec()
    axes[2].remove()
    axes[3].remove()
    draw_orders(fig.add_subplot(grid[1, :]), update(p, elements[0], n))
    return fig


def static_figure(p: int = 17, elements: tuple[int, int] = (3, 2), n: int = 4) -> Figure:
    """A generator's cycle beside a non-generator's, over the order counts of F_p (default p = 17)."""
    return static_twin(_draw_static, p, elements, n)


def make_widget() -> object:
    """Dropdown of primes, a slider for the element, a dropdown for the root-of-unity order; redraws on change."""
    return build_panel(CONTROLS, update, draw, describe, on_change=keep_controls_valid)
