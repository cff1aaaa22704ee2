"""Neo4j goes away and comes back: clear errors and 503 meanwhile, recovery without restarting the API.

The only module that stops the test server (its own server, on this session's ports).
"""

from __future__ import annotations

import os

import pytest
from api_helpers import data, error, gql

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

Q = '{ resourcesForGrid(gridCode: "510107005001001", limit: 3) { matches { resource { uid } } } }'


def _count_sessions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record each session the API opens (by access mode) from now on."""
    from api import db

    opened: list[str] = []
    real = db.get_driver

    class Counting:
        def __getattr__(self, name: str) -> object:
            return getattr(real(), name)

        def session(self, **kw: object) -> object:
            opened.append("read" if kw.get("default_access_mode") == "READ" else "write")
            return real().session(**kw)

    monkeypatch.setattr(db, "get_driver", Counting)
    return opened


def test_neo4j_down_then_back(seeded, client, monkeypatch):
    from graph import server

    assert os.environ.get("_GRIDLINK_TEST_OWNS_SERVER"), "this test stops the server: run it on the test server"
    before = data(gql(client, Q))["resourcesForGrid"]["matches"]
    assert [m["resource"]["uid"] for m in before] == ["r1", "r2", "r3"]
    server.stop()
    try:
        sessions = _count_sessions(monkeypatch)
        err = error(gql(client, Q))
        assert err["extensions"] == {"code": "NEO4J_UNAVAILABLE"}
        assert "unavailable" in err["message"] and "Traceback" not in err["message"]
        # reads fail fast: one immediate retry (a pooled connection may be stale), no retry loop
        assert sessions == ["read", "read"], sessions
        monkeypatch.undo()
        ready = client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["neo4j"] == "unreachable"
        mutation = ('mutation { publishNeed(input: {clientMutationId: "outage-0001", title: "停机测试", '
                    'category: "other", divisionCode: "510107005001"}) { need { uid } } }')
        assert error(gql(client, mutation, role="planner"))["extensions"] == {"code": "NEO4J_UNAVAILABLE"}
    finally:
        server.start(quiet=True)
    # the same app and driver recover by themselves
    assert client.get("/readyz").status_code == 200
    assert data(gql(client, Q))["resourcesForGrid"]["matches"] == before
