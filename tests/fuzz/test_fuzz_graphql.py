"""GraphQL fuzzing with hypothesis-graphql: valid documents for every root field (queries and mutations, as
a planner) and documents with one schema violation. No 500, no stack trace, only well-formed GraphQL errors,
and never a masked INTERNAL error (an exception the API did not expect)."""

from __future__ import annotations

import json

import pytest
from fuzz_api import COMMUNITY, GRID, STREET, check_response, load_seed, make_client, post
from fuzz_budget import counted, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema, nodes

from api.schema import sdl

pytestmark = pytest.mark.neo4j

SDL = sdl()
# custom scalars: well-formed and malformed dates, as GraphQL string literals
SCALARS = {
    "Date": st.one_of(st.dates().map(lambda d: d.isoformat()), st.text(max_size=12)).map(nodes.String),
    "DateTime": st.one_of(st.datetimes().map(lambda d: d.isoformat()), st.text(max_size=20)).map(nodes.String),
}
# values of the seed graph by argument name: swapped into generated documents so the resolvers get past
# validation and run their named queries for real
POOLS: dict[str, tuple[str, ...]] = {
    "gridCode": (GRID, "510107005002001", "510107006001001"),
    "divisionCode": (COMMUNITY, STREET, "510107000000", "510100000000"),
    "communityCode": (COMMUNITY, "510107005002", "510107006001"),
    "parentCode": (STREET, "510107000000"), "code": (GRID, COMMUNITY, STREET), "scheme": ("LOCAL",),
    "uid": ("n:pc1", "n:pe1", "91350100M000100Y43", "n:ps1"), "uscc": ("91350100M000100Y43",),
    "text": ("锦城", "物业", "社区卫生"), "kind": ("enterprise", "party_org", "social_org"),
    "category": ("volunteer", "venue", "medical"), "categories": ("volunteer", "medical"),
    "status": ("open", "available", "ACTIVE", "claimed"), "industry": ("K", "Q"),
    "needUid": ("n1", "n2", "n3", "n4"), "resourceUid": ("r1", "r2", "r5"), "projectUid": ("pj1",),
    "providerUid": ("91350100M000100Y43", "12510107MB0000001Y"), "raisedByUid": ("91350100M000100Y43",),
    "leadOrganizationUid": ("91350100M000100Y43",), "to": ("in_progress", "delivered", "accepted"),
    "opensAt": ("09:00",), "closesAt": ("17:30",), "title": ("健康讲座需求",), "name": ("社区义诊",),
}

_COUNTS = frozenset({"first", "limit", "candidatesPerNeed", "uncoveredLimit"})


def with_real_values(query: str, draw: st.DrawFn) -> str:
    """The document with string arguments and input fields named in :data:`POOLS` replaced (each with
    probability 3/4) by a value of the seed graph, and ``clientMutationId`` made fresh."""
    from graphql import IntValueNode, StringValueNode, Visitor, parse, print_ast, visit

    class Swap(Visitor):
        def enter_argument(self, node, *_):  # type: ignore[no-untyped-def]
            return self._swap(node)

        def enter_object_field(self, node, *_):  # type: ignore[no-untyped-def]
            return self._swap(node)

        def _swap(self, node):  # type: ignore[no-untyped-def]
            name = node.name.value
            if name == "clientMutationId":
                value = f"fuzz-{draw(st.uuids()).hex}"
            elif name in POOLS and isinstance(node.value, StringValueNode) and draw(st.integers(0, 3)):
                value = draw(st.sampled_from(POOLS[name]))
            elif name in _COUNTS and isinstance(node.value, IntValueNode) and draw(st.integers(0, 3)):
                return node.__class__(name=node.name, value=IntValueNode(value=str(draw(st.integers(1, 20)))))
            else:
                return None
            return node.__class__(name=node.name, value=StringValueNode(value=value))

    return print_ast(visit(parse(query), Swap()))


@pytest.fixture(scope="module")
def client(driver):
    load_seed(driver)
    return make_client()


@fuzz_settings(100)
@given(query=from_schema(SDL, custom_scalars=SCALARS, allow_x00=False))
@counted
def test_valid_documents_never_fail_the_server(client, query):
    post(client, query)


@fuzz_settings(80)
@given(query=from_schema(SDL, custom_scalars=SCALARS, mode=Mode.NEGATIVE))
@counted
def test_invalid_documents_get_graphql_errors(client, query):
    status, body = post(client, query)
    assert status != 200 or body.get("errors"), body


def _per_field() -> dict[str, st.SearchStrategy[str]]:
    from graphql import build_schema

    schema = build_schema(SDL)
    names = [f for root in (schema.query_type, schema.mutation_type) if root for f in root.fields]
    return {name: from_schema(SDL, fields=[name], custom_scalars=SCALARS, allow_x00=False).map(str)
            for name in names}


PER_FIELD = _per_field()


@fuzz_settings(60)
@given(data=st.data(), field=st.sampled_from(sorted(PER_FIELD)), real=st.booleans())
@counted
def test_real_codes_in_every_root_field(client, data, field, real):
    """Each root field in turn; half the time with values of the seed graph (:func:`with_real_values`)."""
    query = data.draw(PER_FIELD[field])
    post(client, with_real_values(query, data.draw) if real else query)


@fuzz_settings(100)
@given(body=st.one_of(
    st.dictionaries(st.sampled_from(("query", "variables", "operationName", "extensions")),
                    st.one_of(st.none(), st.text(max_size=40), st.integers(), st.lists(st.integers(), max_size=2),
                              st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2)), max_size=4),
    st.lists(st.integers(), max_size=2), st.text(max_size=40), st.none()),
    role=st.sampled_from((None, "reader", "planner", "bogus")))
@counted
def test_malformed_http_bodies(client, body, role):
    headers = {} if role is None else {"X-API-Key": {"reader": "fuzz-reader-key", "planner": "fuzz-planner-key"}
                                       .get(role, "not-a-key")}
    resp = client.post("/graphql", content=json.dumps(body), headers={"content-type": "application/json", **headers})
    check_response(resp.status_code, resp.text, resp.headers.get("content-type", ""))


@fuzz_settings(60)
@given(raw=st.binary(max_size=300), ctype=st.sampled_from(("application/json", "application/graphql",
                                                           "multipart/form-data", "text/plain", "")))
@counted
def test_random_bytes_as_a_request(client, raw, ctype):
    resp = client.post("/graphql", content=raw, headers={"content-type": ctype})
    check_response(resp.status_code, resp.text, resp.headers.get("content-type", ""))
    resp = client.get("/graphql", params={"query": raw.decode("latin-1")}, headers={"accept": "application/json"})
    check_response(resp.status_code, resp.text, resp.headers.get("content-type", ""))


@pytest.mark.parametrize("at", ["1900-01-01T00:00:00", "2024-05-01T09:30:00+05:00:07", "0001-01-01T00:00:00+14:00",
                                "9999-12-31T23:59:59-12:00", "2024-05-01T09:30:00.123456"])
def test_available_at_odd_date_times(client, at):
    """Found by the long fuzz run: a date-time whose offset has seconds (Shanghai's LMT before 1901) reached
    Neo4j as text it cannot parse (a masked INTERNAL error). Now: an answer, or BAD_USER_INPUT naming it."""
    q = "query($at: DateTime) { resourcesForGrid(gridCode: $g, availableAt: $at) { grid { uid } } }"
    q = q.replace("query($at: DateTime)", "query($at: DateTime, $g: String!)")
    _, body = post(client, q, {"at": at, "g": GRID}, role="reader")
    for err in body.get("errors") or []:
        assert err.get("extensions") == {"code": "BAD_USER_INPUT", "field": "availableAt"} or \
            "cannot represent a DateTime" in err["message"], err
    if not body.get("errors"):
        assert body["data"]["resourcesForGrid"]["grid"]["uid"] == f"LOCAL:{GRID}"


@fuzz_settings(60)
@given(at=st.one_of(st.text(max_size=30), st.datetimes().map(lambda d: d.isoformat()),
                    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat())),
       day=st.one_of(st.text(max_size=12), st.dates().map(lambda d: d.isoformat())))
@counted
def test_date_scalars_in_variables(client, at, day):
    """Custom scalars through variables (the documents above carry literals): coercion errors are reported
    as such, never masked as INTERNAL."""
    post(client, "query($at: DateTime, $g: String!) { resourcesForGrid(gridCode: $g, availableAt: $at) "
                 "{ grid { uid } } }", {"at": at, "g": GRID}, role="reader")
    post(client, "mutation($d: Date) { publishNeed(input: {clientMutationId: \"fuzz-date-1\", title: \"日期\", "
                 "category: \"other\", divisionCode: \"510107005001\", neededBy: $d}) { replayed } }", {"d": day})
