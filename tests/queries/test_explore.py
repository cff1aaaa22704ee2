"""Exact results of the explore_* queries on the hand-made graph of tests/queries/seed.cypher."""

from __future__ import annotations

import neo4j
import pytest
from query_helpers import rows, seed

from queries import run

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def seeded(driver: neo4j.Driver) -> neo4j.Driver:
    """The seed graph, loaded once for this module (the queries only read)."""
    from neo4j_helpers import wipe

    wipe(driver)
    seed(driver)
    return driver


def test_model_overview_counts_every_label_and_type(seeded: neo4j.Driver) -> None:
    got = {(r["part"], r["name"]): r["total"] for r in run("explore_model_overview").records}
    assert got[("label", "Division")] == 7
    assert got[("label", "Grid")] == 4
    assert got[("label", "Organization")] == 8  # 4 units + 4 party organizations
    assert got[("label", "Enterprise")] == 2
    assert got[("label", "PartyOrganization")] == 4
    assert got[("label", "Resource")] == 6
    assert got[("label", "Need")] == 4
    assert got[("label", "PartyMember")] == 4
    assert got[("relationship", "PART_OF")] == 10
    assert got[("relationship", "PROVIDES")] == 7
    assert got[("relationship", "SUBORDINATE_TO")] == 3
    assert got[("relationship", "MEMBER_OF")] == 3
    assert got[("relationship", "SAME_AS")] == 1
    assert len(got) == 13 + 16


def test_org_neighbourhood_lists_one_hop_without_party_members(seeded: neo4j.Driver) -> None:
    result = run("explore_org_neighbourhood", {"uid": "12510107000000002Y"})
    got = [r[:5] for r in rows(result)]
    assert got == [
        ("HOSTED_BY", "in", "PartyOrganization", "n:unit00000000001", "玉林社区卫生服务中心党支部"),
        ("IN_DIVISION", "out", "Division", "510107005001", "玉林北路社区"),
        ("IN_GRID", "out", "Grid", "LOCAL:510107005001002", "玉林北路第二网格"),
        ("MEMBER_OF", "out", "Alliance", "AL1", "玉林北路社区大党委"),
        ("PROVIDES", "out", "Resource", "R2", "周末义诊"),
        ("PROVIDES", "out", "Resource", "R6", "慢病随访"),
        ("REPORTED_TO", "out", "Division", "510107005001", "玉林北路社区"),
        ("SIGNED_BY", "in", "Agreement", "A1", "玉林北路社区共建协议"),
    ]
    path = result.records[0]["path"]
    assert isinstance(path, neo4j.graph.Path) and len(path) == 1
    assert path.start_node["uid"] == "12510107000000002Y"


def test_org_neighbourhood_of_a_party_org_hides_its_members(seeded: neo4j.Driver) -> None:
    got = [r[:4] for r in rows(run("explore_org_neighbourhood", {"uid": "n:grid00000000001"}))]
    assert got == [("LEADS", "out", "Grid", "LOCAL:510107005001001"),
                   ("SUBORDINATE_TO", "out", "PartyOrganization", "n:comm00000000001")]


def test_community_party_chain_walks_street_community_and_grids(seeded: neo4j.Driver) -> None:
    got = rows(run("explore_community_party_chain", {"code": "510107005001"}))
    assert got == [
        ("street", "510107005000", "玉林街道", "n:street0000000001", "中共玉林街道工作委员会", "党工委", None, 40),
        ("community", "510107005001", "玉林北路社区", "n:comm00000000001", "中共玉林北路社区委员会", "党委",
         "中共玉林街道工作委员会", 120),
        ("grid", "LOCAL:510107005001001", "玉林北路第一网格", "n:grid00000000001", "玉林北路第一网格党支部", "党支部",
         "中共玉林北路社区委员会", 9),
        ("grid", "LOCAL:510107005001002", "玉林北路第二网格", None, None, None, None, None),
    ]


def test_community_party_chain_of_a_community_without_committee(seeded: neo4j.Driver) -> None:
    got = [r[:4] for r in rows(run("explore_community_party_chain", {"code": "510107005002"}))]
    assert got == [("street", "510107005000", "玉林街道", "n:street0000000001"),
                   ("grid", "LOCAL:510107005002001", "玉林东路第一网格", None)]


def test_grids_without_party_branch_in_a_street(seeded: neo4j.Driver) -> None:
    got = rows(run("explore_grids_without_party_branch", {"code": "510107005000"}))
    assert got == [
        ("LOCAL:510107005001002", "510107005001002", "玉林北路第二网格", "510107005001", "玉林北路社区", 1, 2, 2),
        ("LOCAL:510107005002001", "510107005002001", "玉林东路第一网格", "510107005002", "玉林东路社区", 1, 1, 1),
    ]


def test_grids_without_party_branch_in_the_district_and_in_a_community(seeded: neo4j.Driver) -> None:
    district = [r[0] for r in rows(run("explore_grids_without_party_branch", {"code": "510107000000"}))]
    # most open needs first: G2 (2), G3 (1), G4 (0)
    assert district == ["LOCAL:510107005001002", "LOCAL:510107005002001", "LOCAL:510107004001001"]
    community = [r[0] for r in rows(run("explore_grids_without_party_branch", {"code": "510107004001"}))]
    assert community == ["LOCAL:510107004001001"]


def test_resources_by_category_in_a_street(seeded: neo4j.Driver) -> None:
    got = rows(run("explore_resources_by_category", {"code": "510107005000", "category": "medical"}))
    # names sort by code point: 周 (U+5468) before 慢 (U+6162); R6 hangs on the street itself, in no grid
    assert got == [
        ("medical", "R2", "周末义诊", ["玉林社区卫生服务中心"], "玉林北路社区", "玉林北路第二网格", "每月2次"),
        ("medical", "R6", "慢病随访", ["玉林社区卫生服务中心", "玉林社工服务中心"], "玉林街道", None, None),
    ]


def test_resources_by_category_null_means_all_available(seeded: neo4j.Driver) -> None:
    got = [(r[0], r[1]) for r in rows(run("explore_resources_by_category", {"code": "510107005000"}))]
    # R5 is withdrawn, R4 lies in the other street
    assert got == [("medical", "R2"), ("medical", "R6"), ("venue", "R1"), ("volunteer", "R3")]


def test_units_without_party_org_in_a_street(seeded: neo4j.Driver) -> None:
    # SO1 is a host of the unit branch (a joint branch), PU1 is a public unit, E2 lies in the other street
    got = rows(run("explore_units_without_party_org", {"code": "510107005000", "minStaff": 10}))
    assert got == [("91510107MA0000001X", "玉林餐饮有限公司", "enterprise", 25, "玉林北路社区", "玉林北路第一网格")]


def test_units_without_party_org_in_the_district_by_size(seeded: neo4j.Driver) -> None:
    uids = [r[0] for r in rows(run("explore_units_without_party_org", {"code": "510107000000", "minStaff": 10}))]
    assert uids == ["91510107MA0000004W", "91510107MA0000001X"]
    uids = [r[0] for r in rows(run("explore_units_without_party_org", {"code": "510107000000", "minStaff": 26}))]
    assert uids == ["91510107MA0000004W"]
