"""The long fuzz run: ``python -m gridlink.bench.fuzz_long_run --minutes N`` (from the repository root).

Runs the whole ``tests/fuzz`` folder round after round until the time is up, each round with a new random seed
(``GRIDLINK_FUZZ_SEED``) and every example count multiplied by ``--scale`` (``GRIDLINK_FUZZ_SCALE``), then
prints the fuzz cases run per test and in total. A failing round stops the run and prints the seed that
reproduces it::

    GRIDLINK_FUZZ_SEED=<seed> GRIDLINK_FUZZ_SCALE=<scale> pytest tests/fuzz

It uses the test Neo4j of the pytest session (GRIDLINK_TEST_BOLT_PORT / GRIDLINK_TEST_HTTP_PORT, or NEO4J_URI).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    """Run rounds until ``--minutes`` have passed; 0 when every round passed, 1 otherwise."""
    ap = argparse.ArgumentParser(prog="python -m gridlink.bench.fuzz_long_run", description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="wall-clock budget (a started round finishes)")
    ap.add_argument("--scale", type=float, default=10.0, help="multiplier of every test's example count")
    ap.add_argument("--seed", type=int, default=None, help="seed of the first round (default: random)")
    ap.add_argument("-k", default=None, help="pytest -k expression: only some fuzz tests")
    a = ap.parse_args(argv)

    deadline = time.monotonic() + a.minutes * 60
    seed = a.seed if a.seed is not None else random.SystemRandom().randrange(1 << 31)
    total: Counter[str] = Counter()
    rounds = 0
    while True:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tally_file:
            tally_path = tally_file.name
        env = {**os.environ, "GRIDLINK_FUZZ_SEED": str(seed), "GRIDLINK_FUZZ_SCALE": str(a.scale),
               "GRIDLINK_FUZZ_TALLY": tally_path}
        cmd = [sys.executable, "-m", "pytest", "tests/fuzz", "-q", "-p", "no:cacheprovider", "-x"]
        if a.k:
            cmd += ["-k", a.k]
        started = time.monotonic()
        print(f"round {rounds + 1}: seed {seed}, scale {a.scale}", flush=True)
        proc = subprocess.run(cmd, cwd=ROOT, env=env, check=False)
        rounds += 1
        try:
            total.update(json.loads(Path(tally_path).read_text(encoding="utf-8") or "{}"))
        except (OSError, json.JSONDecodeError):
            pass
        finally:
            Path(tally_path).unlink(missing_ok=True)
        print(f"round {rounds}: {'passed' if proc.returncode == 0 else 'FAILED'} in "
              f"{time.monotonic() - started:.0f}s; {sum(total.values())} cases so far", flush=True)
        if proc.returncode != 0:
            print(f"reproduce: GRIDLINK_FUZZ_SEED={seed} GRIDLINK_FUZZ_SCALE={a.scale} pytest tests/fuzz")
            break
        if time.monotonic() >= deadline:
            break
        seed = random.Random(seed).randrange(1 << 31)
    print(f"\nfuzz cases run in {rounds} round(s):")
    for name, n in sorted(total.items()):
        print(f"{n:10d}  {name}")
    print(f"{sum(total.values()):10d}  total")
    return 0 if proc.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
