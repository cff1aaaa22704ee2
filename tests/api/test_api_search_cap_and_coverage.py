"""The full-text paging cap is consistent (issue #11.15) and partyCoverage answers what it describes for a city.

The cap is GRIDLINK_API_MAX_SEARCH_HITS (default 1000); the seed has 7 hits for 锦城, so these tests lower it to 4:
the page that reaches the cap must say hasNextPage false, and a cursor beyond it is refused naming ``after``.
"""

from __future__ import annotations

import base64

import pytest
from api_helpers import data, error, gql
from test_api_browse import SEARCH

pytestmark = pytest.mark.neo4j


def offset_cursor(n: int) -> str:
    return base64.urlsafe_b64encode(str(n).encode()).decode()


def test_search_pages_stop_at_the_cap(seeded, make_client):
    capped = make_client(GRIDLINK_API_MAX_SEARCH_HITS="4")
    p1 = data(gql(capped, SEARCH, {"t": "锦城", "f": 3}))["searchOrganizations"]
    assert (len(p1["nodes"]), p1["pageInfo"]["hasNextPage"], p1["totalCount"]) == (3, True, 7)
    p2 = data(gql(capped, SEARCH, {"t": "锦城", "f": 3, "a": p1["pageInfo"]["endCursor"]}))["searchOrganizations"]
    assert (len(p2["nodes"]), p2["pageInfo"]["hasNextPage"], p2["totalCount"]) == (1, False, 7)
    assert not {n["uid"] for n in p1["nodes"]} & {n["uid"] for n in p2["nodes"]}
    # the last page's own cursor is the cap: an empty last page, never an error
    end = data(gql(capped, SEARCH, {"t": "锦城", "f": 3, "a": p2["pageInfo"]["endCursor"]}))["searchOrganizations"]
    assert (end["nodes"], end["pageInfo"]["hasNextPage"]) == ([], False)
    err = error(gql(capped, SEARCH, {"t": "锦城", "f": 3, "a": offset_cursor(5)}))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}
    assert "first 4 hits" in err["message"]
    # a page ending exactly at the cap says so too
    exact = data(gql(capped, SEARCH, {"t": "锦城", "f": 4}))["searchOrganizations"]
    assert (len(exact["nodes"]), exact["pageInfo"]["hasNextPage"]) == (4, False)


COVERAGE = """query($d: String!) { partyCoverage(divisionCode: $d) { area { code level }
  rows { division { code level } total covered single joint rate } uncovered { uid } } }"""


def test_party_coverage_of_the_city_has_its_own_row_and_every_level(seeded, client):
    city = data(gql(client, COVERAGE, {"d": "510100000000"}))["partyCoverage"]
    district = data(gql(client, COVERAGE, {"d": "510107000000"}))["partyCoverage"]
    assert city["area"] == {"code": "510100000000", "level": "city"}
    assert [(r["division"]["code"], r["division"]["level"]) for r in city["rows"]] == [
        ("510100000000", "city"), ("510107000000", "district"), ("510107005000", "street"),
        ("510107005001", "community"), ("510107005002", "community"), ("510107006000", "street"),
        ("510107006001", "community")]
    # the only district holds everything: the city row equals it, and the rows below are the district's
    assert {**city["rows"][0], "division": None} == {**district["rows"][0], "division": None}
    assert city["rows"][0]["total"] == 5
    assert city["rows"][1:] == district["rows"]
    assert city["uncovered"] == district["uncovered"] != []
