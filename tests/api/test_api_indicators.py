"""Indicators and warnings (issue #13 part 3) on a small graph built here, against hand-computed expectations.

Size: one hand-built graph serves every test here; the expectations below are computed from it by hand.

The graph (asOf 2026-12-01), district D > street S > communities C1, C2:

- grids G1 (C1, a branch LEADS it), G2 (C1, none), G3 (C2, a branch); compounds K1 (C1, a branch), K2 (C2, none)
- needs: N1 open C1 neededBy 2026-11-01 published 2026-10-01, no project (past due, unclaimed 61 days);
  N2 open C1 neededBy 2027-01-01 published 2026-11-20 (neither); N3 claimed C2 <- P1 2026-01-01..01-11 (10 days,
  rating 2); N4 closed C2 <- P2 2026-01-01..07-20 (200 days, rating 3); N5 closed C1 <- P3 2026-03-01..03-31
  (30 days, rating 4); N6 open C2 neededBy 2026-06-01 published 2026-05-01 <- P4 started, not delivered (past due,
  claimed)
- members living in C1: m1 relation in C1 and checked in (normal); m2 relation in C2, not checked in (hidden);
  m3 transfer issued 2026-01-01, not received (pocket); m4 no relation, checked in (normal)
- categories: N1 legal, N2/N6 elderly, N7 open C2 legal published 2026-11-25 (6 days: too fresh to count);
  resources R1 elderly available in C1 (a candidate for N2 and N6, same street), R2 legal of u2 (in an alliance
  covering G3) available until 2026-11-30 (expired on asOf: no candidate), R3 legal in C1 withdrawn
- resident units: u1 (C1, hosts o1, provides R1: active), u5 (C1, hosts o3, leads project P3 of 2026-03: active),
  u2 (C2, alliance, R2 available within the 12 months: active), u3 (C2, checked in, agreement expired
  2025-06-30: inactive), u6 (C2, agreement signed 2027-01-01: inactive); u4 (C1, no tie) is no resident unit
- compounds K1 commodity 200 households (C1), K2 old courtyard 100 (C2), K3 old courtyard, no count (C2);
  property work orders received in the 12 months before asOf: K1 3 (+1 older, +1 noise), K2 8, K3 5 (no count)

By hand: C1 open 2, past due [N1], unclaimed [N1], median 30, rating 4.0 (1), grids 1/2 [G2], compounds 1/1,
members 4, check-in 2/4, hidden+pocket 2/4, no candidate [N1], units 2/2, households 200, orders 3 (1.5 per 100),
type commodity. C2 open 2, past due [N6], unclaimed 0, no candidate 0, median (10+200)/2 = 105, rating 2.5 (2),
grids 1/1, compounds 0/2, no members, units 1/3 [u3, u6], households 100, orders 8 (8 per 100 > 5), type
old_courtyard. S: open 4, past due 2, unclaimed 1, no candidate 1, median of 10, 30, 200 = 30, rating 3.0 (3), grids
2/3, compounds 1/3, members as C1, units 3/5, households 300, orders 11.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import neo4j
import pytest
from neo4j_helpers import app_client

from queries import indicator_rules as rules

pytestmark = pytest.mark.neo4j

D, S, C1, C2 = "510107000000", "510107005000", "510107005001", "510107005002"
SEED = """
CREATE (d:Division {code: $d, name: '区', level: 'district'}),
       (s:Division {code: $s, name: '街道', level: 'street'})-[:PART_OF]->(d),
       (c1:Division {code: $c1, name: '社区一', level: 'community', urbanRural: '111'})-[:PART_OF]->(s),
       (c2:Division {code: $c2, name: '社区二', level: 'community', urbanRural: '112'})-[:PART_OF]->(s),
       (g1:Grid {uid: 'g1', code: 'G1', scheme: 'LOCAL'})-[:PART_OF]->(c1),
       (g2:Grid {uid: 'g2', code: 'G2', scheme: 'LOCAL'})-[:PART_OF]->(c1),
       (g3:Grid {uid: 'g3', code: 'G3', scheme: 'LOCAL'})-[:PART_OF]->(c2),
       (k1:Compound {uid: 'k1', type: 'commodity', households: 200})-[:IN_DIVISION]->(c1),
       (k2:Compound {uid: 'k2', type: 'old_courtyard', households: 100})-[:IN_DIVISION]->(c2),
       (k3:Compound {uid: 'k3', type: 'old_courtyard'})-[:IN_DIVISION]->(c2),
       (o1:Organization:PartyOrganization {uid: 'o1'})-[:IN_DIVISION]->(c1),
       (o2:Organization:PartyOrganization {uid: 'o2'})-[:IN_DIVISION]->(c2),
       (o1)-[:LEADS]->(g1), (o2)-[:LEADS]->(g3), (o1)-[:LEADS]->(k1),
       (n1:Need {uid: 'N1', status: 'open', neededBy: date('2026-11-01'), publishedOn: date('2026-10-01'),
                 category: 'legal'}),
       (n2:Need {uid: 'N2', status: 'open', neededBy: date('2027-01-01'), publishedOn: date('2026-11-20'),
                 category: 'elderly'}),
       (n7:Need {uid: 'N7', status: 'open', publishedOn: date('2026-11-25'), category: 'legal'})-[:IN_DIVISION]->(c2),
       (n3:Need {uid: 'N3', status: 'claimed'}), (n4:Need {uid: 'N4', status: 'closed'}),
       (n5:Need {uid: 'N5', status: 'closed'}),
       (n6:Need {uid: 'N6', status: 'open', neededBy: date('2026-06-01'), publishedOn: date('2026-05-01'),
                 category: 'elderly'}),
       (n1)-[:IN_DIVISION]->(c1), (n2)-[:IN_DIVISION]->(c1), (n5)-[:IN_DIVISION]->(c1),
       (n3)-[:IN_DIVISION]->(c2), (n4)-[:IN_DIVISION]->(c2), (n6)-[:IN_DIVISION]->(c2),
       (:Project {uid: 'P1', startedOn: date('2026-01-01'), deliveredOn: date('2026-01-11'), rating: 2})
         -[:ADDRESSES]->(n3),
       (:Project {uid: 'P2', startedOn: date('2026-01-01'), deliveredOn: date('2026-07-20'), rating: 3})
         -[:ADDRESSES]->(n4),
       (:Project {uid: 'P3', startedOn: date('2026-03-01'), deliveredOn: date('2026-03-31'), rating: 4})
         -[:ADDRESSES]->(n5),
       (:Project {uid: 'P4', startedOn: date('2026-05-10')})-[:ADDRESSES]->(n6),
       (m1:PartyMember {uid: 'm1', status: 'normal'})-[:IN_DIVISION]->(c1), (m1)-[:MEMBER_OF]->(o1),
       (m1)-[:REPORTED_TO]->(c1),
       (m2:PartyMember {uid: 'm2', status: 'normal'})-[:IN_DIVISION]->(c1), (m2)-[:MEMBER_OF]->(o2),
       (m3:PartyMember {uid: 'm3', status: 'normal', transferOutOn: date('2026-01-01')})-[:IN_DIVISION]->(c1),
       (m4:PartyMember {uid: 'm4', status: 'normal'})-[:IN_DIVISION]->(c1), (m4)-[:REPORTED_TO]->(c1),
       (u1:Organization:Enterprise {uid: 'u1'})-[:IN_DIVISION]->(c1), (o1)-[:HOSTED_BY]->(u1),
       (u1)-[:PROVIDES]->(:Resource {uid: 'R1', category: 'elderly', status: 'available'})-[:IN_DIVISION]->(c1),
       (u5:Organization:Enterprise {uid: 'u5'})-[:IN_DIVISION]->(c1),
       (o3:Organization:PartyOrganization {uid: 'o3'})-[:HOSTED_BY]->(u5),
       (u4:Organization:Enterprise {uid: 'u4'})-[:IN_DIVISION]->(c1),
       (c1)<-[:IN_DIVISION]-(:Resource {uid: 'R3', category: 'legal', status: 'withdrawn'}),
       (u2:Organization:Enterprise {uid: 'u2'})-[:IN_DIVISION]->(c2),
       (u2)-[:MEMBER_OF]->(:Alliance {uid: 'A1'})-[:COVERS]->(g3),
       (u2)-[:PROVIDES]->(:Resource {uid: 'R2', category: 'legal', status: 'available',
                                     availableFrom: date('2025-01-01'), availableTo: date('2026-11-30')}),
       (u3:Organization:PublicUnit {uid: 'u3'})-[:IN_DIVISION]->(c2), (u3)-[:REPORTED_TO]->(c2),
       (:Agreement {uid: 'AG1', signedOn: date('2024-01-01'), validTo: date('2025-06-30')})-[:SIGNED_BY]->(u3),
       (u6:Organization:SocialOrganization {uid: 'u6'})-[:IN_DIVISION]->(c2),
       (:Agreement {uid: 'AG2', signedOn: date('2027-01-01')})-[:SIGNED_BY]->(u6)
WITH k1, k2, k3
MATCH (p3:Project {uid: 'P3'}), (u5:Organization {uid: 'u5'})
CREATE (p3)-[:LED_BY]->(u5)
WITH k1, k2, k3
UNWIND [[k1, '2026-01-10', 'property'], [k1, '2026-06-01', 'property'], [k1, '2026-11-30', 'property'],
        [k1, '2025-11-30', 'property'], [k1, '2026-06-02', 'noise']]
       + [d IN range(1, 8) | [k2, '2026-0' + d + '-15', 'property']]
       + [d IN range(1, 5) | [k3, '2026-0' + d + '-15', 'property']] AS w
WITH w[0] AS k, w
CREATE (:WorkOrder {category: w[2], receivedOn: date(w[1])})-[:IN_COMPOUND]->(k)
"""
INDICATORS = """query($code: String!) { indicators(divisionCode: $code, asOf: "2026-12-01") { code needsOpen
  needsPastDue needsUnclaimed medianClaimToDeliveryDays ratingMean ratingCount grids gridsWithBranch compounds
  compoundsWithBranch members checkInRate hiddenPocketShare needsNoCandidate residentUnits residentUnitsActive
  activeUnitShare households propertyWorkOrders propertyWorkOrdersPer100Households urbanRural communityType } }"""
WARNINGS = """query($code: String!) { warnings(divisionCode: $code, asOf: "2026-12-01") { divisionCode code value
  threshold open { kind id } } }"""


@pytest.fixture(scope="module")
def client() -> Any:
    return app_client({"GRIDLINK_API_KEYS": "r-key:reader,p-key:planner", "GRIDLINK_API_ANONYMOUS_ROLE": ""})


@pytest.fixture
def small(graph: neo4j.Driver) -> neo4j.Driver:
    with graph.session() as s:
        s.run(SEED, d=D, s=S, c1=C1, c2=C2).consume()
    return graph


def ask(client: Any, query: str, code: str, key: str = "p-key") -> dict[str, Any]:
    resp = client.post("/graphql", json={"query": query, "variables": {"code": code}}, headers={"X-API-Key": key})
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = resp.json()
    return body


def test_indicators_of_a_street_and_its_communities(small: neo4j.Driver, client: Any) -> None:
    rows = ask(client, INDICATORS, S)["data"]["indicators"]
    assert [r["code"] for r in rows] == [S, C1, C2]
    keys = ("needsOpen", "needsPastDue", "needsUnclaimed", "medianClaimToDeliveryDays", "ratingMean", "ratingCount",
            "grids", "gridsWithBranch", "compounds", "compoundsWithBranch", "members", "checkInRate",
            "hiddenPocketShare")
    got = {r["code"]: tuple(r[k] for k in keys) for r in rows}
    assert got == {
        S: (4, 2, 1, 30.0, 3.0, 3, 3, 2, 3, 1, 4, 0.5, 0.5),
        C1: (2, 1, 1, 30.0, 4.0, 1, 2, 1, 1, 1, 4, 0.5, 0.5),
        C2: (2, 1, 0, 105.0, 2.5, 2, 1, 1, 2, 0, 0, None, None),
    }
    more = ("needsNoCandidate", "residentUnits", "residentUnitsActive", "activeUnitShare", "households",
            "propertyWorkOrders", "propertyWorkOrdersPer100Households", "urbanRural", "communityType")
    assert {r["code"]: tuple(r[k] for k in more) for r in rows} == {
        S: (1, 5, 3, 0.6, 300, 11, 11 / 3, None, None),
        C1: (1, 2, 2, 1.0, 200, 3, 1.5, "111", "commodity"),
        C2: (0, 3, 1, 1 / 3, 100, 8, 8.0, "112", "old_courtyard"),
    }
    # a district sums its streets (members have no district row of their own)
    district = ask(client, INDICATORS, D)["data"]["indicators"]
    assert [(r["code"], r["needsPastDue"], r["members"]) for r in district] == [(D, 2, 4), (S, 2, 4)]
    # readers: 2 checked in and 2 hidden/pocket are small counts: the shares that would give them away are null
    reader = {r["code"]: r for r in ask(client, INDICATORS, S, "r-key")["data"]["indicators"]}
    assert (reader[C1]["members"], reader[C1]["checkInRate"], reader[C1]["hiddenPocketShare"]) == (4, None, None)


def test_warnings_name_the_threshold_and_the_things_to_open(small: neo4j.Driver, client: Any) -> None:
    rows = ask(client, WARNINGS, S)["data"]["warnings"]
    got = {(w["divisionCode"], w["code"]): (w["value"], sorted(t["id"] for t in w["open"])) for w in rows}
    assert got == {
        (S, "NEEDS_PAST_DUE"): (2, ["N1", "N6"]),
        (S, "NEEDS_UNCLAIMED"): (1, ["N1"]),
        (S, "LOW_RATING"): (3.0, []),  # 3 ratings, mean 3.0 < 3.5
        (S, "NEEDS_NO_CANDIDATE"): (1, ["N1"]),  # N7 is 6 days old; N6 has R1 in the street
        (S, "GRIDS_WITHOUT_BRANCH"): (2 / 3, ["G2"]),
        (S, "COMPOUNDS_WITHOUT_BRANCH"): (1 / 3, ["k2", "k3"]),
        (S, "HIDDEN_POCKET_SHARE"): (0.5, []),  # check-in 0.5 is not below 0.5: no LOW_CHECK_IN
        (C1, "NEEDS_PAST_DUE"): (1, ["N1"]),
        (C1, "NEEDS_UNCLAIMED"): (1, ["N1"]),
        (C1, "NEEDS_NO_CANDIDATE"): (1, ["N1"]),
        (C1, "GRIDS_WITHOUT_BRANCH"): (0.5, ["G2"]),
        (C1, "HIDDEN_POCKET_SHARE"): (0.5, []),
        (C2, "NEEDS_PAST_DUE"): (1, ["N6"]),
        (C2, "SLOW_DELIVERY"): (105.0, []),  # median 105 > 90; only 2 ratings: no LOW_RATING
        (C2, "COMPOUNDS_WITHOUT_BRANCH"): (0.0, ["k2", "k3"]),
        (C2, "INACTIVE_UNITS"): (1 / 3, ["u3", "u6"]),
        (C2, "PROPERTY_WORK_ORDERS"): (8.0, ["k2"]),
    }
    kinds = {(w["code"], t["kind"]) for w in rows for t in w["open"]}
    assert {("INACTIVE_UNITS", "organization"), ("PROPERTY_WORK_ORDERS", "compound")} <= kinds
    reader = {(w["divisionCode"], w["code"]): w["value"] for w in ask(client, WARNINGS, S, "r-key")["data"]["warnings"]}
    assert reader[(C1, "HIDDEN_POCKET_SHARE")] is None and reader[(C1, "NEEDS_PAST_DUE")] == 1
    errors = ask(client, WARNINGS, "510107999999")["errors"]
    assert "divisionCode" in errors[0]["message"]


def test_indicators_page_names_the_thresholds_of_the_code() -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "indicators.md").read_text(encoding="utf-8")
    for name in ("UNCLAIMED_DAYS", "MAX_MEDIAN_DELIVERY_DAYS", "MIN_RATING_MEAN", "RATING_MIN_COUNT",
                 "MAX_HIDDEN_POCKET_SHARE", "MIN_CHECK_IN_RATE", "MIN_GRID_BRANCH_COVERAGE", "ACTIVE_MONTHS",
                 "MIN_ACTIVE_UNIT_SHARE", "MAX_PROPERTY_ORDERS_PER_100_HOUSEHOLDS", "MIN_COMPOUND_BRANCH_COVERAGE"):
        assert f"`{name}` = {getattr(rules, name):g}" in page, name


HISTORY = """query($code: String!, $from: String) { indicatorHistory(divisionCode: $code, fromMonth: $from) {
  month code needsPastDue needsUnclaimed members hiddenPocketShare ratingMean } }"""


def test_monthly_snapshot_is_idempotent_and_read_back_as_history(small: neo4j.Driver, client: Any) -> None:
    from typer.testing import CliRunner

    from graph.errors import GridlinkError
    from gridlink.cli import app

    runner = CliRunner()
    for month in ("2026-11", "2026-11", "2026-05"):  # the second November run overwrites the first
        result = runner.invoke(app, ["report", "snapshot", "--month", month])
        assert result.exit_code == 0, result.output
        assert "stored indicators of 4 divisions" in result.output  # D, S (as D's child and itself), C1, C2
    with small.session() as s:
        nodes = s.run("MATCH (x:IndicatorSnapshot)-[:OF]->(d:Division) RETURN d.code AS code, x.month AS month "
                      "ORDER BY code, month").data()
    assert [(n["code"], n["month"]) for n in nodes] == [(c, m) for c in (D, S, C1, C2) for m in ("2026-05", "2026-11")]
    # as of 2026-05-31: N6 (neededBy 06-01) is not yet past due, N1 not yet 30 days published, m3's transfer not
    # yet 6 months old (only m2 hidden: 1 of 4); as of 2026-11-30 as on 12-01
    rows = ask(client, HISTORY, S, "p-key")["data"]["indicatorHistory"]
    assert [(r["month"], r["needsPastDue"], r["needsUnclaimed"], r["members"], r["hiddenPocketShare"],
             r["ratingMean"]) for r in rows] == [("2026-05", 0, 0, 4, 0.25, 3.0), ("2026-11", 2, 1, 4, 0.5, 3.0)]
    assert [r["month"] for r in ask(client, HISTORY, S, "p-key")["data"]["indicatorHistory"]] == ["2026-05",
                                                                                                     "2026-11"]
    later = ask(client, HISTORY.replace("$from: String", "$from: String = \"2026-06\""), S)
    assert [r["month"] for r in later["data"]["indicatorHistory"]] == ["2026-11"]
    resp = client.post("/graphql", json={"query": HISTORY, "variables": {"code": S, "from": "2026-13"}},
                       headers={"X-API-Key": "r-key"})
    assert "fromMonth" in resp.json()["errors"][0]["message"]
    bad = runner.invoke(app, ["report", "snapshot", "--month", "2026-13"])
    assert isinstance(bad.exception, GridlinkError) and "--month" in str(bad.exception)


def test_no_candidate_days_is_configurable(small: neo4j.Driver, client: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRIDLINK_INDICATOR_NO_CANDIDATE_DAYS", "5")
    rules.reset_indicator_settings()
    try:
        rows = {r["code"]: r["needsNoCandidate"] for r in ask(client, INDICATORS, S)["data"]["indicators"]}
        warned = {(w["divisionCode"], w["code"]): (w["threshold"], sorted(t["id"] for t in w["open"]))
                  for w in ask(client, WARNINGS, S)["data"]["warnings"]}
    finally:
        monkeypatch.delenv("GRIDLINK_INDICATOR_NO_CANDIDATE_DAYS")
        rules.reset_indicator_settings()
    # N7 (legal, 6 days old) now counts: R2 of the alliance covering G3 expired on 2026-11-30, R3 is withdrawn
    assert rows == {S: 2, C1: 1, C2: 1}
    assert warned[(C2, "NEEDS_NO_CANDIDATE")] == (5, ["N7"])


TYPED = """query($code: String!, $ur: [String!], $ct: [String!]) { indicators(divisionCode: $code, asOf: "2026-12-01",
  urbanRural: $ur, communityType: $ct) { code communityType communityTypeLabel }
  warnings(divisionCode: $code, asOf: "2026-12-01", urbanRural: $ur, communityType: $ct) { divisionCode } }"""


def _typed(client: Any, **variables: Any) -> dict[str, Any]:
    resp = client.post("/graphql", json={"query": TYPED, "variables": {"code": S, **variables}},
                       headers={"X-API-Key": "r-key"})
    body: dict[str, Any] = resp.json()
    return body


def test_typology_filters_keep_the_division_asked_about(small: neo4j.Driver, client: Any) -> None:
    old = _typed(client, ct=["old_courtyard"])["data"]
    assert [(r["code"], r["communityTypeLabel"]) for r in old["indicators"]] == [(S, None), (C2, "老旧院落社区")]
    assert {w["divisionCode"] for w in old["warnings"]} == {S, C2}
    urban = _typed(client, ur=["111"])["data"]
    assert [r["code"] for r in urban["indicators"]] == [S, C1]
    assert _typed(client, ur=["111"], ct=["old_courtyard"])["data"]["indicators"] == [
        {"code": S, "communityType": None, "communityTypeLabel": None}]
    for variables, field in (({"ur": ["113"]}, "urbanRural"), ({"ct": ["商品房"]}, "communityType")):
        assert field in _typed(client, **variables)["errors"][0]["message"]


SERIES = """query($code: String!, $from: String, $to: String) { indicators(divisionCode: $code, from: $from, to: $to) {
  month code needsPastDue needsNoCandidate propertyWorkOrders communityType } }"""


def test_indicators_from_to_is_the_stored_series_of_the_division_and_below(small: neo4j.Driver,
                                                                           client: Any) -> None:
    from typer.testing import CliRunner

    from gridlink.cli import app

    for month in ("2026-10", "2026-11"):
        assert CliRunner().invoke(app, ["report", "snapshot", "--month", month]).exit_code == 0
    resp = client.post("/graphql", json={"query": SERIES, "variables": {"code": S, "from": "2026-10"}},
                       headers={"X-API-Key": "r-key"})
    rows = resp.json()["data"]["indicators"]
    # as of 2026-10-31 N1 (neededBy 11-01) is not yet past due; K1's window is 2025-10-31..2026-10-31: its
    # 2025-11-30 order is in, its 2026-11-30 one not yet (as of 11-30 both are: the window includes its ends)
    assert [(r["month"], r["code"], r["needsPastDue"], r["needsNoCandidate"], r["propertyWorkOrders"],
             r["communityType"]) for r in rows] == [
        ("2026-10", S, 1, 1, 11, None), ("2026-10", C1, 0, 1, 3, "commodity"),
        ("2026-10", C2, 1, 0, 8, "old_courtyard"),
        ("2026-11", S, 2, 1, 12, None), ("2026-11", C1, 1, 1, 4, "commodity"),  # both ends of the window count
        ("2026-11", C2, 1, 0, 8, "old_courtyard")]
    only_to = client.post("/graphql", json={"query": SERIES, "variables": {"code": S, "to": "2026-10"}},
                          headers={"X-API-Key": "r-key"}).json()["data"]["indicators"]
    assert {r["month"] for r in only_to} == {"2026-10"}
    both = client.post("/graphql", json={"query": SERIES.replace("from: $from", "from: $from, asOf: \"2026-12-01\""),
                                         "variables": {"code": S, "from": "2026-10"}}, headers={"X-API-Key": "r-key"})
    assert "asOf" in both.json()["errors"][0]["message"]
    bad = client.post("/graphql", json={"query": SERIES, "variables": {"code": S, "to": "2026-1"}},
                      headers={"X-API-Key": "r-key"})
    assert "to must be a month" in bad.json()["errors"][0]["message"]


def test_division_lists_carry_the_typology_and_filter_by_it(small: neo4j.Driver, client: Any) -> None:
    q = """query($code: String!, $ct: [String!], $ur: [String!]) {
      divisions(parentCode: $code, communityType: $ct, urbanRural: $ur) { code urbanRural communityType }
      division(code: $code) { children { code communityType urbanRural } } }"""

    def run(**variables: Any) -> dict[str, Any]:
        resp = client.post("/graphql", json={"query": q, "variables": {"code": S, **variables}},
                           headers={"X-API-Key": "r-key"})
        body: dict[str, Any] = resp.json()
        return body

    everything = run()["data"]
    assert everything["divisions"] == everything["division"]["children"] == [
        {"code": C1, "urbanRural": "111", "communityType": "commodity"},
        {"code": C2, "urbanRural": "112", "communityType": "old_courtyard"}]
    assert [d["code"] for d in run(ct=["old_courtyard"])["data"]["divisions"]] == [C2]
    assert [d["code"] for d in run(ur=["111", "121"])["data"]["divisions"]] == [C1]
    assert "communityType" in run(ct=["old"])["errors"][0]["message"]
