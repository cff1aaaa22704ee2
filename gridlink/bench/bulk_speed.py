"""Benchmark: ``gridlink bulk-load`` (Neo4j's importer) against ``LOAD CSV`` + ``MERGE`` of the same rows.

It WIPES the graph of the server it runs against (a bulk load needs an empty database and stops and starts the
local server), so give it a server of its own::

    export GRIDLINK_NEO4J_BOLT_PORT=17753 GRIDLINK_NEO4J_HTTP_PORT=17453 NEO4J_URI=bolt://127.0.0.1:17753 \\
           GRIDLINK_NEO4J_HOME=~/.cache/gridlink/bulk-bench-server
    python -m gridlink.bench.bulk_speed --orgs 100000 --wipe [--check-hash]

It writes a dump (the real Chengdu divisions and N generated enterprises, the rows of
:mod:`gridlink.bench.ingest_speed`), then

1. bulk-loads it into the emptied database (reading, validation, CSV files, import, restart, schema: the whole
   command), and with ``--check-hash`` takes the canonical graph hash;
2. deletes the enterprises and loads the same CSV with ``LOAD CSV`` + ``MERGE`` (node + ``IN_DIVISION``), and again
   with the provenance gridlink writes (:data:`~gridlink.bench.ingest_speed.LOAD_CSV_PROVENANCE`);
3. with ``--check-hash``: wipes, loads the dump with the transactional ``gridlink ingest`` and compares the hashes.

It prints nodes+relationships per second of each, the ratios, and the bulk load's phases. ``--dump DIR`` bulk-loads
a ready dump folder instead (e.g. ``gridlink demo generate --scale 1000000 --district all``: every kind) and skips
the ``LOAD CSV`` part.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import tempfile
import time
from pathlib import Path

import neo4j

from gridlink.bench.ingest_speed import LOAD_CSV, LOAD_CSV_PROVENANCE, _clear, _import_dir, _load_csv, write_orgs
from gridlink.demo.divisions import DATA_DIR, TABLES


def write_dump(folder: Path, orgs: int) -> Path:
    """A dump folder: the division tables and ``orgs`` enterprises, with its manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = []
    for table in TABLES:
        shutil.copy(DATA_DIR / f"chengdu-{table}.csv", folder / f"chengdu-{table}.csv")
        tables.append(f"chengdu-{table}.csv")
    write_orgs(folder / "bench-orgs.csv", orgs)
    manifest = {"files": [{"kind": "divisions", "paths": tables},
                          {"kind": "enterprises", "paths": ["bench-orgs.csv"]}]}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def _wipe(drv: neo4j.Driver, db: str) -> None:
    with drv.session(database=db) as s:
        s.run("MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
              ).consume()


def _hash(drv: neo4j.Driver, db: str) -> str:
    from gridlink.bench.graph_hash import canonical_graph_hash

    digest, nodes, rels = canonical_graph_hash(drv, db)
    print(f"  canonical hash {digest[:16]}… ({nodes:,} nodes, {rels:,} relationships)", flush=True)
    return digest


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the figures."""
    from graph import server
    from graph.driver import database, get_driver
    from graph.schema import migrate
    from graph.settings import get_server_settings
    from ingest import ingest_files
    from ingest.bulk import bulk_load, read_dump

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--orgs", type=int, default=100_000, help="generated enterprises")
    ap.add_argument("--dump", type=Path, help="bulk-load this dump folder instead (no LOAD CSV comparison)")
    ap.add_argument("--wipe", action="store_true", help="required: the graph of this server is deleted")
    ap.add_argument("--check-hash", action="store_true",
                    help="also load transactionally and compare the canonical graph hashes")
    ap.add_argument("--batch-size", type=int, default=2000)
    args = ap.parse_args(argv)
    if not args.wipe:
        ap.error("--wipe is required: this benchmark deletes the graph of the server it runs against")
    logging.basicConfig(level=logging.WARNING)
    server.start(quiet=True)  # the local server of these settings (the bulk load stops and starts it)
    drv, db = get_driver(), database()
    migrate(drv)
    tmp = Path(tempfile.mkdtemp(prefix="gridlink-bulk-bench-"))
    folder = args.dump or write_dump(tmp / "dump", args.orgs)
    try:
        _wipe(drv, db)
        print("bulk load …", flush=True)
        t0 = time.monotonic()
        bulk = bulk_load(read_dump(folder), source="bench-bulk", batch_size=args.batch_size,
                         report_dir=tmp / "reports")
        bulk_s = time.monotonic() - t0
        bulk_items = bulk.nodes + bulk.relationships
        rows = sum(s.rows for s in bulk.summaries)
        phases = ", ".join(f"{k} {v:.1f}s" for k, v in bulk.seconds.items())
        print(f"bulk load                 {bulk_items / bulk_s:>9,.0f} items/s  ({rows:,} rows -> {bulk.nodes:,} nodes "
              f"+ {bulk.relationships:,} relationships in {bulk_s:.1f}s: {phases})", flush=True)
        bulk_hash = _hash(drv, db) if args.check_hash else None
        rates = {"bulk": bulk_items / bulk_s}
        if args.dump is None:
            _clear(drv, db)  # bench organizations only; the divisions stay for LOAD CSV's MATCH
            path = folder / "bench-orgs.csv"
            import_dir: Path | None = None
            url = path.resolve().as_uri()  # a server without import-folder confinement reads absolute paths
            try:
                _load_csv(drv, db, url, args.batch_size, "LOAD CSV FROM $url AS row WITH row LIMIT 1 "
                          "CALL (row) { RETURN 1 AS x } IN TRANSACTIONS OF $batch ROWS RETURN count(*)")
            except neo4j.exceptions.ClientError:  # confined: copy it into the import folder
                import_dir = _import_dir(drv, db) or get_server_settings().server_home() / "import"
                shutil.copy(path, import_dir / path.name)
                url = f"file:///{path.name}"
            try:
                for name, query in (("LOAD CSV + MERGE", LOAD_CSV), ("LOAD CSV with provenance", LOAD_CSV_PROVENANCE)):
                    t1 = time.monotonic()
                    c = _load_csv(drv, db, url, args.batch_size, query)
                    sec = time.monotonic() - t1
                    items = c.nodes_created + c.relationships_created
                    rates[name] = items / sec
                    print(f"{name:<25} {items / sec:>9,.0f} items/s  ({items:,} items in {sec:.1f}s)", flush=True)
                    _clear(drv, db)
            finally:
                if import_dir is not None:
                    (import_dir / path.name).unlink(missing_ok=True)
            print(f"ratio bulk / LOAD CSV + MERGE = {rates['bulk'] / rates['LOAD CSV + MERGE']:.2f}; "
                  f"bulk / LOAD CSV with provenance = {rates['bulk'] / rates['LOAD CSV with provenance']:.2f} "
                  "(bulk includes reading, validation, server stop/start and schema; its items include the "
                  "divisions)", flush=True)
        if bulk_hash is not None:
            _wipe(drv, db)
            print("transactional load for the hash check …", flush=True)
            t2 = time.monotonic()
            for kind, paths in read_dump(folder):
                ingest_files(kind, paths, source="bench-bulk", batch_size=args.batch_size,
                             report=tmp / "tx" / f"{kind}.jsonl")
            print(f"  transactional load took {time.monotonic() - t2:.1f}s", flush=True)
            same = _hash(drv, db) == bulk_hash
            print(f"same canonical graph hash as the transactional load: {'yes' if same else 'NO'}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
