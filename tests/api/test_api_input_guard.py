"""Issue #11.5/#11.6: client input never produces INTERNAL — every string argument is checked for text Neo4j
cannot take, offset cursors are checked before ``int`` — and queries over the cost limit of a role are refused."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from api_helpers import KEYS, data, error, gql
from graphql import (
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    build_schema,
    get_named_type,
)

from api.schema import sdl

pytestmark = pytest.mark.neo4j

LONE = "ab\ud800cd"  # a lone surrogate: valid JSON and a valid GraphQL String, not encodable as UTF-8
SCHEMA = build_schema(sdl())
# values for the required arguments that are not under test, by name (any type-correct value will do: the string
# check runs before the resolver looks at them)
FILLER: dict[str, Any] = {"String": "510107005001", "Int": 1, "Float": 1.0, "Boolean": True, "Date": "2024-01-01",
                          "DateTime": "2024-01-01T09:00:00"}


def _filled(t: Any) -> Any:
    """A type-correct value of input type ``t`` (input objects: their required fields only)."""
    named = get_named_type(t)
    if isinstance(named, GraphQLInputObjectType):
        value = {name: _filled(f.type) for name, f in named.fields.items() if isinstance(f.type, GraphQLNonNull)}
    else:
        value = FILLER[named.name]
    inner = t.of_type if isinstance(t, GraphQLNonNull) else t
    return [value] if isinstance(inner, GraphQLList) else value


def _string_slots(t: Any, path: str) -> list[tuple[str, Any]]:
    """Every place a string goes in a value of input type ``t``: (field path, the value with LONE there)."""
    named = get_named_type(t)
    inner = t.of_type if isinstance(t, GraphQLNonNull) else t
    is_list = isinstance(inner, GraphQLList)
    if isinstance(named, GraphQLScalarType):
        if named.name != "String":
            return []
        return [(f"{path}[0]", [LONE])] if is_list else [(path, LONE)]
    assert isinstance(named, GraphQLInputObjectType)
    slots = []
    for name, f in named.fields.items():
        for sub, v in _string_slots(f.type, f"{path}.{name}"):
            value = {**_filled(named), name: v}
            slots.append((sub, [value] if is_list else value))
    return slots


def _cases() -> list[tuple[str, str, str, dict[str, Any], str]]:
    """(operation, field, document, variables, the field the error must name) for every string argument."""
    cases = []
    for op, root in (("query", SCHEMA.query_type), ("mutation", SCHEMA.mutation_type)):
        assert root is not None
        for fname, fdef in root.fields.items():
            for aname, adef in fdef.args.items():
                others = {n: a for n, a in fdef.args.items() if n != aname and isinstance(a.type, GraphQLNonNull)}
                decl = ", ".join(f"${n}: {a.type}" for n, a in {aname: adef, **others}.items())
                call = ", ".join(f"{n}: ${n}" for n in {aname: adef, **others})
                selection = "" if isinstance(get_named_type(fdef.type), GraphQLScalarType) else " { __typename }"
                doc = f"{op}({decl}) {{ {fname}({call}){selection} }}"
                for path, value in _string_slots(adef.type, aname):
                    variables = {aname: value, **{n: _filled(a.type) for n, a in others.items()}}
                    cases.append((op, fname, doc, variables, path))
    return cases


CASES = _cases()


def test_every_string_argument_is_covered():
    named = {(f, p) for _, f, _, _, p in CASES}
    # the ones issue #11 found, and input objects of mutations
    assert {("organization", "uid"), ("searchOrganizations", "text"), ("organizations", "filter.industry"),
            ("partyOrganization", "uid"), ("publishNeed", "input.title"), ("resourcesForGrid", "categories[0]"),
            } <= named
    assert len(CASES) > 40


@pytest.mark.parametrize("op, field, document, variables, path", CASES, ids=[f"{c[1]}.{c[4]}" for c in CASES])
def test_a_lone_surrogate_is_bad_user_input_naming_the_argument(seeded, client, op, field, document, variables,
                                                                 path):
    # json.dumps escapes the surrogate as \\ud800 (httpx's own encoder would refuse to send it)
    resp = client.post("/graphql", content=json.dumps({"query": document, "variables": variables}),
                       headers={"content-type": "application/json", "X-API-Key": KEYS["planner"]})
    err = error(resp.json())
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": path}, err


@pytest.mark.parametrize("cursor", [
    base64.b64encode("²".encode()).decode(),  # "wrI=": isdigit() but not int()
    base64.b64encode(b"7" * 5_000).decode(),  # over int()'s digit limit
    base64.b64encode("١٢".encode()).decode(),  # Arabic-Indic digits: isdecimal(), not ASCII
    base64.b64encode(b"n:pc1").decode(),  # a uid cursor of another list
])
def test_search_cursors_that_are_not_offsets(seeded, client, cursor):
    err = error(gql(client, 'query($a: String) { searchOrganizations(text: "锦城", after: $a) { totalCount } }',
                    {"a": cursor}))
    assert err["extensions"] == {"code": "BAD_USER_INPUT", "field": "after"}, err


def test_search_cursors_still_page(seeded, client):
    q = 'query($a: String) { searchOrganizations(text: "锦城", first: 1, after: $a) { nodes { uid } pageInfo { ' \
        "endCursor hasNextPage } } }"
    first = data(gql(client, q, {"a": None}))["searchOrganizations"]
    assert first["pageInfo"]["hasNextPage"]
    second = data(gql(client, q, {"a": first["pageInfo"]["endCursor"]}))["searchOrganizations"]
    assert second["nodes"] and second["nodes"] != first["nodes"]


OPEN_NEEDS = ("{ " + " ".join(f'a{i}: openNeeds(divisionCode: "510107000000", first: 100, candidatesPerNeed: 20) '
                              "{ nodes { uid title candidates { score resource { uid name } } } }"
                              for i in range(15)) + " }")


def test_costly_queries_are_refused_with_the_cost_and_the_limit(seeded, client):
    err = error(gql(client, OPEN_NEEDS, role="admin"))
    ext = err["extensions"]
    assert ext["code"] == "QUERY_TOO_COSTLY" and ext["cost"] > ext["limit"] == 50_000, err
    # one alias of it, as a planner: 100 needs × (2 + 20 candidates × 4)
    one = OPEN_NEEDS.split(" a1:")[0] + " }"
    assert "errors" not in gql(client, one, role="planner")


def test_the_cost_limit_is_per_role(seeded, make_client):
    small = make_client(GRIDLINK_API_MAX_COST_READER="50", GRIDLINK_API_MAX_COST_PLANNER="500")
    q = '{ grids(communityCode: "510107005001", first: 20) { nodes { code name } } }'  # 1 + 20 × (1 + 2) = 61
    err = error(gql(small, q, role="reader"))
    assert err["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 61, "limit": 50}, err
    assert data(gql(small, q, role="planner"))["grids"]["nodes"]
    # page sizes given as variables count too
    q2 = 'query($n: Int) { grids(communityCode: "510107005001", first: $n) { nodes { code name } } }'
    assert error(gql(small, q2, {"n": 20}, role="reader"))["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert data(gql(small, q2, {"n": 5}, role="reader"))["grids"]


def test_a_remembered_cost_is_checked_again_per_role_and_page_size(seeded, make_client):
    # the cost of a document is cached (issue #15): the next request must still meet its own role's limit, and a
    # page size given as a variable must still count
    small = make_client(GRIDLINK_API_MAX_COST_READER="50", GRIDLINK_API_MAX_COST_PLANNER="500")
    q = 'query($n: Int) { grids(communityCode: "510107005001", first: $n) { nodes { code name } } }'
    assert data(gql(small, q, {"n": 20}, role="planner"))["grids"]  # 1 + 20 × 3 = 61 ≤ 500: admitted, remembered
    err = error(gql(small, q, {"n": 20}, role="reader"))
    assert err["extensions"] == {"code": "QUERY_TOO_COSTLY", "cost": 61, "limit": 50}, err
    assert data(gql(small, q, {"n": 5}, role="reader"))["grids"]  # 16
    assert error(gql(small, q, {"n": 20}, role="reader"))["extensions"]["cost"] == 61
    assert error(gql(small, q, {"n": 17}, role="reader"))["extensions"]["cost"] == 52
