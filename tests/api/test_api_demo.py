"""The API on the generated demo data (``gridlink demo generate --scale 300 --seed 7``).

``resourcesForGrid`` is checked against an independent implementation of the ranking rule in Python that scans
every resource (the API must find the same candidates without scanning), and counts against direct Cypher.
"""

from __future__ import annotations

import io
import math
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import neo4j
import pytest
from api_helpers import data, gql
from neo4j_helpers import wipe
from rich.console import Console

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

W = {"IN_GRID": 40, "SAME_COMMUNITY": 25, "SAME_STREET": 10, "COMMUNITY_COMMITTEE_MEMBER": 20,
     "STREET_COMMITTEE_MEMBER": 15, "ALLIANCE_COVERS_GRID": 15, "AGREEMENT_WITH_COMMUNITY": 20,
     "WITHIN_DISTANCE": 10, "MATCHES_OPEN_NEED": 30}
Q = """query($g: String!, $d: Float! = 3000, $at: DateTime, $cats: [String!], $expired: Boolean! = false) {
  resourcesForGrid(gridCode: $g, maxDistanceM: $d, availableAt: $at, categories: $cats, limit: 100,
                   includeExpired: $expired) {
    matches { score distanceM resource { uid } reasons { code } } } }"""


LOADED: dict[str, Path] = {}


@pytest.fixture(scope="module")
def demo(driver: neo4j.Driver, tmp_path_factory: pytest.TempPathFactory) -> neo4j.Driver:
    from gridlink.demo.generate import generate
    from gridlink.demo.load import load_set

    folder: Path = tmp_path_factory.mktemp("demo")
    generate(folder, scale=300, district="510107", seed=7)
    LOADED["folder"] = folder  # the files the graph was loaded from (the linkage test computes from them)
    wipe(driver)
    load_set(folder, Console(file=io.StringIO()), generate_if_missing=False, driver=driver)
    return driver


def rows(driver: neo4j.Driver, cypher: str) -> list[dict[str, Any]]:
    return [dict(r) for r in driver.execute_query(cypher, database_="neo4j").records]


class World:
    """Everything the ranking rule looks at, read by full scans (fine in a test)."""

    def __init__(self, d: neo4j.Driver) -> None:
        self.parent = {r["c"]: r["p"] for r in rows(d, "MATCH (c:Division)-[:PART_OF]->(p:Division) "
                                                       "RETURN c.code AS c, p.code AS p")}
        self.grids = {r["uid"]: r for r in rows(d, "MATCH (g:Grid)-[:PART_OF]->(c:Division) RETURN g.uid AS uid, "
                                                   "g.code AS code, g.name AS name, g.centroid AS p, c.code AS c")}
        self.res = rows(d, """MATCH (r:Resource) RETURN r.uid AS uid, r.status AS status, r.category AS cat,
            r.location AS p, r.availableFrom AS af, r.availableTo AS at, r.weekdays AS wd, r.opensAt AS oa,
            r.closesAt AS ca, [(r)-[:IN_GRID]->(g) | g.uid] AS grids, [(r)-[:IN_DIVISION]->(x) | x.code] AS divs,
            head(COLLECT { MATCH (o:Organization)-[:PROVIDES]->(r) RETURN o.uid ORDER BY o.uid }) AS prov""")
        self.member: dict[str, list[tuple[str, str]]] = {}
        for r in rows(d, "MATCH (o:Organization)-[:MEMBER_OF]->(a:Alliance)-[:COVERS]->(x) "
                         "RETURN o.uid AS o, a.kind AS kind, coalesce(x.uid, x.code) AS x"):
            self.member.setdefault(r["o"], []).append((r["kind"], r["x"]))
        for r in rows(d, "MATCH (o:Organization)-[:PART_TIME_MEMBER_OF]->(:PartyOrganization)-[:ENLARGES]->"
                         "(:PartyOrganization)-[:LEADS]->(x:Division) RETURN o.uid AS o, x.code AS x, "
                         "CASE x.level WHEN 'street' THEN 'street_committee' ELSE 'community_committee' END AS kind"):
            self.member.setdefault(r["o"], []).append((r["kind"], r["x"]))  # a seat on a 大党委/大工委
        self.agreed: dict[str, list[tuple[Any, Any, str]]] = {}
        for r in rows(d, "MATCH (o:Organization)<-[:SIGNED_BY]-(a:Agreement)-[:COVERS]->(x:Division) "
                         "RETURN o.uid AS o, a.signedOn AS f, a.validTo AS v, x.code AS x"):
            self.agreed.setdefault(r["o"], []).append((r["f"], r["v"], r["x"]))
        self.needs = rows(d, "MATCH (n:Need {status: 'open'}) RETURN n.category AS cat, "
                             "[(n)-[:IN_GRID]->(g) | g.uid] AS grids, [(n)-[:IN_DIVISION]->(x) | x.code] AS divs")

    def rank(self, grid_uid: str, max_d: float = 3000.0, at: datetime | None = None,
             cats: set[str] | None = None, expired: bool = False) -> list[tuple[str, int]]:
        g = self.grids[grid_uid]
        c, s = g["c"], self.parent.get(g["c"])
        day = (at or datetime.now(ZoneInfo("Asia/Shanghai"))).date()
        need_cats = {n["cat"] for n in self.needs if grid_uid in n["grids"] or (c in n["divs"] and not n["grids"])}
        out = []
        for r in self.res:
            if r["status"] != "available" or (cats and r["cat"] not in cats) or (at and not self._open(r, at)):
                continue
            if not expired and r["at"] is not None and r["at"].to_native() < day:
                continue  # ended before the day asked (or today): left out unless includeExpired
            d = haversine(g["p"], r["p"]) if r["p"] else None
            reasons = []
            if grid_uid in r["grids"]:
                reasons.append("IN_GRID")
            elif c in r["divs"] or any(self.grids[x]["c"] == c for x in r["grids"] if x in self.grids):
                reasons.append("SAME_COMMUNITY")
            elif s and (s in r["divs"] or any(self.parent.get(x) == s for x in r["divs"])):
                reasons.append("SAME_STREET")
            m = self.member.get(r["prov"], [])
            linked = [k for k, cond in [
                ("COMMUNITY_COMMITTEE_MEMBER", ("community_committee", c) in m),
                ("STREET_COMMITTEE_MEMBER", ("street_committee", s) in m),
                ("ALLIANCE_COVERS_GRID", any(k == "regional" and x in (grid_uid, c, s) for k, x in m)),
                ("AGREEMENT_WITH_COMMUNITY", any((f is None or f.to_native() <= day)
                                                 and (v is None or v.to_native() >= day) and x in (c, s)
                                                 for f, v, x in self.agreed.get(r["prov"], [])))] if cond]
            reasons += linked
            if d is not None and d <= max_d:
                reasons.append("WITHIN_DISTANCE")
            qualifies = bool(reasons)  # a category match adds weight; alone it does not make a candidate
            if r["cat"] in need_cats:
                reasons.append("MATCHES_OPEN_NEED")
            if qualifies and (d is None or d <= max_d or linked):
                out.append((-sum(W[x] for x in reasons), math.inf if d is None else d, r["uid"]))
        return [(uid, -neg) for neg, _, uid in sorted(out)][:100]

    @staticmethod
    def _open(r: dict[str, Any], at: datetime) -> bool:
        day, t = at.date(), at.time()
        return ((r["af"] is None or r["af"].to_native() <= day) and (r["at"] is None or r["at"].to_native() >= day)
                and (r["wd"] is None or at.isoweekday() in r["wd"])
                and (r["oa"] is None or r["oa"].to_native() <= t) and (r["ca"] is None or t < r["ca"].to_native()))


def haversine(a: Any, b: Any) -> float:
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.longitude - a.longitude) / 2) ** 2)
    return 2 * 6378140.0 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def world(demo: neo4j.Driver) -> World:
    return World(demo)


def sample(world: World, n: int) -> list[str]:
    uids = sorted(world.grids)
    return uids[:: max(1, len(uids) // n)]


def test_resources_for_grid_equals_the_reference_rule(world, client):
    checked = 0
    for uid in sample(world, 40):
        got = data(gql(client, Q, {"g": world.grids[uid]["code"]}))["resourcesForGrid"]["matches"]
        assert [(m["resource"]["uid"], m["score"]) for m in got] == world.rank(uid), uid
        checked += len(got)
    assert checked > 100, "the sample should exercise many candidates"


def test_reference_rule_with_time_distance_and_categories(world, client):
    # a Wednesday morning two months before the set's as-of date (today: its dates count back from it)
    day = datetime.now(ZoneInfo("Asia/Shanghai")).date() - timedelta(days=60)
    day -= timedelta(days=(day.weekday() - 2) % 7)
    at = datetime(day.year, day.month, day.day, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    compared = {"at": 0, "cats": 0, "expired": 0}  # equal empty lists prove nothing: each case must find some
    for uid in sample(world, 12):
        code = world.grids[uid]["code"]
        got = data(gql(client, Q, {"g": code, "at": at.isoformat(), "d": 800}))["resourcesForGrid"]["matches"]
        assert [(m["resource"]["uid"], m["score"]) for m in got] == world.rank(uid, 800, at), uid
        compared["at"] += len(got)
        cats = ["elderly", "medical", "volunteer"]
        got = data(gql(client, Q, {"g": code, "cats": cats}))["resourcesForGrid"]["matches"]
        assert [(m["resource"]["uid"], m["score"]) for m in got] == world.rank(uid, cats=set(cats)), uid
        compared["cats"] += len(got)
        got = data(gql(client, Q, {"g": code, "expired": True}))["resourcesForGrid"]["matches"]
        assert [(m["resource"]["uid"], m["score"]) for m in got] == world.rank(uid, expired=True), uid
        compared["expired"] += len(got)
    assert min(compared.values()) > 10, compared


def test_every_reason_code_occurs_on_the_demo_data(world, client):
    seen: set[str] = set()
    for uid in sample(world, 60):
        for m in data(gql(client, Q, {"g": world.grids[uid]["code"]}))["resourcesForGrid"]["matches"]:
            seen |= {r["code"] for r in m["reasons"]}
    assert seen == set(W)


def test_counts_and_chain_agree_with_cypher(demo, client):
    street = rows(demo, "MATCH (s:Division {level: 'street'}) RETURN s.code AS code ORDER BY code LIMIT 1")[0]["code"]
    expected = rows(demo, f"""MATCH (:Division {{code: '{street}'}})<-[:PART_OF*0..2]-(:Division)
                              <-[:IN_DIVISION]-(o:Organization {{kind: 'enterprise'}}) RETURN count(o) AS n""")[0]["n"]
    q = """query($d: String!) { organizations(divisionCode: $d, filter: {kind: "enterprise"}, first: 100) {
             totalCount nodes { uid } } }"""
    got = data(gql(client, q, {"d": street}))["organizations"]
    assert got["totalCount"] == expected > 0
    assert len(got["nodes"]) == min(100, expected)
    chains = data(gql(client, '{ partyChain(divisionCode: "510107000000") { missing { code problem } } }'))
    missing = {(m["code"], m["problem"]) for c in chains["partyChain"] for m in c["missing"]}
    no_branch = {(r["code"], "NO_GRID_BRANCH") for r in rows(demo, """MATCH (g:Grid)
        WHERE NOT EXISTS { (g)<-[:LEADS]-(:PartyOrganization) } RETURN g.code AS code""")}
    assert {m for m in missing if m[1] == "NO_GRID_BRANCH"} == no_branch


def test_expired_resources_are_left_out_unless_asked_for(demo, client):
    """#11.19: on the demo most matches were resources that had ended; by default none is, with the flag some are."""
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    ended = {r["uid"] for r in rows(demo, "MATCH (r:Resource) WHERE r.availableTo < date({timezone: 'Asia/Shanghai'}) "
                                          "RETURN r.uid AS uid")}
    assert ended, "the demo data should hold ended resources"
    seen_default: set[str] = set()
    seen_all: set[str] = set()
    for code in [r["code"] for r in rows(demo, "MATCH (g:Grid) RETURN g.code AS code ORDER BY code")][::25]:
        for expired, seen in ((False, seen_default), (True, seen_all)):
            got = data(gql(client, Q, {"g": code, "expired": expired}))["resourcesForGrid"]["matches"]
            seen |= {m["resource"]["uid"] for m in got}
    assert seen_default and not seen_default & ended
    assert seen_all & ended, f"includeExpired should bring back resources ended before {today}"


def test_readme_resources_for_grid_example_returns_matches(demo, client):
    """The resourcesForGrid example of the README (or docs/) runs as printed and finds resources on the demo data."""
    root = Path(__file__).resolve().parents[2]
    pages = [root / "README.md", *sorted((root / "docs").glob("**/*.md"))]
    examples = [block for page in pages if page.exists()
                for block in page.read_text(encoding="utf-8").split("```graphql")[1:]
                if "resourcesForGrid(" in block.split("```")[0]]
    assert examples, "no resourcesForGrid example found in README.md or docs/"
    for block in examples:
        body = data(gql(client, block.split("```")[0]))
        assert body["resourcesForGrid"]["matches"], block


def test_linkage_gaps_agree_with_the_demo_files(demo, client):
    """partyChain's linkage gaps equal an independent computation from the files (tests/api/linkage_expect.py),
    and the three planted ones are among them (gridlink/demo/linkage.py)."""
    import json
    from datetime import date, timedelta

    from linkage_expect import LINKAGE_GAPS, expected_gaps

    folder = LOADED["folder"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    as_of = date.fromisoformat(manifest["asOf"])  # the set's "today": its dates count back from it
    expected = expected_gaps(folder, as_of)
    q = """query($on: Date) { partyChain(divisionCode: "510107000000", asOf: $on) {
             missing { code problem message unit { uid } } } }"""
    chains = data(gql(client, q, {"on": as_of.isoformat()}))["partyChain"]
    got = {(m["code"], m["problem"], (m["unit"] or {}).get("uid")) for c in chains for m in c["missing"]
           if m["problem"] in LINKAGE_GAPS}
    assert got == expected
    planted = next(f for f in manifest["files"] if f["kind"] == "committee-members")["planted"]
    assert {(planted["noDepartment"], "NO_RESPONSIBLE_DEPARTMENT", None),
            (planted["emptyCommittee"], "NO_PART_TIME_MEMBERS", None),
            (planted["nominalCommunity"], "PART_TIME_MEMBER_INACTIVE", planted["nominalUnit"])} <= got
    assert all(m["message"] for c in chains for m in c["missing"])
    # the planted 挂名 unit was active while its agreement ran (it ended 395 days before the as-of date)
    earlier = data(gql(client, q, {"on": (as_of - timedelta(days=400)).isoformat()}))["partyChain"]
    assert planted["nominalUnit"] not in {(m["unit"] or {}).get("uid") for c in earlier for m in c["missing"]}
