"""The live path end to end: JupyterLab on loopback, a chapter opened as a notebook in Chromium, run, slid.

Run by ``make test-browser`` (marker ``live``). JupyterLab comes from the pinned environment; it serves a
copy of the book (so an autosave can never touch the sources) with the same settings ``make lab`` writes.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser import chromium_or_skip, watch
from tests.notebooks import ROOT
from zkedu._labconfig import OVERRIDES

pytestmark = [pytest.mark.live, pytest.mark.xdist_group("browser")]

CHAPTER = "book/08_fees.md"
SLIDER_LABEL = "L1 gas price [gwei]"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory):
    """A JupyterLab server on 127.0.0.1 over a copy of the book; stopped with SIGINT (its clean shutdown)."""
    home = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "book", home / "book", ignore=shutil.ignore_patterns("_build", "*.ipynb"))
    shutil.copy(ROOT / "jupytext.toml", home / "jupytext.toml")
    settings = home / "settings"
    for plugin, values in OVERRIDES.items():
        package, name = plugin.split(":")
        target = settings / package / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    }
    command = [
        str(Path(sys.executable).parent / "jupyter-lab"), "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={home}", "--LabApp.expose_app_in_browser=True",
        "--ServerApp.disable_check_xsrf=False", "--LanguageServerManager.autodetect=False",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = open(home / "lab.log", "w")  # closed in the finally below
    server = subprocess.Popen(command, cwd=home, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/api/status?token={token}", server, home / "lab.log")
        yield {"base": base, "token": token, "home": home}
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    assert server.returncode is not None


def _wait_until_up(url: str, server: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def browser():
    yield from chromium_or_skip()


NOTEBOOK = "jupyterapp.shell.currentWidget"
KERNEL_IDLE = (
    f"() => {{ const w = window.jupyterapp && {NOTEBOOK}; const k = w && w.sessionContext && w.sessionContext.session"
    " && w.sessionContext.session.kernel; return !!(k && k.status === 'idle' && w.content"
    " && w.content.widgets.length); }"
)
ALL_RUN = (
    f"() => {{ const w = {NOTEBOOK}; const code = w.content.widgets.filter(c => c.model.type === 'code');"
    " return w.sessionContext.session.kernel.status === 'idle'"
    " && code.every(c => c.model.executionCount !== null); }"
)
ERRORS = (
    f"() => {NOTEBOOK}.content.widgets.filter(c => c.model.type === 'code')"
    ".flatMap(c => c.model.outputs.toJSON()).filter(o => o.output_type === 'error')"
    ".map(o => o.ename + ': ' + o.evalue)"
)


def test_chapter_runs_live_and_its_widget_responds_to_a_slider(lab: dict, browser) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log = watch(page)
    try:
        page.goto(f"{lab['base']}/lab/tree/{CHAPTER}?token={lab['token']}", timeout=90_000)
        page.wait_for_function(KERNEL_IDLE, timeout=90_000)
        assert page.evaluate(f"{NOTEBOOK}.context.path") == CHAPTER
        assert page.evaluate(f"!!{NOTEBOOK}.content.widgets"), f"{CHAPTER} did not open as a notebook"
        page.evaluate("jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_timeout(1000)
        page.wait_for_function(ALL_RUN, timeout=120_000)
        errors = page.evaluate(ERRORS)
        assert not errors, f"{CHAPTER}: cells raised in JupyterLab: {errors}"

        slider = page.locator(".widget-slider", has_text=SLIDER_LABEL).first
        slider.scroll_into_view_if_needed(timeout=30_000)
        readout = slider.locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]").locator(
            ".widget-html-content"
        ).first
        before = readout.inner_text()
        assert before.strip(), "the widget's readout is empty before the slider moved"
        handle = slider.locator(".noUi-handle").first
        handle.focus()
        for _ in range(20):
            handle.press("ArrowRight")
        page.wait_for_function(
            "([el, text]) => el.innerText !== text", arg=[readout.element_handle(), before], timeout=20_000
        )
        after = readout.inner_text()
        assert after != before
        # Save from JupyterLab, as its autosave would: the chapter's source must come back byte for byte.
        page.evaluate(f"{NOTEBOOK}.context.save()")
        page.wait_for_function(f"!{NOTEBOOK}.context.model.dirty", timeout=30_000)
    finally:
        context.close()
    assert not log.page_errors, f"page exceptions in JupyterLab: {log.page_errors}"
    saved = (lab["home"] / CHAPTER).read_text()
    assert saved == (ROOT / CHAPTER).read_text(), f"saving {CHAPTER} from JupyterLab rewrote it"
