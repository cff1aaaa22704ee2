"""Mount GraphQL on the FastAPI app: /graphql (GraphiQL when enabled), context with the caller's role."""

from __future__ import annotations

import json

from cross_web import HTTPException
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from strawberry.fastapi import GraphQLRouter

from api.auth import KeyRing
from api.context import context_getter
from api.pages import graphiql_html, request_lang
from api.schema import build_schema
from api.settings import get_api_settings

#: bytes of one request: a document is at most ``max_tokens`` tokens, so only huge variables come near this
MAX_BODY_BYTES = 1_000_000


class _Router(GraphQLRouter[object, None]):
    """Strawberry's router, refusing with 400/413 the bodies its own parser turns into a 500 or swallows.

    Found by fuzzing (tests/fuzz): a body that is not UTF-8, JSON that is not an object (``null``, ``1``,
    ``"x"``) or nested 100 000 deep raised UnicodeDecodeError / AttributeError / RecursionError inside
    strawberry; megabyte strings in variables went all the way to Neo4j.
    """

    def decode_json(self, data: str | bytes) -> object:
        if len(data) > MAX_BODY_BYTES:
            raise HTTPException(413, f"the request is {len(data)} bytes; the limit is {MAX_BODY_BYTES} bytes")
        try:
            value = json.loads(data)
        except UnicodeDecodeError as e:
            raise HTTPException(400, "Unable to parse request body as JSON: it is not UTF-8") from e
        except RecursionError as e:
            raise HTTPException(400, "Unable to parse request body as JSON: it is nested too deeply") from e
        if not isinstance(value, dict | list):
            raise HTTPException(400, "A GraphQL request is a JSON object: {\"query\": \"...\", \"variables\": {}}")
        return value

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        """GraphiQL from the vendored assets (strawberry's own page loads React and GraphiQL from a CDN)."""
        return HTMLResponse(graphiql_html(request_lang(request)))


def mount_graphql(app: FastAPI) -> None:
    """Add the GraphQL router at ``/graphql``."""
    settings = get_api_settings()
    keyring = KeyRing(settings)
    router = _Router(
        build_schema(settings),
        context_getter=context_getter(keyring, settings),
        graphql_ide="graphiql" if settings.graphiql else None,
        multipart_uploads_enabled=False,
    )
    app.include_router(router, prefix="/graphql")
