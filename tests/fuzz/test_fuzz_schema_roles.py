"""Schema fuzzing per role (issue #11 "done when"): documents generated from the SDL by hypothesis-graphql — valid
ones for every root field, half of them with values of the seed graph so the resolvers run their queries, and
invalid ones — sent as each role. No response may be a server error (5xx, a stack trace, a malformed body) or
an ``INTERNAL`` error; every error must carry ``extensions.code``.

In the suite each role gets :data:`CASES` examples; ``gridlink/bench/schema_fuzz.py`` runs the same test with
thousands per role (``GRIDLINK_FUZZ_SCHEMA_CASES``) and prints the outcome counts this module tallies.
"""

from __future__ import annotations

import json
import os

import pytest
from fuzz_api import KEYS, check_response, load_seed, make_client
from fuzz_budget import TALLY, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema
from test_fuzz_graphql import PER_FIELD, SCALARS, SDL, with_real_values

pytestmark = pytest.mark.neo4j

CASES = int(os.environ.get("GRIDLINK_FUZZ_SCHEMA_CASES", "40"))
ROLES = ("anonymous", "reader", "planner", "admin")
NEGATIVE = from_schema(SDL, custom_scalars=SCALARS, mode=Mode.NEGATIVE)


@pytest.fixture(scope="module")
def client(driver):
    load_seed(driver)
    return make_client()


def outcome(status: int, body: dict[str, object]) -> str:
    """A short name of what came back: ``ok``, ``http-<status>`` or the first error's code."""
    if status != 200:
        return f"http-{status}"
    errors = body.get("errors")
    if not errors:
        return "ok"
    codes = sorted({(e.get("extensions") or {}).get("code") or "NO_CODE" for e in errors})  # type: ignore[union-attr]
    return "+".join(codes)


@pytest.mark.parametrize("role", ROLES)
def test_schema_fuzz_per_role(client, role):
    headers = {"X-API-Key": KEYS[role]} if role in KEYS else {}

    @fuzz_settings(CASES)
    @given(data=st.data(), field=st.sampled_from(sorted(PER_FIELD)), kind=st.sampled_from(("real", "raw", "bad")))
    def run(data: st.DataObject, field: str, kind: str) -> None:
        if kind == "bad":
            query = data.draw(NEGATIVE)
        else:
            query = data.draw(PER_FIELD[field])
            if kind == "real":
                query = with_real_values(query, data.draw)
        resp = client.post("/graphql", json={"query": query}, headers=headers)
        status, body = check_response(resp.status_code, resp.text, resp.headers.get("content-type", ""))
        name = outcome(status, body)
        TALLY[f"schema fuzz {role}: {name}"] += 1
        TALLY[f"schema fuzz {role}: cases"] += 1
        assert "NO_CODE" not in name, body
        if TALLY[f"schema fuzz {role}: cases"] % 100 == 0 and os.environ.get("GRIDLINK_FUZZ_TALLY"):
            # a long run writes its counts as it goes: an interrupted run still reports what it covered
            with open(os.environ["GRIDLINK_FUZZ_TALLY"], "w", encoding="utf-8") as f:
                json.dump(dict(TALLY), f)

    run()
    assert TALLY[f"schema fuzz {role}: cases"] >= CASES
