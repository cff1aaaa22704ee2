"""Errors of the graph package.

Tree::

    GraphError
    ├── ServerError        local Neo4j could not be provisioned, started or stopped
    ├── PortInUseError     the API's port is taken by another program
    └── SchemaError        a migration failed or the graph's schema is newer than this code
"""


class GraphError(Exception):
    """Root of every error raised by :mod:`graph`.

    Attributes:
        hint: one sentence telling the user how to fix the problem, shown by the CLI.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class ServerError(GraphError):
    """The local Neo4j server could not be provisioned, started or stopped."""


class PortInUseError(GraphError):
    """The port the API should listen on is taken by another program."""


class SchemaError(GraphError):
    """A schema migration could not be applied."""
