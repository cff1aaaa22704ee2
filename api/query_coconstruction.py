"""``resourcesForGrid`` and the co-construction questions, each one named query in one round trip."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import strawberry

from api import args, db
from api.context import Context
from api.errors import InputError, NotFoundError
from api.types.common import Connection, check_first, page
from api.types.matching import (
    CommunityPartners,
    GridMemberCounts,
    OpenNeed,
    PartyChain,
    PartyCoverage,
    ResourcesForGrid,
)

Info = strawberry.Info[Context, None]
LOCAL_TZ = ZoneInfo("Asia/Shanghai")  # naive times from planning tools are Beijing time
MAX_DISTANCE_M = 20_000.0


@strawberry.type
class CoconstructionQuery:
    @strawberry.field(description=(
        "Resources that could serve the grid, ranked (README \"Ranking rule\"), each with provider, distance, "
        "availability and the reasons it qualifies. categories: only these resource categories; maxDistanceM: "
        "radius of WITHIN_DISTANCE and beyond which unlinked resources are dropped; availableAt: only resources "
        "open at that time (naive = Asia/Shanghai)."))
    async def resources_for_grid(self, info: Info, grid_code: str, scheme: str = "LOCAL",
                                 categories: list[str] | None = None, max_distance_m: float = 3000.0,
                                 available_at: datetime | None = None, limit: int = 20) -> ResourcesForGrid:
        args.grid_uid(grid_code, scheme)
        for i, c in enumerate(categories or []):
            args.one_of(c, args.CATEGORIES, f"categories[{i}]")
        if not 0 < max_distance_m <= MAX_DISTANCE_M:
            raise InputError(f"maxDistanceM must be in (0, {MAX_DISTANCE_M:.0f}]", field="maxDistanceM")
        check_first(limit, info.context.settings.max_page_size, "limit")
        at = None
        if available_at is not None:
            aware = available_at if available_at.tzinfo else available_at.replace(tzinfo=LOCAL_TZ)
            if not 1900 <= aware.year <= 2200:
                raise InputError("availableAt must be a date-time between the years 1900 and 2200",
                                 field="availableAt")
            # as UTC: Neo4j cannot parse offsets with seconds (+08:05:43, Shanghai's local mean time before
            # 1901, or any a client sends), found by fuzzing; the query converts to Asia/Shanghai itself
            at = aware.astimezone(UTC).isoformat()
        rows = await db.read("resources_for_grid", {
            "scheme": scheme, "gridCode": grid_code, "categories": categories, "maxDistanceM": max_distance_m,
            "availableAt": at, "limit": limit})
        if not rows:
            raise NotFoundError(f"gridCode: no grid {scheme}:{grid_code}", field="gridCode")
        return rows[0]  # type: ignore[return-value]

    @strawberry.field(description="Open needs of a grid or division with candidate resources for each (双向认领).")
    async def open_needs(self, info: Info, grid_code: str | None = None,
                         division_code: str | None = None, scheme: str = "LOCAL", candidates_per_need: int = 5,
                         first: int | None = None, after: str | None = None) -> Connection[OpenNeed]:
        if not 1 <= candidates_per_need <= 20:
            raise InputError("candidatesPerNeed must be between 1 and 20", field="candidatesPerNeed")
        params = {**args.area(grid_code, division_code, scheme), **args.paging(info, first, after),
                  "perNeed": candidates_per_need}
        rows = await db.read("coconstruction_open_needs", params)
        if not rows:
            raise NotFoundError("no such area; check gridCode/divisionCode",
                                field="gridCode" if grid_code else "divisionCode")
        return page(rows[0]["nodes"], params["first"], total=rows[0]["totalCount"])  # type: ignore[return-value]

    @strawberry.field(description="Organizations linked to a community (agreements, alliances, 双报到, party "
                                  "organizations, projects), strongest first.")
    async def community_partners(self, community_code: str, limit: int = 50) -> CommunityPartners:
        if not 1 <= limit <= 200:
            raise InputError("limit must be between 1 and 200", field="limit")
        rows = await db.read("coconstruction_partners", {
            "communityCode": args.division_code(community_code, "communityCode"), "limit": limit})
        if not rows:
            raise NotFoundError(f"communityCode: no division {community_code}", field="communityCode")
        return rows[0]  # type: ignore[return-value]

    @strawberry.field(description="两个覆盖: party coverage of enterprises and social organizations, per division.")
    async def party_coverage(self, division_code: str, uncovered_limit: int = 20) -> PartyCoverage:
        if not 0 <= uncovered_limit <= 200:
            raise InputError("uncoveredLimit must be between 0 and 200", field="uncoveredLimit")
        rows = await db.read("coconstruction_party_coverage", {
            "divisionCode": args.division_code(division_code), "uncoveredLimit": uncovered_limit})
        if not rows:
            raise NotFoundError(f"divisionCode: no division {division_code}", field="divisionCode")
        return rows[0]  # type: ignore[return-value]

    @strawberry.field(description="Street working committee → community party committee → grid branch for a "
                                  "street (or each street of a district), with the missing links.")
    async def party_chain(self, division_code: str) -> list[PartyChain]:
        rows = await db.read("coconstruction_chain", {"divisionCode": args.division_code(division_code)})
        return [r["chain"] for r in rows]

    @strawberry.field(description="Party members per grid of an area by status (normal, flowing, pocket, hidden): "
                                  "counts only.")
    async def member_status_by_grid(self, grid_code: str | None = None,
                                    division_code: str | None = None,
                                    scheme: str = "LOCAL") -> list[GridMemberCounts]:
        return await db.read("coconstruction_member_status",  # type: ignore[return-value]
                             args.area(grid_code, division_code, scheme))
