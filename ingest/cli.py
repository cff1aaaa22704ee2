"""``gridlink ingest``: load registry exports into the graph; ``gridlink ingest history`` lists the runs.

The command is a thin shell over :func:`ingest.run.ingest_files`: it adds a progress bar, the end-of-run table
and the exit code (0 every row taken, 2 some rows rejected, 1 error).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from graph.i18n import gettext as _
from ingest.kinds import KINDS
from ingest.options import IngestOptions
from ingest.summary import RunSummary

# logs and CI capture stderr without a terminal, where rich would assume 80 columns and cut table headers
console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)

# translated here, not by the command tree (gridlink/cli_lang.py): the kind list is filled in after translation
_KIND_HELP = _("What the files hold, by the kind's name or one of its Chinese names: {kinds}. Load divisions first, "
               "then grids, then organizations, then the rest. Column headers per kind: ingest/HEADERS.md. "
               "`gridlink ingest history` lists past runs instead.").format(
    kinds=", ".join(f"{k.name} ({'/'.join(k.aliases)})" if k.aliases else k.name for k in KINDS))


def _help(option: str) -> str:
    """The option's help text: its description in :class:`~ingest.options.IngestOptions` (one text for the CLI,
    the Python API and the docs)."""
    return IngestOptions.help(option)


def _default(option: str) -> Any:
    """The option's default, from the same model."""
    return IngestOptions.model_fields[option].default


INGEST_HELP = (
    "Load registry exports (CSV, XLSX, JSONL, GeoJSON) of one KIND into the graph.\n\n"
    "Validated, idempotent (re-running changes nothing), with provenance on every node and relationship. "
    "Every row ends loaded, updated, unchanged or rejected; rejected rows go to the report with row, column "
    "and reason. Exit code: 0 all rows taken, 2 some rejected, 1 error.\n\n"
    "Example: gridlink ingest enterprises 企业名录.xlsx --sheet 2 --source scjg-2024")


def ingest(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Argument(help=_KIND_HELP, show_default=False)] = None,
    files: Annotated[list[Path] | None, typer.Argument(help="One or more files of that kind.",
                                                      show_default=False)] = None,
    format: Annotated[str | None, typer.Option(
        "--format", help=_help("format"))] = None,
    encoding: Annotated[str | None, typer.Option(help=_help("encoding"))] = None,
    sheet: Annotated[str | None, typer.Option(help=_help("sheet"))] = None,
    mapping: Annotated[Path | None, typer.Option(help=_help("mapping"))] = None,
    source: Annotated[str | None, typer.Option(help=_help("source"))] = None,
    snapshot: Annotated[bool, typer.Option("--snapshot", help=_help("snapshot"))] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_help("dry_run"))] = False,
    batch_size: Annotated[int, typer.Option(help=_help("batch_size"))] = _default("batch_size"),
    writers: Annotated[int, typer.Option(help=_help("writers"))] = _default("writers"),
    limit: Annotated[int | None, typer.Option(help=_(_help("limit")) + " " + _("(history: how many runs to list)"))]
    = None,
    crs: Annotated[str, typer.Option(help=_help("crs"))] = _default("crs"),
    report: Annotated[Path | None, typer.Option(help=_help("report"))] = None,
) -> None:
    """Load registry exports of one KIND into the graph (see INGEST_HELP)."""
    if kind == "history":
        history(limit or 20)
        return
    if kind is None or not files:
        console.print(ctx.get_help())
        raise typer.Exit(1)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ingest.run import ingest_files

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]} rows/s"), TimeElapsedColumn(), console=console,
                  transient=True) as bar:
        task = bar.add_task(_("ingest {kind}").format(kind=kind), total=limit, rate="-")
        import time

        t0 = time.monotonic()

        def progress(done: int) -> None:
            rate = done / max(time.monotonic() - t0, 1e-6)
            bar.update(task, completed=done, rate=f"{rate:,.0f}")

        options = IngestOptions.of(format=format, encoding=encoding, sheet=sheet, mapping=mapping, source=source,
                                   snapshot=snapshot, dry_run=dry_run, batch_size=batch_size, writers=writers,
                                   limit=limit, crs=crs, report=report)
        summary = ingest_files(kind, files, options, progress=progress)
    print_summary(summary)
    raise typer.Exit(summary.exit_code)


def print_summary(s: RunSummary) -> None:
    """The end-of-run table: rows per outcome, extras and the report path."""
    title = _("{kind} — run {run}").format(kind=s.kind, run=s.run_id) + (
        _(" (dry run: nothing written)") if s.status == "dry-run" else "")
    table = Table(title=title, show_header=True)
    table.add_column(_("outcome"))
    table.add_column(_("rows"), justify="right")
    for name, style in (("loaded", "green"), ("updated", "cyan"), ("unchanged", "dim"), ("rejected", "red")):
        table.add_row(f"[{style}]{_(name)}[/]", f"{getattr(s, name):,}")
    table.add_row(f"[bold]{_('total')}[/]", f"[bold]{s.rows:,}[/]")
    console.print(table)
    rate = s.rows / s.seconds if s.seconds else 0
    console.print(_("{seconds:.1f}s, {rate:,.0f} rows/s; {nodes:,} nodes and {rels:,} relationships created").format(
        seconds=s.seconds, rate=rate, nodes=s.nodes_written, rels=s.relationships_written))
    extras = [_("{n:,} flagged values").format(n=s.flagged), _("{n:,} unplaced").format(n=s.unplaced),
              _("{n:,} warnings").format(n=s.warnings)]
    if s.deactivated:
        extras.append(_("{n:,} deactivated (snapshot)").format(n=s.deactivated))
    if s.same_as:
        extras.append(_("{n:,} SAME_AS candidates").format(n=s.same_as))
    if s.same_as_removed:
        extras.append(_("{n:,} stale SAME_AS candidates removed").format(n=s.same_as_removed))
    console.print(_("; ").join(extras))
    for file, headers in s.unrecognised_columns.items():
        console.print(f"[yellow]{file}: {_('columns not recognised (not loaded):')}[/] {', '.join(headers)}")
    console.print(_("report: {path}").format(path=s.report_path))
    if s.rejected:
        console.print(f"[yellow]{_('{n:,} rows rejected').format(n=s.rejected)}[/] — "
                      + _("see the report for row, column and reason (exit code 2)"))


def history(limit: int = 20) -> None:
    """List past ingest runs (IngestRun nodes) with their counts, status and process (host:pid).

    ``interrupted``: the run's process died mid-way (found when a later run of the same kind and source started).
    """
    import neo4j

    from graph.driver import database, get_driver
    from ingest.cypher import named

    records, _, _ = get_driver().execute_query(*named("ingest_run_history", limit=limit), database_=database(),
                                               routing_=neo4j.RoutingControl.READ)
    table = Table(title=_("ingest runs (newest first)"), expand=False)
    for col in ("run", "kind", "source", "status", "rows", "loaded", "updated", "unchanged", "rejected",
                "started", "process", "report"):
        table.add_column(col, justify="right" if col in ("rows", "loaded", "updated", "unchanged",
                                                         "rejected") else "left")
    for r in records:
        started = r["startedAt"].to_native().strftime("%Y-%m-%d %H:%M:%S") if r["startedAt"] else "-"
        status = {"interrupted": "[red]interrupted[/]", "failed": "[red]failed[/]"}.get(r["status"], r["status"])
        table.add_row(r["runId"], r["kind"], r["source"], status,
                      *(f"{r[k] or 0:,}" for k in ("rows", "loaded", "updated", "unchanged", "rejected")),
                      started, r["process"] or "-", r["report"] or "-")
    Console(width=max(Console().width, 160)).print(table)


BULK_HELP = (
    "First load of a whole dump folder into an EMPTY database through Neo4j's importer (neo4j-admin database "
    "import), for the first load of a large dump.\n\n"
    "DIR holds a manifest.json listing each kind's files (the layout of `gridlink demo generate`); the kinds are "
    "loaded in registry order with the same validation, reports and counts as `gridlink ingest`. The local server "
    "(gridlink db start) is stopped for the import and started again; a database that holds data is refused. "
    "Exit code: 0 all rows taken, 2 some rejected, 1 error.\n\n"
    "Example: gridlink bulk-load --dir dump-2024-06 --source scjg-2024")


def bulk_load(
    folder: Annotated[Path, typer.Option("--dir", help="The dump folder (with manifest.json).",
                                         show_default=False)],
    source: Annotated[str | None, typer.Option(help=_help("source"))] = None,
    batch_size: Annotated[int, typer.Option(help="Rows resolved together (as `gridlink ingest --batch-size`).")]
    = _default("batch_size"),
    writers: Annotated[int, typer.Option(help="Lanes rows are cut into (as `gridlink ingest --writers`).")]
    = _default("writers"),
    report_dir: Annotated[Path | None, typer.Option(
        help="Folder of the reports, one <kind>.jsonl per kind (default: DIR/reports).")] = None,
    work_dir: Annotated[Path | None, typer.Option(
        help="Keep the importer's CSV files here (default: a temporary folder, deleted afterwards).")] = None,
) -> None:
    """Bulk-load a dump folder into an empty database (see BULK_HELP)."""
    from ingest.bulk import bulk_load as load
    from ingest.bulk import read_dump

    dump = read_dump(folder)
    with console.status("reading and validating the dump…") as status:
        def progress(kind: str, rows: int) -> None:
            status.update(f"reading {kind}: {rows:,} rows")

        result = load(dump, source=source, batch_size=batch_size, writers=writers,
                      report_dir=report_dir or folder / "reports", work_dir=work_dir, progress=progress)
    table = Table(title="bulk load", show_header=True)
    for col in ("kind", "rows", "loaded", "updated", "unchanged", "rejected", "report"):
        table.add_column(col, justify="left" if col in ("kind", "report") else "right")
    for s in result.summaries:
        table.add_row(s.kind, *(f"{getattr(s, k):,}" for k in ("rows", "loaded", "updated", "unchanged", "rejected")),
                      s.report_path or "-")
    console.print(table)
    sec = result.seconds
    console.print(f"{result.nodes:,} nodes and {result.relationships:,} relationships in {sec['total']:.1f}s "
                  f"({result.rate:,.0f}/s): reading {sec['read']:.1f}s, files {sec['files']:.1f}s, import "
                  f"{sec['import']:.1f}s, start and schema {sec['start']:.1f}s")
    rejected = sum(s.rejected for s in result.summaries)
    if rejected:
        console.print(f"[yellow]{rejected:,} rows rejected[/] — see the reports (exit code 2)")
    raise typer.Exit(2 if rejected else 0)


def register(app: typer.Typer) -> None:
    """Add ``gridlink ingest`` and ``gridlink bulk-load`` to the root app."""
    from ingest.writes import generated_statements
    from queries.catalog import register_generated

    app.command("ingest", no_args_is_help=True, help=INGEST_HELP)(ingest)
    app.command("bulk-load", no_args_is_help=True, help=BULK_HELP)(bulk_load)
    register_generated("ingest", generated_statements)
