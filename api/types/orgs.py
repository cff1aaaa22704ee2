"""Organizations of every kind, and party organizations with their hierarchy.

Personal fields (a party organization's secretary and phone) are fetched only for planner/admin keys (the
query receives ``personal``) and the resolvers below check the role again, so they never reach a reader.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from api.context import Context
from api.types.common import Point, short_name_field
from api.types.geo import DivisionRef, GridRef, OrgRef


def _personal(root: dict[str, Any], info: strawberry.Info[Context, None], key: str) -> str | None:
    if not info.context.personal:
        return None
    value = root.get(key)
    return None if value is None else str(value)


def _secretary(root: strawberry.Parent[dict[str, Any]], info: strawberry.Info[Context, None]) -> str | None:
    return _personal(root, info, "secretaryName")


def _phone(root: strawberry.Parent[dict[str, Any]], info: strawberry.Info[Context, None]) -> str | None:
    return _personal(root, info, "contactPhone")


_SECRETARY = "Party secretary (personal: planner and admin keys only; null for readers)."
_PHONE = "Contact phone (personal: planner and admin keys only; null for readers)."


@strawberry.type
class PartyOrgRef:
    uid: str
    name: str
    kind: str
    category: str | None


@strawberry.type(description="A party organization an organization hosts, with its category and the one above it.")
class HostedPartyOrganization:
    uid: str
    name: str
    kind: str = strawberry.field(description="party_org.")
    category: str | None = strawberry.field(description="党委, 党工委, 党总支, 党支部, 联合党支部, 党小组.")
    parent: PartyOrgRef | None = strawberry.field(
        description="The party organization it is directly subordinate to (SUBORDINATE_TO), null at the top; "
                    "`partyOrganization(uid)` gives the whole chain.")


@strawberry.type(description="An enterprise, public unit, social organization or party organization.")
class Organization:
    uid: str = strawberry.field(description="USCC when there is one, else n:<hash>.")
    kind: str
    name: str
    short_name: str | None = short_name_field()
    alias: str | None
    uscc: str | None
    uscc_valid: bool | None
    status: str | None
    active: bool | None
    address: str | None
    placement: str | None
    industry: str | None
    org_type: str | None
    founded_on: date | None
    staff_count: int | None
    category: str | None = strawberry.field(
        description="Party organizations: 党委, 党工委, 党总支, 党支部, 联合党支部.")
    member_count: int | None
    location: Point | None
    grid: GridRef | None
    division: DivisionRef | None
    party_organizations: list[HostedPartyOrganization] = strawberry.field(
        description="Party organizations this unit hosts (with category and parent: one request, not one per "
                    "party organization).")


    secretary_name: str | None = strawberry.field(resolver=_secretary, description=_SECRETARY)
    contact_phone: str | None = strawberry.field(resolver=_phone, description=_PHONE)


@strawberry.type(description="How many members of the organization have a status (counts only).")
class StatusCount:
    status: str | None
    count: int | None = strawberry.field(description=(
        "null for roles that may not see personal data when it is small (1 to GRIDLINK_API_MIN_MEMBER_COUNT - 1, "
        "default 1-2), or when it alone would give a small one away."))


@strawberry.type(description="A party organization with its place in the party hierarchy.")
class PartyOrganization:
    uid: str
    kind: str
    name: str
    short_name: str | None = short_name_field()
    category: str | None
    member_count: int | None
    status: str | None
    ancestors: list[PartyOrgRef] = strawberry.field(description="Organizations above it, nearest first.")
    subordinates: list[PartyOrgRef]
    hosts: list[OrgRef] = strawberry.field(description="Host units (several for a 联合党支部).")
    leads: list[DivisionRef] = strawberry.field(description="Areas it leads: street, community or grid.")
    members_by_status: list[StatusCount]

    secretary_name: str | None = strawberry.field(resolver=_secretary, description=_SECRETARY)
    contact_phone: str | None = strawberry.field(resolver=_phone, description=_PHONE)
