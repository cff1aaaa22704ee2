"""``gridlink query``: list, show and run the named Cypher queries of ``queries/``.

The CLI carries no Cypher: it looks the query up in the catalog, types the ``--param k=v`` values by the
header's declared types (:mod:`queries.params`) and prints the records as a table or JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from graph.i18n import gettext as _
from queries.catalog import catalog, get
from queries.errors import QueryError

out = Console(soft_wrap=False)
err = Console(stderr=True, soft_wrap=True)

query_app = typer.Typer(help="List, show and run the named Cypher queries (the same ones the API and the "
                        "Browser guide use).", no_args_is_help=True)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn query errors into a message and a hint (exit 1), never a traceback."""
    try:
        yield
    except QueryError as e:
        err.print(f"[red]{_('error:')}[/] {e}", highlight=False)
        if e.hint:
            err.print(f"[yellow]{_('how to fix:')}[/] {e.hint}", highlight=False)
        raise typer.Exit(1) from None


def _params_text(params: dict[str, str]) -> str:
    return ", ".join(f"{k} ({v})" for k, v in params.items())


@query_app.command("list")
def list_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    every: Annotated[bool, typer.Option(
        "--all", help="Also the program's own statements: the ingest's named ones (queries/ingest/) and the ones "
                      "it generates from its write specs, so every statement gridlink can send is listed.")] = False,
) -> None:
    """List every named query with its title and typed parameters."""
    import json

    from queries.catalog import generated, group, groups

    listed = [("catalog", q) for q in catalog().values()]
    if every:
        listed += [(g, q) for g in groups() for q in group(g).values()]
        listed += [("generated", q) for q in generated()]
    if as_json:
        out.print_json(json.dumps([{"name": q.name, "title": q.title, "description": q.description,
                                    "params": q.params, "returns": list(q.returns)}
                                   | ({"group": g} if every else {}) for g, q in listed], ensure_ascii=False))
        return
    table = Table(title=_("{count} named queries").format(count=len(listed)), show_lines=False)
    table.add_column(_("name"), style="bold cyan", no_wrap=True)
    if every:
        table.add_column(_("group"))
    table.add_column(_("title"))
    table.add_column(_("params"))
    for g, q in listed:
        table.add_row(q.name, *([g] if every else []), Text(_(q.title)), Text(_params_text(q.params)))
    out.print(table)


@query_app.command("show")
def show_cmd(name: Annotated[str, typer.Argument(help="Query name (see `gridlink query list`).")]) -> None:
    """Print a query paste-ready for Neo4j Browser: its example `:param` lines, then the Cypher."""
    with _user_errors():
        q = get(name)
    # plain echo: the text must paste unchanged, never wrapped or highlighted
    lines = [f"// {_(q.title)}", f"// {_(q.description)}"]
    if q.params:
        lines.append(f"// params: {_params_text(q.params)}")
    lines.append(f"// returns: {', '.join(q.returns)}")
    lines.extend(q.examples)
    lines.append(q.text + ";")
    typer.echo("\n".join(lines))


@query_app.command("run")
def run_cmd(
    name: Annotated[str, typer.Argument(help="Query name (see `gridlink query list`).")],
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="A parameter as name=value, typed by the query header (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the records as a JSON array.")] = False,
    timeout: Annotated[float | None, typer.Option(help="Server-side timeout in seconds.")] = None,
) -> None:
    """Run a named query and print its records (a table, or JSON with --json)."""
    from queries.catalog import run
    from queries.params import parse_assignments
    from queries.render import records_to_json, to_text

    with _user_errors():
        q = get(name)
        values = parse_assignments(q, param or [])
        result = run(name, values, timeout=timeout)
    if as_json:
        # plain print: rich would re-highlight and wrap the JSON
        typer.echo(records_to_json(result.keys, result.records))
        return
    table = Table(title=_(q.title), caption=_("{count} rows").format(count=len(result.records)))
    for key in result.keys:
        table.add_column(key, overflow="fold")
    for rec in result.records:
        table.add_row(*(Text(to_text(rec[k])) for k in result.keys))  # no markup
    out.print(table)


def register(app: typer.Typer) -> None:
    """Add the ``query`` group to the root app."""
    app.add_typer(query_app, name="query")
