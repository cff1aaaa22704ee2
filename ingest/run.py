"""``ingest_files``: one ingest run as a pipeline: read -> transform (and place) -> write -> account -> report.

Each stage is a function of its own: :func:`read_items` reads and transforms (placing rows in the loaded divisions
and grids), :func:`_write` cuts batches and writes them on writer threads (:mod:`ingest.lanes`),
:class:`~ingest.account.Accounts` counts every outcome and writes the report, :func:`_after_batches` runs the
graph-wide steps (parent links, snapshot, duplicates). A run is recorded as an ``(:IngestRun)`` node
(:mod:`ingest.runs`): ``running`` when it starts, ``completed`` (or ``failed``) with its counts at the end.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j

from graph import localtime
from ingest import kinds
from ingest.account import Accounts
from ingest.cleanup import deactivate_missing, link_duplicates, load_places
from ingest.compound_index import CompoundIndex, load_compounds
from ingest.errors import InputError
from ingest.lanes import InFlight, Item, batches
from ingest.load import Loader
from ingest.mapping import BoundMapping, Mapping, load_mapping
from ingest.options import IngestOptions
from ingest.parents import ParentLinks
from ingest.places import Places
from ingest.pseudonym import pseudonym_key
from ingest.readers import detect_format, read_rows
from ingest.records import Record, RowReject
from ingest.report import Report
from ingest.runs import mark_interrupted, new_run_id, record_run
from ingest.summary import RunSummary
from ingest.transform import Context
from ingest.transform_orgs import present_keys

log = logging.getLogger(__name__)

Progress = Callable[[int], None]


def ingest_files(kind: str, paths: Sequence[str | Path], options: IngestOptions | None = None, *,
                 driver: neo4j.Driver | None = None, progress: Progress | None = None,
                 **option_values: Any) -> RunSummary:
    """Ingest files of one kind into the graph.

    Args:
        kind: one of :data:`ingest.KINDS` (the registry, :mod:`ingest.kinds`).
        paths: files of that kind.
        options: how to read, write and report (:class:`~ingest.options.IngestOptions`); or give its fields as
            keywords (``source="scjg", snapshot=True``).
        driver: Neo4j driver (default: the process driver).
        progress: called with the number of rows done after each batch.

    Returns:
        The run's counts; ``rows == loaded + updated + unchanged + rejected``.

    Raises:
        InputError: bad arguments or an unreadable file (before anything is written for that file); a snapshot
            of an empty dump, or one with no row taken (nothing deactivated).
        MappingError: an invalid mapping file.
    """
    from graph.driver import database, get_driver
    from graph.schema import migrate

    if options is not None and option_values:
        raise InputError("give the options either as IngestOptions or as keywords, not both")
    opts = options or IngestOptions.of(**option_values)
    k = check_kind(kind, opts)
    files, prof, empty = check_inputs(k, paths, opts)
    drv, db = driver or get_driver(), database()
    run = _Run(k, files, opts, drv, db)
    if not opts.dry_run:
        migrate(drv)
        record_run(drv, db, run.summary, started_at=run.loader.now)
        run.summary.extra["interrupted"] = mark_interrupted(drv, db, k.name, run.summary.source, run.summary.run_id)
    try:
        with Report(run.report_path, run.summary.run_id) as rep, _driver_log_without_values(k.personal):
            acct = Accounts(run.summary, rep, ParentLinks(opts.dry_run) if k.parents else None)
            acct.empty_files(empty)
            ctx = Context(load_places(drv, db) if k.needs_places else Places(), opts.crs,
                          pseudonym_key() if k.personal else b"",
                          load_compounds(drv, db) if k.needs_compounds else CompoundIndex())
            items = read_items(k.name, files, prof, ctx, opts.format, opts.encoding, opts.sheet, opts.limit,
                           on_unused=acct.unrecognised)
            _write(items, run.loader, acct, opts, progress)
            _after_batches(run, acct)
    except BaseException:
        run.end("failed")
        raise
    return run.end("completed")


def check_kind(name: str, opts: IngestOptions) -> kinds.Kind:
    """The registry's kind, after checking the options that depend on it."""
    if name not in kinds.BY_NAME and name not in kinds.ALIASES:
        raise InputError(f"unknown kind {name!r}", hint="kinds: " + ", ".join(
            f"{k.name} ({'/'.join(k.aliases)})" if k.aliases else k.name for k in kinds.KINDS))
    k = kinds.get(name)
    if opts.snapshot and not k.org:
        orgs = sorted(x.name for x in kinds.KINDS if x.org)
        raise InputError(f"--snapshot applies to organization kinds, not {name}", hint=f"use it with {', '.join(orgs)}")
    return k


def check_inputs(k: kinds.Kind, paths: Sequence[str | Path], opts: IngestOptions) -> tuple[list[Path], Mapping,
                                                                                      list[Path]]:
    """The files (checked), the kind's mapping, and the files without a data row (refused for a snapshot)."""
    if not paths:
        raise InputError("no input file given", hint="pass one or more files after the kind")
    files = [Path(p) for p in paths]
    for p in files:
        if not p.is_file():
            raise InputError(f"file not found: {p}", hint="check the path")
        detect_format(p, opts.format)
    prof = load_mapping(k.name, opts.mapping)
    empty = [p for p in files if not _has_rows(p, prof, opts)]
    if opts.snapshot and empty:
        # a snapshot says "this is the whole registry": an empty export would deactivate every organization
        raise InputError(f"{empty[0].name} has no data rows; a snapshot of it would deactivate the whole source",
                         hint="check the export (an empty file or only a header); nothing was written")
    return files, prof, empty


def _has_rows(path: Path, prof: Mapping, opts: IngestOptions) -> bool:
    """Whether the file holds at least one data row (not empty, not only a header)."""
    rows = read_rows(path, detect_format(path, opts.format), opts.encoding, opts.sheet,
                     known_headers=prof.known_headers())
    try:
        return next(rows, None) is not None
    finally:
        if isinstance(rows, Generator):  # close the file now, not when the generator is collected
            rows.close()


@dataclass
class _Run:
    """The state of one run that outlives its stages: summary, loader, report path."""

    kind: kinds.Kind
    files: list[Path]
    opts: IngestOptions
    driver: neo4j.Driver
    db: str

    def __post_init__(self) -> None:
        run_id = new_run_id(self.kind.name)
        self.summary = RunSummary(run_id, self.kind.name, self.opts.source or self.kind.name,
                                  [str(p) for p in self.files], status="dry-run" if self.opts.dry_run else "running")
        self.loader = Loader(self.driver, self.db, run_id, self.summary.source, dry_run=self.opts.dry_run,
                             quote_values=not self.kind.personal)
        self.report_path = self.opts.report or Path("ingest-reports") / f"{run_id}.jsonl"
        self.summary.report_path = str(self.report_path)
        self.started = time.monotonic()

    def end(self, status: str) -> RunSummary:
        """Record the end of the run (``completed`` or ``failed``; a dry run records nothing)."""
        s = self.summary
        s.seconds = time.monotonic() - self.started
        if not self.opts.dry_run:
            s.status = status
            record_run(self.driver, self.db, s)
        if status == "completed":
            log.info("ingest %s: %s rows, %s loaded, %s updated, %s unchanged, %s rejected in %.1fs", s.kind,
                     s.rows, s.loaded, s.updated, s.unchanged, s.rejected, s.seconds)
        return s


def read_items(kind: str, files: list[Path], prof: Mapping, ctx: Context, fmt: str | None, encoding: str | None,
           sheet: str | int | None, limit: int | None,
           on_unused: Callable[[str, list[str]], None] | None = None) -> Iterator[Item]:
    """Read and transform: the rows of every file, streamed in file order; ``on_unused(file, headers)`` hears of
    the columns of a file that no field reads."""
    count = 0
    org = kinds.BY_NAME[kind].org
    for path in files:
        file_fmt = detect_format(path, fmt)
        strict = file_fmt in ("csv", "xlsx")  # a missing column is a file error; in JSON a row error
        bound: BoundMapping | None = None
        unused: dict[str, None] = {}  # ordered set: JSON rows each have their keys
        for line, cells in read_rows(path, file_fmt, encoding, sheet, known_headers=prof.known_headers()):
            if limit is not None and count >= limit:
                break
            count += 1
            if bound is None or not strict:
                bound = prof.bind(list(cells), path.name, strict=strict)
                unused.update(dict.fromkeys(bound.unused))
            values = bound.apply(cells)
            try:
                item: Record | RowReject = kinds.transform(kind, values, ctx)
            except RowReject as r:
                if org:
                    r.present = present_keys(values)
                item = r
            yield path.name, line, item, bound
        if unused and on_unused is not None:
            on_unused(path.name, list(unused))
        if limit is not None and count >= limit:
            return


def _write(items: Iterator[Item], loader: Loader, acct: Accounts, opts: IngestOptions,
           progress: Progress | None) -> None:
    """Write and account: batches go to writer threads; their outcomes are accounted in the order cut.

    Batch k is written while batch k+1 is read and transformed, and with two lanes a batch executes while another
    commits (:mod:`ingest.lanes`).
    """
    lanes = 1 if opts.dry_run else opts.writers
    with ThreadPoolExecutor(max_workers=lanes, thread_name_prefix="ingest-writer") as pool, \
            _quick_thread_switches():
        window: deque[InFlight] = deque()

        def account_oldest() -> None:
            done = window.popleft()
            acct.written(done.result(), done.records, done.bounds)
            if progress:
                progress(acct.summary.rows)

        for lane, batch in batches(items, opts.batch_size, lanes):
            records, bounds = acct.take_rejects(batch)
            if acct.parents is not None:
                acct.parents.hold_refs(records)
            if not records:
                if progress:
                    progress(acct.summary.rows)
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


def _after_batches(run: _Run, acct: Accounts) -> None:
    """The graph-wide steps once every batch is committed: parent links, the snapshot, duplicate candidates."""
    s, opts, loader = run.summary, run.opts, run.loader
    if acct.parents is not None:  # pass 2: every node of the run is committed, link children to parents
        linked = acct.parents.link(run.driver, run.db, s.run_id, s.source, loader.now, opts.batch_size)
        s.relationships_written += linked.created
        for file, line, column, reason in linked.warnings:
            acct.warn(file, line, column, reason)
    acct.close()
    if opts.snapshot and not acct.taken:
        raise InputError(f"no row of the snapshot was taken ({s.rejected} rejected); nothing was deactivated",
                         hint=f"fix the rejected rows listed in {run.report_path} and re-run")
    if not opts.dry_run and run.kind.org:
        if opts.snapshot:
            s.deactivated = deactivate_missing(run.driver, run.db, run.kind.org_kind, s.source, acct.seen, s.run_id,
                                               localtime.today(), loader.now)
        s.same_as, s.same_as_removed = link_duplicates(run.driver, run.db, acct.names, s.source, s.run_id,
                                                       loader.now)


@contextlib.contextmanager
def _driver_log_without_values(personal: frozenset[str]) -> Iterator[None]:
    """For a kind with personal data, keep the driver's DEBUG log (every Bolt message with its parameters: names,
    phones, looked-up values) off while the run sends them; the level is put back after."""
    driver_log = logging.getLogger("neo4j")
    previous = driver_log.level
    if personal and driver_log.getEffectiveLevel() < logging.INFO:
        driver_log.setLevel(logging.INFO)
    try:
        yield
    finally:
        driver_log.setLevel(previous)


@contextlib.contextmanager
def _quick_thread_switches(seconds: float = 0.001) -> Iterator[None]:
    """Let the writer threads take the GIL back sooner (the default switch interval is 5 ms).

    The reading thread is CPU-bound; a writer wanting the GIL to send a batch or read a reply waited up to a
    switch interval each time, several times per batch, while its server connection sat idle. 1 ms gave ~15%
    more rows/s in the ingest benchmark (2 cores); the setting is process-wide, so it is put back after.
    """
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, seconds))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)

