"""Party members counted by area (issue #13): derived status, imported label, age band. Counts only."""

from __future__ import annotations

import strawberry

_SMALL = ("null for roles that may not see personal data when it is small (1 to GRIDLINK_API_MIN_MEMBER_COUNT - 1, "
          "default 1-2), or when it alone would give a small one away.")


@strawberry.type(description="How many members of an area are in an age band (counts only).")
class AgeBandCount:
    band: str = strawberry.field(description="<35, 35-45, 46-59, 60-69, 70+, or unknown (no birth date read).")
    count: int | None = strawberry.field(description=_SMALL)


@strawberry.type(description="How many members of an area have a status (counts only).")
class MemberStatusCount:
    status: str = strawberry.field(description="normal, flowing, pocket, hidden.")
    count: int | None = strawberry.field(description=_SMALL)


@strawberry.type(description=(
    "Party members living in a street, community, grid or compound (counts only; docs/members.md). status is "
    "derived by the documented rules; importedStatus is the label the registry gave."))
class MemberAreaCounts:
    level: str = strawberry.field(description="street, community, grid or compound.")
    code: str = strawberry.field(description="Division code, grid code or compound uid.")
    name: str | None
    total: int | None = strawberry.field(description=_SMALL)
    by_status: list[MemberStatusCount] = strawberry.field(description="By the derived status.")
    by_imported_status: list[MemberStatusCount] = strawberry.field(description="By the imported 党员状态 label.")
    by_age_band: list[AgeBandCount]
    disagreements: int | None = strawberry.field(description=(
        "Members whose imported label differs from the derived status. " + _SMALL))
    community_only: int | None = strawberry.field(description=(
        "Members placed to the community only (no grid, no compound known). " + _SMALL))
    checked_in: int | None = strawberry.field(description=(
        "Members who checked in (在职党员到社区报到) to the community they live in. " + _SMALL))
