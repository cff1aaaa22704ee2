"""Errors of the api package, each with a stable ``code`` clients can branch on.

Tree::

    ApiError                      code BAD_REQUEST (never masked; the message says how to fix it)
    ├── InputError                BAD_USER_INPUT: one argument or input field is wrong (``field`` names it)
    ├── NotFoundError             NOT_FOUND: the thing named by ``field`` does not exist
    ├── ConflictError             CONFLICT: the state does not allow it (e.g. a need already claimed)
    ├── ForbiddenError            FORBIDDEN: the API key's role may not do this
    ├── Neo4jUnavailableError     NEO4J_UNAVAILABLE: the database cannot be reached; retry later
    └── QueryTimeoutError         QUERY_TIMEOUT: the query ran past NEO4J_QUERY_TIMEOUT_S; narrow it or retry
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """Root of every error the API reports to clients on purpose (never masked)."""

    code = "BAD_REQUEST"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field

    @property
    def extensions(self) -> dict[str, Any]:
        """The GraphQL ``extensions`` of this error (graphql-core copies them from the original error)."""
        out: dict[str, Any] = {"code": self.code}
        if self.field is not None:
            out["field"] = self.field
        return out


class InputError(ApiError):
    """An argument or input field is invalid; ``field`` is its path, e.g. ``input.category``."""

    code = "BAD_USER_INPUT"


class NotFoundError(ApiError):
    """Something referenced by ``field`` does not exist."""

    code = "NOT_FOUND"


class ConflictError(ApiError):
    """The current state does not allow the operation (e.g. claiming a need that is not open)."""

    code = "CONFLICT"


class ForbiddenError(ApiError):
    """The caller's role may not do this."""

    code = "FORBIDDEN"


class Neo4jUnavailableError(ApiError):
    """Neo4j cannot be reached; the API recovers by itself when it is back."""

    code = "NEO4J_UNAVAILABLE"

    def __init__(self) -> None:
        super().__init__("the graph database is unavailable; retry in a few seconds "
                         "(GET /readyz shows when it is back)")


class QueryTimeoutError(ApiError):
    """A named query ran past its server-side timeout (a busy or cold server); the client may narrow it or retry."""

    code = "QUERY_TIMEOUT"

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the query did not finish within {seconds:g} s (the server is busy or just started); "
                         "retry, or ask for a smaller page or area")
