"""compounds, compound, fiveStep and disputeHotspots against answers worked out by hand from compound_seed.cypher."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from api_helpers import data, error, gql
from fastapi.testclient import TestClient
from neo4j_helpers import wipe

SEED = Path(__file__).with_name("compound_seed.cypher")
PERIOD = {"since": "2025-07-01", "until": "2026-06-30"}
STEPS = "steps { key label status evidence nextAction } done partial missing"


@pytest.fixture(scope="module")
def compounds_graph(driver: neo4j.Driver) -> neo4j.Driver:
    wipe(driver)
    driver.execute_query(SEED.read_text(encoding="utf-8"), database_="neo4j")  # type: ignore[arg-type]
    return driver


def _statuses(steps: list[dict]) -> list[str]:
    return [s["status"] for s in steps]


def test_hotspots_ranked_by_property_orders_per_100_households(compounds_graph, client: TestClient) -> None:
    q = ("query($d: String!, $s: Date!, $u: Date!) { disputeHotspots(divisionCode: $d, since: $s, until: $u) "
         "{ rank compound { uid name } orders per100Households " + STEPS + " } }")
    rows = data(gql(client, q, {"d": "510107005000", "s": PERIOD["since"], "u": PERIOD["until"]}))[
        "disputeHotspots"]
    # K2 3/50 = 6.0, K1 12/400 = 3.0 (2 orders before the period and 3 noise orders do not count), K3 4/200 = 2.0,
    # K4 5 orders with unknown households last; K5 lies in another street
    assert [(r["compound"]["uid"], r["orders"], r["per100Households"]) for r in rows] == [
        ("XQ-002", 3, 6.0), ("c:k1", 12, 3.0), ("c:k3", 4, 2.0), ("c:k4", 5, None)]
    assert [r["rank"] for r in rows] == [1, 2, 3, 4]
    by_uid = {r["compound"]["uid"]: r for r in rows}
    assert _statuses(by_uid["XQ-002"]["steps"]) == ["missing"] * 5
    # K1: a company alone is no mechanism (优机制 missing); a grid branch over it makes 建组织 partial
    assert _statuses(by_uid["c:k1"]["steps"]) == ["partial", "partial", "missing", "missing", "missing"]
    assert _statuses(by_uid["c:k3"]["steps"]) == ["done"] * 5
    assert (by_uid["c:k1"]["done"], by_uid["c:k1"]["partial"], by_uid["c:k1"]["missing"]) == (0, 2, 3)
    # a shorter period: K3's orders of 2026-06-27..30 and K2's of January fall out
    rows = data(gql(client, q, {"d": "510107005001", "s": "2025-07-01", "u": "2025-12-31"}))["disputeHotspots"]
    assert [(r["compound"]["uid"], r["orders"]) for r in rows] == [("c:k1", 12)]


def test_five_step_evidence_and_next_actions(compounds_graph, client: TestClient) -> None:
    q = ("query($c: String!) { fiveStep(compoundCode: $c, asOf: \"2026-06-30\") { compound { name } asOf "
         + STEPS + " }}")
    k1 = data(gql(client, q, {"c": "c:k1"}, role="planner"))["fiveStep"]
    steps = {s["key"]: s for s in k1["steps"]}
    assert [s["label"] for s in k1["steps"]] == ["找党员", "建组织", "优机制", "聚合力", "植文化"]
    # derived statuses (the imported labels would give 3 normal, 1 pocket, 1 hidden)
    assert steps["find_members"]["evidence"] == {"normal": 2, "flowing": 0, "pocket": 1, "hidden": 2}
    assert "隐形党员" in steps["find_members"]["nextAction"]
    assert steps["build_org"]["evidence"] == {"compoundBranches": 0, "gridBranches": 1}
    assert steps["improve_mechanism"]["evidence"]["companies"] == 1
    assert "业主委员会" in steps["improve_mechanism"]["nextAction"]
    assert steps["pool_forces"]["evidence"]["needs"] == 1 and steps["pool_forces"]["status"] == "missing"
    k3 = data(gql(client, q, {"c": "c:k3"}, role="planner"))["fiveStep"]
    assert all(s["nextAction"] is None for s in k3["steps"]) and k3["done"] == 5
    assert {s["key"]: s for s in k3["steps"]}["pool_forces"]["evidence"]["resourcesUsed"] == 1
    # 12 months before 2027-06-30 hold no culture project: 植文化 falls back to partial
    later = data(gql(client, q.replace("2026-06-30", "2027-06-30"), {"c": "c:k3"}, role="planner"))["fiveStep"]
    assert {s["key"]: s["status"] for s in later["steps"]}["plant_culture"] == "partial"
    assert data(gql(client, q, {"c": "no-such"}))["fiveStep"] is None


def test_improve_mechanism_by_joint_agreement_or_cross_appointments(compounds_graph, client: TestClient) -> None:
    q = ("query($c: String!, $d: Date!) { fiveStep(compoundCode: $c, asOf: $d) { steps { key status evidence "
         "nextAction } } }")

    def mechanism(code: str, day: str, role: str = "planner") -> dict:
        steps = data(gql(client, q, {"c": code, "d": day}, role=role))["fiveStep"]["steps"]
        return {s["key"]: s for s in steps}["improve_mechanism"]

    # K4: only a unit manages it, but a 三方联动协议 in force covers it (the 共建协议 does not count)
    k4 = mechanism("c:k4", "2026-06-30")
    assert (k4["status"], k4["evidence"]["jointAgreements"], k4["nextAction"]) == ("done", 1, None)
    expired = mechanism("c:k4", "2028-06-30")
    assert (expired["status"], expired["evidence"]["jointAgreements"]) == ("missing", 0)
    # K5: no branch, no committee, a company whose project staff has 2 party members (交叉任职)
    k5 = mechanism("c:k5", "2026-06-30")
    assert k5["status"] == "partial"
    assert {k: k5["evidence"][k] for k in ("projectPartyMembers", "committeePartyMembers", "crossAppointments")} == {
        "projectPartyMembers": 2, "committeePartyMembers": 0, "crossAppointments": 2}
    assert "三方联动" in k5["nextAction"] and "小区党组织" in k5["nextAction"]
    reader = mechanism("c:k5", "2026-06-30", role="reader")["evidence"]
    assert (reader["projectPartyMembers"], reader["crossAppointments"]) == (None, None)  # 2 < 3: suppressed
    detail = ('query { compound(code: "c:k5") { companies { contractNo staffCount partyMemberCount since until } } }')
    assert data(gql(client, detail, role="planner"))["compound"]["companies"] == [
        {"contractNo": "HT-2024-001", "staffCount": 12, "partyMemberCount": 2, "since": "2024-01-01",
         "until": "2026-12-31"}]
    assert data(gql(client, detail, role="reader"))["compound"]["companies"][0]["partyMemberCount"] is None


def test_small_member_counts_are_null_for_readers_only(compounds_graph, client: TestClient) -> None:
    q = ("query($c: String!) { compound(code: $c) { name residentMembers { normal flowing pocket hidden } "
         "committees { partyMemberCount memberCount } companies { uscc mode } partyOrganizations { category } "
         "workOrdersByCategory { category count } } }")
    reader = data(gql(client, q, {"c": "c:k1"}, role="reader"))["compound"]
    planner = data(gql(client, q, {"c": "c:k1"}, role="planner"))["compound"]
    assert planner["residentMembers"] == {"normal": 2, "flowing": 0, "pocket": 1, "hidden": 2}
    assert reader["residentMembers"] == {"normal": None, "flowing": 0, "pocket": None, "hidden": None}
    assert reader["workOrdersByCategory"] == [{"category": "property", "count": 14}, {"category": "noise", "count": 3}]
    assert reader["companies"] == [{"uscc": "91350100M000100Y43", "mode": "company"}]
    k3_reader = data(gql(client, q, {"c": "c:k3"}, role="reader"))["compound"]
    k3_planner = data(gql(client, q, {"c": "c:k3"}, role="planner"))["compound"]
    assert k3_reader["residentMembers"]["normal"] == 3  # at the threshold: shown
    assert k3_reader["committees"] == [{"partyMemberCount": None, "memberCount": 7}]
    assert k3_planner["committees"] == [{"partyMemberCount": 2, "memberCount": 7}]
    assert k3_reader["partyOrganizations"] == [{"category": "党支部"}]
    fs = "query { fiveStep(compoundCode: \"c:k1\") { steps { key evidence } } }"
    ev = {s["key"]: s["evidence"] for s in data(gql(client, fs, role="reader"))["fiveStep"]["steps"]}
    assert ev["find_members"] == {"normal": None, "flowing": 0, "pocket": None, "hidden": None}


def test_compounds_list_filters_and_errors(compounds_graph, client: TestClient) -> None:
    q = ("query($c: String, $g: String, $f: CompoundFilter) { compounds(communityCode: $c, gridCode: $g, filter: $f) "
         "{ totalCount nodes { uid hasBranch hasOwnersCommittee } } }")
    every = data(gql(client, q, {"c": "510107005001"}))["compounds"]
    assert (every["totalCount"], [n["uid"] for n in every["nodes"]]) == (3, ["XQ-002", "c:k1", "c:k3"])
    assert [n["uid"] for n in data(gql(client, q, {"c": "510107005000"}))["compounds"]["nodes"]] == [
        "XQ-002", "c:k1", "c:k3", "c:k4"]
    branch = data(gql(client, q, {"c": "510107005001", "f": {"hasBranch": True}}))["compounds"]["nodes"]
    assert branch == [{"uid": "c:k3", "hasBranch": True, "hasOwnersCommittee": True}]
    old = data(gql(client, q, {"c": "510107005001", "f": {"type": "old_courtyard", "managementMode": "none"}}))
    assert [n["uid"] for n in old["compounds"]["nodes"]] == ["XQ-002"]
    grid = data(gql(client, q, {"g": "510107005001002"}))["compounds"]["nodes"]
    assert [n["uid"] for n in grid] == ["XQ-002", "c:k3"]
    bad = error(gql(client, q, {"c": "510107005001", "f": {"type": "villa"}}))
    assert "filter.type" in bad["message"]
    assert "communityCode" in error(gql(client, q, {"c": "510107009999"}))["message"]
    both = error(gql(client, q, {"c": "510107005001", "g": "510107005001002"}))
    assert both["extensions"]["field"] == "communityCode" and "divisionCode" not in both["message"]
    hq = ('query { disputeHotspots(divisionCode: "510107005000", since: "2026-01-01", until: "2025-01-01") '
          "{ rank } }")
    assert "since" in error(gql(client, hq))["message"]


def test_five_step_page_names_the_rules_thresholds() -> None:
    from queries import five_step

    page = (Path(__file__).resolve().parents[2] / "docs" / "five-step.md").read_text(encoding="utf-8")
    assert f"at least **{five_step.BRANCH_MIN}** (`BRANCH_MIN`)" in page
    for rule in five_step.RULES:
        assert f"`{rule.__name__}`" in page, rule.__name__


def test_work_orders_newest_first_content_for_planners_only(compounds_graph, client: TestClient) -> None:
    q = ('query($c: String!, $cat: String, $l: Int!) { workOrders(compoundCode: $c, category: $cat, limit: $l) '
         "{ compound { uid } total orders { uid receivedOn category status handlingUnit content } } }")
    planner = data(gql(client, q, {"c": "c:k1", "cat": "property", "l": 2}, role="planner"))["workOrders"]
    # K1: 14 property orders (12 in August 2025, 2 in May); the newest is 2025-08-12, the one with a text
    assert planner["total"] == 14
    assert [o["uid"] for o in planner["orders"]] == ["c:k1-property-2025-08-12", "c:k1-property-2025-08-11"]
    assert planner["orders"][0]["content"] == "***反映物业不作为，电话***********"
    assert planner["orders"][0]["handlingUnit"] == "锦城社区居委会"
    for role in ("reader", None):
        reader = data(gql(client, q, {"c": "c:k1", "cat": "property", "l": 2}, role=role))["workOrders"]
        assert [o["content"] for o in reader["orders"]] == [None, None]
        assert [o["uid"] for o in reader["orders"]] == [o["uid"] for o in planner["orders"]]
    every = data(gql(client, q, {"c": "c:k1", "cat": None, "l": 200}))["workOrders"]
    assert every["total"] == len(every["orders"]) == 17 and every["orders"][0]["category"] == "noise"
    assert "category" in error(gql(client, q, {"c": "c:k1", "cat": "物业", "l": 2}))["message"]
    assert error(gql(client, q, {"c": "c:k1", "cat": None, "l": 0}))["extensions"]["field"] == "limit"
    assert error(gql(client, q, {"c": "c:none", "cat": None, "l": 5}))["extensions"]["field"] == "compoundCode"


RANKED = "matches { score distanceM reasons { code } resource { uid } }"


def test_resources_for_compound_is_the_grid_ranking_from_the_compound(compounds_graph, client: TestClient) -> None:
    grid = data(gql(client, '{ resourcesForGrid(gridCode: "510107005001001", maxDistanceM: 1000) { '
                    + RANKED + " } }"))["resourcesForGrid"]["matches"]
    compound = data(gql(client, '{ resourcesForCompound(code: "c:k1", maxDistanceM: 1000) { compound { uid name } '
                        "origin { longitude latitude } grid { code } " + RANKED + " } }"))["resourcesForCompound"]
    assert compound["compound"] == {"uid": "c:k1", "name": "锦城花园"}
    shapes = data(gql(client, '{ k1: compound(code: "c:k1") { boundary } k2: compound(code: "XQ-002") { boundary } }'))
    assert shapes["k1"]["boundary"]["type"] == "Polygon" and shapes["k2"]["boundary"] is None
    assert shapes["k1"]["boundary"]["coordinates"][0][0] == [104.049, 30.619]
    assert compound["origin"] == {"longitude": 104.05, "latitude": 30.62}
    assert compound["grid"] == {"code": "510107005001001"}
    # the same rule: within 1 km of the centroid is R3 only, within 1 km of the compound R2 only (an unlinked
    # candidate beyond maxDistanceM is dropped)
    assert [(m["resource"]["uid"], m["score"], [r["code"] for r in m["reasons"]]) for m in grid] == [
        ("R3", 50, ["IN_GRID", "WITHIN_DISTANCE"])]
    assert [(m["resource"]["uid"], m["score"], [r["code"] for r in m["reasons"]]) for m in compound["matches"]] == [
        ("R2", 50, ["IN_GRID", "WITHIN_DISTANCE"])]
    assert compound["matches"][0]["distanceM"] < 100
    # within 3 km both qualify alike (50 each); the tie goes to the nearer one, seen from where the question is
    wide = data(gql(client, '{ g: resourcesForGrid(gridCode: "510107005001001") { ' + RANKED + " } "
                    'c: resourcesForCompound(code: "c:k1") { ' + RANKED + " } }"))
    assert [(m["resource"]["uid"], m["score"]) for m in wide["g"]["matches"]] == [("R3", 50), ("R2", 50)]
    assert [(m["resource"]["uid"], m["score"]) for m in wide["c"]["matches"]] == [("R2", 50), ("R3", 50)]
    assert 1000 < wide["c"]["matches"][1]["distanceM"] < 2000
    # no grid to rank from, no such compound, a bad argument: errors naming the field
    k4 = error(gql(client, '{ resourcesForCompound(code: "c:k4") { grid { code } } }'))
    assert k4["extensions"]["field"] == "code" and "no grid" in k4["message"]
    assert error(gql(client, '{ resourcesForCompound(code: "c:none") { grid { code } } }'))["extensions"][
        "field"] == "code"
    bad = error(gql(client, '{ resourcesForCompound(code: "c:k1", maxDistanceM: 0) { grid { code } } }'))
    assert bad["extensions"]["field"] == "maxDistanceM"


def test_dispute_hotspots_default_to_the_last_12_months(compounds_graph, client: TestClient) -> None:
    from datetime import date

    from api import query_compounds

    assert query_compounds.year_before(date(2026, 6, 30)) == date(2025, 7, 1)
    assert query_compounds.year_before(date(2028, 2, 29)) == date(2027, 3, 1)
    explicit = ('{ disputeHotspots(divisionCode: "510107005000", since: "2025-07-01", until: "2026-06-30") '
                "{ compound { uid } orders } }")
    defaulted = '{ disputeHotspots(divisionCode: "510107005000", until: "2026-06-30") { compound { uid } orders } }'
    assert data(gql(client, defaulted))["disputeHotspots"] == data(gql(client, explicit))["disputeHotspots"]
