"""The app under fuzz: a TestClient on the real FastAPI app (real Neo4j, the API tests' hand-made seed graph),
and the checks every GraphQL response must pass."""

from __future__ import annotations

import re
from typing import Any

import neo4j
from fastapi.testclient import TestClient
from neo4j_helpers import app_client, load_api_seed

KEYS = {"reader": "fuzz-reader-key", "planner": "fuzz-planner-key", "admin": "fuzz-admin-key"}
# values that exist in the seed graph (see the map at the top of tests/api/seed.cypher)
GRID, COMMUNITY, STREET = "510107005001001", "510107005001", "510107005000"
ORG, PARTY_ORG = "91350100M000100Y43", "n:pc1"
# how a stack trace or an internal leaks into a body
_LEAKS = re.compile(r"Traceback \(most recent call last\)|File \"/|neo4j\.exceptions|Neo\.ClientError|"
                    r"\.py\", line \d+|strawberry\.|pydantic_core|CypherSyntaxError")


def load_seed(drv: neo4j.Driver) -> None:
    """Wipe the graph (all but the schema record) and create the seed in one statement."""
    load_api_seed(drv)


def make_client(**env: str) -> TestClient:
    """The app with the fuzz keys (anonymous = reader) and optional GRIDLINK_API_* settings."""
    return app_client({"GRIDLINK_API_KEYS": ",".join(f"{k}:{r}" for r, k in KEYS.items()),
                       "GRIDLINK_API_ANONYMOUS_ROLE": "reader", **env}, raise_server_exceptions=False)


def post(client: TestClient, query: str, variables: dict[str, Any] | None = None, role: str = "planner",
         ) -> tuple[int, dict[str, Any]]:
    """POST a document; returns the status and the JSON body after checking the response is well formed."""
    payload: dict[str, Any] = {"query": query}
    if variables is not None:
        payload["variables"] = variables
    resp = client.post("/graphql", json=payload, headers={"X-API-Key": KEYS[role]})
    return check_response(resp.status_code, resp.text, resp.headers.get("content-type", ""))


def check_response(status: int, text: str, content_type: str) -> tuple[int, dict[str, Any]]:
    """No 5xx, no stack trace, and a GraphQL body: ``data`` and/or ``errors``, each error a message (+ path,
    locations, extensions); never a masked INTERNAL error, which means an exception the API did not expect."""
    assert status < 500, (status, text[:2000])
    assert not _LEAKS.search(text), text[:2000]
    if status != 200:  # the HTTP layer refused it (e.g. 400 for a body that is not a GraphQL request)
        assert status in (400, 401, 405, 413, 415, 422), (status, text[:500])
        return status, {}
    assert content_type.startswith("application/json"), content_type
    import json

    body = json.loads(text)
    assert isinstance(body, dict) and ("data" in body or "errors" in body), body
    assert set(body) <= {"data", "errors", "extensions"}, body.keys()
    for err in body.get("errors") or []:
        assert isinstance(err.get("message"), str) and err["message"], err
        assert set(err) <= {"message", "locations", "path", "extensions"}, err
        code = (err.get("extensions") or {}).get("code")
        assert code != "INTERNAL", f"unexpected server error: {err}"
    return status, body


def node_counts(drv: neo4j.Driver) -> dict[str, int]:
    """Nodes per first label."""
    rows = drv.execute_query("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n", database_="neo4j").records
    return {r["label"]: r["n"] for r in rows}
