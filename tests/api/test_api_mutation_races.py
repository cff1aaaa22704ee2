"""Mutations under real concurrency: 8 callers at once, each with its own clientMutationId, exactly one wins.

Neo4j reads committed data without locks, so a status check that reads before it writes lets several concurrent
transactions see the same "open" need; every mutation takes the write lock before it checks (issue #11.1). The
callers start together at a barrier and go through the HTTP API into the real database; nothing here measures time.
"""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from api_helpers import data, gql
from test_api_mutations import ADVANCE, CLAIM, PUBLISH_NEED, count

pytestmark = pytest.mark.neo4j
CALLERS = 8


def together(client: Any, query: str, inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """POST one mutation per input from its own thread, all released at once; the response bodies in order."""
    gate = threading.Barrier(len(inputs))

    def call(i: dict[str, Any]) -> dict[str, Any]:
        gate.wait()
        return gql(client, query, {"i": i}, role="planner")

    with ThreadPoolExecutor(len(inputs)) as pool:
        return list(pool.map(call, inputs))


def outcomes(bodies: list[dict[str, Any]]) -> Counter[str]:
    """``ok`` or the error code of each response."""
    return Counter("ok" if "errors" not in b else b["errors"][0]["extensions"]["code"] for b in bodies)


def winner(bodies: list[dict[str, Any]], inputs: list[dict[str, Any]], root: str) -> tuple[dict[str, Any], Any]:
    """The input and payload of the one successful call."""
    won = [(i, b["data"][root]) for i, b in zip(inputs, bodies, strict=True) if "errors" not in b]
    assert len(won) == 1, won
    return won[0]


def test_concurrent_claims_of_one_need_make_one_project(fresh_seed, client):
    inputs = [{"clientMutationId": f"claim-race-{k}", "needUid": "n1", "resourceUid": "r2"} for k in range(CALLERS)]
    bodies = together(client, CLAIM, inputs)
    assert outcomes(bodies) == {"ok": 1, "CONFLICT": CALLERS - 1}
    assert {b["errors"][0]["extensions"]["field"] for b in bodies if "errors" in b} == {"input.needUid"}
    _, won = winner(bodies, inputs, "claimNeed")
    assert won["project"]["need"] == {"uid": "n1", "status": "claimed"}
    assert count(fresh_seed, "MATCH (p:Project)-[:ADDRESSES]->(:Need {uid: 'n1'}) RETURN count(p)") == 1
    # the losers' transactions were rolled back: only the winner's id is recorded, and no lock flag stays behind
    assert count(fresh_seed, "MATCH (m:ClientMutation) WHERE m.clientMutationId STARTS WITH 'claim-race-' "
                             "RETURN count(m)") == 1
    assert count(fresh_seed, "MATCH (x) WHERE x._lock IS NOT NULL RETURN count(x)") == 0


def test_concurrent_retries_of_one_claim_replay_the_winner(fresh_seed, client):
    i = {"clientMutationId": "claim-retry-1", "needUid": "n1", "resourceUid": "r2"}
    bodies = together(client, CLAIM, [i] * CALLERS)
    payloads = [data(b)["claimNeed"] for b in bodies]  # a retry is a replay, never a CONFLICT with itself
    assert sorted(p["replayed"] for p in payloads) == [False] + [True] * (CALLERS - 1)
    assert len({p["project"]["uid"] for p in payloads}) == 1
    assert count(fresh_seed, "MATCH (p:Project)-[:ADDRESSES]->(:Need {uid: 'n1'}) RETURN count(p)") == 1


def _claimed_project(client: Any) -> str:
    got = data(gql(client, CLAIM, {"i": {"clientMutationId": "claim-base-1", "needUid": "n1", "resourceUid": "r2"}},
                   role="planner"))
    return str(got["claimNeed"]["project"]["uid"])


def test_concurrent_identical_steps_are_done_once_and_keep_the_winners_date(fresh_seed, client):
    pid = _claimed_project(client)
    inputs = [{"clientMutationId": f"adv-race-{k}", "projectUid": pid, "to": "in_progress",
               "on": f"2026-03-{k + 1:02d}"} for k in range(CALLERS)]
    bodies = together(client, ADVANCE, inputs)
    assert outcomes(bodies) == {"ok": 1, "CONFLICT": CALLERS - 1}
    assert {b["errors"][0]["extensions"]["field"] for b in bodies if "errors" in b} == {"input.to"}
    first, won = winner(bodies, inputs, "advanceProject")
    stored = fresh_seed.execute_query("MATCH (p:Project {uid: $u}) RETURN p.status AS s, toString(p.startedOn) AS d",
                                      u=pid, database_="neo4j").records[0]
    assert (stored["s"], stored["d"]) == ("in_progress", first["on"]) == (won["project"]["status"],
                                                                          won["project"]["startedOn"])


def test_concurrent_acceptances_do_not_overwrite_the_rating(fresh_seed, client):
    pid = _claimed_project(client)
    for k, (to, on) in enumerate([("in_progress", "2026-03-01"), ("delivered", "2026-03-02")]):
        data(gql(client, ADVANCE, {"i": {"clientMutationId": f"adv-step-{k}", "projectUid": pid, "to": to,
                                         "on": on}}, role="planner"))
    inputs = [{"clientMutationId": f"acc-race-{k}", "projectUid": pid, "to": "accepted", "on": "2026-03-03",
               "evaluation": f"评价{k}", "rating": k % 5 + 1} for k in range(CALLERS)]
    bodies = together(client, ADVANCE, inputs)
    assert outcomes(bodies) == {"ok": 1, "CONFLICT": CALLERS - 1}
    first, won = winner(bodies, inputs, "advanceProject")
    stored = fresh_seed.execute_query("MATCH (p:Project {uid: $u}) RETURN p.evaluation AS e, p.rating AS r",
                                      u=pid, database_="neo4j").records[0]
    assert (stored["e"], stored["r"]) == (first["evaluation"], first["rating"])
    assert (won["project"]["evaluation"], won["project"]["rating"]) == (first["evaluation"], first["rating"])


def test_concurrent_publishes_with_different_ids_each_write_once(fresh_seed, client):
    """The sibling without a state check: 8 different ids are 8 needs, none lost to the locks on the grid."""
    inputs = [{"clientMutationId": f"need-many-{k}", "title": f"并发需求{k}", "category": "other",
               "gridCode": "510107005001001"} for k in range(CALLERS)]
    bodies = together(client, PUBLISH_NEED, inputs)
    assert outcomes(bodies) == {"ok": CALLERS}
    assert count(fresh_seed, "MATCH (n:Need)-[:IN_GRID]->(:Grid {code: '510107005001001'}) "
                             "WHERE n.title STARTS WITH '并发需求' RETURN count(n)") == CALLERS
