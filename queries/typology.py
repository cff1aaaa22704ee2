"""Community typology (issue #13 part 3): the urban-rural class and the community type, derived in ONE place.

The urban-rural class (城乡分类代码) is what the divisions table says (validated at ingest against
``graph.vocab.URBAN_RURAL_CLASSES``). The community type of a community is, first match wins:

1. the type the divisions table gives (社区类型, a key of ``graph.vocab.COMMUNITY_TYPES``);
2. ``village`` for a village committee (村: kind 村, or village-level code 200-399);
3. from its compounds' households: the community type a compound type speaks for (``graph.vocab.
   COMPOUND_COMMUNITY_TYPE``: 商品房小区 -> 商品房社区, 老旧院落/胡同 -> 老旧院落社区, 单位大院 -> 单位型社区,
   安置小区/村民小组 -> 村改居社区) when it holds at least :data:`DOMINANT_SHARE` of the households of compounds with a
   household count; ``mixed`` (混合型) otherwise;
4. unknown (``None``) when it has no compound with households.

Streets and districts have no type of their own. docs/indicators.md states the same rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graph import vocab

#: a compound type holding at least this share of a community's households gives the community its type
DOMINANT_SHARE = 0.6


def community_type(level: str | None, code: str, kind: str | None, given: str | None,
                   type_households: Iterable[Mapping[str, Any]]) -> str | None:
    """The community type key of a division (``None`` for streets and districts or when unknown).

    Args:
        level: the division's level.
        code: its 12-digit code.
        kind: its kind (社区/村/…).
        given: ``Division.communityType`` as loaded.
        type_households: ``{type, households}`` per compound type of its compounds.
    """
    if level != "community":
        return None
    if given in vocab.COMMUNITY_TYPES:
        return given
    if kind == "村" or 200 <= int(code[9:12] or 0) < 400:
        return "village"
    by: Counter[str] = Counter()
    for t in type_households:
        by[vocab.COMPOUND_COMMUNITY_TYPE.get(str(t["type"]), "")] += int(t["households"] or 0)
    total = sum(by.values())
    if total <= 0:
        return None
    best, households = max(((k, v) for k, v in by.items() if k), key=lambda kv: kv[1], default=("", 0))
    return best if households / total >= DOMINANT_SHARE else "mixed"


def label(key: str | None) -> str | None:
    """The Chinese word of a community type key (商品房社区 …)."""
    return vocab.COMMUNITY_TYPES[key][0] if key is not None and key in vocab.COMMUNITY_TYPES else None


def urban_rural_label(code: str | None) -> str | None:
    """The Chinese word of an urban-rural class (主城区 …)."""
    return vocab.URBAN_RURAL_CLASSES[code][0] if code is not None and code in vocab.URBAN_RURAL_CLASSES else None


def keep(row: Mapping[str, Any], urban_rural: Sequence[str] | None, community_types: Sequence[str] | None) -> bool:
    """Whether a listed division passes the typology filters (``None``: no filter). A row with ``communityType``
    and ``urbanRural`` keys (as typed by :func:`community_type` and loaded)."""
    if urban_rural and row.get("urbanRural") not in urban_rural:
        return False
    return not (community_types and row.get("communityType") not in community_types)
