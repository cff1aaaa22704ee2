"""Latency of ``indicators`` and ``warnings`` (issue #13 part 3) for a district and its streets, through the API.

    python -m gridlink.bench.indicators --district 510107000000 --requests 30

Against the graph ``NEO4J_URI`` points at (e.g. a 10^5 demo set: ``gridlink demo generate --scale 100000 --out DIR``
then ``gridlink demo load --dir DIR``), the API in a uvicorn subprocess on loopback (:func:`common.serve_api`).
Each request asks one division: the district (the heaviest: it answers for itself and every street) or a street,
alternately, after two warm-up requests each. Prints p50/p95/p99 per field and level, the load average before and
after, and writes ``reports/scale/indicators-<district>.json``. A script, not a test: no timed assertion anywhere.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Any

import httpx

from gridlink.bench.common import API_KEYS, latency_stats, serve_api, write_report

QUERIES = {
    "indicators": """query($c: String!) { indicators(divisionCode: $c) { code needsOpen needsPastDue needsNoCandidate
      medianClaimToDeliveryDays ratingMean residentUnits residentUnitsActive households propertyWorkOrders members
      checkInRate hiddenPocketShare communityType } }""",
    "warnings": """query($c: String!) { warnings(divisionCode: $c) { divisionCode code value open { kind id } } }""",
}


def streets(district: str) -> list[str]:
    """The streets of the district (``division_children``)."""
    from queries.catalog import run

    rows = run("division_children", {"code": district, "withCounts": False, "withTypes": False}).records
    return [c["code"] for c in rows[0]["children"]] if rows else []


def measure(district: str, requests: int) -> dict[str, Any]:
    """``requests`` timed requests per field and level (district, street)."""
    planner = next(k for k, role in API_KEYS.items() if role == "planner")
    targets = {"district": [district], "street": streets(district)}
    out: dict[str, Any] = {"loadBefore": os.getloadavg()}
    with serve_api() as (base, _), httpx.Client(base_url=base, timeout=300,
                                                headers={"X-API-Key": planner}) as client:
        for field, doc in QUERIES.items():
            for level, codes in targets.items():
                ms: list[float] = []
                for i in range(requests + 2):
                    code = codes[i % len(codes)]
                    t0 = time.perf_counter()
                    resp = client.post("/graphql", json={"query": doc, "variables": {"c": code}})
                    elapsed = (time.perf_counter() - t0) * 1000
                    body = resp.json()
                    if resp.status_code != 200 or body.get("errors"):
                        raise SystemExit(f"{field} {code}: {resp.status_code} {str(body)[:300]}")
                    if i >= 2:  # two warm-up requests
                        ms.append(elapsed)
                out[f"{field}/{level}"] = latency_stats(ms) | {"rows": len(body["data"][field])}
    out["loadAfter"] = os.getloadavg()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--district", default="510107000000")
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    result = measure(args.district, args.requests)
    for key, value in result.items():
        print(f"{key:24} {value}")
    print(f"report: {write_report(f'indicators-{args.district}', result)}")


if __name__ == "__main__":
    main()
