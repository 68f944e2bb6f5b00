"""Render a built page in headless Chromium (Debian's package) and return the DOM after scripts ran."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Flags for a sandboxed, offline machine: no background traffic, no first-run or sync chatter.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def find_chromium() -> str | None:
    for name in (os.environ.get("ZKEDU_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
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


def dump_dom(chromium: str, url: str, budget_ms: int = 20000) -> str:
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}",
             "--dump-dom", url],
            capture_output=True, text=True, timeout=120,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"chromium failed on {url}: {proc.stderr[-2000:]}")
    return proc.stdout


def screenshot(chromium: str, url: str, out: Path, size: str = "1280,2400") -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=20000",
             f"--window-size={size}", f"--screenshot={out}", url],
            capture_output=True, text=True, timeout=120, check=True,
        )
    return out
