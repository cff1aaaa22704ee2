"""Browse and look up over HTTP on the seed: exact answers, worked out from seed.cypher."""

from __future__ import annotations

import pytest
from api_helpers import data, error, gql

pytestmark = pytest.mark.neo4j

DIVISIONS = """query($p: String) { divisions(parentCode: $p) { code name level kind childCount gridCount } }"""


def test_division_tree(seeded, client):
    assert data(gql(client, DIVISIONS))["divisions"] == [
        {"code": "510100000000", "name": "成都市", "level": "city", "kind": "市", "childCount": 1, "gridCount": 4}]
    streets = data(gql(client, DIVISIONS, {"p": "510107000000"}))["divisions"]
    assert [(d["code"], d["childCount"]) for d in streets] == [("510107005000", 2), ("510107006000", 1)]
    detail = data(gql(client, """{ division(code: "510107005001") {
        code name level urbanRural childCount gridCount ancestors { code level } children { code }
        grids { uid code name } } }"""))["division"]
    assert detail == {
        "code": "510107005001", "name": "锦城社区", "level": "community", "urbanRural": "111", "childCount": 0,
        "gridCount": 2, "ancestors": [{"code": "510100000000", "level": "city"},
                                      {"code": "510107000000", "level": "district"},
                                      {"code": "510107005000", "level": "street"}],
        "children": [],
        "grids": [{"uid": "LOCAL:510107005001001", "code": "510107005001001", "name": "锦城社区第一网格"},
                  {"uid": "LOCAL:510107005001002", "code": "510107005001002", "name": "锦城社区第二网格"}]}
    assert data(gql(client, '{ division(code: "510107999999") { code } }'))["division"] is None
    err = error(gql(client, '{ division(code: "5101") { code } }'))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "code"}


GRID = """{ grid(code: "510107005001001") { uid scheme code name communityCode community { code name }
  street { code name } centroid { longitude latitude } bbox { minLon minLat maxLon maxLat }
  partyBranches { uid name } organizationCount resourceCount openNeedCount } }"""


def test_grid_by_code(seeded, client):
    assert data(gql(client, GRID))["grid"] == {
        "uid": "LOCAL:510107005001001", "scheme": "LOCAL", "code": "510107005001001", "name": "锦城社区第一网格",
        "communityCode": "510107005001", "community": {"code": "510107005001", "name": "锦城社区"},
        "street": {"code": "510107005000", "name": "簇桥街道"}, "centroid": {"longitude": 104.004, "latitude": 30.604},
        "bbox": {"minLon": 104.0, "minLat": 30.6, "maxLon": 104.01, "maxLat": 30.61},
        "partyBranches": [{"uid": "n:pg1", "name": "中共锦城社区第一网格支部委员会"}],
        # E1, SO1, pg1, pe1 / r1, r5 / n1 (n4 is closed)
        "organizationCount": 4, "resourceCount": 2, "openNeedCount": 1}


@pytest.mark.parametrize(("lon", "lat", "expected"), [
    (104.002, 30.602, "510107005001001"),  # plainly in G1
    (104.008, 30.608, "510107005001002"),  # in G1's bounding box, but in the notch that belongs to G2
    (104.005, 30.615, "510107005002001"),
    (104.030, 30.605, None),               # between the grids
])
def test_grid_at_point_uses_the_polygon(seeded, client, lon, lat, expected):
    got = data(gql(client, "query($x: Float!, $y: Float!) { gridAt(longitude: $x, latitude: $y) { code } }",
                   {"x": lon, "y": lat}))["gridAt"]
    assert (got and got["code"]) == expected


def test_grids_of_community_paginate(seeded, client):
    q = """query($a: String) { grids(communityCode: "510107005001", first: 1, after: $a) {
             totalCount nodes { code } pageInfo { endCursor hasNextPage } } }"""
    p1 = data(gql(client, q))["grids"]
    assert p1["totalCount"] == 2 and [n["code"] for n in p1["nodes"]] == ["510107005001001"]
    assert p1["pageInfo"]["hasNextPage"] is True
    p2 = data(gql(client, q, {"a": p1["pageInfo"]["endCursor"]}))["grids"]
    assert [n["code"] for n in p2["nodes"]] == ["510107005001002"] and p2["pageInfo"]["hasNextPage"] is False


ORG = """query($uid: String, $uscc: String) { organization(uid: $uid, uscc: $uscc) {
  uid kind name alias uscc usccValid status industry staffCount foundedOn location { longitude latitude }
  grid { code } division { code } partyOrganizations { uid name } } }"""


def test_organization_by_uscc_and_uid(seeded, client):
    e1 = {"uid": "91350100M000100Y43", "kind": "enterprise", "name": "成都锦城物业管理有限公司", "alias": "锦城物业",
          "uscc": "91350100M000100Y43", "usccValid": True, "status": "ACTIVE", "industry": "K", "staffCount": 40,
          "foundedOn": "2010-03-01", "location": {"longitude": 104.002, "latitude": 30.602},
          "grid": {"code": "510107005001001"}, "division": {"code": "510107005001"},
          "partyOrganizations": [{"uid": "n:pe1", "name": "中共成都锦城物业管理有限公司支部委员会"}]}
    assert data(gql(client, ORG, {"uscc": "91350100m000100y43 "}))["organization"] == e1  # normalised
    assert data(gql(client, ORG, {"uid": "91350100M000100Y43"}))["organization"] == e1
    assert data(gql(client, ORG, {"uscc": "91350100M000100Y44"}))["organization"] is None
    assert error(gql(client, ORG, {}))["extensions"] == {"code": "BAD_USER_INPUT", "field": "uid"}


SEARCH = """query($t: String!, $k: String, $f: Int! = 20, $a: String) {
  searchOrganizations(text: $t, kind: $k, first: $f, after: $a) {
    totalCount nodes { uid name } pageInfo { endCursor hasNextPage } } }"""


def test_full_text_search_matches_two_chinese_characters(seeded, client):
    hits = data(gql(client, SEARCH, {"t": "药房"}))["searchOrganizations"]
    assert hits["totalCount"] == 1 and hits["nodes"] == [{"uid": "91510107MA0000004X", "name": "锦城大药房"}]
    # "锦城" is in 8 names (and one alias): E1, E4, PU1, SO1, pc1, pg1, pe1 … and pc1/pg1 contain 锦城社区
    jc = data(gql(client, SEARCH, {"t": "锦城"}))["searchOrganizations"]
    assert jc["totalCount"] == 7
    assert {n["uid"] for n in jc["nodes"]} == {"91350100M000100Y43", "91510107MA0000004X", "12510107MB0000001Y",
                                              "52510107MJ0000001A", "n:pc1", "n:pg1", "n:pe1"}
    # a phrase: 锦城社区 must appear as such (not 锦城 or 社区 alone)
    phrase = data(gql(client, SEARCH, {"t": "锦城社区"}))["searchOrganizations"]
    assert {n["uid"] for n in phrase["nodes"]} == {"12510107MB0000001Y", "n:pc1", "n:pg1"}
    parties = data(gql(client, SEARCH, {"t": "锦城", "k": "party_org"}))["searchOrganizations"]
    assert parties["totalCount"] == 3


def test_search_pages_and_escapes(seeded, client):
    p1 = data(gql(client, SEARCH, {"t": "锦城", "f": 5}))["searchOrganizations"]
    p2 = data(gql(client, SEARCH, {"t": "锦城", "f": 5, "a": p1["pageInfo"]["endCursor"]}))["searchOrganizations"]
    assert len(p1["nodes"]) == 5 and p1["pageInfo"]["hasNextPage"] is True
    assert len(p2["nodes"]) == 2 and p2["pageInfo"]["hasNextPage"] is False
    assert not {n["uid"] for n in p1["nodes"]} & {n["uid"] for n in p2["nodes"]}
    # Lucene syntax in user text is only text
    assert data(gql(client, SEARCH, {"t": 'a" OR name:*'}))["searchOrganizations"]["totalCount"] == 0
    assert error(gql(client, SEARCH, {"t": "药"}))["extensions"] == {"code": "BAD_USER_INPUT", "field": "text"}


ORGS = """query($d: String, $g: String, $f: OrganizationFilter, $n: Int! = 20) {
  organizations(divisionCode: $d, gridCode: $g, filter: $f, first: $n) { totalCount nodes { uid } } }"""


@pytest.mark.parametrize(("variables", "expected"), [
    ({"g": "510107005001001"}, ["52510107MJ0000001A", "91350100M000100Y43", "n:pe1", "n:pg1"]),
    ({"d": "510107005001", "f": {"kind": "enterprise"}}, ["91350100M000100Y43", "91510107MA0000004X"]),
    ({"d": "510107005000", "f": {"kind": "enterprise", "status": "ACTIVE"}},
     ["91350100M000100Y43", "914403001922038216"]),
    ({"d": "510107005000", "f": {"hasPartyOrganization": True}}, ["91350100M000100Y43"]),
    ({"d": "510107000000", "f": {"hasPartyOrganization": True}},
     ["51510107MJ0000002B", "91110000710926094P", "91350100M000100Y43"]),
    ({"d": "510107006000", "f": {"industry": "H"}}, ["91110000710926094P"]),
])
def test_organizations_in_area_with_filters(seeded, client, variables, expected):
    got = data(gql(client, ORGS, variables))["organizations"]
    assert [n["uid"] for n in got["nodes"]] == expected
    assert got["totalCount"] == len(expected)


def test_organizations_area_arguments(seeded, client):
    assert error(gql(client, ORGS, {}))["extensions"] == {"code": "BAD_USER_INPUT", "field": "gridCode"}
    assert error(gql(client, ORGS, {"d": "510107999000"}))["extensions"] == {"code": "NOT_FOUND",
                                                                             "field": "divisionCode"}
    err = error(gql(client, ORGS, {"d": "510107005000", "f": {"kind": "company"}}))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "filter.kind"}


PARTY = """query($u: String!) { partyOrganization(uid: $u) { uid name category memberCount
  ancestors { uid category } subordinates { uid } hosts { uid } leads { code level }
  membersByStatus { status count } secretaryName contactPhone } }"""


def test_party_organization_hierarchy(seeded, client):
    pc1 = data(gql(client, PARTY, {"u": "n:pc1"}, role="planner"))["partyOrganization"]
    assert pc1 == {"uid": "n:pc1", "name": "中共锦城社区委员会", "category": "党委", "memberCount": 120,
                   "ancestors": [{"uid": "n:ps1", "category": "党工委"}],
                   "subordinates": [{"uid": "n:pe1"}, {"uid": "n:pg1"}], "hosts": [],
                   "leads": [{"code": "510107005001", "level": "community"}], "membersByStatus": [],
                   "secretaryName": "赵书记", "contactPhone": "02880000002"}
    pj = data(gql(client, PARTY, {"u": "n:pj"}, role="planner"))["partyOrganization"]
    assert pj["hosts"] == [{"uid": "51510107MJ0000002B"}, {"uid": "91110000710926094P"}]  # 联合党支部: two hosts
    pg1 = data(gql(client, PARTY, {"u": "n:pg1"}, role="planner"))["partyOrganization"]
    assert pg1["ancestors"] == [{"uid": "n:pc1", "category": "党委"}, {"uid": "n:ps1", "category": "党工委"}]
    assert pg1["leads"] == [{"code": "510107005001001", "level": "grid"}]
    assert pg1["membersByStatus"] == [{"status": "normal", "count": 1}, {"status": "pocket", "count": 1}]
    # a reader sees the party organization, but not how many of its two members have which status (#11.17)
    pg1 = data(gql(client, PARTY, {"u": "n:pg1"}))["partyOrganization"]
    assert pg1["membersByStatus"] == [{"status": "normal", "count": None}, {"status": "pocket", "count": None}]


LISTS = """query($d: String, $g: String) {
  resources(divisionCode: $d, gridCode: $g, first: 50) { totalCount nodes { uid provider { uid } } }
  needs(divisionCode: $d, gridCode: $g, status: "open") { totalCount nodes { uid } }
  projects(divisionCode: $d, gridCode: $g) { totalCount nodes { uid status need { uid } resource { uid }
    leadOrganization { uid } evaluation rating acceptedOn } } }"""


def test_resources_needs_projects(seeded, client):
    c1 = data(gql(client, LISTS, {"d": "510107005001"}))
    assert [n["uid"] for n in c1["resources"]["nodes"]] == ["r1", "r2", "r5", "r7", "r9"]
    assert c1["resources"]["totalCount"] == 5
    assert c1["resources"]["nodes"][1]["provider"] == {"uid": "12510107MB0000001Y"}
    assert [n["uid"] for n in c1["needs"]["nodes"]] == ["n1", "n2"] and c1["needs"]["totalCount"] == 2
    assert c1["projects"] == {"totalCount": 1, "nodes": [{
        "uid": "pj1", "status": "accepted", "need": {"uid": "n4"}, "resource": {"uid": "r4"},
        "leadOrganization": {"uid": "914403001922038216"}, "evaluation": "居民满意", "rating": 5,
        "acceptedOn": "2025-02-10"}]}
    g3 = data(gql(client, LISTS, {"g": "510107005002001"}))
    assert [n["uid"] for n in g3["resources"]["nodes"]] == ["r4"]
    assert [n["uid"] for n in g3["needs"]["nodes"]] == ["n3"]
    assert g3["projects"]["totalCount"] == 0


def test_an_organization_its_party_organizations_and_their_parents_in_one_request(seeded, client):
    # issue #15: category and parent came from one partyOrganization(uid) request per party organization
    q = """query($u: String!, $g: String!) {
      organization(uid: $u) { partyOrganizations { uid category parent { uid name category } } }
      organizations(gridCode: $g) { nodes { uid partyOrganizations { uid parent { uid } } } }
      joint: organization(uid: "91110000710926094P") { partyOrganizations { uid category parent { uid } } } }"""
    got = data(gql(client, q, {"u": "91350100M000100Y43", "g": "510107005001001"}))
    assert got["organization"]["partyOrganizations"] == [
        {"uid": "n:pe1", "category": "党支部", "parent": {"uid": "n:pc1", "name": "中共锦城社区委员会",
                                                          "category": "党委"}}]
    e1 = next(o for o in got["organizations"]["nodes"] if o["uid"] == "91350100M000100Y43")
    assert e1["partyOrganizations"] == [{"uid": "n:pe1", "parent": {"uid": "n:pc1"}}]
    # a joint branch (联合党支部) subordinate to nothing: parent null
    assert got["joint"]["partyOrganizations"] == [{"uid": "n:pj", "category": "联合党支部", "parent": None}]
