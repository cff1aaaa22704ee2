"""disputeHotspots for a district: p50/p95 through the driver, PROFILE db hits, and the load average beside them.

    python -m gridlink.bench.hotspots --division 510107000000 --repeat 25      # the loaded graph (usual settings)

Runs the named query ``compound_dispute_hotspots`` for the 12 months that end on the demo set's as-of day (the
default period of the API) and, for the same period, the whole resolver's second read (the five-step evidence of
the top 20). Prints a table and writes ``reports/scale/hotspots-<division>.json``. A benchmark, not a test: the
numbers depend on the machine and on what else runs (the load average is printed to say so).
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import date
from typing import Any

from gridlink.bench.common import latency_stats, write_report


def measure(division: str, repeat: int, limit: int, until: date | None = None) -> dict[str, Any]:
    """Time the ranking and the evidence read ``repeat`` times after two warm-up runs, for the 12 months that end
    on ``until`` (default: today; demo sets are dated from the day they were generated)."""
    from api.db import read_sync
    from api.query_compounds import year_before
    from graph.driver import get_driver
    from graph.localtime import today
    from gridlink.bench.query_samples import profile_query
    from queries.member_rules import get_member_rules

    day = until or today()
    params = {"divisionCode": division, "since": year_before(day).isoformat(), "until": day.isoformat(),
              "limit": limit}
    ranking: list[float] = []
    evidence: list[float] = []
    load: list[float] = []
    for i in range(repeat + 2):
        t0 = time.perf_counter()
        rows = read_sync("compound_dispute_hotspots", params)
        t1 = time.perf_counter()
        read_sync("compound_five_step_evidence", {"uids": [r["compound"]["uid"] for r in rows],
                                                  **get_member_rules().status_params(day)})
        t2 = time.perf_counter()
        if i >= 2:
            ranking.append((t1 - t0) * 1000)
            evidence.append((t2 - t1) * 1000)
            load.append(os.getloadavg()[0])
    prof = profile_query(get_driver(), "compound_dispute_hotspots", params)
    return {"division": division, "params": params, "rows": len(rows), "ranking_ms": latency_stats(ranking),
            "evidence_ms": latency_stats(evidence),
            "total_ms": latency_stats([a + b for a, b in zip(ranking, evidence, strict=True)]),
            "db_hits": prof["db_hits"], "top_operators": prof["top_operators"],
            "load_average": {"min": round(min(load), 1), "max": round(max(load), 1)}}


def main() -> None:
    """Parse arguments, measure, print and write the report."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--division", default="510107000000")
    ap.add_argument("--repeat", type=int, default=25)
    ap.add_argument("--limit", type=int, default=20)
    ap.add_argument("--label", default="", help="a suffix of the report's name (before/after)")
    ap.add_argument("--until", type=date.fromisoformat, default=None,
                    help="the period's last day (default: today in Beijing; a demo set is dated from the day it was "
                         "generated)")
    a = ap.parse_args()
    report = measure(a.division, a.repeat, a.limit, a.until)
    for key in ("ranking_ms", "evidence_ms", "total_ms"):
        s = report[key]
        print(f"{key:12} p50 {s['p50']:8.1f}  p95 {s['p95']:8.1f}  max {s['max']:8.1f}  (n={s['n']})")
    print(f"db hits {report['db_hits']:,}; load average {report['load_average']}")
    for op in report["top_operators"]:
        print(f"  {op['op'][:40]:40} {int(op['db_hits'] or 0):>12,} {str(op['details'])[:70]}")
    path = write_report(f"hotspots-{a.division}{'-' + a.label if a.label else ''}", report)
    print(f"report: {path}")


if __name__ == "__main__":
    main()
