"""Promises of docs/planner.md that had no test (issue #11.21): /readyz before migration, reads in read
transactions, totalCount computed only when selected."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest
from api_helpers import data, gql

from api import db
from graph.schema import current_version, migrate

pytestmark = pytest.mark.neo4j


def test_readyz_is_503_until_the_schema_is_migrated(seeded, client):
    latest = current_version(seeded)
    assert client.get("/readyz").status_code == 200
    seeded.execute_query("MATCH (m:SchemaMigration {version: $v}) DELETE m", v=latest, database_="neo4j")
    try:
        ready = client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json() == {"status": "unavailable", "neo4j": "ok", "schemaVersion": latest - 1,
                                "expectedSchemaVersion": latest}
    finally:
        assert migrate(seeded) == latest
    assert client.get("/readyz").json()["status"] == "ready"


def test_reads_run_in_read_transactions(seeded):
    """The read path cannot write: a write query sent through it is refused by Neo4j (access mode)."""
    with pytest.raises(neo4j.exceptions.ClientError) as caught:
        db.read_sync("client_mutation_result", {"clientMutationId": "never-written", "result": "{}"})
    assert "read" in caught.value.message.lower()
    assert seeded.execute_query("MATCH (m:ClientMutation) RETURN count(m)", database_="neo4j").records[0][0] == 0


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    """Every named read the API makes, with its parameters (the query still runs)."""
    seen: list[tuple[str, dict[str, Any]]] = []
    real = db.read_sync

    def spy(name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        seen.append((name, params))
        return real(name, params)

    monkeypatch.setattr(db, "read_sync", spy)
    return seen


@pytest.mark.parametrize(("selection", "with_total"), [
    ("nodes { code }", False),
    ("totalCount nodes { code }", True),
    ("... on GridRefConnection { totalCount }", True),
    ("...F", True),
])
def test_total_count_is_computed_only_when_selected(seeded, client, reads, selection, with_total):
    fragment = " fragment F on GridRefConnection { totalCount }" if selection == "...F" else ""
    body = data(gql(client, f'{{ grids(communityCode: "510107005001") {{ {selection} }} }}{fragment}'))
    assert [(name, p["withTotal"]) for name, p in reads] == [("grid_list", with_total)]
    if with_total:
        assert body["grids"]["totalCount"] == 2
    # and the query itself skips the count when told to
    rows = db.read_sync("grid_list", {"communityCode": "510107005001", "after": None, "first": 5,
                                      "withTotal": with_total})
    assert (rows[0]["totalCount"] is None) is (not with_total)
