"""Streaming party organizations (parents linked in a second pass), interrupted runs, stale SAME_AS candidates."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from ingest_fixtures import COMMUNITY, ENT_HEADER, canonical_graph_hash, enterprise_rows

from ingest import ingest_files
from ingest.report import read_report

pytestmark = pytest.mark.neo4j


def q(drv: neo4j.Driver, cypher: str, **params: object) -> list[dict[str, Any]]:
    with drv.session(database="neo4j") as s:
        return s.run(cypher, params).data()  # type: ignore[arg-type]


def _party(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def _org(pid: str, name: str, category: str, parent: str | None = None) -> dict[str, str]:
    row = {"党组织编号": pid, "党组织名称": name, "组织类别": category, "区划代码": COMMUNITY}
    if parent:
        row["上级党组织"] = parent
    return row


# children first: every parent comes later in the file, most in a later batch
CHAIN = [
    _org("G1", "中共网格一党支部", "党支部", "P2"),
    _org("G2", "中共网格二党支部", "党支部", "中共玉林北路社区委员会"),  # by name
    _org("P2", "中共玉林北路社区委员会", "党委", "P1"),
    _org("X9", "中共孤立党支部", "党支部", "NOPE"),  # parent nowhere: a warning, loaded
    _org("P1", "中共玉林街道工作委员会", "党工委"),
]


def _links(drv: neo4j.Driver) -> set[tuple[str, str]]:
    rows = q(drv, "MATCH (c:PartyOrganization)-[:SUBORDINATE_TO]->(p) RETURN c.partyOrgId AS c, p.partyOrgId AS p")
    return {(r["c"], r["p"]) for r in rows}


def test_party_orgs_stream_children_before_parents(places_graph: neo4j.Driver, tmp_path: Path) -> None:
    dump = _party(tmp_path / "party.jsonl", CHAIN)
    s = ingest_files("party-orgs", [dump], batch_size=1, report=tmp_path / "r.jsonl")
    assert (s.loaded, s.rejected) == (5, 0)
    assert _links(places_graph) == {("G1", "P2"), ("G2", "P2"), ("P2", "P1")}
    warnings = [r for r in read_report(tmp_path / "r.jsonl") if r["outcome"] == "warning"]
    assert [(w["row"], w["column"]) for w in warnings] == [(4, "上级党组织")] and "NOPE" in warnings[0]["reason"]
    prov = q(places_graph, "MATCH ()-[r:SUBORDINATE_TO]->() RETURN collect(DISTINCT r.runId) AS runs, "
                           "count(r.sourceRow) AS rows, count(r.firstRunId) AS first")
    assert prov == [{"runs": [s.run_id], "rows": 3, "first": 3}]
    before = canonical_graph_hash(places_graph)

    again = ingest_files("party-orgs", [dump], batch_size=2, report=tmp_path / "r2.jsonl")
    assert (again.unchanged, again.relationships_written) == (5, 0)
    assert canonical_graph_hash(places_graph) == before
    assert q(places_graph, "MATCH ()-[r:SUBORDINATE_TO]->() RETURN collect(DISTINCT r.runId) AS runs") == \
        [{"runs": [s.run_id]}], "an unchanged link is not rewritten"

    moved = [_org("G1", "中共网格一党支部", "党支部", "P1"), *CHAIN[1:3], _org("X9", "中共孤立党支部", "党支部"),
             CHAIN[4]]
    newer = ingest_files("party-orgs", [_party(tmp_path / "p2.jsonl", moved)], report=tmp_path / "r3.jsonl")
    assert (newer.updated, newer.unchanged) == (2, 3)
    assert _links(places_graph) == {("G1", "P1"), ("G2", "P2"), ("P2", "P1")}


def test_party_org_rows_are_not_buffered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest import run
    from ingest.mapping import load_mapping
    from ingest.places import Places
    from ingest.transform import Context

    def endless(*_: Any, **__: Any) -> Iterator[tuple[int, dict[str, Any]]]:
        yield 2, {"党组织编号": "G1", "党组织名称": "中共网格一党支部", "组织类别": "党支部", "上级党组织": "P2"}
        raise AssertionError("the reader was asked for a second row before the first was handed on")

    monkeypatch.setattr(run, "read_rows", endless)
    items = run.read_items("party-orgs", [_party(tmp_path / "p.jsonl", CHAIN)], load_mapping("party-orgs"),
                       Context(Places()), None, None, None, None)
    assert next(items)[1] == 2


def test_killed_runs_are_marked_interrupted(places_graph: neo4j.Driver, tmp_path: Path,
                                            csv_writer: Callable[..., Path]) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = socket.gethostname()
    runs = [("dead", "s1", host, dead.pid), ("alive", "s1", host, os.getppid()),
            ("elsewhere", "s1", "another-host", dead.pid), ("other-source", "s2", host, dead.pid)]
    for run_id, source, hostname, pid in runs:
        q(places_graph, "CREATE (:IngestRun {runId: $id, kind: 'enterprises', source: $src, status: 'running', "
                        "hostname: $host, pid: $pid, startedAt: datetime() - duration('PT1H')})",
          id=run_id, src=source, host=hostname, pid=pid)
    path = csv_writer("ent.csv", ENT_HEADER, enterprise_rows())
    s = ingest_files("enterprises", [path], source="s1", report=tmp_path / "r.jsonl")
    status = {r["id"]: r["st"] for r in q(places_graph, "MATCH (r:IngestRun {kind: 'enterprises'}) "
                                             "RETURN r.runId AS id, r.status AS st")}
    assert status == {"dead": "interrupted", "alive": "running", "elsewhere": "running", "other-source": "running",
                      s.run_id: "completed"}
    mine = q(places_graph, "MATCH (r:IngestRun {runId: $id}) RETURN r.pid AS pid, r.hostname AS host", id=s.run_id)
    assert mine == [{"pid": os.getpid(), "host": host}]

    from typer.testing import CliRunner

    from gridlink.cli import app

    hist = CliRunner().invoke(app, ["ingest", "history", "--limit", "10"], env={"COLUMNS": "250"})
    assert hist.exit_code == 0
    line = next(ln for ln in hist.output.splitlines() if "dead" in ln)
    assert "interrupted" in line and f"{host}:{dead.pid}" in line


def test_stale_same_as_candidates_are_removed(places_graph: neo4j.Driver, tmp_path: Path,
                                              csv_writer: Callable[..., Path]) -> None:
    rows = enterprise_rows()
    first = ingest_files("enterprises", [csv_writer("a.csv", ENT_HEADER, rows)], report=tmp_path / "a.jsonl")
    assert first.same_as == 1
    renamed = [list(r) for r in rows]
    renamed[0][1] = "成都玉林新科技有限公司"  # the coded twin is renamed: no longer the same name
    second = ingest_files("enterprises", [csv_writer("b.csv", ENT_HEADER, renamed)], report=tmp_path / "b.jsonl")
    assert (second.updated, second.same_as, second.same_as_removed) == (1, 0, 1)
    assert q(places_graph, "MATCH ()-[s:SAME_AS]->() RETURN count(s) AS n") == [{"n": 0}]
    # a third organization of the twin's name without a code: a candidate with the remaining twin again
    third = renamed + [["", "成都玉林科技有限公司", "", "", "", "", "", COMMUNITY, "", "", ""]]
    s3 = ingest_files("enterprises", [csv_writer("c.csv", ENT_HEADER, third)], report=tmp_path / "c.jsonl")
    assert (s3.loaded, s3.same_as, s3.same_as_removed) == (1, 1, 0)
    pair = q(places_graph, "MATCH (a)-[s:SAME_AS]->(b) RETURN a.nameNorm = b.nameNorm AS same, s.score AS score")
    assert pair == [{"same": True, "score": 0.6}]
