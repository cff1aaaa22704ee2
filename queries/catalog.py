"""The catalog of named Cypher queries: one ``queries/*.cypher`` file per query.

Each file starts with a header of ``//`` lines and then the Cypher, so it pastes straight into Neo4j Browser::

    // name: grid_by_code
    // title: A grid by its code
    // description: The grid, its community and street.
    // params: code (str), scheme (str)
    // returns: uid, code, name, communityCode
    // example: :param code => '510107005001001'
    // example: :param scheme => 'LOCAL'
    MATCH (g:Grid {code: $code, scheme: $scheme}) ...

At load time the declared ``params`` must equal the ``$parameters`` used in the text (aiosql's rule), so a typo
fails at import rather than at run time. Queries run with the name as transaction metadata, visible in
``SHOW TRANSACTIONS`` and ``query.log``.
"""

from __future__ import annotations

import ast
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import neo4j

from graph.driver import database, get_driver
from graph.settings import get_neo4j_settings
from queries.errors import QueryDefinitionError, QueryParameterError, UnknownQueryError

_HEADER = re.compile(r"^//\s*([a-z_]+):\s?(.*)$")
_PARAM_DECL = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*$")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_COMMENT = re.compile(r"//[^\n]*")


@dataclass(frozen=True)
class NamedQuery:
    """A parsed ``.cypher`` file."""

    name: str
    title: str
    description: str
    params: dict[str, str]  # name -> declared type
    returns: tuple[str, ...]
    examples: tuple[str, ...]
    text: str
    write: bool

    def example_params(self) -> dict[str, Any]:
        """The example ``:param`` values as Python values (best effort, for docs and the guide)."""
        out: dict[str, Any] = {}
        for ex in self.examples:
            m = re.match(r":param\s+([A-Za-z_]\w*)\s*=>\s*(.+)$", ex.strip())
            if m:
                out[m.group(1)] = _literal(m.group(2).strip())
        return out


def _literal(src: str) -> Any:
    temporal = re.fullmatch(r"(?:date|datetime|localtime|time)\('([^']*)'\)", src)
    if temporal:  # date('2026-07-04') in Browser is the text 2026-07-04 for the CLI and the API
        return temporal.group(1)
    src = src.replace("null", "None").replace("true", "True").replace("false", "False")
    try:
        return ast.literal_eval(src)
    except (ValueError, SyntaxError):
        return src


def parse(name: str, source: str, bases: dict[str, NamedQuery] | None = None) -> NamedQuery:
    """Parse one query file.

    A file whose header says ``// extends: BASE`` holds only a tail: its text is BASE's text up to BASE's last
    top-level ``RETURN`` line, then the tail (which sees BASE's variables there). So a query that draws what BASE
    computes reuses BASE's rule instead of copying it; parameters and examples not declared are BASE's.

    Args:
        name: file stem, which must equal the header's ``name``.
        source: the file's text.
        bases: the queries an ``extends`` header may name.

    Raises:
        QueryDefinitionError: a missing header field, or declared and used parameters differ.
    """
    meta: dict[str, list[str]] = {}
    lines = source.splitlines()
    body_start = 0
    for i, line in enumerate(lines):
        m = _HEADER.match(line.strip())
        if not m:
            body_start = i
            break
        meta.setdefault(m.group(1), []).append(m.group(2).strip())
    else:
        body_start = len(lines)
    text = "\n".join(lines[body_start:]).strip().rstrip(";")
    for field in ("name", "title", "description"):
        if field not in meta:
            raise QueryDefinitionError(f"{name}.cypher: header line '// {field}:' is missing")
    if "extends" in meta:
        base = (bases or {}).get(meta["extends"][0])
        if base is None:
            raise QueryDefinitionError(f"{name}.cypher: extends unknown query {meta['extends'][0]!r}")
        text = _head(base) + "\n" + text
        meta.setdefault("params", [", ".join(f"{k} ({v})" for k, v in base.params.items())])
        meta.setdefault("example", list(base.examples))
    if meta["name"][0] != name:
        raise QueryDefinitionError(f"{name}.cypher: header name {meta['name'][0]!r} differs from the file name")
    params: dict[str, str] = {}
    for decl in ",".join(meta.get("params", [])).split(","):
        if decl.strip():
            m = _PARAM_DECL.match(decl)
            if not m:
                raise QueryDefinitionError(f"{name}.cypher: cannot read parameter declaration {decl!r}")
            params[m.group(1)] = (m.group(2) or "any").strip()
    code = _COMMENT.sub("", _STRING.sub("''", text))
    used = set(_PARAM_USE.findall(code))
    if used != set(params):
        raise QueryDefinitionError(
            f"{name}.cypher: declared params {sorted(params)} differ from used {sorted(used)}")
    returns = tuple(r.strip() for r in ",".join(meta.get("returns", [])).split(",") if r.strip())
    write = bool(re.search(r"\b(CREATE|MERGE|SET|DELETE|REMOVE)\b", code))
    return NamedQuery(name, meta["title"][0], " ".join(meta["description"]), params, returns,
                      tuple(meta.get("example", [])), text, write)


def _head(base: NamedQuery) -> str:
    """``base``'s text without its last top-level ``RETURN`` (the part an ``extends`` tail continues)."""
    lines = base.text.splitlines()
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].startswith("RETURN "):
            return "\n".join(lines[:i])
    raise QueryDefinitionError(f"{base.name}.cypher cannot be extended: no top-level RETURN line")


@lru_cache(maxsize=1)
def catalog() -> dict[str, NamedQuery]:
    """Every named query shipped in the ``queries`` package, by name (extensions after the queries they extend)."""
    found: dict[str, NamedQuery] = {}
    sources = {e.name[: -len(".cypher")]: e.read_text(encoding="utf-8")
               for e in resources.files("queries").iterdir() if e.name.endswith(".cypher")}
    extending = {stem for stem, src in sources.items() if "\n// extends:" in src}
    for stem in sorted(sources, key=lambda n: (n in extending, n)):
        found[stem] = parse(stem, sources[stem], found)
    return dict(sorted(found.items()))


@cache
def group(name: str) -> dict[str, NamedQuery]:
    """The named queries of a program's own sub-folder, ``queries/<name>/`` (``ingest``: the statements of the
    ingest: run bookkeeping, places, snapshots, duplicates, parents, lookups). Same header and parameter
    contract as :func:`catalog`; kept out of it (and so out of the Browser guide and the README table) because
    they are the program's, not the analyst's."""
    found: dict[str, NamedQuery] = {}
    folder = resources.files("queries").joinpath(name)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            stem = entry.name[: -len(".cypher")]
            found[stem] = parse(stem, entry.read_text(encoding="utf-8"))
    return found


def groups() -> list[str]:
    """The sub-folders of ``queries/`` holding a program's own statements (``ingest``)."""
    return sorted(e.name for e in resources.files("queries").iterdir()
                  if e.is_dir() and any(f.name.endswith(".cypher") for f in e.iterdir()))


def statement(group_name: str, name: str, **params: Any) -> tuple[neo4j.Query, dict[str, Any]]:
    """A program's named statement and its parameters, checked against the declared ones (all required).

    Returns:
        ``(query, params)`` for ``session.run`` / ``tx.run`` / ``driver.execute_query``; no timeout (a bulk
        write must not be cut by the API's query timeout); the name travels as transaction metadata.

    Raises:
        UnknownQueryError: no such statement in the group.
        QueryParameterError: a parameter missing or not declared.
    """
    queries = group(group_name)
    if name not in queries:
        raise UnknownQueryError(name, difflib.get_close_matches(name, queries, n=3))
    q = queries[name]
    if set(params) != set(q.params):
        extra = sorted(set(params) - set(q.params))
        if extra:
            raise QueryParameterError(name, extra, sorted(q.params))
        raise QueryParameterError(name, sorted(set(q.params) - set(params)), sorted(q.params), reason="missing")
    return neo4j.Query(q.text, metadata={"query": f"{group_name}/{name}"}), params


#: statements a program generates (``ingest.writes``), registered by the package that owns them: listed by
#: ``gridlink query list --all`` so that every statement the program can send is visible in one place
_GENERATED: dict[str, Callable[[], Iterable[NamedQuery]]] = {}


def register_generated(owner: str, provider: Callable[[], Iterable[NamedQuery]]) -> None:
    """Register the generated statements of ``owner`` (called by the owner's CLI registration)."""
    _GENERATED[owner] = provider


def generated() -> list[NamedQuery]:
    """Every registered generated statement."""
    return [q for provider in _GENERATED.values() for q in provider()]


def get(name: str) -> NamedQuery:
    """The named query, or :class:`UnknownQueryError` listing close names."""
    try:
        return catalog()[name]
    except KeyError:
        close = difflib.get_close_matches(name, catalog(), n=3)
        raise UnknownQueryError(name, close) from None


def to_query(q: NamedQuery, timeout: float | None = None) -> neo4j.Query:
    """The driver ``Query`` with the name as transaction metadata."""
    # The one place where file text is used as query text (the driver types it LiteralString): query files ship
    # with the code, never user input. mypy treats LiteralString as str, so no cast is needed here.
    return neo4j.Query(q.text, metadata={"query": q.name},
                       timeout=timeout if timeout is not None else get_neo4j_settings().query_timeout_s)


def run(name: str, params: dict[str, Any] | None = None, *, driver: neo4j.Driver | None = None,
        timeout: float | None = None) -> neo4j.EagerResult:
    """Run a named query in one round trip: read queries in read transactions, routed to readers.

    Args:
        name: query name (file stem).
        params: values for its parameters; missing ones are passed as null.
        driver: defaults to the process driver.
        timeout: server-side timeout in seconds (default ``NEO4J_QUERY_TIMEOUT_S``).

    Returns:
        The eager result (records, summary, keys).

    Raises:
        UnknownQueryError: no such query.
        QueryParameterError: a parameter was given that the query does not declare.
    """
    q = get(name)
    given = dict(params or {})
    extra = set(given) - set(q.params)
    if extra:
        raise QueryParameterError(name, sorted(extra), sorted(q.params))
    full = {p: given.get(p) for p in q.params}
    drv = driver or get_driver()
    routing = neo4j.RoutingControl.WRITE if q.write else neo4j.RoutingControl.READ
    return drv.execute_query(to_query(q, timeout), full, database_=database(), routing_=routing)
