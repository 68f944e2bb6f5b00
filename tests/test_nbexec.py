"""Cells that print into an Output widget never stall execution (zkedu._nbexec), even when the reply races."""

from __future__ import annotations

import time

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.output_widget import OutputWidget

from zkedu import _nbexec

DELAY = 0.5  # seconds slept before each widget send: the cell's execute_reply arrives meanwhile
TIMEOUT = 6  # a stalled cell hits this; a healthy one takes well under a second


def _widget_notebook(cells: int = 3) -> nbformat.NotebookNode:
    # The kernel finishes the cell (execute_reply) while the client still sleeps before its widget send.
    source = (
        "import time\nimport ipywidgets as w\nout = w.Output()\n"
        f"with out:\n    print('inside the widget')\ntime.sleep({DELAY / 4})\nout"
    )
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for _ in range(cells)])


@pytest.fixture
def delayed_widget_send(monkeypatch: pytest.MonkeyPatch):
    """Sleep (blocking the event loop, as a slow machine does) just before the Output widget's send."""

    def install_delay() -> None:
        send = OutputWidget._publish_msg

        def slow(self, *args, **kwargs):
            time.sleep(DELAY)
            return send(self, *args, **kwargs)

        monkeypatch.setattr(OutputWidget, "_publish_msg", slow)

    yield install_delay
    _nbexec.install()  # tests/notebooks.py installs it for the whole session; leave it installed


def _run(nb: nbformat.NotebookNode) -> list[float]:
    """Execute the notebook; return each code cell's wall-clock seconds from request to reply."""
    started: dict[int, float] = {}
    seconds: list[float] = []
    client = NotebookClient(
        nb,
        timeout=TIMEOUT,
        kernel_name="python3",
        on_cell_execute=lambda cell, cell_index: started.__setitem__(cell_index, time.monotonic()),
        on_cell_executed=lambda cell, cell_index, execute_reply: seconds.append(
            time.monotonic() - started[cell_index]
        ),
    )
    client.execute()
    return seconds


@pytest.mark.slow
def test_unpatched_nbclient_stalls_when_the_reply_arrives_before_the_widget_send(delayed_widget_send) -> None:
    """The bug the fix prevents, reproduced: without the patch the reply sits unread until the cell timeout."""
    _nbexec.uninstall()
    delayed_widget_send()
    (seconds,) = _run(_widget_notebook(cells=1))
    assert seconds >= TIMEOUT - 0.5, f"expected the unpatched client to stall ~{TIMEOUT} s, took {seconds:.1f} s"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("send", "poll"), [(True, True), (True, False), (False, True)], ids=["both", "send-fix-alone", "poll-loop-alone"]
)
def test_patched_widget_cells_finish_promptly_despite_a_delayed_send(delayed_widget_send, send, poll) -> None:
    """Each half of the fix suffices on its own: the send keeps the wake-up, the poll loop recovers it."""
    _nbexec.install(send=send, poll=poll)
    delayed_widget_send()
    nb = _widget_notebook()
    seconds = _run(nb)
    assert max(seconds) < 3, f"a widget cell took {max(seconds):.1f} s: {seconds}"
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    outputs = [m["state"].get("outputs") for m in state.values() if m["model_name"] == "OutputModel"]
    assert all(o and "inside the widget" in o[0]["text"] for o in outputs), outputs


def test_install_is_idempotent_and_reversible() -> None:
    from jupyter_client.channels import AsyncZMQSocketChannel

    _nbexec.install()
    _nbexec.install()
    assert OutputWidget._publish_msg is _nbexec._publish_msg
    assert AsyncZMQSocketChannel.get_msg is _nbexec._get_msg
    _nbexec.uninstall()
    assert OutputWidget._publish_msg is _nbexec._ORIGINAL_PUBLISH
    assert AsyncZMQSocketChannel.get_msg is _nbexec._ORIGINAL_GET_MSG
    _nbexec.install()
