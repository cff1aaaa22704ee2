"""Checks of query arguments shared by the resolvers; each failure names the argument and how to fix it."""

from __future__ import annotations

import re
from typing import Any

import strawberry

from api.context import Context
from api.errors import InputError
from api.strings import shown
from api.types.common import check_first, decode_cursor
from graph import vocab

# the allowed values, from the one vocabulary
CATEGORIES = frozenset(vocab.CATEGORY_KEYS)
ORG_KINDS = frozenset(vocab.ORG_KINDS)
ORG_STATUSES = frozenset(vocab.ORG_STATUSES)
NEED_STATUSES = frozenset(vocab.NEED_STATUSES)
RESOURCE_STATUSES = frozenset(vocab.RESOURCE_STATUSES)
PROJECT_STATUSES = frozenset(vocab.PROJECT_STATUSES)

# a category key, or a Chinese word of it as ingest accepts it (医疗健康, 养老服务 …; a trailing 类 is allowed)
_CATEGORY_WORDS = vocab.word_map(vocab.CATEGORIES)
_DIVISION = re.compile(vocab.DIVISION_CODE_PATTERN)
_GRID = re.compile(vocab.GRID_CODE_PATTERN)


def division_code(value: str, field: str = "divisionCode") -> str:
    """A 12-digit statistical division code."""
    if not _DIVISION.match(value):
        raise InputError(f"{field} must be the 12-digit statistical division code (e.g. 510107005001); "
                         f"got {shown(value)}", field=field)
    return value


def level(actual: str | None, expected: set[str], code: str, field: str) -> None:
    """Refuse a division of the wrong level (e.g. a street code where a community is meant), naming the level."""
    if actual not in expected:
        raise InputError(f"{field} must be the code of a {' or '.join(sorted(expected))}; {code} is a "
                         f"{actual or 'division of unknown level'}", field=field)


def grid_uid(code: str, scheme: str, field: str = "gridCode") -> str:
    """``scheme:code`` of a grid, after checking both."""
    if not _GRID.match(code):
        raise InputError(f"{field} must be 1-40 letters or digits; got {shown(code)}", field=field)
    if not _GRID.match(scheme):
        raise InputError(f"scheme must be 1-40 letters or digits (e.g. LOCAL); got {shown(scheme)}", field="scheme")
    return f"{scheme}:{code}"


def typology_filters(urban_rural: list[str] | None, community_type: list[str] | None) -> None:
    """Check the typology filters (``urbanRural``, ``communityType``) against the vocabulary."""
    for values, allowed, field in ((urban_rural, vocab.URBAN_RURAL_CLASSES, "urbanRural"),
                                   (community_type, vocab.COMMUNITY_TYPES, "communityType")):
        for v in values or ():
            if v not in allowed:
                raise InputError(f"{field} must be among {', '.join(allowed)}; got {shown(v)}", field=field)


def one_of(value: str | None, allowed: frozenset[str], field: str) -> str | None:
    """``value`` when it is one of ``allowed`` (or ``None``)."""
    if value is not None and value not in allowed:
        raise InputError(f"{field} must be one of {', '.join(sorted(allowed))}; got {shown(value)}", field=field)
    return value


def category_key(value: str) -> str | None:
    """The category key of a key or of a Chinese category word (``None`` when it is neither)."""
    word = value.strip()
    return _CATEGORY_WORDS.get(word) or _CATEGORY_WORDS.get(word.removesuffix("类"))


def category(value: str, field: str) -> str:
    """A resource/need category key, from the key itself or the Chinese word ingest accepts (e.g. 医疗健康)."""
    key = category_key(value)
    if key is None:
        raise InputError(f"{field} must be a category key ({', '.join(sorted(CATEGORIES))}) or its Chinese word "
                         f"(e.g. 场地阵地, 医疗健康, 养老服务); got {value!r}", field=field)
    return key


def optional_category(value: str | None, field: str) -> str | None:
    """:func:`category` for an optional filter."""
    return None if value is None else category(value, field)


def area(grid_code: str | None, division_code_: str | None, scheme: str) -> dict[str, Any]:
    """Parameters ``gridUid``/``divisionCode`` for the area queries: exactly one must be given."""
    if (grid_code is None) == (division_code_ is None):
        raise InputError("give exactly one of gridCode or divisionCode", field="gridCode")
    if grid_code is not None:
        return {"gridUid": grid_uid(grid_code, scheme), "divisionCode": None}
    return {"gridUid": None, "divisionCode": division_code(division_code_ or "")}


DEFAULT_PAGE = 20


def page_size(info: strawberry.Info[Context, None], first: int | None, field: str = "first") -> int:
    """``first`` checked against the bound from settings; omitted → 20 (or the bound when smaller)."""
    bound = info.context.settings.max_page_size
    return check_first(min(DEFAULT_PAGE, bound) if first is None else first, bound, field)


def paging(info: strawberry.Info[Context, None], first: int | None, after: str | None) -> dict[str, Any]:
    """``first`` (checked, defaulted) and ``after`` (decoded), plus whether ``totalCount`` was selected."""
    return {"first": page_size(info, first),
            "after": decode_cursor(after), "withTotal": selected(info, "totalCount")}


def selected(info: strawberry.Info[Context, None], name: str) -> bool:
    """Whether the current field's selection asks for ``name`` (directly or in a fragment)."""
    stack: list[Any] = list(info.selected_fields)
    while stack:
        node = stack.pop()
        for sel in getattr(node, "selections", []) or []:
            if getattr(sel, "name", None) == name:
                return True
            stack.append(sel)
    return False
