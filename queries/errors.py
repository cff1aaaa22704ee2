"""Errors of the queries package.

Tree::

    QueryError
    ├── QueryDefinitionError   a .cypher file's header does not match its text
    ├── UnknownQueryError      no query by that name
    └── QueryParameterError    a parameter the query does not declare
"""


class QueryError(Exception):
    """Root of every error raised by :mod:`queries`."""


class QueryDefinitionError(QueryError):
    """A ``.cypher`` file's header is missing a field or its params differ from the text."""


class UnknownQueryError(QueryError):
    """No named query by that name."""

    def __init__(self, name: str, close: list[str]) -> None:
        hint = f"; did you mean {', '.join(close)}?" if close else "; `gridlink query list` shows them all"
        super().__init__(f"no named query {name!r}{hint}")
        self.name = name


class QueryParameterError(QueryError):
    """A parameter was given that the query does not declare."""

    def __init__(self, name: str, extra: list[str], declared: list[str]) -> None:
        super().__init__(f"query {name!r} has no parameter(s) {', '.join(extra)}; it takes: "
                         f"{', '.join(declared) or 'none'}")
