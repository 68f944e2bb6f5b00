"""The whole book builds with warnings as errors, and the built HTML is what a reader needs."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.notebooks import ROOT, chapter_notebooks, toc_files

HTML = ROOT / "_build" / "html"


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


@pytest.fixture(scope="module")
def built_book() -> Path:
    # xdist may hand this module's tests to both workers; one build per run, the other worker waits and reuses it
    # (two concurrent builds into one _build race on Sphinx's temporary files).
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")
    stamp = ROOT / "_build" / ".built-by-run"
    stamp.parent.mkdir(exist_ok=True)
    with open(ROOT / "_build" / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if run_id and stamp.exists() and stamp.read_text() == run_id:
            return HTML
        _build_book()
        stamp.write_text(run_id)
    return HTML


def _build_book() -> None:
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    proc = subprocess.run(
        [str(jupyter_book), "build", str(ROOT), "--builder", "html", "-W", "-n", "--keep-going"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"book build failed (warnings are errors):\n{log[-8000:]}"


def _page(html_root: Path, source: Path) -> Path:
    return html_root / source.relative_to(ROOT).with_suffix(".html")


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_every_toc_page_is_built(built_book: Path) -> None:
    missing = [str(p) for p in toc_files() if not _page(built_book, p).exists()]
    assert not missing, f"pages in _toc.yml with no HTML: {missing}"


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_every_figure_has_alt_text(built_book: Path) -> None:
    problems = []
    for source in chapter_notebooks():
        parser = _Images()
        parser.feed(_page(built_book, source).read_text())
        for img in parser.images:
            if "logo" in (img.get("class") or ""):
                continue
            if not (img.get("alt") or "").strip() or img.get("alt") == "../_images":
                problems.append(f"{source.name}: <img src={img.get('src')!r}> has no alt text")
    assert not problems, "\n".join(problems)


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_chapters_show_no_errors_or_tracebacks(built_book: Path) -> None:
    for source in chapter_notebooks():
        text = _page(built_book, source).read_text()
        assert "Traceback (most recent call last)" not in text, f"{source.name} shows a traceback"


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_chapters_with_widgets_show_a_static_figure(built_book: Path) -> None:
    for source in chapter_notebooks():
        text = source.read_text()
        if "make_widget(" not in text:
            continue
        page = _page(built_book, source).read_text()
        assert "<img" in page, f"{source.name} has a widget but no static figure in the HTML"


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_executed_notebooks_are_downloadable(built_book: Path) -> None:
    for source in chapter_notebooks():
        executed = built_book / "_sources" / source.relative_to(ROOT).with_suffix(".ipynb")
        assert executed.exists(), f"no executed notebook offered for {source.name} at {executed}"
        nb = json.loads(executed.read_text())
        outputs = [c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code"]
        assert any(outputs), f"the notebook offered for {source.name} was not executed"


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_math_renders_offline(built_book: Path) -> None:
    pages_with_math = [p for p in chapter_notebooks() if 'class="math' in _page(built_book, p).read_text()]
    assert pages_with_math, "no chapter renders any math"
    assert (built_book / "_static" / "mathjax" / "tex-chtml.js").exists()
    for source in pages_with_math:
        page = _page(built_book, source).read_text()
        assert "_static/mathjax/tex-chtml.js" in page, f"{source.name} loads MathJax from elsewhere"
        assert "cdn.jsdelivr.net/npm/mathjax" not in page, f"{source.name} needs the network for math"


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_pages_load_no_script_or_style_from_the_network(built_book: Path) -> None:
    """Every script and stylesheet a page loads is the book's own (widgets included)."""
    import re

    remote = re.compile(r"""<(?:script|link)\b[^>]*(?:src|href)="(https?:)?//[^"]+"[^>]*>""")
    for source in toc_files():
        found = [m.group(0) for m in remote.finditer(_page(built_book, source).read_text())]
        found = [tag for tag in found if "<link" not in tag or "stylesheet" in tag or "preload" in tag]
        assert not found, f"{source.name} loads from the network: {found[:3]}"


# What a reader sees in a browser (math typeset, widgets rendered, no errors, offline) is checked page by
# page in tests/test_browser.py, run by `make test-browser`.


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_each_citation_label_names_one_source(built_book: Path) -> None:
    """Two different sources never read the same (e.g. seven times "Matter Labs, 2026")."""

    sources_by_label: dict[str, set[str]] = {}
    for source in chapter_notebooks():
        for _anchor, title, label in _citations(_page(built_book, source).read_text()):
            sources_by_label.setdefault(label, set()).add(title)
    assert sources_by_label, "no citations found in any chapter"
    shared = {label: sorted(titles) for label, titles in sources_by_label.items() if len(titles) > 1}
    assert not shared, f"citation labels shared by several sources: {shared}"
    bibliography = (built_book / "book" / "bibliography.html").read_text()
    for lowered in ("Zksync", "eip-4844</span>"):
        assert lowered not in bibliography, f"a title lost its capitals in the bibliography: {lowered!r}"


def _citations(html: str) -> list[tuple[str, str, str]]:
    """(bibliography anchor, hover title, visible text) of each citation link on a page, tags stripped."""
    import re

    link = re.compile(r'<a class="reference internal" href="bibliography\.html#([^"]*)" title="([^"]*)">(.*?)</a>')
    return [(anchor, title, re.sub(r"<[^>]+>", "", text)) for anchor, title, text in link.findall(html)]


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_the_bibliography_labels_each_source_as_its_citations_read(built_book: Path) -> None:
    """A citation reading "Gabizon et al., 2019" leads to an entry labelled [Gabizon et al., 2019], not [16]."""
    import re

    bibliography = (built_book / "book" / "bibliography.html").read_text()
    entry = re.compile(r'id="([^"]+)" role="doc-biblioentry">\s*<span class="label"><span class="fn-bracket">\[</span>'
                       r"(.*?)<span class=\"fn-bracket\">\]</span>")
    labels = {anchor: re.sub(r"<[^>]+>", "", text) for anchor, text in entry.findall(bibliography)}
    assert len(labels) >= 50, f"only {len(labels)} labelled entries found in the bibliography"
    assert not any(label.isdigit() for label in labels.values()), "the bibliography still numbers its entries"
    checked = 0
    for source in chapter_notebooks():
        for anchor, _title, text in _citations(_page(built_book, source).read_text()):
            assert labels.get(anchor) == text, f"{source.name}: citation {text!r} leads to [{labels.get(anchor)}]"
            checked += 1
    assert checked >= 50, f"only {checked} citations checked"


@pytest.mark.book
@pytest.mark.xdist_group("book")
def test_no_dollar_amount_is_typeset_as_math(built_book: Path) -> None:
    """Money such as "$5M a year at $0.05" reads as money, not as the formula "5M a year at" (escape it: \\$)."""
    import html
    import re

    prose_in_math = []
    for page in sorted((built_book / "book").glob("*.html")):
        for body in re.findall(r"\\\((.*?)\\\)", page.read_text(), re.S):
            text = html.unescape(re.sub(r"<[^>]+>", "", body))
            words = re.search(r"(?<!\\)\b[a-z]{2,} [a-z]{2,}\b", text)
            if words and not re.search(r"\\(text|mathrm|operatorname)", text):
                prose_in_math.append(f"{page.name}: {text[:60]!r}")
    assert not prose_in_math, f"prose typeset as math (an unescaped $?): {prose_in_math}"

