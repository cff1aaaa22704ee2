"""Central checks of client strings: every string argument is checked before any resolver sees it, and error
messages quote client values cut to a short prefix.

Found by trying the API (issue #11): a lone surrogate (``"ab\\ud800cd"`` in JSON) is a valid GraphQL ``String``
but cannot be encoded as UTF-8, so the Neo4j driver failed on it and the client got a masked ``INTERNAL`` error —
in ``organization``, ``searchOrganizations.text``, ``organizations.filter.industry``, ``partyOrganization.uid``
and every other string argument. One resolver hook (:class:`ArgumentGuard`) covers them all, input objects and
lists included, and names the argument: ``BAD_USER_INPUT`` with ``field`` e.g. ``filter.industry``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from strawberry.extensions import SchemaExtension

from api.errors import InputError
from api.types.common import _camel

#: characters of a client value an error message quotes
SHOWN = 40


def shown(value: object, limit: int = SHOWN) -> str:
    """``repr(value)`` cut to ``limit`` characters of the value (a 1 MB value must not come back 14 MB)."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}… ({len(value)} characters)"
    text = repr(value)
    return text if len(text) <= limit + 2 else text[:limit] + "…"


def encodable(text: str) -> bool:
    """Whether ``text`` can be encoded as UTF-8 (no lone surrogates)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_strings(value: object, field: str) -> None:
    """Raise :class:`InputError` naming the first string in ``value`` (a string, list or input object) that is
    not valid Unicode text."""
    if isinstance(value, str):
        if not encodable(value):
            raise InputError(f"{field} is not valid Unicode text (it holds a lone surrogate, e.g. \\ud800); "
                             "send UTF-8 text", field=field)
    elif isinstance(value, dict):  # an input object as graphql-core hands it over (GraphQL field names)
        for name, item in value.items():
            check_strings(item, f"{field}.{name}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            check_strings(item, f"{field}[{i}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            check_strings(getattr(value, f.name), f"{field}.{_camel(f.name)}")


class ArgumentGuard(SchemaExtension):
    """Check the string arguments of every field before its resolver runs (see the module docstring)."""

    def resolve(self, _next: Callable[..., Any], root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        for name, value in kwargs.items():
            if value is not None and not isinstance(value, int | float | bool):
                check_strings(value, _camel(name))
        return _next(root, info, *args, **kwargs)
