"""A client of Streamlit's own protocol (WebSocket + protobuf), for the load benchmark and the serving
tests: it opens a session as a browser would, asks for a page, changes a widget, and times each rerun
until the server says the script finished. No browser, so that 60 simulated users fit on 2 cores.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

STREAM_PATH = "/_stcore/stream"


@dataclass
class Rerun:
    """What one rerun sent back."""

    seconds: float
    bytes: int
    errors: list[str] = field(default_factory=list)
    metrics: dict[str, str] = field(default_factory=dict)
    widgets: dict[str, object] = field(default_factory=dict)  # user key -> element proto
    titles: list[str] = field(default_factory=list)


class Session:
    """One browser tab's session: a WebSocket to the server, reruns on demand."""

    def __init__(self, base_url: str, cookie: str | None = None, timeout: float = 120.0):
        self.url = base_url.replace("http://", "ws://").rstrip("/") + STREAM_PATH
        self.cookie = cookie
        self.timeout = timeout
        self.socket = None

    async def __aenter__(self) -> Session:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        self.socket = await websockets.connect(
            self.url, subprotocols=["streamlit"], max_size=None, additional_headers=headers
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self.socket.close()

    async def rerun(
        self, page: str = "", query: str = "", widgets: list[WidgetState] | None = None
    ) -> Rerun:
        """Ask for `page` with the URL's `query` and these widget values; wait for the end."""
        message = BackMsg()
        message.rerun_script.query_string = query
        message.rerun_script.page_name = page
        for state in widgets or []:
            message.rerun_script.widget_states.widgets.append(state)
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        result = Rerun(0.0, 0)
        while True:
            data = await asyncio.wait_for(self.socket.recv(), self.timeout)
            result.bytes += len(data)
            forward = ForwardMsg()
            forward.ParseFromString(data)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                _read_element(forward.delta.new_element, result)
            elif kind == "script_finished":
                if forward.script_finished not in (0, 3):  # finished, or stopped by a rerun
                    result.errors.append(f"script_finished={forward.script_finished}")
                break
        result.seconds = time.perf_counter() - started
        return result


def _read_element(element, result: Rerun) -> None:
    kind = element.WhichOneof("type")
    if kind == "exception":
        result.errors.append(element.exception.message or element.exception.type)
    elif kind == "metric":
        result.metrics[element.metric.label] = element.metric.body
    elif kind == "heading":
        result.titles.append(element.heading.body)
    proto = getattr(element, kind, None) if kind else None
    widget_id = getattr(proto, "id", "") if proto is not None else ""
    if isinstance(widget_id, str) and widget_id.startswith("$$ID-"):
        key = widget_id.split("-", 2)[-1]
        result.widgets[key] = proto


def choice(widget, index: int) -> WidgetState:
    """The state of a select_slider moved to option `index` (sent as its label, as the browser does)."""
    state = WidgetState(id=widget.id)
    state.string_array_value.data.append(widget.options[index])
    return state
