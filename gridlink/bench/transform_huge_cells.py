"""How long the ingest transform takes on a row with 1 MB cells (the timing the fuzz test no longer asserts).

    python -m gridlink.bench.transform_huge_cells --repeat 5

Prints, per kind, the median and worst seconds of ``transform`` on the row of
``test_fuzz_validators.huge_row`` (address and description of 1 MB each). Goal: well under a second per row.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# the row is the one of the fuzz test: its folder and tests/ (for its helpers) go on the path
sys.path[:0] = [str(ROOT / "tests" / "fuzz"), str(ROOT / "tests")]

from test_fuzz_validators import CTX, huge_row  # noqa: E402 - after the path set-up

from ingest.kinds import transform  # noqa: E402
from ingest.records import RowReject  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Time the transform of the huge row for each kind."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    print(f"{'kind':14}{'median s':>10}{'max s':>10}  outcome")
    for kind in ("enterprises", "resources", "needs", "party-orgs"):
        times, outcome = [], ""
        for _ in range(a.repeat):
            start = time.perf_counter()
            try:
                transform(kind, huge_row(kind), CTX)
                outcome = "record"
            except RowReject as r:
                outcome = f"rejected: {r.reason[:40]}"
            times.append(time.perf_counter() - start)
        print(f"{kind:14}{statistics.median(times):10.3f}{max(times):10.3f}  {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
