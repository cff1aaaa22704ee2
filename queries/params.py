"""Typed parameter values for named queries, from the ``// params:`` header's declared types.

The header declares each parameter as ``name (type)``. Types understood here:

========================  =========================================  ==========================
declared type             command-line text                          value sent to Neo4j
========================  =========================================  ==========================
``str``                   ``code=510107005000`` (kept as text)       ``'510107005000'``
``int`` / ``float``       ``limit=20`` / ``radius=1.5``              ``20`` / ``1.5``
``bool``                  ``true``/``false``/``yes``/``no``/``1``/``0``  ``True`` / ``False``
``date``                  ``2025-06-30``                             a ``datetime.date``
``list[str]`` etc.        ``venue,medical`` (comma separated)        ``['venue', 'medical']``
``any`` (or undeclared)   JSON when it parses, else the text         as parsed
========================  =========================================  ==========================

A trailing ``?`` (``category (str?)``) marks a parameter that may be left out; it is then passed as null.
Codes are ``str`` on purpose: ``0510`` must keep its leading zero.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from queries.catalog import NamedQuery
from queries.errors import QueryParameterError, QueryParameterValueError

_TRUE = {"true", "yes", "y", "1", "on"}
_FALSE = {"false", "no", "n", "0", "off"}


def _bool(text: str) -> bool:
    low = text.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise ValueError("expected true or false")


def _any(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


_SCALARS: dict[str, Callable[[str], Any]] = {
    "str": str,
    "string": str,
    "int": int,
    "integer": int,
    "float": float,
    "bool": _bool,
    "boolean": _bool,
    "date": dt.date.fromisoformat,
    "any": _any,
}


def _declared(query: NamedQuery) -> list[str]:
    return [f"{k} ({v})" for k, v in query.params.items()]


def base_type(declared: str) -> tuple[str, bool]:
    """Split a declared type into its base and whether the parameter is optional.

    Example:
        >>> base_type("str?")
        ('str', True)
    """
    text = declared.strip()
    optional = text.endswith("?") or "optional" in text
    text = text.rstrip("?").replace("optional", "").strip(" ,") or "any"
    return text, optional


def is_optional(declared: str) -> bool:
    """True when the declared type ends with ``?`` (the parameter may be null)."""
    return base_type(declared)[1]


def convert(query: NamedQuery, name: str, text: str) -> Any:
    """Turn one command-line value into the Python value of the declared type.

    Args:
        query: the named query.
        name: parameter name.
        text: the value as typed (``null`` gives None for any type).

    Raises:
        QueryParameterError: the query has no such parameter.
        QueryParameterValueError: the text is not a value of the declared type.
    """
    if name not in query.params:
        raise QueryParameterError(query.name, [name], _declared(query))
    declared, _ = base_type(query.params[name])
    if text.strip().lower() == "null":
        return None
    try:
        if declared.startswith("list[") and declared.endswith("]"):
            item = _SCALARS.get(declared[5:-1].strip(), _any)
            return [item(part.strip()) for part in text.split(",") if part.strip()]
        return _SCALARS.get(declared, _any)(text)
    except ValueError as e:
        raise QueryParameterValueError(query.name, name, query.params[name], text, str(e)) from None


def parse_assignments(query: NamedQuery, assignments: list[str]) -> dict[str, Any]:
    """Parse ``k=v`` strings into typed parameters and check that every required parameter is given.

    Raises:
        QueryParameterError: a malformed assignment, an unknown name, or a required parameter is missing.
        QueryParameterValueError: a value does not fit its declared type.
    """
    values: dict[str, Any] = {}
    for item in assignments:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise QueryParameterError(query.name, [item], _declared(query),
                                      reason="is not of the form name=value")
        values[name.strip()] = convert(query, name.strip(), text)
    missing = [p for p, t in query.params.items() if p not in values and not is_optional(t)]
    if missing:
        raise QueryParameterError(query.name, missing, _declared(query), reason="is required")
    return values
