"""Mount GraphQL on the FastAPI app: /graphql (GraphiQL when enabled), context with the caller's role.

Every refusal at the HTTP level — an unknown key (401), a rate limit (429), a body that is not a GraphQL request
(400), a wrong method (405) — is a GraphQL-shaped JSON error with ``extensions.code``, never text/plain or
FastAPI's ``{"detail": …}``. Error messages are cut to :data:`MAX_MESSAGE` characters and every error carries a
code (graphql-core's variable-coercion errors have none of their own: they are the client's, ``BAD_USER_INPUT``).
"""

from __future__ import annotations

import json
from typing import Any

from cross_web import HTTPException
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from api.auth import KeyRing
from api.context import Refusal, context_getter
from api.http_guard import decode_body, error_response
from api.pages import graphiql_html, request_lang
from api.ratelimit import RateLimiter
from api.schema import build_schema
from api.settings import get_api_settings

GRAPHQL_PATH = "/graphql"
#: characters of an error message sent back (a message quoting a 1 MB variable must not grow the response)
MAX_MESSAGE = 500
_CODES = {400: "BAD_REQUEST", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 413: "PAYLOAD_TOO_LARGE",
          415: "UNSUPPORTED_MEDIA_TYPE"}


class _Router(GraphQLRouter[object, None]):
    """Strawberry's router with GraphQL-shaped refusals (see the module docstring).

    Found by fuzzing (tests/fuzz) and by trying the API (issue #11): a body that is not UTF-8, JSON that is not an
    object, nested 100 000 deep, or holding an integer of more than 4,300 digits raised inside strawberry (500).
    """

    def decode_json(self, data: str | bytes) -> object:
        try:
            return decode_body(data)
        except ValueError as e:
            raise HTTPException(400, str(e)) from e

    def encode_json(self, data: object) -> str | bytes:
        """UTF-8 JSON: Chinese text as itself (3 bytes a character), not ``\\uXXXX`` escapes (6)."""
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        try:
            return text.encode()
        except UnicodeEncodeError:  # a lone surrogate quoted from the client's text: escaped, as by default
            return json.dumps(data, separators=(",", ":"))

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        try:
            return await super().run(request, context, root_value)
        except HTTPException as e:
            return error_response(e.status_code, _CODES.get(e.status_code, "BAD_REQUEST"), e.reason[:MAX_MESSAGE])

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        """GraphiQL from the vendored assets (strawberry's own page loads React and GraphiQL from a CDN)."""
        return HTMLResponse(graphiql_html(request_lang(request)))

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        response = await super().process_result(request, result)
        errors: list[dict[str, Any]] = response.get("errors") or []  # type: ignore[assignment]
        for error in errors:
            message = error.get("message", "")
            if len(message) > MAX_MESSAGE:
                error["message"] = message[:MAX_MESSAGE] + "… (cut)"
            extensions = error.setdefault("extensions", {})
            extensions.setdefault("code", "BAD_USER_INPUT")
        return response


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refusal)
    return exc.response


async def _http_error(request: Request, exc: Exception) -> Response:
    # FastAPI's own refusals (405 for PUT, 404 under /graphql) answer {"detail": …}: GraphQL-shaped on /graphql
    assert isinstance(exc, StarletteHTTPException)
    if not request.url.path.startswith(GRAPHQL_PATH):
        return await http_exception_handler(request, exc)
    return error_response(exc.status_code, _CODES.get(exc.status_code, "BAD_REQUEST"), str(exc.detail)[:MAX_MESSAGE],
                          headers=exc.headers)


def mount_graphql(app: FastAPI) -> None:
    """Add the GraphQL router at ``/graphql``."""
    settings = get_api_settings()
    keyring = KeyRing(settings)
    limiter = RateLimiter(settings.rate_limit_per_key, settings.rate_limit_per_address)
    router = _Router(
        build_schema(settings),
        context_getter=context_getter(keyring, settings, limiter),
        graphql_ide="graphiql" if settings.graphiql else None,
        multipart_uploads_enabled=False,
    )
    app.add_exception_handler(Refusal, _refused)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.include_router(router, prefix=GRAPHQL_PATH)
