"""Issue #11.2/#11.16/#11.18: costly documents are refused by their shape before validation, parse and validation
run off the event loop with caches that comments do not defeat, and every parse/validation error has a code.

No timing here: the tests assert the refusal and its code, which thread validated, and the order in which two
concurrent requests finished (the latencies are measured by ``gridlink/bench/dos_shapes.py``).
"""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest
from api_helpers import KEYS, error, gql

pytestmark = pytest.mark.neo4j

SAME_NAME = "{ " + " ".join(f'grid(code: "{i}") {{ uid }}' for i in range(220)) + " }"  # the 4.7 KB bomb


def _refusal(body: dict[str, object], limit: str) -> dict[str, object]:
    err = error(body)
    assert err["extensions"]["code"] == "QUERY_TOO_COMPLEX" and err["extensions"]["limit"] == limit, err
    return err


@pytest.fixture
def validations(monkeypatch):
    """Count graphql-core validations (and the thread each ran on)."""
    from api import guard

    calls: list[tuple[str, bool]] = []
    real = guard.validate_document

    def counting(schema, document, rules):  # type: ignore[no-untyped-def]
        try:
            asyncio.get_running_loop()
            on_loop = True
        except RuntimeError:
            on_loop = False
        calls.append((threading.current_thread().name, on_loop))
        return real(schema, document, rules)

    monkeypatch.setattr(guard, "validate_document", counting)
    return calls


def test_same_name_fields_are_refused_before_validation(seeded, client, validations):
    err = _refusal(gql(client, SAME_NAME), "sameNameFields")
    assert err["extensions"]["found"] == 220 and "'grid'" in err["message"]
    assert validations == [], "the bomb reached graphql-core's validation"


@pytest.mark.parametrize("document, limit", [
    # siblings: same-name fields merged from fragments and inline fragments into one selection set
    ("{ ...A ...B ...C } fragment A on Query { divisions { code } divisions { name } } "
     "fragment B on Query { divisions { code } divisions { level } } "
     "fragment C on Query { divisions { kind } divisions { code } }",
     "sameNameFields"),
    ("{ " + " ".join("... on Query { divisions { code } }" for _ in range(6)) + " }", "sameNameFields"),
    # nested: inside a field's own selection set
    ('{ grid(code: "1") { ' + "uid " * 6 + "} }", "sameNameFields"),
    # fragments that double at each step: 40 tokens, 2^20 fields once expanded
    ("{ ...F0 } " + " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(20))
     + " fragment F20 on Query { __typename }", "fields"),
    # depth, introspection fields included (strawberry's depth limiter skipped them)
    ("{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name }"
     " } } } } } } } } } } }", "depth"),
    ("{ " + " ".join(f"a{i}: __typename" for i in range(16)) + " }", "aliases"),
    ("{ " + "__typename " * 2001 + "}", "tokens"),
])
def test_costly_shapes_are_refused_naming_the_limit(seeded, client, validations, document, limit):
    _refusal(gql(client, document), limit)
    assert validations == []


def test_depth_counts_introspection_fields(seeded, make_client):
    small = make_client(GRIDLINK_API_MAX_DEPTH="3")
    assert gql(small, "{ __schema { types { fields { name } } } }")["data"]["__schema"]["types"]
    err = _refusal(gql(small, "{ __schema { types { fields { type { name } } } } }"), "depth")
    assert "exceeds maximum operation depth of 3" in err["message"]


def test_a_comment_does_not_defeat_the_validation_cache(seeded, client, validations):
    doc = '{ grid(code: "510107005001001") { uid name } divisions { code } }'
    first = gql(client, doc)
    for variant in ("# a comment\n" + doc, doc.replace(" ", "  "), "\n\n" + doc + "  # trailing"):
        assert gql(client, variant) == first
    assert len(validations) == 1, validations


def test_parse_and_validation_run_off_the_event_loop(seeded, client, validations):
    gql(client, '{ grid(code: "510107005002001") { code } }')
    assert validations and not any(on_loop for _, on_loop in validations), validations


def test_a_validating_document_does_not_hold_up_other_requests(seeded, make_client, monkeypatch):
    """While one client's document is being validated (held here until the other request is answered), a small
    query of another client is answered: validation does not occupy the event loop."""
    from api import guard

    app = make_client(GRIDLINK_API_ANONYMOUS_ROLE="reader").app
    release, held = threading.Event(), threading.Event()
    real = guard.validate_document
    order: list[str] = []

    def slow_validate(schema, document, rules):  # type: ignore[no-untyped-def]
        from graphql import print_ast

        if "heldDocument" in print_ast(document):
            held.set()
            release.wait(60)  # bounded: a loop-blocking regression fails below instead of hanging the suite
            order.append("validation released" if release.is_set() else "validation gave up")
        return real(schema, document, rules)

    monkeypatch.setattr(guard, "validate_document", slow_validate)

    async def scenario() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            slow = asyncio.create_task(c.post("/graphql", json={"query": "query heldDocument { divisions { code } }"}))
            while not held.is_set():
                await asyncio.sleep(0.01)
            small = await c.post("/graphql", json={"query": "{ __typename }"})
            order.append(f"small query answered {small.status_code}")
            release.set()
            assert (await slow).status_code == 200

    asyncio.run(scenario())
    assert order == ["small query answered 200", "validation released"], order


def test_several_operations_need_an_operation_name(seeded, client):
    doc = "query A { __typename } query B { divisions { code } }"
    err = error(gql(client, doc))
    assert err["extensions"]["code"] == "OPERATION_NAME_REQUIRED" and "operationName" in err["message"]
    resp = client.post("/graphql", json={"query": doc, "operationName": "B"})
    assert resp.json()["data"] == {"divisions": [{"code": "510100000000"}]}


@pytest.mark.parametrize("document, variables, code", [
    ("{ divisions { code }", None, "GRAPHQL_PARSE_FAILED"),
    ("{ nope }", None, "GRAPHQL_VALIDATION_FAILED"),
    ('{ grids(communityCode: "510107005001", first: "x") { totalCount } }', None, "GRAPHQL_VALIDATION_FAILED"),
    ("query($l: Int!) { resourcesForGrid(gridCode: \"g\", limit: $l) { grid { uid } } }", {"l": "x"},
     "BAD_USER_INPUT"),
    ("query($at: DateTime) { resourcesForGrid(gridCode: \"510107005001001\", availableAt: $at) { grid { uid } } }",
     {"at": "not a date"}, "BAD_USER_INPUT"),
])
def test_parse_validation_and_coercion_errors_have_a_code(seeded, client, document, variables, code):
    body = gql(client, document, variables)
    assert body["errors"] and all(e["extensions"]["code"] == code for e in body["errors"]), body


def test_error_messages_quote_a_short_prefix_of_values(seeded, client):
    huge = "9" * 950_000
    for doc in ("query($v: String!) { division(code: $v) { code } }", "query($v: Int!) { grids(communityCode: "
                '"510107005001", first: $v) { totalCount } }'):
        resp = client.post("/graphql", json={"query": doc, "variables": {"v": huge}},
                           headers={"X-API-Key": KEYS["reader"]})
        assert resp.status_code == 200 and len(resp.content) < 2_000, len(resp.content)
        assert resp.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
