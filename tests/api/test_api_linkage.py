"""``partyChain`` over enlarged committees and ``responsibility`` (issue #13 part 2) on the API seed plus a
hand-made linkage: names reach planners only.

Added to tests/api/seed.cypher: the 簇桥街道大工委 (n:ps1e) ENLARGES n:ps1 with two part-time members — e3, whose
agreement ag2 ended 2023-12-31 and whose resource r6 is withdrawn here (挂名 as of 2025-06-30), and pu2, which signed
agreement ag1 (2024-01-01 to 2030-12-31, active); the 锦城社区大党委 (n:pc1e) ENLARGES n:pc1 without
members; the department 党建办 of 簇桥街道 is RESPONSIBLE_FOR 锦城社区 (head 周主任) and its grid G2 (liaison
cadre 吴干部). Secretaries: 李书记 (street), 赵书记 (锦城社区), 孙支书 (grid G1's branch, set here); G2 has no branch.
"""

from __future__ import annotations

from typing import Any

import neo4j
import pytest
from api_helpers import data, error, gql
from neo4j_helpers import load_api_seed

pytestmark = pytest.mark.neo4j

LINKAGE = """
MATCH (ps1:PartyOrganization {uid: 'n:ps1'}), (pc1:PartyOrganization {uid: 'n:pc1'}),
      (pg1:PartyOrganization {uid: 'n:pg1'}), (e3:Organization {uid: '91110000710926094P'}),
      (pu2:Organization {uid: '12510107MB0000002Y'}), (s1:Division {code: '510107005000'}),
      (c1:Division {code: '510107005001'}), (g2:Grid {uid: 'LOCAL:510107005001002'})
SET pg1.secretaryName = '孙支书'
WITH *
MATCH (r6:Resource {uid: 'r6'})
SET r6.status = 'withdrawn'
CREATE (ps1e:Organization:PartyOrganization {uid: 'n:ps1e', kind: 'party_org', name: '簇桥街道大工委',
  category: '大工委'})-[:ENLARGES]->(ps1)
CREATE (pc1e:Organization:PartyOrganization {uid: 'n:pc1e', kind: 'party_org', name: '锦城社区大党委',
  category: '大党委'})-[:ENLARGES]->(pc1)
CREATE (e3)-[:PART_TIME_MEMBER_OF {role: 'part_time_member', since: date('2023-01-01')}]->(ps1e),
       (pu2)-[:PART_TIME_MEMBER_OF {role: 'part_time_deputy_secretary'}]->(ps1e)
CREATE (d:Department {uid: 'd:1', name: '党建办', type: 'party_building', streetCode: '510107005000'})
CREATE (d)-[:IN_DIVISION]->(s1),
       (d)-[:RESPONSIBLE_FOR {role: 'head', personName: '周主任'}]->(c1),
       (d)-[:RESPONSIBLE_FOR {role: 'liaison_cadre', personName: '吴干部'}]->(g2)
"""
NAMES = ("李书记", "赵书记", "孙支书", "周主任", "吴干部")


@pytest.fixture(scope="module")
def linked(driver: neo4j.Driver) -> neo4j.Driver:
    load_api_seed(driver)
    driver.execute_query(LINKAGE, database_="neo4j")  # type: ignore[arg-type]
    return driver


CHAIN = """{ partyChain(divisionCode: "510107005000", asOf: "2025-06-30") {
  streetEnlargedCommittee { uid category partTimeMembers { unit { uid } role active } }
  communities { community { code } enlargedCommittee { uid partTimeMembers { unit { uid } } }
                departments { name type } }
  missing { level code problem message unit { uid name } } } }"""


def test_party_chain_walks_the_enlarged_committees(linked, client):
    (s1,) = data(gql(client, CHAIN))["partyChain"]
    assert s1["streetEnlargedCommittee"] == {"uid": "n:ps1e", "category": "大工委", "partTimeMembers": [
        {"unit": {"uid": "12510107MB0000002Y"}, "role": "part_time_deputy_secretary", "active": True},
        {"unit": {"uid": "91110000710926094P"}, "role": "part_time_member", "active": False}]}
    c1, c2 = s1["communities"]
    assert c1["enlargedCommittee"] == {"uid": "n:pc1e", "partTimeMembers": []}
    assert c1["departments"] == [{"name": "党建办", "type": "party_building"}]
    assert c2["enlargedCommittee"] is None and c2["departments"] == []
    assert [(m["code"], m["problem"], (m["unit"] or {}).get("uid")) for m in s1["missing"]] == [
        ("510107005000", "PART_TIME_MEMBER_INACTIVE", "91110000710926094P"),
        ("510107005001", "NO_PART_TIME_MEMBERS", None),
        ("510107005001002", "NO_GRID_BRANCH", None),
        ("510107005002", "COMMUNITY_NOT_LINKED_TO_STREET", None),
        ("510107005002", "NO_ENLARGED_COMMITTEE", None),
        ("510107005002", "NO_RESPONSIBLE_DEPARTMENT", None),
        ("510107005002001", "GRID_BRANCH_NOT_LINKED_TO_COMMUNITY", None)]
    messages = {m["problem"]: m["message"] for m in s1["missing"]}
    assert messages["PART_TIME_MEMBER_INACTIVE"].startswith("佳灵餐饮有限公司是簇桥街道大工委")
    assert messages["NO_RESPONSIBLE_DEPARTMENT"] == "新苑社区没有街道职能部门包联"
    assert messages["NO_PART_TIME_MEMBERS"] == "锦城社区的大工委/大党委没有兼职委员"


def test_party_chain_as_of_is_checked(linked, client):
    err = error(gql(client, '{ partyChain(divisionCode: "510107005000", asOf: "0999-01-01") { street { code } } }'))
    assert err["extensions"]["field"] == "asOf"


RESPONSIBILITY = """{ responsibility(communityCode: "510107005001") { community { code } street { code }
  answerers { level role roleLabel organization { uid } department { name } areaCode personName } } }"""


def test_responsibility_names_for_planners_only(linked, client):
    planner = data(gql(client, RESPONSIBILITY, role="planner"))["responsibility"]
    assert planner["street"] == {"code": "510107005000"}
    assert [(a["level"], a["role"], a["roleLabel"], (a["organization"] or {}).get("uid"),
             (a["department"] or {}).get("name"), a["areaCode"], a["personName"]) for a in planner["answerers"]] == [
        ("street", "street_secretary", "街道党（工）委书记", "n:ps1", None, "510107005000", "李书记"),
        ("department", "head", "负责人", None, "党建办", "510107005001", "周主任"),
        ("department", "liaison_cadre", "包联干部", None, "党建办", "510107005001002", "吴干部"),
        ("community", "community_secretary", "社区党组织书记", "n:pc1", None, "510107005001", "赵书记"),
        ("grid", "grid_secretary", "网格党支部书记", "n:pg1", None, "510107005001001", "孙支书"),
        ("grid", "grid_secretary", "网格党支部书记", None, None, "510107005001002", None)]
    for role in ("reader", None):  # the anonymous role of the test client is reader
        body = gql(client, RESPONSIBILITY, role=role)
        reader = data(body)["responsibility"]
        assert [a["personName"] for a in reader["answerers"]] == [None] * 6
        assert [a["role"] for a in reader["answerers"]] == [a["role"] for a in planner["answerers"]]
        assert [n for n in NAMES if n in str(body)] == []
    # partyChain carries no name at all, for any role
    assert [n for n in NAMES if n in str(gql(client, CHAIN, role="admin"))] == []


@pytest.mark.parametrize(("code", "field"), [("510107005000", "communityCode"), ("510107005", "communityCode"),
                                             ("510107009001", "communityCode")])
def test_responsibility_errors_name_the_field(linked, client, code, field):
    err = error(gql(client, f'{{ responsibility(communityCode: "{code}") {{ community {{ code }} }} }}'))
    assert err["extensions"]["field"] == field


RANK = """{ resourcesForGrid(gridCode: "510107005001001", maxDistanceM: 20000, limit: 50) {
  matches { resource { uid } reasons { code detail } } } }"""


def test_a_seat_on_the_enlarged_committee_counts_in_the_ranking(linked, client):
    """so2 (红牌楼志愿者协会, provider of r8 in 红牌楼街道, ~5 km from G1) is in no alliance of 锦城社区; given a
    seat on the 锦城社区大党委 its resource ranks for G1 with COMMUNITY_COMMITTEE_MEMBER naming that committee."""
    before = {m["resource"]["uid"]: m["reasons"] for m in data(gql(client, RANK))["resourcesForGrid"]["matches"]}
    assert "COMMUNITY_COMMITTEE_MEMBER" not in {r["code"] for r in before.get("r8", [])}
    seat = ("MATCH (o:Organization {uid: '51510107MJ0000002B'}), (e:PartyOrganization {uid: 'n:pc1e'}) "
            "MERGE (o)-[:PART_TIME_MEMBER_OF {role: 'part_time_member'}]->(e)")
    linked.execute_query(seat, database_="neo4j")
    try:
        after = {m["resource"]["uid"]: m["reasons"] for m in data(gql(client, RANK))["resourcesForGrid"]["matches"]}
    finally:
        linked.execute_query("MATCH (:Organization {uid: '51510107MJ0000002B'})-[r:PART_TIME_MEMBER_OF]->() DELETE r",
                             database_="neo4j")
    assert {"code": "COMMUNITY_COMMITTEE_MEMBER", "detail": "锦城社区大党委"} in after["r8"]


def test_a_seat_on_the_street_committee_makes_a_partner(linked, client):
    """e3 (佳灵餐饮, in 红牌楼街道) signed an expired agreement covering 锦城社区 (AGREEMENT_EXPIRED 1) and sits on the
    簇桥街道大工委 here (STREET_COMMITTEE_SEAT 1): strength 2."""
    q = """{ communityPartners(communityCode: "510107005001") {
             partners { organization { uid } strength links { kind detail weight } } } }"""
    partners = {p["organization"]["uid"]: p for p in data(gql(client, q))["communityPartners"]["partners"]}
    e3 = partners["91110000710926094P"]
    assert e3["strength"] == 2
    assert {"kind": "STREET_COMMITTEE_SEAT", "detail": "簇桥街道大工委", "weight": 1} in e3["links"]


def test_a_seat_on_the_community_committee_makes_an_open_need_candidate(linked, client):
    """A medical resource of so2 with no place at all can only reach 锦城社区's need n1 through so2's seat on the
    锦城社区大党委: then it is a candidate with ALLIANCE_MEMBER (+20)."""
    q = """{ openNeeds(divisionCode: "510107005001", candidatesPerNeed: 20) { nodes { uid
             candidates { resource { uid } score reasons } } } }"""
    add = ("MATCH (o:Organization {uid: '51510107MJ0000002B'}), (e:PartyOrganization {uid: 'n:pc1e'}) "
           "CREATE (o)-[:PROVIDES]->(:Resource {uid: 'rx', name: '协会义诊', category: 'medical', "
           "status: 'available'})")
    linked.execute_query(add, database_="neo4j")
    try:
        def candidates() -> dict[str, Any]:
            nodes = data(gql(client, q))["openNeeds"]["nodes"]
            return {c["resource"]["uid"]: c for n in nodes if n["uid"] == "n1" for c in n["candidates"]}

        assert "rx" not in candidates()
        linked.execute_query("MATCH (o:Organization {uid: '51510107MJ0000002B'}), (e:PartyOrganization "
                             "{uid: 'n:pc1e'}) MERGE (o)-[:PART_TIME_MEMBER_OF]->(e)", database_="neo4j")
        assert candidates()["rx"] == {"resource": {"uid": "rx"}, "score": 20, "reasons": ["ALLIANCE_MEMBER"]}
    finally:
        linked.execute_query("MATCH (r:Resource {uid: 'rx'}) DETACH DELETE r WITH 1 AS one "
                             "MATCH (:Organization {uid: '51510107MJ0000002B'})-[s:PART_TIME_MEMBER_OF]->() DELETE s",
                             database_="neo4j")
