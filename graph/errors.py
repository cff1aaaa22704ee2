"""The root error of gridlink and the errors of the graph package.

Tree::

    GridlinkError              root: a message and a hint, shown by the CLI (ingest.errors, queries.errors derive)
    └── GraphError
        ├── ServerError        local Neo4j could not be provisioned, started or stopped
        ├── PortInUseError     the API's port is taken by another program
        └── SchemaError        a migration failed or the graph's schema is newer than this code
"""


class GridlinkError(Exception):
    """Root of every error gridlink raises for a user to act on; each package derives its own root from it.

    Attributes:
        hint: one sentence telling the user how to fix the problem, shown by the CLI.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class GraphError(GridlinkError):
    """Root of every error raised by :mod:`graph`."""


class ServerError(GraphError):
    """The local Neo4j server could not be provisioned, started or stopped."""


class PortInUseError(GraphError):
    """The port the API should listen on is taken by another program."""


class SchemaError(GraphError):
    """A schema migration could not be applied."""
