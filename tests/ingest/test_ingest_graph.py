"""The ingest against the real Neo4j: outcomes, report, provenance, idempotency, updates, snapshots, dry runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest
from ingest_fixtures import COMMUNITY, COMMUNITY2, ENT_HEADER, GRID1, canonical_graph_hash, enterprise_rows

from ingest import ingest_files
from ingest.errors import InputError
from ingest.report import read_report

pytestmark = pytest.mark.neo4j

BAD_ROWS = [
    ["", "", "", "", "", "", "", "", "", "", ""],  # blank: skipped, not a row
    ["", "", "有限责任公司", "", "", "", "", "", "", "", ""],  # no name
    ["", "坏区划公司", "", "", "", "", "", "510107999999", "", "", ""],
    ["", "坏网格公司", "", "", "", "", "", "", "510107005001999", "", ""],
    ["", "坏坐标公司", "", "", "", "", "", "", "", "东经", "北纬"],
]


def q(drv: neo4j.Driver, cypher: str, **params: object) -> list[dict[str, object]]:
    with drv.session(database="neo4j") as s:
        return s.run(cypher, params).data()  # type: ignore[arg-type]


def test_dump_with_bad_rows_every_row_accounted_for(places_graph: neo4j.Driver, tmp_path: Path,
                                                    csv_writer: Callable[..., Path]) -> None:
    path = csv_writer("ent.csv", ENT_HEADER, enterprise_rows() + BAD_ROWS, encoding="gbk")
    s = ingest_files("enterprises", [path], report=tmp_path / "r.jsonl", batch_size=3)
    assert s.rows == 10 and (s.loaded, s.updated, s.unchanged, s.rejected) == (6, 0, 0, 4)
    assert s.loaded + s.updated + s.unchanged + s.rejected == s.rows
    rejects = [r for r in read_report(tmp_path / "r.jsonl") if r["outcome"] == "rejected"]
    assert [(r["row"], r["column"]) for r in rejects] == [(9, "企业名称"), (10, "区划代码"), (11, "网格编码"),
                                                          (12, "经度")]
    assert s.unplaced == 1 and s.flagged == 1 and s.same_as == 1
    orgs = {r["name"]: r for r in q(places_graph, "MATCH (o:Enterprise) RETURN o.name AS name, o.uid AS uid, "
                                                 "o.placement AS placement, o.usccValid AS valid, o.status AS st")}
    assert orgs["福建试点有限公司"]["valid"] is False and orgs["福建试点有限公司"]["uid"] == "91350100M0001TGQXM"
    assert orgs["华为技术有限公司(成都)"]["placement"] == "division-code"
    assert orgs["玉林小面馆"]["placement"] == "address-text"
    assert q(places_graph, "MATCH (o {uid: '91350100M000100Y43'}) RETURN o.placement AS p") == [{"p": "grid-point"}]
    placed = q(places_graph, "MATCH (o:Organization {uid: '91350100M000100Y43'})-[r]->(x) "
                             "RETURN type(r) AS t, coalesce(x.uid, x.code) AS k, r.source AS src, "
                             "r.sourceRow AS row, r.runId AS run ORDER BY t")
    assert [(p["t"], p["k"], p["src"], p["row"], p["run"]) for p in placed] == [
        ("IN_DIVISION", COMMUNITY, "enterprises", 2, s.run_id),
        ("IN_GRID", f"LOCAL:{GRID1[0]}", "enterprises", 2, s.run_id),
        ("SAME_AS", q(places_graph, "MATCH (o {name: '成都玉林科技有限公司'}) WHERE o.uscc IS NULL "
                                    "RETURN o.uid AS u")[0]["u"], "enterprises", None, s.run_id)]
    prov = q(places_graph, "MATCH (o:Organization) RETURN count(*) AS n, count(o.source) AS src, "
                           "count(o.sourceFile) AS f, count(o.sourceRow) AS r, count(o.firstRunId) AS first")
    assert prov == [{"n": 6, "src": 6, "f": 6, "r": 6, "first": 6}]
    run = q(places_graph, "MATCH (r:IngestRun {runId: $id}) RETURN r.status AS st, r.rows AS rows, "
                          "r.rejected AS rej", id=s.run_id)
    assert run == [{"st": "completed", "rows": 10, "rej": 4}]


def test_rerun_changes_nothing(places_graph: neo4j.Driver, tmp_path: Path,
                               csv_writer: Callable[..., Path]) -> None:
    path = csv_writer("ent.csv", ENT_HEADER, enterprise_rows() + BAD_ROWS[1:])
    first = ingest_files("enterprises", [path], report=tmp_path / "1.jsonl")
    before = canonical_graph_hash(places_graph)
    updated_at = q(places_graph, "MATCH (o:Organization) RETURN o.uid AS u, o.updatedAt AS t, o.runId AS r "
                                 "ORDER BY u")
    second = ingest_files("enterprises", [path], report=tmp_path / "2.jsonl")
    assert (second.rows, second.loaded, second.updated, second.unchanged, second.rejected) == \
        (first.rows, 0, 0, first.loaded, first.rejected)
    assert canonical_graph_hash(places_graph) == before
    # not even provenance moves: the rows were not written again
    assert q(places_graph, "MATCH (o:Organization) RETURN o.uid AS u, o.updatedAt AS t, o.runId AS r "
                           "ORDER BY u") == updated_at


def test_newer_dump_updates_what_changed(places_graph: neo4j.Driver, tmp_path: Path,
                                         csv_writer: Callable[..., Path]) -> None:
    rows = enterprise_rows()
    ingest_files("enterprises", [csv_writer("v1.csv", ENT_HEADER, rows)], report=tmp_path / "1.jsonl")
    rows[1][5], rows[1][7] = "注销", COMMUNITY  # Huawei cancelled and moved community
    s = ingest_files("enterprises", [csv_writer("v2.csv", ENT_HEADER, rows)], report=tmp_path / "2.jsonl")
    assert (s.loaded, s.updated, s.unchanged) == (0, 1, 5)
    hw = q(places_graph, "MATCH (o {uid: '914403001922038216'})-[:IN_DIVISION]->(d) "
                         "RETURN o.status AS st, o.statusRaw AS raw, collect(d.code) AS divs, o.runId AS run, "
                         "o.firstRunId = o.runId AS same, o.sourceFile AS file")
    assert hw == [{"st": "CANCELLED", "raw": "注销", "divs": [COMMUNITY], "run": s.run_id, "same": False,
                   "file": "v2.csv"}]
    assert COMMUNITY2 not in str(hw)


def test_snapshot_deactivates_missing_and_revives_returning(places_graph: neo4j.Driver, tmp_path: Path,
                                                           csv_writer: Callable[..., Path]) -> None:
    rows = enterprise_rows()
    ingest_files("enterprises", [csv_writer("v1.csv", ENT_HEADER, rows)], source="scjg",
                 report=tmp_path / "1.jsonl")
    s = ingest_files("enterprises", [csv_writer("v2.csv", ENT_HEADER, rows[1:])], source="scjg",
                     snapshot=True, report=tmp_path / "2.jsonl")
    assert s.deactivated == 1 and s.unchanged == 5
    gone = q(places_graph, "MATCH (o:Organization) WHERE NOT o.active RETURN o.uid AS u, "
                           "o.inactiveSince IS NOT NULL AS dated")
    assert gone == [{"u": "91350100M000100Y43", "dated": True}]
    back = ingest_files("enterprises", [csv_writer("v3.csv", ENT_HEADER, rows)], source="scjg", snapshot=True,
                        report=tmp_path / "3.jsonl")
    assert (back.updated, back.unchanged, back.deactivated) == (1, 5, 0)
    assert q(places_graph, "MATCH (o:Organization) WHERE NOT coalesce(o.active, true) RETURN count(*) AS n") \
        == [{"n": 0}]


def test_dry_run_writes_nothing_but_counts(places_graph: neo4j.Driver, tmp_path: Path,
                                           csv_writer: Callable[..., Path]) -> None:
    before = canonical_graph_hash(places_graph)
    path = csv_writer("ent.csv", ENT_HEADER, enterprise_rows() + BAD_ROWS[1:])
    s = ingest_files("enterprises", [path], dry_run=True, report=tmp_path / "r.jsonl")
    assert (s.status, s.loaded, s.rejected) == ("dry-run", 6, 4)
    assert canonical_graph_hash(places_graph) == before
    assert q(places_graph, "MATCH (r:IngestRun) WHERE r.kind = 'enterprises' RETURN count(*) AS n") == [{"n": 0}]


def test_cli_exit_code_and_summary(places_graph: neo4j.Driver, tmp_path: Path,
                                   csv_writer: Callable[..., Path]) -> None:
    from typer.testing import CliRunner

    from gridlink.cli import app

    path = csv_writer("ent.csv", ENT_HEADER, enterprise_rows() + BAD_ROWS[1:])
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", "enterprises", str(path), "--report", str(tmp_path / "r.csv")])
    assert res.exit_code == 2, res.output
    assert "rejected" in res.output and str(tmp_path / "r.csv") in res.output.replace("\n", "")
    assert len([r for r in read_report(tmp_path / "r.csv") if r["outcome"] == "rejected"]) == 4
    clean = csv_writer("ok.csv", ENT_HEADER, enterprise_rows())
    assert runner.invoke(app, ["ingest", "enterprises", str(clean), "--report", str(tmp_path / "o.jsonl")]
                         ).exit_code == 0
    hist = runner.invoke(app, ["ingest", "history", "--limit", "5"])
    assert hist.exit_code == 0 and "enterprises" in hist.output
    bad = runner.invoke(app, ["ingest", "enterprises", str(tmp_path / "missing.csv")])
    # CliRunner calls the app without gridlink.cli.main's handler: the error arrives as the exception itself
    # (tests/ingest/test_ingest_errors.py checks the message and hint users see)
    assert bad.exit_code == 1 and isinstance(bad.exception, InputError)
    assert str(bad.exception) == f"file not found: {tmp_path / 'missing.csv'}"


def test_inactive_since_is_beijing_date_not_the_servers(places_graph: neo4j.Driver, tmp_path: Path,
                                                         csv_writer: Callable[..., Path],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """At 2027-03-31 20:00 UTC it is already 2027-04-01 in Beijing: the deactivation is dated April 1st (the clock
    is moved through graph.localtime, the one clock; the server's own date would say something else)."""
    import datetime as dt

    from graph import localtime

    utc_evening = dt.datetime(2027, 3, 31, 20, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(localtime, "now", lambda: utc_evening.astimezone(localtime.LOCAL_TZ))
    rows = enterprise_rows()
    ingest_files("enterprises", [csv_writer("v1.csv", ENT_HEADER, rows)], source="scjg",
                 report=tmp_path / "1.jsonl")
    ingest_files("enterprises", [csv_writer("v2.csv", ENT_HEADER, rows[1:])], source="scjg", snapshot=True,
                 report=tmp_path / "2.jsonl")
    assert q(places_graph, "MATCH (o:Organization) WHERE NOT o.active RETURN toString(o.inactiveSince) AS d") == [
        {"d": "2027-04-01"}]
