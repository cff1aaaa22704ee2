"""The HTTP layer's guards: bodies streamed and refused at the size limit, slow bodies timed out, security
headers on every response, and refusals shaped as GraphQL errors.

A pure ASGI middleware rather than FastAPI's ``BaseHTTPMiddleware``: it reads the body message by message and
answers ``413`` as soon as the bytes received pass the limit (or at once when ``Content-Length`` says so), instead
of reading a 64 MiB body whole first as strawberry's ``request.body()`` did (issue #11). The accepted body is
replayed to the application unchanged.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

from starlette.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

#: the pages served here (GraphiQL, /docs, the guide, the map) load scripts from this origin only and carry no
#: inline script (the policy tests/pages checks them under); styles may be inline: React and Leaflet set them
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def error_response(status: int, code: str, message: str, headers: Mapping[str, str] | None = None,
                   **extensions: Any) -> JSONResponse:
    """A refusal in the shape of a GraphQL response: ``{"errors": [{"message", "extensions": {"code", …}}]}``."""
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code, **extensions}}]},
                        status_code=status, headers=headers)


class _Refused(Exception):
    def __init__(self, response: JSONResponse) -> None:
        super().__init__(response.status_code)
        self.response = response


class HttpGuard:
    """ASGI middleware: security headers, the body size limit and the body timeout (see the module docstring)."""

    def __init__(self, app: App, max_body_bytes: int, body_timeout_s: float) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_timeout_s = body_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        try:
            body = await self._read_body(scope, receive)
        except _Refused as r:
            r.response.headers["connection"] = "close"  # the rest of the body is never read
            await r.response(scope, receive, send_with_headers)
            return
        if body is None:
            await self.app(scope, receive, send_with_headers)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # http.disconnect, for streaming responses

        await self.app(scope, replay, send_with_headers)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes | None:
        """The whole body (``None`` for methods without one); raises :class:`_Refused` over the limit or late."""
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            return None
        limit = self.max_body_bytes
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    raise _Refused(error_response(400, "BAD_REQUEST", "Content-Length is not a number")) from None
                if declared > limit:
                    raise _Refused(self._too_large(declared))
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self.body_timeout_s):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        raise _Refused(error_response(400, "BAD_REQUEST", "the client went away"))
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > limit:
                        raise _Refused(self._too_large(None))
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        return b"".join(chunks)
        except TimeoutError:
            raise _Refused(error_response(
                408, "REQUEST_TIMEOUT", f"the request body did not arrive within {self.body_timeout_s:g} s",
                limit=self.body_timeout_s)) from None

    def _too_large(self, declared: int | None) -> JSONResponse:
        what = f"the request is {declared} bytes" if declared is not None else "the request is larger than that"
        return error_response(413, "PAYLOAD_TOO_LARGE", f"{what}; the limit is {self.max_body_bytes} bytes",
                              limit=self.max_body_bytes)


def decode_body(data: str | bytes) -> object:
    """JSON of a GraphQL request body; :class:`ValueError` with a message for the client when it is not.

    Any undecodable body is the client's fault: not UTF-8, an integer of more than 4,300 digits (``json.loads``
    raises ``ValueError``, which was a 500), nesting too deep, or JSON that is not an object or a list.
    """
    try:
        value = json.loads(data)
    except UnicodeDecodeError as e:
        raise ValueError("Unable to parse request body as JSON: it is not UTF-8") from e
    except RecursionError as e:
        raise ValueError("Unable to parse request body as JSON: it is nested too deeply") from e
    except ValueError as e:  # JSONDecodeError, and int() of a number over the digit limit
        raise ValueError(f"Unable to parse request body as JSON: {str(e)[:120]}") from e
    if not isinstance(value, dict | list):
        raise ValueError("A GraphQL request is a JSON object: {\"query\": \"...\", \"variables\": {}}")
    return value
