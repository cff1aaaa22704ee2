"""Serve the Browser guide and style over HTTP from the API: ``/guide/gridlink.html`` and ``/guide/gridlink.grass``.

Neo4j Browser fetches ``:play`` and ``:style`` URLs from the page itself, so the answers need CORS headers for the
Browser's origin (http://127.0.0.1:7474 and the like). The guide fetch sends ``pragma`` and ``cache-control``
headers, which makes it a preflighted request: a plain header on the GET is not enough, hence the CORS middleware
on a small sub-application mounted at ``/guide`` (the rest of the API keeps its own policy). The content is public
and read-only, so any origin may read it; no credentials are involved.

The ``:style`` URL in the guide is the configured public address of the API, never built from the request: a
``Host`` header is the client's to choose, and was reflected into the page (issue #11).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, Response

from graph.i18n import pick
from queries.browser.guide import render
from queries.browser.legend import STYLE_FILE, style_text

GUIDE_PATH = "/guide"
GUIDE_FILE = "gridlink.html"
__all__ = ["GUIDE_FILE", "GUIDE_PATH", "STYLE_FILE", "guide_app", "mount_guide", "style_text"]


def guide_app(base_url: str) -> FastAPI:
    """The sub-application serving the guide and the style; ``base_url`` is where clients reach ``/guide``."""
    style_url = f"{base_url.rstrip('/')}/{STYLE_FILE}"
    sub = FastAPI(title="gridlink Browser guide", docs_url=None, redoc_url=None, openapi_url=None)
    sub.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"], allow_headers=["*"],
                       max_age=600)

    @sub.get(f"/{GUIDE_FILE}", response_class=HTMLResponse)
    async def guide(request: Request) -> HTMLResponse:
        """The Neo4j Browser guide (play it with `:play <this url>`; Chinese unless `?lang=en`)."""
        lang = pick(request.query_params.get("lang"))
        return HTMLResponse(render(style_url, lang=lang), headers={"Cache-Control": "no-cache"})

    @sub.get(f"/{STYLE_FILE}", name="style")
    async def style() -> Response:
        """The GraSS style (apply it with `:style <this url>`)."""
        return Response(style_text(), media_type="text/plain; charset=utf-8", headers={"Cache-Control": "no-cache"})

    return sub


def mount_guide(app: FastAPI, base_url: str) -> None:
    """Mount the guide and the style under ``/guide`` of the API; ``base_url``: the public URL of ``/guide``."""
    app.mount(GUIDE_PATH, guide_app(base_url))
