"""Scale run: generate and load a whole city's demo set (10^6 organizations by default), then measure.

    python -m gridlink.bench.scale_run                        # generate (once) + wipe + load + measure, 10^6
    python -m gridlink.bench.scale_run --scale 20000 --district 510107
    python -m gridlink.bench.scale_run --skip-load            # measure the graph already loaded

Reports (printed as tables and written to ``reports/scale/scale-run-<scale>.json``):

- load: rows/s and nodes+relationships/s per kind and in total (``gridlink``'s own ingest, the demo loader's
  order), peak RSS of the Neo4j JVM and of this loader process;
- size: ``du`` of the server's data folder (store + transaction logs), node and relationship counts;
- latency: p50/p95/p99 of every named query in ``queries.catalog()`` over many sampled parameters (grids,
  divisions of the example's level, organizations…; write queries run in a transaction that is rolled back),
  with a PROFILE (db hits, label scans) of the slow ones; and ``resourcesForGrid`` over many grids through the
  driver alone and through the API (uvicorn subprocess, GraphQL over loopback).

The Neo4j server comes from the usual settings (see ``gridlink/bench/common.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from gridlink.bench.common import (
    API_KEYS,
    REPORTS,
    RssSampler,
    database_dir,
    du_bytes,
    latency_stats,
    mib,
    rss_bytes,
    serve_api,
    server_pid,
    wipe_data,
    write_report,
)
from gridlink.bench.query_samples import Samples, measure_catalog, profile_query

console = Console(width=160)

RFG_DOC = """query($g: String!, $limit: Int!) { resourcesForGrid(gridCode: $g, limit: $limit) {
  matches { score distanceM reasons { code weight } resource { uid name category } provider { name } } } }"""


def generate_set(folder: Path, scale: int, district: str, seed: int) -> dict[str, Any]:
    """The demo set in ``folder``, generated first when it is missing (or of another size)."""
    from gridlink.demo.generate import generate
    from gridlink.demo.load import read_manifest

    manifest = read_manifest(folder)
    if manifest is not None and manifest.get("scale") == scale and manifest.get("district") == district:
        console.print(f"reusing the demo set in {folder}")
        return manifest
    t0 = time.perf_counter()
    with console.status(f"generating {scale:,} organizations ({district}) into {folder}…"):
        manifest = generate(folder, scale=scale, district=district, seed=seed)
    console.print(f"generated in {time.perf_counter() - t0:.0f} s")
    return manifest


def _completed_runs(kinds: list[str]) -> list[dict[str, Any]]:
    """Figures of the completed demo runs of these kinds, from their IngestRun nodes (nodes/rels not recorded)."""
    from graph.driver import get_driver

    recs, _, _ = get_driver().execute_query(
        "MATCH (r:IngestRun {source: 'demo', status: 'completed'}) WHERE r.kind IN $kinds "
        "RETURN r.kind AS kind, r.rows AS rows, r.loaded AS loaded, r.rejected AS rejected, r.seconds AS seconds "
        "ORDER BY r.startedAt", {"kinds": kinds}, database_="neo4j")
    return [r.data() | {"nodes": None, "rels": None, "seconds": round(r["seconds"], 1),
                        "rows_per_s": round(r["rows"] / r["seconds"], 1), "graph_items_per_s": None,
                        "earlier_run": True} for r in recs]


def load_set(folder: Path, manifest: dict[str, Any], batch_size: int, resume_from: str | None) -> dict[str, Any]:
    """Wipe the graph and ingest every file in manifest order; throughput and peak memory.

    With ``resume_from`` nothing is wiped: the kinds before it keep the graph and figures of their earlier,
    completed runs, partial nodes of that kind are deleted, and the load goes on from there.
    """
    from graph.driver import get_driver
    from graph.schema import migrate
    from ingest import ingest_files

    drv = get_driver()
    order = [e["kind"] for e in manifest["files"]]
    kinds: list[dict[str, Any]] = []
    if resume_from:
        earlier = order[:order.index(resume_from)]
        kinds = _completed_runs(earlier)
        if [k["kind"] for k in kinds] != earlier:
            raise SystemExit(f"--resume-from {resume_from}: the graph lacks completed runs of {earlier}")
        recs, _, _ = drv.execute_query("MATCH (r:IngestRun) WHERE r.status <> 'completed' RETURN r.runId AS id",
                                       database_="neo4j")
        with drv.session(database="neo4j") as session:  # nodes created by the interrupted run
            session.run("MATCH (n) WHERE n.firstRunId IN $ids "
                        "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
                        ids=[r["id"] for r in recs]).consume()
        manifest = {"files": [e for e in manifest["files"] if e["kind"] not in earlier]}
    else:
        with console.status("wiping the graph…"):
            wipe_data(drv)
    migrate(drv)
    jvm = server_pid()
    with RssSampler({"neo4j": jvm, "loader": os.getpid()}) as mem:
        t_all = time.perf_counter()
        for entry in manifest["files"]:
            t0 = time.perf_counter()
            with console.status(f"loading {entry['kind']} ({entry['rows']:,} rows)…"):
                s = ingest_files(entry["kind"], [folder / p for p in entry["paths"]], source="demo",
                                 batch_size=batch_size, report=folder / "reports" / f"{entry['kind']}.jsonl")
            secs = time.perf_counter() - t0
            kinds.append({"kind": s.kind, "rows": s.rows, "loaded": s.loaded, "rejected": s.rejected,
                          "nodes": s.nodes_written, "rels": s.relationships_written, "seconds": round(secs, 1),
                          "rows_per_s": round(s.rows / secs, 1),
                          "graph_items_per_s": round((s.nodes_written + s.relationships_written) / secs, 1)})
            console.print(f"  {s.kind:<14} {s.rows:>9,} rows {secs:>7.1f} s  {s.rows / secs:>8,.0f} rows/s")
        total_s = time.perf_counter() - t_all
    total_s += sum(k["seconds"] for k in kinds if k.get("earlier_run"))
    rows = sum(k["rows"] for k in kinds)
    recs, _, _ = drv.execute_query("MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r",
                                   database_="neo4j")
    items = recs[0]["n"] + recs[0]["r"]  # the whole graph: also right when the load was resumed
    return {"kinds": kinds, "rows": rows, "nodes_in_graph": recs[0]["n"], "rels_in_graph": recs[0]["r"],
            "seconds": round(total_s, 1), "resumed_from": resume_from,
            "rows_per_s": round(rows / total_s, 1), "graph_items_per_s": round(items / total_s, 1),
            "peak_rss_mib": {k: mib(v) for k, v in mem.peak.items()},
            "loader_peak_rss_mib_hwm": mib(rss_bytes(os.getpid())[1])}


def graph_size() -> dict[str, Any]:
    """Counts and on-disk size of the graph."""
    from graph.driver import get_driver

    drv = get_driver()
    recs, _, _ = drv.execute_query("MATCH (n) RETURN count(n) AS n", database_="neo4j")
    rels, _, _ = drv.execute_query("MATCH ()-[r]->() RETURN count(r) AS n", database_="neo4j")
    from queries.catalog import run

    overview = run("explore_model_overview", {}).records  # counts from the count store
    data = database_dir()
    return {"nodes": recs[0]["n"], "relationships": rels[0]["n"],
            "labels": {r["name"]: r["total"] for r in overview if r["part"] == "label"},
            "relationship_types": {r["name"]: r["total"] for r in overview if r["part"] == "relationship"},
            "data_dir": str(data), "disk_mib": mib(du_bytes(data)),
            "store_mib": mib(du_bytes(data / "databases" / "neo4j")),
            "tx_logs_mib": mib(du_bytes(data / "transactions" / "neo4j")),
            "neo4j_rss_mib": mib(rss_bytes(server_pid())[0])}


def resources_for_grid(samples: Samples, n: int, api: bool = True) -> dict[str, Any]:
    """resourcesForGrid over ``n`` requests cycling through the sampled grids: driver, then (``api``) the API."""
    from api.db import read_sync

    grids = samples.grid_codes
    out: dict[str, Any] = {"grids": len(grids), "requests": n}

    def params(code: str) -> dict[str, Any]:
        return {"scheme": "LOCAL", "gridCode": code, "categories": None, "maxDistanceM": 3000.0,
                "availableAt": None, "availableOn": None, "includeExpired": False, "limit": 20, "origin": None}

    for code in grids[:20]:  # warm-up
        read_sync("resources_for_grid", params(code))
    lat = []
    matches = 0
    for i in range(n):
        t0 = time.perf_counter()
        rows = read_sync("resources_for_grid", params(grids[i % len(grids)]))
        lat.append((time.perf_counter() - t0) * 1000)
        matches += len(rows[0]["matches"]) if rows else 0
    out["driver"] = latency_stats(lat) | {"mean_matches": round(matches / n, 1)}
    if not api:
        return out

    with serve_api() as (base, proc), httpx.Client(base_url=base, timeout=60,
                                                   headers={"X-API-Key": next(iter(API_KEYS))}) as client:
        def call(code: str) -> None:
            r = client.post("/graphql", json={"query": RFG_DOC, "variables": {"g": code, "limit": 20}})
            if r.status_code != 200 or "errors" in r.json():
                raise SystemExit(f"API error for grid {code}: {r.text[:300]}")

        for code in grids[:20]:
            call(code)
        lat = []
        for i in range(n):
            t0 = time.perf_counter()
            call(grids[i % len(grids)])
            lat.append((time.perf_counter() - t0) * 1000)
        out["api"] = latency_stats(lat) | {"api_rss_mib": mib(rss_bytes(proc.pid)[0])}
    return out


def print_tables(report: dict[str, Any]) -> None:
    if "load" in report:
        ld = report["load"]
        t = Table(title=f"load ({ld['seconds']:,} s)")
        for c in ("kind", "rows", "rejected", "nodes", "rels", "seconds", "rows/s", "nodes+rels/s"):
            t.add_column(c, justify="right" if c != "kind" else "left")
        def n(v: Any) -> str:
            return "" if v is None else f"{v:,.0f}"

        for k in ld["kinds"]:
            t.add_row(k["kind"], n(k["rows"]), n(k["rejected"]), n(k["nodes"]), n(k["rels"]),
                      f"{k['seconds']}", n(k["rows_per_s"]), n(k["graph_items_per_s"]))
        t.add_row("total (graph)", n(ld["rows"]), "", n(ld["nodes_in_graph"]), n(ld["rels_in_graph"]),
                  f"{ld['seconds']}", n(ld["rows_per_s"]), n(ld["graph_items_per_s"]))
        console.print(t)
        console.print(f"peak RSS during load (MiB): {ld['peak_rss_mib']}")
    sz = report["size"]
    console.print(f"graph: {sz['nodes']:,} nodes, {sz['relationships']:,} relationships; data dir "
                  f"{sz['disk_mib']:,} MiB (store {sz['store_mib']:,}, tx logs {sz['tx_logs_mib']:,}); "
                  f"Neo4j RSS {sz['neo4j_rss_mib']:,} MiB")
    t = Table(title="named queries (ms)")
    for c in ("query", "n", "p50", "p95", "p99", "max", "rows", "db hits", "label scans"):
        t.add_column(c, justify="left" if c in ("query", "label scans") else "right")
    for name, q in report["queries"].items():
        prof = q.get("profile") or {}
        t.add_row(name, str(q["n"]), f"{q['p50']}", f"{q['p95']}", f"{q['p99']}", f"{q['max']}",
                  f"{q['mean_rows']}", f"{prof.get('db_hits', '')}", ",".join(prof.get("label_scans", [])))
    console.print(t)
    if "resources_for_grid" in report:
        r = report["resources_for_grid"]
        t = Table(title=f"resourcesForGrid: {r['requests']} requests over {r['grids']} grids (ms)")
        for c in ("path", "p50", "p95", "p99", "max"):
            t.add_column(c, justify="right")
        for path in ("driver", "api"):
            if path in r:
                t.add_row(path, *(f"{r[path][k]}" for k in ("p50", "p95", "p99", "max")))
        console.print(t)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=1_000_000, help="organizations to generate")
    ap.add_argument("--district", default="all", help="Chengdu district code, 5101 or all")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path, default=None, help="demo set folder (default ~/.cache/gridlink/scale-<N>)")
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--resume-from", metavar="KIND", help="keep the kinds loaded before KIND, load from there")
    ap.add_argument("--skip-load", action="store_true", help="measure the graph already loaded")
    ap.add_argument("--load-only", action="store_true",
                    help="generate and load, then stop (measure with gridlink.bench.query_p95)")
    ap.add_argument("--samples", type=int, default=100, help="measured runs per named query")
    ap.add_argument("--budget-s", type=float, default=60.0, help="stop sampling a query after this long")
    ap.add_argument("--rfg-requests", type=int, default=1000, help="resourcesForGrid requests per path")
    ap.add_argument("--grids", type=int, default=500, help="distinct grids sampled for grid-based queries")
    ap.add_argument("--slow-ms", type=float, default=50.0, help="PROFILE queries whose p95 exceeds this")
    ap.add_argument("--no-api", action="store_true", help="resourcesForGrid through the driver only")
    ap.add_argument("--only", nargs="*", help="measure only these named queries")
    a = ap.parse_args(argv)

    from graph.driver import get_driver

    folder = a.dir or Path.home() / ".cache" / "gridlink" / f"scale-{a.scale}"
    report: dict[str, Any] = {"scale": a.scale, "district": a.district, "started": time.strftime("%FT%T")}
    previous = REPORTS / f"scale-run-{a.scale}.json"
    if a.skip_load and previous.is_file():  # keep the figures of the load that built this graph
        before = json.loads(previous.read_text(encoding="utf-8"))
        report.update({k: before[k] for k in ("load", "resources_for_grid") if k in before})
        if a.only:  # measuring a few queries again: keep the others' figures
            report["queries"] = before.get("queries", {})
    if not a.skip_load:
        manifest = generate_set(folder, a.scale, a.district, a.seed)
        report["load"] = load_set(folder, manifest, a.batch_size, a.resume_from)
        write_report(f"scale-run-{a.scale}", report)
    report["size"] = graph_size()
    if a.load_only:
        console.print(report["load"] if "load" in report else "", report["size"])
        console.print(f"report: {write_report(f'scale-run-{a.scale}', report)}")
        return 0
    samples = Samples.from_graph(get_driver(), a.grids)
    report["samples"] = samples.summary()
    measured = measure_catalog(get_driver(), samples, a.samples, only=a.only, budget_s=a.budget_s,
                               console=console)
    report["queries"] = report.get("queries", {}) | measured
    for name, q in measured.items():
        if q["p95"] > a.slow_ms:
            q["profile"] = profile_query(get_driver(), name, q["profile_params"])
    if not a.only or "resources_for_grid" in a.only:
        report["resources_for_grid"] = resources_for_grid(samples, a.rfg_requests, api=not a.no_api)
    report["finished"] = time.strftime("%FT%T")
    path = write_report(f"scale-run-{a.scale}", report)
    print_tables(report)
    console.print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
