"""Test fixtures: a real Neo4j 5.26 for the whole session, a clean graph per test.

The session starts the project's local server on its own ports (GRIDLINK_TEST_BOLT_PORT, default 17687, and
GRIDLINK_TEST_HTTP_PORT, default 17474) with its own data folder, so it never touches a developer's graph.
When NEO4J_URI is set, that server is used instead (it will be wiped!). If no server can be had, the
integration tests fail: they are never skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from neo4j_helpers import wipe

TEST_PASSWORD = "gridlink-test"


def _configure_env() -> None:
    # the CLI speaks Chinese by default; the tests read its English messages unless they ask for Chinese
    # (tests/gridlink/test_cli_lang.py, tests/pages/: the pages' Chinese default)
    os.environ.setdefault("GRIDLINK_LANG", "en")
    if os.environ.get("NEO4J_URI"):
        return
    bolt = os.environ.get("GRIDLINK_TEST_BOLT_PORT", "17687")
    http = os.environ.get("GRIDLINK_TEST_HTTP_PORT", "17474")
    cache = Path(os.environ.get("GRIDLINK_NEO4J_CACHE_DIR", Path.home() / ".cache" / "gridlink"))
    os.environ.update({
        "GRIDLINK_NEO4J_BOLT_PORT": bolt,
        "GRIDLINK_NEO4J_HTTP_PORT": http,
        "GRIDLINK_NEO4J_HOME": str(cache / f"test-server-{bolt}"),
        "GRIDLINK_NEO4J_HEAP": os.environ.get("GRIDLINK_NEO4J_HEAP", "1g"),
        "GRIDLINK_NEO4J_PAGECACHE": os.environ.get("GRIDLINK_NEO4J_PAGECACHE", "512m"),
        "NEO4J_URI": f"bolt://127.0.0.1:{bolt}",
        "NEO4J_USER": "neo4j",
        "NEO4J_PASSWORD": TEST_PASSWORD,
        "_GRIDLINK_TEST_OWNS_SERVER": "1",
    })


_configure_env()


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[str]:
    """Start (or reuse) the test Neo4j; yields its Bolt URI. Leaves it running for the next session."""
    from graph import server
    from graph.settings import reset_settings

    reset_settings()
    if os.environ.get("_GRIDLINK_TEST_OWNS_SERVER"):
        server.start(quiet=True)
    yield os.environ["NEO4J_URI"]


@pytest.fixture(scope="session")
def driver(neo4j_server: str) -> Iterator[neo4j.Driver]:
    """The process driver, connected to the test server, with the schema applied."""
    from graph.driver import close_driver, get_driver
    from graph.schema import migrate

    drv = get_driver()
    drv.verify_connectivity()
    migrate(drv)
    yield drv
    close_driver()


@pytest.fixture
def graph(driver: neo4j.Driver) -> neo4j.Driver:
    """A clean graph (schema applied, no data) for one test."""
    from graph.driver import database

    assert database() == "neo4j"
    wipe(driver)
    return driver
