"""Benchmark ``resourcesForGrid``: the API (uvicorn in a subprocess, httpx client) against the same named query
through the driver alone, in one run, on whatever graph ``NEO4J_URI`` points at.

    python -m gridlink.bench.api_overhead --requests 2000

Both sides ask for the same grids in the same order, one request at a time after a warm-up. The API is measured
twice: with the fields a planning tool's result list shows, and with every field the query returns; the difference
to the driver is the API's own cost: HTTP, auth, GraphQL parsing/validation (cached), the threadpool hop, and
resolving/serialising each field (graphql-core spends a few microseconds per field). Prints p50/p95 latency, requests/s
and the API/driver ratios. The 10^5-organization set: ``gridlink demo generate --scale 100000 --out demo-1e5``
then ``gridlink demo load --dir demo-1e5`` (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

import httpx

from api.db import read_sync
from gridlink.bench.common import API_KEYS, pct, serve_api

# what a planning tool's result list shows
TYPICAL = """query($g: String!, $limit: Int!) { resourcesForGrid(gridCode: $g, limit: $limit) {
  matches { score distanceM reasons { code weight } resource { uid name category } provider { name } } } }"""
# every field the named query returns (~30 per match): the worst case for GraphQL's per-field cost
DOCUMENT = """query($g: String!, $limit: Int!) { resourcesForGrid(gridCode: $g, limit: $limit) {
  grid { uid scheme code name }
  matches { score distanceM reasons { code weight detail }
    resource { uid name category description capacity status serviceRadiusM location { longitude latitude } }
    provider { uid name kind }
    availability { availableFrom availableTo weekdays opensAt closesAt checkedAt } } } }"""


def _measure(call: Callable[[str], object], grids: list[str], n: int, warmup: int) -> tuple[list[float], float]:
    for i in range(warmup):
        call(grids[i % len(grids)])
    lat = []
    t0 = time.perf_counter()
    for i in range(n):
        s = time.perf_counter()
        call(grids[i % len(grids)])
        lat.append((time.perf_counter() - s) * 1000)
    return lat, n / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=2000, help="measured requests per side")
    ap.add_argument("--warmup", type=int, default=100, help="unmeasured requests per side first")
    ap.add_argument("--grids", type=int, default=200, help="distinct grids to cycle through")
    ap.add_argument("--limit", type=int, default=20, help="resourcesForGrid limit")
    a = ap.parse_args(argv)

    rows = read_sync("grid_sample", {"scheme": "LOCAL", "step": 1, "size": 100_000})
    codes: list[str] = rows[0]["codes"] if rows else []
    if not codes:
        raise SystemExit("no LOCAL grids in the graph: load data first (`gridlink demo load`)")
    grids = codes[:: max(1, len(codes) // a.grids)][: a.grids]
    orgs = read_sync("division_roots", {})  # touch the graph once more: fail early on a wrong database

    def driver_call(code: str) -> object:
        return read_sync("resources_for_grid", {"scheme": "LOCAL", "gridCode": code, "categories": None,
                                                "maxDistanceM": 3000.0, "availableAt": None, "availableOn": None,
                                                "includeExpired": False, "limit": a.limit, "origin": None})

    reader_key = next(key for key, role in API_KEYS.items() if role == "reader")
    with serve_api() as (base, _proc), httpx.Client(base_url=base, headers={"X-API-Key": reader_key},
                                                    timeout=30) as client:

        def api_call(document: str) -> Callable[[str], object]:
            def call(code: str) -> object:
                r = client.post("/graphql", json={"query": document, "variables": {"g": code, "limit": a.limit}})
                body = r.json()
                if r.status_code != 200 or "errors" in body:
                    raise SystemExit(f"API error for grid {code}: {r.text[:300]}")
                return body
            return call

        results = {"driver": _measure(driver_call, grids, a.requests, a.warmup),
                   "API typical": _measure(api_call(TYPICAL), grids, a.requests, a.warmup),
                   "API all": _measure(api_call(DOCUMENT), grids, a.requests, a.warmup)}

    print(f"resourcesForGrid: {a.requests} requests per side, {len(grids)} grids of {len(codes)}, "
          f"limit {a.limit}, roots {len(orgs)}")
    drv_lat = results["driver"][0]
    print(f"{'':14}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>9}{'p50 vs driver':>15}{'p95 vs driver':>15}")
    for name, (lat, rps) in results.items():
        print(f"{name:14}{pct(lat, 50):>9.2f}{pct(lat, 95):>9.2f}{rps:>9.1f}"
              f"{(pct(lat, 50) / pct(drv_lat, 50) - 1) * 100:>+14.0f}%"
              f"{(pct(lat, 95) / pct(drv_lat, 95) - 1) * 100:>+14.0f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
