"""The widget layer every chapter shares: labelled figures, one control spec, one panel builder, static twins.

A chapter's widget module declares only what is its own:

* ``CONTROLS``: a tuple of ``Control`` (one per keyword of ``update``);
* ``update(**controls)``: the pure model, returning the data to draw (no plotting);
* ``draw(data)``: a figure of that data (use ``new_figure(..., detached=True)``);
* ``describe(data)``: a one-line HTML readout;

and then ``make_widget()`` is ``build_panel(CONTROLS, update, draw, describe)`` and ``static_figure()`` is
``static_twin(draw, update())``. The panel runs controls -> update -> draw -> describe -> display on every
change; controls that depend on others (chapter 2's element range follows the prime) use an ``on_change``
hook. ipywidgets is imported only when a panel is built: the HTML book needs only the static twins.

Figures are drawn for the book's column, about 750 px wide: ``legibility_problems`` lists text that
would render below 9 px there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import matplotlib.pyplot as plt
from IPython import get_ipython
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib_inline.backend_inline import set_matplotlib_formats

BOOK_WIDTH_PX = 750  # the content column of the built book
MIN_TEXT_PX = 9.0  # smallest legible text at that width
CONTROL_KINDS = ("int", "float", "log", "dropdown", "selection", "buttons", "checkbox")
OnChange = Callable[[str, Mapping[str, Any]], Mapping[str, Mapping[str, Any]]]


def new_figure(
    title: str, ncols: int = 1, nrows: int = 1, size: tuple[float, float] = (8.0, 4.0), *, detached: bool = False
) -> tuple[Figure, list[Axes]]:
    """A figure with a suptitle and a flat list of axes; callers must label every axis.

    ``detached=True`` builds a ``Figure`` that pyplot does not track (a widget's or static twin's figure:
    nothing to close, shown once as a cell's value); otherwise the figure belongs to pyplot, for chapter
    cells that end with ``plt.show()``.
    """
    if not title:
        raise ValueError("a figure needs a non-empty title")
    if detached:
        fig = Figure(figsize=size, layout="constrained")
        axes = fig.subplots(nrows, ncols, squeeze=False)
    else:
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


def legibility_problems(fig: Figure, width_px: float = BOOK_WIDTH_PX, min_px: float = MIN_TEXT_PX) -> list[str]:
    """Every visible text of ``fig`` that renders below ``min_px`` pixels when the figure is ``width_px`` wide.

    A font of s points in a figure W inches wide, scaled to the column, is s * width_px / (72 W) pixels.
    """
    fig.draw_without_rendering()  # creates the tick labels the figure will really show
    scale = width_px / (72 * fig.get_figwidth())
    problems = []
    for text in fig.findobj(Text):
        if text.get_visible() and text.get_text().strip() and text.get_fontsize() * scale < min_px:
            problems.append(f"{text.get_text()!r} renders at {text.get_fontsize() * scale:.1f} px")
    return problems


def static_twin(draw: Callable[..., Figure], *args: Any, **kwargs: Any) -> Figure:
    """``draw(*args, **kwargs)`` as a detached figure: the static twin a chapter shows before its widget.

    Whatever ``draw`` did with pyplot, the figure returned is no longer pyplot state, so a cell that ends
    with it shows it exactly once.
    """
    fig = draw(*args, **kwargs)
    if not isinstance(fig, Figure):
        raise TypeError(f"draw must return a matplotlib Figure, got {type(fig).__name__}")
    plt.close(fig)  # a no-op for a figure pyplot never tracked
    _load_backend()
    return fig


@cache
def _load_backend() -> None:
    # A notebook shows a Figure value as an image only once pyplot has loaded its backend (matplotlib-inline
    # registers its display formatter then); a detached figure never makes pyplot do it, so do it here once.
    plt.switch_backend(plt.get_backend())
    # Under a non-inline backend (MPLBACKEND=Agg inherited from a test runner or a shell) matplotlib-inline
    # registers nothing, and a figure would show as "<Figure ...>" text: register the PNG formatter ourselves.
    if get_ipython() is not None:
        set_matplotlib_formats("png")


@dataclass(frozen=True)
class Control:
    """One control of a widget panel: the ``update`` keyword it sets, its label and its range or options.

    ``kind`` is one of ``CONTROL_KINDS``: ``int``/``float`` sliders between ``low`` and ``high``; ``log`` a
    slider over ``base**low .. base**high``; ``dropdown``, ``selection`` (a slider over options) and
    ``buttons`` choose among ``options`` (values, or ``(label, value)`` pairs); ``checkbox`` a bool.
    """

    name: str
    description: str
    value: Any
    kind: str = "int"
    low: float | None = None
    high: float | None = None
    step: float | None = None
    options: tuple[Any, ...] = ()
    base: float = 10.0

    def __post_init__(self) -> None:
        if not self.name.isidentifier():
            raise ValueError(f"a control's name must be an update() keyword, got {self.name!r}")
        if self.kind not in CONTROL_KINDS:
            raise ValueError(f"control {self.name!r}: kind must be one of {CONTROL_KINDS}, got {self.kind!r}")
        if self.kind in ("int", "float", "log"):
            if self.low is None or self.high is None or not self.low < self.high:
                raise ValueError(f"control {self.name!r}: needs low < high, got {self.low!r}, {self.high!r}")
            bounds = (self.base**self.low, self.base**self.high) if self.kind == "log" else (self.low, self.high)
            if not bounds[0] <= self.value <= bounds[1]:
                raise ValueError(f"control {self.name!r}: value {self.value!r} outside {bounds[0]!r}..{bounds[1]!r}")
        elif self.kind in ("dropdown", "selection", "buttons"):
            if self.value not in self.option_values:
                raise ValueError(f"control {self.name!r}: value {self.value!r} is not among its options")
        elif not isinstance(self.value, bool):
            raise TypeError(f"control {self.name!r}: a checkbox's value must be a bool, got {self.value!r}")

    @property
    def option_values(self) -> list[Any]:
        """The values a choice control can take (the second item of each ``(label, value)`` pair)."""
        return [o[1] if isinstance(o, tuple) else o for o in self.options]

    def build(self, w: Any) -> Any:
        """The ipywidgets control (``w`` is the ipywidgets module, imported by the caller)."""
        style, layout = {"description_width": "210px"}, w.Layout(width="560px")
        common = {"value": self.value, "description": self.description, "style": style}
        if self.kind == "checkbox":
            return w.Checkbox(**common)
        if self.kind == "buttons":
            return w.ToggleButtons(options=list(self.options), **common)
        if self.kind in ("dropdown", "selection"):
            cls = w.Dropdown if self.kind == "dropdown" else w.SelectionSlider
            return cls(options=list(self.options), layout=layout, **common)
        sliders = {"int": w.IntSlider, "float": w.FloatSlider, "log": w.FloatLogSlider}
        extra = {"base": self.base} if self.kind == "log" else {}
        step = self.step if self.step is not None else 1
        return sliders[self.kind](min=self.low, max=self.high, step=step, layout=layout, **extra, **common)


def control_defaults(controls: Sequence[Control]) -> dict[str, Any]:
    """The starting value of each control, by name: ``update(**control_defaults(CONTROLS))`` is the default view."""
    return {c.name: c.value for c in controls}


def build_panel(
    controls: Sequence[Control],
    update: Callable[..., Any],
    draw: Callable[[Any], Figure],
    describe: Callable[[Any], str],
    *,
    on_change: OnChange | None = None,
) -> Any:
    """The live widget: controls, a readout and the figure, redrawn whenever a control changes.

    ``on_change(name, values)`` may return, per control name, attributes to set on that control (for example
    ``{"element": {"max": 16}}``) before the redraw, so that every reachable setting stays valid.
    The readout is the panel's second-to-last child and the figure's output area its last.
    """
    import ipywidgets as w
    from IPython.display import display

    names = [c.name for c in controls]
    if len(set(names)) != len(names):
        raise ValueError(f"control names must be distinct, got {names}")
    widgets = {c.name: c.build(w) for c in controls}
    readout, out = w.HTML(), w.Output()
    adjusting = [False]  # no redraws while a hook makes the controls consistent

    def redraw() -> None:
        data = update(**{name: widget.value for name, widget in widgets.items()})
        readout.value = describe(data)
        fig = draw(data)
        with out:
            out.clear_output(wait=True)
            display(fig)
        plt.close(fig)

    def changed(change: Mapping[str, Any]) -> None:
        if adjusting[0]:
            return
        if on_change is not None:
            name = next(n for n, widget in widgets.items() if widget is change["owner"])
            adjusting[0] = True
            try:
                values = {n: widget.value for n, widget in widgets.items()}
                for target, attributes in on_change(name, values).items():
                    for attribute, value in attributes.items():
                        setattr(widgets[target], attribute, value)
            finally:
                adjusting[0] = False
        redraw()

    for widget in widgets.values():
        widget.observe(changed, names="value")
    _load_backend()
    redraw()
    return w.VBox([*widgets.values(), readout, out])
