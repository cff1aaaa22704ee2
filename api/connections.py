"""Connection limits of the served API: what uvicorn does not time out by itself.

uvicorn closes a keep-alive connection that stays idle after a response (``timeout_keep_alive``), but nothing
closes a connection that was opened and never sent a request, or that sends its request headers a byte at a
time (issue #11: "idle/unfinished connections never time out"). :func:`protocol_class` returns uvicorn's h11
protocol with a header deadline: from the moment a connection is ready for a request until that request's
headers are complete, at most ``header_timeout_s`` seconds may pass, else the connection is closed. A body that
never finishes is ended by :class:`api.http_guard.HttpGuard` (408); h11 refuses request heads larger than
:data:`MAX_HEAD_BYTES` with a 400.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

#: the largest request line + headers h11 buffers (its default, stated: a client cannot make the server hold more)
MAX_HEAD_BYTES = 16 * 1024


class _HeaderDeadlineH11Protocol(H11Protocol):
    header_timeout_s = 10.0
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request's headers are due (the keep-alive timer covers plain idleness)

    def handle_events(self) -> None:
        before = self.cycle
        super().handle_events()
        if self.cycle is not before:  # a request's headers are complete
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.header_timeout_s, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if (self.cycle is None or self.cycle.response_complete) and not self.transport.is_closing():
            self.logger.info("closing a connection whose request headers did not arrive in %ss",
                             self.header_timeout_s)
            self.transport.close()


def protocol_class(header_timeout_s: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol closing connections whose request headers take over ``header_timeout_s``."""
    return type("HeaderDeadlineH11Protocol", (_HeaderDeadlineH11Protocol,), {"header_timeout_s": header_timeout_s})


def uvicorn_options(header_timeout_s: float, keep_alive_timeout_s: int) -> dict[str, Any]:
    """The connection options ``gridlink serve`` passes to ``uvicorn.run``."""
    return {"http": protocol_class(header_timeout_s), "timeout_keep_alive": keep_alive_timeout_s,
            "h11_max_incomplete_event_size": MAX_HEAD_BYTES}
