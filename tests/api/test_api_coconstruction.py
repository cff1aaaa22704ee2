"""The co-construction questions over HTTP on the seed (answers worked out from seed.cypher)."""

from __future__ import annotations

import pytest
from api_helpers import data, error, gql

pytestmark = pytest.mark.neo4j


def test_open_needs_with_candidates(seeded, client):
    q = """{ openNeeds(divisionCode: "510107005001") { totalCount nodes { uid category grid { code }
             candidates { resource { uid } provider { uid } score distanceM reasons } } } }"""
    got = data(gql(client, q))["openNeeds"]
    assert got["totalCount"] == 2
    assert got["nodes"] == [
        {"uid": "n1", "category": "medical", "grid": {"code": "510107005001001"}, "candidates": [
            # r2: same community + PU1 on the community's 大党委; r3: PU2 on the street's 大工委 + valid agreement
            {"resource": {"uid": "r2"}, "provider": {"uid": "12510107MB0000001Y"}, "score": 45,
             "distanceM": 1059.8, "reasons": ["SAME_COMMUNITY", "ALLIANCE_MEMBER"]},
            {"resource": {"uid": "r3"}, "provider": {"uid": "12510107MB0000002Y"}, "score": 40,
             "distanceM": 4887.7, "reasons": ["ALLIANCE_MEMBER", "AGREEMENT"]}]},
        # a community-level need has no grid, hence no distance
        {"uid": "n2", "category": "venue", "grid": None, "candidates": [
            {"resource": {"uid": "r1"}, "provider": {"uid": "91350100M000100Y43"}, "score": 45,
             "distanceM": None, "reasons": ["SAME_COMMUNITY", "ALLIANCE_MEMBER"]}]}]
    one = data(gql(client, '{ openNeeds(gridCode: "510107005001001", candidatesPerNeed: 1) { '
                           'totalCount nodes { uid candidates { resource { uid } } } } }'))["openNeeds"]
    assert one == {"totalCount": 1, "nodes": [{"uid": "n1", "candidates": [{"resource": {"uid": "r2"}}]}]}


def test_community_partners_with_strength(seeded, client):
    q = """{ communityPartners(communityCode: "510107005001") { community { name }
             partners { organization { uid } strength links { kind weight detail } } } }"""
    got = data(gql(client, q))["communityPartners"]
    assert got["community"] == {"name": "锦城社区"}
    assert [(p["organization"]["uid"], p["strength"]) for p in got["partners"]] == [
        ("12510107MB0000002Y", 6), ("91350100M000100Y43", 6), ("914403001922038216", 3),
        ("12510107MB0000001Y", 2), ("91110000710926094P", 1)]
    assert got["partners"][0]["links"] == [
        {"kind": "AGREEMENT", "weight": 3, "detail": "锦城社区与第一人民医院共建协议"},
        {"kind": "DUAL_REPORT", "weight": 2, "detail": None},
        {"kind": "STREET_ALLIANCE", "weight": 1, "detail": "簇桥街道大工委"}]
    assert [link["kind"] for link in got["partners"][1]["links"]] == [
        "COMMUNITY_ALLIANCE", "DUAL_REPORT", "PARTY_SUBORDINATE"]
    assert got["partners"][4]["links"] == [{"kind": "AGREEMENT_EXPIRED", "weight": 1,
                                            "detail": "锦城社区与佳灵餐饮共建协议"}]


def test_party_coverage_rates(seeded, client):
    q = """{ partyCoverage(divisionCode: "510107000000") { area { code }
             rows { division { code level } total covered single joint rate }
             uncovered { uid staffCount } } }"""
    got = data(gql(client, q))["partyCoverage"]
    # operating enterprises + social orgs: C1 E1 (own branch), SO1 (none) — E4 is revoked; C2 E2 (none);
    # C3 E3 and SO2 (one 联合党支部 for both)
    assert got["rows"] == [
        {"division": {"code": "510107000000", "level": "district"}, "total": 5, "covered": 3, "single": 1,
         "joint": 2, "rate": 0.6},
        {"division": {"code": "510107005000", "level": "street"}, "total": 3, "covered": 1, "single": 1,
         "joint": 0, "rate": 0.3333},
        {"division": {"code": "510107005001", "level": "community"}, "total": 2, "covered": 1, "single": 1,
         "joint": 0, "rate": 0.5},
        {"division": {"code": "510107005002", "level": "community"}, "total": 1, "covered": 0, "single": 0,
         "joint": 0, "rate": 0.0},
        {"division": {"code": "510107006000", "level": "street"}, "total": 2, "covered": 2, "single": 0,
         "joint": 2, "rate": 1.0},
        {"division": {"code": "510107006001", "level": "community"}, "total": 2, "covered": 2, "single": 0,
         "joint": 2, "rate": 1.0}]
    assert got["uncovered"] == [{"uid": "914403001922038216", "staffCount": 25},
                                {"uid": "52510107MJ0000001A", "staffCount": None}]


def test_three_level_chain_and_missing_links(seeded, client):
    q = """{ partyChain(divisionCode: "510107000000") { street { code } streetCommittee { uid }
             communities { community { code } committee { uid } linkedToStreet
               grids { grid { code } branch { uid } linkedToCommunity } }
             missing { level code problem } } }"""
    s1, s2 = data(gql(client, q))["partyChain"]
    assert s1["streetCommittee"] == {"uid": "n:ps1"}
    assert s1["communities"][0] == {"community": {"code": "510107005001"}, "committee": {"uid": "n:pc1"},
                                    "linkedToStreet": True, "grids": [
        {"grid": {"code": "510107005001001"}, "branch": {"uid": "n:pg1"}, "linkedToCommunity": True},
        {"grid": {"code": "510107005001002"}, "branch": None, "linkedToCommunity": False}]}
    # the seed has no enlarged committee and no 包联 department (issue #13): every committee lacks its
    # enlargement, every community its department (tests/api/test_api_linkage.py adds them)
    assert s1["missing"] == [
        {"level": "street", "code": "510107005000", "problem": "NO_ENLARGED_COMMITTEE"},
        {"level": "community", "code": "510107005001", "problem": "NO_ENLARGED_COMMITTEE"},
        {"level": "community", "code": "510107005001", "problem": "NO_RESPONSIBLE_DEPARTMENT"},
        {"level": "grid", "code": "510107005001002", "problem": "NO_GRID_BRANCH"},
        {"level": "community", "code": "510107005002", "problem": "COMMUNITY_NOT_LINKED_TO_STREET"},
        {"level": "community", "code": "510107005002", "problem": "NO_ENLARGED_COMMITTEE"},
        {"level": "community", "code": "510107005002", "problem": "NO_RESPONSIBLE_DEPARTMENT"},
        {"level": "grid", "code": "510107005002001", "problem": "GRID_BRANCH_NOT_LINKED_TO_COMMUNITY"}]
    assert s2["streetCommittee"] is None
    assert s2["missing"] == [
        {"level": "street", "code": "510107006000", "problem": "NO_STREET_COMMITTEE"},
        {"level": "community", "code": "510107006001", "problem": "NO_COMMUNITY_COMMITTEE"},
        {"level": "community", "code": "510107006001", "problem": "NO_RESPONSIBLE_DEPARTMENT"},
        {"level": "grid", "code": "510107006001001", "problem": "NO_GRID_BRANCH"}]


MEMBERS = """{ memberStatusByGrid(divisionCode: "510107005000") {
  grid { code } total normal flowing pocket hidden } }"""


def test_member_status_counts_only(seeded, client):
    assert data(gql(client, MEMBERS, role="planner"))["memberStatusByGrid"] == [
        {"grid": {"code": "510107005001001"}, "total": 3, "normal": 1, "flowing": 0, "pocket": 1, "hidden": 1},
        {"grid": {"code": "510107005001002"}, "total": 0, "normal": 0, "flowing": 0, "pocket": 0, "hidden": 0},
        {"grid": {"code": "510107005002001"}, "total": 2, "normal": 0, "flowing": 1, "pocket": 0, "hidden": 1}]
    # no field of the schema can reach a member's name or phone, whatever the role
    err = error(gql(client, '{ memberStatusByGrid(gridCode: "510107005001001") { grid { code } name } }',
                    role="admin"))
    assert "Cannot query field 'name'" in err["message"]


@pytest.mark.parametrize("role", ["reader", None])
def test_small_member_counts_are_suppressed_for_readers(seeded, client, role):
    """#11.17: G1's three members are 1 normal, 1 pocket, 1 hidden: each status names one person; G3 has two."""
    assert data(gql(client, MEMBERS, role=role))["memberStatusByGrid"] == [
        {"grid": {"code": "510107005001001"}, "total": 3, "normal": None, "flowing": 0, "pocket": None,
         "hidden": None},
        {"grid": {"code": "510107005001002"}, "total": 0, "normal": 0, "flowing": 0, "pocket": 0, "hidden": 0},
        {"grid": {"code": "510107005002001"}, "total": None, "normal": None, "flowing": None, "pocket": None,
         "hidden": None}]


def test_the_suppression_threshold_is_a_setting(seeded, make_client):
    lenient = make_client(GRIDLINK_API_MIN_MEMBER_COUNT="2", GRIDLINK_API_ANONYMOUS_ROLE="reader")
    g1, _, g3 = data(gql(lenient, MEMBERS))["memberStatusByGrid"]
    assert (g1["total"], g1["normal"], g1["hidden"]) == (3, None, None)  # 1s are still below 2
    assert g3 == {"grid": {"code": "510107005002001"}, "total": 2, "normal": 0, "flowing": None, "pocket": 0,
                  "hidden": None}


def test_unknown_areas(seeded, client):
    err = error(gql(client, '{ communityPartners(communityCode: "510107005009") { community { code } } }'))
    assert err["extensions"] == {"code": "NOT_FOUND", "field": "communityCode"}
    # an unknown division is NOT_FOUND like everywhere else (it used to be an empty list, like a wrong level)
    err = error(gql(client, '{ partyChain(divisionCode: "510107009000") { street { code } } }'))
    assert err["extensions"] == {"code": "NOT_FOUND", "field": "divisionCode"}
