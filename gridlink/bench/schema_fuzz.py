"""The schema fuzz run of issue #11: ``python -m gridlink.bench.schema_fuzz --cases 5000`` (repository root).

Runs ``tests/fuzz/test_fuzz_schema_roles.py`` with ``--cases`` generated documents per role (anonymous, reader,
planner, admin; random seed unless ``--seed``) on the test Neo4j of the pytest session (GRIDLINK_TEST_BOLT_PORT /
GRIDLINK_TEST_HTTP_PORT, or NEO4J_URI — it is wiped and seeded), then prints what came back per role: ``ok``,
each error code, HTTP refusals. It fails (exit 1) on the first server error, INTERNAL error or error without a
code, and prints the seed that reproduces it. Not a test itself (the suite runs the same test with 40 cases).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz test with the requested cases; 0 when no server error or INTERNAL error came back."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=5000, help="generated documents per role")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: a fresh one)")
    ap.add_argument("--roles", default="anonymous,reader,planner,admin", help="comma-separated roles to fuzz")
    ap.add_argument("--tally", default=None, help="write the counts here as the run goes (default: a temp file)")
    a = ap.parse_args(argv)
    seed = a.seed if a.seed is not None else random.SystemRandom().randrange(1 << 31)
    if a.tally:
        tally = Path(a.tally)
    else:
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
            tally = Path(f.name)
    env = {**os.environ, "GRIDLINK_FUZZ_SCHEMA_CASES": str(a.cases), "GRIDLINK_FUZZ_SEED": str(seed),
           "GRIDLINK_FUZZ_TALLY": str(tally)}
    print(f"schema fuzz: {a.cases} cases per role, seed {seed}", flush=True)
    started = time.monotonic()
    roles = " or ".join(r.strip() for r in a.roles.split(",") if r.strip())
    proc = subprocess.run([sys.executable, "-m", "pytest", "tests/fuzz/test_fuzz_schema_roles.py", "-q", "-x",
                           "-p", "no:cacheprovider", "--timeout", "0", "-k", roles], cwd=ROOT, env=env, check=False)
    try:
        counts: dict[str, int] = json.loads(tally.read_text(encoding="utf-8") or "{}")
    except (OSError, json.JSONDecodeError):
        counts = {}
    finally:
        if not a.tally:
            tally.unlink(missing_ok=True)
    print(f"\n{'passed' if proc.returncode == 0 else 'FAILED'} in {time.monotonic() - started:.0f} s; outcomes:")
    for name, n in sorted(counts.items()):
        if name.startswith("schema fuzz"):
            print(f"{n:8d}  {name.removeprefix('schema fuzz ')}")
    if proc.returncode != 0:
        print(f"reproduce: GRIDLINK_FUZZ_SEED={seed} GRIDLINK_FUZZ_SCHEMA_CASES={a.cases} "
              "pytest tests/fuzz/test_fuzz_schema_roles.py")
    return 0 if proc.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
