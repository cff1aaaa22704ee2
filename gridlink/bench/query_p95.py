"""Every named read query through the driver and through the API: p50/p95/p99 and db hits.

    python -m gridlink.bench.query_p95 [--requests 100] [--only NAME ...] [--markdown]

For each read query of ``queries.catalog()`` the probes (:mod:`gridlink.bench.query_probes`) draw realistic
parameters from the loaded graph (different grids, communities, streets, districts, organizations, party
organizations, compounds; repeatable with ``--seed``); sample ``i`` runs through the driver (the named query alone,
every record fetched) and then through the API (the GraphQL field that runs it, uvicorn in a subprocess on loopback,
a reader's key), so both see the same load. One PROFILE of the first sample (repeatable: compare db hits before and
after a change) and one of the slowest give the db hits. The load average is recorded with each query's figures.

Write queries are left out (they change the graph). A read query without a probe stops the run with its name:
add a probe, so that queries added later are measured too. Prints a table (``--markdown``: the rows of
docs/benchmarks.md), whether each query meets the goal (API p95 ≤ 50 ms and p99 ≤ 100 ms), and writes
``reports/scale/query-p95-<label>.json``. The server comes from the usual settings (gridlink/bench/common.py).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from typing import Any

import httpx
import neo4j
from rich.console import Console
from rich.table import Table

import gridlink.bench.query_probes_below  # noqa: F401  (registers its probes)
from gridlink.bench.common import API_KEYS, latency_stats, serve_api, write_report
from gridlink.bench.probe_pool import Pool
from gridlink.bench.query_probes import PROBES, Probe
from gridlink.bench.query_samples import profile_query
from queries.catalog import catalog, to_query

console = Console(width=180)
GOAL_P95, GOAL_P99 = 50.0, 100.0


def check_mapping(names: list[str] | None) -> list[Probe]:
    """The probes to run, in catalog order.

    Raises:
        SystemExit: a read query has no probe, or a probe names no query of the catalog.
    """
    reads = [q.name for q in catalog().values() if not q.write]
    missing = [n for n in reads if n not in PROBES]
    stale = sorted(set(PROBES) - set(reads))
    if missing or stale:
        raise SystemExit("query_p95: " + "; ".join(
            ([f"read queries without a probe (add one in gridlink/bench/query_probes*.py): {missing}"] if missing
             else []) + ([f"probes of no read query: {stale}"] if stale else [])))
    unknown = sorted(set(names or []) - set(reads))
    if unknown:
        raise SystemExit(f"query_p95: --only names no read query: {unknown}")
    return [PROBES[n] for n in reads if not names or n in names]


def _driver_call(session: neo4j.Session, name: str, params: dict[str, Any], errors: list[str]) -> int:
    """Run the named query to its last record; rows returned (an error is noted, e.g. the query timeout)."""
    try:
        return len(list(session.run(to_query(catalog()[name]), params)))
    except neo4j.exceptions.Neo4jError as e:
        errors.append(f"driver {params}: {e.code}")
        return 0


def _api_call(client: httpx.Client, p: Probe, variables: dict[str, Any]) -> str | None:
    """One API request; an error text, or None when it answered without errors."""
    if p.route:
        r = client.get(p.route, params=variables)
        return None if r.status_code == 200 else f"HTTP {r.status_code}: {r.text[:200]}"
    r = client.post("/graphql", json={"query": p.document, "variables": variables})
    body = r.json()
    if r.status_code != 200 or body.get("errors"):
        return f"HTTP {r.status_code}: {str(body.get('errors'))[:300]}"
    return None


def _field(document: str) -> str:
    """The root field a GraphQL document asks for."""
    m = re.search(r"\{\s*(\w+)", document)
    return m.group(1) if m else document[:30]


def level(params: dict[str, Any]) -> str:
    """The level of the area a sample asks about (grid, community, street, district), or ``-``."""
    if params.get("gridUid") or params.get("gridCode"):
        return "grid"
    code = next((params[k] for k in ("divisionCode", "communityCode", "code") if isinstance(params.get(k), str)
                 and len(params[k]) == 12 and params[k].isdigit()), None)
    if code is None:
        return "-"
    if code.endswith("000000"):
        return "district"
    return "street" if code.endswith("000") else "community"


def measure(drv: neo4j.Driver, client: httpx.Client | None, pool: Pool, p: Probe, n: int, warmup: int,
            budget_s: float) -> dict[str, Any]:
    """Driver and API latency of one probe over ``n`` samples (fewer when ``budget_s`` runs out), and db hits."""
    load0 = os.getloadavg()[0]
    api = client if (p.document or p.route) else None
    drv_ms: list[float] = []
    api_ms: list[float] = []
    by_level: dict[str, list[float]] = {}
    errors: list[str] = []
    rows = 0
    slowest = (-1.0, 0)
    with drv.session(database="neo4j", default_access_mode=neo4j.READ_ACCESS,
                     notifications_min_severity="OFF") as s:
        for i in range(warmup):
            params, variables = p.sample(pool, i)
            _driver_call(s, p.name, params, [])
            if api:
                _api_call(api, p, variables)
        start = time.monotonic()
        for i in range(n):
            if i >= 10 and time.monotonic() - start > budget_s:
                break
            params, variables = p.sample(pool, i)
            t0 = time.perf_counter()
            rows += _driver_call(s, p.name, params, errors)
            ms = (time.perf_counter() - t0) * 1000
            drv_ms.append(ms)
            slowest = max(slowest, (ms, i))
            if api:
                t0 = time.perf_counter()
                err = _api_call(api, p, variables)
                api_ms.append((time.perf_counter() - t0) * 1000)
                if err:
                    errors.append(f"sample {i} {variables}: {err}")
            by_level.setdefault(level(params), []).append(api_ms[-1] if api else ms)
    first = _profile(drv, p.name, p.sample(pool, 0)[0])
    worst = _profile(drv, p.name, p.sample(pool, slowest[1])[0])
    return {"driver": latency_stats(drv_ms), "api": latency_stats(api_ms) if api else None,
            "via": p.route or (_field(p.document) if p.document else None),
            "note": p.note, "mean_rows": round(rows / max(1, len(drv_ms)), 1), "errors": errors,
            "db_hits_first": first["db_hits"], "db_hits_slowest": worst["db_hits"],
            "slowest_params": worst["params"], "slowest_top_operators": worst["top_operators"],
            "label_scans": worst["label_scans"],
            "p95_by_level": {k: latency_stats(v)["p95"] for k, v in by_level.items() if k != "-"},
            "load_avg": [round(load0, 1), round(os.getloadavg()[0], 1)]}


def _profile(drv: neo4j.Driver, name: str, params: dict[str, Any]) -> dict[str, Any]:
    """PROFILE of one sample; a failing one (e.g. the query timeout) gives -1 db hits rather than ending the run."""
    try:
        return profile_query(drv, name, params)
    except neo4j.exceptions.Neo4jError as e:
        return {"db_hits": -1, "params": params, "top_operators": [], "label_scans": [], "error": e.code}


def db_hits(drv: neo4j.Driver, pool: Pool, p: Probe, n: int) -> dict[str, Any]:
    """db hits of the first ``n`` samples (every level a probe rotates through): no timing, so the load of the
    machine does not matter."""
    hits = [_profile(drv, p.name, p.sample(pool, i)[0])["db_hits"] for i in range(n)]
    return {"first": hits[0], "median": sorted(hits)[len(hits) // 2], "max": max(hits), "all": hits}


def verdict(r: dict[str, Any]) -> str:
    """Whether the query meets the goal through the API (driver only: through the driver)."""
    st = r["api"] or r["driver"]
    return "met" if st["p95"] <= GOAL_P95 and st["p99"] <= GOAL_P99 else "MISSED"


def print_table(results: dict[str, dict[str, Any]], markdown: bool) -> None:
    def f(st: dict[str, Any] | None, k: str) -> str:
        return "—" if st is None else f"{st[k]:.1f}"

    cols = ("query", "via", "API p50", "p95", "p99", "driver p50", "p95", "p99", "db hits (1st / slowest)",
            "p95 by level", "load", "goal")
    lines = []
    for name, r in results.items():
        lines.append((name, r["via"] or f"driver only: {r['note']}", f(r["api"], "p50"), f(r["api"], "p95"),
                      f(r["api"], "p99"), f(r["driver"], "p50"), f(r["driver"], "p95"), f(r["driver"], "p99"),
                      f"{r['db_hits_first']:,} / {r['db_hits_slowest']:,}",
                      " ".join(f"{k[0]}:{v:.0f}" for k, v in r["p95_by_level"].items()),
                      f"{r['load_avg'][0]}–{r['load_avg'][1]}", verdict(r)))
    if markdown:
        print("| " + " | ".join(cols) + " |")
        print("|" + "---|" * len(cols))
        for line in lines:
            print("| " + " | ".join(line) + " |")
        return
    t = Table(title="named read queries (ms)")
    for c in cols:
        t.add_column(c, justify="left" if c in ("query", "via") else "right")
    for line in lines:
        t.add_row(*line)
    console.print(t)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=100, help="measured samples per query (each path)")
    ap.add_argument("--warmup", type=int, default=5, help="unmeasured samples per query first")
    ap.add_argument("--budget-s", type=float, default=120.0, help="stop sampling a query after this long")
    ap.add_argument("--grids", type=int, default=200, help="grids (and divisions of each level) to sample")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", nargs="*", help="measure only these named queries")
    ap.add_argument("--no-api", action="store_true", help="through the driver only")
    ap.add_argument("--label", default=None, help="report name (default: the number of organizations)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--hits-only", type=int, metavar="N", default=0,
                    help="no timing: db hits of the first N samples of each query (PROFILE)")
    a = ap.parse_args(argv)

    from graph.driver import get_driver

    probes = check_mapping(a.only)
    drv = get_driver()
    orgs = drv.execute_query("MATCH (o:Organization) RETURN count(o) AS n", database_="neo4j").records[0]["n"]
    pool = Pool.from_graph(drv, a.grids, a.seed)
    console.print(f"{orgs:,} organizations; samples {pool.summary()}; load average {os.getloadavg()}")
    results: dict[str, dict[str, Any]] = {}
    if a.hits_only:
        hits = {}
        for p in probes:
            h = hits[p.name] = db_hits(drv, pool, p, a.hits_only)
            print(f"{p.name:<36} first {h['first']:>10,} median {h['median']:>10,} max {h['max']:>10,}", flush=True)
        write_report(f"query-hits-{a.label or orgs}", {"organizations": orgs, "samples": a.hits_only, "hits": hits})
        return 0
    reader = next(k for k, role in API_KEYS.items() if role == "reader")

    def run_all(client: httpx.Client | None) -> None:
        for p in probes:
            r = results[p.name] = measure(drv, client, pool, p, a.requests, a.warmup, a.budget_s)
            api = r["api"] or {}
            console.print(f"  {p.name:<34} driver p95 {r['driver']['p95']:>8} API p95 {api.get('p95', '—'):>8} "
                          f"p99 {api.get('p99', '—'):>8}  db hits {r['db_hits_first']:,}  load {r['load_avg']}"
                          + (f"  [red]{len(r['errors'])} errors: {r['errors'][0][:200]}[/]" if r["errors"] else ""))

    if a.no_api:
        run_all(None)
    else:
        with serve_api() as (base, _proc), httpx.Client(base_url=base, timeout=120,
                                                        headers={"X-API-Key": reader}) as client:
            run_all(client)
    excluded = sorted(q.name for q in catalog().values() if q.write)
    report = {"organizations": orgs, "requests": a.requests, "seed": a.seed, "samples": pool.summary(),
              "finished": time.strftime("%FT%T"), "writes_excluded": excluded, "queries": results}
    path = write_report(f"query-p95-{a.label or orgs}", report)
    print_table(results, a.markdown)
    missed = [n for n, r in results.items() if verdict(r) != "met"]
    console.print(f"write queries left out: {', '.join(excluded)}")
    console.print(f"goal (API p95 ≤ {GOAL_P95:.0f} ms, p99 ≤ {GOAL_P99:.0f} ms): "
                  + (f"[red]missed by {missed}[/]" if missed else "met by every query") + f"; report: {path}")
    failed = [n for n, r in results.items() if r["errors"]]
    if failed:
        console.print(f"[red]requests with errors: {failed}[/]")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
