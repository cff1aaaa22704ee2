"""Entities drawn from the loaded graph to build realistic, repeatable parameters for :mod:`gridlink.bench.query_p95`.

Repeatable on purpose: the same graph and seed give the same grids, divisions, organizations and compounds, so the
db hits of a query's first sample can be compared before and after a change. Codes of grids and divisions are
read in full (10^4 at city scale) and sampled in Python; organizations, party organizations and compounds are
picked inside the sampled grids (one each, at a seeded position), so each query sees many different places.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

import neo4j

_GRIDS = ("MATCH (g:Grid {scheme: 'LOCAL'}) RETURN g.code AS code, g.centroid.longitude AS lon, "
          "g.centroid.latitude AS lat ORDER BY code")
_DIVISIONS = "MATCH (d:Division) WHERE d.level IN ['district', 'street', 'community'] RETURN d.code AS code, " \
             "d.level AS level ORDER BY code"
# one organization (not a party organization), party organization and compound per sampled grid, at a seeded
# position among those of the grid in uid order
_IN_GRIDS = """
UNWIND $picks AS pick
MATCH (g:Grid {scheme: 'LOCAL', code: pick.code})
CALL (g) {
  MATCH (o:Organization)-[:IN_GRID]->(g) WHERE NOT o:PartyOrganization
  WITH o ORDER BY o.uid RETURN collect(o {.uid, .uscc, .name}) AS orgs
}
CALL (g) {
  MATCH (p:PartyOrganization)-[:HOSTED_BY]->(:Organization)-[:IN_GRID]->(g) RETURN p.uid AS uid
  UNION
  MATCH (p:PartyOrganization)-[:LEADS]->(g) RETURN p.uid AS uid
}
WITH pick, orgs, uid ORDER BY uid
WITH pick, orgs, collect(uid) AS party
CALL (pick) {
  MATCH (c:Compound)-[:IN_GRID]->(:Grid {scheme: 'LOCAL', code: pick.code})
  WITH c ORDER BY c.uid RETURN collect(c.uid) AS compounds
}
RETURN pick.code AS code,
       CASE WHEN size(orgs) > 0 THEN orgs[pick.n % size(orgs)] END AS org,
       CASE WHEN size(party) > 0 THEN party[pick.n % size(party)] END AS party,
       CASE WHEN size(compounds) > 0 THEN compounds[pick.n % size(compounds)] END AS compound
"""


@dataclass
class Pool:
    """What the probes draw their parameters from; ``pick(kind, i)`` cycles through one kind."""

    grids: list[str]
    points: list[tuple[float, float]]
    districts: list[str]
    streets: list[str]
    communities: list[str]
    org_uids: list[str]
    usccs: list[str]
    words: list[str]
    party_uids: list[str]
    compounds: list[str]

    @classmethod
    def from_graph(cls, drv: neo4j.Driver, k: int = 200, seed: int = 1) -> Pool:
        """Sample ``k`` grids (and up to ``k`` of each other kind) with ``seed``.

        Raises:
            SystemExit: the graph has no LOCAL grids (nothing loaded).
        """
        rng = random.Random(seed)

        def q(text: str, **params: Any) -> list[dict[str, Any]]:
            recs, _, _ = drv.execute_query(text, params, database_="neo4j", routing_=neo4j.RoutingControl.READ)
            return [r.data() for r in recs]

        grids = q(_GRIDS)
        if not grids:
            raise SystemExit("no LOCAL grids in the graph: load a demo set first (`gridlink demo load`)")
        grids = rng.sample(grids, min(k, len(grids)))
        divs = q(_DIVISIONS)

        def level(name: str) -> list[str]:
            codes = [d["code"] for d in divs if d["level"] == name]
            return rng.sample(codes, min(k, len(codes)))

        picks = [{"code": g["code"], "n": rng.randrange(1000)} for g in grids]
        inside = q(_IN_GRIDS, picks=picks)
        orgs = [r["org"] for r in inside if r["org"]]
        names = [o["name"] for o in orgs if o["name"] and len(o["name"]) > 4]
        # two-character words from names, as people type them: a word inside the name, and one in its middle
        words = sorted({n[i:i + 2] for n in names for i in (2, len(n) // 2)})
        rng.shuffle(words)
        return cls(grids=[g["code"] for g in grids],
                   points=[(g["lon"], g["lat"]) for g in grids if g["lon"] is not None],
                   districts=level("district"), streets=level("street"), communities=level("community"),
                   org_uids=[o["uid"] for o in orgs], usccs=[o["uscc"] for o in orgs if o["uscc"]], words=words,
                   party_uids=[r["party"] for r in inside if r["party"]],
                   compounds=[r["compound"] for r in inside if r["compound"]])

    def pick(self, kind: str, i: int) -> Any:
        """Item ``i`` (cycling) of one kind: ``grids``, ``streets``, ``compounds``…

        Raises:
            SystemExit: the graph has none of that kind (say which, rather than send a null).
        """
        values = getattr(self, kind)
        if not values:
            raise SystemExit(f"the graph has no {kind} to sample: load a set with every kind")
        return values[i % len(values)]

    def summary(self) -> dict[str, int]:
        """How many of each kind were drawn."""
        return {k: len(v) for k, v in vars(self).items() if isinstance(v, list)}
