"""The API's read queries are index- or path-driven: PROFILE on the seed shows no label or all-nodes scan."""

from __future__ import annotations

import neo4j
import pytest

from queries.catalog import catalog

pytestmark = pytest.mark.neo4j

SCANS = {"NodeByLabelScan", "AllNodesScan", "UndirectedAllRelationshipsScan", "DirectedAllRelationshipsScan"}
CASES = {
    "resources_for_grid": {"scheme": "LOCAL", "gridCode": "510107005001001", "categories": None,
                           "maxDistanceM": 3000.0, "availableAt": None, "availableOn": None, "includeExpired": False,
                           "limit": 20, "origin": None},
    "grid_candidates_at_point": {"scheme": "LOCAL", "longitude": 104.008, "latitude": 30.608, "radiusM": 5000.0},
    "org_in_area": {"gridUid": None, "divisionCode": "510107005000", "kind": None, "status": None, "industry": None,
                    "hasPartyOrganization": None, "after": None, "first": 20, "withTotal": True, "personal": False,
                    "withParents": True},
    "coconstruction_open_needs": {"gridUid": None, "divisionCode": "510107005001", "perNeed": 5, "after": None,
                                  "first": 20, "withTotal": True},
    "coconstruction_party_coverage": {"divisionCode": "510107000000", "uncoveredLimit": 20},
    "org_detail": {"uid": None, "uscc": "91350100M000100Y43", "personal": False, "withParents": True},
    "compound_dispute_hotspots": {"divisionCode": "510107000000", "since": "2025-01-01", "until": "2025-12-31",
                                  "limit": 20},
}


def operators(plan: dict) -> set[str]:
    found = {plan["operatorType"].split("@")[0]}
    for child in plan.get("children", []):
        found |= operators(child)
    return found


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_scans(seeded, name):
    with seeded.session(database="neo4j") as s:
        summary = s.run(neo4j.Query("PROFILE " + catalog()[name].text), CASES[name]).consume()  # type: ignore[arg-type]
    ops = operators(summary.profile)
    assert not ops & SCANS, (name, sorted(ops))


def test_distance_candidates_use_the_point_index(seeded):
    with seeded.session(database="neo4j") as s:
        plan = s.run(neo4j.Query("EXPLAIN " + catalog()["resources_for_grid"].text),  # type: ignore[arg-type]
                     CASES["resources_for_grid"]).consume().plan
    assert "NodeIndexSeekByRange" in operators(plan)
    assert "POINT INDEX r:Resource(location)" in str(plan)


def test_the_check_sees_a_scan(seeded):
    # the guard above is worthless if it cannot see a scan when there is one
    with seeded.session(database="neo4j") as s:
        plan = s.run("EXPLAIN MATCH (r:Resource) WHERE r.name = 'x' RETURN r").consume().plan
    assert "NodeByLabelScan" in operators(plan)
