"""Cypher-injection strings in every text argument of the GraphQL API (found in the schema, so a new
argument is covered without editing this file): answered as data or refused as bad input, never executed —
the graph's node counts do not move for queries, and a mutation stores the string verbatim."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fuzz_api import COMMUNITY, GRID, ORG, load_seed, make_client, node_counts, post
from fuzz_budget import TALLY, scale
from fuzz_files import FORMULAS, INJECTIONS
from graphql import (
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    build_schema,
)

from api.schema import sdl

pytestmark = pytest.mark.neo4j

SCHEMA = build_schema(sdl())
VALUES = INJECTIONS + FORMULAS[:2]
# valid values for the arguments a field needs besides the one under test
DEFAULTS: dict[str, Any] = {"code": COMMUNITY, "divisionCode": COMMUNITY, "communityCode": COMMUNITY,
                            "gridCode": GRID, "uid": "n:pc1", "text": "锦城", "longitude": 104.004,
                            "latitude": 30.604}
INPUTS: dict[str, dict[str, Any]] = {
    "publishNeed": {"title": "注入测试需求", "category": "volunteer", "divisionCode": COMMUNITY},
    "publishResource": {"name": "注入测试资源", "category": "venue", "providerUid": ORG, "gridCode": GRID},
    "claimNeed": {"needUid": "n1", "resourceUid": "r1"},
    "advanceProject": {"projectUid": "pj1", "to": "in_progress"},
}
# what each root field returns: enough to be a valid selection
SELECT = "{ __typename }"


def _unwrap(t: Any) -> Any:
    while isinstance(t, GraphQLNonNull | GraphQLList):
        t = t.of_type
    return t


def _is_text(t: Any) -> bool:
    inner = _unwrap(t)
    return isinstance(inner, GraphQLScalarType) and inner.name == "String"


def _targets() -> list[tuple[str, str, str]]:
    """(root, field, argument path) for every String argument and String input field."""
    out = []
    for root in (SCHEMA.query_type, SCHEMA.mutation_type):
        assert root is not None
        for fname, field in root.fields.items():
            for aname, arg in field.args.items():
                if _is_text(arg.type):
                    out.append((root.name, fname, aname))
                inner = _unwrap(arg.type)
                if isinstance(inner, GraphQLInputObjectType):
                    out += [(root.name, fname, f"{aname}.{k}") for k, f in inner.fields.items()
                            if _is_text(f.type) and k != "clientMutationId"]
    return out


TARGETS = _targets()


def _document(root: str, fname: str, path: str, value: str) -> tuple[str, dict[str, Any]]:
    """A document calling ``fname`` with ``value`` at ``path`` (through a variable), the rest valid."""
    field = (SCHEMA.query_type if root == "Query" else SCHEMA.mutation_type).fields[fname]  # type: ignore[union-attr]
    arg, _, sub = path.partition(".")
    variables: dict[str, Any] = {}
    decls, passed = [], []
    for aname, a in field.args.items():
        if aname == arg and not sub:
            variables[aname] = [value] if isinstance(_unwrap_nonnull(a.type), GraphQLList) else value
        elif isinstance(_unwrap(a.type), GraphQLInputObjectType) and (aname == arg or isinstance(a.type,
                                                                                                GraphQLNonNull)):
            body = dict(INPUTS.get(fname, {}))
            if fname in INPUTS:
                body["clientMutationId"] = f"fuzz-{uuid.uuid4().hex}"
            if sub:
                body[sub] = value
                if sub in ("gridCode", "divisionCode"):  # exactly one place
                    body.pop("divisionCode" if sub == "gridCode" else "gridCode", None)
            variables[aname] = body
        elif isinstance(a.type, GraphQLNonNull) and a.default_value is None or (
                aname == "gridCode" and "divisionCode" in field.args and arg not in ("gridCode", "divisionCode")):
            variables[aname] = DEFAULTS[aname]
        else:
            continue
        decls.append(f"${aname}: {a.type}")
        passed.append(f"{aname}: ${aname}")
    ret = _unwrap(field.type)
    selection = SELECT if isinstance(ret, GraphQLObjectType) else ""
    doc = f"{root.lower()} Q({', '.join(decls)}) {{ {fname}({', '.join(passed)}) {selection} }}"
    return doc, variables


def _unwrap_nonnull(t: Any) -> Any:
    return t.of_type if isinstance(t, GraphQLNonNull) else t


def _values(index: int) -> tuple[str, ...]:
    """All strings in long runs; in CI a rotating five per argument (every string is still used)."""
    if scale() > 1:
        return VALUES
    return tuple(VALUES[(index * 5 + i) % len(VALUES)] for i in range(5))


@pytest.fixture(scope="module")
def client(driver):
    load_seed(driver)
    return make_client()


def test_every_text_argument_is_covered():
    names = {f"{f}.{p}" for _, f, p in TARGETS}
    for expected in ("searchOrganizations.text", "organization.uid", "grid.code", "resourcesForGrid.categories",
                     "publishNeed.input.title", "publishResource.input.capacity", "advanceProject.input.evaluation"):
        assert expected in names
    assert len(TARGETS) >= 40


@pytest.mark.parametrize(("index", "root", "fname", "path"), [(i, *t) for i, t in enumerate(TARGETS)],
                         ids=[f"{f}.{p}" for _, f, p in TARGETS])
def test_injection_strings_are_data(client, driver, index, root, fname, path):
    taken = 0
    values = VALUES if fname in ("publishNeed", "publishResource") else _values(index)
    start = node_counts(driver)
    for value in values:
        doc, variables = _document(root, fname, path, value)
        before = node_counts(driver) if root == "Mutation" else start
        _, body = post(client, doc, variables, role="planner")
        TALLY["test_injection_strings_are_data"] += 1
        if root == "Query":
            continue
        after = node_counts(driver)
        for label in ("Division", "Grid", "Organization", "PartyMember"):  # the seed is intact
            assert after.get(label) == before.get(label), (label, doc, value)
        assert sum(after.values()) - sum(before.values()) <= 3, (before, after)  # node + mutation record
        if not body.get("errors"):
            taken += 1
            stored = driver.execute_query(
                "MATCH (n) WHERE (n:Need OR n:Resource OR n:Project) "
                "AND any(k IN keys(n) WHERE n[k] = $v) RETURN count(n) AS n", v=value.strip(),
                database_="neo4j").records[0]["n"]
            assert stored >= 1, (doc, value)
    if root == "Query":  # reads wrote nothing, deleted nothing
        assert node_counts(driver) == start, (fname, path)
    if fname in ("publishNeed", "publishResource") and path.split(".")[-1] in ("title", "name", "description",
                                                                               "capacity"):
        assert taken == len(values), f"free-text field {path} refused an injection string"


@pytest.mark.parametrize("value", VALUES)
def test_injection_strings_as_literals_in_the_document(client, driver, value):
    """The same strings written inside the document (GraphQL string escapes), not through variables."""
    import json

    before = node_counts(driver)
    literal = json.dumps(value)
    for doc in (f"{{ searchOrganizations(text: {literal}) {{ totalCount }} }}",
                f"{{ organization(uid: {literal}) {{ uid }} }}",
                f"{{ grid(code: {literal}) {{ uid }} }}",
                f"{{ organizations(divisionCode: {literal}) {{ totalCount }} }}"):
        post(client, doc, role="reader")
        TALLY["test_injection_strings_as_literals_in_the_document"] += 1
    assert node_counts(driver) == before
