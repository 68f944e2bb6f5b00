"""Opening a chapter in JupyterLab (jupytext's contents manager) and saving it never rewrites its source."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupytext import TextFileContentsManager

from tests.notebooks import ROOT, toc_files

CHAPTERS = toc_files()  # every page opens in Lab through jupytext, not only the executable ones


def _as_lab_leaves_it(nb: nbformat.NotebookNode) -> None:
    """What a live session adds: the running kernel's spec, kernel info, widget state, outputs and timings."""
    spec = KernelSpecManager().get_kernel_spec("python3")
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": spec.display_name, "language": spec.language}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.2", "file_extension": ".py"}
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2, "version_minor": 0}
    }
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code":
            cell.execution_count = number
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="output\n")]
            cell.metadata["trusted"] = True
            cell.metadata["execution"] = {"iopub.execute_input": "2026-11-29T00:00:00Z"}


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_open_run_and_save_in_lab_leaves_the_chapter_byte_identical(path: Path, tmp_path: Path) -> None:
    shutil.copy(ROOT / "jupytext.toml", tmp_path / "jupytext.toml")
    relative = path.relative_to(ROOT)
    (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, tmp_path / relative)
    manager = TextFileContentsManager(root_dir=str(tmp_path))
    model = manager.get(relative.as_posix(), type="notebook", content=True)
    _as_lab_leaves_it(model["content"])
    manager.save({"type": "notebook", "format": "json", "content": model["content"]}, relative.as_posix())
    saved = (tmp_path / relative).read_text()
    original = path.read_text()
    if saved != original:
        import difflib

        diff = "".join(list(difflib.unified_diff(original.splitlines(True), saved.splitlines(True), n=1))[:30])
        pytest.fail(
            f"{relative}: saving from JupyterLab would rewrite it. Give it the front matter of an existing chapter"
            " (it carries `notebook_metadata_filter: -jupytext.text_representation.jupytext_version`), then"
            f" normalise it once: `jupytext --to md:myst --output {relative} {relative}`\n{diff}"
        )
