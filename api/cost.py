"""The estimated cost of an operation — lists × page sizes × nested sizes — and its limit per role.

Every field a response would hold costs 1. A list multiplies the cost of what is below it by its expected
length: the page size or limit the client asked for (``first``, ``limit``; the schema's default when omitted),
``candidatesPerNeed`` for ``candidates`` and ``uncoveredLimit`` for ``uncovered``, and :data:`UNSIZED` for lists
without such an argument (children of a division, the reasons of a match). So 15 aliases of
``openNeeds(first: 100, candidatesPerNeed: 20) { nodes { candidates { … } } }`` cost hundreds of thousands and are
refused, while a planning tool's page of 20 ranked resources costs a few hundred.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from strawberry.extensions import SchemaExtension

from api.guard import CACHE_SIZE, CACHEABLE_CHARS, _Lru

#: expected length of a list whose size no argument sets
UNSIZED = 10
#: size arguments and the list they size: ``None`` = the first list below the field that has the argument
SIZE_ARGS: dict[str, str | None] = {"first": None, "limit": None, "candidatesPerNeed": "candidates",
                                    "uncoveredLimit": "uncovered"}
#: sizes above the largest any field accepts count as that: the field's own range check then names the argument
#: (``limit must be between 1 and 200``), which says more than a cost refusal
MAX_SIZE = 200
_CAP = 1 << 40  # costs saturate: the refusal only needs "more than the limit"


def _unwrap(t: GraphQLOutputType) -> tuple[GraphQLNamedType, bool]:
    is_list = False
    while isinstance(t, GraphQLNonNull | GraphQLList):
        is_list = is_list or isinstance(t, GraphQLList)
        t = t.of_type
    return t, is_list


class _Estimator:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any]) -> None:
        self.schema = schema
        self.variables = variables
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
        self.seen: set[str] = set()

    def _size(self, node: FieldNode, name: str, default: Any) -> int:
        for arg in node.arguments or ():
            if arg.name.value == name:
                value: Any = arg.value
                if isinstance(value, VariableNode):
                    value = self.variables.get(value.name.value, default)
                elif isinstance(value, IntValueNode):
                    value = int(value.value)
                ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
                return min(value, MAX_SIZE) if ok else 1
        return default if isinstance(default, int) and default > 0 else UNSIZED

    def selection_set(self, parent: GraphQLNamedType, node: SelectionSetNode | None,
                      sizes: Mapping[str | None, int]) -> int:
        if node is None or not isinstance(parent, GraphQLObjectType):
            return 0
        total = 0
        for sel in node.selections:
            if isinstance(sel, FieldNode):
                total += self.field(parent, sel, sizes)
            elif isinstance(sel, InlineFragmentNode | FragmentSpreadNode):
                if isinstance(sel, FragmentSpreadNode):
                    frag = self.fragments.get(sel.name.value)
                    if frag is None or sel.name.value in self.seen:
                        continue
                    self.seen.add(sel.name.value)
                    total += self.selection_set(parent, frag.selection_set, sizes)
                    self.seen.discard(sel.name.value)
                else:
                    total += self.selection_set(parent, sel.selection_set, sizes)
            total = min(total, _CAP)
        return total

    def field(self, parent: GraphQLObjectType, node: FieldNode, sizes: Mapping[str | None, int]) -> int:
        definition = parent.fields.get(node.name.value)
        if definition is None:  # __typename and introspection fields: the schema is small and in memory
            return 1 + self._introspection(node)
        named, is_list = _unwrap(definition.type)
        below = dict(sizes)
        for arg, target in SIZE_ARGS.items():
            if arg in definition.args:
                below[target] = self._size(node, arg, definition.args[arg].default_value)
        times = 1
        if is_list:
            times = below.pop(node.name.value, 0) or below.pop(None, 0) or UNSIZED
        return min(_CAP, times * (1 + self.selection_set(named, node.selection_set, below)))

    def _introspection(self, node: FieldNode) -> int:
        # each field written below costs 1: what they return is bounded by the schema, not by the data
        if node.selection_set is None:
            return 0
        return min(_CAP, sum(1 + self._introspection(s) for s in node.selection_set.selections
                             if isinstance(s, FieldNode)))


def estimate(schema: GraphQLSchema, document: DocumentNode, operation_name: str | None,
             variables: Mapping[str, Any] | None) -> int:
    """The cost of the operation that would run (0 when there is none to pick)."""
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)
           and (operation_name is None or (d.name is not None and d.name.value == operation_name))]
    if not ops:
        return 0
    root = schema.get_root_type(ops[0].operation)
    if root is None:
        return 0
    return _Estimator(schema, document, variables or {}).selection_set(root, ops[0].selection_set, {})


# (document text, operation, each variable's integer value or type) → cost. The limit of the caller's role is
# compared on every request, so one cached cost serves every role.
_COSTS: _Lru[tuple[str, str | None, tuple[tuple[str, int | str], ...]], int] = _Lru(CACHE_SIZE)


def cached_estimate(schema: GraphQLSchema, document: DocumentNode, text: str, operation_name: str | None,
                    variables: Mapping[str, Any] | None) -> int:
    """:func:`estimate`, remembered per document text and integer variables (planning tools send fixed documents
    with a few page sizes); texts over :data:`api.guard.CACHEABLE_CHARS` are estimated every time."""
    # a size comes from an integer variable; any other value counts 1 whatever it is, a missing one the default
    sizes = tuple(sorted((k, v if isinstance(v, int) and not isinstance(v, bool) else type(v).__name__)
                         for k, v in (variables or {}).items()))
    key = (text, operation_name, sizes)
    cost = _COSTS.get_fresh(key)
    if cost is None:
        cost = estimate(schema, document, operation_name, variables)
        if len(text) <= CACHEABLE_CHARS:
            _COSTS.put(key, cost)
    return cost


class CostLimit(SchemaExtension):
    """Refuse a validated operation whose :func:`estimate` exceeds the caller's role limit.

    Place it after :class:`api.guard.RequestGuard`: it only looks at documents that passed validation.
    """

    def __init__(self, limits: Mapping[Any, int]) -> None:
        """``limits``: the maximum cost per role (``api.auth.Role`` values)."""
        super().__init__()
        self.limits = limits

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        role = getattr(ec.context, "role", None)
        if ec.graphql_document is not None and not ec.pre_execution_errors and role in self.limits:
            limit = self.limits[role]
            cost = cached_estimate(ec.schema._schema, ec.graphql_document, ec.query or "", ec.operation_name,
                                   ec.variables)
            if cost > limit:
                ec.pre_execution_errors = [GraphQLError(
                    f"the query would cost about {cost} (each field returned, times the list sizes asked "
                    f"for); the limit of your role is {limit}: ask for smaller pages or fewer fields",
                    extensions={"code": "QUERY_TOO_COSTLY", "cost": cost, "limit": limit})]
        yield
