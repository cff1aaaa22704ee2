"""Settings are read on first use, from the environment; neo4j:// routing URIs work against one server."""

import neo4j
import pytest

from graph.settings import get_neo4j_settings, get_server_settings, reset_settings


def test_settings_read_on_first_use_not_import(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_DATABASE", "elsewhere")
    monkeypatch.setenv("GRIDLINK_NEO4J_BOLT_PORT", "17999")
    reset_settings()
    try:
        assert get_neo4j_settings().database == "elsewhere"
        assert get_server_settings().bolt_port == 17999
    finally:
        monkeypatch.undo()
        reset_settings()


def test_password_is_secret_in_repr() -> None:
    s = get_neo4j_settings()
    assert s.password.get_secret_value() not in repr(s)


@pytest.mark.neo4j
def test_routing_uri_works_against_a_single_server(driver: neo4j.Driver, neo4j_server: str) -> None:
    s = get_neo4j_settings()
    routing_uri = neo4j_server.replace("bolt://", "neo4j://")
    with neo4j.GraphDatabase.driver(routing_uri, auth=(s.user, s.password.get_secret_value())) as drv:
        recs, _, _ = drv.execute_query("RETURN 1 AS one", database_=s.database, routing_=neo4j.RoutingControl.READ)
    assert recs[0]["one"] == 1
