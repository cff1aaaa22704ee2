"""A generated demo set loaded through ``ingest.ingest_files`` into the real Neo4j."""

from __future__ import annotations

import io
from pathlib import Path

import neo4j
import pytest
from rich.console import Console

from gridlink.demo import ensure_demo_loaded, loaded_kinds
from gridlink.demo.generate import generate
from gridlink.demo.load import load_set


def _count(driver: neo4j.Driver, cypher: str) -> int:
    records = driver.execute_query(cypher, database_="neo4j").records
    return int(records[0][0])


@pytest.mark.neo4j
def test_demo_set_loads_with_every_row_accounted_for(graph: neo4j.Driver, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # Arrange
    folder = tmp_path / "demo"
    manifest = generate(folder, scale=300, district="510107", seed=5)
    console = Console(file=io.StringIO(), width=120)
    assert loaded_kinds(graph) == set()

    # Act
    summaries = load_set(folder, console, generate_if_missing=False, driver=graph)

    # Assert: nothing lost, exactly the planted defects rejected
    assert [s.kind for s in summaries] == [f["kind"] for f in manifest["files"]]
    for s, f in zip(summaries, manifest["files"], strict=True):
        assert s.rows == f["rows"], s.kind
        assert s.loaded + s.updated + s.unchanged + s.rejected == s.rows, s.kind
        assert s.rejected == f["expectedRejected"], (s.kind, s.report_path)
        assert s.status == "completed"
    assert "total" in console.file.getvalue()  # type: ignore[attr-defined]

    # Assert: the graph's structure
    grids = manifest["grids"]
    assert _count(graph, "MATCH (g:Grid)-[:PART_OF]->(:Division {level: 'community'}) RETURN count(g)") == grids
    assert _count(graph, "MATCH (g:Grid) WHERE NOT (g)-[:PART_OF]->(:Division) RETURN count(g)") == 0
    chains = _count(graph, """
        MATCH (gb:PartyOrganization)-[:LEADS]->(g:Grid),
              (gb)-[:SUBORDINATE_TO]->(cc:PartyOrganization)-[:LEADS]->(c:Division {level: 'community'}),
              (cc)-[:SUBORDINATE_TO]->(sc:PartyOrganization)-[:LEADS]->(s:Division {level: 'street'}),
              (g)-[:PART_OF]->(c)-[:PART_OF]->(s)
        RETURN count(DISTINCT g)""")
    assert chains == grids
    resources = next(f for f in manifest["files"] if f["kind"] == "resources")
    assert _count(graph, "MATCH (r:Resource) RETURN count(r)") == resources["rows"] - resources["expectedRejected"]
    assert _count(graph, "MATCH (r:Resource) WHERE NOT (:Organization)-[:PROVIDES]->(r) RETURN count(r)") == 0
    joint = _count(graph, "MATCH (p:PartyOrganization {category: '联合党支部'})-[:HOSTED_BY]->(o) "
                          "WITH p, count(o) AS n WHERE n < 2 OR n > 5 RETURN count(p)")
    assert joint == 0

    # Assert: `gridlink up` would not load again
    monkeypatch.setenv("GRIDLINK_DEMO_DIR", str(folder))
    assert loaded_kinds(graph) == {f["kind"] for f in manifest["files"]}
    assert ensure_demo_loaded(console, driver=graph) is False


@pytest.mark.neo4j
def test_loading_the_demo_set_twice_changes_nothing(graph: neo4j.Driver, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    generate(folder, scale=300, district="510107", seed=6)
    console = Console(file=io.StringIO(), width=120)
    load_set(folder, console, generate_if_missing=False, driver=graph)
    nodes = _count(graph, "MATCH (n) WHERE NOT n:IngestRun RETURN count(n)")
    rels = _count(graph, "MATCH ()-[r]->() RETURN count(r)")

    again = load_set(folder, console, generate_if_missing=False, driver=graph)

    assert all(s.loaded == 0 and s.updated == 0 for s in again), [(s.kind, s.loaded, s.updated) for s in again]
    assert _count(graph, "MATCH (n) WHERE NOT n:IngestRun RETURN count(n)") == nodes
    assert _count(graph, "MATCH ()-[r]->() RETURN count(r)") == rels
