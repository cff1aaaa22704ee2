"""Load test with a Neo4j outage: a bounded asyncio + httpx load generator against ``gridlink serve``.

    python -m gridlink.bench.load_test                                 # 150 s, 8 clients, outage at 50 s for 20 s
    python -m gridlink.bench.load_test --duration 60 --no-outage       # throughput and latency only

It starts the API (uvicorn, loopback, one worker) on the graph of the configured server, samples grids,
divisions and name fragments from it, then runs ``--concurrency`` clients for ``--duration`` seconds (at most
``--max-requests``) with a realistic mix: resourcesForGrid, organization search, grid lookup, organizations of a
grid, party coverage of a street, and ``publishNeed`` mutations with fresh clientMutationIds. While it runs it
stops the local Neo4j of the configured home (``graph.server.stop()``), waits, and starts it again; a poller
reads ``/readyz`` twice a second. Afterwards it checks

- the error rate before, during and after the outage, and that every error is clean: a 503 from /readyz, or a
  GraphQL error with an ``extensions.code`` and no stack trace in the body;
- recovery: seconds from Neo4j answering again to the first good response and to /readyz 200;
- durability: every publishNeed acknowledged (before or after the outage) is in the graph; the ones that failed
  during the outage are replayed with the same clientMutationId, which must yield exactly one need each.

Figures are printed and written to ``reports/scale/load-test.json``. The needs it created are deleted at the end
(``--keep`` keeps them). ONLY point it at your own server: it stops and starts it.

Size: one script, one run: the load generator, the outage, the durability check and the summary share the run's
state, and a reader follows a measurement from request to report in one file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from gridlink.bench.common import latency_stats, rss_bytes, serve_api, write_report

console = Console(width=160)
READER, PLANNER = "scale-reader", "scale-planner"

DOCS = {
    "resourcesForGrid": """query($g: String!) { resourcesForGrid(gridCode: $g, limit: 20) {
        matches { score distanceM reasons { code weight } resource { uid name category } provider { name } } } }""",
    "searchOrganizations": """query($t: String!) { searchOrganizations(text: $t, first: 20) {
        totalCount nodes { uid name kind } } }""",
    "grid": """query($g: String!) { grid(code: $g) { uid name community { name } street { name }
        organizationCount resourceCount openNeedCount } }""",
    "organizations": """query($g: String!) { organizations(gridCode: $g, first: 20) { nodes { uid name kind } } }""",
    "partyCoverage": """query($d: String!) { partyCoverage(divisionCode: $d, uncoveredLimit: 10) {
        rows { division { code name } total covered rate } } }""",
    "publishNeed": """mutation($in: PublishNeedInput!) { publishNeed(input: $in) {
        clientMutationId replayed need { uid } } }""",
}
MIX = {"resourcesForGrid": 40, "searchOrganizations": 18, "grid": 15, "organizations": 12, "partyCoverage": 10,
       "publishNeed": 5}
TITLE = "负载测试需求"


@dataclass
class Result:
    op: str
    start: float  # seconds since the run began
    ms: float
    outcome: str  # ok | error:<code> | http:<status> | transport:<exception>
    clean: bool
    cmid: str | None = None
    uid: str | None = None
    variables: dict[str, Any] | None = None


@dataclass
class Run:
    t0: float
    results: list[Result] = field(default_factory=list)
    readyz: list[tuple[float, int]] = field(default_factory=list)
    events: dict[str, float] = field(default_factory=dict)

    def now(self) -> float:
        return time.monotonic() - self.t0


def _sample(grids: int) -> dict[str, list[str]]:
    from graph.driver import get_driver

    drv = get_driver()

    def q(cypher: str) -> list[Any]:
        recs, _, _ = drv.execute_query(cypher, {"k": grids}, database_="neo4j")
        return [r[0] for r in recs]

    names = q("MATCH (o:Organization) WITH o ORDER BY rand() LIMIT $k RETURN o.name")
    return {"grids": q("MATCH (g:Grid {scheme: 'LOCAL'}) WITH g ORDER BY rand() LIMIT $k RETURN g.code"),
            "streets": q("MATCH (d:Division {level: 'street'}) WITH d ORDER BY rand() LIMIT $k RETURN d.code"),
            "words": sorted({n[2:4] for n in names if n and len(n) > 4})}


def _classify(r: httpx.Response) -> tuple[str, bool, dict[str, Any] | None]:
    text = r.text
    clean = "Traceback" not in text and 'File "' not in text
    try:
        body = r.json()
    except ValueError:
        return f"http:{r.status_code}", False, None
    if r.status_code == 200 and not body.get("errors"):
        return "ok", clean, body
    errs = body.get("errors") or []
    codes = {(e.get("extensions") or {}).get("code") for e in errs}
    code = ",".join(sorted(str(c) for c in codes)) or f"http:{r.status_code}"
    return f"error:{code}", clean and bool(errs) and None not in codes, body


async def _client(run: Run, client: httpx.AsyncClient, rng: random.Random, pools: dict[str, list[str]],
                  deadline: float, budget: list[int]) -> None:
    ops, weights = list(MIX), list(MIX.values())
    while run.now() < deadline and budget[0] > 0:
        budget[0] -= 1
        op = rng.choices(ops, weights)[0]
        key, cmid = READER, None
        if op in ("resourcesForGrid", "grid", "organizations"):
            variables: dict[str, Any] = {"g": rng.choice(pools["grids"])}
        elif op == "searchOrganizations":
            variables = {"t": rng.choice(pools["words"])}
        elif op == "partyCoverage":
            variables = {"d": rng.choice(pools["streets"])}
        else:
            key, cmid = PLANNER, f"load-{uuid.uuid4().hex}"
            variables = {"in": {"clientMutationId": cmid, "title": TITLE, "category": "volunteer",
                                "gridCode": rng.choice(pools["grids"])}}
        start = run.now()
        try:
            r = await client.post("/graphql", json={"query": DOCS[op], "variables": variables},
                                  headers={"X-API-Key": key})
            outcome, clean, body = _classify(r)
        except httpx.HTTPError as e:
            outcome, clean, body = f"transport:{type(e).__name__}", False, None
        uid = body["data"]["publishNeed"]["need"]["uid"] if outcome == "ok" and op == "publishNeed" and body else None
        run.results.append(Result(op, start, (run.now() - start) * 1000, outcome, clean, cmid, uid,
                                  variables if cmid else None))


async def _poll_readyz(run: Run, client: httpx.AsyncClient, deadline: float) -> None:
    while run.now() < deadline:
        try:
            r = await client.get("/readyz", timeout=5)
            ok = r.status_code in (200, 503) and "Traceback" not in r.text
            run.readyz.append((run.now(), r.status_code if ok else -r.status_code))
        except httpx.HTTPError:
            run.readyz.append((run.now(), 0))
        await asyncio.sleep(0.5)


async def _outage(run: Run, at: float, length: float) -> None:
    from graph import server

    await asyncio.sleep(max(0.0, at - run.now()))
    run.events["stop_begin"] = run.now()
    await asyncio.to_thread(server.stop)
    run.events["stopped"] = run.now()
    await asyncio.sleep(length)
    run.events["start_begin"] = run.now()
    await asyncio.to_thread(server.start, quiet=True)  # returns once Bolt answers with our credentials
    run.events["neo4j_back"] = run.now()


async def _drive(base: str, a: argparse.Namespace, pools: dict[str, list[str]]) -> Run:
    run = Run(time.monotonic())
    limits = httpx.Limits(max_connections=a.concurrency + 2)
    async with httpx.AsyncClient(base_url=base, timeout=a.timeout, limits=limits) as client:
        budget = [a.max_requests]
        tasks = [_client(run, client, random.Random(a.seed + i), pools, a.duration, budget)
                 for i in range(a.concurrency)]
        tasks.append(_poll_readyz(run, client, a.duration))
        if not a.no_outage:
            tasks.append(_outage(run, a.outage_at, a.outage_s))
        await asyncio.gather(*tasks)
    return run


def _phase(run: Run, t: float) -> str:
    """before; stopping (Neo4j shutting down: it still answers while it checkpoints); down; after (Bolt is back)."""
    if "stop_begin" not in run.events or t < run.events["stop_begin"]:
        return "before"
    if t < run.events.get("stopped", float("inf")):
        return "stopping"
    return "down" if t < run.events.get("neo4j_back", float("inf")) else "after"


def _durability(run: Run, base: str, keep: bool) -> dict[str, Any]:
    """Acknowledged needs are in the graph; failed ones, sent again with the same clientMutationId and input,
    give exactly one need each (replayed when they had committed before the error)."""
    from graph.driver import get_driver

    drv = get_driver()
    acked = {r.cmid: r.uid for r in run.results if r.op == "publishNeed" and r.outcome == "ok"}
    failed = [r for r in run.results if r.op == "publishNeed" and r.outcome != "ok"]
    recs, _, _ = drv.execute_query("MATCH (n:Need) WHERE n.uid IN $uids RETURN count(n) AS n",
                                   {"uids": list(acked.values())}, database_="neo4j")
    present = recs[0]["n"]
    replayed: Counter[str] = Counter()
    with httpx.Client(base_url=base, timeout=60, headers={"X-API-Key": PLANNER}) as client:
        for r in failed:  # what a client does after an error: send the same mutation again
            body = client.post("/graphql", json={"query": DOCS["publishNeed"], "variables": r.variables}).json()
            if not body.get("data"):
                replayed["replay failed: " + json.dumps(body.get("errors"), ensure_ascii=False)[:120]] += 1
            elif body["data"]["publishNeed"]["replayed"]:
                replayed["had committed (replayed)"] += 1
            else:
                replayed["had not committed (written now)"] += 1
    recs, _, _ = drv.execute_query(
        "MATCH (m:ClientMutation) WHERE m.clientMutationId IN $ids "
        "OPTIONAL MATCH (n:Need {uid: m.entityUid}) RETURN count(m) AS m, count(n) AS n",
        {"ids": list(acked) + [r.cmid for r in failed]}, database_="neo4j")
    out = {"acknowledged": len(acked), "acknowledged_present": present, "failed": len(failed),
           "failed_replay": dict(replayed), "client_mutations": recs[0]["m"], "needs_for_them": recs[0]["n"]}
    if not keep:
        with drv.session(database="neo4j") as s:
            s.run("MATCH (m:ClientMutation) WHERE m.clientMutationId STARTS WITH 'load-' "
                  "OPTIONAL MATCH (n:Need {uid: m.entityUid, title: $t}) DETACH DELETE m, n", t=TITLE).consume()
    return out


def summarize(run: Run, a: argparse.Namespace, durability: dict[str, Any], api_rss: int) -> dict[str, Any]:
    by_phase: dict[str, list[Result]] = {"before": [], "stopping": [], "down": [], "after": []}
    for r in run.results:
        by_phase[_phase(run, r.start)].append(r)
    phases = {}
    for name, rs in by_phase.items():
        errors = [r for r in rs if r.outcome != "ok"]
        phases[name] = {"requests": len(rs), "errors": len(errors),
                        "error_rate": round(len(errors) / len(rs), 4) if rs else None,
                        "unclean_errors": sum(1 for r in errors if not r.clean),
                        "outcomes": dict(Counter(r.outcome for r in rs)),
                        "latency_ok_ms": latency_stats([r.ms for r in rs if r.outcome == "ok"]),
                        "latency_errors_ms": latency_stats([r.ms for r in errors])}
    ok = [r for r in run.results if r.outcome == "ok"]
    total_s = max(r.start + r.ms / 1000 for r in run.results) if run.results else 0.0
    steady = [r for r in by_phase["before"] if r.outcome == "ok"]
    steady_s = run.events.get("stop_begin", total_s)
    per_op = {op: latency_stats([r.ms for r in steady if r.op == op]) for op in MIX}
    out: dict[str, Any] = {
        "config": dict(vars(a)), "events_s": {k: round(v, 2) for k, v in run.events.items()},
        "requests": len(run.results), "ok": len(ok), "seconds": round(total_s, 1),
        "throughput_rps": round(len(run.results) / total_s, 1) if total_s else 0,
        "steady_throughput_rps": round(len(steady) / steady_s, 1) if steady_s else 0,
        "latency_ms": latency_stats([r.ms for r in ok]), "per_op_before_outage_ms": per_op, "phases": phases,
        "durability": durability, "api_rss_mib": round(api_rss / 2**20, 1)}
    if "neo4j_back" in run.events:
        back = run.events["neo4j_back"]
        first_ok = min((r.start + r.ms / 1000 for r in ok if r.start >= back), default=None)
        last_err = max((r.start + r.ms / 1000 for r in run.results if r.outcome != "ok"), default=None)
        ready = min((t for t, code in run.readyz if t >= back and code == 200), default=None)
        not_ready = [t for t, code in run.readyz if code == 503]
        out["recovery_s"] = {
            "outage_length": round(back - run.events["stop_begin"], 2),
            "first_ok_after_back": round(first_ok - back, 2) if first_ok is not None else None,
            "last_error_after_back": round(last_err - back, 2) if last_err is not None and last_err > back else 0.0,
            "readyz_200_after_back": round(ready - back, 2) if ready is not None else None,
            "readyz_503_seen": len(not_ready), "readyz_unclean": sum(1 for _, c in run.readyz if c < 0),
            "readyz_no_answer_in_5s": sum(1 for _, c in run.readyz if c == 0)}
    return out


def print_summary(rep: dict[str, Any]) -> None:
    console.print(f"{rep['requests']:,} requests in {rep['seconds']} s: {rep['throughput_rps']} req/s overall, "
                  f"{rep['steady_throughput_rps']} req/s ok before the outage; latency of ok requests "
                  f"p50 {rep['latency_ms']['p50']} p95 {rep['latency_ms']['p95']} p99 {rep['latency_ms']['p99']} ms")
    t = Table(title="per operation before the outage (ms)")
    for c in ("op", "n", "p50", "p95", "p99"):
        t.add_column(c, justify="left" if c == "op" else "right")
    for op, st in rep["per_op_before_outage_ms"].items():
        t.add_row(op, str(st["n"]), str(st["p50"]), str(st["p95"]), str(st["p99"]))
    console.print(t)
    t = Table(title="phases")
    for c in ("phase", "requests", "errors", "error rate", "unclean", "outcomes"):
        t.add_column(c, justify="left" if c in ("phase", "outcomes") else "right")
    for name, ph in rep["phases"].items():
        t.add_row(name, str(ph["requests"]), str(ph["errors"]), str(ph["error_rate"]), str(ph["unclean_errors"]),
                  json.dumps(ph["outcomes"]))
    console.print(t)
    if "recovery_s" in rep:
        console.print(f"events (s): {rep['events_s']}")
        console.print(f"recovery (s): {rep['recovery_s']}")
    console.print(f"durability: {rep['durability']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duration", type=float, default=150.0, help="seconds of load (upper bound)")
    ap.add_argument("--max-requests", type=int, default=100_000, help="requests in all (upper bound)")
    ap.add_argument("--concurrency", type=int, default=8, help="clients sending one request at a time")
    ap.add_argument("--outage-at", type=float, default=50.0, help="seconds into the run when Neo4j is stopped")
    ap.add_argument("--outage-s", type=float, default=20.0, help="seconds Neo4j stays down")
    ap.add_argument("--no-outage", action="store_true")
    ap.add_argument("--timeout", type=float, default=30.0, help="client timeout per request")
    ap.add_argument("--grids", type=int, default=2000, help="grids sampled for the mix")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the needs the mutations created")
    a = ap.parse_args(argv)

    pools = _sample(a.grids)
    if not pools["grids"] or not pools["words"] or not pools["streets"]:
        raise SystemExit("the graph has no grids/organizations: load a demo set first")
    with serve_api() as (base, proc):
        run = asyncio.run(_drive(base, a, pools))
        api_rss = rss_bytes(proc.pid)[0]
        if "neo4j_back" in run.events:  # the API must be ready again before the durability check
            deadline = time.monotonic() + 60
            while httpx.get(f"{base}/readyz", timeout=5).status_code != 200 and time.monotonic() < deadline:
                time.sleep(0.5)
        durability = _durability(run, base, a.keep)
    rep = summarize(run, a, durability, api_rss)
    path = write_report("load-test", rep)
    print_summary(rep)
    console.print(f"report: {path}")
    bad = [p for p in rep["phases"].values() if p["unclean_errors"]]
    lost = (durability["acknowledged_present"] != durability["acknowledged"]
            or durability["needs_for_them"] != durability["acknowledged"] + durability["failed"])
    return 1 if bad or lost else 0


if __name__ == "__main__":
    sys.exit(main())
