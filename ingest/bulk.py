"""``bulk_load``: a first load of a whole dump into an EMPTY database through Neo4j's own importer.

Every kind goes through the transactional path's reading, validation, identity, placement and accounting
(:func:`ingest.run.read_items`, :class:`~ingest.account.Accounts`, the same batches and report), but its batches
are written into an in-memory graph (:mod:`ingest.bulk_writes`) instead of Neo4j. Once every kind is read, the
graph goes to CSV files (:mod:`ingest.bulk_files`), the local server is stopped, ``neo4j-admin database import
full`` writes the store, the server is started again, the schema applied (:func:`graph.schema.migrate`) and each
kind's run recorded as the ``(:IngestRun)`` node the transactional path writes. The graph is the one the
transactional path gives for the same dump (same canonical hash), and a transactional re-run of the dump finds
every row unchanged.

Only the local server of ``gridlink db start`` can be bulk-loaded (its store is written directly), and only when
its database holds nothing but the schema record; otherwise :class:`~ingest.errors.InputError` is raised before
anything is read.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import neo4j

from ingest import kinds
from ingest.account import Accounts
from ingest.bulk_files import ImportFiles, write_import_files
from ingest.bulk_graph import MemoryGraph
from ingest.bulk_writes import MemoryLoader, link_duplicates, link_parents
from ingest.compound_index import CompoundIndex
from ingest.cypher import named
from ingest.errors import InputError
from ingest.lanes import batches
from ingest.options import IngestOptions
from ingest.parents import ParentLinks
from ingest.places import Places
from ingest.pseudonym import pseudonym_key
from ingest.report import Report
from ingest.run import check_inputs, check_kind, read_items
from ingest.runs import new_run_id, record_run
from ingest.summary import RunSummary
from ingest.transform import Context

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
Progress = Callable[[str, int], None]


@dataclass
class BulkResult:
    """What a bulk load did: one run summary per kind (load order) and the time of each phase."""

    summaries: list[RunSummary]
    nodes: int = 0
    relationships: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # read, files, import, start, total

    @property
    def rate(self) -> float:
        """Nodes + relationships per second over the whole load."""
        return (self.nodes + self.relationships) / max(self.seconds.get("total", 0.0), 1e-9)


def read_dump(folder: Path) -> list[tuple[str, list[Path]]]:
    """The ``(kind, files)`` of a dump folder's ``manifest.json``, in the registry's load order.

    The manifest is the one ``gridlink demo generate`` writes: ``{"files": [{"kind": "enterprises", "paths":
    ["enterprises.csv"]}, …]}`` with paths relative to the folder.

    Raises:
        InputError: no manifest, an unreadable one, or an unknown kind.
    """
    path = folder / MANIFEST
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["files"]
        dump = [(str(e["kind"]), [folder / p for p in e["paths"]]) for e in entries]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"{path}: no readable dump manifest ({e})",
                         hint='write one: {"files": [{"kind": "divisions", "paths": ["areas.csv"]}, ...]}') from None
    for kind, _ in dump:
        if kind not in kinds.BY_NAME:
            raise InputError(f"{path}: unknown kind {kind!r}", hint=f"kinds: {', '.join(kinds.KIND_NAMES)}")
    order = {name: i for i, name in enumerate(kinds.KIND_NAMES)}
    return sorted(dump, key=lambda entry: order[entry[0]])


def bulk_load(dump: Sequence[tuple[str, Sequence[Path]]], *, source: str | None = None, batch_size: int = 2000,
              writers: int = 2, report_dir: Path = Path("ingest-reports"), work_dir: Path | None = None,
              progress: Progress | None = None) -> BulkResult:
    """Load a whole dump into the empty database of the local server through ``neo4j-admin database import``.

    Args:
        dump: ``(kind, files)`` in load order (:func:`read_dump`).
        source: provenance name of every run (default: each kind's name, as ``gridlink ingest``).
        batch_size, writers: cut batches as ``gridlink ingest`` does with these options, so every row is read,
            resolved and accounted exactly as there.
        report_dir: each kind's report goes to ``<report_dir>/<kind>.jsonl``.
        work_dir: where the import files are written (default: a temporary folder, deleted afterwards).
        progress: called with ``(kind, rows done)``.

    Raises:
        InputError: the database is not empty, NEO4J_URI is not the local server, or a file is unreadable.
        ServerError: the importer or the server failed (the importer's report file is named).
    """
    from graph.driver import database, get_driver

    t0 = time.monotonic()
    drv, db = get_driver(), database()
    _check_target(drv, db)
    g = MemoryGraph()
    summaries = [_run_kind(g, kind, paths, IngestOptions.of(
        source=source, batch_size=batch_size, writers=writers, report=report_dir / f"{kind}.jsonl"), progress)
        for kind, paths in dump]
    result = BulkResult(summaries, len(g.nodes), g.relationships)
    result.seconds["read"] = time.monotonic() - t0
    folder = work_dir or Path(tempfile.mkdtemp(prefix="gridlink-bulk-"))
    try:
        t1 = time.monotonic()
        files = write_import_files(g, folder)
        del g
        result.seconds["files"] = time.monotonic() - t1
        _check_target(drv, db)  # once more: nothing may have been written meanwhile
        t2 = time.monotonic()
        _import(files, folder, db)
        result.seconds["import"] = time.monotonic() - t2
    finally:
        if work_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
    t3 = time.monotonic()
    _after_import(drv, db, summaries)
    result.seconds["start"] = time.monotonic() - t3
    result.seconds["total"] = time.monotonic() - t0
    log.info("bulk load: %s nodes, %s relationships in %.1fs (%s)", result.nodes, result.relationships,
             result.seconds["total"], ", ".join(f"{k} {v:.1f}s" for k, v in result.seconds.items()))
    return result


def _check_target(drv: neo4j.Driver, db: str) -> None:
    """Refuse unless NEO4J_URI is the local server and its database holds nothing but the schema record."""
    from graph import server
    from graph.settings import get_neo4j_settings, get_server_settings

    s, uri = get_server_settings(), get_neo4j_settings().uri
    if not server.is_local(uri, s):
        raise InputError(f"a bulk load writes the store of the local server (port {s.bolt_port}), not {uri}",
                         hint="point NEO4J_URI at the server of `gridlink db start`, or load with `gridlink ingest`")
    server.start(s, quiet=True, keep_conf=True)
    query, params = named("ingest_bulk_graph_size")
    records, _, _ = drv.execute_query(query, params, database_=db, routing_=neo4j.RoutingControl.READ)
    if records[0]["n"]:
        raise InputError(f"the database {db!r} is not empty ({records[0]['n']:,} nodes): a bulk load is a first "
                         "load into an empty database; nothing was read or written",
                         hint="load into a non-empty graph with `gridlink ingest` (incremental), or start afresh: "
                              f"gridlink db stop, delete {s.server_home() / 'data'}, gridlink db start")


def _run_kind(g: MemoryGraph, kind: str, paths: Sequence[Path], opts: IngestOptions,
              progress: Progress | None) -> RunSummary:
    """One kind through the transactional path's reading and accounting, written into ``g``."""
    started, t0 = dt.datetime.now(dt.UTC), time.monotonic()
    k = check_kind(kind, opts)
    files, prof, empty = check_inputs(k, paths, opts)
    run_id = new_run_id(k.name)
    s = RunSummary(run_id, k.name, opts.source or k.name, [str(p) for p in files], status="running")
    s.report_path = str(opts.report)
    s.extra["startedAt"] = started
    loader = MemoryLoader(g, run_id, s.source, started, quote_values=not k.personal)
    assert opts.report is not None
    with Report(opts.report, run_id) as rep:
        acct = Accounts(s, rep, ParentLinks() if k.parents else None)
        acct.empty_files(empty)
        ctx = Context(g.places() if k.needs_places else Places(), opts.crs, pseudonym_key() if k.personal else b"",
                      g.compounds() if k.needs_compounds else CompoundIndex())
        items = read_items(k.name, files, prof, ctx, opts.format, opts.encoding, opts.sheet, opts.limit,
                           on_unused=acct.unrecognised)
        for _, batch in batches(items, opts.batch_size, opts.writers):
            records, bounds = acct.take_rejects(batch)
            if acct.parents is not None:
                acct.parents.hold_refs(records)
            for rec in records:
                rec.seal()
            if records:
                acct.written(loader.write(records), records, bounds)
            if progress:
                progress(k.name, s.rows)
        if acct.parents is not None:
            linked = link_parents(g, acct.parents, run_id, s.source, started, opts.batch_size)
            s.relationships_written += linked.created
            for file, line, column, reason in linked.warnings:
                acct.warn(file, line, column, reason)
        acct.close()
    if k.org:
        s.same_as, s.same_as_removed = link_duplicates(g, acct.names, s.source, run_id, started)
    s.seconds = time.monotonic() - t0
    return s


def _import(files: ImportFiles, folder: Path, db: str) -> None:
    """Stop the server, run the importer over the files, start the server (also when the importer failed)."""
    from graph import server as srv
    from graph.errors import ServerError

    srv.stop()
    try:
        res = srv.admin("database", "import", "full", db, "--overwrite-destination=true", "--id-type=integer",
                        "--array-delimiter=U+001F", f"--report-file={folder / 'import.report'}",
                        f"--multiline-fields={'true' if files.multiline else 'false'}", *files.args)
    finally:
        srv.start(quiet=True, keep_conf=True)
    if res.returncode != 0:
        raise ServerError(f"neo4j-admin database import failed (exit {res.returncode}): "
                          f"{(res.stdout + res.stderr)[-1500:]}", hint=f"see {folder / 'import.report'}")
    log.debug("import: %s", res.stdout[-2000:])


def _after_import(drv: neo4j.Driver, db: str, summaries: list[RunSummary]) -> None:
    """Apply the schema and record every kind's run, as the transactional path does."""
    from graph.driver import forget_bookmarks
    from graph.schema import migrate

    forget_bookmarks(drv, db)
    migrate(drv)
    for s in summaries:
        started = s.extra.pop("startedAt")
        record_run(drv, db, s, started_at=started)
        s.status = "completed"
        record_run(drv, db, s)
