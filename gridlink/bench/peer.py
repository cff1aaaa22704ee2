"""gridlink's API against the Neo4j GraphQL Library (issue #15), side by side, on the graph ``NEO4J_URI`` points at.

    python -m gridlink.bench.peer --requests 40 --rounds 10

It installs the peer from npm (``gridlink/bench/peer/``; cached in ``~/.cache/gridlink/peer``), starts it on
Node 20 read-only over the graph, starts gridlink's API (uvicorn, one worker unless ``--workers``), then:

1. **checks** that both return the same records for every workload (:mod:`gridlink.bench.peer_workloads`) on
   ``--samples`` parameter sets — and exits 2, printing the differences, when they do not;
2. **measures** each workload at concurrency 1 and 4: short batches of ``--requests`` requests, the systems
   alternating (their order flips every round) for ``--rounds`` rounds, so both see the same machine load (on a
   machine shared with other jobs, many short rounds pair the two better than a few long ones). Latency p50/p95/p99,
   throughput, and the CPU time of each API process (its whole process tree, from /proc) per request;
3. prints every figure and the ratio gridlink / peer (latency and CPU: below 1 is gridlink ahead; throughput: above
   1 is), with the load average, and writes ``reports/scale/peer.json``.

``--gridlink-dir`` runs the API from another checkout (e.g. ``git worktree add /tmp/before <commit>``) to measure a
"before"; W3 then takes two requests when that API has no ``partyOrganizations { category parent }``. The 10^5 set:
``gridlink demo generate --scale 100000 --out demo-1e5 && gridlink demo load --dir demo-1e5`` (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from graph import vocab
from gridlink.bench import peer_workloads as pw
from gridlink.bench.common import API_KEYS, latency_stats, serve_api, write_report
from gridlink.bench.peer_node import serve_peer

Post = pw.Post


class GraphQLFailed(RuntimeError):
    """A response with errors (or not 200): the benchmark stops rather than time failures."""


class Endpoint:
    """POSTs GraphQL requests to one URL over one keep-alive connection per thread."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        parts = urlsplit(url)
        self.host, self.port, self.path = parts.hostname or "127.0.0.1", parts.port or 80, parts.path or "/"
        self.headers = {"content-type": "application/json", "accept": "application/json", **headers}
        self._local = threading.local()

    def _conn(self) -> http.client.HTTPConnection:
        conn: http.client.HTTPConnection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        return conn

    def post(self, body: dict[str, Any]) -> dict[str, Any]:
        """The ``data`` of the answer; :class:`GraphQLFailed` on errors."""
        payload = json.dumps(body).encode()
        for attempt in (1, 2):  # a keep-alive connection the server closed meanwhile is opened again once
            conn = self._conn()
            try:
                conn.request("POST", self.path, payload, self.headers)
                resp = conn.getresponse()
                raw = resp.read()
                break
            except (http.client.HTTPException, ConnectionError):
                conn.close()
                self._local.conn = None
                if attempt == 2:
                    raise
        answer = json.loads(raw)
        if resp.status != 200 or answer.get("errors"):
            raise GraphQLFailed(f"{self.host}:{self.port} answered {resp.status}: {raw[:400]!r}")
        return answer["data"]  # type: ignore[no-any-return]


def tree_cpu_s(pid: int) -> float:
    """User + system CPU seconds of ``pid`` and its descendants (uvicorn's workers), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()  # after "pid (comm) "
        stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += stats.get(p, (0, 0.0))[1]
        todo += [c for c, (ppid, _) in stats.items() if ppid == p]
    return total


def run_batch(call: Callable[[pw.Sample], object], samples: list[pw.Sample], n: int, concurrency: int,
              timeouts: list[float] | None = None) -> tuple[list[float], float]:
    """``n`` calls over ``samples`` from ``concurrency`` threads; (latencies in ms, wall seconds). A request that
    gets no answer within the client's 60 s is appended to ``timeouts`` (when given) instead of stopping the run —
    on a machine shared with other jobs it happens (load average 127 once) — and counts in no percentile."""
    lat: list[float] = []
    lock = threading.Lock()

    def worker(k: int) -> None:
        mine = []
        for i in range(k, n, concurrency):
            t = time.perf_counter()
            try:
                call(samples[i % len(samples)])
            except TimeoutError:
                if timeouts is None:
                    raise
                with lock:
                    timeouts.append(time.perf_counter() - t)
                continue
            mine.append((time.perf_counter() - t) * 1000)
        with lock:
            lat.extend(mine)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for f in [pool.submit(worker, k) for k in range(concurrency)]:
            f.result()
    return lat, time.perf_counter() - t0


def _systems(w: pw.Workload, g: Endpoint, p: Endpoint, w3: Callable[[Post, pw.Sample], Any],
             pids: dict[str, int]) -> Iterator[tuple[str, Callable[[pw.Sample], object], int]]:
    gridlink = w3 if w.name == "W3" else w.gridlink
    yield "gridlink", lambda s: gridlink(g.post, s), pids["gridlink"]
    yield "peer", lambda s: w.peer(p.post, s), pids["peer"]


def measure(g: Endpoint, p: Endpoint, samples: list[pw.Sample], w3: Callable[[Post, pw.Sample], Any],
            pids: dict[str, int], a: argparse.Namespace) -> dict[str, Any]:
    """Every workload × concurrency × system, alternating; figures per (workload, concurrency, system)."""
    acc: dict[tuple[str, int, str], dict[str, Any]] = {}
    for w in _chosen(a.only):
        systems = list(_systems(w, g, p, w3, pids))
        for _name, call, _pid in systems:  # warm-up: caches, JIT, connection pools
            run_batch(call, samples, a.warmup, 1)
        for c in a.concurrency:
            for r in range(a.rounds):
                for name, call, pid in (systems if r % 2 == 0 else systems[::-1]):
                    cpu0 = tree_cpu_s(pid)
                    slot = acc.setdefault((w.name, c, name), {"lat": [], "wall": 0.0, "cpu": 0.0, "n": 0,
                                                              "timeouts": []})
                    lat, wall = run_batch(call, samples, a.requests, c, slot["timeouts"])
                    cpu = tree_cpu_s(pid) - cpu0
                    slot["lat"] += lat
                    slot["wall"] += wall
                    slot["cpu"] += cpu
                    slot["n"] += len(lat)
            print(f"  {w.name} c={c} done", file=sys.stderr, flush=True)
    return {f"{k[0]}|{k[1]}|{k[2]}": {**latency_stats(v["lat"]), "rps": round(v["n"] / v["wall"], 1),
                                      "cpuMsPerRequest": round(v["cpu"] * 1000 / max(v["n"], 1), 2),
                                      "timeouts": len(v["timeouts"])}
            for k, v in acc.items()}


def _chosen(only: list[str] | None) -> list[pw.Workload]:
    return [w for w in pw.WORKLOADS if only is None or w.name in only]


def print_table(figures: dict[str, Any], concurrency: list[int], only: list[str] | None = None) -> None:
    """One line per workload: both systems' figures and the ratios gridlink / peer."""
    head = (f"{'':5}{'c':>2} | {'gridlink p50/p95/p99 ms':>24} | {'peer p50/p95/p99 ms':>22} | {'req/s g / p':>15} | "
            f"{'CPU ms/req g / p':>17} | ratio g/p: p50  p95  req/s  CPU")
    print(head)
    print("-" * len(head))
    for w in _chosen(only):
        for c in concurrency:
            g, p = figures[f"{w.name}|{c}|gridlink"], figures[f"{w.name}|{c}|peer"]
            print(f"{w.name:5}{c:>2} | {g['p50']:>7.1f} {g['p95']:>7.1f} {g['p99']:>8.1f} | "
                  f"{p['p50']:>6.1f} {p['p95']:>6.1f} {p['p99']:>8.1f} | {g['rps']:>7.1f} {p['rps']:>7.1f} | "
                  f"{g['cpuMsPerRequest']:>8.2f} {p['cpuMsPerRequest']:>8.2f} | "
                  f"{g['p50'] / p['p50']:>14.2f} {g['p95'] / p['p95']:>4.2f} {g['rps'] / p['rps']:>6.2f} "
                  f"{g['cpuMsPerRequest'] / max(p['cpuMsPerRequest'], 0.01):>4.2f}"
                  + (f"  timeouts g {g['timeouts']} / p {p['timeouts']}" if g["timeouts"] or p["timeouts"] else ""))


def w3_mode(g: Endpoint, sample: pw.Sample) -> Callable[[Post, pw.Sample], Any]:
    """One request when the API has ``partyOrganizations { category parent }``, else the two-request form."""
    try:
        pw.w3_gridlink(g.post, sample)
    except GraphQLFailed as e:
        if "GRAPHQL_VALIDATION_FAILED" not in str(e):
            raise
        print("W3: this API has no partyOrganizations { category parent }: two requests", file=sys.stderr)
        return pw.w3_gridlink_two_requests
    return pw.w3_gridlink


def main(argv: list[str] | None = None) -> int:
    """Check, measure and print (see the module docstring); 2 when the records differ."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=40, help="requests per batch (one system, one concurrency)")
    ap.add_argument("--rounds", type=int, default=10, help="batches per system and concurrency, alternating")
    ap.add_argument("--warmup", type=int, default=50, help="unmeasured requests per system and workload first")
    ap.add_argument("--samples", type=int, default=50, help="parameter sets (grids, streets, organizations)")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 4])
    ap.add_argument("--workers", type=int, default=1, help="uvicorn workers of gridlink's API")
    ap.add_argument("--gridlink-dir", type=Path, default=None, help="run the API from this checkout")
    ap.add_argument("--only", nargs="+", default=None, help="measure these workloads only (e.g. W3 W4)")
    ap.add_argument("--check-only", action="store_true", help="check the records and stop")
    a = ap.parse_args(argv)

    from graph.driver import get_driver

    samples = pw.samples(get_driver(), a.samples)
    reader = next(k for k, r in API_KEYS.items() if r == "reader")
    with ExitStack() as stack:
        base, api = stack.enter_context(serve_api(workers=a.workers, cwd=a.gridlink_dir))
        url, node = stack.enter_context(serve_peer())
        g = Endpoint(f"{base}/graphql", {"x-api-key": reader})
        p = Endpoint(url, {})
        w3 = w3_mode(g, samples[0])
        n, diffs = pw.check(g.post, p.post, samples, sorted(vocab.CATEGORY_KEYS), w3)
        if diffs:
            print(f"the records differ in {len(diffs)} of {n} comparisons:", *diffs[:20], sep="\n  ")
            return 2
        print(f"same records: {n} comparisons on {len(samples)} samples (W4: 3 grids x "
              f"{len(vocab.CATEGORY_KEYS)} categories, less those where gridlink's list reaches 100)")
        if a.check_only:
            return 0
        load0 = os.getloadavg()
        figures = measure(g, p, samples, w3, {"gridlink": api.pid, "peer": node.pid}, a)
        load1 = os.getloadavg()
    print(f"{a.requests} requests x {a.rounds} rounds per system, concurrency and workload, alternating; "
          f"{len(samples)} samples; uvicorn workers {a.workers}; load average {load0[0]:.1f} -> {load1[0]:.1f} "
          f"(1 min), {load1[1]:.1f} (5 min)")
    for w in _chosen(a.only):
        print(f"  {w.name}: {w.title}")
    print_table(figures, a.concurrency, a.only)
    path = write_report("peer", {"args": {k: str(v) for k, v in vars(a).items()}, "load": [load0, load1],
                                 "samples": len(samples), "figures": figures})
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
