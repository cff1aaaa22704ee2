"""The graph a bulk load builds in memory before Neo4j's importer writes it (:mod:`ingest.bulk`).

Nodes and relationships with their labels and properties, indexed the way the transactional path's statements
find them: by label and key (``MERGE (n:Organization {uid: …})``), and by the properties the reference lookups
and the duplicate pass match on (``uscc``, ``nameNorm``, ``partyOrgId``). Nodes keep their creation order, which
is the order in which Neo4j's label scans return them (the places and compounds snapshots depend on it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ingest.compound_index import CompoundIndex, CompoundInfo
from ingest.places import Division, GridInfo, Places

#: the properties a node is MERGEd on (the constraints' keys)
KEY_PROPS = ("uid", "code")
#: properties matched by lookups and the duplicate pass, indexed over every node
INDEXED = ("uscc", "nameNorm", "partyOrgId")

RelKey = tuple[str, int]  # (type, far node id)


class Node:
    """One node: labels, properties, relationships by (type, far node) in each direction."""

    __slots__ = ("labels", "props", "out", "inc")

    def __init__(self, labels: frozenset[str], props: dict[str, Any]) -> None:
        self.labels = labels
        self.props = props
        self.out: dict[RelKey, dict[str, Any]] = {}  # (type, end) -> relationship properties
        self.inc: set[RelKey] = set()  # (type, start)


class MemoryGraph:
    """Nodes (ids = list positions) and relationships, with the transactional path's ways to find them."""

    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self._by_key: dict[tuple[str, str], dict[Any, int]] = {}  # (label, key prop) -> value -> node id
        self._by_prop: dict[str, dict[Any, set[int]]] = {p: {} for p in INDEXED}
        self._labels: dict[frozenset[str], frozenset[str]] = {}  # interned label sets
        self.relationships = 0

    # nodes ---------------------------------------------------------------------------------------------------
    def find(self, label: str, key: str, value: Any) -> int | None:
        """``MATCH (n:label {key: value})``: the node id, or None."""
        return self._by_key.get((label, key), {}).get(value)

    def create(self, labels: tuple[str, ...], props: dict[str, Any]) -> int:
        """A new node (``props`` without ``None`` values)."""
        nid = len(self.nodes)
        self.nodes.append(Node(self._intern(frozenset(labels)), {}))
        self.set_props(nid, props)
        self._index_labels(nid, self.nodes[nid].labels)
        return nid

    def merge(self, label: str, key: str, value: Any) -> tuple[int, bool]:
        """``MERGE (n:label {key: value})``: the node id and whether it was created."""
        nid = self.find(label, key, value)
        if nid is not None:
            return nid, False
        return self.create((label,), {key: value}), True

    def add_labels(self, nid: int, labels: tuple[str, ...]) -> None:
        """``SET n:A:B``."""
        node = self.nodes[nid]
        new = frozenset(labels) - node.labels
        if new:
            node.labels = self._intern(node.labels | new)
            self._index_labels(nid, frozenset(new))

    def set_props(self, nid: int, props: dict[str, Any]) -> None:
        """``SET n.k = v`` for each item (``None`` removes the property)."""
        node = self.nodes[nid]
        for k, v in props.items():
            if k in self._by_prop:
                old = node.props.get(k)
                if old is not None:
                    self._by_prop[k][old].discard(nid)
                if v is not None:
                    self._by_prop[k].setdefault(v, set()).add(nid)
            if v is None:
                node.props.pop(k, None)
            else:
                node.props[k] = v

    def with_prop(self, prop: str, value: Any, label: str) -> list[int]:
        """Nodes with ``label`` whose ``prop`` (one of :data:`INDEXED`) equals ``value``."""
        return [n for n in self._by_prop[prop].get(value, ()) if label in self.nodes[n].labels]

    def _intern(self, labels: frozenset[str]) -> frozenset[str]:
        return self._labels.setdefault(labels, labels)

    def _index_labels(self, nid: int, labels: frozenset[str]) -> None:
        props = self.nodes[nid].props
        for label in labels:
            for key in KEY_PROPS:
                if key in props:
                    self._by_key.setdefault((label, key), {})[props[key]] = nid

    # relationships -------------------------------------------------------------------------------------------
    def merge_rel(self, start: int, rel_type: str, end: int) -> tuple[dict[str, Any], bool]:
        """``MERGE (start)-[r:rel_type]->(end)``: the relationship's properties (to update) and whether it was
        created."""
        out = self.nodes[start].out
        props = out.get((rel_type, end))
        if props is not None:
            return props, False
        props = out[(rel_type, end)] = {}
        self.nodes[end].inc.add((rel_type, start))
        self.relationships += 1
        return props, True

    def rel(self, start: int, rel_type: str, end: int) -> dict[str, Any]:
        """The properties of an existing relationship."""
        return self.nodes[start].out[(rel_type, end)]

    def delete_rel(self, start: int, rel_type: str, end: int) -> None:
        """``DELETE r``."""
        del self.nodes[start].out[(rel_type, end)]
        self.nodes[end].inc.discard((rel_type, start))
        self.relationships -= 1

    def rels_of(self, nid: int, rel_type: str, outgoing: bool) -> list[int]:
        """The far nodes of ``nid``'s relationships of one type and direction."""
        node = self.nodes[nid]
        keys = node.out if outgoing else node.inc
        return [far for t, far in keys if t == rel_type]

    def iter_rels(self) -> Iterator[tuple[int, str, int, dict[str, Any]]]:
        """Every relationship as ``(start, type, end, properties)``."""
        for nid, node in enumerate(self.nodes):
            for (rel_type, end), props in node.out.items():
                yield nid, rel_type, end, props

    # snapshots the runs read (the transactional path reads them from the graph) -------------------------------
    def places(self) -> Places:
        """Divisions and grids, as :func:`ingest.cleanup.load_places` reads them."""
        divisions, grids = [], []
        for node in self.nodes:
            p = node.props
            if "Division" in node.labels:
                parents = [self.nodes[e].props.get("code") for t, e in node.out
                           if t == "PART_OF" and "Division" in self.nodes[e].labels]
                divisions.append(Division(p.get("code"), p.get("level") or "", p.get("name"),  # type: ignore[arg-type]
                                          parents[0] if parents else None))
            if "Grid" in node.labels:
                grids.append((GridInfo(p.get("uid"), p.get("code"), p.get("scheme") or "LOCAL",  # type: ignore[arg-type]
                                       p.get("communityCode")), p.get("boundary")))
        return Places.build(divisions, grids)

    def compounds(self) -> CompoundIndex:
        """Every compound with its first grid, as :func:`ingest.compound_index.load_compounds` reads them."""
        out = []
        for node in self.nodes:
            if "Compound" in node.labels:
                grids = sorted(str(self.nodes[e].props.get("uid")) for t, e in node.out
                               if t == "IN_GRID" and "Grid" in self.nodes[e].labels)
                p = node.props
                out.append(CompoundInfo(p["uid"], p.get("nameNorm") or "", p.get("communityCode"),
                                        grids[0] if grids else None))
        return CompoundIndex.build(out)
