"""Turn Neo4j result values into JSON and into short text for terminal tables.

Nodes, relationships and paths are rendered by their labels and key only (``uid``, else ``code``, else
``runId``/``version``) plus a name: enough to follow the graph, and it never prints personal fields such as
a party organization's ``contactPhone`` or a party member's ``name``. Temporal values become ISO strings,
points ``{longitude, latitude}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import neo4j
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point

_KEYS = ("uid", "code", "runId", "version", "clientMutationId")
_NAMES = ("name", "title")


def _key(node: Node) -> Any:
    for k in _KEYS:
        if k in node:
            return node[k]
    return node.element_id


def _node(node: Node) -> dict[str, Any]:
    labels = sorted(node.labels)
    out: dict[str, Any] = {"labels": labels, "key": _key(node)}
    if "PartyMember" not in node.labels:  # a member's name is personal data
        for k in _NAMES:
            if k in node:
                out["name"] = node[k]
                break
    return out


def _rel(rel: Relationship) -> dict[str, Any]:
    start, end = rel.start_node, rel.end_node
    return {"type": rel.type,
            "start": _key(start) if start is not None else None,
            "end": _key(end) if end is not None else None}


def to_jsonable(value: Any) -> Any:
    """A JSON-serialisable form of one result value."""
    if isinstance(value, Path):
        return {"nodes": [_node(n) for n in value.nodes], "relationships": [_rel(r) for r in value.relationships]}
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Relationship):
        return _rel(value)
    if isinstance(value, Point):
        return {"longitude": value[0], "latitude": value[1]}
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time Date/DateTime/Time/Duration
        return value.iso_format()
    return value


def _node_text(node: Node) -> str:
    main = [lb for lb in sorted(node.labels) if lb != "Organization"] or sorted(node.labels)
    return f"(:{':'.join(main)} {_key(node)})"


def to_text(value: Any) -> str:
    """A one-line form of one result value for a table cell (null is an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, Path):
        parts = [_node_text(value.start_node)]
        for rel, node in zip(value.relationships, value.nodes[1:], strict=True):
            forward = rel.start_node is not None and rel.start_node.element_id != node.element_id
            parts.append(f"-[:{rel.type}]->" if forward else f"<-[:{rel.type}]-")
            parts.append(_node_text(node))
        return "".join(parts)
    if isinstance(value, Node):
        return _node_text(value)
    if isinstance(value, Relationship):
        return f"[:{value.type}]"
    if isinstance(value, list | tuple):
        return ", ".join(to_text(v) for v in value)
    if isinstance(value, bool | int | float | str):
        return str(value)
    return json.dumps(to_jsonable(value), ensure_ascii=False)


def records_to_json(keys: Iterable[str], records: Iterable[neo4j.Record]) -> str:
    """The records as a JSON array of objects, in column order, Chinese kept readable."""
    cols = list(keys)
    rows = [{k: to_jsonable(rec[k]) for k in cols} for rec in records]
    return json.dumps(rows, ensure_ascii=False, indent=2)
