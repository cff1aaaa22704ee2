"""API test fixtures: the hand-made seed graph (seed.cypher) and an HTTP client on the real app.

The seed is small enough that every expected answer in these tests was worked out by hand from it; the map of
it is at the top of seed.cypher.
"""

from __future__ import annotations

from typing import Any

import neo4j
import pytest
from api_helpers import KEYS
from fastapi.testclient import TestClient
from neo4j_helpers import app_client, load_api_seed


def load_seed(drv: neo4j.Driver) -> None:
    """Wipe the graph (all but the schema record) and create the seed (one statement)."""
    load_api_seed(drv)


@pytest.fixture(scope="module")
def seeded(driver: neo4j.Driver) -> neo4j.Driver:
    """The seed graph, shared by the read-only tests of a module."""
    load_seed(driver)
    return driver


@pytest.fixture
def fresh_seed(driver: neo4j.Driver) -> neo4j.Driver:
    """The seed graph, re-created for one test that writes."""
    load_seed(driver)
    return driver


def _make_client(**env: str) -> TestClient:
    return app_client({"GRIDLINK_API_KEYS": ",".join(f"{k}:{r}" for r, k in KEYS.items()), **env})


@pytest.fixture(scope="session")
def client(driver: neo4j.Driver) -> TestClient:
    """The app with test keys (no lifespan: the session's driver stays open; the schema is already migrated)."""
    return _make_client(GRIDLINK_API_ANONYMOUS_ROLE="reader")


@pytest.fixture
def make_client(driver: neo4j.Driver) -> Any:
    """Build a client with other API settings (GRIDLINK_API_* variables; the test keys unless given)."""
    return _make_client
