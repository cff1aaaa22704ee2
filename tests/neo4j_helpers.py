"""Helpers shared by test packages (a uniquely named module: several folders have a conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import neo4j

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

#: the hand-made API seed graph (its map is at the top of the file); the API and fuzz tests load it
API_SEED = Path(__file__).parent / "api" / "seed.cypher"


def wipe(drv: neo4j.Driver) -> None:
    """Delete every node but the schema record, in batches (the schema itself stays)."""
    # CALL {} IN TRANSACTIONS needs an auto-commit transaction, hence session.run
    with drv.session(database="neo4j") as session:
        session.run("MATCH (n) WHERE NOT n:SchemaMigration "
                    "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def load_api_seed(drv: neo4j.Driver) -> None:
    """Wipe the graph (all but the schema record) and create the API seed (one statement)."""
    wipe(drv)
    drv.execute_query(API_SEED.read_text(encoding="utf-8"), database_="neo4j")  # type: ignore[arg-type]


def app_client(env: dict[str, str], **client_options: Any) -> TestClient:
    """A TestClient on the real app built with ``env`` set (the settings are read when the app is built); the
    environment and the settings are put back afterwards."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import reset_api_settings
    from graph.settings import reset_settings

    def reset() -> None:
        reset_settings()
        reset_api_settings()

    # no rate limits unless a test sets them: a test client sends hundreds of requests a second from one address
    env = {"GRIDLINK_API_RATE_LIMIT_PER_KEY": "", "GRIDLINK_API_RATE_LIMIT_PER_ADDRESS": "", **env}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    reset()
    try:
        return TestClient(create_app(), **client_options)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        reset()
