"""resourcesForGrid results and the co-construction reports."""

from __future__ import annotations

import enum
from datetime import date

import strawberry

from api.types.common import Point, short_name_field
from api.types.compounds import CompoundRef
from api.types.geo import DivisionRef, GridRef, OrgRef
from api.types.linkage import DepartmentRef, EnlargedCommittee
from api.types.listings import ResourceRef


@strawberry.enum(description="Why a resource qualifies for a grid; weights are in README \"Ranking rule\".")
class ReasonCode(enum.Enum):
    IN_GRID = "IN_GRID"
    SAME_COMMUNITY = "SAME_COMMUNITY"
    SAME_STREET = "SAME_STREET"
    COMMUNITY_COMMITTEE_MEMBER = "COMMUNITY_COMMITTEE_MEMBER"
    STREET_COMMITTEE_MEMBER = "STREET_COMMITTEE_MEMBER"
    ALLIANCE_COVERS_GRID = "ALLIANCE_COVERS_GRID"
    AGREEMENT_WITH_COMMUNITY = "AGREEMENT_WITH_COMMUNITY"
    WITHIN_DISTANCE = "WITHIN_DISTANCE"
    MATCHES_OPEN_NEED = "MATCHES_OPEN_NEED"


@strawberry.type
class Reason:
    code: ReasonCode
    weight: int
    detail: str | None = strawberry.field(
        description="The grid/community/street, alliance or agreement name; need uids for MATCHES_OPEN_NEED.")


@strawberry.type
class Availability:
    available_from: date | None
    available_to: date | None
    weekdays: list[int] | None
    opens_at: str | None
    closes_at: str | None
    checked_at: str | None = strawberry.field(description=(
        "The availableAt asked for, ISO-8601 in Asia/Shanghai time (e.g. 2025-06-04T10:00:00+08:00); null when "
        "not asked (no hours checked)."))


@strawberry.type
class MatchedResource:
    uid: str
    name: str
    short_name: str | None = short_name_field()
    category: str
    description: str | None
    capacity: str | None
    status: str
    service_radius_m: int | None
    location: Point | None


@strawberry.type(description="A resource that could serve the grid, and why.")
class ResourceMatch:
    score: int = strawberry.field(description="Sum of the reasons' weights.")
    distance_m: float | None = strawberry.field(description="Metres from the grid centroid (null: no location).")
    reasons: list[Reason]
    resource: MatchedResource
    provider: OrgRef | None
    availability: Availability


@strawberry.type
class ResourcesForGrid:
    grid: GridRef
    matches: list[ResourceMatch]


@strawberry.type(description="A compound and the resources ranked for it (resourcesForGrid's rule from its place).")
class ResourcesForCompound:
    compound: CompoundRef
    origin: Point | None = strawberry.field(description="Where distances were measured from: the compound's "
                                                        "location (null: the grid's centroid).")
    grid: GridRef = strawberry.field(description="The grid the compound lies in: the ranking's area.")
    matches: list[ResourceMatch]


@strawberry.type
class NeedCandidate:
    resource: ResourceRef
    provider: OrgRef | None
    score: int
    distance_m: float | None
    reasons: list[str] = strawberry.field(
        description="IN_GRID, SAME_COMMUNITY, SAME_STREET, ALLIANCE_MEMBER, AGREEMENT.")


@strawberry.type(description="An open need with the resources that could take it (双向认领 suggestions).")
class OpenNeed:
    uid: str
    title: str
    category: str
    status: str
    urgency: int | None
    published_on: date | None
    needed_by: date | None
    grid: GridRef | None
    division: DivisionRef | None
    candidates: list[NeedCandidate]


@strawberry.enum
class PartnerLinkKind(enum.Enum):
    AGREEMENT = "AGREEMENT"
    AGREEMENT_EXPIRED = "AGREEMENT_EXPIRED"
    AGREEMENT_PENDING = "AGREEMENT_PENDING"
    COMMUNITY_ALLIANCE = "COMMUNITY_ALLIANCE"
    STREET_ALLIANCE = "STREET_ALLIANCE"
    COMMUNITY_COMMITTEE_SEAT = "COMMUNITY_COMMITTEE_SEAT"
    STREET_COMMITTEE_SEAT = "STREET_COMMITTEE_SEAT"
    DUAL_REPORT = "DUAL_REPORT"
    PARTY_SUBORDINATE = "PARTY_SUBORDINATE"
    PROJECT = "PROJECT"


@strawberry.type
class PartnerLink:
    kind: PartnerLinkKind
    detail: str | None
    weight: int


@strawberry.type(description="An organization linked to a community, with the strength of the links.")
class Partner:
    organization: OrgRef
    strength: int
    links: list[PartnerLink]


@strawberry.type
class CommunityPartners:
    community: DivisionRef
    partners: list[Partner]


@strawberry.type(description="两个覆盖 in one division: operating enterprises and social organizations.")
class CoverageRow:
    division: DivisionRef
    total: int
    covered: int = strawberry.field(description="Hosting at least one party organization.")
    single: int = strawberry.field(description="Hosting an organization of their own (not only a 联合党支部).")
    joint: int = strawberry.field(description="Covered only by a 联合党支部.")
    rate: float | None = strawberry.field(description="covered / total, 4 decimals; null when total is 0.")


@strawberry.type
class UncoveredOrg:
    uid: str
    name: str
    kind: str
    staff_count: int | None


@strawberry.type
class PartyCoverage:
    area: DivisionRef
    rows: list[CoverageRow] = strawberry.field(description=(
        "The area itself (a city too) and each district, street and community in it, by code."))
    uncovered: list[UncoveredOrg]


@strawberry.type
class GridLink:
    grid: GridRef
    branch: OrgRef | None
    linked_to_community: bool


@strawberry.type
class CommunityLink:
    community: DivisionRef
    committee: OrgRef | None
    linked_to_street: bool
    enlarged_committee: EnlargedCommittee | None = strawberry.field(description="The 社区大党委 that ENLARGES the "
                                                                                "community committee.")
    departments: list[DepartmentRef] = strawberry.field(description=(
        "Departments of the street office RESPONSIBLE_FOR (包联) the community or one of its grids."))
    grids: list[GridLink]


@strawberry.type
class MissingLink:
    level: str
    code: str
    name: str | None
    problem: str = strawberry.field(description=(
        "NO_STREET_COMMITTEE, NO_COMMUNITY_COMMITTEE, COMMUNITY_NOT_LINKED_TO_STREET, NO_GRID_BRANCH, "
        "GRID_BRANCH_NOT_LINKED_TO_COMMUNITY, NO_ENLARGED_COMMITTEE, NO_PART_TIME_MEMBERS, "
        "NO_RESPONSIBLE_DEPARTMENT, PART_TIME_MEMBER_INACTIVE (挂名); rules in docs/linkage.md"))
    message: str = strawberry.field(description="The gap in Chinese.")
    unit: OrgRef | None = strawberry.field(description="PART_TIME_MEMBER_INACTIVE: the member's unit.")


@strawberry.type(description="街道大工委 → 社区大党委 → 网格党支部 for one street, the 包联 departments, and the gaps.")
class PartyChain:
    street: DivisionRef
    street_committee: OrgRef | None
    street_enlarged_committee: EnlargedCommittee | None = strawberry.field(description=(
        "The 街道大工委 that ENLARGES the street working committee."))
    communities: list[CommunityLink]
    missing: list[MissingLink]


_SMALL = "null for readers when suppressed (a count from 1 to GRIDLINK_API_MIN_MEMBER_COUNT - 1, default 1-2)"


@strawberry.type(description=("Party members placed in a grid, by status (counts only); small counts are null for "
                              "roles that may not see personal data."))
class GridMemberCounts:
    grid: GridRef
    total: int | None = strawberry.field(description=_SMALL)
    normal: int | None = strawberry.field(description=_SMALL)
    flowing: int | None = strawberry.field(description=_SMALL)
    pocket: int | None = strawberry.field(description=_SMALL)
    hidden: int | None = strawberry.field(description=_SMALL)
