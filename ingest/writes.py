"""Write statements, generated from the write specs of the kind registry (:mod:`ingest.kinds`; cartography's
query-builder idea).

Identifiers in the generated Cypher (labels, keys, relationship types, property names) come only from these
specs and from the transforms' fixed property names, never from input; every value travels in parameters.

A node batch runs, in one transaction:

1. :func:`hash_statement` — the stored ``rowHash`` (and ``active``) of the batch's keys; the loader compares them
   with the rows' hashes: ``loaded`` (no node, or a node without a hash), ``updated`` (hash changed, or a
   deactivated organization came back) or ``unchanged`` (same ``rowHash``: nothing is written, not even
   provenance). A batch of unchanged rows writes nothing and costs one index seek per row;
2. :func:`prune_statement` for the ``updated`` rows only — drop their relationships of the spec's types that the
   new row no longer has (relationships of other types, written by other kinds, are left alone); new rows have
   nothing to prune;
3. :func:`upsert_statement` for the changed rows — node and relationships in one ``UNWIND $rows`` statement.

Three round trips at most, two for a first load, one for an unchanged batch.
Membership rows (a relationship is the main element) use :func:`statement` with the :class:`RelSpec`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import LiteralString

from ingest.kinds import SPECS
from ingest.specs import NodeSpec, RelSpec, Slot
from queries.catalog import NamedQuery

__all__ = ["SPECS", "NodeSpec", "RelSpec", "Slot"]

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


def check_property_names(keys: Iterable[str]) -> None:
    """Property names come from the transforms' code, but never let one become Cypher syntax."""
    bad = sorted(k for k in keys if not _IDENT.match(k))
    if bad:
        raise ValueError(f"invalid property names {bad}")


@cache
def hash_statement(name: str) -> LiteralString:
    """``(k, hash, active)`` of the batch's keys that already exist: one index seek per key, nothing written."""
    spec = SPECS[name]
    assert isinstance(spec, NodeSpec)
    active = "n.active" if spec.track_active else "null"
    return (f"UNWIND $keys AS k MATCH (n:{spec.label} {{{spec.key}: k}}) "
            f"USING INDEX SEEK n:{spec.label}({spec.key}) RETURN k, n.rowHash AS hash, {active} AS active")


#: labels whose key lives under another label's uniqueness constraint (party organizations are Organizations)
_KEY_LABEL = {"PartyOrganization": "Organization"}


def _find(s: Slot, var: str, value: str) -> str:
    """MATCH (or MERGE) the far node of a slot by its key, through the label holding the key's constraint."""
    if s.merge_target:
        return f"MERGE ({var}:{s.label} {{{s.key}: {value}}}) ON CREATE SET {var} += it.t, {var}.firstRunId = $runId"
    owner = _KEY_LABEL.get(s.label)
    if owner:
        return f"MATCH ({var}:{owner} {{{s.key}: {value}}}) WHERE {var}:{s.label}"
    return f"MATCH ({var}:{s.label} {{{s.key}: {value}}})"


def _slot_call(s: Slot) -> str:
    """A CALL subquery MERGEing one slot's relationships of the row's node ``n``.

    A relationship that carries a ``rowHash`` is the main element of a relationship kind (a property contract's
    ``MANAGES``): that kind owns its properties and provenance, so the slot only makes sure it exists.
    """
    return (f"CALL (n, row) {{\n"
            f"  UNWIND coalesce(row.{s.name}, []) AS it\n"
            f"  {_find(s, 't', 'it.k')}\n"
            f"  MERGE (n){_arrow(s, 'r')}(t)\n"
            f"  ON CREATE SET r.firstRunId = $runId\n"
            f"  WITH r, it, row WHERE r.rowHash IS NULL\n"
            f"  SET r += it.p, {_prov('r')}\n}}")


@cache
def upsert_statement(name: str, keys: tuple[str, ...]) -> LiteralString:
    """MERGE the changed (new or updated) nodes of a batch with their properties and relationships.

    One statement per batch: explicit ``SET n.k = row.props.k`` for the property names ``keys`` (the transforms'
    fixed names, every row carries them all; ``null`` removes) — a map ``SET n += row.props`` would make the
    planner put Eager barriers after the MERGE — provenance, extra labels, then one CALL subquery per
    relationship slot. Cypher applies each clause to all rows before the next, so a slot finds nodes MERGEd
    earlier in the same statement (a parent party organization in the same batch).
    """
    spec = SPECS[name]
    assert isinstance(spec, NodeSpec)
    check_property_names(keys)
    return _upsert(spec, "".join(f"n.{k} = row.props.{k}, " for k in keys if k != spec.key))  # MERGE sets the key


def _upsert(spec: NodeSpec, sets: str) -> LiteralString:
    labels = "".join(f":{lb}" for lb in spec.extra_labels)
    active = ", n.active = true, n.inactiveSince = null" if spec.track_active else ""
    parts = [
        "UNWIND $rows AS row",
        f"MERGE (n:{spec.label} {{{spec.key}: row.key}})",
        "ON CREATE SET n.firstRunId = $runId",
        f"SET {sets}n.rowHash = row.hash, {_prov('n')}{active}" + (f", n{labels}" if labels else ""),
    ]
    if spec.slots:
        parts.append("WITH n, row")
        parts += [_slot_call(s) for s in spec.slots]
    return "\n".join(parts)


def prune_groups(name: str) -> list[tuple[str, bool, tuple[Slot, ...]]]:
    """The spec's slots grouped by (relationship type, direction): what one prune statement covers."""
    spec = SPECS[name]
    groups: dict[tuple[str, bool], list[Slot]] = {}
    for s in spec.slots if isinstance(spec, NodeSpec) else ():
        groups.setdefault((s.type, s.outgoing), []).append(s)
    return [(t, o, tuple(g)) for (t, o), g in groups.items()]


@cache
def prune_statement(name: str, rel_type: str, outgoing: bool) -> LiteralString:
    """Delete relationships of one type of updated rows whose far end is not in ``row.keep[slot]``.

    Relationships with a ``rowHash`` belong to a relationship kind (property contracts) and are never pruned here.
    """
    spec = SPECS[name]
    assert isinstance(spec, NodeSpec)
    group = next(g for t, o, g in prune_groups(name) if (t, o) == (rel_type, outgoing))
    keep = " OR ".join(f"(t:{s.label} AND t.{s.key} IN row.keep.{s.name})" for s in group)
    return "\n".join([
        "UNWIND $rows AS row",
        f"MATCH (n:{spec.label} {{{spec.key}: row.key}}){_arrow(group[0], 'r')}(t)",
        f"WHERE r.rowHash IS NULL AND NOT ({keep})",
        "DELETE r",
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
        f"MERGE (a)-[r:{spec.type}]->(b)" if spec.outgoing else f"MERGE (a)<-[r:{spec.type}]-(b)",
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


def generated_statements() -> list[NamedQuery]:
    """Every statement shape this module can generate, one per spec and step, for ``gridlink query list --all``.

    The upsert's ``SET`` list depends on the batch's property names; it is shown with a placeholder.
    """
    out: list[NamedQuery] = []

    def add(name: str, title: str, text: str, params: tuple[str, ...]) -> None:
        out.append(NamedQuery(name, title, "generated by ingest.writes from the kind registry's write specs",
                              dict.fromkeys(params, "any"), (), (), text, True))

    for name, spec in SPECS.items():
        if isinstance(spec, RelSpec):
            add(f"write_{name}", f"Write {spec.type} rows (a relationship kind)", statement(name),
                ("rows", "runId", "source", "now"))
            continue
        add(f"write_{name}_hash", f"Stored row hashes of {spec.label} keys", hash_statement(name), ("keys",))
        for rel_type, outgoing, _ in prune_groups(name):
            add(f"write_{name}_prune_{rel_type.lower()}{'' if outgoing else '_in'}",
                f"Drop stale {rel_type} relationships of updated {spec.label} rows",
                prune_statement(name, rel_type, outgoing), ("rows",))
        add(f"write_{name}_upsert", f"MERGE changed {spec.label} rows with their relationships",
            _upsert(spec, "n.<property> = row.props.<property> (one per property of the batch), "),
            ("rows", "runId", "source", "now"))
    return out
