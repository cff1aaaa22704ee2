"""Benchmark of the DoS shapes of issue #11: how fast each is refused, and how a small query fares meanwhile.

    python -m gridlink.bench.dos_shapes --repeat 20 --victims 300 --attackers 4

Serves the API the way ``gridlink serve`` does (uvicorn in a subprocess, free port) on the Neo4j of NEO4J_URI
(default: the test server of GRIDLINK_TEST_BOLT_PORT, password gridlink-test), then

1. fires every shape ``--repeat`` times, one at a time — the bombs of ``tests/fuzz/test_fuzz_bombs.py`` and the
   shapes issue #11 found (220 same-name fields, a fragment chain doubling 20 times, 15 costly ``openNeeds``,
   a 4,301-digit integer, a lone surrogate, a 5,000-digit cursor, a 64 MiB streamed body) — each GraphQL document
   made unique by a leading ``# comment`` so no cache helps — and prints the refusal latency p50/p95/max and code;
2. measures ``{ __typename }`` and ``{ divisions { code } }`` (``--victims`` each, sequential) alone, then while
   ``--attackers`` threads fire those shapes in a loop, and prints p50/p95 of both runs.

The goal (issue #11): every refusal under 50 ms, the small query under 50 ms p95 under attack. Rate limits are
off in the served API unless ``--rate-limits``: the shapes must be cheap to refuse even from many addresses.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
# the bombs are those of the fuzz test (one list): its folder and tests/ (for its helpers) go on the path
sys.path[:0] = [str(ROOT / "tests" / "fuzz"), str(ROOT / "tests")]

from test_fuzz_bombs import BOMBS, COMMUNITY  # noqa: E402 - after the path set-up

KEY = "dos-bench-admin-key"
SAME_NAME = "{ " + " ".join(f'grid(code: "{i}") {{ uid }}' for i in range(220)) + " }"
DOUBLING = ("{ ...F0 } " + " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(20))
            + " fragment F20 on Query { __typename }")
COSTLY = "{ " + " ".join(f'a{i}: openNeeds(divisionCode: "{COMMUNITY[:6]}000000", first: 100, '
                         "candidatesPerNeed: 20) { nodes { uid title candidates { score resource { uid name } } } }"
                         for i in range(15)) + " }"
SHAPES: dict[str, dict[str, Any] | str | bytes] = {
    "220 same-name fields (4.7 KB)": {"query": SAME_NAME},
    "fragments doubling 20 times": {"query": DOUBLING},
    "15 x openNeeds(first:100, candidatesPerNeed:20)": {"query": COSTLY},
    "several operations, no operationName": {"query": "query A { __typename } query B { __typename }"},
    "JSON integer of 4,301 digits": '{"query": "{ __typename }", "variables": {"n": ' + "7" * 4_301 + "}}",
    "lone surrogate in a variable": json.dumps({"query": "query($u: String) { organization(uid: $u) { uid } }",
                                                "variables": {"u": "ab\ud800cd"}}),
    "5,000-digit search cursor": {"query": 'query($a: String) { searchOrganizations(text: "锦城", after: $a) '
                                           "{ totalCount } }", "variables": {"a": "Nz" * 2_500}},
    **{f"bomb: {name}": body for name, (body, _) in BOMBS.items()},
}
BIG_BODY = "64 MiB body, streamed"
VICTIMS = {"{ __typename }": "{ __typename }", "{ divisions { code } }": "{ divisions { code } }"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(port: int, rate_limits: bool) -> subprocess.Popen[bytes]:
    env = {**os.environ, "GRIDLINK_API_KEYS": f"{KEY}:admin", "GRIDLINK_API_ANONYMOUS_ROLE": "reader"}
    if not env.get("NEO4J_URI"):
        env.update({"NEO4J_URI": f"bolt://127.0.0.1:{os.environ.get('GRIDLINK_TEST_BOLT_PORT', '17687')}",
                    "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "gridlink-test"})
    if not rate_limits:
        env.update({"GRIDLINK_API_RATE_LIMIT_PER_KEY": "", "GRIDLINK_API_RATE_LIMIT_PER_ADDRESS": ""})
    code = f"from api.cli import serve; serve('127.0.0.1', {port})"
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the API did not start within 60 s")


def _request(client: httpx.Client, body: dict[str, Any] | str | bytes, unique: int) -> tuple[float, str]:
    """Send one shape; (seconds, what came back: the error code or HTTP status)."""
    if isinstance(body, dict):
        content: bytes | str = json.dumps({**body, "query": f"# {unique}\n{body['query']}"})
    else:
        content = body
    start = time.perf_counter()
    r = client.post("/graphql", content=content, headers={"content-type": "application/json"})
    elapsed = time.perf_counter() - start
    try:
        errors = r.json().get("errors") or []
        what = errors[0]["extensions"]["code"] if errors else f"answered {r.status_code}"
    except (ValueError, KeyError, IndexError, AttributeError):
        what = f"HTTP {r.status_code} {r.headers.get('content-type', '')}"
    return elapsed, what


def _big_body(base: str) -> tuple[float, str]:
    def chunks() -> Iterator[bytes]:
        yield b'{"query": "{ __typename }", "pad": "'
        for _ in range(1024):
            yield b"x" * 65_536
        yield b'"}'

    start = time.perf_counter()
    try:
        r = httpx.post(f"{base}/graphql", content=chunks(), headers={"content-type": "application/json"},
                       timeout=60)
        what = r.json()["errors"][0]["extensions"]["code"]
    except httpx.TransportError as e:  # the server answered and closed while the client was still sending
        what = f"closed mid-upload ({type(e).__name__})"
    return time.perf_counter() - start, what


def _pct(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] * 1000 if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] * 1000


def _victims(base: str, n: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    with httpx.Client(base_url=base, headers={"X-API-Key": KEY}, timeout=60) as c:
        for name, q in VICTIMS.items():
            lat = []
            for _ in range(n):
                s = time.perf_counter()
                r = c.post("/graphql", json={"query": q})
                lat.append(time.perf_counter() - s)
                if r.status_code != 200 or "errors" in r.json():
                    raise SystemExit(f"victim query failed: {r.text[:300]}")
            out[name] = lat
    return out


def main(argv: list[str] | None = None) -> int:
    """Run both measurements and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="requests per shape in the refusal table")
    ap.add_argument("--victims", type=int, default=300, help="small queries per victim query and phase")
    ap.add_argument("--attackers", type=int, default=4, help="threads firing the shapes during phase 2")
    ap.add_argument("--rate-limits", action="store_true", help="keep the API's default rate limits on")
    a = ap.parse_args(argv)

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _serve(port, a.rate_limits)
    counter = itertools.count()
    try:
        print(f"refusal latency, {a.repeat} requests per shape (ms):")
        print(f"{'shape':58}{'p50':>8}{'p95':>8}{'max':>8}  answer")
        worst = 0.0
        with httpx.Client(base_url=base, timeout=60) as c:
            for name, body in SHAPES.items():
                runs = [_request(c, body, next(counter)) for _ in range(a.repeat)]
                lat = [t for t, _ in runs]
                worst = max(worst, _pct(lat, 95))
                answers = ",".join(sorted({w for _, w in runs}))
                print(f"{name[:57]:58}{_pct(lat, 50):8.1f}{_pct(lat, 95):8.1f}{max(lat) * 1000:8.1f}  {answers}")
        big = [_big_body(base) for _ in range(3)]
        print(f"{BIG_BODY:58}{_pct([t for t, _ in big], 50):8.1f}{'':8}{max(t for t, _ in big) * 1000:8.1f}  "
              f"{','.join(sorted({w for _, w in big}))}")
        print(f"worst p95 refusal: {worst:.1f} ms")

        alone = _victims(base, a.victims)
        stop = threading.Event()
        fired = [0] * a.attackers

        def attack(i: int) -> None:
            with httpx.Client(base_url=base, timeout=60) as c:
                for name in itertools.cycle(SHAPES):
                    if stop.is_set():
                        return
                    _request(c, SHAPES[name], next(counter))
                    fired[i] += 1

        threads = [threading.Thread(target=attack, args=(i,), daemon=True) for i in range(a.attackers)]
        for t in threads:
            t.start()
        time.sleep(1.0)  # let the attack get going
        under = _victims(base, a.victims)
        stop.set()
        for t in threads:
            t.join(60)
        print(f"\nsmall queries, {a.victims} each (ms), alone and while {a.attackers} clients fired the shapes "
              f"({sum(fired)} refused meanwhile):")
        print(f"{'query':28}{'alone p50':>11}{'alone p95':>11}{'attack p50':>12}{'attack p95':>12}")
        for name in VICTIMS:
            print(f"{name:28}{_pct(alone[name], 50):11.1f}{_pct(alone[name], 95):11.1f}"
                  f"{_pct(under[name], 50):12.1f}{_pct(under[name], 95):12.1f}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
