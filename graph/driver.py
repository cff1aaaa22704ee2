"""One Neo4j driver per process.

The driver is thread-safe and pools connections; sessions are cheap. ``get_driver()`` builds it on first
use from :mod:`graph.settings`; ``close_driver()`` is called by entry points on exit.
"""

from __future__ import annotations

import threading

import neo4j

from graph.settings import get_neo4j_settings

_lock = threading.Lock()
_driver: neo4j.Driver | None = None


def get_driver() -> neo4j.Driver:
    """The process-wide driver, created on first call.

    Returns:
        A connected-on-demand :class:`neo4j.Driver` (no round trip is made here).
    """
    global _driver
    with _lock:
        if _driver is None:
            s = get_neo4j_settings()
            _driver = neo4j.GraphDatabase.driver(
                s.uri,
                auth=(s.user, s.password.get_secret_value()),
                max_connection_pool_size=s.max_connection_pool_size,
                # fail fast when the server is gone: the API answers 503 instead of hanging a worker
                connection_acquisition_timeout=10.0,
                connection_timeout=5.0,
                max_transaction_retry_time=10.0,
            )
        return _driver


def close_driver() -> None:
    """Close the process-wide driver if one was created."""
    global _driver
    with _lock:
        if _driver is not None:
            _driver.close()
            _driver = None


def database() -> str:
    """Name of the database every query runs against (always passed, saving a round trip)."""
    return get_neo4j_settings().database


def forget_bookmarks(driver: neo4j.Driver, db: str) -> None:
    """Replace the bookmarks ``driver.execute_query`` keeps (causal consistency between its calls) by one of
    the database as it is now.

    Needed after the database's store was replaced (a bulk import, :mod:`ingest.bulk`): the bookmarks name
    transactions of the old store, and the new one, whose transaction ids start again near 0, would make every
    later query wait for them until it times out. (The manager ignores an update to no bookmarks, hence the new
    one.)
    """
    with driver.session(database=db) as session:
        session.run("RETURN 1").consume()
        fresh = session.last_bookmarks().raw_values
    manager = driver.execute_query_bookmark_manager
    manager.update_bookmarks(manager.get_bookmarks(), fresh)
