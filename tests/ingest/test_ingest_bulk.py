"""The bulk path (``gridlink bulk-load``, issue #15 part 3) on the real Neo4j: it stops the test server, imports
the store with ``neo4j-admin database import full`` and starts the server again.

A small demo set (every kind the generator writes) plus a property-contracts file (a relationship kind, with
rejects) is loaded both ways: the canonical graph hash, the counts per kind and the reject reports must be the
same, a transactional re-run after the bulk load must find every row unchanged, and a database that holds data
is refused before anything is read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import neo4j
import pytest
from ingest_fixtures import write_csv
from neo4j_helpers import wipe
from test_ingest_contracts import HEADER as CONTRACT_HEADER
from test_ingest_contracts import contract_rows

from gridlink.bench.graph_hash import canonical_lines, line_diff
from ingest import ingest_files
from ingest.bulk import bulk_load, read_dump
from ingest.bulk_files import _split
from ingest.errors import InputError
from ingest.summary import RunSummary

pytestmark = pytest.mark.neo4j

COUNTS = ("rows", "loaded", "updated", "unchanged", "rejected", "unplaced", "flagged", "warnings", "nodes_written",
          "relationships_written", "same_as")


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo set of 300 organizations with a property-contracts file added to its manifest."""
    from gridlink.demo.generate import generate

    folder = tmp_path_factory.mktemp("bulk-dump")
    manifest = generate(folder, scale=300, seed=3)
    write_csv(folder / "contracts.csv", CONTRACT_HEADER, contract_rows())
    manifest["files"].append({"kind": "property-contracts", "paths": ["contracts.csv"], "rows": 7})
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return folder


def _transactional(dump: Path, reports: Path) -> list[RunSummary]:
    return [ingest_files(kind, paths, source="demo", report=reports / f"{kind}.jsonl")
            for kind, paths in read_dump(dump)]


def _report_lines(path: str | None) -> list[tuple[Any, ...]]:
    """A report's lines without the run id (each run has its own)."""
    assert path is not None
    lines = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    return sorted((r["file"], r["row"], r["outcome"], r["column"], r["reason"]) for r in lines)


@pytest.mark.timeout(1800)  # three loads of every kind and two server restarts: minutes on a busy 2-core machine
def test_bulk_load_gives_the_transactional_graph_counts_and_reports(graph: neo4j.Driver, dump: Path,
                                                                    tmp_path: Path) -> None:
    bulk = bulk_load(read_dump(dump), source="demo", report_dir=tmp_path / "bulk")
    bulk_lines = canonical_lines(graph)
    assert bulk.nodes > 5000 and bulk.relationships > 10000
    runs, _, _ = graph.execute_query("MATCH (r:IngestRun) RETURN r.kind AS kind, r.status AS status, r.rows AS rows, "
                                     "r.rejected AS rejected ORDER BY r.runId", database_="neo4j")
    assert sorted((r["kind"], r["status"], r["rows"], r["rejected"]) for r in runs) == sorted(
        (s.kind, "completed", s.rows, s.rejected) for s in bulk.summaries)
    assert sum(s.rejected for s in bulk.summaries) >= 4  # the dirty demo rows and the contracts' rejects

    # idempotence: the transactional path finds every row of the bulk load unchanged and writes nothing
    again = _transactional(dump, tmp_path / "again")
    for b, a in zip(bulk.summaries, again, strict=True):
        assert (a.kind, a.loaded, a.updated, a.unchanged, a.rejected) == (b.kind, 0, 0, b.rows - b.rejected,
                                                                          b.rejected), a
    assert canonical_lines(graph) == bulk_lines

    wipe(graph)
    tx = _transactional(dump, tmp_path / "tx")
    tx_lines = canonical_lines(graph)
    assert tx_lines == bulk_lines, line_diff(tx_lines, bulk_lines)
    for b, t in zip(bulk.summaries, tx, strict=True):
        assert [getattr(b, c) for c in COUNTS] == [getattr(t, c) for c in COUNTS], b.kind
        assert _report_lines(b.report_path) == _report_lines(t.report_path), b.kind


def test_bulk_load_refuses_a_database_with_data(graph: neo4j.Driver, dump: Path, tmp_path: Path) -> None:
    graph.execute_query("CREATE (:Division {code: '510107', name: '武侯区'})", database_="neo4j")
    with pytest.raises(InputError, match="not empty") as err:
        bulk_load(read_dump(dump), source="demo", report_dir=tmp_path / "reports")
    assert "gridlink ingest" in (err.value.hint or "")
    assert not (tmp_path / "reports").exists()  # refused before anything was read
    records, _, _ = graph.execute_query("MATCH (n) WHERE NOT n:SchemaMigration RETURN n.code AS code",
                                        database_="neo4j")
    assert [r["code"] for r in records] == ["510107"]


def test_a_column_of_several_types_is_split_so_each_value_keeps_its_type() -> None:
    items: list[tuple[list[str], dict[str, Any]]] = [(["1"], {"capital": 5, "name": "a"}),
                                                    (["2"], {"capital": 5.5, "name": "b"}),
                                                    (["3"], {"name": "c"})]
    groups = {tuple(cols): [ids[0] for ids, _ in rows] for cols, rows in _split(items)}
    assert groups == {(("capital", "long"), ("name", "string")): ["1"],
                      (("capital", "double"), ("name", "string")): ["2"],
                      (("name", "string"),): ["3"]}
    same = list(_split([(["1"], {"capital": 5}), (["2"], {"name": "b"})]))
    assert [cols for cols, _ in same] == [[("capital", "long"), ("name", "string")]]


def test_the_dump_manifest_is_read_in_load_order_and_checked(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(json.dumps({"files": [
        {"kind": "enterprises", "paths": ["e.csv"]}, {"kind": "divisions", "paths": ["d.csv"]}]}), encoding="utf-8")
    assert [k for k, _ in read_dump(tmp_path)] == ["divisions", "enterprises"]
    (tmp_path / "manifest.json").write_text(json.dumps({"files": [{"kind": "shops", "paths": []}]}), encoding="utf-8")
    with pytest.raises(InputError, match="unknown kind 'shops'"):
        read_dump(tmp_path)
    with pytest.raises(InputError, match="no readable dump manifest"):
        read_dump(tmp_path / "nowhere")
