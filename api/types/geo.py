"""Divisions and grids."""

from __future__ import annotations

from typing import Any

import strawberry

from api.types.common import Point, short_name_field
from queries import typology


def _urban_rural(root: strawberry.Parent[Any]) -> str | None:
    return root.get("urbanRural") if isinstance(root, dict) else None


def _community_type(root: strawberry.Parent[Any]) -> str | None:
    if not isinstance(root, dict):
        return None
    if "derivedType" in root:
        return root["derivedType"]  # type: ignore[no-any-return]
    return typology.community_type(root.get("level"), root["code"], root.get("kind"), root.get("communityType"),
                                   root.get("typeHouseholds") or ())


@strawberry.type(description="A division in short: enough to link to it.")
class DivisionRef:
    code: str = strawberry.field(description="12-digit statistical code.")
    name: str
    level: str = strawberry.field(description="city, district, street, community (or grid in `leads`).")
    short_name: str | None = short_name_field()


@strawberry.type(description="A division in a list of children, with what hangs below it.")
class DivisionNode:
    code: str
    name: str
    level: str
    kind: str | None
    child_count: int = strawberry.field(description="Divisions directly below it.")
    grid_count: int = strawberry.field(description="Grids anywhere in it (a street's, district's, city's included).")
    urban_rural: str | None = strawberry.field(resolver=_urban_rural, description=(
        "城乡分类代码 (111 … 220) as the divisions table gives it."))
    community_type: str | None = strawberry.field(resolver=_community_type, description=(
        "Community type key, given or derived from the compounds (docs/indicators.md); null above communities."))


@strawberry.type(description="A grid in short.")
class GridRef:
    uid: str = strawberry.field(description="scheme:code")
    scheme: str
    code: str
    name: str | None
    short_name: str | None = short_name_field()


@strawberry.type(description="A division with its path to the top, its children and (communities) its grids.")
class Division:
    code: str
    name: str
    level: str
    kind: str | None
    gb2260: str | None
    urban_rural: str | None
    child_count: int = strawberry.field(description="Divisions directly below it.")
    grid_count: int = strawberry.field(description="Grids anywhere in it (a street's, district's, city's included).")
    ancestors: list[DivisionRef] = strawberry.field(description="From the top (city) down to the parent.")
    children: list[DivisionNode]
    grids: list[GridRef]


@strawberry.type
class BBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


@strawberry.type(description="A party organization, a host unit or a provider in short.")
class OrgRef:
    uid: str
    name: str
    kind: str = strawberry.field(description="enterprise, public_unit, social_org or party_org.")
    short_name: str | None = short_name_field()


@strawberry.type(description="A grid (网格) with its place in the division tree.")
class Grid:
    uid: str
    scheme: str
    code: str
    name: str | None
    short_name: str | None = short_name_field()
    community_code: str | None
    community: DivisionRef | None
    street: DivisionRef | None
    centroid: Point | None
    bbox: BBox | None
    boundary: str | None = strawberry.field(description="GeoJSON geometry, as text.")
    party_branches: list[OrgRef] = strawberry.field(description="Party organizations that LEAD the grid.")
    organization_count: int
    resource_count: int
    open_need_count: int
