"""``ingest_files``: one ingest run (read -> transform -> load -> snapshot/duplicates -> report).

See the package docstring for the parameters. A run is recorded as an ``(:IngestRun)`` node: ``running`` when
it starts, ``completed`` (or ``failed``) with its counts at the end.

Size: one run's stages share its bookkeeping (counts, report, run node) in one place; issue #10 splits it into a
short pipeline.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import secrets
import socket
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import neo4j

from ingest.cleanup import deactivate_missing, link_duplicates, load_places
from ingest.compound_index import CompoundIndex, load_compounds
from ingest.errors import InputError
from ingest.kinds import NEEDS_COMPOUNDS, NEEDS_PLACES, ORG_KINDS, transform
from ingest.lanes import InFlight, Item, batches
from ingest.load import BatchResult, Loader
from ingest.mapping import BoundMapping, Mapping, load_mapping
from ingest.parents import ParentLinks
from ingest.places import Places
from ingest.pseudonym import pseudonym_key
from ingest.readers import detect_format, read_rows
from ingest.records import Record, RowReject
from ingest.report import Report
from ingest.summary import KINDS, RunSummary
from ingest.transform import Context

log = logging.getLogger(__name__)


def new_run_id(kind: str) -> str:
    """A sortable, unique run id: ``<kind>-<UTC time>-<random>``."""
    return f"{kind}-{dt.datetime.now(dt.UTC).strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"


def ingest_files(kind: str, paths: Sequence[str | Path], *, format: str | None = None,
                 encoding: str | None = None, sheet: str | int | None = None,
                 mapping: str | Path | None = None, source: str | None = None, snapshot: bool = False,
                 dry_run: bool = False, batch_size: int = 2000, limit: int | None = None,
                 crs: str = "wgs84", report: str | Path | None = None, driver: neo4j.Driver | None = None,
                 progress: Callable[[int], None] | None = None, writers: int = 2) -> RunSummary:
    """Ingest files of one kind into the graph.

    Args:
        kind: one of :data:`ingest.summary.KINDS`.
        paths: files of that kind.
        format: ``csv``/``xlsx``/``jsonl``/``geojson``; ``None`` = from each file's extension.
        encoding: force the CSV encoding; ``None`` = detect.
        sheet: XLSX sheet name or 1-based number.
        mapping: user mapping YAML laid over the built-in profile.
        source: provenance name (default: the kind).
        snapshot: deactivate organizations of ``source`` not in these files (organization kinds only).
        dry_run: validate, resolve and count inside transactions that are rolled back.
        batch_size: rows per write transaction.
        limit: stop after this many input rows.
        crs: ``wgs84`` or ``gcj02`` (converted to WGS-84).
        report: report path (``.jsonl`` or ``.csv``); default ``./ingest-reports/<runId>.jsonl``.
        driver: Neo4j driver (default: the process driver).
        progress: called with the number of rows done after each batch.
        writers: write transactions in flight at once (2 pays off on 2 cores; 3 measured no faster). Which
            batches wait for the ones in flight: :mod:`ingest.lanes`.

    Returns:
        The run's counts; ``rows == loaded + updated + unchanged + rejected``.

    Raises:
        InputError: bad arguments or an unreadable file (before anything is written for that file).
        MappingError: an invalid mapping file.
    """
    from graph.driver import database, get_driver
    from graph.schema import migrate

    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}", hint=f"kinds: {', '.join(KINDS)}")
    if not paths:
        raise InputError("no input file given", hint="pass one or more files after the kind")
    if crs not in ("wgs84", "gcj02"):
        raise InputError(f"unknown coordinate system {crs!r}", hint="use --crs wgs84 or --crs gcj02")
    if batch_size < 1:
        raise InputError("--batch-size must be at least 1", hint="the default is 2000")
    if writers < 1:
        raise InputError("--writers must be at least 1", hint="the default is 2")
    if snapshot and kind not in ORG_KINDS:
        raise InputError(f"--snapshot applies to organization kinds, not {kind}",
                         hint=f"use it with {', '.join(sorted(ORG_KINDS))}")
    if snapshot and limit is not None:
        raise InputError("--snapshot with --limit would deactivate every row past the limit",
                         hint="drop --limit for a snapshot run")
    files = [Path(p) for p in paths]
    for p in files:
        if not p.is_file():
            raise InputError(f"file not found: {p}", hint="check the path")
        detect_format(p, format)
    prof = load_mapping(kind, mapping)
    drv = driver or get_driver()
    db = database()
    run_id = new_run_id(kind)
    src = source or kind
    summary = RunSummary(run_id, kind, src, [str(p) for p in files], status="dry-run" if dry_run else "running")
    started = time.monotonic()
    if not dry_run:
        migrate(drv)
    places = load_places(drv, db) if kind in NEEDS_PLACES else Places()
    compounds = load_compounds(drv, db) if kind in NEEDS_COMPOUNDS else CompoundIndex()
    ctx = Context(places, crs, pseudonym_key() if kind == "party-members" else b"", compounds)
    loader = Loader(drv, db, run_id, src, dry_run=dry_run)
    report_path = Path(report) if report else Path("ingest-reports") / f"{run_id}.jsonl"
    summary.report_path = str(report_path)
    if not dry_run:
        _record_run(drv, db, summary, started_at=loader.now)
        summary.extra["interrupted"] = mark_interrupted(drv, db, kind, src, run_id)
    try:
        with Report(report_path, run_id) as rep:
            seen: set[str] = set()
            names: set[str] = set()
            parents = ParentLinks(dry_run) if kind == "party-orgs" else None
            items = _items(kind, files, prof, ctx, format, encoding, sheet, limit)
            lanes = 1 if dry_run else writers
            # writer threads: batch k is written while batch k+1 is read and transformed, and with two lanes a
            # batch executes while another commits (ingest.lanes). Outcomes are accounted in the order cut.
            with ThreadPoolExecutor(max_workers=lanes, thread_name_prefix="ingest-writer") as pool, \
                    _quick_thread_switches():
                window: deque[InFlight] = deque()

                def account_oldest() -> None:
                    done = window.popleft()
                    _account(done.result(), done.records, done.bounds, summary, rep, seen, names, parents)
                    if progress:
                        progress(summary.rows)

                for lane, batch in batches(items, batch_size, lanes):
                    records, bounds = _take_rejects(batch, summary, rep)
                    if parents is not None:
                        _hold_parent_refs(records)
                    if not records:
                        if progress:
                            progress(summary.rows)
                        continue
                    for rec in records:
                        rec.seal()  # hashed here, not in the writer thread holding the transaction open
                    nxt = InFlight(lane, records, bounds)
                    while window and (len(window) >= lanes or not nxt.may_overlap(window)):
                        account_oldest()
                    nxt.future = pool.submit(loader.write, records)
                    window.append(nxt)
                while window:
                    account_oldest()
            if parents is not None:  # pass 2: every node of the run is committed, link children to parents
                linked = parents.link(drv, db, run_id, src, loader.now, batch_size)
                summary.relationships_written += linked.created
                for file, line, column, reason in linked.warnings:
                    rep.add(file, line, "warning", column, reason)
            if not dry_run and kind in ORG_KINDS:
                if snapshot:
                    summary.deactivated = deactivate_missing(drv, db, src, seen, run_id, dt.date.today(),
                                                             loader.now)
                summary.same_as, summary.same_as_removed = link_duplicates(drv, db, names, src, run_id,
                                                                           loader.now)
    except BaseException:
        summary.status = "failed" if not dry_run else "dry-run"
        summary.seconds = time.monotonic() - started
        if not dry_run:
            _record_run(drv, db, summary)
        raise
    summary.seconds = time.monotonic() - started
    if not dry_run:
        summary.status = "completed"
        _record_run(drv, db, summary)
    log.info("ingest %s: %s rows, %s loaded, %s updated, %s unchanged, %s rejected in %.1fs", kind,
             summary.rows, summary.loaded, summary.updated, summary.unchanged, summary.rejected, summary.seconds)
    return summary


def _items(kind: str, files: list[Path], prof: Mapping, ctx: Context, fmt: str | None, encoding: str | None,
           sheet: str | int | None, limit: int | None) -> Iterator[Item]:
    """Transformed rows of every file, streamed in file order."""
    count = 0
    for path in files:
        file_fmt = detect_format(path, fmt)
        strict = file_fmt in ("csv", "xlsx")  # a missing column is a file error; in JSON a row error
        bound: BoundMapping | None = None
        for line, cells in read_rows(path, file_fmt, encoding, sheet, known_headers=prof.known_headers()):
            if limit is not None and count >= limit:
                break
            count += 1
            if bound is None or not strict:
                bound = prof.bind(list(cells), path.name, strict=strict)
            try:
                item: Record | RowReject = transform(kind, bound.apply(cells), ctx)
            except RowReject as r:
                item = r
            yield path.name, line, item, bound
        if limit is not None and count >= limit:
            return


@contextlib.contextmanager
def _quick_thread_switches(seconds: float = 0.001) -> Iterator[None]:
    """Let the writer threads take the GIL back sooner (the default switch interval is 5 ms).

    The reading thread is CPU-bound; a writer wanting the GIL to send a batch or read a reply waited up to a
    switch interval each time, several times per batch, while its server connection sat idle. 1 ms gave ~15%
    more rows/s in ``python -m ingest.bench`` (2 cores); the setting is process-wide, so it is put back after.
    """
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, seconds))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def _take_rejects(batch: list[Item], summary: RunSummary,
                  rep: Report) -> tuple[list[Record], list[BoundMapping]]:
    """Count and report the batch's transform rejects; return the records to write."""
    records: list[Record] = []
    bounds: list[BoundMapping] = []
    for file, line, item, bound in batch:
        if isinstance(item, RowReject):
            summary.count("rejected")
            rep.add(file, line, "rejected", bound.column(item.field) if item.field else None, item.reason)
        else:
            item.file, item.line = file, line
            records.append(item)
            bounds.append(bound)
    return records, bounds


def _hold_parent_refs(records: list[Record]) -> None:
    """Take the parent lookups out of party-organization records (pass 2 links them); the reference as written
    stays in the content hash, so a changed parent makes the row ``updated``."""
    for rec in records:
        refs = [lk for lk in rec.lookups if lk.slot == "parent"]
        if refs:
            rec.lookups = [lk for lk in rec.lookups if lk.slot != "parent"]
            rec.extra["parentRef"] = refs[0].value


def _account(result: BatchResult, records: list[Record], bounds: list[BoundMapping],
             summary: RunSummary, rep: Report, seen: set[str], names: set[str],
             parents: ParentLinks | None = None) -> None:
    """Count a written batch's outcomes and report its rejects and issues; spool party-org parent references."""
    summary.nodes_written += result.nodes
    summary.relationships_written += result.relationships
    for i, (rec, bound) in enumerate(zip(records, bounds, strict=True)):
        if i in result.rejects:
            column, reason = result.rejects[i]
            summary.count("rejected")
            rep.add(rec.file, rec.line, "rejected", bound.column(column) if column else None, reason)
            continue
        outcome = result.outcomes[i] or "rejected"
        summary.count(outcome)
        seen.add(rec.key)
        if parents is not None:
            parents.add(rec.key, rec.props, rec.extra.get("parentRef"), rec.file, rec.line, bound.column("parent"),
                        changed=outcome != "unchanged")
        if "nameNorm" in rec.props:
            names.add(rec.props["nameNorm"])
        for issue in rec.issues:
            if issue.kind == "unplaced":
                summary.unplaced += 1
            elif issue.kind == "flagged":
                summary.flagged += 1
            rep.add(rec.file, rec.line, issue.kind, bound.column(issue.field) if issue.field else None,
                    issue.reason)


def _record_run(drv: neo4j.Driver, db: str, s: RunSummary, started_at: dt.datetime | None = None) -> None:
    """Create or update the run's ``IngestRun`` node."""
    props: dict[str, Any] = {
        "kind": s.kind, "source": s.source, "files": s.files, "status": s.status, "rows": s.rows,
        "loaded": s.loaded, "updated": s.updated, "unchanged": s.unchanged, "rejected": s.rejected,
        "unplaced": s.unplaced, "flagged": s.flagged, "reportPath": s.report_path,
        "deactivated": s.deactivated, "sameAs": s.same_as, "sameAsRemoved": s.same_as_removed,
        "seconds": round(s.seconds, 3),
    }
    if started_at is not None:
        props.update(startedAt=started_at, pid=os.getpid(), hostname=socket.gethostname())
    else:
        props["finishedAt"] = dt.datetime.now(dt.UTC)
    drv.execute_query("MERGE (r:IngestRun {runId: $runId}) SET r += $props",
                      runId=s.run_id, props=props, database_=db)


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:  # exists, owned by another user
        return False
    return False


def mark_interrupted(drv: neo4j.Driver, db: str, kind: str, source: str, run_id: str) -> list[str]:
    """Mark older ``running`` runs of the same kind and source whose process is gone as ``interrupted``.

    A run killed mid-way (kill -9, power loss) never records its end. Only runs started on this host can be
    judged (by their recorded ``pid``); runs of other hosts, and runs recorded without a pid, stay ``running``.

    Returns:
        The run ids marked.
    """
    records, _, _ = drv.execute_query(
        "MATCH (r:IngestRun {kind: $kind, source: $source, status: 'running'}) "
        "WHERE r.runId <> $runId AND r.hostname = $host AND r.pid IS NOT NULL RETURN r.runId AS id, r.pid AS pid",
        kind=kind, source=source, runId=run_id, host=socket.gethostname(), database_=db)
    gone = [r["id"] for r in records if r["pid"] != os.getpid() and _process_gone(int(r["pid"]))]
    if gone:
        drv.execute_query(
            "UNWIND $ids AS id MATCH (r:IngestRun {runId: id}) WHERE r.status = 'running' "
            "SET r.status = 'interrupted', r.interruptedAt = $now, r.interruptedSeenBy = $runId",
            ids=gone, now=dt.datetime.now(dt.UTC), runId=run_id, database_=db)
        log.warning("ingest %s/%s: %d earlier run(s) interrupted (process gone): %s", kind, source, len(gone),
                    ", ".join(gone))
    return gone
