"""resourcesForGrid on the seed, against a ranking computed by hand.

Weights (docs/planner.md): IN_GRID 40, SAME_COMMUNITY 25, SAME_STREET 10 (exclusive), COMMUNITY_COMMITTEE_MEMBER
20, STREET_COMMITTEE_MEMBER 15, ALLIANCE_COVERS_GRID 15, AGREEMENT_WITH_COMMUNITY 20, WITHIN_DISTANCE 10,
MATCHES_OPEN_NEED 30. Grid G1 = 510107005001001 (community C1 锦城社区, street S1 簇桥街道), centroid (104.004, 30.604).

By hand, default maxDistanceM 3000, no time, expired resources included (includeExpired; r4 ended 2025-05-31):
  r1 venue, E1 in G1, E1 on C1's 大党委, ~294 m, C1 has open venue need n2  → 40+20+10+30 = 100
  r2 medical, PU1 in G2 (C1), PU1 on C1's 大党委, ~1060 m, open medical need n1 in G1 → 25+20+10+30 = 85
  r3 medical, PU2 far away (~4.9 km: no WITHIN_DISTANCE, kept because linked), PU2 on S1's 大工委, valid agreement
     with C1, need n1                                                   → 15+20+30 = 65
  r9 training, SO1 in G2 (C1), ~798 m                                    → 25+10 = 35
  r4 volunteer, E2 in G3 (C2, same street), E2 in the regional alliance covering G1, ~1350 m (the volunteer need
     n4 is closed)                                                      → 10+15+10 = 35, farther than r9
  r7 elderly, E4 placed in C1 only, no location                          → 25 (distance unknown)
  r8 equipment, SO2 of another street, ~479 m                            → 10
  r5 withdrawn; r6's provider has only an expired agreement and is far away → not listed.
"""

from __future__ import annotations

import math

import pytest
from api_helpers import data, error, gql

pytestmark = pytest.mark.neo4j

Q = """
query($g: String!, $cats: [String!], $d: Float! = 3000, $at: DateTime, $limit: Int! = 20,
      $expired: Boolean! = true) {
  resourcesForGrid(gridCode: $g, categories: $cats, maxDistanceM: $d, availableAt: $at, limit: $limit,
                   includeExpired: $expired) {
    grid { uid name }
    matches {
      score distanceM
      reasons { code weight detail }
      resource { uid name category location { longitude latitude } }
      provider { uid kind }
      availability { availableFrom availableTo weekdays opensAt closesAt checkedAt }
    }
  }
}"""
G1 = "510107005001001"
CENTROID = (104.004, 30.604)


def haversine(lon: float, lat: float) -> float:
    """Metres from G1's centroid, the way Neo4j computes WGS-84 distance (haversine, R = 6378140 m)."""
    lon0, lat0 = CENTROID
    p1, p2 = math.radians(lat0), math.radians(lat)
    dp, dl = p2 - p1, math.radians(lon - lon0)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6378140.0 * math.asin(math.sqrt(a))


def ranking(result: dict) -> list[tuple[str, int, list[str]]]:
    return [(m["resource"]["uid"], m["score"], [r["code"] for r in m["reasons"]]) for m in result["matches"]]


def test_ranking_by_hand(seeded, client):
    result = data(gql(client, Q, {"g": G1}))["resourcesForGrid"]
    assert result["grid"] == {"uid": "LOCAL:510107005001001", "name": "锦城社区第一网格"}
    assert ranking(result) == [
        ("r1", 100, ["IN_GRID", "COMMUNITY_COMMITTEE_MEMBER", "WITHIN_DISTANCE", "MATCHES_OPEN_NEED"]),
        ("r2", 85, ["SAME_COMMUNITY", "COMMUNITY_COMMITTEE_MEMBER", "WITHIN_DISTANCE", "MATCHES_OPEN_NEED"]),
        ("r3", 65, ["STREET_COMMITTEE_MEMBER", "AGREEMENT_WITH_COMMUNITY", "MATCHES_OPEN_NEED"]),
        ("r9", 35, ["SAME_COMMUNITY", "WITHIN_DISTANCE"]),
        ("r4", 35, ["SAME_STREET", "ALLIANCE_COVERS_GRID", "WITHIN_DISTANCE"]),
        ("r7", 25, ["SAME_COMMUNITY"]),
        ("r8", 10, ["WITHIN_DISTANCE"]),
    ]
    # every score is the sum of its reasons' weights (7 matches, checked above)
    for m in result["matches"]:
        assert m["score"] == sum(r["weight"] for r in m["reasons"])


def test_reason_details_distances_and_provider(seeded, client):
    matches = {m["resource"]["uid"]: m for m in data(gql(client, Q, {"g": G1}))["resourcesForGrid"]["matches"]}
    assert matches["r1"]["reasons"] == [
        {"code": "IN_GRID", "weight": 40, "detail": "锦城社区第一网格"},
        {"code": "COMMUNITY_COMMITTEE_MEMBER", "weight": 20, "detail": "锦城社区大党委"},
        {"code": "WITHIN_DISTANCE", "weight": 10, "detail": None},
        {"code": "MATCHES_OPEN_NEED", "weight": 30, "detail": "n2"},
    ]
    assert matches["r3"]["reasons"][1] == {"code": "AGREEMENT_WITH_COMMUNITY", "weight": 20,
                                           "detail": "锦城社区与第一人民医院共建协议"}
    assert matches["r3"]["reasons"][0]["detail"] == "簇桥街道大工委"
    assert matches["r4"]["reasons"][1]["detail"] == "锦城网格党建联盟"
    assert matches["r3"]["provider"] == {"uid": "12510107MB0000002Y", "kind": "public_unit"}
    branches = {"located": 0, "unlocated": 0}  # both branches must be exercised, or the loop proves nothing
    for uid, m in matches.items():
        loc = m["resource"]["location"]
        if loc is None:
            assert m["distanceM"] is None, uid
            branches["unlocated"] += 1
        else:
            assert m["distanceM"] == pytest.approx(haversine(loc["longitude"], loc["latitude"]), abs=0.06), uid
            branches["located"] += 1
    assert branches == {"located": 6, "unlocated": 1}
    assert matches["r1"]["availability"] == {"availableFrom": "2024-01-01", "availableTo": "2030-12-31",
                                             "weekdays": [1, 2, 3, 4, 5], "opensAt": "09:00:00",
                                             "closesAt": "18:00:00", "checkedAt": None}


def test_available_at_filters_by_weekday_hours_and_dates(seeded, client):
    # Wednesday 2025-06-04 10:00 Beijing: r2 is weekends only, r4 ended 2025-05-31
    wed = data(gql(client, Q, {"g": G1, "at": "2025-06-04T10:00:00"}))["resourcesForGrid"]
    assert [u for u, _, _ in ranking(wed)] == ["r1", "r3", "r9", "r7", "r8"]
    assert wed["matches"][0]["availability"]["checkedAt"].startswith("2025-06-04T10:00")
    # the same instant given in UTC is the same answer
    utc = data(gql(client, Q, {"g": G1, "at": "2025-06-04T02:00:00Z"}))["resourcesForGrid"]
    assert ranking(utc) == ranking(wed)
    # 20:00: r1 closes at 18:00
    evening = data(gql(client, Q, {"g": G1, "at": "2025-06-04T20:00:00+08:00"}))["resourcesForGrid"]
    assert [u for u, _, _ in ranking(evening)] == ["r3", "r9", "r7", "r8"]


def test_categories_distance_and_limit(seeded, client):
    medical = data(gql(client, Q, {"g": G1, "cats": ["medical"]}))["resourcesForGrid"]
    assert [(u, s) for u, s, _ in ranking(medical)] == [("r2", 85), ("r3", 65)]
    # 1000 m: r2 (1060 m) and r4 (1350 m) lose WITHIN_DISTANCE but stay (linked providers); ties: r4 (known
    # distance) before r7 (unknown)
    near = data(gql(client, Q, {"g": G1, "d": 1000}))["resourcesForGrid"]
    assert [(u, s) for u, s, _ in ranking(near)] == [
        ("r1", 100), ("r2", 75), ("r3", 65), ("r9", 35), ("r4", 25), ("r7", 25), ("r8", 10)]
    top2 = data(gql(client, Q, {"g": G1, "limit": 2}))["resourcesForGrid"]
    assert [u for u, _, _ in ranking(top2)] == ["r1", "r2"]


def test_other_grid_sees_other_reasons(seeded, client):
    # G4 (佳灵社区, street S2): no committees, no agreements; everything of C3 is SAME_COMMUNITY/IN_GRID
    g4 = data(gql(client, Q, {"g": "510107006001001"}))["resourcesForGrid"]
    assert [(u, s) for u, s, _ in ranking(g4)] == [("r3", 50), ("r6", 50)]


def test_bad_arguments_name_the_field(seeded, client):
    assert error(gql(client, Q, {"g": "999999999999999"}))["extensions"] == {"code": "NOT_FOUND", "field": "gridCode"}
    err = error(gql(client, Q, {"g": G1, "cats": ["food"]}))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "categories[0]"}
    assert "venue" in err["message"]
    assert error(gql(client, Q, {"g": G1, "d": -5}))["extensions"]["field"] == "maxDistanceM"
    assert error(gql(client, Q, {"g": G1, "limit": 101}))["extensions"]["field"] == "limit"
