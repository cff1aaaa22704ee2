"""kill -9 in the middle of an ingest: the graph stays consistent and a re-run equals a clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import neo4j
import pytest
from ingest_fixtures import canonical_graph_hash, division_files, grid_file
from neo4j_helpers import wipe

from gridlink.bench.ingest_speed import write_orgs
from ingest import ingest_files

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

ROWS = 12_000
BATCH = 300


def _orgs(drv: neo4j.Driver) -> int:
    records, _, _ = drv.execute_query("MATCH (o:Organization) RETURN count(o) AS n", database_="neo4j")
    return int(records[0]["n"])


def _places(tmp: Path) -> None:
    ingest_files("divisions", division_files(tmp), report=tmp / "d.jsonl")
    ingest_files("grids", [grid_file(tmp)], report=tmp / "g.jsonl")


def test_kill_9_then_rerun_equals_clean_run(graph: neo4j.Driver, tmp_path: Path) -> None:
    _places(tmp_path)
    dump = write_orgs(tmp_path / "orgs.csv", ROWS)
    cli = Path(sys.executable).with_name("gridlink")
    proc = subprocess.Popen([str(cli), "ingest", "enterprises", str(dump), "--batch-size", str(BATCH),
                             "--report", str(tmp_path / "killed.jsonl")],
                            env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while _orgs(graph) < 3 * BATCH and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    partial = _orgs(graph)
    assert proc.returncode == -signal.SIGKILL
    assert 0 < partial < ROWS, "the kill must land mid-run"
    assert partial % BATCH == 0, "whole batches or nothing"
    unplaced, _, _ = graph.execute_query("MATCH (o:Organization) WHERE NOT (o)-[:IN_DIVISION]->() "
                                         "RETURN count(o) AS n", database_="neo4j")
    assert unplaced[0]["n"] == 0, "a committed node always has its relationships"

    rerun = ingest_files("enterprises", [dump], batch_size=BATCH, report=tmp_path / "rerun.jsonl")
    assert (rerun.unchanged, rerun.loaded, rerun.rejected) == (partial, ROWS - partial, 0)
    runs, _, _ = graph.execute_query("MATCH (r:IngestRun {kind: 'enterprises'}) RETURN r.status AS st, "
                                     "r.pid AS pid ORDER BY r.startedAt", database_="neo4j")
    assert [(r["st"], r["pid"]) for r in runs] == [("interrupted", proc.pid), ("completed", os.getpid())]
    after_rerun = canonical_graph_hash(graph)

    wipe(graph)
    _places(tmp_path)
    clean = ingest_files("enterprises", [dump], batch_size=BATCH, report=tmp_path / "clean.jsonl")
    assert clean.loaded == ROWS
    assert canonical_graph_hash(graph) == after_rerun
