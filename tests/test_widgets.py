"""Every widget module keeps the contract: a labelled static twin, a working widget, a pure update()."""

from __future__ import annotations

import importlib
import pkgutil

import matplotlib.pyplot as plt
import pytest

import zkedu.widgets
from tests.notebooks import ROOT
from zkedu.widgets.common import label, new_figure, unlabelled_axes

WIDGET_MODULES = sorted(
    m.name for m in pkgutil.iter_modules(zkedu.widgets.__path__) if m.name.startswith("ch")
)


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


@pytest.mark.parametrize("name", WIDGET_MODULES)
def test_widget_builds_and_update_returns_data(name: str) -> None:
    import ipywidgets

    module = importlib.import_module(f"zkedu.widgets.{name}")
    widget = module.make_widget()
    assert isinstance(widget, ipywidgets.Widget)
    assert module.update() is not None
    plt.close("all")


@pytest.mark.parametrize("name", WIDGET_MODULES)
def test_chapter_shows_both_the_widget_and_its_static_twin(name: str) -> None:
    number = name[2:4]
    chapters = list((ROOT / "book").glob(f"{number}_*.md"))
    assert chapters, f"no chapter {number} for widget module {name}"
    text = chapters[0].read_text()
    assert name in text, f"{chapters[0].name} does not use zkedu.widgets.{name}"
    assert "static_figure(" in text and "make_widget(" in text, chapters[0].name
