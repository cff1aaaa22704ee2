"""Limits, roles, personal fields, masking of unexpected errors, and the introspection/GraphiQL switches."""

from __future__ import annotations

import logging

import pytest
from api_helpers import KEYS, data, error, gql

pytestmark = pytest.mark.neo4j

PARTY_ORG = '{ organization(uid: "n:pe1") { name secretaryName contactPhone } }'
PARTY = '{ partyOrganization(uid: "n:pc1") { name secretaryName contactPhone } }'
NEED = """mutation { publishNeed(input: {clientMutationId: "role-test-1", title: "测试需求", category: "other",
  divisionCode: "510107005001"}) { need { uid } } }"""


def test_personal_fields_never_reach_readers(seeded, client):
    for role in ("reader", None):
        assert data(gql(client, PARTY_ORG, role=role))["organization"] == {
            "name": "中共成都锦城物业管理有限公司支部委员会", "secretaryName": None, "contactPhone": None}
        assert data(gql(client, PARTY, role=role))["partyOrganization"]["secretaryName"] is None
        search = '{ searchOrganizations(text: "锦城物业") { nodes { uid secretaryName contactPhone } } }'
        assert all(n["secretaryName"] is None and n["contactPhone"] is None
                   for n in data(gql(client, search, role=role))["searchOrganizations"]["nodes"])
    for role in ("planner", "admin"):
        assert data(gql(client, PARTY_ORG, role=role))["organization"] == {
            "name": "中共成都锦城物业管理有限公司支部委员会", "secretaryName": "张三", "contactPhone": "13800000001"}
    # planner sees them through every path, e.g. the area listing
    q = '{ organizations(gridCode: "510107005001001", filter: {kind: "party_org"}) { nodes { uid contactPhone } } }'
    assert data(gql(client, q, role="planner"))["organizations"]["nodes"] == [
        {"uid": "n:pe1", "contactPhone": "13800000001"}, {"uid": "n:pg1", "contactPhone": None}]


def test_mutations_need_the_planner_role(fresh_seed, client):
    for role in ("reader", None):
        err = error(gql(client, NEED, role=role))
        assert err["extensions"] == {"code": "FORBIDDEN"} and "planner" in err["message"]
    assert fresh_seed.execute_query("MATCH (n:Need {title: '测试需求'}) RETURN count(n)",
                                    database_="neo4j").records[0][0] == 0
    assert data(gql(client, NEED, role="admin"))["publishNeed"]["need"]["uid"].startswith("need-")


def test_api_keys(seeded, client, make_client):
    resp = client.post("/graphql", json={"query": "{ divisions { code } }"}, headers={"X-API-Key": "wrong"})
    assert resp.status_code == 401 and "unknown API key" in resp.text
    closed = make_client(GRIDLINK_API_KEYS=f"{KEYS['reader']}:reader", GRIDLINK_API_ANONYMOUS_ROLE="")
    resp = closed.post("/graphql", json={"query": "{ divisions { code } }"})
    assert resp.status_code == 401 and "X-API-Key" in resp.text
    ok = closed.post("/graphql", json={"query": "{ divisions { code } }"}, headers={"X-API-Key": KEYS["reader"]})
    assert ok.status_code == 200 and ok.json()["data"]["divisions"] == [{"code": "510100000000"}]


def test_depth_alias_token_and_page_limits(seeded, client, make_client):
    small = make_client(GRIDLINK_API_MAX_DEPTH="3", GRIDLINK_API_MAX_ALIASES="2", GRIDLINK_API_MAX_TOKENS="60",
                        GRIDLINK_API_MAX_PAGE_SIZE="5")
    deep = '{ grid(code: "510107005001001") { community { code } } }'  # depth 2
    assert data(gql(small, deep, role=None))["grid"]["community"] == {"code": "510107005001"}
    deeper = '{ partyChain(divisionCode: "510107005000") { communities { grids { grid { code } } } } }'
    assert "exceeds maximum operation depth of 3" in error(gql(small, deeper, role=None))["message"]
    aliases = '{ a: divisions { code } b: divisions { code } c: divisions { code } }'
    assert "3 aliases found. Allowed: 2" in error(gql(small, aliases, role=None))["message"]
    tokens = "{ " + " ".join("divisions { code name level kind childCount gridCount }" for _ in range(8)) + " }"
    assert "Document contains more than 60 tokens" in error(gql(small, tokens, role=None))["message"]
    err = error(gql(small, '{ grids(communityCode: "510107005001", first: 6) { nodes { code } } }', role=None))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "first"} and "between 1 and 5" in err["message"]
    # the defaults: page size 100
    err = error(gql(client, '{ grids(communityCode: "510107005001", first: 101) { nodes { code } } }'))
    assert err["extensions"]["field"] == "first"
    err = error(gql(client, '{ grids(communityCode: "510107005001", after: "%%%") { nodes { code } } }'))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}


def test_batching_is_off(seeded, client):
    resp = client.post("/graphql", json=[{"query": "{ divisions { code } }"}] * 2)
    assert resp.status_code == 400 and "Batching is not enabled" in resp.text


def test_unexpected_errors_are_masked_and_logged_with_an_id(seeded, client, monkeypatch, caplog):
    from api import db

    def boom(name, params):
        raise RuntimeError("secret internals of " + name)

    monkeypatch.setattr(db, "read_sync", boom)  # a fault inside the API, not a stand-in for Neo4j
    with caplog.at_level(logging.ERROR, logger="api.schema"):
        err = error(gql(client, "{ divisions { code } }"))
    assert "secret" not in err["message"] and err["extensions"]["code"] == "INTERNAL"
    error_id = err["extensions"]["errorId"]
    assert error_id in err["message"]
    assert any(error_id in r.getMessage() and r.exc_info and "secret internals" in str(r.exc_info[1])
               for r in caplog.records)


def test_introspection_and_graphiql_switches(seeded, client, make_client):
    intro = "{ __schema { queryType { name } } }"
    assert data(gql(client, intro))["__schema"] == {"queryType": {"name": "Query"}}
    assert client.get("/graphql", headers={"Accept": "text/html"}).status_code == 200
    locked = make_client(GRIDLINK_API_INTROSPECTION="false", GRIDLINK_API_GRAPHIQL="false")
    errors = gql(locked, intro)["errors"]
    assert errors and all("introspection has been disabled" in e["message"] for e in errors)
    assert locked.get("/graphql", headers={"Accept": "text/html"}).status_code == 404
    assert data(gql(locked, "{ divisions { code } }"))["divisions"] == [{"code": "510100000000"}]


def test_health_and_openapi(seeded, client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    assert "/readyz" in client.get("/openapi.json").json()["paths"]


def test_client_errors_are_logged_without_their_values(caplog) -> None:  # type: ignore[no-untyped-def]
    import asyncio
    import logging

    from api.schema import build_schema
    from api.settings import ApiSettings

    schema = build_schema(ApiSettings())
    secret = "13800138000-张三-" + "x" * 1000
    with caplog.at_level(logging.DEBUG):
        result = asyncio.run(schema.execute(
            'query ($l: Int!) { resourcesForGrid(gridCode: "g", limit: $l) { matches { score } } }',
            variable_values={"l": secret}))
    # a client error (not masked as INTERNAL) that tells the client what it sent
    assert result.errors and "Variable '$l'" in result.errors[0].message and "张三" in result.errors[0].message
    assert caplog.records, "the error must still be logged"
    assert all(secret not in r.getMessage() and "张三" not in r.getMessage() for r in caplog.records)
