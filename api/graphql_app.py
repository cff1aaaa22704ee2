"""Mount GraphQL on the FastAPI app: /graphql (GraphiQL when enabled), context with the caller's role."""

from __future__ import annotations

from fastapi import FastAPI
from strawberry.fastapi import GraphQLRouter

from api.auth import KeyRing
from api.context import context_getter
from api.schema import build_schema
from graph.settings import get_api_settings


def mount_graphql(app: FastAPI) -> None:
    """Add the GraphQL router at ``/graphql``."""
    settings = get_api_settings()
    keyring = KeyRing(settings)
    router: GraphQLRouter[object, None] = GraphQLRouter(
        build_schema(settings),
        context_getter=context_getter(keyring, settings),
        graphql_ide="graphiql" if settings.graphiql else None,
        multipart_uploads_enabled=False,
    )
    app.include_router(router, prefix="/graphql")
