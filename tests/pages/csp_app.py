"""The real app behind a strict Content-Security-Policy, for the browser tests (uvicorn ``csp_app:create_app``).

The policy is the one the pages are written for: scripts only from the API itself (no inline script, no eval), no
outside origin at all; styles may be inline because React (GraphiQL) and Leaflet set element styles.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

from api.app import create_app as create_api

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def create_app() -> FastAPI:
    """The API with the policy on every response (a header set by the API itself wins)."""
    app = create_api()

    @app.middleware("http")
    async def csp(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response

    return app
