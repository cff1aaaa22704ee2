"""Errors of the queries package.

Tree (under :class:`graph.errors.GridlinkError`)::

    QueryError
    ├── QueryDefinitionError   a .cypher file's header does not match its text
    ├── UnknownQueryError      no query by that name
    └── QueryParameterError    a parameter the query does not declare, or a required one is missing
        └── QueryParameterValueError   a value does not fit the parameter's declared type
"""

from graph.errors import GridlinkError


class QueryError(GridlinkError):
    """Root of every error raised by :mod:`queries` (with the ``hint`` of :class:`~graph.errors.GridlinkError`)."""


class QueryDefinitionError(QueryError):
    """A ``.cypher`` file's header is missing a field or its params differ from the text."""


class UnknownQueryError(QueryError):
    """No named query by that name."""

    def __init__(self, name: str, close: list[str]) -> None:
        hint = f"; did you mean {', '.join(close)}?" if close else "; `gridlink query list` shows them all"
        super().__init__(f"no named query {name!r}{hint}")
        self.name = name


class QueryParameterError(QueryError):
    """A parameter was given that the query does not declare (or, with ``reason``, is wrong otherwise)."""

    def __init__(self, name: str, extra: list[str], declared: list[str], reason: str | None = None) -> None:
        takes = ", ".join(declared) or "none"
        if reason is None:
            msg = f"query {name!r} has no parameter(s) {', '.join(extra)}; it takes: {takes}"
        else:
            msg = f"query {name!r}: parameter(s) {', '.join(extra)} {reason}; it takes: {takes}"
        super().__init__(msg)
        self.name = name
        self.params = extra
        self.hint = f"`gridlink query show {name}` lists its parameters with their types"


class QueryParameterValueError(QueryParameterError):
    """A value does not fit the parameter's declared type."""

    def __init__(self, name: str, param: str, declared: str, text: str, why: str) -> None:
        QueryError.__init__(self, f"query {name!r}: parameter {param} expects {declared}, got {text!r} ({why})")
        self.name = name
        self.params = [param]
        self.hint = f"pass --param {param}=<{declared}>; codes stay text, dates are YYYY-MM-DD, lists a,b,c"
