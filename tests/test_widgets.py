"""Every widget module keeps the contract: a labelled, legible static twin, a working widget, a pure update()."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from typing import Any

import ipywidgets
import matplotlib.pyplot as plt
import nbclient
import nbformat
import numpy as np
import pytest
from matplotlib.figure import Figure

import zkedu.widgets
from tests.notebooks import ROOT
from zkedu.widgets import ch01_rollups, ch02_fields
from zkedu.widgets.common import (
    Control,
    build_panel,
    control_defaults,
    label,
    legibility_problems,
    new_figure,
    static_twin,
    unlabelled_axes,
)

WIDGET_MODULES = sorted(
    m.name for m in pkgutil.iter_modules(zkedu.widgets.__path__) if m.name.startswith("ch")
)
# Modules built on the shared panel layer declare CONTROLS; their figures are held to the book's width.
PANEL_MODULES = [n for n in WIDGET_MODULES if hasattr(importlib.import_module(f"zkedu.widgets.{n}"), "CONTROLS")]


def same(a: Any, b: Any) -> bool:
    """Equality that looks inside dataclasses, dicts, sequences and numpy arrays."""
    if dataclasses.is_dataclass(a) and type(a) is type(b):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(np.asarray(a), np.asarray(b), equal_nan=True)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(np.all(a == b))


def test_figure_helpers_refuse_missing_labels() -> None:
    with pytest.raises(ValueError, match="title"):
        new_figure("")
    fig, (ax,) = new_figure("A title")
    with pytest.raises(ValueError, match="xlabel"):
        label(ax, "t", "", "y [units]")
    assert unlabelled_axes(fig) == ["axes 0 has no title", "axes 0 has no xlabel", "axes 0 has no ylabel"]
    label(ax, "t", "x [s]", "y [gas]")
    assert unlabelled_axes(fig) == []
    plt.close(fig)


def test_static_twin_is_detached_from_pyplot_whatever_draw_did() -> None:
    before = plt.get_fignums()

    def draw_with_pyplot(title: str) -> Figure:
        fig, (ax,) = new_figure(title)  # a pyplot figure
        label(ax, "t", "x [s]", "y [s]")
        return fig

    fig = static_twin(draw_with_pyplot, "managed")
    assert isinstance(fig, Figure) and plt.get_fignums() == before
    detached, _ = new_figure("detached", detached=True)
    assert plt.get_fignums() == before and static_twin(lambda: detached) is detached
    with pytest.raises(TypeError, match="must return a matplotlib Figure, got str"):
        static_twin(lambda: "not a figure")


def test_legibility_flags_text_too_small_at_the_book_width() -> None:
    fig, (ax,) = new_figure("wide", size=(15.0, 4.0), detached=True)
    label(ax, "t", "x [s]", "y [s]")
    assert any("renders at" in p for p in legibility_problems(fig))  # 10 pt on 15 in: about 7 px
    fig, (ax,) = new_figure("narrow", size=(7.5, 4.0), detached=True)
    label(ax, "t", "x [s]", "y [s]")
    assert legibility_problems(fig) == []


@pytest.mark.parametrize("name", WIDGET_MODULES)
def test_static_twin_is_titled_and_labelled(name: str) -> None:
    module = importlib.import_module(f"zkedu.widgets.{name}")
    fig = module.static_figure()
    try:
        titles = [fig.get_suptitle()] + [ax.get_title() for ax in fig.axes]
        assert any(titles), f"{name}.static_figure() has no title"
        assert unlabelled_axes(fig) == [], f"{name}: {unlabelled_axes(fig)}"
    finally:
        plt.close(fig)


@pytest.mark.parametrize("name", PANEL_MODULES)
def test_static_twin_is_detached_and_legible_at_the_book_width(name: str) -> None:
    before = plt.get_fignums()
    fig = importlib.import_module(f"zkedu.widgets.{name}").static_figure()
    assert plt.get_fignums() == before, f"{name}.static_figure() left pyplot state behind"
    assert legibility_problems(fig) == [], name


@pytest.mark.parametrize("name", WIDGET_MODULES)
def test_widget_builds_and_update_is_pure(name: str) -> None:
    module = importlib.import_module(f"zkedu.widgets.{name}")
    widget = module.make_widget()
    assert isinstance(widget, ipywidgets.Widget)
    assert same(module.update(), module.update()), f"{name}.update() is not deterministic"
    plt.close("all")


@pytest.mark.parametrize("name", PANEL_MODULES)
def test_controls_are_the_keywords_of_update(name: str) -> None:
    module = importlib.import_module(f"zkedu.widgets.{name}")
    names = [c.name for c in module.CONTROLS]
    assert set(names) <= set(inspect.signature(module.update).parameters), name
    assert same(module.update(**control_defaults(module.CONTROLS)), module.update()), name


def test_panel_redraws_and_describes_the_new_setting_when_a_slider_moves() -> None:
    panel = ch01_rollups.make_widget()
    slider, readout = panel.children[0], panel.children[-2]
    assert slider.description == "batch size [txs]" and readout.value == ch01_rollups.describe(ch01_rollups.update())
    slider.value = 10
    assert readout.value == ch01_rollups.describe(ch01_rollups.update(batch_size=10))
    assert "<b>10 txs</b>" in readout.value


def test_panel_hook_keeps_dependent_controls_valid() -> None:
    panel = ch02_fields.make_widget()
    prime, element, order = panel.children[:3]
    element.value = 16
    prime.value = 7  # F_7: elements 1..6, roots of unity of orders dividing 6
    assert (element.value, element.max) == (6, 6)
    assert list(order.options) == [1, 2, 3, 6] and order.value == 2
    assert "order of 6" in panel.children[-2].value


def test_panel_builder_refuses_duplicate_controls() -> None:
    c = Control("x", "x [units]", 1, "int", 0, 2)
    with pytest.raises(ValueError, match="distinct"):
        build_panel([c, c], lambda x: x, lambda data: Figure(), str)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"kind": "dial"}, ValueError, "kind must be one of"),
        ({"low": 5, "high": 2}, ValueError, "needs low < high"),
        ({"value": 9}, ValueError, "outside 0..2"),
        ({"name": "not a keyword"}, ValueError, "update\\(\\) keyword"),
        ({"kind": "dropdown", "options": (0, 2)}, ValueError, "not among its options"),
        ({"kind": "checkbox"}, TypeError, "must be a bool"),
    ],
)
def test_a_control_spec_refuses_what_no_widget_could_show(kwargs: dict, error: type, match: str) -> None:
    spec = {"name": "x", "description": "x [units]", "value": 1, "kind": "int", "low": 0, "high": 2, **kwargs}
    with pytest.raises(error, match=match):
        Control(**spec)


@pytest.mark.parametrize("name", WIDGET_MODULES)
def test_chapter_shows_both_the_widget_and_its_static_twin(name: str) -> None:
    number = name[2:4]
    chapters = list((ROOT / "book").glob(f"{number}_*.md"))
    assert chapters, f"no chapter {number} for widget module {name}"
    text = chapters[0].read_text()
    assert name in text, f"{chapters[0].name} does not use zkedu.widgets.{name}"
    assert "static_figure(" in text and "make_widget(" in text, chapters[0].name


@pytest.mark.parametrize("backend", [None, "Agg"], ids=["inline", "agg-inherited"])
def test_a_fresh_kernel_shows_a_static_twin_as_an_image(monkeypatch: pytest.MonkeyPatch, backend: str | None) -> None:
    # A detached figure is shown as an image only once pyplot has loaded its backend: nothing else may do it.
    # A kernel that inherits MPLBACKEND=Agg (from this test runner, say) must still show an image, not text.
    if backend is None:
        monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel picks its inline backend
    else:
        monkeypatch.setenv("MPLBACKEND", backend)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from zkedu.widgets import ch05_kzg\nch05_kzg.static_figure()")]
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    (output,) = nb.cells[0].outputs
    assert "image/png" in output["data"]
