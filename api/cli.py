"""``gridlink serve``: the API under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from api.settings import get_api_settings
from graph.errors import PortInUseError
from graph.i18n import gettext as _


def check_port_free(host: str | None = None, port: int | None = None) -> None:
    """Raise :class:`~graph.errors.PortInUseError` when the API's address is taken (uvicorn would only log
    ``[Errno 98]`` and exit, and ``gridlink up`` would find out after the whole demo load)."""
    from graph.server import port_in_use

    s = get_api_settings()
    host, port = host or s.host, port or s.port
    if port_in_use(host, port):
        raise PortInUseError(
            f"the API cannot listen on {host}:{port}: it is in use by another program",
            hint=f"stop the program using port {port} (an earlier `gridlink up` or `gridlink serve`?), or pick "
                 f"another port: GRIDLINK_API_PORT={port + 1} gridlink up")


def serve(host: str | None = None, port: int | None = None, reload: bool = False,
          workers: int | None = None) -> None:
    """Run the API in this process until interrupted."""
    import uvicorn

    s = get_api_settings()
    check_port_free(host, port)
    from api.connections import uvicorn_options

    uvicorn.run("api.app:create_app", factory=True, host=host or s.host, port=port or s.port,
                reload=reload, workers=None if reload else (workers or s.workers), log_level="info",
                **uvicorn_options(s.header_timeout_s, s.keep_alive_timeout_s))


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the root app."""

    @app.command("serve")
    def serve_cmd(
        host: Annotated[str | None, typer.Option(help="Bind address (default GRIDLINK_API_HOST or 127.0.0.1).")] = None,
        port: Annotated[int | None, typer.Option(help="Port (default GRIDLINK_API_PORT or 8000).")] = None,
        reload: Annotated[bool, typer.Option(help="Reload on code changes (development).")] = False,
        workers: Annotated[int | None, typer.Option(
            min=1, max=32, help="Worker processes behind the port (default GRIDLINK_API_WORKERS or 1).")] = None,
    ) -> None:
        """Serve the GraphQL API (/graphql), health (/healthz, /readyz) and OpenAPI docs (/docs)."""
        serve(host, port, reload, workers)

    @app.command("api-schema")
    def api_schema_cmd(
        check: Annotated[bool, typer.Option(help="Fail if api/schema.graphql differs from the code.")] = False,
    ) -> None:
        """Write the GraphQL SDL to api/schema.graphql (or --check that it is current)."""
        from api.schema import SDL_PATH, sdl

        text = sdl()
        if check:
            if SDL_PATH.read_text(encoding="utf-8") != text:
                typer.echo(_("{path} is out of date; run `gridlink api-schema` and commit it").format(
                    path=SDL_PATH), err=True)
                raise typer.Exit(1)
            typer.echo(_("{path} is current").format(path=SDL_PATH))
            return
        SDL_PATH.write_text(text, encoding="utf-8")
        typer.echo(_("wrote {path}").format(path=SDL_PATH))
