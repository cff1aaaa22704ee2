"""Shared GraphQL types (points, pages) and the default resolver that reads Cypher-shaped maps.

Named queries return nested maps whose keys are the GraphQL (camelCase) field names, so the API needs no
per-type conversion code: the default resolver looks the field up in the map. A missing key is a bug in a query
and fails loudly (masked for the client, logged with an error id).
"""

from __future__ import annotations

import base64
import binascii
from functools import lru_cache
from typing import Any, Generic, TypeVar

import strawberry

from api.errors import InputError

T = TypeVar("T")


@lru_cache(maxsize=2048)
def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def field_from_map(source: Any, name: str) -> object:
    """Strawberry's default resolver: ``source[camelCase(name)]`` for maps, ``getattr`` otherwise."""
    if isinstance(source, dict):
        return source[_camel(name)]
    return getattr(source, name)


def _short_name(root: strawberry.Parent[Any]) -> str | None:
    value = root.get("shortName") if isinstance(root, dict) else getattr(root, "short_name", None)
    return None if value is None else str(value)


def short_name_field() -> Any:
    """The ``shortName`` field: the short display name ingest keeps on the node (graph/names.py)."""
    return strawberry.field(resolver=_short_name, description=(
        "Short display name kept on the node (graph/names.py): 第3网格, 玉林北路社区党委, 景杏企业管理咨询, 课后辅导; "
        "null where the query does not carry it or the node has none."))


@strawberry.type(description="WGS-84 point.")
class Point:
    longitude: float
    latitude: float


@strawberry.type
class PageInfo:
    end_cursor: str | None = strawberry.field(description="Pass as `after` to get the next page.")
    has_next_page: bool


@strawberry.type(description="A page of results, in a stable order.")
class Connection(Generic[T]):
    total_count: int | None = strawberry.field(
        description="All matches (counted in the database, nothing materialised); null if not selected.")
    nodes: list[T]
    page_info: PageInfo


def encode_cursor(value: str | int) -> str:
    """Opaque cursor for a sort key (uid or offset)."""
    return base64.urlsafe_b64encode(str(value).encode()).decode()


def decode_cursor(cursor: str | None, field: str = "after") -> str | None:
    """The sort key inside a cursor (``None`` → first page).

    Raises:
        InputError: not a cursor this API produced.
    """
    if cursor is None:
        return None
    try:
        key = base64.b64decode(cursor.encode(), altchars=b"-_", validate=True).decode()
        if not key:
            raise ValueError(cursor)
        return key
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InputError(f"{field}: not a cursor from this API; pass pageInfo.endCursor of the previous page",
                         field=field) from None


def offset_cursor(key: str | None, field: str = "after") -> int:
    """The offset inside a decoded offset cursor (``None`` → 0).

    Raises:
        InputError: not an offset this API produced ("²" passes ``str.isdigit`` but not ``int``; 5,000 digits
            pass both checks but not ``int``'s 4,300-digit limit).
    """
    if key is None:
        return 0
    if not (key.isascii() and key.isdecimal() and len(key) <= 9):
        raise InputError(f"{field}: not a cursor from this API; pass pageInfo.endCursor of the previous page",
                         field=field)
    return int(key)


def check_first(first: int, max_page_size: int, field: str = "first") -> int:
    """Validate a page size against the bound from settings."""
    if not 1 <= first <= max_page_size:
        raise InputError(f"{field} must be between 1 and {max_page_size}; got {first}", field=field)
    return first


def page(rows: list[dict[str, Any]], first: int, key: str = "uid", total: int | None = None,
         offset: int | None = None) -> dict[str, Any]:
    """Shape ``first + 1`` fetched rows into a connection map (the extra row only says there is a next page)."""
    nodes = rows[:first]
    has_next = len(rows) > first
    if offset is not None:
        end = encode_cursor(offset + len(nodes)) if nodes else None
    else:
        end = encode_cursor(nodes[-1][key]) if nodes else None
    return {"totalCount": total, "nodes": nodes, "pageInfo": {"endCursor": end, "hasNextPage": has_next}}
