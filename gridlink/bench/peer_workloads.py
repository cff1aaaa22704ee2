"""The four workloads of issue #15 as both APIs ask them, the parameters sampled from the graph, and the check that
both return the same records.

Each workload has one gridlink document and one or two peer documents (the Neo4j GraphQL Library's best
equivalents); a request is built from one sampled parameter set (:class:`Sample`), and ``records`` turns either
answer into the same plain form, so the check is ``gridlink records == peer records`` per sample:

* **W1** organizations of a grid, first 20 by uid + totalCount. The peer either filters organizations from the top
  (``organizationsConnection(where: {inGrid: {some: …}})``) or starts at the grid
  (``grids { organizationsConnection }``).
* **W2** children of a street (code, name), by code.
* **W3** one organization with the party organizations it hosts (uid, name, category) and each one's parent. gridlink
  answers in one request (``partyOrganizations { category parent }``); an API without those fields takes two
  (the organization, then every party organization's ``ancestors`` by alias) — how it was before issue #15.
* **W4** resources that could serve a grid. gridlink ranks them (``resourcesForGrid``); the peer cannot rank or
  explain, so its best equivalent lists the available, unexpired resources placed in the grid, its community or its
  street within 3 km of the grid's centre, first 20 by uid. The records compared are that set: gridlink's matches
  with a place reason and ``WITHIN_DISTANCE``, per category (so gridlink stays under its limit of 100), against the
  peer's list with the same category.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import neo4j

Body = dict[str, Any]
Post = Callable[[Body], Body]
MAX_DISTANCE_M = 3000.0
PLACES = {"IN_GRID", "SAME_COMMUNITY", "SAME_STREET"}


@dataclass(frozen=True)
class Sample:
    """One parameter set: a grid (with its community, street and centre), a street, an organization."""

    grid: str  # grid code (scheme LOCAL)
    community: str
    street: str
    longitude: float
    latitude: float
    org: str  # uid of an organization that hosts party organizations


def samples(drv: neo4j.Driver, n: int, seed: int = 15) -> list[Sample]:
    """``n`` parameter sets from the graph: grids with organizations, organizations hosting party organizations."""
    grids = drv.execute_query("""
        MATCH (g:Grid {scheme: 'LOCAL'})-[:PART_OF]->(c:Division)-[:PART_OF]->(s:Division)
        WHERE EXISTS { (g)<-[:IN_GRID]-(:Organization) } AND g.centroid IS NOT NULL
        RETURN g.code AS grid, c.code AS community, s.code AS street,
               g.centroid.longitude AS lon, g.centroid.latitude AS lat ORDER BY g.uid""", database_="neo4j").records
    orgs = drv.execute_query("""
        MATCH (o:Organization)<-[:HOSTED_BY]-(:PartyOrganization)
        WHERE NOT o:PartyOrganization RETURN DISTINCT o.uid AS uid ORDER BY uid""", database_="neo4j").records
    if not grids or not orgs:
        raise SystemExit("no grids with organizations or no host units in the graph: load data first "
                         "(`gridlink demo load`)")
    rng = random.Random(seed)
    gs, os_ = rng.sample(grids, min(n, len(grids))), rng.sample(orgs, min(n, len(orgs)))
    return [Sample(g["grid"], g["community"], g["street"], g["lon"], g["lat"], os_[i % len(os_)]["uid"])
            for i, g in enumerate(gs)]


def today() -> str:
    """Today in Asia/Shanghai, the day gridlink's ranking checks availability on."""
    return dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


# ---- W1 -------------------------------------------------------------------------------------------------------
ORG_FIELDS = "uid name kind status"
W1_GRIDLINK = ("query W1($g: String!) { organizations(gridCode: $g, first: 20) { totalCount nodes { "
               + ORG_FIELDS + " } } }")
W1_PEER_TOP = ("query W1($u: String!) { organizationsConnection(where: {inGrid: {some: {uid: {eq: $u}}}}, first: 20, "
               "sort: [{uid: ASC}]) { totalCount edges { node { " + ORG_FIELDS + " } } } }")
W1_PEER_GRID = ("query W1($u: String!) { grids(where: {uid: {eq: $u}}) { organizationsConnection(first: 20, "
                "sort: [{node: {uid: ASC}}]) { totalCount edges { node { " + ORG_FIELDS + " } } } } }")


def w1_gridlink(post: Post, s: Sample) -> Any:
    page = post({"query": W1_GRIDLINK, "variables": {"g": s.grid}})["organizations"]
    return page["totalCount"], page["nodes"]


def _w1_peer(post: Post, s: Sample, document: str, pick: Callable[[Body], Body]) -> Any:
    conn = pick(post({"query": document, "variables": {"u": f"LOCAL:{s.grid}"}}))
    return conn["totalCount"], [e["node"] for e in conn["edges"]]


def w1_peer_top(post: Post, s: Sample) -> Any:
    return _w1_peer(post, s, W1_PEER_TOP, lambda d: d["organizationsConnection"])


def w1_peer_grid(post: Post, s: Sample) -> Any:
    return _w1_peer(post, s, W1_PEER_GRID, lambda d: d["grids"][0]["organizationsConnection"])


# ---- W2 -------------------------------------------------------------------------------------------------------
W2_GRIDLINK = "query W2($s: String!) { divisions(parentCode: $s) { code name } }"
W2_PEER = "query W2($s: String!) { divisions(where: {code: {eq: $s}}) { children(sort: [{code: ASC}]) { code name } } }"


def w2_gridlink(post: Post, s: Sample) -> Any:
    return post({"query": W2_GRIDLINK, "variables": {"s": s.street}})["divisions"]


def w2_peer(post: Post, s: Sample) -> Any:
    return post({"query": W2_PEER, "variables": {"s": s.street}})["divisions"][0]["children"]


# ---- W3 -------------------------------------------------------------------------------------------------------
W3_GRIDLINK = ("query W3($u: String!) { organization(uid: $u) { uid name "
               "partyOrganizations { uid name category parent { uid name } } } }")
W3_GRIDLINK_FIRST = "query W3a($u: String!) { organization(uid: $u) { uid name partyOrganizations { uid name } } }"
W3_PEER = ("query W3($u: String!) { organizations(where: {uid: {eq: $u}}) { uid name "
           "partyOrganizations(sort: [{uid: ASC}]) { uid name category parent { uid name } } } }")


def w3_gridlink(post: Post, s: Sample) -> Any:
    org = post({"query": W3_GRIDLINK, "variables": {"u": s.org}})["organization"]
    return org["uid"], org["name"], org["partyOrganizations"]


def w3_gridlink_two_requests(post: Post, s: Sample) -> Any:
    """W3 on an API whose Organization.partyOrganizations has no category or parent (before issue #15)."""
    org = post({"query": W3_GRIDLINK_FIRST, "variables": {"u": s.org}})["organization"]
    uids = [p["uid"] for p in org["partyOrganizations"]]
    if not uids:
        return org["uid"], org["name"], []
    decl = ", ".join(f"$p{i}: String!" for i in range(len(uids)))
    fields = " ".join(f"p{i}: partyOrganization(uid: $p{i}) {{ uid name category ancestors {{ uid name }} }}"
                      for i in range(len(uids)))
    data = post({"query": f"query W3b({decl}) {{ {fields} }}", "variables": {f"p{i}": u for i, u in enumerate(uids)}})
    parties = []
    for i in range(len(uids)):
        p = data[f"p{i}"]
        parent = p["ancestors"][0] if p["ancestors"] else None
        parties.append({"uid": p["uid"], "name": p["name"], "category": p["category"],
                        "parent": None if parent is None else {"uid": parent["uid"], "name": parent["name"]}})
    return org["uid"], org["name"], parties


def w3_peer(post: Post, s: Sample) -> Any:
    org = post({"query": W3_PEER, "variables": {"u": s.org}})["organizations"][0]
    parties = [{**p, "parent": p["parent"][0] if p["parent"] else None} for p in org["partyOrganizations"]]
    return org["uid"], org["name"], parties


# ---- W4 -------------------------------------------------------------------------------------------------------
W4_GRIDLINK = ("query W4($g: String!, $limit: Int!, $cats: [String!], $d: Float!) { resourcesForGrid(gridCode: $g, "
               "limit: $limit, categories: $cats, maxDistanceM: $d) { matches { score distanceM "
               "reasons { code weight } resource { uid name category } provider { name } } } }")
W4_PEER = ("query W4($g: String!, $areas: [String!]!, $s: String!, $today: Date!, $at: PointInput!, $d: Float!, "
           "$limit: Int!{cat_var}) {{ resources(where: {{status: {{eq: \"available\"}},{cat_filter} "
           "location: {{distance: {{from: $at, lte: $d}}}}, "
           "OR: [{{availableTo: {{eq: null}}}}, {{availableTo: {{gte: $today}}}}], "
           "AND: [{{OR: [{{inGrid: {{some: {{uid: {{eq: $g}}}}}}}}, "
           "{{inDivision: {{some: {{code: {{in: $areas}}}}}}}}, "
           "{{inDivision: {{some: {{parent: {{some: {{code: {{eq: $s}}}}}}}}}}}}]}}]}}, sort: [{{uid: ASC}}], "
           "limit: $limit) {{ uid name category providers(sort: [{{uid: ASC}}], limit: 1) {{ name }} }} }}")
#: the peer's W4 without and with a category filter (its null filter input fails: "Cannot convert undefined or null")
W4_PEER_ALL = W4_PEER.format(cat_var="", cat_filter="")
W4_PEER_CATEGORY = W4_PEER.format(cat_var=", $cat: String!", cat_filter=" category: {eq: $cat},")


def w4_gridlink(post: Post, s: Sample, category: str | None = None, limit: int = 20) -> Any:
    body = post({"query": W4_GRIDLINK, "variables": {"g": s.grid, "limit": limit, "d": MAX_DISTANCE_M,
                                                     "cats": None if category is None else [category]}})
    return body["resourcesForGrid"]["matches"]


def w4_peer(post: Post, s: Sample, category: str | None = None, limit: int = 20) -> Any:
    variables = {"g": f"LOCAL:{s.grid}", "areas": [s.community, s.street],
                 "s": s.street, "today": today(), "at": {"longitude": s.longitude, "latitude": s.latitude},
                 "d": MAX_DISTANCE_M, "limit": limit}
    if category is None:
        return post({"query": W4_PEER_ALL, "variables": variables})["resources"]
    return post({"query": W4_PEER_CATEGORY, "variables": {**variables, "cat": category}})["resources"]


def w4_records(post_gridlink: Post, post_peer: Post, s: Sample, category: str) -> tuple[Any, Any] | None:
    """The W4 records of one grid and category from both sides: sorted uids (see the module docstring); ``None``
    when gridlink's list reaches its limit of 100 (a dense grid of a large set): then they cannot be compared."""
    matches = w4_gridlink(post_gridlink, s, category, limit=100)
    if len(matches) >= 100:
        return None
    ours = sorted(m["resource"]["uid"] for m in matches
                  if {r["code"] for r in m["reasons"]} & PLACES and any(r["code"] == "WITHIN_DISTANCE"
                                                                        for r in m["reasons"]))
    theirs = sorted(r["uid"] for r in w4_peer(post_peer, s, category, limit=100))
    return ours, theirs


def check(post_gridlink: Post, post_peer: Post, sample_list: list[Sample], categories: list[str],
          w3: Callable[[Post, Sample], Any] = w3_gridlink) -> tuple[int, list[str]]:
    """Compare the records of every workload on every sample (W4 per category on the first 3 samples).

    Returns the number of comparisons and a description of each that differed (empty: the same records).
    """
    diffs: list[str] = []
    n = 0
    for s in sample_list:
        for w in WORKLOADS:
            if w.name == "W4":
                continue  # the ranked top 20 and the peer's first 20 by uid are different lists by design
            ours = (w3 if w.name == "W3" else w.gridlink)(post_gridlink, s)
            theirs = w.peer(post_peer, s)
            n += 1
            if ours != theirs:
                diffs.append(f"{w.name} {s}: gridlink {str(ours)[:300]} != peer {str(theirs)[:300]}")
    compared = 0
    for s in sample_list[:3]:
        every: list[str] = []
        for cat in categories:
            records = w4_records(post_gridlink, post_peer, s, cat)
            if records is None:
                every = []
                continue
            ours, theirs = records
            every += theirs
            n += 1
            compared += 1
            if ours != theirs:
                diffs.append(f"W4 {s} {cat}: gridlink {ours} != peer {theirs}")
        # the timed form (no category) lists the same resources
        timed = sorted(r["uid"] for r in w4_peer(post_peer, s, None, limit=100))
        if every and len(timed) < 100 and timed != sorted(every):
            diffs.append(f"W4 {s}: the peer's list without a category differs from its lists per category")
    if not compared:
        diffs.append("W4: every grid and category reached gridlink's limit of 100: nothing compared")
    return n, diffs


@dataclass(frozen=True)
class Workload:
    """One row of the comparison: how gridlink and one peer form ask it (the same records, checked)."""

    name: str
    title: str
    gridlink: Callable[[Post, Sample], Any]
    peer: Callable[[Post, Sample], Any]


WORKLOADS = [
    Workload("W1a", "organizations of a grid, first 20 + totalCount (peer filtering from the top)",
             w1_gridlink, w1_peer_top),
    Workload("W1b", "organizations of a grid, first 20 + totalCount (peer starting at the grid)",
             w1_gridlink, w1_peer_grid),
    Workload("W2", "children of a street (code, name)", w2_gridlink, w2_peer),
    Workload("W3", "an organization, its party organizations and their parents", w3_gridlink, w3_peer),
    Workload("W4", "resources that could serve a grid (peer: placed within 3 km, by uid)", w4_gridlink, w4_peer),
]
