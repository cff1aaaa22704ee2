"""Run named queries from async resolvers without blocking the event loop.

Why the sync driver in a threadpool rather than the async driver: the process already owns one thread-safe sync
driver (:mod:`graph.driver`) shared with migrations and ``/readyz``; an async driver would be a second pool with
its own lifecycle tied to the event loop. A resolver makes one round trip of a few milliseconds, and the
threadpool hop costs tens of microseconds — ``python -m gridlink.bench.api_overhead`` measures the whole API overhead
against the driver.

Reads run as auto-commit read transactions (one network round trip, routed to readers) and fail fast when Neo4j
is gone, so clients get ``NEO4J_UNAVAILABLE`` at once instead of hanging on driver retries; one immediate retry
covers pooled connections left stale by a server restart. Writes run in managed write transactions (retried on
transient errors; retries are safe because every mutation is idempotent by its client mutation id).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import neo4j
from starlette.concurrency import run_in_threadpool

from api.errors import Neo4jUnavailableError, QueryTimeoutError
from graph.driver import database, get_driver
from graph.settings import get_neo4j_settings
from queries.catalog import get, to_query

T = TypeVar("T")
Row = dict[str, Any]
Run = Callable[[str, dict[str, Any]], list[Row]]

# what "the database is not there" looks like to the driver
_UNAVAILABLE = (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired,
                neo4j.exceptions.DatabaseUnavailable, OSError)


def _params(name: str, given: dict[str, Any]) -> dict[str, Any]:
    q = get(name)
    extra = set(given) - set(q.params)
    if extra:  # a programming error in a resolver, not user input
        raise TypeError(f"query {name} takes no parameter(s) {sorted(extra)}")
    return {p: given.get(p) for p in q.params}


def read_sync(name: str, params: dict[str, Any]) -> list[Row]:
    """Run a named read query; rows as dicts (shaped in Cypher)."""
    query, full = to_query(get(name)), _params(name, params)
    for attempt in (1, 2):
        try:
            # notifications off: the planner's warnings (a property no node has yet, e.g. urbanRural) were logged at
            # WARNING with the whole query text on every request — most of the CPU of a cheap read (issue #15)
            with get_driver().session(database=database(), default_access_mode=neo4j.READ_ACCESS,
                                      notifications_min_severity="OFF") as s:
                return [dict(r) for r in s.run(query, full)]
        except _UNAVAILABLE as e:
            if attempt == 2:
                raise Neo4jUnavailableError() from e
        except neo4j.exceptions.ClientError as e:
            _raise_if_timeout(e)
            raise
    raise AssertionError("unreachable")


def _raise_if_timeout(e: neo4j.exceptions.ClientError) -> None:
    """A transaction terminated by its timeout is the server's limit, not a bug: say so (QUERY_TIMEOUT)."""
    if "TransactionTimedOut" in (e.code or ""):
        raise QueryTimeoutError(get_neo4j_settings().query_timeout_s) from e


async def read(name: str, params: dict[str, Any]) -> list[Row]:
    """:func:`read_sync` in the threadpool."""
    return await run_in_threadpool(read_sync, name, params)


def write_sync(name: str, params: dict[str, Any], check: Callable[[list[Row], Run], T]) -> T:
    """Run a named write query in one managed transaction.

    Args:
        name: the query.
        params: its parameters.
        check: called inside the transaction with the rows and a function that runs another named query in the
            same transaction; raising (e.g. an :class:`api.errors.ApiError`) rolls the whole transaction back.
    """
    full = _params(name, params)

    @neo4j.unit_of_work(metadata={"query": name}, timeout=get_neo4j_settings().query_timeout_s)
    def work(tx: neo4j.ManagedTransaction) -> T:
        def run(other: str, given: dict[str, Any]) -> list[Row]:
            return [dict(r) for r in tx.run(to_query(get(other)).text, _params(other, given))]

        return check(run(name, full), run)

    try:
        with get_driver().session(database=database()) as s:
            return s.execute_write(work)
    except _UNAVAILABLE as e:
        raise Neo4jUnavailableError() from e
    except neo4j.exceptions.ClientError as e:
        _raise_if_timeout(e)
        raise


async def write(name: str, params: dict[str, Any], check: Callable[[list[Row], Run], T]) -> T:
    """:func:`write_sync` in the threadpool."""
    return await run_in_threadpool(write_sync, name, params, check)
