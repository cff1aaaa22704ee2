"""资源清单, 需求清单, 项目清单: resources, needs and projects."""

from __future__ import annotations

from datetime import date

import strawberry

from api.types.common import Point
from api.types.geo import DivisionRef, GridRef, OrgRef


@strawberry.type(description="A resource (资源清单 item) a unit offers.")
class Resource:
    uid: str
    name: str
    category: str
    description: str | None
    capacity: str | None
    status: str = strawberry.field(description="available or withdrawn.")
    service_radius_m: int | None
    available_from: date | None
    available_to: date | None
    weekdays: list[int] | None = strawberry.field(description="1 = Monday … 7 = Sunday; null = every day.")
    opens_at: str | None = strawberry.field(description="Local opening time, HH:MM:SS.")
    closes_at: str | None
    location: Point | None
    provider: OrgRef | None
    grid: GridRef | None
    division: DivisionRef | None


@strawberry.type(description="A need (需求清单 item) of residents or units.")
class Need:
    uid: str
    title: str
    category: str
    description: str | None
    status: str = strawberry.field(description="open, claimed or closed.")
    published_on: date | None
    needed_by: date | None
    urgency: int | None = strawberry.field(description="1 (low) to 3 (high).")
    raised_by: OrgRef | None
    grid: GridRef | None
    division: DivisionRef | None


@strawberry.type
class NeedRef:
    uid: str
    title: str
    category: str
    status: str


@strawberry.type
class ResourceRef:
    uid: str
    name: str
    category: str


@strawberry.type(description="A co-construction project (项目清单 item): a need claimed with a resource.")
class Project:
    uid: str
    name: str
    status: str = strawberry.field(description="claimed, in_progress, delivered or accepted.")
    started_on: date | None
    delivered_on: date | None
    accepted_on: date | None
    evaluation: str | None
    rating: int | None
    need: NeedRef | None
    resource: ResourceRef | None
    lead_organization: OrgRef | None
    grid: GridRef | None
    division: DivisionRef | None
