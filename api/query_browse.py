"""Browse and look up: the division tree, grids, organizations, party organizations, resources, needs, projects.

Every root field makes one round trip (``gridAt`` two: candidates by bounding box, then the grid), with the
result shaped by its named query.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import strawberry
from shapely.errors import ShapelyError
from shapely.geometry import Point as ShapelyPoint
from shapely.geometry import shape

from api import args, db
from api.context import Context
from api.disclosure import status_counts
from api.errors import InputError, NotFoundError
from api.localtime import today
from api.types.common import Connection, decode_cursor, encode_cursor, offset_cursor, page
from api.types.geo import Division, DivisionNode, Grid, GridRef
from api.types.listings import Need, Project, Resource
from api.types.orgs import Organization, PartyOrganization
from queries import typology
from queries.member_rules import get_member_rules

log = logging.getLogger(__name__)
Info = strawberry.Info[Context, None]
# grids are a few km across at most: candidates are looked for this far from the point
GRID_SEARCH_RADIUS_M = 5000.0


@strawberry.input(description="Filters of `organizations`; all optional.")
class OrganizationFilter:
    kind: str | None = strawberry.field(default=None, description="enterprise, public_unit, social_org, party_org.")
    status: str | None = strawberry.field(default=None, description="ACTIVE, REVOKED, CANCELLED, …")
    industry: str | None = strawberry.field(default=None, description="GB/T 4754 letter or code, as loaded.")
    has_party_organization: bool | None = None


async def _page(name: str, params: dict[str, Any], field: str) -> dict[str, Any]:
    return await _page_of(await db.read(name, params), params["first"], field)


async def _page_of(rows: list[dict[str, Any]], first: int, field: str) -> dict[str, Any]:
    if not rows:
        raise NotFoundError(f"{field}: no such area; check the code (divisions(), division(code:) list them)",
                            field=field)
    return page(rows[0]["nodes"], first, total=rows[0]["totalCount"])


@strawberry.type
class BrowseQuery:
    @strawberry.field(description=(
        "Children of a division (by parentCode), or the top of the tree when omitted; urbanRural and communityType "
        "keep the children of those classes and types (docs/indicators.md)."))
    async def divisions(self, info: Info, parent_code: str | None = None, urban_rural: list[str] | None = None,
                        community_type: list[str] | None = None) -> list[DivisionNode] | None:
        args.typology_filters(urban_rural, community_type)
        if parent_code is None:
            return [r["division"] for r in await db.read("division_roots", {})
                    if typology.keep(r["division"], urban_rural, community_type)]
        # the counts walk every grid below each child, the types every IN_DIVISION of it: only when asked for
        counts = args.selected(info, "childCount") or args.selected(info, "gridCount")
        types = bool(community_type) or args.selected(info, "communityType")
        rows = await db.read("division_children", {"code": args.division_code(parent_code, "parentCode"),
                                                   "withCounts": counts, "withTypes": types})
        if not rows:
            raise NotFoundError(f"parentCode: no division {parent_code}", field="parentCode")
        children = [{**c, "derivedType": typology.community_type(c["level"], c["code"], c["kind"],
                                                                 c.get("communityType"), c["typeHouseholds"])}
                    if types else c for c in rows[0]["children"]]
        kept: list[Any] = [c for c in children if typology.keep({**c, "communityType": c.get("derivedType")},
                                                                 urban_rural, community_type)]
        return kept

    @strawberry.field(description="A division by its 12-digit code, with ancestors, children and grids.")
    async def division(self, code: str) -> Division | None:
        rows = await db.read("division_detail", {"code": args.division_code(code, "code")})
        return rows[0]["division"] if rows else None

    @strawberry.field(description="A grid by its code (and scheme, default LOCAL).")
    async def grid(self, code: str, scheme: str = "LOCAL") -> Grid | None:
        args.grid_uid(code, scheme, "code")
        rows = await db.read("grid_by_code", {"scheme": scheme, "code": code})
        return rows[0]["grid"] if rows else None

    @strawberry.field(description="The grid containing a WGS-84 point (exact polygon test), or null.")
    async def grid_at(self, longitude: float, latitude: float, scheme: str = "LOCAL") -> Grid | None:
        if not (-180 <= longitude <= 180):
            raise InputError("longitude must be within -180..180", field="longitude")
        if not (-90 <= latitude <= 90):
            raise InputError("latitude must be within -90..90", field="latitude")
        args.grid_uid("x", scheme)
        candidates = await db.read("grid_candidates_at_point", {
            "scheme": scheme, "longitude": longitude, "latitude": latitude, "radiusM": GRID_SEARCH_RADIUS_M})
        here = ShapelyPoint(longitude, latitude)
        for c in candidates:
            try:
                if c["boundary"] and shape(json.loads(c["boundary"])).covers(here):
                    rows = await db.read("grid_by_code", {"scheme": c["scheme"], "code": c["code"]})
                    return rows[0]["grid"] if rows else None
            except (ValueError, ShapelyError, AttributeError, TypeError):
                log.warning("grid %s has an unreadable boundary; skipped", c["uid"])
        return None

    @strawberry.field(description="Grids of a community, a page at a time.")
    async def grids(self, info: Info, community_code: str, first: int | None = None,
                    after: str | None = None) -> Connection[GridRef] | None:
        p = args.paging(info, first, after)
        code = args.division_code(community_code, "communityCode")
        rows = await db.read("grid_list", {"communityCode": code, **p})
        if rows:
            args.level(rows[0]["level"], {"community"}, code, "communityCode")
        return await _page_of(rows, p["first"], "communityCode")  # type: ignore[return-value]

    @strawberry.field(description="An organization of any kind by uid or by unified social credit code.")
    async def organization(self, info: Info, uid: str | None = None,
                           uscc: str | None = None) -> Organization | None:
        if (uid is None) == (uscc is None):
            raise InputError("give exactly one of uid or uscc", field="uid")
        rows = await db.read("org_detail", {"uid": uid, "uscc": uscc.strip().upper() if uscc else None,
                                            "personal": info.context.personal,
                                            "withParents": args.selected(info, "parent")})
        return rows[0]["organization"] if rows else None

    @strawberry.field(description="Organizations whose name or alias contains the text (full-text, cjk bigrams; "
                                  "at least 2 characters), best match first. totalCount counts every hit, but only "
                                  "the first GRIDLINK_API_MAX_SEARCH_HITS (default 1000) can be paged: the page that "
                                  "reaches them says hasNextPage false; refine the text to see others.")
    async def search_organizations(self, info: Info, text: str, kind: str | None = None,
                                   first: int | None = None,
                                   after: str | None = None) -> Connection[Organization] | None:
        text = text.strip()
        if len(text) < 2 or len(text) > 50:
            raise InputError("text must have 2 to 50 characters (Chinese is matched by pairs of characters)",
                             field="text")
        p = args.paging(info, first, after)
        skip = offset_cursor(p["after"])
        cap = info.context.settings.max_search_hits
        if skip > cap:
            raise InputError(f"after: full-text results are paged up to the first {cap} hits; refine the text",
                             field="after")
        # a quoted phrase: Lucene syntax in user text is escaped, and CJK bigrams must be consecutive
        phrase = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        rows = await db.read("org_search", {"text": phrase, "kind": args.one_of(kind, args.ORG_KINDS, "kind"),
                                            "skip": skip, "first": p["first"], "personal": info.context.personal,
                                            "withParents": args.selected(info, "parent")})
        result = page(rows[0]["nodes"][: cap - skip], p["first"], total=rows[0]["totalCount"], offset=skip)
        if skip + len(result["nodes"]) >= cap:  # the cap is the end: no cursor beyond it is accepted
            result["pageInfo"]["hasNextPage"] = False
        return result  # type: ignore[return-value]

    @strawberry.field(description="Organizations in a grid or division (any level), filtered, by uid.")
    async def organizations(self, info: Info, grid_code: str | None = None,
                            division_code: str | None = None, scheme: str = "LOCAL",
                            filter: OrganizationFilter | None = None,
                            first: int | None = None, after: str | None = None) -> Connection[Organization] | None:
        f = filter or OrganizationFilter()
        params = {**args.area(grid_code, division_code, scheme), **args.paging(info, first, after),
                  "kind": args.one_of(f.kind, args.ORG_KINDS, "filter.kind"),
                  "status": args.one_of(f.status, args.ORG_STATUSES, "filter.status"),
                  "industry": f.industry, "hasPartyOrganization": f.has_party_organization,
                  "personal": info.context.personal, "withParents": args.selected(info, "parent")}
        return await _page("org_in_area", params, "gridCode" if grid_code else "divisionCode")  # type: ignore[return-value]

    @strawberry.field(description="A party organization with its hierarchy, host units and the areas it leads.")
    async def party_organization(self, info: Info, uid: str) -> PartyOrganization | None:
        rows = await db.read("org_party_detail", {"uid": uid, "personal": info.context.personal,
                                                  **get_member_rules().status_params(today())})
        if not rows:
            return None
        party = rows[0]["party"]
        if not info.context.personal:  # the members' statuses are personal: small counts are suppressed
            party["membersByStatus"] = status_counts(party["membersByStatus"], info.context.settings.min_member_count)
        return party  # type: ignore[no-any-return]

    @strawberry.field(description="Resources (资源清单) in a grid or division.")
    async def resources(self, info: Info, grid_code: str | None = None,
                        division_code: str | None = None, scheme: str = "LOCAL", category: str | None = None,
                        status: str | None = None, first: int | None = None,
                        after: str | None = None) -> Connection[Resource] | None:
        params = {**args.area(grid_code, division_code, scheme), **args.paging(info, first, after),
                  "category": args.optional_category(category, "category"),
                  "status": args.one_of(status, args.RESOURCE_STATUSES, "status")}
        return await _page("resource_list", params, "gridCode" if grid_code else "divisionCode")  # type: ignore[return-value]

    @strawberry.field(description="Needs (需求清单) in a grid or division.")
    async def needs(self, info: Info, grid_code: str | None = None,
                    division_code: str | None = None, scheme: str = "LOCAL", category: str | None = None,
                    status: str | None = None, first: int | None = None,
                    after: str | None = None) -> Connection[Need] | None:
        params = {**args.area(grid_code, division_code, scheme), **args.paging(info, first, after),
                  "category": args.optional_category(category, "category"),
                  "status": args.one_of(status, args.NEED_STATUSES, "status")}
        return await _page("need_list", params, "gridCode" if grid_code else "divisionCode")  # type: ignore[return-value]

    @strawberry.field(description="Co-construction projects (项目清单) in a grid or division.")
    async def projects(self, info: Info, grid_code: str | None = None,
                       division_code: str | None = None, scheme: str = "LOCAL", status: str | None = None,
                       first: int | None = None, after: str | None = None) -> Connection[Project] | None:
        params = {**args.area(grid_code, division_code, scheme), **args.paging(info, first, after),
                  "status": args.one_of(status, args.PROJECT_STATUSES, "status")}
        return await _page("project_list", params, "gridCode" if grid_code else "divisionCode")  # type: ignore[return-value]


__all__ = ["BrowseQuery", "OrganizationFilter", "decode_cursor", "encode_cursor"]
