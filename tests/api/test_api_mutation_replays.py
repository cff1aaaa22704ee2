"""Replays return the first result (issue #11.14) and step dates must be possible (issue #11.13).

A replay (same clientMutationId, same input) must answer what the first request answered, even after the entity
moved on — for every mutation. Each test changes the entity after the first call and replays.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from api_helpers import data, error, gql
from test_api_mutations import ADVANCE, CLAIM, PUBLISH_NEED, PUBLISH_RESOURCE, count

pytestmark = pytest.mark.neo4j


def beijing_today() -> datetime:
    return datetime.now(ZoneInfo("Asia/Shanghai"))


def day(offset: int) -> str:
    """The Beijing date ``offset`` days from today, ISO."""
    return (beijing_today() + timedelta(days=offset)).date().isoformat()


def call(client: Any, query: str, i: dict[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = next(iter(data(gql(client, query, {"i": i}, role="planner")).values()))
    return payload


def test_replayed_publish_need_returns_it_open_though_it_was_claimed_since(fresh_seed, client):
    i = {"clientMutationId": "need-replay-1", "title": "重放需求", "category": "medical", "urgency": 1,
         "neededBy": day(30), "gridCode": "510107005001001", "raisedByUid": "n:pc1"}
    first = call(client, PUBLISH_NEED, i)
    assert first["need"]["status"] == "open"
    call(client, CLAIM, {"clientMutationId": "claim-replay-0", "needUid": first["need"]["uid"], "resourceUid": "r2"})
    again = call(client, PUBLISH_NEED, i)
    assert again == {**first, "replayed": True}  # dates come back as dates: neededBy is the same ISO string


def test_replayed_publish_resource_returns_the_first_result(fresh_seed, client):
    i = {"clientMutationId": "res-replay-1", "name": "重放资源", "category": "venue",
         "providerUid": "52510107MJ0000001A", "gridCode": "510107005001001", "availableFrom": day(-10),
         "availableTo": day(100), "weekdays": [6, 7]}
    first = call(client, PUBLISH_RESOURCE, i)
    uid = first["resource"]["uid"]
    fresh_seed.execute_query("MATCH (r:Resource {uid: $u}) SET r.status = 'withdrawn', r.name = '改名'", u=uid,
                             database_="neo4j")
    again = call(client, PUBLISH_RESOURCE, i)
    assert again == {**first, "replayed": True}
    assert again["resource"]["status"] == "available"


def test_replayed_claim_and_steps_return_their_first_results(fresh_seed, client):
    claim = {"clientMutationId": "claim-replay-1", "needUid": "n1", "resourceUid": "r2"}
    claimed = call(client, CLAIM, claim)
    pid = claimed["project"]["uid"]
    start = {"clientMutationId": "adv-replay-1", "projectUid": pid, "to": "in_progress", "on": day(-5)}
    started = call(client, ADVANCE, start)
    assert call(client, CLAIM, claim) == {**claimed, "replayed": True}  # still "claimed", the first answer
    deliver = {"clientMutationId": "adv-replay-2", "projectUid": pid, "to": "delivered", "on": day(-1)}
    delivered = call(client, ADVANCE, deliver)
    assert call(client, ADVANCE, start) == {**started, "replayed": True}
    assert started["project"]["status"] == "in_progress" and started["project"]["deliveredOn"] is None
    assert call(client, ADVANCE, deliver)["project"] == delivered["project"]


@pytest.mark.parametrize(("to", "on", "previous"), [
    ("in_progress", 1, []),  # tomorrow (Beijing): not yet happened
    ("in_progress", 3650, []),
    ("delivered", -20, [("in_progress", -10)]),  # delivered before it started
    ("accepted", -15, [("in_progress", -20), ("delivered", -10)]),  # accepted before it was delivered
])
def test_impossible_step_dates_are_refused_naming_the_field(fresh_seed, client, to, on, previous):
    pid = call(client, CLAIM, {"clientMutationId": "claim-date-1", "needUid": "n1", "resourceUid": "r2"})[
        "project"]["uid"]
    for k, (step, offset) in enumerate(previous):
        call(client, ADVANCE, {"clientMutationId": f"adv-date-prev-{k}", "projectUid": pid, "to": step,
                               "on": day(offset)})
    i = {"clientMutationId": "adv-date-1", "projectUid": pid, "to": to, "on": day(on)}
    if to == "accepted":
        i |= {"evaluation": "满意", "rating": 4}
    err = error(gql(client, ADVANCE, {"i": i}, role="planner"))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.on"}, err
    assert err["message"].startswith("input.on: ")
    # nothing written: the status is the previous step's and the refused id is not recorded
    status = fresh_seed.execute_query("MATCH (p:Project {uid: $u}) RETURN p.status", u=pid,
                                      database_="neo4j").records[0][0]
    assert status == (previous[-1][0] if previous else "claimed")
    assert count(fresh_seed, "MATCH (m:ClientMutation {clientMutationId: 'adv-date-1'}) RETURN count(m)") == 0


def test_same_day_steps_and_today_are_accepted(fresh_seed, client):
    pid = call(client, CLAIM, {"clientMutationId": "claim-date-2", "needUid": "n1", "resourceUid": "r2"})[
        "project"]["uid"]
    for k, to in enumerate(["in_progress", "delivered"]):
        p = call(client, ADVANCE, {"clientMutationId": f"adv-date-ok-{k}", "projectUid": pid, "to": to,
                                   "on": day(0)})["project"]
        assert p["status"] == to
    p = call(client, ADVANCE, {"clientMutationId": "adv-date-ok-2", "projectUid": pid, "to": "accepted",
                               "evaluation": "满意", "rating": 4})["project"]  # no date: today in Beijing
    assert p["acceptedOn"] == day(0)


@pytest.mark.parametrize(("query", "base", "field"), [
    (PUBLISH_NEED, {"title": "过期需求", "category": "other", "gridCode": "510107005001001"}, "neededBy"),
    (PUBLISH_RESOURCE, {"name": "过期资源", "category": "venue", "providerUid": "52510107MJ0000001A",
                        "gridCode": "510107005001001"}, "availableTo"),
])
def test_publishing_with_a_date_already_past_is_refused(fresh_seed, client, query, base, field):
    """Siblings of #11.13: a need due yesterday or a resource that ended yesterday could never be used."""
    err = error(gql(client, query, {"i": {"clientMutationId": "past-date-1", **base, field: day(-1)}},
                    role="planner"))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": f"input.{field}"}
    ok = call(client, query, {"clientMutationId": "past-date-2", **base, field: day(0)})
    assert ok["replayed"] is False


def test_a_record_from_before_first_results_were_stored_still_replays(fresh_seed, client):
    """Graphs written by an older gridlink hold {"mutation", "uid"} as the result: a replay answers the entity."""
    fresh_seed.execute_query(
        "CREATE (:ClientMutation {clientMutationId: 'legacy-0001', mutation: 'claimNeed', inputHash: $h, "
        "entityUid: 'pj1', nonce: 'old', result: '{\"mutation\": \"claimNeed\", \"uid\": \"pj1\"}'})",
        h=claim_hash({"need_uid": "n4", "resource_uid": "r4"}), database_="neo4j")
    got = call(client, CLAIM, {"clientMutationId": "legacy-0001", "needUid": "n4", "resourceUid": "r4"})
    assert got["replayed"] is True and got["project"]["uid"] == "pj1" and got["project"]["status"] == "accepted"


def claim_hash(fields: dict[str, Any]) -> str:
    from api.inputs import ClaimNeedModel, input_hash

    return input_hash(ClaimNeedModel.model_validate({"client_mutation_id": "legacy-0001", **fields}))
