"""``memberCounts``: party members by derived status and age band per area (issue #13). Counts only: no member
record ever leaves the API, and small counts are suppressed for roles that may not see personal data."""

from __future__ import annotations

from datetime import date

import strawberry

from api import args, db
from api.context import Context
from api.disclosure import member_area_rows
from api.errors import NotFoundError
from api.types.members import AgeBandCount, MemberAreaCounts, MemberStatusCount
from queries.member_rules import get_member_rules

Info = strawberry.Info[Context, None]


@strawberry.type
class MemberQuery:
    @strawberry.field(description=(
        "Party members living at or below a division (district, street or community), counted per street, "
        "community, grid and compound: by status derived with the documented rules (docs/members.md: pocket, "
        "hidden), by the imported label, by age band, with the members placed to a community only. asOf: the "
        "day the pocket rule looks back from (default today). Counts only; for roles that may not see personal "
        "data, counts from 1 to GRIDLINK_API_MIN_MEMBER_COUNT - 1 (default 1-2) are null."))
    async def member_counts(self, info: Info, division_code: str,
                            as_of: date | None = None) -> list[MemberAreaCounts]:
        code = args.division_code(division_code)
        rows = await db.read("members_by_area", {"divisionCode": code, **get_member_rules().params(as_of)})
        if not rows and not await db.read("division_detail", {"code": code}):
            raise NotFoundError(f"divisionCode: no division {code}", field="divisionCode")
        k = None if info.context.personal else info.context.settings.min_member_count
        return [MemberAreaCounts(
            level=r["level"], code=r["code"], name=r["name"], total=r["total"],
            by_status=[MemberStatusCount(**x) for x in r["by_status"]],
            by_imported_status=[MemberStatusCount(**x) for x in r["by_imported_status"]],
            by_age_band=[AgeBandCount(**x) for x in r["by_age_band"]], disagreements=r["disagreements"],
            community_only=r["community_only"], checked_in=r["checked_in"]) for r in member_area_rows(rows, k)]
