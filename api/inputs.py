"""Mutation inputs: strawberry input types for the schema, pydantic models for the rules.

Strawberry checks the shape (types, required fields); pydantic checks the content (lengths, enums, dates, the
relation between fields). A failure becomes an ``InputError`` whose ``field`` is the input path, e.g.
``input.category``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import strawberry
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from api.args import category_key
from api.errors import InputError
from api.localtime import today
from api.types.common import _camel
from graph import vocab

if TYPE_CHECKING:
    Category = str
else:  # a Literal built from the one vocabulary: pydantic's message lists the keys, as a written-out one did
    Category = Literal[vocab.CATEGORY_KEYS]
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
M = TypeVar("M", bound=BaseModel)

_CMID = "Chosen by the client (8-100 chars); retrying with the same id returns the first result, writing nothing."


def _key_of(category: Any) -> Any:
    # the Chinese words ingest accepts (医疗健康 …) become their key; anything else is left to the Literal's check
    return (category_key(category) or category) if isinstance(category, str) else category


def _not_past(value: date | None) -> date | None:
    # Beijing's today, as on the graph
    if value is not None and value < today():
        raise ValueError(f"the date is in the past (today is {today().isoformat()}, Asia/Shanghai)")
    return value


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    client_mutation_id: str = Field(min_length=8, max_length=100)


class _Placed(_Base):
    grid_code: str | None = Field(None, pattern=vocab.GRID_CODE_PATTERN)
    scheme: str = Field("LOCAL", pattern=vocab.GRID_CODE_PATTERN)
    division_code: str | None = Field(None, pattern=vocab.DIVISION_CODE_PATTERN)

    def grid_uid(self) -> str | None:
        """``scheme:code`` of the grid, if one was given."""
        return f"{self.scheme}:{self.grid_code}" if self.grid_code else None


class PublishNeedModel(_Placed):
    """Rules of ``publishNeed``."""

    @field_validator("category", mode="before")
    @classmethod
    def _category_word(cls, value: Any) -> Any:
        return _key_of(value)

    title: str = Field(min_length=2, max_length=200)
    category: Category
    description: str | None = Field(None, max_length=2000)
    urgency: int = Field(2, ge=1, le=3)
    needed_by: date | None = None
    raised_by_uid: str | None = Field(None, max_length=64)

    # a new need due before today could never be met
    _needed_by_not_past = field_validator("needed_by")(_not_past)

    @model_validator(mode="after")
    def _one_place(self) -> PublishNeedModel:
        if (self.grid_code is None) == (self.division_code is None):
            raise ValueError("give exactly one of gridCode or divisionCode")
        return self


class PublishResourceModel(_Placed):
    """Rules of ``publishResource``."""

    @field_validator("category", mode="before")
    @classmethod
    def _category_word(cls, value: Any) -> Any:
        return _key_of(value)

    name: str = Field(min_length=2, max_length=200)
    category: Category
    provider_uid: str = Field(min_length=1, max_length=64)
    description: str | None = Field(None, max_length=2000)
    capacity: str | None = Field(None, max_length=200)
    longitude: float | None = Field(None, ge=-180, le=180)
    latitude: float | None = Field(None, ge=-90, le=90)
    available_from: date | None = None
    available_to: date | None = None
    weekdays: list[int] | None = Field(None, min_length=1, max_length=7)
    opens_at: str | None = None
    closes_at: str | None = None
    service_radius_m: int | None = Field(None, ge=0, le=100_000)

    # a resource that ended before today would never be offered to anyone
    _available_to_not_past = field_validator("available_to")(_not_past)

    @model_validator(mode="after")
    def _consistent(self) -> PublishResourceModel:
        if (self.longitude is None) != (self.latitude is None):
            raise ValueError("give both longitude and latitude, or neither")
        if self.grid_code and self.division_code:
            raise ValueError("give at most one of gridCode or divisionCode")
        if self.available_from and self.available_to and self.available_to < self.available_from:
            raise ValueError("availableTo is before availableFrom")
        if self.weekdays and not all(1 <= d <= 7 for d in self.weekdays):
            raise ValueError("weekdays are 1 (Monday) to 7 (Sunday)")
        for name in ("opens_at", "closes_at"):
            value = getattr(self, name)
            if value is not None and not _TIME.match(value):
                raise ValueError(f"{_camel(name)} must be HH:MM (24 h)")
        return self


class ClaimNeedModel(_Base):
    """Rules of ``claimNeed``."""

    need_uid: str = Field(min_length=1, max_length=64)
    resource_uid: str = Field(min_length=1, max_length=64)
    name: str | None = Field(None, min_length=2, max_length=200)
    lead_organization_uid: str | None = Field(None, max_length=64)


class AdvanceProjectModel(_Base):
    """Rules of ``advanceProject``."""

    project_uid: str = Field(min_length=1, max_length=64)
    to: Literal["in_progress", "delivered", "accepted"]
    on: date | None = None
    evaluation: str | None = Field(None, min_length=2, max_length=2000)
    rating: int | None = Field(None, ge=1, le=5)

    @field_validator("on")
    @classmethod
    def _not_future(cls, value: date | None) -> date | None:
        # a step is recorded when it happened; that it is not before the previous step is checked in the query
        if value is not None and value > today():
            raise ValueError(f"the date is in the future (today is {today().isoformat()}, Asia/Shanghai)")
        return value

    @model_validator(mode="after")
    def _acceptance(self) -> AdvanceProjectModel:
        if self.to == "accepted" and (self.evaluation is None or self.rating is None):
            raise ValueError("accepting a project needs an evaluation and a rating (1-5)")
        if self.to != "accepted" and (self.evaluation is not None or self.rating is not None):
            raise ValueError("evaluation and rating are given only when accepting (to: accepted)")
        return self


def validate(model: type[M], data: Any) -> M:
    """Validate a strawberry input with a pydantic model.

    Raises:
        InputError: naming the first offending field as ``input.<camelCase path>``.
    """
    raw = dataclasses.asdict(data)
    try:
        return model.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(_camel(str(p)) for p in err["loc"])
        msg = str(err["msg"]).removeprefix("Value error, ")
        field = f"input.{loc}" if loc else "input"
        raise InputError(f"{field}: {msg}", field=field) from None


def input_hash(m: BaseModel) -> str:
    """Fingerprint of an input without its client mutation id (a reused id with other input is refused)."""
    body = m.model_dump(mode="json", exclude={"client_mutation_id"})
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:32]


@strawberry.input(description="A need to publish; give exactly one of gridCode or divisionCode.")
class PublishNeedInput:
    client_mutation_id: str = strawberry.field(description=_CMID)
    title: str
    category: str = strawberry.field(description=(
        "A category key (venue, volunteer, medical, …) or its Chinese word as ingest accepts it (场地阵地, "
        "医疗健康 …)."))
    description: str | None = None
    urgency: int = 2
    needed_by: date | None = None
    grid_code: str | None = None
    scheme: str = "LOCAL"
    division_code: str | None = None
    raised_by_uid: str | None = None


@strawberry.input(description="A resource to publish, provided by an existing organization.")
class PublishResourceInput:
    client_mutation_id: str = strawberry.field(description=_CMID)
    name: str
    category: str
    provider_uid: str
    description: str | None = None
    capacity: str | None = None
    grid_code: str | None = None
    scheme: str = "LOCAL"
    division_code: str | None = None
    longitude: float | None = None
    latitude: float | None = None
    available_from: date | None = None
    available_to: date | None = None
    weekdays: list[int] | None = None
    opens_at: str | None = strawberry.field(default=None, description="HH:MM")
    closes_at: str | None = strawberry.field(default=None, description="HH:MM")
    service_radius_m: int | None = None


@strawberry.input(description="Claim an open need with an available resource: creates a project.")
class ClaimNeedInput:
    client_mutation_id: str = strawberry.field(description=_CMID)
    need_uid: str
    resource_uid: str
    name: str | None = strawberry.field(default=None, description="Project name (default: the need's title).")
    lead_organization_uid: str | None = strawberry.field(
        default=None, description="Leading unit (default: the resource's provider).")


@strawberry.input(description="Move a project to its next status; accepting needs evaluation and rating.")
class AdvanceProjectInput:
    client_mutation_id: str = strawberry.field(description=_CMID)
    project_uid: str
    to: str = strawberry.field(description="in_progress, delivered or accepted (only the next status).")
    on: date | None = strawberry.field(default=None, description=(
        "Date of the step (default: today, Asia/Shanghai); not in the future and not before the previous step."))
    evaluation: str | None = None
    rating: int | None = None
