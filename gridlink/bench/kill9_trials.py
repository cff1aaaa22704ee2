"""kill -9 trials: SIGKILL a large ingest at random points, re-run it, compare with a clean run's graph.

    python -m gridlink.bench.kill9_trials --wipe                          # 20 trials, 10^5-organization demo set
    python -m gridlink.bench.kill9_trials --wipe --trials 5 --scale 10000

The ingest is ``gridlink demo load --dir SET`` (every kind of a generated demo set, in manifest order, each kind
in batches of ``--batch-size`` rows) in a subprocess. First a clean run: wipe, load, canonical hash of every node
(labels + properties) and relationship (type, end keys, properties), ignoring run ids, timestamps and the
IngestRun/SchemaMigration bookkeeping. Then each trial: wipe, start the load, SIGKILL it once a random 5-95% of
the clean run's nodes are committed (plus a random 0-1 s, i.e. inside a batch), note what was committed, re-run
the load to completion and compare its hash with the clean one. Prints one line per trial and writes
``reports/scale/kill9-trials-<scale>.json``; exits 1 when any re-run differs.

It WIPES the graph of the configured server (``NEO4J_URI``): run it on a server of your own, hence ``--wipe``.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from gridlink.bench.common import wipe_data, write_report
from gridlink.bench.graph_hash import canonical_lines, digest, line_diff

console = Console(width=160)


def _gridlink() -> str:
    return str(Path(sys.executable).with_name("gridlink"))


def _load_cmd(folder: Path, batch: int) -> list[str]:
    return [_gridlink(), "demo", "load", "--dir", str(folder), "--batch-size", str(batch)]


def _state() -> dict[str, Any]:
    """What is committed: node count and the ingest runs left running or completed."""
    from graph.driver import get_driver

    recs, _, _ = get_driver().execute_query(
        "MATCH (n) WHERE NOT n:IngestRun AND NOT n:SchemaMigration WITH count(n) AS nodes "
        "OPTIONAL MATCH (r:IngestRun) WITH nodes, r ORDER BY r.startedAt "
        "RETURN nodes, collect(r.kind + ':' + r.status) AS runs", database_="neo4j")
    return {"nodes": recs[0]["nodes"], "runs": recs[0]["runs"]}


def _clean_load(folder: Path, batch: int) -> tuple[float, list[str]]:
    from graph.driver import get_driver

    wipe_data(get_driver())
    t0 = time.monotonic()
    subprocess.run(_load_cmd(folder, batch), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - t0, canonical_lines(get_driver())


def _nodes() -> int:
    from graph.driver import get_driver

    recs, _, _ = get_driver().execute_query("MATCH (n) RETURN count(n) AS n", database_="neo4j")  # count store
    return int(recs[0]["n"])


def trial(i: int, folder: Path, batch: int, clean_nodes: int, clean: list[str], rng: random.Random) -> dict[str, Any]:
    """One kill -9 and re-run; the outcome as a dict.

    The kill point is drawn in committed work rather than in seconds (the machine's speed varies): once the graph
    holds a random 5-95% of the clean run's nodes, wait a random 0-1 s more (somewhere inside the next batch)
    and SIGKILL.
    """
    from graph.driver import get_driver

    wipe_data(get_driver())
    target = int(rng.uniform(0.05, 0.95) * clean_nodes)
    extra = rng.uniform(0.0, 1.0)
    proc = subprocess.Popen(_load_cmd(folder, batch), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ))
    t0 = time.monotonic()
    while proc.poll() is None and _nodes() < target:
        time.sleep(0.05)
    time.sleep(extra)
    finished_first = proc.poll() is not None
    if not finished_first:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    killed_at = time.monotonic() - t0
    at_kill = _state()
    t1 = time.monotonic()
    rerun = subprocess.run(_load_cmd(folder, batch), check=False, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
    rerun_s = time.monotonic() - t1
    lines = canonical_lines(get_driver())
    nodes = sum(1 for line in lines if line.startswith('["N"'))
    rels = len(lines) - nodes
    equal = lines == clean
    running = [r.split(":")[0] for r in at_kill["runs"] if r.endswith(":running")]
    return {"trial": i, "kill_after_s": round(killed_at, 1), "target_nodes": target,
            "finished_before_kill": finished_first,
            "killed": proc.returncode == -signal.SIGKILL, "kind_at_kill": running[-1] if running else None,
            "nodes_at_kill": at_kill["nodes"], "rerun_exit": rerun.returncode, "rerun_s": round(rerun_s, 1),
            "rerun_error": rerun.stderr[-500:] if rerun.returncode else "", "nodes": nodes, "rels": rels,
            "hash": digest(lines), "equal": equal, "diff": {} if equal else line_diff(clean, lines)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--scale", type=int, default=100_000, help="organizations of the demo set")
    ap.add_argument("--district", default="510107", help="Chengdu district code, 5101 or all")
    ap.add_argument("--dir", type=Path, default=None, help="demo set folder (default ~/.cache/gridlink/kill9-<N>)")
    ap.add_argument("--batch-size", type=int, default=500, help="rows per write transaction")
    ap.add_argument("--seed", type=int, default=None, help="seed of the kill points (default: random)")
    ap.add_argument("--wipe", action="store_true", help="confirm that the configured graph may be wiped")
    a = ap.parse_args(argv)
    from graph.settings import get_neo4j_settings

    uri = get_neo4j_settings().uri
    if not a.wipe:
        raise SystemExit(f"this wipes the graph at {uri} again and again: pass --wipe if that server is yours")
    from gridlink.demo.generate import generate
    from gridlink.demo.load import read_manifest

    folder = a.dir or Path.home() / ".cache" / "gridlink" / f"kill9-{a.scale}"
    manifest = read_manifest(folder)
    if manifest is None or manifest.get("scale") != a.scale or manifest.get("district") != a.district:
        with console.status(f"generating {a.scale:,} organizations into {folder}…"):
            manifest = generate(folder, scale=a.scale, district=a.district, seed=1)
    rows = sum(f["rows"] for f in manifest["files"])
    seed = a.seed if a.seed is not None else int(time.time())
    rng = random.Random(seed)
    console.print(f"server {uri}; set {folder} ({rows:,} rows); kill seed {seed}")

    with console.status("clean run…"):
        clean_s, clean = _clean_load(folder, a.batch_size)
    clean_hash = digest(clean)
    nodes = sum(1 for line in clean if line.startswith('["N"'))
    rels = len(clean) - nodes
    console.print(f"clean run: {clean_s:.1f} s, {nodes:,} nodes, {rels:,} relationships, hash {clean_hash[:16]}")
    results = []
    table = Table(title=f"kill -9 trials ({a.trials})")
    for c in ("trial", "kill after s", "kind at kill", "nodes at kill", "re-run s", "exit", "nodes", "rels",
              "equal"):
        table.add_column(c, justify="right")
    for i in range(1, a.trials + 1):
        r = trial(i, folder, a.batch_size, nodes, clean, rng)
        results.append(r)
        console.print(f"  trial {i:>2}: killed after {r['kill_after_s']:>6} s during {r['kind_at_kill']} "
                      f"({r['nodes_at_kill']:,} nodes); re-run {r['rerun_s']} s exit {r['rerun_exit']}: "
                      + ("[green]equal[/]" if r["equal"] else f"[red]DIFFERENT[/] ({r['nodes']}/{r['rels']})"))
        for side, lines in r["diff"].items():
            for line in lines[:5]:
                console.print(f"      {side}: {line[:300]}", markup=False)
        table.add_row(str(i), str(r["kill_after_s"]), str(r["kind_at_kill"]), f"{r['nodes_at_kill']:,}",
                      str(r["rerun_s"]), str(r["rerun_exit"]), f"{r['nodes']:,}", f"{r['rels']:,}",
                      "yes" if r["equal"] else "NO")
    equal = sum(r["equal"] for r in results)
    killed = sum(r["killed"] for r in results)
    report = {"server": uri, "set": str(folder), "scale": a.scale, "district": a.district, "rows": rows,
              "batch_size": a.batch_size, "seed": seed, "clean": {"seconds": round(clean_s, 1), "nodes": nodes,
                                                                   "rels": rels, "hash": clean_hash},
              "trials": results, "killed_mid_run": killed, "equal": equal}
    path = write_report(f"kill9-trials-{a.scale}", report)
    console.print(table)
    console.print(f"{a.trials} trials, {killed} killed mid-run, {equal} re-runs equal to the clean run; report {path}")
    return 0 if equal == a.trials else 1


if __name__ == "__main__":
    sys.exit(main())
