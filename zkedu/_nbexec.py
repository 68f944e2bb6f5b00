"""Keep nbclient from stalling on cells that display into an ipywidgets Output widget.

When a cell prints into an ``Output`` widget, nbclient imitates a front end and sends a ``comm_msg``
back to the kernel on the shell channel. It sends through ``Session.send``, which wraps the client's
asyncio zmq socket in a blocking *shadow* socket. A zmq socket signals "readable" on an edge-triggered
file descriptor; if the cell's ``execute_reply`` has just arrived, the shadow's send consumes that
edge, and nbclient's ``await shell_channel.get_msg(timeout=...)`` never wakes: the reply sits unread
until the cell timeout expires (two minutes instead of a fraction of a second).

:func:`install` fixes the cause and bounds the symptom:

- the Output widget's send goes through the asyncio socket itself, whose wrapper re-arms any pending
  receive after a send (pyzmq's ``_schedule_remaining_events``);
- a channel's wait for a message is a loop of short polls (``POLL_INTERVAL``), each of which ends by
  asking zmq directly whether a message is there, so a wake-up lost for any other reason costs at most
  one interval instead of the whole cell timeout.

It is applied by the test harness (``tests/notebooks.py``) and, as a Sphinx extension listed in
``_config.yml``, by the book build before MyST-NB executes anything.

Upstream: jupyter/nbclient issue 312 and pull request 311; jupyter/jupyter_client pull request 1059.
"""

from __future__ import annotations

from queue import Empty
from time import monotonic
from typing import Any

import zmq.asyncio
from jupyter_client.channels import AsyncZMQSocketChannel
from nbclient.jsonutil import json_clean
from nbclient.output_widget import OutputWidget

POLL_INTERVAL = 0.5  # seconds: the longest a lost wake-up can delay a message

_ORIGINAL_PUBLISH = OutputWidget._publish_msg
_ORIGINAL_GET_MSG = AsyncZMQSocketChannel.get_msg


def send_on_shell(kernel_client: Any, msg: dict[str, Any], buffers: list[Any] | None = None) -> None:
    """Send a message on the client's shell channel through its own (asyncio, if so) socket.

    Source: ``jupyter_client.session.Session.send`` (serialisation) and ``zmq._future._AsyncSocket``
    (a send on the asyncio socket schedules the receivers it has pending).
    """
    channel = kernel_client.shell_channel
    socket = channel.socket
    if not isinstance(socket, zmq.asyncio.Socket):
        channel.send(msg)  # a blocking client has no edge to lose
        return
    session = kernel_client.session
    if session.adapt_version:
        from jupyter_client.adapter import adapt

        msg = adapt(msg, session.adapt_version)
    frames = session.serialize(msg)
    frames.extend(buffers or [])
    socket.send_multipart(frames)  # a Future; done at once unless the socket is full, then sent by the loop


def _publish_msg(
    self: OutputWidget,
    msg_type: str,
    data: dict[str, Any] | None = None,
    metadata: dict[str, Any] | None = None,
    buffers: list[Any] | None = None,
    **keys: Any,
) -> None:
    """OutputWidget._publish_msg, sending through the asyncio socket (same message as nbclient's)."""
    content = json_clean(dict(data={} if data is None else data, comm_id=self.comm_id, **keys))
    msg = self.kernel_client.session.msg(
        msg_type, content=content, parent=self.parent_header, metadata={} if metadata is None else metadata
    )
    send_on_shell(self.kernel_client, msg)


async def _get_msg(self: AsyncZMQSocketChannel, timeout: float | None = None) -> dict[str, Any]:
    """AsyncZMQSocketChannel.get_msg as a loop of short polls: same result, never blind for longer than one.

    Source: ``jupyter_client.channels.AsyncZMQSocketChannel.get_msg``; a pyzmq asyncio poll that times out
    finishes with a synchronous ``zmq_poll(0)``, which sees a message whose edge notification was lost.
    """
    deadline = None if timeout is None else monotonic() + timeout
    while True:
        step = POLL_INTERVAL if deadline is None else max(0.0, min(POLL_INTERVAL, deadline - monotonic()))
        if await self.socket.poll(int(step * 1000)):
            return await self._recv()
        if deadline is not None and monotonic() >= deadline:
            raise Empty


def install(*, send: bool = True, poll: bool = True) -> None:
    """Patch nbclient's Output-widget send and jupyter_client's async waits in this process (idempotent)."""
    OutputWidget._publish_msg = _publish_msg if send else _ORIGINAL_PUBLISH  # type: ignore[method-assign]
    AsyncZMQSocketChannel.get_msg = _get_msg if poll else _ORIGINAL_GET_MSG  # type: ignore[method-assign]


def uninstall() -> None:
    """Restore nbclient's and jupyter_client's own code (the regression test shows the stall it allows)."""
    install(send=False, poll=False)


def setup(app: Any) -> dict[str, Any]:
    """Sphinx extension entry point: patch before MyST-NB executes the chapters."""
    install()
    return {"parallel_read_safe": True, "parallel_write_safe": True}
