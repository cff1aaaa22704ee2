"""Issue #11.18: connections that never send a request, or send their headers too slowly, are closed; idle
keep-alive connections are closed too. A real uvicorn server (on a free port, in a thread) with the options
``gridlink serve`` uses; the app is a trivial one: no Neo4j is involved.

The tests wait for the server to close the connection; the socket timeout only keeps a regression from hanging
the suite (it is ten times the server's deadline), nothing is asserted about time.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from api.connections import uvicorn_options

DEADLINE_S = 0.5


async def _hello(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
    await send({"type": "http.response.body", "body": b"ok"})


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    config = uvicorn.Config(_hello, host="127.0.0.1", port=port, log_level="warning", lifespan="off",
                            **uvicorn_options(header_timeout_s=DEADLINE_S, keep_alive_timeout_s=1))
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.02)
    yield port
    srv.should_exit = True
    thread.join(10)


def _closed_by_server(conn: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    conn.settimeout(DEADLINE_S * 10)
    received = b""
    while True:
        try:
            chunk = conn.recv(65536)
        except TimeoutError:
            pytest.fail(f"the server kept the connection open; received {received!r}")
        if not chunk:
            return received
        received += chunk


def test_a_connection_that_sends_nothing_is_closed(server):
    with socket.create_connection(("127.0.0.1", server)) as conn:
        assert _closed_by_server(conn) == b""


def test_headers_sent_a_byte_at_a_time_are_cut_off(server):
    with socket.create_connection(("127.0.0.1", server)) as conn:
        conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        # the rest never comes: the head is incomplete when the deadline passes
        assert _closed_by_server(conn) == b""


def test_a_complete_request_is_answered_then_the_idle_connection_closed(server):
    with socket.create_connection(("127.0.0.1", server)) as conn:
        conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = _closed_by_server(conn)
        assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"ok")


def test_an_oversized_head_is_refused(server):
    with socket.create_connection(("127.0.0.1", server)) as conn:
        # still unfinished after 20 KB: h11 stops buffering at 16 KiB instead of waiting for the end
        conn.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20_000)
        answer = _closed_by_server(conn)
        assert answer.startswith((b"HTTP/1.1 400", b"HTTP/1.1 431")), answer[:100]
