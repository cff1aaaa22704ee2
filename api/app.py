"""The FastAPI application: health endpoints now, GraphQL at /graphql (see api/schema.py)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import neo4j
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from api.graphql_app import mount_graphql
from api.http_guard import HttpGuard
from api.map import mount_map
from api.pages import mount_pages
from api.settings import get_api_settings
from graph.driver import close_driver, get_driver
from graph.schema import current_version, migrations
from queries.browser.conf import guide_base_url
from queries.browser.routes import mount_guide

log = logging.getLogger(__name__)


def _readiness() -> tuple[bool, dict[str, object]]:
    try:
        version = current_version(get_driver())
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as e:
        return False, {"neo4j": "unreachable", "detail": type(e).__name__}
    latest = migrations()[-1].version
    ok = version >= latest
    return ok, {"neo4j": "ok", "schemaVersion": version, "expectedSchemaVersion": latest}


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Apply the schema when Neo4j is reachable; a server that is down now is retried by /readyz later.
    from graph.schema import migrate

    try:
        await run_in_threadpool(migrate, get_driver())
    except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired, OSError) as e:
        log.warning("Neo4j unreachable at start (%s); serving anyway, /readyz reports 503", type(e).__name__)
    yield
    close_driver()


def create_app() -> FastAPI:
    """Build the application (one per process; the driver is shared)."""
    app = FastAPI(title="gridlink", version="0.1.0", lifespan=_lifespan,
                  docs_url=None, redoc_url=None,  # /docs is served from the vendored Swagger UI (api/pages.py)
                  description="Which resources could serve this grid, and why.")

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"])
    async def readyz() -> JSONResponse:
        """Neo4j is reachable and the schema is migrated (503 otherwise)."""
        ok, body = await run_in_threadpool(_readiness)
        return JSONResponse({"status": "ready" if ok else "unavailable", **body}, status_code=200 if ok else 503)

    mount_pages(app)
    mount_map(app)  # /map and /map/data (api/map.py)
    mount_graphql(app)
    settings = get_api_settings()
    # the Neo4j Browser guide and style at /guide/ (see queries/browser/); its links use the configured address
    mount_guide(app, f"{settings.public_url.rstrip('/')}/guide" if settings.public_url
                else guide_base_url(settings.host, settings.port))
    # outermost: every response gets the security headers, every body is read under the size and time limits
    app.add_middleware(HttpGuard, max_body_bytes=settings.max_body_bytes, body_timeout_s=settings.body_timeout_s)
    return app
