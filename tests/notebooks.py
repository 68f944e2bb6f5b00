"""Find the book's chapters in _toc.yml and execute one from a fresh kernel (shared by tests and benchmarks)."""

from __future__ import annotations

import time
from pathlib import Path

import jupytext
import nbformat
import yaml
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from zkedu import _nbexec

_nbexec.install()  # Output-widget cells must never stall on a lost zmq wake-up (see zkedu/_nbexec.py)

ROOT = Path(__file__).resolve().parents[1]


def toc_files() -> list[Path]:
    """Every page named in _toc.yml, in reading order, as a path to its source file."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    names = [toc["root"]]
    for part in toc.get("parts", []):
        names += [entry["file"] for entry in part.get("chapters", [])]
    paths = []
    for name in names:
        matches = [ROOT / f"{name}{ext}" for ext in (".md", ".ipynb") if (ROOT / f"{name}{ext}").exists()]
        if not matches:
            raise FileNotFoundError(f"_toc.yml names {name!r}, but no .md or .ipynb file exists for it")
        paths.append(matches[0])
    return paths


def is_notebook(path: Path) -> bool:
    """A MyST Markdown page is an executable notebook when its front matter names a kernel."""
    head = path.read_text().split("\n---", 1)[0]
    return path.suffix == ".ipynb" or "kernelspec:" in head


def chapter_notebooks() -> list[Path]:
    return [p for p in toc_files() if is_notebook(p)]


class ChapterCellError(AssertionError):
    """A chapter cell raised: names the chapter, the cell number and the cell's first line."""


def execute_chapter(path: Path, timeout: int = 120) -> tuple[nbformat.NotebookNode, float]:
    """Execute a chapter top to bottom in a fresh kernel; return the executed notebook and seconds taken."""
    nb = jupytext.read(path)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as err:
        code_cells = [c for c in nb.cells if c.cell_type == "code"]
        failed = next(
            (i for i, c in enumerate(code_cells) if any(o.get("output_type") == "error" for o in c.outputs)),
            None,
        )
        where = "unknown cell"
        if failed is not None:
            first_line = code_cells[failed].source.strip().splitlines()[0] if code_cells[failed].source else ""
            where = f"code cell {failed + 1} ({first_line!r})"
        raise ChapterCellError(f"{path.name}: {where} failed:\n{err}") from None
    return nb, time.perf_counter() - start
