"""Three-level linkage (三级联动, issue #13): enlarged committees with their part-time members, the street office's
departments, and who answers for a community (``responsibility``). Names are filled for planners only (the query
leaves them out for other roles, :class:`api.context.Context`)."""

from __future__ import annotations

from datetime import date

import strawberry

from api.types.geo import DivisionRef, OrgRef


@strawberry.type(description="A part-time member (兼职委员) of an enlarged committee: the resident unit and its seat.")
class PartTimeMember:
    unit: OrgRef
    role: str | None = strawberry.field(description="part_time_member (兼职委员) or part_time_deputy_secretary.")
    since: date | None
    active: bool = strawberry.field(description=(
        "The unit led or supplied a project, offered a resource or had a co-construction agreement in the 12 "
        "months up to asOf (docs/linkage.md); false: 挂名, on paper only."))


@strawberry.type(description="A 街道大工委 or 社区大党委: the base committee enlarged with part-time members.")
class EnlargedCommittee:
    uid: str
    name: str | None
    category: str | None = strawberry.field(description="大工委 or 大党委.")
    part_time_members: list[PartTimeMember]


@strawberry.type(description="A department of the street office (职能部门: 党建办, 社区发展治理办, 综治中心, …).")
class DepartmentRef:
    uid: str
    name: str
    type: str | None = strawberry.field(description=(
        "party_building, community_governance, comprehensive_governance, civil_affairs, urban_management, "
        "service_center, economy or other (graph/vocab.py DEPARTMENT_TYPES)."))


@strawberry.type(description="One person answering for the community at one level (the name for planners only).")
class Answerer:
    level: str = strawberry.field(description="street, department, community or grid (in this order).")
    role: str | None = strawberry.field(description=(
        "street_secretary, community_secretary, grid_secretary; for a department its RESPONSIBLE_FOR role: head, "
        "deputy_head or liaison_cadre."))
    role_label: str | None = strawberry.field(description="The role in Chinese (街道党（工）委书记, 负责人, …).")
    organization: OrgRef | None = strawberry.field(description="The party organization (null for a department, "
                                                               "and for a grid without a branch).")
    department: DepartmentRef | None
    area_code: str = strawberry.field(description="The community, grid or street it answers for.")
    area_name: str | None
    person_name: str | None = strawberry.field(description="Planner and admin roles only; null for readers.")


@strawberry.type(description="三级联动责任体系: who answers for a community, street level first.")
class Responsibility:
    community: DivisionRef
    street: DivisionRef | None
    answerers: list[Answerer]
