"""Every chapter in the table of contents runs top to bottom from a fresh kernel, with no error output."""

from __future__ import annotations

import pytest

from tests.notebooks import chapter_notebooks, execute_chapter

CHAPTERS = chapter_notebooks()


def test_toc_lists_chapters() -> None:
    assert len(CHAPTERS) >= 2, [p.name for p in CHAPTERS]


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapter_is_not_a_stub(path) -> None:
    text = path.read_text()
    assert "STUB" not in text, f"{path.name} is still a placeholder"
    assert text.count("```{code-cell}") >= 5, f"{path.name} has too few code cells to compute anything live"


@pytest.mark.chapter
@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapter_executes_from_fresh_kernel(path) -> None:
    nb, _seconds = execute_chapter(path)  # time is reported by `make bench`, not asserted
    errors = [
        (i, o.get("ename"))
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert not errors, f"{path.name}: error outputs in cells {errors}"
