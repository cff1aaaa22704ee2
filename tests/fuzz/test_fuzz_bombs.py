"""Query bombs: deep nesting, many aliases, huge page sizes, huge token counts, very long strings, huge and
deeply nested bodies. Each is refused with an error that names the limit (and a code).

No wall-clock assertion (it flakes on a loaded machine): how fast the refusals are is measured by
``gridlink/bench/dos_shapes.py``, which fires these same bombs (:data:`BOMBS`) at a served API."""

from __future__ import annotations

import json

import pytest
from fuzz_api import COMMUNITY, GRID, KEYS, STREET, check_response, load_seed, make_client
from fuzz_budget import TALLY

pytestmark = pytest.mark.neo4j

MILLION = 1_000_000
LONG = "成" * 100_000  # 300 KB: under the body limit, so the argument checks must catch it
HUGE = "x" * 2 * MILLION  # over the 1 MB body limit


def _intro_bomb(levels: int) -> str:
    inner = "name"
    for _ in range(levels):
        inner = f"name fields {{ type {{ name ofType {{ {inner} }} }} }}"
    return "{ __schema { types { " + inner + " } } }"


PAGED = {  # every paged or limited root field, with a valid area
    "grids": f'communityCode: "{COMMUNITY}"', "searchOrganizations": 'text: "锦城"',
    "organizations": f'divisionCode: "{COMMUNITY}"', "resources": f'divisionCode: "{COMMUNITY}"',
    "needs": f'divisionCode: "{COMMUNITY}"', "projects": f'divisionCode: "{COMMUNITY}"',
    "openNeeds": f'divisionCode: "{COMMUNITY}"'}

BOMBS: dict[str, tuple[dict[str, object] | str, str]] = {
    # name: (request body, text the refusal must contain)
    "introspection nesting": ({"query": _intro_bomb(6)}, "exceeds maximum operation depth of 10"),
    "16 aliases": ({"query": "{ " + " ".join(f"a{i}: __typename" for i in range(16)) + " }"},
                   "16 aliases found. Allowed: 15"),
    "30000 aliases": ({"query": "{ " + " ".join(f"a{i}: __typename" for i in range(30_000)) + " }"},
                      "more than 2000 tokens"),
    "80000 tokens": ({"query": "{ " + "__typename " * 80_000 + "}"}, "more than 2000 tokens"),
    "a million tokens (11 MB)": ({"query": "{ " + "__typename " * MILLION + "}"}, "the limit is 1000000 bytes"),
    "500 operations": ({"query": " ".join(f"query Q{i} {{ __typename }}" for i in range(500)),
                        "operationName": "Q1"}, "more than 2000 tokens"),
    "fragment chain": ({"query": "{ ...F0 } " + " ".join(f"fragment F{i} on Query {{ ...F{i + 1} }}"
                                                          for i in range(300))
                        + " fragment F300 on Query { __typename }"}, "more than 2000 tokens"),
    "first: 2^40": ({"query": f'{{ grids(communityCode: "{COMMUNITY}", first: 1099511627776) {{ totalCount }} }}'},
                    "non 32-bit signed integer"),
    **{f"{name}(first: 1000000)": ({"query": f"{{ {name}({where}, first: {MILLION}) {{ totalCount }} }}"},
                                   "first must be between 1 and 100")
       for name, where in PAGED.items()},
    "resourcesForGrid(limit: 1000000)": (
        {"query": f'{{ resourcesForGrid(gridCode: "{GRID}", limit: {MILLION}) {{ grid {{ uid }} }} }}'},
        "limit must be between 1 and 100"),
    "resourcesForGrid(maxDistanceM: 1e300)": (
        {"query": f'{{ resourcesForGrid(gridCode: "{GRID}", maxDistanceM: 1e300) {{ grid {{ uid }} }} }}'},
        "maxDistanceM must be in (0, 20000]"),
    "communityPartners(limit: 1000000)": (
        {"query": f'{{ communityPartners(communityCode: "{COMMUNITY}", limit: {MILLION}) '
                  "{ partners { strength } } }"},
        "limit must be between 1 and 200"),
    "partyCoverage(uncoveredLimit: 1000000)": (
        {"query": f'{{ partyCoverage(divisionCode: "{STREET}", uncoveredLimit: {MILLION}) {{ rows {{ total }} }} }}'},
        "uncoveredLimit must be between 0 and 200"),
    "openNeeds(candidatesPerNeed: 1000000)": (
        {"query": f'{{ openNeeds(divisionCode: "{COMMUNITY}", candidatesPerNeed: {MILLION}) {{ totalCount }} }}'},
        "candidatesPerNeed must be between 1 and 20"),
    "searchOrganizations(text: 100k chars)": (
        {"query": "query($v: String!) { searchOrganizations(text: $v) { totalCount } }", "variables": {"v": LONG}},
        "text must have 2 to 50 characters"),
    "division(code: 100k chars)": ({"query": "query($v: String!) { division(code: $v) { code } }",
                                    "variables": {"v": LONG}}, "12-digit"),
    "grid(code: 100k chars)": ({"query": "query($v: String!) { grid(code: $v) { uid } }", "variables": {"v": LONG}},
                               "code must be 1-40 letters or digits"),
    "publishNeed(title: 100k chars)": (
        {"query": "mutation($v: String!) { publishNeed(input: {clientMutationId: \"bomb-0001\", title: $v, "
                  f'category: "other", divisionCode: "{COMMUNITY}"}}) {{ replayed }} }}', "variables": {"v": LONG}},
        "at most 200 characters"),
    "a 2 MB string variable": ({"query": "query($v: String!) { organization(uid: $v) { uid } }",
                                "variables": {"v": HUGE}}, "the limit is 1000000 bytes"),
    "a 2 MB string literal": ({"query": '{ organization(uid: "' + HUGE + '") { uid } }'},
                              "the limit is 1000000 bytes"),
    "JSON nested 100000 deep": ('{"query": "{ __typename }", "variables": {"a": ' + "[" * 100_000
                                + "]" * 100_000 + "}}", "nested too deeply"),
}


@pytest.fixture(scope="module")
def client(driver):
    load_seed(driver)
    return make_client()


@pytest.mark.parametrize("name", list(BOMBS))
def test_bombs_are_refused_naming_the_limit(client, name):
    body, limit_text = BOMBS[name]
    content = body if isinstance(body, str) else json.dumps(body)
    resp = client.post("/graphql", content=content,
                       headers={"content-type": "application/json", "X-API-Key": KEYS["planner"]})
    TALLY["test_bombs_are_refused_naming_the_limit"] += 1
    status, parsed = check_response(resp.status_code, resp.text, resp.headers.get("content-type", ""))
    assert limit_text in resp.text, resp.text[:300]  # (bounded: some bodies echo a 100k-character value)
    assert len(resp.content) < 5_000, f"the refusal echoes the request: {len(resp.content)} bytes"
    errors = parsed["errors"] if status == 200 else resp.json()["errors"]
    assert errors and all(e["extensions"]["code"] for e in errors), errors
    if status == 200:
        assert not any((parsed.get("data") or {}).values()), str(parsed)[:300]


def test_depth_limit_names_the_depth(driver):
    """No real query of this schema is deeper than 10; with a bound of 3 a depth-4 query names it."""
    small = make_client(GRIDLINK_API_MAX_DEPTH="3")
    deep = f'{{ partyChain(divisionCode: "{STREET}") {{ communities {{ grids {{ grid {{ code }} }} }} }} }}'
    resp = small.post("/graphql", json={"query": deep})
    _, body = check_response(resp.status_code, resp.text, resp.headers.get("content-type", ""))
    assert "exceeds maximum operation depth of 3" in body["errors"][0]["message"]
    assert body["errors"][0]["extensions"]["limit"] == "depth"
