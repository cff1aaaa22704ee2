"""The strawberry schema: root types, the safety extensions, and masking of unexpected errors.

``build_schema(settings)`` wires the limits from :class:`api.settings.ApiSettings`; the SDL does not depend on
them, so ``api/schema.graphql`` is ``str(build_schema(ApiSettings()))`` (exported by ``gridlink api-schema``).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import strawberry
from graphql.error import GraphQLError
from strawberry.exceptions import StrawberryInputCoercionError
from strawberry.extensions import DisableIntrospection, MaskErrors, SchemaExtension
from strawberry.schema.config import StrawberryConfig

from api.auth import Role
from api.cost import CostLimit
from api.errors import ApiError
from api.guard import DocumentLimits, RequestGuard
from api.mutations import Mutation
from api.query_browse import BrowseQuery
from api.query_coconstruction import CoconstructionQuery
from api.query_compounds import CompoundQuery
from api.query_indicators import IndicatorQuery
from api.query_members import MemberQuery
from api.query_work_orders import WorkOrderQuery
from api.settings import ApiSettings
from api.strings import ArgumentGuard
from api.types.common import field_from_map

log = logging.getLogger(__name__)
SDL_PATH = Path(__file__).with_name("schema.graphql")


@strawberry.type(description="Browse the graph and ask the co-construction questions.")
class Query(BrowseQuery, CoconstructionQuery, CompoundQuery, WorkOrderQuery, MemberQuery, IndicatorQuery):
    pass


def _unexpected(error: GraphQLError) -> bool:
    # Only errors raised while resolving a field (they have a path) can be server faults. Errors without a
    # path come from parsing, validation or coercing the request's variables ("Variable '$l' got invalid
    # value ...") and tell the client what to fix, even when graphql-core attaches the scalar's own exception.
    if error.original_error is None or error.path is None:
        return False
    return not isinstance(error.original_error, ApiError | StrawberryInputCoercionError)


class MaskUnexpectedErrors(MaskErrors):
    """Replace unexpected errors by "Unexpected error." with an id, logging the real one under that id."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=_unexpected, error_message="Unexpected error.")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        error_id = uuid.uuid4().hex[:12]
        log.error("unexpected error %s at %s", error_id, error.path, exc_info=error.original_error)
        return GraphQLError(f"Unexpected error (id {error_id}); it is logged on the server.", nodes=error.nodes,
                            source=error.source, positions=error.positions, path=error.path,
                            original_error=None, extensions={"code": "INTERNAL", "errorId": error_id})


class GridlinkSchema(strawberry.Schema):
    """A schema whose error log never echoes request values.

    strawberry's default logs every error at ERROR with its message, and client errors quote the client's
    values (100k-character strings, or whatever a planner typed). Here client errors are logged by kind and
    path only; unexpected errors are logged, with their traceback, by :class:`MaskUnexpectedErrors`.
    """

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        for error in errors:
            code = (error.extensions or {}).get("code", "GRAPHQL_VALIDATION_FAILED")
            log.info("request error %s at %s", code, error.path)


def build_schema(settings: ApiSettings) -> strawberry.Schema:
    """The schema with limits and switches from ``settings``."""
    # factories, not instances: strawberry (>= 0.316) builds a fresh extension per request from each
    limits = DocumentLimits(tokens=settings.max_tokens, depth=settings.max_depth, aliases=settings.max_aliases,
                            fields=settings.max_fields, same_name=settings.max_same_name_fields)
    costs = {Role.READER: settings.max_cost_reader, Role.PLANNER: settings.max_cost_planner,
             Role.ADMIN: settings.max_cost_admin}
    extensions: list[Callable[[], SchemaExtension]] = []
    if not settings.introspection:  # first: it adds its validation rule when the operation starts
        extensions.append(DisableIntrospection)
    extensions += [
        lambda: RequestGuard(limits),  # parse + shape limits + validation, off the event loop, cached
        lambda: CostLimit(costs),
        ArgumentGuard,
        MaskUnexpectedErrors,
    ]
    return GridlinkSchema(query=Query, mutation=Mutation, extensions=extensions,
                          config=StrawberryConfig(default_resolver=field_from_map))


def sdl() -> str:
    """The schema as SDL text (what ``api/schema.graphql`` holds)."""
    return str(build_schema(ApiSettings())) + "\n"
