"""Chapter 4 widget: the elliptic-curve group law, over the reals (chord and tangent) and over a small prime field.

The prime-field picture uses ``zkedu.curves.toy.ToyCurve`` (exact ints mod p); the real picture is floats
for drawing only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from zkedu.curves.toy import ToyCurve, ToyPoint, is_singular
from zkedu.widgets.common import Control, build_panel, control_defaults, label, new_figure, static_twin

TOY_PRIMES = (11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
              101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199)
COEFF_RANGE = (-10, 10)
INDEX_RANGE = (0, 199)
CONTROLS = (
    Control("p", "prime p", 97, "dropdown", options=TOY_PRIMES),
    Control("a", "a (mod p)", -1, "int", *COEFF_RANGE),
    Control("b", "b (mod p)", 1, "int", *COEFF_RANGE),
    Control("p_index", "P = point number", 4, "int", *INDEX_RANGE),
    Control("q_index", "Q = point number", 30, "int", *INDEX_RANGE),
)
DEFAULTS = control_defaults(CONTROLS)
REAL_DEFAULTS = {"a": -1.0, "b": 1.0, "x_p": -1.0, "y_p_sign": 1, "x_q": 0.0, "y_q_sign": -1}


@dataclass(frozen=True)
class FieldPicture:
    """Everything the prime-field panels draw: all points, P, Q, P + Q, the orbit of P."""

    curve: ToyCurve
    b_requested: int
    P: tuple[int, int]
    Q: tuple[int, int]
    S: ToyPoint
    orbit: tuple[ToyPoint, ...]

    @property
    def order(self) -> int:
        return self.curve.order

    @property
    def skipped_singular(self) -> bool:
        return self.curve.b != self.b_requested % self.curve.p


@dataclass(frozen=True)
class RealPicture:
    """The chord construction P + Q over the reals: P, Q, the third intersection -R, and R = P + Q."""

    a: float
    b: float
    P: tuple[float, float]
    Q: tuple[float, float]
    minus_R: tuple[float, float]
    R: tuple[float, float]


def compute_real_point(a: float, b: float, x: float, sign: int) -> tuple[float, float]:
    """The point of y² = x³ + ax + b above x, on the upper (sign = 1) or lower (sign = -1) half."""
    rhs = x**3 + a * x + b
    if rhs < 0:
        raise ValueError(f"no real point with x = {x} on y² = x³ + {a}x + {b} (x³ + ax + b = {rhs} < 0)")
    if sign not in (1, -1):
        raise ValueError(f"sign must be 1 or -1, got {sign!r}")
    return (x, sign * math.sqrt(rhs))


def compute_real_sum(
    a: float = REAL_DEFAULTS["a"], b: float = REAL_DEFAULTS["b"],
    x_p: float = REAL_DEFAULTS["x_p"], y_p_sign: int = REAL_DEFAULTS["y_p_sign"],
    x_q: float = REAL_DEFAULTS["x_q"], y_q_sign: int = REAL_DEFAULTS["y_q_sign"],
) -> RealPicture:
    """P + Q over the reals by the chord rule (tangent when P = Q); the same formulas as ``ToyCurve.add``."""
    P, Q = compute_real_point(a, b, x_p, y_p_sign), compute_real_point(a, b, x_q, y_q_sign)
    if P == Q:
        if P[1] == 0:
            raise ValueError(f"the tangent at {P} is vertical: 2P is the point at infinity")
        m = (3 * P[0] ** 2 + a) / (2 * P[1])
    elif P[0] == Q[0]:
        raise ValueError(f"{P} and {Q} are mirror images: the chord is vertical and P + Q is the point at infinity")
    else:
        m = (Q[1] - P[1]) / (Q[0] - P[0])
    x3 = m * m - P[0] - Q[0]
    y3 = m * (P[0] - x3) - P[1]
    return RealPicture(a, b, P, Q, (x3, -y3), (x3, y3))


def format_cubic(a: float, b: float) -> str:
    """'x³ − x + 1' style text for x³ + ax + b.

    >>> format_cubic(-1, 1), format_cubic(2, 0), format_cubic(0, -3)
    ('x³ − x + 1', 'x³ + 2x', 'x³ − 3')
    """
    text = "x³"
    for coeff, var in ((a, "x"), (b, "")):
        if coeff:
            size = abs(coeff)
            body = var if (size == 1 and var) else f"{size:g}{var}"
            text += f" {'−' if coeff < 0 else '+'} {body}"
    return text


def compute_real_curve(a: float, b: float, x_min: float, x_max: float, n: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    """x values and the upper half y = +√(x³ + ax + b) (NaN where there is no real point)."""
    xs = np.linspace(x_min, x_max, n)
    rhs = xs**3 + a * xs + b
    with np.errstate(invalid="ignore"):
        ys = np.where(rhs >= 0, np.sqrt(rhs), np.nan)
    return xs, ys


def compute_field_picture(p: int, a: int, b: int, p_index: int, q_index: int) -> FieldPicture:
    """The toy curve mod p (b bumped to the next value when y² = x³ + ax + b is singular), P, Q, P + Q, orbit of P.

    P and Q are picked by index into the sorted list of points (indices wrap around, so any slider value works).
    """
    if p not in TOY_PRIMES:
        raise ValueError(f"p must be one of the widget's primes {TOY_PRIMES[0]}..{TOY_PRIMES[-1]}, got {p}")
    b_used = b
    while is_singular(p, a % p, b_used % p):
        b_used += 1  # 27b² ≡ -4a³ has at most two roots b mod p, so this stops within three steps
    E = ToyCurve(p, a, b_used)
    points = E.points
    P, Q = points[p_index % len(points)], points[q_index % len(points)]
    return FieldPicture(E, b, P, Q, E.add(P, Q), tuple(E.orbit(P)))


def update(
    p: int = DEFAULTS["p"], a: int = DEFAULTS["a"], b: int = DEFAULTS["b"],
    p_index: int = DEFAULTS["p_index"], q_index: int = DEFAULTS["q_index"],
) -> FieldPicture:
    """The data the widget draws for one setting of its controls."""
    return compute_field_picture(p, a, b, p_index, q_index)


def draw_real(ax: Axes, pic: RealPicture) -> None:
    """The chord through P and Q, its third intersection -R, and the reflection R = P + Q."""
    xs_all = [pic.P[0], pic.Q[0], pic.R[0]]
    x_min, x_max = min(xs_all) - 1.5, max(xs_all) + 0.8
    xs, ys = compute_real_curve(pic.a, pic.b, x_min, x_max)
    ax.plot(xs, ys, "C0", xs, -ys, "C0")
    line_x = np.array([x_min, x_max])
    m = (pic.minus_R[1] - pic.P[1]) / (pic.minus_R[0] - pic.P[0])
    ax.plot(line_x, pic.P[1] + m * (line_x - pic.P[0]), "C1--", lw=1, label="chord through P and Q")
    ax.plot([pic.R[0]] * 2, [pic.minus_R[1], pic.R[1]], "k:", lw=1, label="reflect in the x-axis")
    for name, (x, y), colour in (("P", pic.P, "C2"), ("Q", pic.Q, "C2"), ("−R", pic.minus_R, "C1"),
                                 ("R = P + Q", pic.R, "C3")):
        ax.plot([x], [y], "o", color=colour)
        ax.annotate(name, (x, y), textcoords="offset points", xytext=(6, 6))
    y_lim = 1.2 * max(abs(pic.R[1]), abs(pic.P[1]), abs(pic.Q[1]), 2.0)
    ax.set_ylim(-y_lim, y_lim)
    ax.axhline(0, color="grey", lw=0.5)
    ax.legend(loc="upper left", fontsize="small")
    label(ax, f"Over the reals: y² = {format_cubic(pic.a, pic.b)}", "x [real number]", "y [real number]")


def draw_field(ax_points: Axes, ax_orbit: Axes, pic: FieldPicture) -> None:
    """All points mod p with P, Q and P + Q marked; and the x-coordinate of k·P as k walks the orbit."""
    E = pic.curve
    xs, ys = zip(*E.points, strict=True)
    ax_points.scatter(xs, ys, s=10, color="lightgrey", label=f"all {E.order - 1} points (+ ∞)")
    finite_orbit = [pt for pt in pic.orbit if pt is not None]
    ox, oy = zip(*finite_orbit, strict=True)
    ax_points.scatter(ox, oy, s=22, facecolors="none", edgecolors="C0", label=f"orbit of P ({len(pic.orbit)} points)")
    sum_text = "∞" if pic.S is None else str(pic.S)
    marks = [("P", pic.P, "C2"), ("Q", pic.Q, "C2")] + ([("P + Q", pic.S, "C3")] if pic.S is not None else [])
    for name, pt, colour in marks:
        ax_points.plot([pt[0]], [pt[1]], "o", color=colour, ms=7, label=f"{name} = {pt}" if name == "P + Q" else None)
        ax_points.annotate(name, pt, textcoords="offset points", xytext=(5, 5), color=colour, weight="bold")
    ax_points.set_xlim(-2, E.p + 1)
    ax_points.set_ylim(-2, E.p + 1)
    ax_points.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize="small", ncol=2)
    label(ax_points, f"Mod {E.p}: y² = {format_cubic(E.a, E.b)}; P + Q = {sum_text}",
          "x [element of F_p]", "y [element of F_p]")
    ks = np.arange(1, len(finite_orbit) + 1)
    ax_orbit.plot(ks, ox, ".-", lw=0.5, ms=4)
    label(ax_orbit, f"x-coordinate of k·P (P has order {len(pic.orbit)}, the group {E.order})",
          "k [multiple of P]", "x of k·P [element of F_p]")


def _draw_static(field: FieldPicture, real: RealPicture) -> Figure:
    fig, axes = new_figure("One group law, two pictures: chords on a real curve, jumps on a finite one",
                           ncols=2, nrows=2, size=(8.0, 8.5), detached=True)
    draw_real(axes[0], real)
    grid = axes[2].get_gridspec()
    axes[2].remove()
    axes[3].remove()
    draw_field(axes[1], fig.add_subplot(grid[1, :]), field)
    return fig


def static_figure(field: FieldPicture | None = None, real: RealPicture | None = None) -> Figure:
    """The group law over the reals beside the same law over F_97 (defaults), over the orbit of P."""
    return static_twin(_draw_static, field or update(), real or compute_real_sum())


def draw(pic: FieldPicture) -> Figure:
    """The live widget's figure: all points mod p with P, Q, P + Q, beside the orbit of P."""
    fig, (ax_points, ax_orbit) = new_figure("The group law mod p", ncols=2, size=(9.0, 4.6), detached=True)
    draw_field(ax_points, ax_orbit, pic)
    return fig


def describe(pic: FieldPicture) -> str:
    """A one-line HTML readout: the group order, P's order and P + Q (and any singular b skipped)."""
    note = ""
    if pic.skipped_singular:
        note = f" (b = {pic.b_requested} gives a singular curve; using b = {pic.curve.b})"
    return (f"<b>#E(F_{pic.curve.p}) = {pic.order}</b>; P = {pic.P} has order {len(pic.orbit)}; "
            f"P + Q = {pic.S if pic.S is not None else '∞'}{note}")


def make_widget():  # -> ipywidgets.Widget
    """Controls for p, a, b and the two points; shows P + Q on all points mod p, the group order, P's orbit."""
    return build_panel(CONTROLS, update, draw, describe)
