"""Mutations for planning tools: publish needs and resources, claim needs, move projects along.

Each is one named write query in one transaction, idempotent by ``clientMutationId``: a ``ClientMutation`` node
under a uniqueness constraint is merged first (a concurrent request with the same id waits for the first to end),
and the first payload is stored on it as JSON in the same transaction (``client_mutation_result``), so a retry
returns exactly the first result — not the entity as it is now — and writes nothing. Problems the query reports
(missing references, wrong state, a date before the previous step) roll the transaction back.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

import strawberry

from api import db
from api.auth import Role, require
from api.context import Context
from api.errors import ApiError, ConflictError, InputError, NotFoundError
from api.inputs import (
    AdvanceProjectInput,
    AdvanceProjectModel,
    ClaimNeedInput,
    ClaimNeedModel,
    PublishNeedInput,
    PublishNeedModel,
    PublishResourceInput,
    PublishResourceModel,
    input_hash,
    validate,
)
from api.localtime import today
from api.types.listings import Need, Project, Resource

Info = strawberry.Info[Context, None]
Row = dict[str, Any]


@strawberry.type
class NeedPayload:
    client_mutation_id: str
    replayed: bool = strawberry.field(description="True when this id was seen before: nothing was written.")
    need: Need


@strawberry.type
class ResourcePayload:
    client_mutation_id: str
    replayed: bool
    resource: Resource


@strawberry.type
class ProjectPayload:
    client_mutation_id: str
    replayed: bool
    project: Project


def _problem(p: Row) -> ApiError:
    field = f"input.{p['field']}"
    if p["code"] == "BEFORE":
        return InputError(f"{field}: the date is before the project's previous step ({p['after']})", field=field)
    if p["code"] == "NOT_FOUND":
        return NotFoundError(f"{field}: nothing with that id/code exists", field=field)
    if p["code"] == "REQUIRED":
        return InputError(f"{field}: the resource has no provider; name the leading organization", field=field)
    if p["field"] == "to":
        nxt = p.get("next")
        hint = f"it can only move to {nxt}" if nxt else "it is already accepted"
        return ConflictError(f"input.to: the project is {p['status']}; {hint}", field=field)
    return ConflictError(f"{field}: it is {p['status']}, so it cannot be used here", field=field)


def _encode(value: Any) -> Any:
    if hasattr(value, "iso_format"):  # neo4j.time.Date: tagged, so the replay gives a date back, not a string
        return {"$date": value.iso_format()}
    raise TypeError(f"cannot store {type(value).__name__} in a mutation result")


def _decode(obj: dict[str, Any]) -> Any:
    return date.fromisoformat(obj["$date"]) if obj.keys() == {"$date"} else obj


async def _run(name: str, mutation: str, cmid: str, h: str, key: str, params: Row) -> Row:
    nonce = uuid.uuid4().hex

    def check(rows: list[Row], run: db.Run) -> Row:
        row = rows[0]
        if row["problems"]:
            raise _problem(row["problems"][0])
        if row["replayed"]:
            if row["mutation"] != mutation or row["inputHash"] != h:
                raise ConflictError("input.clientMutationId: already used for a different mutation or input; "
                                    "use a new id for a new request", field="input.clientMutationId")
            first = json.loads(row["result"], object_hook=_decode) if row["result"] else None
            if not isinstance(first, dict) or "mutation" in first:  # recorded before first results were stored
                first = row[key]  # then the entity as it is now, as replays answered then
            return {"clientMutationId": cmid, "replayed": True, key: first}
        run("client_mutation_result", {"clientMutationId": cmid,
                                       "result": json.dumps(row[key], default=_encode, ensure_ascii=False)})
        return {"clientMutationId": cmid, "replayed": False, key: row[key]}

    return await db.write(name, {"clientMutationId": cmid, "inputHash": h, "nonce": nonce, **params}, check)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Publish a need (需求) of a grid or division. Needs the planner role.")
    async def publish_need(self, info: Info, input: PublishNeedInput) -> NeedPayload | None:
        require(info.context.role, Role.PLANNER, "publishNeed")
        m = validate(PublishNeedModel, input)
        return await _run("need_publish", "publishNeed", m.client_mutation_id, input_hash(m), "need", {  # type: ignore[return-value]
            "uid": f"need-{uuid.uuid4().hex[:16]}", "title": m.title, "category": m.category,
            "description": m.description, "urgency": m.urgency, "neededBy": m.needed_by,
            "gridUid": m.grid_uid(), "divisionCode": m.division_code, "raisedByUid": m.raised_by_uid})

    @strawberry.mutation(description="Publish a resource (资源) of an organization. Needs the planner role.")
    async def publish_resource(self, info: Info, input: PublishResourceInput) -> ResourcePayload | None:
        require(info.context.role, Role.PLANNER, "publishResource")
        m = validate(PublishResourceModel, input)
        return await _run("resource_publish", "publishResource", m.client_mutation_id, input_hash(m), "resource", {  # type: ignore[return-value]
            "uid": f"res-{uuid.uuid4().hex[:16]}", "name": m.name, "category": m.category,
            "description": m.description, "capacity": m.capacity, "providerUid": m.provider_uid,
            "gridUid": m.grid_uid(), "divisionCode": m.division_code, "longitude": m.longitude,
            "latitude": m.latitude, "availableFrom": m.available_from, "availableTo": m.available_to,
            "weekdays": m.weekdays, "opensAt": m.opens_at, "closesAt": m.closes_at,
            "serviceRadiusM": m.service_radius_m})

    @strawberry.mutation(description="Claim an open need with an available resource: creates a project "
                                      "(claimed). Needs the planner role.")
    async def claim_need(self, info: Info, input: ClaimNeedInput) -> ProjectPayload | None:
        require(info.context.role, Role.PLANNER, "claimNeed")
        m = validate(ClaimNeedModel, input)
        return await _run("project_claim", "claimNeed", m.client_mutation_id, input_hash(m), "project", {  # type: ignore[return-value]
            "uid": f"proj-{uuid.uuid4().hex[:16]}", "needUid": m.need_uid, "resourceUid": m.resource_uid,
            "name": m.name, "leadOrganizationUid": m.lead_organization_uid})

    @strawberry.mutation(description="Move a project claimed → in_progress → delivered → accepted (with "
                                     "evaluation and rating). Needs the planner role.")
    async def advance_project(self, info: Info, input: AdvanceProjectInput) -> ProjectPayload | None:
        require(info.context.role, Role.PLANNER, "advanceProject")
        m = validate(AdvanceProjectModel, input)
        return await _run("project_advance", "advanceProject", m.client_mutation_id, input_hash(m), "project", {  # type: ignore[return-value]
            "uid": m.project_uid, "to": m.to, "on": m.on or today(),
            "evaluation": m.evaluation, "rating": m.rating})
