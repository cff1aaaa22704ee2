"""The gap rules of the three-level chain (queries/linkage_rules.py, docs/linkage.md) on a small hand-built graph.

Map (asOf 2025-06-30, so the 12-month window is 2024-06-30 .. 2025-06-30, both days included):

- street S1 510107005000: committee SC, 大工委 SE ENLARGES SC with members U1 (leads project J1 started 2025-03-01:
  active) and U2 (signed agreement A2 2022-01-01 valid to 2024-06-29, one day before the window: 挂名).
- C1 510107005001: committee CC1 under SC, 大党委 CE1 with U3 (resource R3 from 2025-07-01: not yet; agreement A3
  signed 2024-06-30 without validTo, the first day of the window: active), U4 (its resource R4 is withdrawn, but
  project J4 uses R4 and was accepted 2024-06-30: active) and U5 (project J5 delivered 2024-06-29, resource R5 to
  2024-06-29: 挂名). Department D1 is RESPONSIBLE_FOR grid G1 of C1; G1's branch is under CC1.
- C2 510107005002: committee CC2 under SC, 大党委 CE2 without members; no department.
- C3 510107005003: committee CC3 under SC, no 大党委; D1 RESPONSIBLE_FOR C3 itself.
- C4 510107005004: no committee (so no enlarged-committee gap); D2 RESPONSIBLE_FOR C4.
- street S2 510107006000: committee SC2, no 大工委, no community.
"""

from __future__ import annotations

import datetime as dt

import neo4j
import pytest

from queries import linkage_rules, run

pytestmark = pytest.mark.neo4j

GRAPH = """
CREATE (d:Division {code: '510107000000', level: 'district', name: '武侯区'})
CREATE (s1:Division {code: '510107005000', level: 'street', name: '玉林街道'})-[:PART_OF]->(d)
CREATE (s2:Division {code: '510107006000', level: 'street', name: '望江路街道'})-[:PART_OF]->(d)
CREATE (c1:Division {code: '510107005001', level: 'community', name: '一社区'})-[:PART_OF]->(s1)
CREATE (c2:Division {code: '510107005002', level: 'community', name: '二社区'})-[:PART_OF]->(s1)
CREATE (c3:Division {code: '510107005003', level: 'community', name: '三社区'})-[:PART_OF]->(s1)
CREATE (c4:Division {code: '510107005004', level: 'community', name: '四社区'})-[:PART_OF]->(s1)
CREATE (g1:Grid {uid: 'LOCAL:510107005001001', code: '510107005001001', scheme: 'LOCAL', name: '第1网格'})
       -[:PART_OF]->(c1)
CREATE (sc:Organization:PartyOrganization {uid: 'SC', name: '玉林街道党工委', category: '党工委'})-[:LEADS]->(s1)
CREATE (sc2:Organization:PartyOrganization {uid: 'SC2', name: '望江路街道党工委', category: '党工委'})-[:LEADS]->(s2)
CREATE (se:Organization:PartyOrganization {uid: 'SE', name: '玉林街道大工委', category: '大工委'})-[:ENLARGES]->(sc)
CREATE (cc1:Organization:PartyOrganization {uid: 'CC1', category: '党委'})-[:LEADS]->(c1), (cc1)-[:SUBORDINATE_TO]->(sc)
CREATE (cc2:Organization:PartyOrganization {uid: 'CC2', category: '党委'})-[:LEADS]->(c2), (cc2)-[:SUBORDINATE_TO]->(sc)
CREATE (cc3:Organization:PartyOrganization {uid: 'CC3', category: '党委'})-[:LEADS]->(c3), (cc3)-[:SUBORDINATE_TO]->(sc)
CREATE (b1:Organization:PartyOrganization {uid: 'B1', category: '党支部'})-[:LEADS]->(g1), (b1)-[:SUBORDINATE_TO]->(cc1)
CREATE (ce1:Organization:PartyOrganization {uid: 'CE1', category: '大党委'})-[:ENLARGES]->(cc1)
CREATE (ce2:Organization:PartyOrganization {uid: 'CE2', category: '大党委'})-[:ENLARGES]->(cc2)
CREATE (u1:Organization {uid: 'U1', name: '单位一'}), (u2:Organization {uid: 'U2', name: '单位二'}),
       (u3:Organization {uid: 'U3', name: '单位三'}), (u4:Organization {uid: 'U4', name: '单位四'}),
       (u5:Organization {uid: 'U5', name: '单位五'})
CREATE (u1)-[:PART_TIME_MEMBER_OF {role: 'part_time_member'}]->(se),
       (u2)-[:PART_TIME_MEMBER_OF {role: 'part_time_member'}]->(se),
       (u3)-[:PART_TIME_MEMBER_OF {role: 'part_time_member'}]->(ce1),
       (u4)-[:PART_TIME_MEMBER_OF {role: 'part_time_deputy_secretary'}]->(ce1),
       (u5)-[:PART_TIME_MEMBER_OF {role: 'part_time_member'}]->(ce1)
CREATE (:Project {uid: 'J1', startedOn: date('2025-03-01')})-[:LED_BY]->(u1)
CREATE (:Agreement {uid: 'A2', signedOn: date('2022-01-01'), validTo: date('2024-06-29')})-[:SIGNED_BY]->(u2)
CREATE (u3)-[:PROVIDES]->(:Resource {uid: 'R3', status: 'available', availableFrom: date('2025-07-01')})
CREATE (:Agreement {uid: 'A3', signedOn: date('2024-06-30')})-[:SIGNED_BY]->(u3)
CREATE (u4)-[:PROVIDES]->(r4:Resource {uid: 'R4', status: 'withdrawn'})
CREATE (:Project {uid: 'J4', startedOn: date('2023-01-01'), acceptedOn: date('2024-06-30')})-[:USES]->(r4)
CREATE (:Project {uid: 'J5', startedOn: date('2023-01-01'), deliveredOn: date('2024-06-29')})-[:LED_BY]->(u5)
CREATE (u5)-[:PROVIDES]->(:Resource {uid: 'R5', status: 'available', availableTo: date('2024-06-29')})
CREATE (d1:Department {uid: 'D1', name: '党建办', type: 'party_building'})-[:RESPONSIBLE_FOR]->(g1),
       (d1)-[:RESPONSIBLE_FOR]->(c3)
CREATE (:Department {uid: 'D2', name: '综治中心', type: 'comprehensive_governance'})-[:RESPONSIBLE_FOR]->(c4)
"""


@pytest.fixture(scope="module")
def linkage(driver: neo4j.Driver) -> neo4j.Driver:
    from neo4j_helpers import wipe

    wipe(driver)
    driver.execute_query(GRAPH, database_="neo4j")  # type: ignore[arg-type]
    return driver


def _chains(code: str, as_of: dt.date) -> list[dict]:  # type: ignore[type-arg]
    return [r["chain"] for r in run("coconstruction_chain", {"divisionCode": code,
                                                             **linkage_rules.params(as_of)}).records]


def _gaps(chain: dict) -> list[tuple[str, str, str | None]]:  # type: ignore[type-arg]
    return [(g["code"], g["problem"], (g.get("unit") or {}).get("uid")) for g in chain["missing"]]


def test_each_gap_rule_against_the_hand_computed_answer(linkage: neo4j.Driver) -> None:
    s1, s2 = _chains("510107000000", dt.date(2025, 6, 30))
    assert _gaps(s1) == [
        ("510107005000", "PART_TIME_MEMBER_INACTIVE", "U2"),
        ("510107005001", "PART_TIME_MEMBER_INACTIVE", "U5"),
        ("510107005002", "NO_PART_TIME_MEMBERS", None),
        ("510107005002", "NO_RESPONSIBLE_DEPARTMENT", None),
        ("510107005003", "NO_ENLARGED_COMMITTEE", None),
        ("510107005004", "NO_COMMUNITY_COMMITTEE", None),
    ]
    assert _gaps(s2) == [("510107006000", "NO_ENLARGED_COMMITTEE", None)]
    assert s1["streetEnlargedCommittee"]["uid"] == "SE"
    assert [(m["unit"]["uid"], m["active"]) for m in s1["streetEnlargedCommittee"]["partTimeMembers"]] == [
        ("U1", True), ("U2", False)]
    c1 = s1["communities"][0]
    assert [(m["unit"]["uid"], m["role"], m["active"]) for m in c1["enlargedCommittee"]["partTimeMembers"]] == [
        ("U3", "part_time_member", True), ("U4", "part_time_deputy_secretary", True), ("U5", "part_time_member", False)]
    assert [d["uid"] for c in s1["communities"] for d in c["departments"]] == ["D1", "D1", "D2"]


def test_the_window_moves_with_as_of(linkage: neo4j.Driver) -> None:
    """A year on (window 2025-08-01 .. 2026-08-01) U1's project of 2025-03-01 is outside, but U3's resource
    R3, available from 2025-07-01 without an end, is inside; a day earlier (window
    2024-06-29 .. 2025-06-29), U5's delivery and U2's agreement end of 2024-06-29 are inside."""
    (later,) = _chains("510107005000", dt.date(2026, 8, 1))
    inactive = {g["unit"]["uid"] for g in later["missing"] if g["problem"] == "PART_TIME_MEMBER_INACTIVE"}
    assert inactive == {"U1", "U2", "U4", "U5"}
    (earlier,) = _chains("510107005000", dt.date(2025, 6, 29))
    inactive = {g["unit"]["uid"] for g in earlier["missing"] if g["problem"] == "PART_TIME_MEMBER_INACTIVE"}
    assert inactive == set()


def test_every_gap_has_a_chinese_message(linkage: neo4j.Driver) -> None:
    (s1,) = _chains("510107005000", dt.date(2025, 6, 30))
    messages = [g["message"] for g in linkage_rules.with_messages(s1)["missing"]]
    assert messages[0] == "单位二是玉林街道大工委/大党委的兼职委员，但近12个月没有项目、资源或共建协议（挂名）"
    assert messages[3] == "二社区没有街道职能部门包联"
    assert set(linkage_rules.GAPS) >= {g["problem"] for g in s1["missing"]}


def test_docs_list_the_same_gap_codes() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "linkage.md").read_text(encoding="utf-8")
    table = text.split("## The gaps", 1)[1].split("\n## ", 1)[0]
    import re

    assert re.findall(r"^\| `([A-Z_]+)` \|", table, flags=re.M) == list(linkage_rules.GAPS)
