"""The built book as a reader meets it: every page in headless Chromium, served on loopback, network cut.

Run by ``make test-browser`` (marker ``browser``), not by the default suite. It reuses ``_build/html`` when
that holds every page of the table of contents, and builds the book otherwise. Screenshots of each chapter
go to ``_build/screenshots``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser import chromium_or_skip, serve, watch
from tests.notebooks import ROOT, chapter_notebooks, toc_files

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

HTML = ROOT / "_build" / "html"
SCREENSHOTS = ROOT / "_build" / "screenshots"
WIDTH = 1280

# Patterns of TeX that should have been typeset: a reader must never see them as text.
RAW_TEX = re.compile(r"\$\$|\$(?=[^\d\s$])|\\[A-Za-z]{2,}|\\[()\[\]_{}]")


def _page(source: Path) -> Path:
    return HTML / source.relative_to(ROOT).with_suffix(".html")


def _book_is_built() -> bool:
    return all(_page(p).exists() for p in toc_files())


@pytest.fixture(scope="module")
def book() -> Path:
    if not _book_is_built():
        jupyter_book = Path(sys.executable).parent / "jupyter-book"
        proc = subprocess.run(
            [str(jupyter_book), "build", str(ROOT), "--builder", "html", "--keep-going"],
            cwd=ROOT, capture_output=True, text=True, timeout=900,
        )
        assert proc.returncode == 0 and _book_is_built(), f"book build failed:\n{(proc.stdout + proc.stderr)[-6000:]}"
    return HTML


@pytest.fixture(scope="module")
def browser():
    yield from chromium_or_skip()


@pytest.fixture(scope="module")
def base_url(book: Path):
    with serve(book) as base:
        yield base


# Runs in the page once it has loaded and MathJax has finished: everything the checks below need.
INSPECT_JS = """
async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  const widgetViews = [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')];
  const prose = document.querySelector('main') || document.body;
  const clone = prose.cloneNode(true);
  clone.querySelectorAll('pre, code, script, style, mjx-container, .highlight, textarea, .sig, .widget-subarea')
       .forEach(e => e.remove());
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    wideElements: [...document.querySelectorAll('main *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                     && getComputedStyle(e).position !== 'fixed')
        .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.')),
    mathSources: document.querySelectorAll('.math, span.math, div.math').length,
    mathTypeset: document.querySelectorAll('mjx-container').length,
    mathErrors: [...document.querySelectorAll('mjx-merror')]
        .map(e => e.getAttribute('data-mjx-error') || e.textContent),
    proseText: clone.innerText,
    images: [...document.querySelectorAll('main img')].map(i => ({src: i.getAttribute('src'),
        ok: i.complete && i.naturalWidth > 0})),
    widgetViews: widgetViews.length,
    widgetsRendered: widgetViews.filter(s => {
        const el = s.previousElementSibling;
        return el && (el.classList.contains('widget-subarea') || el.classList.contains('jupyter-widgets')) &&
               el.querySelector('input, button, select, .widget-slider, .slider, .widget-readout');
    }).length,
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    searchBars: [...document.querySelectorAll('form.bd-search, .search-button-field, input[type=search]')]
        .filter(e => e.offsetParent !== null && !e.closest('dialog')).length,
  };
}
"""


def _pages() -> list[Path]:
    return toc_files()


@pytest.mark.parametrize("source", _pages(), ids=[p.stem for p in _pages()])
def test_page_in_a_real_browser_offline(source: Path, browser, base_url: str, book: Path) -> None:
    relative = _page(source).relative_to(book).as_posix()
    context = browser.new_context(viewport={"width": WIDTH, "height": 900}, service_workers="block")
    page = context.new_page()
    log = watch(page)
    try:
        page.goto(f"{base_url}/{relative}", wait_until="load", timeout=60_000)
        _wait_for_widgets(page)
        info = page.evaluate(INSPECT_JS)
        if source in chapter_notebooks():
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{source.stem}.png"), full_page=True)
    finally:
        context.close()

    problems = log.problems()
    problems += _layout_problems(info)
    problems += _math_problems(info)
    problems += [f"figure did not load: {i['src']}" for i in info["images"] if not i["ok"]]
    if info["widgetViews"] != info["widgetsRendered"]:
        problems.append(f"{info['widgetViews'] - info['widgetsRendered']} of {info['widgetViews']} saved widgets "
                        "rendered no controls")
    problems += _link_problems(info["links"], base_url, book)
    if info["searchBars"] > 1:
        problems.append(f"{info['searchBars']} search bars are visible")
    assert not problems, f"{relative}:\n  " + "\n  ".join(problems)


def _wait_for_widgets(page) -> None:
    """Give the widget manager time to render each saved snapshot; the check below reports any it did not."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(
            "[...document.querySelectorAll('script[type=\"application/vnd.jupyter.widget-view+json\"]')]"
            ".every(s => s.previousElementSibling && s.previousElementSibling.querySelector('.jupyter-widgets'))",
            timeout=15_000,
        )
    except PlaywrightTimeout:
        pass


def _layout_problems(info: dict) -> list[str]:
    if info["scrollWidth"] <= info["clientWidth"] + 1:
        return []
    return [f"page scrolls sideways at {WIDTH} px: {info['scrollWidth']} px wide; widest: {info['wideElements']}"]


def _math_problems(info: dict) -> list[str]:
    problems = [f"MathJax error: {e}" for e in info["mathErrors"]]
    if info["mathSources"] and not info["mathTypeset"]:
        problems.append(f"{info['mathSources']} math elements but nothing typeset")
    for match in list(RAW_TEX.finditer(info["proseText"]))[:5]:
        start = max(0, match.start() - 40)
        problems.append(f"raw TeX in the text: ...{info['proseText'][start:match.end() + 40]!r}...")
    return problems


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)


_IDS: dict[Path, set[str]] = {}


def _ids(path: Path) -> set[str]:
    if path not in _IDS:
        parser = _Ids()
        parser.feed(path.read_text(errors="replace"))
        _IDS[path] = parser.ids
    return _IDS[path]


def _link_problems(links: list[str], base_url: str, book: Path) -> list[str]:
    """Every link into the book names an existing file, and an existing anchor in it."""
    problems = []
    for link in sorted(set(links)):
        if not link.startswith(base_url):
            continue
        parts = urlsplit(link)
        target = book / unquote(parts.path).lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            problems.append(f"broken internal link: {link} (no {target.relative_to(book)})")
            continue
        if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
            problems.append(f"broken anchor: {link}")
    return problems


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("So the prover divides, $ and publishes the proof\\pi = [q(\\tau)]_1, one more", True),  # ch05 before
        ("O / \\texttt{max\\_pubdata}", True),  # ch08 before
        ("a $$ inside bytes", True),
        ("balances log-uniform in $1-$10M, amounts in $1-$10k", False),  # prices are prose
        ("a backslash\\ alone", False),
    ],
)
def test_raw_tex_pattern_catches_untypeset_math_and_spares_prices(text: str, raw: bool) -> None:
    assert bool(RAW_TEX.search(text)) is raw
