"""Write statements, generated from the static specs below (cartography's query-builder idea).

Identifiers in the generated Cypher (labels, keys, relationship types, property names) come only from these
specs and from the transforms' fixed property names, never from input; every value travels in parameters.

A node batch runs, in one transaction:

1. :func:`node_statement` — ``UNWIND $rows`` MERGE on the key, returning ``(i, outcome)`` per row: ``loaded``
   (new), ``updated`` (hash changed, or a deactivated organization came back) or ``unchanged`` (same ``rowHash``:
   nothing is written, not even provenance);
2. :func:`prune_statement` for the ``updated`` rows — drop their relationships of the spec's types that the new
   row no longer has (relationships of other types, written by other kinds, are left alone);
3. :func:`slot_statement` per relationship slot for the changed rows — ``UNWIND $pairs`` MERGE.

Small, flat statements keep the planner away from Eager barriers; unchanged rows cost one index seek.
Membership rows (a relationship is the main element) use :func:`statement` with the :class:`RelSpec`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import LiteralString


@dataclass(frozen=True)
class Slot:
    """A relationship a row may carry: ``row[name]`` is a list of ``{"k": target key, "p": props}``.

    ``merge_target`` MERGEs the far node by key (``item.t`` holds its properties, set when created): used for
    parent divisions that may come in a later file.
    """

    name: str
    type: str
    label: str
    key: str
    outgoing: bool = True
    merge_target: bool = False


@dataclass(frozen=True)
class NodeSpec:
    """A node kind written by MERGE on ``label {key}``, plus its relationship slots."""

    name: str
    label: str
    key: str
    extra_labels: tuple[str, ...] = ()
    slots: tuple[Slot, ...] = ()
    track_active: bool = False  # organizations: `active` flag for --snapshot


@dataclass(frozen=True)
class RelSpec:
    """A row whose main element is a relationship ``(from)-[type]->(to)`` (memberships)."""

    name: str
    type: str
    from_label: str
    from_key: str
    to_label: str
    to_key: str
    merge_to: bool = False  # create the far node (an alliance) from row.target
    to_slots: tuple[Slot, ...] = field(default_factory=tuple)


_IN_GRID = Slot("inGrid", "IN_GRID", "Grid", "uid")
_IN_DIV = Slot("inDivision", "IN_DIVISION", "Division", "code")
_PLACE = (_IN_GRID, _IN_DIV)

SPECS: dict[str, NodeSpec | RelSpec] = {s.name: s for s in (
    NodeSpec("division", "Division", "code",
             slots=(Slot("partOf", "PART_OF", "Division", "code", merge_target=True),)),
    NodeSpec("grid", "Grid", "uid", slots=(Slot("partOf", "PART_OF", "Division", "code"),)),
    NodeSpec("enterprise", "Organization", "uid", ("Enterprise",), _PLACE, track_active=True),
    NodeSpec("public_unit", "Organization", "uid", ("PublicUnit",), _PLACE, track_active=True),
    NodeSpec("social_org", "Organization", "uid", ("SocialOrganization",), _PLACE, track_active=True),
    NodeSpec("party_org", "Organization", "uid", ("PartyOrganization",), _PLACE + (
        Slot("parent", "SUBORDINATE_TO", "PartyOrganization", "uid"),
        Slot("hosts", "HOSTED_BY", "Organization", "uid"),
        Slot("leadsDivision", "LEADS", "Division", "code"),
        Slot("leadsGrid", "LEADS", "Grid", "uid"),
    ), track_active=True),
    NodeSpec("resource", "Resource", "uid", slots=_PLACE + (
        Slot("provider", "PROVIDES", "Organization", "uid", outgoing=False),)),
    NodeSpec("need", "Need", "uid", slots=_PLACE + (Slot("raisedBy", "RAISED_BY", "Organization", "uid"),)),
    NodeSpec("project", "Project", "uid", slots=_PLACE + (
        Slot("addresses", "ADDRESSES", "Need", "uid"),
        Slot("uses", "USES", "Resource", "uid"),
        Slot("ledBy", "LED_BY", "Organization", "uid"),
    )),
    NodeSpec("agreement", "Agreement", "uid", slots=(
        Slot("signedBy", "SIGNED_BY", "Organization", "uid"),
        Slot("covers", "COVERS", "Division", "code"),
    )),
    NodeSpec("party_member", "PartyMember", "uid", slots=(
        Slot("memberOf", "MEMBER_OF", "PartyOrganization", "uid"),
        Slot("reportedTo", "REPORTED_TO", "Division", "code"),
        _IN_GRID,
    )),
    RelSpec("member_of", "MEMBER_OF", "Organization", "uid", "Alliance", "uid", merge_to=True, to_slots=(
        Slot("coversDivision", "COVERS", "Division", "code"),
        Slot("coversGrid", "COVERS", "Grid", "uid"),
    )),
    RelSpec("reported_to", "REPORTED_TO", "Organization", "uid", "Division", "code"),
)}

_PROV_SET = ("{v}.source = $source, {v}.sourceFile = {row}.file, {v}.sourceRow = {row}.line, "
             "{v}.runId = $runId, {v}.updatedAt = $now")
_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")


def _prov(var: str, row: str = "row") -> str:
    return _PROV_SET.format(v=var, row=row)


def _arrow(slot: Slot, rel: str) -> str:
    return f"-[{rel}:{slot.type}]->" if slot.outgoing else f"<-[{rel}:{slot.type}]-"


def _outcome(var: str, active: bool) -> str:
    changed = f"{var}.rowHash = row.hash" + (f" AND coalesce({var}.active, true)" if active else "")
    return (f"CASE WHEN {var}.rowHash IS NULL THEN 'loaded' WHEN {changed} THEN 'unchanged' "
            f"ELSE 'updated' END AS outcome")


@cache
def node_statement(name: str, keys: tuple[str, ...]) -> LiteralString:
    """MERGE the nodes of a batch and SET properties ``keys`` (the transforms' fixed names) on changed rows."""
    spec = SPECS[name]
    assert isinstance(spec, NodeSpec)
    bad = [k for k in keys if not _IDENT.match(k)]
    if bad:  # property names come from code, but never let one become Cypher syntax
        raise ValueError(f"invalid property names {bad}")
    sets = ", ".join(f"n.{k} = row.props.{k}" for k in keys)
    labels = "".join(f":{lb}" for lb in spec.extra_labels)
    active = ", n.active = true, n.inactiveSince = null" if spec.track_active else ""
    text = "\n".join([
        "UNWIND $rows AS row",
        f"MERGE (n:{spec.label} {{{spec.key}: row.key}})",
        "ON CREATE SET n.firstRunId = $runId",
        f"WITH n, row, {_outcome('n', spec.track_active)}",
        "FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |",
        f"  SET {sets}, n.rowHash = row.hash, {_prov('n')}{active}" + (f"\n  SET n{labels}" if labels else ""),
        ")",
        "RETURN row.i AS i, outcome",
    ])
    return text


def prune_groups(name: str) -> list[tuple[str, bool, tuple[Slot, ...]]]:
    """The spec's slots grouped by (relationship type, direction): what one prune statement covers."""
    spec = SPECS[name]
    groups: dict[tuple[str, bool], list[Slot]] = {}
    for s in spec.slots if isinstance(spec, NodeSpec) else ():
        groups.setdefault((s.type, s.outgoing), []).append(s)
    return [(t, o, tuple(g)) for (t, o), g in groups.items()]


@cache
def prune_statement(name: str, rel_type: str, outgoing: bool) -> LiteralString:
    """Delete relationships of one type of updated rows whose far end is not in ``row.keep[slot]``."""
    spec = SPECS[name]
    assert isinstance(spec, NodeSpec)
    group = next(g for t, o, g in prune_groups(name) if (t, o) == (rel_type, outgoing))
    keep = " OR ".join(f"(t:{s.label} AND t.{s.key} IN row.keep.{s.name})" for s in group)
    return "\n".join([
        "UNWIND $rows AS row",
        f"MATCH (n:{spec.label} {{{spec.key}: row.key}}){_arrow(group[0], 'r')}(t)",
        f"WHERE NOT ({keep})",
        "DELETE r",
    ])


@cache
def slot_statement(name: str, slot_name: str) -> LiteralString:
    """MERGE one slot's relationships: ``$pairs`` of ``{a: node key, b: far key, t: far props, file, line}``."""
    spec = SPECS[name]
    assert isinstance(spec, NodeSpec)
    s = next(x for x in spec.slots if x.name == slot_name)
    find = (f"MERGE (t:{s.label} {{{s.key}: p.b}}) ON CREATE SET t += p.t" if s.merge_target
            else f"MATCH (t:{s.label} {{{s.key}: p.b}})")
    return "\n".join([
        "UNWIND $pairs AS p",
        f"MATCH (n:{spec.label} {{{spec.key}: p.a}})",
        find,
        f"MERGE (n){_arrow(s, 'r')}(t)",
        "ON CREATE SET r.firstRunId = $runId",
        f"SET {_prov('r', 'p')}",
    ])


def _slot_merges(node: str, slots: tuple[Slot, ...]) -> list[str]:
    """CALL subqueries MERGEing the relationships of a membership's far node (small volumes)."""
    return [
        f"CALL ({node}, row, outcome) {{\n"
        f"  WITH {node}, row, outcome WHERE outcome <> 'unchanged'\n"
        f"  UNWIND coalesce(row.{s.name}, []) AS item\n"
        f"  MATCH (t:{s.label} {{{s.key}: item.k}})\n"
        f"  MERGE ({node}){_arrow(s, 'r')}(t)\n"
        f"  ON CREATE SET r.firstRunId = $runId\n"
        f"  SET {_prov('r')}\n}}"
        for s in slots]


@cache
def statement(name: str) -> LiteralString:
    """The write statement of a :class:`RelSpec` (memberships): ``(i, outcome)`` per row."""
    spec = SPECS[name]
    assert isinstance(spec, RelSpec)
    to = (f"MERGE (b:{spec.to_label} {{{spec.to_key}: row.to}}) ON CREATE SET b.firstRunId = $runId"
          if spec.merge_to else f"MATCH (b:{spec.to_label} {{{spec.to_key}: row.to}})")
    parts = [
        "UNWIND $rows AS row",
        f"MATCH (a:{spec.from_label} {{{spec.from_key}: row.from}})",
        to,
        f"MERGE (a)-[r:{spec.type}]->(b)",
        "ON CREATE SET r.firstRunId = $runId",
        f"WITH a, b, r, row, {_outcome('r', False)}",
        "CALL (r, row, outcome) {\n"
        "  WITH r, row, outcome WHERE outcome <> 'unchanged'\n"
        f"  SET r += row.props, r.rowHash = row.hash, {_prov('r')}\n}}",
    ]
    if spec.merge_to:
        parts.append("CALL (b, row, outcome) {\n"
                     "  WITH b, row, outcome WHERE outcome <> 'unchanged' AND row.target IS NOT NULL\n"
                     f"  SET b += row.target, {_prov('b')}\n}}")
    parts += _slot_merges("b", spec.to_slots)
    parts.append("RETURN row.i AS i, outcome")
    return "\n".join(parts)
