"""Helpers shared by the scale scripts: the server under test, process memory, percentiles, the API in a
subprocess and the JSON reports (the canonical graph hash is :mod:`gridlink.bench.graph_hash`).

Every script takes its Neo4j from the usual settings (``NEO4J_URI``, ``NEO4J_PASSWORD``, ``GRIDLINK_NEO4J_*``),
so anyone can re-run them against their own server, e.g.::

    export GRIDLINK_NEO4J_BOLT_PORT=17706 GRIDLINK_NEO4J_HTTP_PORT=17406 \\
           GRIDLINK_NEO4J_HOME=~/.cache/gridlink/scale-server NEO4J_URI=bolt://127.0.0.1:17706 \\
           GRIDLINK_NEO4J_HEAP=4g GRIDLINK_NEO4J_PAGECACHE=4g
    gridlink db start
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import neo4j

REPO = Path(__file__).resolve().parents[2]
REPORTS = REPO / "reports" / "scale"
API_KEYS = {"scale-reader": "reader", "scale-planner": "planner"}


def server_pid() -> int | None:
    """Pid of the local Neo4j JVM of the configured home (None when it is not running or not local)."""
    from graph import server

    return server.status().pid


def database_dir() -> Path:
    """Data folder of the configured local server (store files and transaction logs)."""
    from graph.settings import get_server_settings

    return get_server_settings().server_home() / "data"


def du_bytes(path: Path) -> int:
    """Bytes on disk under ``path`` (allocated blocks, like ``du``)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_blocks * 512
            except OSError:  # a log rotated away meanwhile
                pass
    return total


def rss_bytes(pid: int | None) -> tuple[int, int]:
    """(current RSS, peak RSS) of a process from /proc, in bytes; (0, 0) when it is gone."""
    if pid is None:
        return 0, 0
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0, 0
    vals = {k: int(v.split()[0]) * 1024 for k, _, v in (line.partition(":") for line in text.splitlines())
            if k in ("VmRSS", "VmHWM")}
    return vals.get("VmRSS", 0), vals.get("VmHWM", 0)


class RssSampler:
    """Samples the RSS of some processes every ``interval`` seconds in a thread and keeps the peaks."""

    def __init__(self, pids: dict[str, int | None], interval: float = 1.0) -> None:
        self.pids = pids
        self.interval = interval
        self.peak: dict[str, int] = dict.fromkeys(pids, 0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, pid in self.pids.items():
                self.peak[name] = max(self.peak[name], rss_bytes(pid)[0])
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (inclusive method); the value itself for one sample, nan for none."""
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def latency_stats(ms: list[float]) -> dict[str, float]:
    """n, p50/p95/p99, mean and max of a list of milliseconds."""
    return {"n": len(ms), "p50": round(pct(ms, 50), 2), "p95": round(pct(ms, 95), 2), "p99": round(pct(ms, 99), 2),
            "mean": round(statistics.fmean(ms), 2) if ms else float("nan"), "max": round(max(ms, default=0.0), 2)}


def mib(n: int) -> float:
    return round(n / 2**20, 1)


def write_report(name: str, body: dict[str, Any]) -> Path:
    """Write ``reports/scale/<name>.json`` (the folder is git-ignored) and return its path."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    path = REPORTS / f"{name}.json"
    path.write_text(json.dumps(body, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return path


def wait_ready(proc: subprocess.Popen[bytes], ready: Callable[[], bool], seconds: float) -> bool:
    """Poll ``ready()`` every 0.3 s until it is true (True) or ``seconds`` pass or ``proc`` exits (False); a
    connection refused while the server starts counts as not ready yet."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if ready():
                return True
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            return False
        time.sleep(0.3)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Terminate a server subprocess; kill it when it has not exited 15 s later."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_api(port: int | None = None, workers: int = 1,
              cwd: Path | None = None) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``uvicorn api.app:create_app`` on loopback in a subprocess with the scale keys; yields (base URL, process).

    ``cwd``: another checkout to serve the API from (its ``api`` package comes first on the path), e.g. the commit
    before a change, to measure both in one run.
    """
    port = port or free_port()
    env = {**os.environ, "GRIDLINK_API_KEYS": ",".join(f"{k}:{r}" for k, r in API_KEYS.items()),
           "GRIDLINK_API_GRAPHIQL": "false",
           # load tests send as fast as they can on purpose
           "GRIDLINK_API_RATE_LIMIT_PER_KEY": "", "GRIDLINK_API_RATE_LIMIT_PER_ADDRESS": ""}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host",
                             "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level", "warning",
                             "--no-access-log"], env=env, cwd=cwd or REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_ready(proc, lambda: httpx.get(f"{base}/readyz", timeout=2).status_code == 200, 90):
            raise SystemExit("the API did not become ready within 90 s (is Neo4j up? `gridlink db status`)")
        yield base, proc
    finally:
        stop(proc)


def wipe_data(drv: neo4j.Driver, database: str = "neo4j", batch: int = 10_000) -> None:
    """Delete every relationship, then every node but the schema records, ``batch`` per transaction.

    Relationships first: a DETACH DELETE batch that hits divisions also deletes the relationships of every
    organization placed in them, which ran a 1 GiB server out of transaction memory on a 2*10^5-node graph.
    """
    for query in ("MATCH ()-[r]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS n",
                  "MATCH (n) WHERE NOT n:SchemaMigration WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS n"):
        while True:
            recs, _, _ = drv.execute_query(query, {"batch": batch}, database_=database)
            if recs[0]["n"] == 0:
                break
