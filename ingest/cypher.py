"""The ingest's named statements: ``queries/ingest/*.cypher`` through the catalog and its parameter contract.

The statements generated from the write specs (:mod:`ingest.writes`) are registered with the catalog too, so
``gridlink query list --all`` shows every statement the ingest can send.
"""

from __future__ import annotations

from typing import Any

import neo4j

from queries.catalog import statement


def named(name: str, **params: Any) -> tuple[neo4j.Query, dict[str, Any]]:
    """``(query, params)`` of the ingest statement ``name``; every declared parameter must be given.

    Raises:
        queries.errors.QueryError: no such statement, or parameters that differ from the declared ones (a
            programming error, caught by the tests).
    """
    return statement("ingest", name, **params)
