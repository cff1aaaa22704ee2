"""The ``gridlink`` command: the root app, the ``db`` group and ``up`` (the main job).

The other packages' commands are added here, explicitly, through their ``register(app)`` functions:
``ingest.cli`` (ingest), ``gridlink.demo.cli`` (demo), ``queries.cli`` (query), ``api.cli`` (serve, api-schema).
This module sits in the top layer because it wires all of them together. Logging is configured here and only here.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Annotated

import typer
from rich.console import Console

from api import cli as api_cli
from api.settings import get_api_settings
from graph import server
from graph.errors import GridlinkError
from graph.i18n import gettext as _
from gridlink import report as report_cli
from gridlink.cli_lang import TranslatedGroup
from gridlink.demo import cli as demo_cli
from ingest import cli as ingest_cli
from queries import cli as queries_cli

# logs and CI capture stderr without a terminal, where rich would assume 80 columns and cut table headers
console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)
app = typer.Typer(
    name="gridlink",
    help="Knowledge graph of the units that co-build community services: which resources could serve "
    "this grid, and why.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # tracebacks with locals could print passwords
    rich_markup_mode="rich",
    cls=TranslatedGroup,  # help and messages in Chinese unless GRIDLINK_LANG=en (gridlink/cli_lang.py)
)
db_app = typer.Typer(help="Run the local Neo4j 5.26 (from Maven Central jars) and manage the schema.",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.callback()
def _root(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug details to stderr.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # the driver logs every retry at INFO; keep the CLI readable
    logging.getLogger("neo4j").setLevel(logging.WARNING)
    # planner notices (e.g. "label does not exist" on an empty graph) are for query authors, not CLI users;
    # the query tests check them
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


@db_app.command("start")
def db_start() -> None:
    """Provision Neo4j once (into ~/.cache/gridlink), start it, wait until Bolt answers, apply the schema."""
    t0 = time.monotonic()
    with console.status(_("starting Neo4j (the first start downloads ~140 MB of jars with Maven)…")):
        st, started = server.start(quiet=True, extra_conf=browser_conf())
    _migrate()
    verb = _("started") if started else _("already running")
    console.print("[green]" + _("Neo4j {version} {verb}").format(version=st.version, verb=verb) + "[/] "
                  + _("in {seconds:.1f}s").format(seconds=time.monotonic() - t0))
    _print_status(st)


@db_app.command("stop")
def db_stop() -> None:
    """Stop the local Neo4j cleanly (the graph stays on disk)."""
    stopped = server.stop()
    console.print(f"[green]{_('Neo4j stopped')}[/]" if stopped else _("Neo4j was not running"))


@db_app.command("status")
def db_status() -> None:
    """Tell whether the local Neo4j runs, its URIs, version, data folder and log file."""
    st = server.status()
    console.print(f"[green]{_('running')}[/]" if st.running else f"[yellow]{_('not running')}[/]")
    _print_status(st)
    if not st.running:
        raise typer.Exit(3)


@db_app.command("migrate")
def db_migrate() -> None:
    """Apply the graph schema (constraints and indexes) idempotently; record the version in the graph."""
    _migrate()


def browser_conf() -> list[str]:
    """The Neo4j Browser lines of ``neo4j.conf``: play the guide that the API (as configured) serves."""
    from queries.browser.conf import browser_conf_lines

    api = get_api_settings()
    return browser_conf_lines(api.host, api.port)


def _migrate() -> int:
    from graph.driver import get_driver
    from graph.schema import migrate

    version = migrate(get_driver())
    console.print(_("schema at version {version}").format(version=version))
    return version


def _print_status(st: server.ServerStatus) -> None:
    console.print(f"  bolt     {st.bolt_uri}\n  browser  {st.browser_url}\n  version  {st.version or '-'}\n"
                  f"  pid      {st.pid or '-'}\n  home     {st.home}\n  log      {st.log_file}")


@app.command("up")
def up(
    demo: Annotated[bool, typer.Option(help="Load the demo data set when the graph has none.")] = True,
    serve: Annotated[bool, typer.Option(help="Serve the API after set-up (Ctrl-C stops it).")] = True,
) -> None:
    """The main job: start the local Neo4j, apply the schema, load the demo data, serve the API."""
    if serve:  # before the set-up, not after it: the port is the one thing that can be taken
        api_cli.check_port_free()
    db_start()
    if demo:
        from gridlink.demo import ensure_demo_loaded

        ensure_demo_loaded(console)
    st = server.status()
    from graph.settings import get_neo4j_settings

    password_note = (_("password gridlink-dev") if get_neo4j_settings().password.get_secret_value() == "gridlink-dev"
                     else _("password from NEO4J_PASSWORD"))
    console.print(f"[bold]Neo4j Browser:[/] {st.browser_url}  ({_('user neo4j')}, {password_note})")
    if serve:
        s = get_api_settings()
        console.print(f"[bold]API:[/] http://{s.host}:{s.port}/graphql  {_('health')}: "
                      f"http://{s.host}:{s.port}/healthz")
        api_cli.serve()


# the commands of the other packages, in the order `gridlink --help` lists them
for _register in (ingest_cli.register, demo_cli.register, queries_cli.register, api_cli.register,
                  report_cli.register):
    _register(app)


def main() -> None:
    """Console entry point: run the app, turning known errors into a message and a hint, never a traceback."""
    try:
        app()
    except GridlinkError as e:
        console.print(f"[red]{_('error:')}[/] {e}")
        if e.hint:
            console.print(f"[yellow]{_('how to fix:')}[/] {e.hint}")
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - last resort: the driver's errors carry a clear message already
        import neo4j

        if isinstance(e, neo4j.exceptions.ServiceUnavailable | neo4j.exceptions.AuthError):
            console.print(f"[red]{_('error:')}[/] {_('cannot use Neo4j at the configured NEO4J_URI:')} {e}")
            console.print(f"[yellow]{_('how to fix:')}[/] "
                          + _("run `gridlink db start`, or set NEO4J_URI / NEO4J_PASSWORD"))
            sys.exit(1)
        raise


if __name__ == "__main__":
    main()
