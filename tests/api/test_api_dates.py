"""Dates and time windows (issues #11.12, #11.19): agreements count from their signing date, "today" is Beijing's.

ag1 (PU2 with community C1) is signed 2024-01-01 and valid to 2030-12-31 in the seed; each test moves its dates with
the driver and asks every question that judges an agreement: resourcesForGrid, openNeeds, communityPartners.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from api_helpers import data, error, gql

pytestmark = pytest.mark.neo4j
G1 = "510107005001001"
RANK = """query($at: DateTime, $on: Date) { resourcesForGrid(gridCode: "510107005001001", availableAt: $at,
  availableOn: $on) { matches { resource { uid } reasons { code } availability { checkedAt } } } }"""
NEEDS = """{ openNeeds(gridCode: "510107005001001") { nodes { uid candidates { resource { uid } reasons } } } }"""
PARTNERS = """{ communityPartners(communityCode: "510107005001") { partners { organization { uid }
  links { kind weight } } } }"""
PU2 = "12510107MB0000002Y"


def beijing(offset: int = 0) -> date:
    return (datetime.now(ZoneInfo("Asia/Shanghai")) + timedelta(days=offset)).date()


def set_ag1(driver: Any, signed: date | None, valid_to: date | None) -> None:
    driver.execute_query("MATCH (a:Agreement {uid: 'ag1'}) SET a.signedOn = $s, a.validTo = $v", s=signed,
                         v=valid_to, database_="neo4j")


def reasons_of_r3(client: Any, at: str) -> list[str]:
    matches = data(gql(client, RANK, {"at": at}))["resourcesForGrid"]["matches"]
    return next([r["code"] for r in m["reasons"]] for m in matches if m["resource"]["uid"] == "r3")


def test_an_agreement_counts_from_the_day_it_was_signed(fresh_seed, client):
    set_ag1(fresh_seed, date(2025, 6, 5), date(2030, 12, 31))
    assert "AGREEMENT_WITH_COMMUNITY" not in reasons_of_r3(client, "2025-06-04T10:00:00")  # signed the next day
    assert "AGREEMENT_WITH_COMMUNITY" in reasons_of_r3(client, "2025-06-05T10:00:00")
    set_ag1(fresh_seed, date(2025, 6, 4), date(2025, 6, 4))  # one day: both ends count
    assert "AGREEMENT_WITH_COMMUNITY" in reasons_of_r3(client, "2025-06-04T23:30:00")
    assert "AGREEMENT_WITH_COMMUNITY" not in reasons_of_r3(client, "2025-06-05T00:30:00")


def candidates_of_n1(client: Any) -> dict[str, list[str]]:
    nodes = data(gql(client, NEEDS))["openNeeds"]["nodes"]
    n1 = next(n for n in nodes if n["uid"] == "n1")
    return {c["resource"]["uid"]: c["reasons"] for c in n1["candidates"]}


def partner_links(client: Any) -> list[dict[str, Any]]:
    partners = data(gql(client, PARTNERS))["communityPartners"]["partners"]
    links: list[dict[str, Any]] = next(p["links"] for p in partners if p["organization"]["uid"] == PU2)
    return links


@pytest.mark.parametrize(("signed", "valid_to", "agreed", "kind"), [
    (-1, 30, True, "AGREEMENT"),
    (0, 0, True, "AGREEMENT"),  # signed today and ending today, Beijing's today (not the UTC date)
    (1, 30, False, "AGREEMENT_PENDING"),  # signed for tomorrow
    (-30, -1, False, "AGREEMENT_EXPIRED"),  # ended yesterday, Beijing time
])
def test_open_needs_and_partners_judge_agreements_on_beijings_today(fresh_seed, client, signed, valid_to, agreed,
                                                                     kind):
    set_ag1(fresh_seed, beijing(signed), beijing(valid_to))
    assert ("AGREEMENT" in candidates_of_n1(client)["r3"]) is agreed
    assert {"kind": kind, "weight": 3 if agreed else 1} in partner_links(client)


def test_resources_that_ended_are_not_candidates_of_open_needs(fresh_seed, client):
    """Sibling: openNeeds offered resources that had already ended."""
    assert "r3" in candidates_of_n1(client)
    fresh_seed.execute_query("MATCH (r:Resource {uid: 'r3'}) SET r.availableTo = $d", d=beijing(-1),
                             database_="neo4j")
    assert "r3" not in candidates_of_n1(client)


def test_checked_at_is_iso_8601_with_an_offset(seeded, client):
    for asked in ("2025-06-04T10:00:00", "2025-06-04T02:00:00Z", "2025-06-04T10:00:00+08:00"):
        matches = data(gql(client, RANK, {"at": asked}))["resourcesForGrid"]["matches"]
        assert matches
        assert {m["availability"]["checkedAt"] for m in matches} == {"2025-06-04T10:00:00+08:00"}


def test_available_on_means_some_time_that_day(seeded, client):
    # Saturday 2025-06-07: r2 (weekends) is open that day; r1 (Mon-Fri 09-18) is not
    sat = {m["resource"]["uid"] for m in data(gql(client, RANK, {"on": "2025-06-07"}))["resourcesForGrid"]["matches"]}
    assert "r2" in sat and "r1" not in sat
    # Wednesday 2025-06-04: r1 is open that day, though not at 00:00 (what a date alone means in availableAt)
    wed = {m["resource"]["uid"] for m in data(gql(client, RANK, {"on": "2025-06-04"}))["resourcesForGrid"]["matches"]}
    midnight = {m["resource"]["uid"]
                for m in data(gql(client, RANK, {"at": "2025-06-04T00:00:00"}))["resourcesForGrid"]["matches"]}
    assert "r1" in wed and "r1" not in midnight and "r2" not in wed
    err = error(gql(client, RANK, {"on": "2025-06-04", "at": "2025-06-04T10:00:00"}))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "availableOn"}
