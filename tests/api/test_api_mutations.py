"""Mutations over HTTP: exact results, validation naming the field, transactions, idempotent retries."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from api_helpers import data, error, gql

pytestmark = pytest.mark.neo4j

PUBLISH_NEED = """mutation($i: PublishNeedInput!) { publishNeed(input: $i) { clientMutationId replayed
  need { uid title category status urgency neededBy grid { code } division { code } raisedBy { uid } } } }"""
PUBLISH_RESOURCE = """mutation($i: PublishResourceInput!) { publishResource(input: $i) { replayed
  resource { uid name category status weekdays opensAt closesAt location { longitude latitude }
             provider { uid } grid { code } division { code } } } }"""
CLAIM = """mutation($i: ClaimNeedInput!) { claimNeed(input: $i) { replayed
  project { uid name status need { uid status } resource { uid } leadOrganization { uid } grid { code }
            division { code } } } }"""
ADVANCE = """mutation($i: AdvanceProjectInput!) { advanceProject(input: $i) { replayed
  project { uid status startedOn deliveredOn acceptedOn evaluation rating need { status } } } }"""

# a date still ahead whenever the suite runs (a past neededBy is refused)
NEEDED_BY = (datetime.now(ZoneInfo("Asia/Shanghai")) + timedelta(days=60)).date().isoformat()


def count(driver: Any, cypher: str) -> int:
    return int(driver.execute_query(cypher, database_="neo4j").records[0][0])


def test_publish_need_then_retry_is_idempotent(fresh_seed, client):
    i = {"clientMutationId": "need-0001", "title": "楼道灯维修", "category": "convenience", "urgency": 3,
         "neededBy": NEEDED_BY, "gridCode": "510107005001002", "raisedByUid": "n:pc1"}
    first = data(gql(client, PUBLISH_NEED, {"i": i}, role="planner"))["publishNeed"]
    need = first["need"]
    assert first["replayed"] is False and first["clientMutationId"] == "need-0001"
    assert need["uid"].startswith("need-")
    assert {k: v for k, v in need.items() if k != "uid"} == {
        "title": "楼道灯维修", "category": "convenience", "status": "open", "urgency": 3, "neededBy": NEEDED_BY,
        "grid": {"code": "510107005001002"}, "division": {"code": "510107005001"}, "raisedBy": {"uid": "n:pc1"}}
    again = data(gql(client, PUBLISH_NEED, {"i": i}, role="planner"))["publishNeed"]
    assert again == {**first, "replayed": True}
    assert count(fresh_seed, "MATCH (n:Need {title: '楼道灯维修'}) RETURN count(n)") == 1
    assert count(fresh_seed, "MATCH (m:ClientMutation {clientMutationId: 'need-0001'}) RETURN count(m)") == 1
    # the same id with another input is refused, naming the field
    err = error(gql(client, PUBLISH_NEED, {"i": {**i, "title": "别的需求"}}, role="planner"))
    assert err["extensions"] == {"code": "CONFLICT", "field": "input.clientMutationId"}


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"category": "food"}, "input.category", "BAD_USER_INPUT"),
    ({"urgency": 5}, "input.urgency", "BAD_USER_INPUT"),
    ({"title": "x"}, "input.title", "BAD_USER_INPUT"),
    ({"clientMutationId": "short"}, "input.clientMutationId", "BAD_USER_INPUT"),
    ({"divisionCode": "510107005001"}, "input", "BAD_USER_INPUT"),  # grid and division both given
    ({"gridCode": "510107005001999"}, "input.gridCode", "NOT_FOUND"),
    ({"raisedByUid": "nobody"}, "input.raisedByUid", "NOT_FOUND"),
])
def test_publish_need_validation_names_the_field(fresh_seed, client, change, field, code):
    i = {"clientMutationId": "need-0002", "title": "楼道灯维修", "category": "convenience",
         "gridCode": "510107005001002", **change}
    err = error(gql(client, PUBLISH_NEED, {"i": i}, role="planner"))
    assert err["extensions"] == {"code": code, "field": field}
    assert err["message"].startswith(field)
    # nothing was written, not even the mutation record (the transaction was rolled back)
    assert count(fresh_seed, "MATCH (m:ClientMutation) RETURN count(m)") == 0
    assert count(fresh_seed, "MATCH (n:Need) RETURN count(n)") == 4


def test_publish_resource(fresh_seed, client):
    i = {"clientMutationId": "res-0001", "name": "社区食堂", "category": "elderly", "providerUid": "52510107MJ0000001A",
         "gridCode": "510107005001001", "longitude": 104.001, "latitude": 30.601, "weekdays": [1, 2, 3],
         "opensAt": "11:00", "closesAt": "13:30"}
    res = data(gql(client, PUBLISH_RESOURCE, {"i": i}, role="planner"))["publishResource"]
    assert res["replayed"] is False
    assert {k: v for k, v in res["resource"].items() if k != "uid"} == {
        "name": "社区食堂", "category": "elderly", "status": "available", "weekdays": [1, 2, 3],
        "opensAt": "11:00:00", "closesAt": "13:30:00", "location": {"longitude": 104.001, "latitude": 30.601},
        "provider": {"uid": "52510107MJ0000001A"}, "grid": {"code": "510107005001001"},
        "division": {"code": "510107005001"}}
    # it now ranks for its grid: IN_GRID 40 + WITHIN_DISTANCE 10 (no committee, no open elderly need)
    q = ('{ resourcesForGrid(gridCode: "510107005001001", categories: ["elderly"]) '
         '{ matches { resource { uid } score } } }')
    matches = data(gql(client, q))["resourcesForGrid"]["matches"]
    assert matches[0] == {"resource": {"uid": res["resource"]["uid"]}, "score": 50}
    err = error(gql(client, PUBLISH_RESOURCE, {"i": {**i, "clientMutationId": "res-0002", "opensAt": "25:00"}},
                    role="planner"))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "input"} and "opensAt" in err["message"]
    err = error(gql(client, PUBLISH_RESOURCE, {"i": {**i, "clientMutationId": "res-0003", "providerUid": "x"}},
                    role="planner"))
    assert err["extensions"] == {"code": "NOT_FOUND", "field": "input.providerUid"}


def test_claim_and_advance_through_the_whole_life(fresh_seed, client):
    claim = {"clientMutationId": "claim-0001", "needUid": "n1", "resourceUid": "r2"}
    got = data(gql(client, CLAIM, {"i": claim}, role="planner"))["claimNeed"]
    pid = got["project"]["uid"]
    assert got["project"] == {"uid": pid, "name": "老人上门义诊", "status": "claimed",
                              "need": {"uid": "n1", "status": "claimed"}, "resource": {"uid": "r2"},
                              "leadOrganization": {"uid": "12510107MB0000001Y"},
                              "grid": {"code": "510107005001001"}, "division": {"code": "510107005001"}}
    assert data(gql(client, CLAIM, {"i": claim}, role="planner"))["claimNeed"] == {**got, "replayed": True}
    # a second claim of the same need conflicts (it is no longer open)
    err = error(gql(client, CLAIM, {"i": {**claim, "clientMutationId": "claim-0002", "resourceUid": "r3"}},
                    role="planner"))
    assert err["extensions"] == {"code": "CONFLICT", "field": "input.needUid"}
    # skipping a step conflicts and names the field
    step = {"projectUid": pid, "on": "2026-01-05"}
    err = error(gql(client, ADVANCE, {"i": {**step, "clientMutationId": "adv-skip", "to": "delivered"}},
                    role="planner"))
    assert err["extensions"] == {"code": "CONFLICT", "field": "input.to"}
    assert "in_progress" in err["message"]
    p = data(gql(client, ADVANCE, {"i": {**step, "clientMutationId": "adv-0001", "to": "in_progress"}},
                 role="planner"))["advanceProject"]["project"]
    assert (p["status"], p["startedOn"]) == ("in_progress", "2026-01-05")
    p = data(gql(client, ADVANCE, {"i": {**step, "clientMutationId": "adv-0002", "to": "delivered",
                                         "on": "2026-02-01"}}, role="planner"))["advanceProject"]["project"]
    assert (p["status"], p["deliveredOn"]) == ("delivered", "2026-02-01")
    # accepting needs an evaluation and a rating
    err = error(gql(client, ADVANCE, {"i": {**step, "clientMutationId": "adv-0003", "to": "accepted"}},
                    role="planner"))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "input"} and "evaluation" in err["message"]
    acc = {**step, "clientMutationId": "adv-0004", "to": "accepted", "on": "2026-02-10", "evaluation": "老人很满意",
           "rating": 5}
    done = data(gql(client, ADVANCE, {"i": acc}, role="planner"))["advanceProject"]
    assert done == {"replayed": False, "project": {
        "uid": pid, "status": "accepted", "startedOn": "2026-01-05", "deliveredOn": "2026-02-01",
        "acceptedOn": "2026-02-10", "evaluation": "老人很满意", "rating": 5, "need": {"status": "closed"}}}
    # a retry after success answers the same, though the transition itself would no longer be allowed
    assert data(gql(client, ADVANCE, {"i": acc}, role="planner"))["advanceProject"] == {**done, "replayed": True}
    err = error(gql(client, ADVANCE, {"i": {**acc, "clientMutationId": "adv-0005"}}, role="planner"))
    assert err["extensions"] == {"code": "CONFLICT", "field": "input.to"}


def test_claim_checks_references(fresh_seed, client):
    base = {"clientMutationId": "claim-0003", "needUid": "n2", "resourceUid": "r1"}
    for change, field, code in [({"needUid": "zz"}, "input.needUid", "NOT_FOUND"),
                                ({"resourceUid": "r5"}, "input.resourceUid", "CONFLICT"),  # withdrawn
                                ({"leadOrganizationUid": "zz"}, "input.leadOrganizationUid", "NOT_FOUND")]:
        err = error(gql(client, CLAIM, {"i": {**base, **change}}, role="planner"))
        assert err["extensions"] == {"code": code, "field": field}, change
    assert count(fresh_seed, "MATCH (p:Project) RETURN count(p)") == 1


def test_concurrent_retries_write_once(fresh_seed, client):
    from concurrent.futures import ThreadPoolExecutor

    i = {"clientMutationId": "need-race-1", "title": "并发重试", "category": "other", "divisionCode": "510107005002"}
    with ThreadPoolExecutor(4) as pool:
        bodies = list(pool.map(lambda _: gql(client, PUBLISH_NEED, {"i": i}, role="planner"), range(4)))
    payloads = [data(b)["publishNeed"] for b in bodies]
    assert sorted(p["replayed"] for p in payloads) == [False, True, True, True]
    assert len({p["need"]["uid"] for p in payloads}) == 1
    assert count(fresh_seed, "MATCH (n:Need {title: '并发重试'}) RETURN count(n)") == 1
