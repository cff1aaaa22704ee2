"""Parse and validate GraphQL documents off the event loop, refusing costly shapes before validation runs.

One schema extension replaces strawberry's parser cache, validation cache, token, depth and alias limiters:

* parsing runs with graphql-core's token limit, then :func:`api.shape.measure` counts the document (fields with
  fragments expanded, same-name fields per selection set, depth with introspection fields, aliases) and refuses
  it with ``QUERY_TOO_COMPLEX`` naming the limit — before graphql-core's validation, whose overlapping-fields
  rule is quadratic in same-name fields;
* a document with several operations and no ``operationName`` is refused (graphql-core would run the first);
* a cache miss is parsed and validated in a worker thread, at most :data:`WORKERS` at a time, so a costly
  document never stalls the loop that serves everyone else;
* the parse cache is keyed on the text, the validation cache on the *printed* document: comments, whitespace
  and commas do not make a new entry (a leading ``# comment`` used to defeat the cache). Only short texts are
  cached, so the caches stay small whatever clients send.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
from graphql import DocumentNode, GraphQLError, GraphQLSyntaxError, parse, print_ast
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from api.shape import Shape, measure, more_tokens_than

#: parse/validate threads at once: the machine's cores, not the threadpool's 40 (those serve Neo4j calls)
WORKERS = 2
#: texts longer than this are parsed every time rather than kept (a 900 KB string literal is under the token limit)
CACHEABLE_CHARS = 20_000
CACHE_SIZE = 256

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


class _Lru(OrderedDict[K, V]):
    """A bounded mapping used from the event loop only (no lock needed)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get_fresh(self, key: K) -> V | None:
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


@dataclass(frozen=True)
class DocumentLimits:
    """The structural limits (from the API settings)."""

    tokens: int
    depth: int
    aliases: int
    fields: int
    same_name: int


@dataclass(frozen=True)
class _Parsed:
    document: DocumentNode | None
    printed: str
    error: GraphQLError | None


_PARSED: _Lru[tuple[str, DocumentLimits], _Parsed] = _Lru(CACHE_SIZE)
# printed document + rules → (the text it was validated from, its errors)
_VALIDATED: _Lru[tuple[str, tuple[type, ...]], tuple[str, list[GraphQLError]]] = _Lru(CACHE_SIZE)
_LIMITERS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = \
    weakref.WeakKeyDictionary()


def coded(error: GraphQLError, code: str, **extra: Any) -> GraphQLError:
    """``error`` with ``extensions.code`` (kept when it has one already)."""
    error.extensions = {"code": code, **extra, **(error.extensions or {})}
    return error


def too_complex(message: str, limit: str, maximum: int, found: int) -> GraphQLError:
    """The refusal of a document over a structural limit."""
    return GraphQLError(message, extensions={"code": "QUERY_TOO_COMPLEX", "limit": limit, "max": maximum,
                                             "found": found})


def check_shape(shape: Shape, limits: DocumentLimits) -> GraphQLError | None:
    """The first limit ``shape`` exceeds, as an error naming it (``None`` when within all)."""
    if shape.depth > limits.depth:
        return too_complex(f"the document exceeds maximum operation depth of {limits.depth} (depth {shape.depth}; "
                           "introspection fields count too)", "depth", limits.depth, shape.depth)
    if shape.aliases > limits.aliases:
        return too_complex(f"{shape.aliases} aliases found. Allowed: {limits.aliases}", "aliases", limits.aliases,
                           shape.aliases)
    if shape.fields > limits.fields:
        return too_complex(f"the document selects {shape.fields} fields (fragments expanded); the limit is "
                           f"{limits.fields}", "fields", limits.fields, shape.fields)
    if shape.same_name > limits.same_name:
        return too_complex(f"{shape.same_name} fields named {shape.same_name_field[:40]!r} in one selection set; "
                           f"the limit is {limits.same_name} (use one field, or aliases)", "sameNameFields",
                           limits.same_name, shape.same_name)
    return None


def prepare(text: str, limits: DocumentLimits) -> _Parsed:
    """Parse ``text`` and check its shape (runs in a worker thread on a cache miss)."""
    if more_tokens_than(text, limits.tokens):
        return _Parsed(None, "", GraphQLError(
            f"Syntax Error: Document contains more than {limits.tokens} tokens. Parsing aborted.",
            extensions={"code": "QUERY_TOO_COMPLEX", "limit": "tokens", "max": limits.tokens}))
    try:
        document = parse(text, max_tokens=limits.tokens)
    except GraphQLSyntaxError as e:
        if "tokens. Parsing aborted" in e.message:
            return _Parsed(None, "", coded(e, "QUERY_TOO_COMPLEX", limit="tokens", max=limits.tokens))
        return _Parsed(None, "", coded(e, "GRAPHQL_PARSE_FAILED"))
    error = check_shape(measure(document), limits)
    return _Parsed(None if error else document, "" if error else print_ast(document), error)


async def off_loop(fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn`` in a worker thread, at most :data:`WORKERS` at a time per event loop."""
    loop = asyncio.get_running_loop()
    limiter = _LIMITERS.get(loop)
    if limiter is None:
        limiter = _LIMITERS[loop] = anyio.CapacityLimiter(WORKERS)
    return await anyio.to_thread.run_sync(fn, *args, limiter=limiter)


class RequestGuard(SchemaExtension):
    """Parse, check and validate as described in the module docstring (the hooks are async: they await threads)."""

    def __init__(self, limits: DocumentLimits) -> None:
        super().__init__()
        self.limits = limits
        self.printed = ""

    async def on_parse(self) -> AsyncIterator[None]:
        ec = self.execution_context
        text = ec.query
        if text and ec.graphql_document is None:
            key = (text, self.limits)
            parsed = _PARSED.get_fresh(key)
            if parsed is None:
                parsed = await off_loop(prepare, text, self.limits)
                if len(text) <= CACHEABLE_CHARS:
                    _PARSED.put(key, parsed)
            if parsed.error is not None:
                raise parsed.error
            assert parsed.document is not None
            operations = [d for d in parsed.document.definitions if d.kind == "operation_definition"]
            if len(operations) > 1 and not ec.operation_name:
                raise GraphQLError(f"the document has {len(operations)} operations; name the one to run in "
                                   "operationName", extensions={"code": "OPERATION_NAME_REQUIRED"})
            ec.graphql_document, self.printed = parsed.document, parsed.printed
        yield

    async def on_validate(self) -> AsyncIterator[None]:
        ec = self.execution_context
        if ec.graphql_document is not None and ec.pre_execution_errors is None and self.printed:
            rules = tuple(ec.validation_rules)
            key = (self.printed, rules)
            hit = _VALIDATED.get_fresh(key)
            # errors carry the locations of the text they were found in: reuse them for that text only
            if hit is None or (hit[1] and hit[0] != ec.query):
                errors = await off_loop(validate_document, ec.schema._schema, ec.graphql_document, rules)
                hit = (ec.query or "", [coded(e, "GRAPHQL_VALIDATION_FAILED") for e in errors])
                if len(self.printed) <= CACHEABLE_CHARS:
                    _VALIDATED.put(key, hit)
            ec.pre_execution_errors = list(hit[1])
        yield
