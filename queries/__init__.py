"""Named Cypher queries: ``queries/*.cypher`` plus the catalog that loads, checks and runs them."""

from queries.catalog import NamedQuery, catalog, get, run

__all__ = ["NamedQuery", "catalog", "get", "run"]
