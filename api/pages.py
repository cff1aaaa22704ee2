"""The pages people open in a browser: GraphiQL at ``/graphql``, the API docs at ``/docs``, the map at ``/map``.

Every page loads its scripts and styles from ``/static`` (``api/static``: the vendored libraries of
``api/vendor.py`` and gridlink's own page scripts), never from a CDN, and carries no inline script, so it works
on a network with no internet and under a Content-Security-Policy of ``script-src 'self'``. Page text comes from
the gettext catalog (``graph/i18n.py``): Chinese unless ``?lang=en`` or ``GRIDLINK_LANG=en``.
"""

from __future__ import annotations

import html
from functools import lru_cache
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from graph.i18n import pick, translations

STATIC_PATH = "/static"


@lru_cache(maxsize=8)
def template(name: str) -> str:
    """The text of ``api/templates/<name>``."""
    return resources.files("api").joinpath("templates", name).read_text(encoding="utf-8")


def page(name: str, lang: str, **values: str) -> str:
    """Fill a template: ``{lang}`` plus ``values`` (HTML-escaped here; translate them before).

    ``messages`` is JSON for a ``<script type="application/json">`` data block, whose text is not HTML-decoded:
    it is kept as is but for ``<``, written ``\u003c`` so the text cannot close the block.
    """
    escaped = {k: v.replace("<", "\\u003c") if k == "messages" else html.escape(v, quote=True)
               for k, v in values.items()}
    return template(name).format(lang="zh-CN" if lang == "zh" else lang, **escaped)


def request_lang(request: Request) -> str:
    """The page language of this request (``?lang=``, else ``GRIDLINK_LANG``, else Chinese)."""
    return pick(request.query_params.get("lang"))


EXAMPLE_QUERY = """# {intro}
# {run}
{{
  divisions {{ code name level gridCount }}
}}
"""


def graphiql_html(lang: str) -> str:
    """The GraphiQL page, wired to the vendored React and GraphiQL."""
    _ = translations(lang).gettext
    example = EXAMPLE_QUERY.format(intro=_("gridlink GraphQL: which resources could serve this grid, and why."),
                                   run=_("Run the query with Ctrl-Enter or the ▶ button."))
    return page("graphiql.html", lang, title=_("gridlink GraphQL"), loading=_("Loading…"), example=example)


def mount_pages(app: FastAPI) -> None:
    """Serve ``/static`` and the API docs at ``/docs`` from the vendored Swagger UI (the app has ``docs_url=None``)."""
    app.mount(STATIC_PATH, StaticFiles(packages=[("api", "static")]), name="static")
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        lang = request_lang(request)
        _ = translations(lang).gettext
        return HTMLResponse(page("docs.html", lang, title=_("gridlink API docs"), openapi_url=openapi_url))
