"""``resourcesForGrid`` and the co-construction questions, each one named query in one round trip."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import strawberry

from api import args, db
from api.context import Context
from api.disclosure import member_rows
from api.errors import InputError, NotFoundError
from api.localtime import LOCAL_TZ, today
from api.types.common import Connection, check_first, page
from api.types.linkage import Responsibility
from api.types.matching import (
    CommunityPartners,
    GridMemberCounts,
    OpenNeed,
    PartyChain,
    PartyCoverage,
    ResourcesForCompound,
    ResourcesForGrid,
)
from queries import linkage_rules
from queries.linkage_rules import role_label
from queries.member_rules import get_member_rules

Info = strawberry.Info[Context, None]
MAX_DISTANCE_M = 20_000.0


@strawberry.type
class CoconstructionQuery:
    @strawberry.field(description=(
        "Resources that could serve the grid, ranked (README \"Ranking rule\"), each with provider, distance, "
        "availability and the reasons it qualifies. categories: only these resource categories (keys or the "
        "Chinese words ingest accepts, e.g. 医疗健康); maxDistanceM: radius of WITHIN_DISTANCE and beyond which "
        "unlinked resources are dropped; availableAt: only resources open at that instant (naive = "
        "Asia/Shanghai; a date alone is 00:00 — use availableOn for a whole day); availableOn: only resources "
        "open some time that day (dates, weekdays); includeExpired: also resources whose availableTo has passed "
        "(left out by default)."))
    async def resources_for_grid(self, info: Info, grid_code: str, scheme: str = "LOCAL",
                                 categories: list[str] | None = None, max_distance_m: float = 3000.0,
                                 available_at: datetime | None = None, available_on: date | None = None,
                                 include_expired: bool = False, limit: int = 20) -> ResourcesForGrid | None:
        args.grid_uid(grid_code, scheme)
        rows = await _rank(info, scheme, grid_code, None, categories, max_distance_m, available_at, available_on,
                           include_expired, limit)
        if rows is None:
            raise NotFoundError(f"gridCode: no grid {scheme}:{grid_code}", field="gridCode")
        return rows  # type: ignore[return-value]

    @strawberry.field(description=(
        "Resources that could serve a compound (小区/院落): resourcesForGrid's ranking — the same rule, one named "
        "query — for the grid the compound lies in, with distances (WITHIN_DISTANCE, maxDistanceM, ties) measured "
        "from the compound's location instead of the grid's centroid (the centroid when the compound has no "
        "point). A compound placed to its community only has no grid to rank from: an error says so. The other "
        "arguments as resourcesForGrid."))
    async def resources_for_compound(self, info: Info, code: str, categories: list[str] | None = None,
                                     max_distance_m: float = 3000.0, available_at: datetime | None = None,
                                     available_on: date | None = None, include_expired: bool = False,
                                     limit: int = 20) -> ResourcesForCompound | None:
        if not 0 < len(code.strip()) <= 500:
            raise InputError("code must be a compound uid (1-500 characters)", field="code")
        found = await db.read("compound_place", {"uid": code.strip()})
        if not found:
            raise NotFoundError(f"code: no compound {code.strip()}", field="code")
        place = found[0]
        if place["grid"] is None:
            raise NotFoundError(f"code: compound {code.strip()} lies in no grid (placed to its community only); "
                                "ask resourcesForGrid for a grid near it", field="code")
        rows = await _rank(info, place["grid"]["scheme"], place["grid"]["code"], place["location"], categories,
                           max_distance_m, available_at, available_on, include_expired, limit)
        if rows is None:  # the grid went away between the two reads
            raise NotFoundError(f"code: compound {code.strip()} lies in no grid", field="code")
        return {"compound": place["compound"], "origin": place["location"], **rows}  # type: ignore[return-value]

    @strawberry.field(description="Open needs of a grid or division with candidate resources for each (双向认领).")
    async def open_needs(self, info: Info, grid_code: str | None = None,
                         division_code: str | None = None, scheme: str = "LOCAL", candidates_per_need: int = 5,
                         first: int | None = None, after: str | None = None) -> Connection[OpenNeed] | None:
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
    async def community_partners(self, community_code: str, limit: int = 50) -> CommunityPartners | None:
        if not 1 <= limit <= 200:
            raise InputError("limit must be between 1 and 200", field="limit")
        rows = await db.read("coconstruction_partners", {
            "communityCode": args.division_code(community_code, "communityCode"), "limit": limit})
        if not rows:
            raise NotFoundError(f"communityCode: no division {community_code}", field="communityCode")
        args.level(rows[0]["community"]["level"], {"community"}, community_code, "communityCode")
        return rows[0]  # type: ignore[return-value]

    @strawberry.field(description="两个覆盖: party coverage of enterprises and social organizations, per division.")
    async def party_coverage(self, division_code: str, uncovered_limit: int = 20) -> PartyCoverage | None:
        if not 0 <= uncovered_limit <= 200:
            raise InputError("uncoveredLimit must be between 0 and 200", field="uncoveredLimit")
        rows = await db.read("coconstruction_party_coverage", {
            "divisionCode": args.division_code(division_code), "uncoveredLimit": uncovered_limit})
        if not rows:
            raise NotFoundError(f"divisionCode: no division {division_code}", field="divisionCode")
        return rows[0]  # type: ignore[return-value]

    @strawberry.field(description=(
        "三级联动 for a street (or each street of a district): street working committee and its 街道大工委 → "
        "community committee and its 社区大党委 → grid branch, the part-time members (兼职委员) with their 12-month "
        "activity up to asOf (default today), the 包联 departments, and the gaps with a Chinese message "
        "(docs/linkage.md)."))
    async def party_chain(self, division_code: str, as_of: date | None = None) -> list[PartyChain] | None:
        if as_of is not None and not 1900 <= as_of.year <= 2200:
            raise InputError("asOf must be a date between the years 1900 and 2200", field="asOf")
        rows = await db.read("coconstruction_chain", {"divisionCode": args.division_code(division_code),
                                                      **linkage_rules.params(as_of)})
        if not rows:  # no street in it: a code of another level, or none at all (one more read, on this path only)
            found = await db.read("division_detail", {"code": division_code})
            if not found:
                raise NotFoundError(f"divisionCode: no division {division_code}", field="divisionCode")
            args.level(found[0]["division"]["level"], {"street", "district"}, division_code, "divisionCode")
        return [linkage_rules.with_messages(r["chain"]) for r in rows]  # type: ignore[misc]

    @strawberry.field(description=(
        "三级联动责任体系: who answers for a community — the street working committee's secretary, the street "
        "office departments 包联 for it or its grids, the community committee's secretary and the grid branch "
        "secretaries. Names for planner and admin roles only; readers get the roles."))
    async def responsibility(self, info: Info, community_code: str) -> Responsibility | None:
        code = args.division_code(community_code, "communityCode")
        rows = await db.read("linkage_responsibility", {"communityCode": code, "personal": info.context.personal})
        if not rows:
            raise NotFoundError(f"communityCode: no division {community_code}", field="communityCode")
        args.level(rows[0]["community"]["level"], {"community"}, community_code, "communityCode")
        return {**rows[0], "answerers": [{**a, "roleLabel": role_label(a["role"])}  # type: ignore[return-value]
                                         for a in rows[0]["answerers"]]}

    @strawberry.field(description=(
        "Party members per grid of an area by status (normal, flowing, pocket, hidden): counts only. For roles "
        "that may not see personal data, counts from 1 to GRIDLINK_API_MIN_MEMBER_COUNT - 1 (default: 1 and 2) "
        "are null, and one more count of the grid when a single null could be worked out from the total."))
    async def member_status_by_grid(self, info: Info, grid_code: str | None = None,
                                    division_code: str | None = None,
                                    scheme: str = "LOCAL") -> list[GridMemberCounts] | None:
        rows = await db.read("coconstruction_member_status", {**args.area(grid_code, division_code, scheme),
                                                               **get_member_rules().status_params(today())})
        if not info.context.personal:
            rows = member_rows(rows, info.context.settings.min_member_count)
        return rows  # type: ignore[return-value]


async def _rank(info: Info, scheme: str, grid_code: str, origin: dict[str, float] | None,
                categories: list[str] | None, max_distance_m: float, available_at: datetime | None,
                available_on: date | None, include_expired: bool, limit: int) -> dict[str, Any] | None:
    """The checked arguments of the ranking and its one named query (``resources_for_grid``); ``None`` when the
    grid is unknown. ``origin``: where distances are measured from (default: the grid's centroid)."""
    keys = [args.category(c, f"categories[{i}]") for i, c in enumerate(categories or [])]
    if not 0 < max_distance_m <= MAX_DISTANCE_M:
        raise InputError(f"maxDistanceM must be in (0, {MAX_DISTANCE_M:.0f}]", field="maxDistanceM")
    check_first(limit, info.context.settings.max_page_size, "limit")
    if available_at is not None and available_on is not None:
        raise InputError("give at most one of availableAt or availableOn", field="availableOn")
    if available_on is not None and not 1900 <= available_on.year <= 2200:
        raise InputError("availableOn must be a date between the years 1900 and 2200", field="availableOn")
    at = checked = None
    if available_at is not None:
        aware = available_at if available_at.tzinfo else available_at.replace(tzinfo=LOCAL_TZ)
        if not 1900 <= aware.year <= 2200:
            raise InputError("availableAt must be a date-time between the years 1900 and 2200",
                             field="availableAt")
        # as UTC: Neo4j cannot parse offsets with seconds (+08:05:43, Shanghai's local mean time before
        # 1901, or any a client sends), found by fuzzing; the query converts to Asia/Shanghai itself
        at = aware.astimezone(UTC).isoformat()
        checked = aware.astimezone(LOCAL_TZ).isoformat()  # ISO-8601 with offset, no zone name
    rows = await db.read("resources_for_grid", {
        "scheme": scheme, "gridCode": grid_code, "categories": keys if categories is not None else None,
        "maxDistanceM": max_distance_m, "availableAt": at, "availableOn": available_on,
        "includeExpired": include_expired, "limit": limit, "origin": origin})
    if not rows:
        return None
    for match in rows[0]["matches"]:
        match["availability"]["checkedAt"] = checked
    return dict(rows[0])
