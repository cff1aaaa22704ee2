"""Parameters for every named query, sampled from the loaded graph, and the timing/PROFILE of each query.

Grid-based parameters cycle through many grids; division codes are drawn at the level of the query's example
(district, street or community); queries taking either a grid or a division alternate between the two. Write
queries run inside a transaction that is rolled back, so measuring them leaves the graph as it was.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import neo4j
from rich.console import Console

from gridlink.bench.common import latency_stats
from queries.catalog import NamedQuery, catalog, to_query

_SAMPLE = {
    "grids": "MATCH (g:Grid {scheme: 'LOCAL'}) WITH g ORDER BY rand() LIMIT $k "
             "RETURN g.code AS code, g.centroid.longitude AS lon, g.centroid.latitude AS lat",
    "divisions": "MATCH (d:Division {level: $level}) WITH d ORDER BY rand() LIMIT $k RETURN d.code AS v",
    "orgs": "MATCH (o:Organization) WHERE NOT o:PartyOrganization WITH o ORDER BY rand() LIMIT $k "
            "RETURN o.uid AS uid, o.uscc AS uscc, o.name AS name",
    "party": "MATCH (p:PartyOrganization) WITH p ORDER BY rand() LIMIT $k RETURN p.uid AS v",
    "needs": "MATCH (n:Need {status: 'open'}) WITH n ORDER BY rand() LIMIT $k RETURN n.uid AS v",
    "resources": "MATCH (r:Resource {status: 'available'})<-[:PROVIDES]-(o:Organization) "
                 "WITH r, o ORDER BY rand() LIMIT $k RETURN r.uid AS v, o.uid AS provider",
    "projects": "MATCH (p:Project {status: 'claimed'}) WITH p ORDER BY rand() LIMIT $k RETURN p.uid AS v",
}
_LEVELS = ("district", "street", "community")


def level_of(code: str) -> str:
    """Level of a 12-digit statistical code: district (…000000), street (…000) or community."""
    if code.endswith("000000"):
        return "district"
    return "street" if code.endswith("000") else "community"


@dataclass
class Samples:
    """Entities drawn at random from the graph, to build many different parameter sets."""

    grid_codes: list[str]
    grid_points: list[tuple[float, float]]
    divisions: dict[str, list[str]]
    org_uids: list[str]
    usccs: list[str]
    words: list[str]
    party_uids: list[str]
    need_uids: list[str]
    resources: list[tuple[str, str]]
    project_uids: list[str]
    rng: random.Random = field(default_factory=lambda: random.Random(1))

    @classmethod
    def from_graph(cls, drv: neo4j.Driver, k: int) -> Samples:
        def q(name: str, **params: Any) -> list[dict[str, Any]]:
            recs, _, _ = drv.execute_query(_SAMPLE[name], {"k": k, **params}, database_="neo4j",
                                           routing_=neo4j.RoutingControl.READ)
            return [r.data() for r in recs]

        grids = q("grids")
        orgs = q("orgs")
        words = sorted({o["name"][i:i + 2] for o in orgs if o["name"] and len(o["name"]) > 4
                        for i in (2, len(o["name"]) // 2)})
        res = q("resources")
        if not grids:
            raise SystemExit("no LOCAL grids in the graph: load a demo set first")
        return cls(grid_codes=[g["code"] for g in grids],
                   grid_points=[(g["lon"], g["lat"]) for g in grids if g["lon"] is not None],
                   divisions={lv: [r["v"] for r in q("divisions", level=lv)] for lv in _LEVELS},
                   org_uids=[o["uid"] for o in orgs], usccs=[o["uscc"] for o in orgs if o["uscc"]],
                   words=words, party_uids=[r["v"] for r in q("party")], need_uids=[r["v"] for r in q("needs")],
                   resources=[(r["v"], r["provider"]) for r in res], project_uids=[r["v"] for r in q("projects")])

    def summary(self) -> dict[str, int]:
        return {"grids": len(self.grid_codes), "orgs": len(self.org_uids), "words": len(self.words),
                "party_orgs": len(self.party_uids), "open_needs": len(self.need_uids),
                "resources": len(self.resources), "claimed_projects": len(self.project_uids),
                **{f"{lv}s": len(v) for lv, v in self.divisions.items()}}

    def _pick(self, values: list[Any], i: int) -> Any:
        return values[i % len(values)] if values else None

    def params(self, q: NamedQuery, i: int) -> dict[str, Any]:
        """Parameter set number ``i`` for query ``q`` (the example's values where nothing better is known)."""
        p = dict(q.example_params())
        p.update({k: None for k in q.params if k not in p})
        by_grid = "gridUid" in q.params and i % 2 == 0
        grid = self._pick(self.grid_codes, i)
        for name in q.params:
            ex = p.get(name)
            if name == "gridCode" or (name == "code" and q.name == "grid_by_code"):
                p[name] = grid
            elif name == "gridUid":
                p[name] = f"LOCAL:{grid}" if by_grid else None
            elif name in ("divisionCode", "code", "communityCode") and isinstance(ex, str) and ex.isdigit():
                p[name] = None if by_grid else self._pick(self.divisions[level_of(ex)], i)
            elif name == "uscc" and ex is not None:
                p[name] = self._pick(self.usccs, i)
            elif name == "uid" and q.name == "org_party_detail":
                p[name] = self._pick(self.party_uids, i)
            elif name == "uid" and q.name == "explore_org_neighbourhood":
                p[name] = self._pick(self.org_uids, i)
            elif name == "text":
                p[name] = '"' + self._pick(self.words, i) + '"'
            elif name in ("longitude", "latitude") and self.grid_points:
                lon, lat = self._pick(self.grid_points, i)
                p[name] = lon if name == "longitude" else lat
        if q.write:
            p.update(self._write_params(q, i, grid))
        return p

    def _write_params(self, q: NamedQuery, i: int, grid: str) -> dict[str, Any]:
        common = {"clientMutationId": f"scale-{uuid.uuid4().hex}", "inputHash": "scale", "nonce": uuid.uuid4().hex,
                  "result": "{}"}
        res, provider = self._pick(self.resources, i) or (None, None)
        if q.name == "need_publish":
            return common | {"uid": f"need-scale-{i}", "title": "规模测试需求", "category": "venue",
                             "urgency": 2, "gridUid": f"LOCAL:{grid}"}
        if q.name == "resource_publish":
            return common | {"uid": f"res-scale-{i}", "name": "规模测试资源", "category": "venue",
                             "providerUid": provider, "gridUid": f"LOCAL:{grid}"}
        if q.name == "project_claim":
            return common | {"uid": f"proj-scale-{i}", "needUid": self._pick(self.need_uids, i), "resourceUid": res}
        if q.name == "project_advance":
            return common | {"uid": self._pick(self.project_uids, i), "to": "in_progress", "on": dt.date.today()}
        return common


def _run_once(session: neo4j.Session, q: NamedQuery, params: dict[str, Any]) -> int:
    """Run the query to the last record (a write one in a transaction that is rolled back); rows returned."""
    if q.write:
        tx = session.begin_transaction()
        try:
            return len(list(tx.run(to_query(q).text, params)))
        finally:
            tx.rollback()
    return len(list(session.run(to_query(q), params)))


def measure_catalog(drv: neo4j.Driver, samples: Samples, n: int, *, only: list[str] | None = None,
                    budget_s: float = 60.0, console: Console | None = None) -> dict[str, dict[str, Any]]:
    """p50/p95/p99 of every named query over ``n`` sampled parameter sets (after a short warm-up), at most
    ``budget_s`` seconds per query (but at least 5 runs)."""
    out: dict[str, dict[str, Any]] = {}
    for q in catalog().values():
        if only and q.name not in only:
            continue
        mode = neo4j.WRITE_ACCESS if q.write else neo4j.READ_ACCESS
        lat: list[float] = []
        rows = 0
        errors: list[str] = []
        # notifications off: the planner's warnings (e.g. a property no row has) would flood the output
        with drv.session(database="neo4j", default_access_mode=mode, notifications_min_severity="OFF") as s:
            for i in range(min(5, n)):
                _run_once(s, q, samples.params(q, i))
            slowest = (0.0, samples.params(q, 0))
            start = time.monotonic()
            for i in range(n):
                if i >= 5 and time.monotonic() - start > budget_s:  # a slow query: enough samples for a verdict
                    break
                params = samples.params(q, i)
                t0 = time.perf_counter()
                try:
                    rows += _run_once(s, q, params)
                except neo4j.exceptions.Neo4jError as e:
                    errors.append(f"{e.code}: {str(e.message)[:200]}")
                    continue
                ms = (time.perf_counter() - t0) * 1000
                lat.append(ms)
                if ms > slowest[0]:
                    slowest = (ms, params)
        out[q.name] = latency_stats(lat) | {"mean_rows": round(rows / max(1, len(lat)), 1),
                                            "errors": errors[:3], "profile_params": slowest[1]}
        if console:
            st = out[q.name]
            console.print(f"  {q.name:<36} p50 {st['p50']:>8} p95 {st['p95']:>8} p99 {st['p99']:>8} ms"
                          + (f"  [red]{len(errors)} errors[/]" if errors else ""))
    return out


def profile_query(drv: neo4j.Driver, name: str, params: dict[str, Any]) -> dict[str, Any]:
    """PROFILE one run: total db hits, rows, and the operators that scan a whole label or all nodes."""
    q = catalog()[name]
    with drv.session(database="neo4j", notifications_min_severity="OFF") as s:
        tx = s.begin_transaction()
        try:
            result = tx.run("PROFILE " + q.text, params)
            list(result)  # consume() alone discards the records: some plans then refuse their profiler stats
            summary = result.consume()
        finally:
            tx.rollback()
    ops: list[dict[str, Any]] = []

    def walk(plan: Any) -> None:
        ops.append({"op": plan.get("operatorType", ""), "details": plan.get("args", {}).get("Details", ""),
                    "db_hits": plan.get("dbHits", 0), "rows": plan.get("rows", 0)})
        for child in plan.get("children", []):
            walk(child)

    prof = summary.profile or {}
    walk(prof)
    scans = [f"{o['op'].split('@')[0]}({o['details'][:60]})" for o in ops
             if any(k in o["op"] for k in ("NodeByLabelScan", "AllNodesScan", "RelationshipTypeScan"))]
    top = sorted(ops, key=lambda o: -int(o["db_hits"] or 0))[:5]
    return {"db_hits": sum(int(o["db_hits"] or 0) for o in ops), "label_scans": scans,
            "top_operators": top, "params": params}
