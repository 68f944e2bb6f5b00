"""Headless Chromium (Debian's package, driven by Playwright) against pages served on loopback, network cut.

Playwright's own browser download is never used: the browser is the system's ``chromium``, launched through
``executable_path``. Every request that does not go to 127.0.0.1 is aborted and recorded.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

# Keep the browser off the network and quiet: no background traffic, no first-run or sync chatter.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
    "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-pings",
    "--dns-prefetch-disable", "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
LOCAL_HOSTS = {"127.0.0.1"}


def find_chromium() -> str | None:
    """Debian's chromium (or $ZKEDU_CHROMIUM), never a browser Playwright would download."""
    for name in (os.environ.get("ZKEDU_CHROMIUM", ""), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on a free loopback port for the duration of the block; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def launch_chromium(chromium: str) -> Iterator[Any]:
    """A headless Playwright Browser running the given chromium binary."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageLog:
    """What a page did while it loaded: console errors, exceptions, failed and external requests."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"page exception: {m}" for m in self.page_errors]
            + [f"failed request: {m}" for m in self.failed_requests]
            + [f"external request (blocked): {m}" for m in self.external_requests]
        )


def watch(page: Any) -> PageLog:
    """Record a page's errors and requests; abort every request that leaves the machine."""
    log = PageLog()

    def route(route: Any) -> None:
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            log.external_requests.append(url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda msg: msg.type == "error" and log.console_errors.append(_console_text(msg)))
    page.on("pageerror", lambda err: log.page_errors.append(str(err)))
    page.on(
        "requestfailed",
        lambda req: urlsplit(req.url).hostname in LOCAL_HOSTS
        and log.failed_requests.append(f"{req.url} ({req.failure})"),
    )
    page.on(
        "response",
        lambda resp: resp.status >= 400 and log.failed_requests.append(f"{resp.url} (HTTP {resp.status})"),
    )
    return log


def _console_text(msg: Any) -> str:
    location = msg.location or {}
    where = f" at {location.get('url', '')}:{location.get('lineNumber', '')}" if location.get("url") else ""
    return f"{msg.text}{where}"


def chromium_or_skip() -> Iterator[Any]:
    """A launched headless Chromium for a module-scoped fixture: a failure under CI, a skip elsewhere, if absent."""
    chromium = find_chromium()
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium for the browser tests (see .ci/run)")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    with launch_chromium(chromium) as browser:
        yield browser
