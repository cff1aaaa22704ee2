"""Issue #11.4/#11.7/#11.16/#11.18: the HTTP layer answers every refusal as a GraphQL error with a code, streams
the body and stops at the size limit, times out slow bodies, and sets security headers."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from api_helpers import KEYS

pytestmark = pytest.mark.neo4j

JSON = {"content-type": "application/json"}


def _graphql_refusal(resp: Any, status: int, code: str) -> dict[str, Any]:
    assert resp.status_code == status, (resp.status_code, resp.text[:300])
    assert resp.headers["content-type"].startswith("application/json"), resp.headers["content-type"]
    body = resp.json()
    assert set(body) == {"errors"} and len(body["errors"]) == 1, body
    err: dict[str, Any] = body["errors"][0]
    assert err["extensions"]["code"] == code and err["message"], err
    return err


@pytest.mark.parametrize("content, headers", [
    ('{"query": "{ __typename }", "variables": {"n": ' + "7" * 4_301 + "}}", JSON),  # int() digit limit: was a 500
    (b'{"query": "{ \xff\xfe }"}', JSON),  # not UTF-8
    ('{"query": "{ __typename }", "variables": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}", JSON),
    ("null", JSON), ("[1, 2", JSON), ("", JSON),
    ('{"query": "{ __typename }"}', {"content-type": "text/plain"}),  # wrong content type
    ('{"query": "{ __typename }"}', {"content-type": "multipart/form-data; boundary=x"}),
    ('{"query": 5}', JSON), ('{"query": "{ __typename }", "variables": [1]}', JSON),
])
def test_undecodable_bodies_are_400_graphql_errors(seeded, client, content, headers):
    _graphql_refusal(client.post("/graphql", content=content, headers=headers), 400, "BAD_REQUEST")


@pytest.mark.parametrize("variables", ["[1", '{"n": ' + "7" * 4_301 + "}", '"x"', "[" * 20_000])
def test_undecodable_get_parameters_are_400_graphql_errors(client, variables):
    """Sibling of the bodies above: GET carries the variables as JSON text in the query string."""
    resp = client.get("/graphql", params={"query": "{ __typename }", "variables": variables},
                      headers={"accept": "application/json"})
    _graphql_refusal(resp, 400, "BAD_REQUEST")


def test_unknown_or_missing_api_key_is_a_graphql_401(seeded, client, make_client):
    err = _graphql_refusal(client.post("/graphql", json={"query": "{ __typename }"}, headers={"X-API-Key": "nope"}),
                           401, "UNAUTHENTICATED")
    assert "unknown API key" in err["message"]
    closed = make_client(GRIDLINK_API_ANONYMOUS_ROLE="")
    err = _graphql_refusal(closed.post("/graphql", json={"query": "{ __typename }"}), 401, "UNAUTHENTICATED")
    assert "X-API-Key" in err["message"]


def test_wrong_method_is_a_graphql_error(seeded, client):
    _graphql_refusal(client.put("/graphql", json={"query": "{ __typename }"}), 405, "METHOD_NOT_ALLOWED")


class _Body:
    """An ASGI ``receive`` that hands out a body in chunks and counts how many were taken."""

    def __init__(self, chunk: bytes, chunks: int, finish: bool = True) -> None:
        self.chunk, self.left, self.taken, self.finish = chunk, chunks, 0, finish

    async def __call__(self) -> dict[str, Any]:
        if self.left == 0:
            await asyncio.sleep(3600)  # a client that stops sending (the body timeout ends it)
        self.left -= 1
        self.taken += 1
        return {"type": "http.request", "body": self.chunk, "more_body": self.left > 0 or not self.finish}


def _asgi_post(app: Any, receive: Any, headers: list[tuple[bytes, bytes]]) -> tuple[int, dict[str, Any]]:
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/graphql", "raw_path": b"/graphql", "query_string": b"", "root_path": "",
             "headers": [(b"host", b"test"), (b"content-type", b"application/json"), *headers],
             "client": ("127.0.0.1", 5000), "server": ("test", 80)}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(body)


def test_a_large_body_is_refused_before_it_is_read_whole(seeded, client):
    """64 chunks of 64 KiB (4 MiB, no Content-Length: chunked): the refusal comes after ~1 MB, not after 4 MiB."""
    body = _Body(b" " * 65_536, 64)
    status, answer = _asgi_post(client.app, body, [])
    assert status == 413 and answer["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert body.taken <= 1_000_000 // 65_536 + 1, f"read {body.taken} of 64 chunks"
    # a declared Content-Length over the limit is refused before any of it is read
    body = _Body(b" " * 65_536, 64)
    status, answer = _asgi_post(client.app, body, [(b"content-length", str(64 * 65_536).encode())])
    assert status == 413 and body.taken == 0
    resp = client.post("/graphql", content=b'{"query": "{ __typename }", "x": "' + b"x" * 1_100_000 + b'"}',
                       headers=JSON)
    _graphql_refusal(resp, 413, "PAYLOAD_TOO_LARGE")


def test_an_unfinished_body_times_out(seeded, make_client):
    app = make_client(GRIDLINK_API_BODY_TIMEOUT_S="0.2").app
    body = _Body(b'{"query": ', 1, finish=False)  # half a body, then silence
    status, answer = _asgi_post(app, body, [])
    assert status == 408 and answer["errors"][0]["extensions"]["code"] == "REQUEST_TIMEOUT"


@pytest.mark.parametrize("path", ["/graphql", "/healthz", "/docs", "/guide/gridlink.html", "/nowhere"])
def test_security_headers_on_every_response(seeded, client, path):
    resp = client.get(path, headers={"accept": "text/html"})
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert resp.headers["x-frame-options"] == "DENY"
    csp = resp.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_rate_limits_per_address_and_per_key(seeded, make_client):
    limited = make_client(GRIDLINK_API_ANONYMOUS_ROLE="reader", GRIDLINK_API_RATE_LIMIT_PER_ADDRESS="3/minute",
                          GRIDLINK_API_RATE_LIMIT_PER_KEY="2/minute")
    q = {"query": "{ __typename }"}
    assert [limited.post("/graphql", json=q).status_code for _ in range(3)] == [200, 200, 200]
    resp = limited.post("/graphql", json=q)
    err = _graphql_refusal(resp, 429, "RATE_LIMITED")
    assert err["extensions"]["limit"] == "3 per 1 minute" and err["extensions"]["retryAfter"] >= 1
    assert int(resp.headers["retry-after"]) == err["extensions"]["retryAfter"]
    # a key has its own budget (not the address's), and one key's use does not spend another's
    for key in (KEYS["reader"], KEYS["planner"]):
        codes = [limited.post("/graphql", json=q, headers={"X-API-Key": key}).status_code for _ in range(3)]
        assert codes == [200, 200, 429], (key, codes)
