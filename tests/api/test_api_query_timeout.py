"""A named query killed by its server-side timeout is QUERY_TIMEOUT with advice, never INTERNAL.

Seen from outside: right after a Neo4j restart on a loaded machine the first ranking ran past the 30 s timeout and
the client got ``INTERNAL`` ("unexpected error"). A timeout is the server's limit, not a bug in gridlink.
"""

from __future__ import annotations

import neo4j.exceptions
import pytest

from api import db
from api.errors import QueryTimeoutError

TIMEOUT_CODES = [
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
]


@pytest.mark.parametrize("code", TIMEOUT_CODES)
def test_a_timed_out_transaction_is_query_timeout(code: str) -> None:
    err = neo4j.exceptions.Neo4jError._hydrate_neo4j(code=code, message="terminated")
    with pytest.raises(QueryTimeoutError) as caught:
        db._raise_if_timeout(err)
    assert caught.value.extensions == {"code": "QUERY_TIMEOUT"}
    assert "retry" in str(caught.value)


def test_other_client_errors_are_left_alone() -> None:
    err = neo4j.exceptions.Neo4jError._hydrate_neo4j(code="Neo.ClientError.Statement.SyntaxError", message="x")
    db._raise_if_timeout(err)  # returns: the caller re-raises the original error
