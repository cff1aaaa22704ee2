"""Helpers of the API tests: POST GraphQL as a role, unpack data and errors."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

KEYS = {"reader": "test-reader-key", "planner": "test-planner-key", "admin": "test-admin-key"}


def gql(client: TestClient, query: str, variables: dict[str, Any] | None = None, role: str | None = "reader",
        ) -> dict[str, Any]:
    """POST a GraphQL document as ``role`` (None: no key); returns the JSON body."""
    headers = {"X-API-Key": KEYS[role]} if role else {}
    resp = client.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = resp.json()
    return body


def data(body: dict[str, Any]) -> dict[str, Any]:
    """The ``data`` of a response that must have no errors."""
    assert "errors" not in body, body.get("errors")
    result: dict[str, Any] = body["data"]
    return result


def error(body: dict[str, Any]) -> dict[str, Any]:
    """The single error of a response."""
    assert len(body.get("errors") or []) == 1, body
    err: dict[str, Any] = body["errors"][0]
    return err
