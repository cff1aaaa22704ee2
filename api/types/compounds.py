"""Below the grid (issue #12): compounds (小区/院落), their management, the five steps and dispute hotspots.

Party-member counts (residents by status, a committee's party members) are aggregates only, and the resolvers
suppress small ones for roles that may not see personal data (:mod:`api.disclosure`).
"""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.scalars import JSON

from api.types.common import Point
from api.types.geo import DivisionRef, GridRef


@strawberry.type(description="A compound by uid and name.")
class CompoundRef:
    uid: str
    name: str


@strawberry.type(description="A compound in a list.")
class CompoundSummary:
    uid: str = strawberry.field(description="The registry's 小区编码, else c:<hash of name and community>.")
    code: str | None
    name: str
    type: str | None = strawberry.field(description=(
        "commodity 商品房小区, old_courtyard 老旧院落, hutong 胡同/平房片区, unit_compound 单位大院, resettlement "
        "安置小区, villager_group 村(居)民小组, other 其他."))
    type_raw: str | None = strawberry.field(description="The type word as the registry wrote it.")
    households: int | None
    buildings: int | None
    year_built: int | None
    management_mode: str | None = strawberry.field(description=(
        "company 物业服务企业, unit 单位自管, residents 居民自管, none 无物业."))
    address: str | None
    placement: str | None
    has_branch: bool = strawberry.field(description="A party organization (小区党支部, 楼栋党小组…) leads it.")
    has_owners_committee: bool


@strawberry.type(description="A property company (or other manager) of a compound, with its contract.")
class CompoundManager:
    uid: str
    name: str
    uscc: str | None
    uscc_valid: bool | None
    status: str | None
    mode: str | None
    since: date | None = strawberry.field(description="Contract start (物业项目/合同备案, or the compound registry).")
    until: date | None = strawberry.field(description="Contract end.")
    contract_no: str | None = strawberry.field(description="合同备案编号 (property-contracts).")
    project_name: str | None = strawberry.field(description="物业项目名称 (property-contracts).")
    staff_count: int | None = strawberry.field(description="Project staff (property-contracts).")
    party_member_count: int | None = strawberry.field(
        description="Project staff who are party members (交叉任职), a count; small counts are null for readers.")


@strawberry.type(description="An owners' committee (业主委员会 / 物业管理委员会) representing a compound.")
class OwnersCommittee:
    uid: str
    name: str
    committee_type: str | None
    founded_on: date | None
    term_start: date | None
    term_end: date | None
    member_count: int | None
    party_member_count: int | None = strawberry.field(
        description="Committee members who are party members (交叉任职), a count; small counts are null for readers.")


@strawberry.type(description="A party organization leading a compound.")
class CompoundPartyOrg:
    uid: str
    name: str
    category: str | None = strawberry.field(description="党支部, 党小组, 联合党支部…")


@strawberry.type(description="Party members living in the compound, by status derived by the rules of "
                               "docs/members.md (null: suppressed small count).")
class ResidentMembers:
    normal: int | None
    flowing: int | None
    pocket: int | None
    hidden: int | None


@strawberry.type
class CategoryCount:
    category: str
    count: int


@strawberry.type(description="A compound (小区/院落) with its management, party organizations and counts.")
class Compound:
    uid: str
    code: str | None
    name: str
    alias: str | None
    type: str | None
    type_raw: str | None
    households: int | None
    buildings: int | None
    year_built: int | None
    address: str | None
    placement: str | None
    management_mode: str | None
    management_mode_raw: str | None
    location: Point | None
    boundary: JSON | None = strawberry.field(description="The compound's polygon (GeoJSON geometry, WGS-84) when the "
                                                         "registry gave one; null otherwise.")
    grid: GridRef | None
    division: DivisionRef | None
    companies: list[CompoundManager]
    committees: list[OwnersCommittee]
    party_organizations: list[CompoundPartyOrg]
    resident_members: ResidentMembers
    work_orders_by_category: list[CategoryCount] = strawberry.field(
        description="12345 work orders in the compound by category (property, environment, noise, parking…).")


@strawberry.type(description="One step of the 五步工作法 with its status, evidence and next action.")
class FiveStepStep:
    key: str = strawberry.field(description="find_members, build_org, improve_mechanism, pool_forces, "
                                            "plant_culture.")
    label: str = strawberry.field(description="找党员, 建组织, 优机制, 聚合力, 植文化.")
    status: str = strawberry.field(description="done, partial or missing (rules: docs/five-step.md).")
    evidence: JSON = strawberry.field(description="The counts the status rests on (member counts below the "
                                                  "small-count threshold are null for readers).")
    next_action: str | None = strawberry.field(description="What to do next; null when done.")


@strawberry.type(description="The five steps of a compound.")
class FiveStep:
    compound: CompoundSummary
    as_of: date
    steps: list[FiveStepStep]
    done: int
    partial: int
    missing: int


@strawberry.type(description="A compound ranked by property work orders per 100 households, with its five steps.")
class DisputeHotspot:
    rank: int
    compound: CompoundSummary
    orders: int = strawberry.field(description="Property-category work orders received in the period.")
    per100_households: float | None = strawberry.field(description="orders × 100 / households (null: unknown "
                                                                   "households).")
    steps: list[FiveStepStep]
    done: int
    partial: int
    missing: int


@strawberry.type(description="A 12345 work order (工单) of a compound. No caller name or phone is stored.")
class WorkOrder:
    uid: str = strawberry.field(description="工单编号.")
    received_on: date | None
    closed_on: date | None
    category: str | None = strawberry.field(description="property, environment, noise, parking, safety, "
                                                        "facilities, neighbour or other.")
    category_raw: str | None = strawberry.field(description="问题类别 as the export wrote it.")
    status: str | None = strawberry.field(description="closed, in_progress, returned or pending.")
    satisfaction: str | None
    handling_unit: str | None
    placement: str | None = strawberry.field(description="compound-name or compound-address: how it was placed.")
    content: str | None = strawberry.field(description=(
        "The complaint text (诉求内容) with phone and ID numbers and the caller's own name and phone masked; null "
        "for roles below planner."))


@strawberry.type(description="The work orders of a compound, newest first.")
class CompoundWorkOrders:
    compound: CompoundRef
    total: int = strawberry.field(description="Orders matching the filters (all of them, not only those listed).")
    orders: list[WorkOrder]
