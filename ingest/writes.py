"""Write statements: one ``UNWIND $rows`` MERGE statement per write spec, generated from the static specs below.

Identifiers in the generated Cypher (labels, keys, relationship types) come only from these specs, never from
input; every value travels in ``$rows``. Each statement returns ``(i, outcome)`` per row, where outcome is
``loaded`` (new), ``updated`` (hash changed, or a deactivated organization came back) or ``unchanged`` (same
``rowHash``: nothing is written, not even provenance). A changed row replaces its node's content properties and
its relationships of the spec's types; relationships of other types (written by other kinds) are left alone.
"""

from __future__ import annotations

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

_PROV_SET = ("{v}.source = $source, {v}.sourceFile = row.file, {v}.sourceRow = row.line, "
             "{v}.runId = $runId, {v}.updatedAt = $now, {v}.firstRunId = coalesce({v}.firstRunId, $runId)")


def _prov(var: str) -> str:
    return _PROV_SET.format(v=var)


def _arrow(slot: Slot, rel: str) -> str:
    return f"-[{rel}:{slot.type}]->" if slot.outgoing else f"<-[{rel}:{slot.type}]-"


def _slot_clauses(node: str, slots: tuple[Slot, ...], prune: bool) -> list[str]:
    """CALL subqueries: delete stale relationships of the slots' types (changed rows), then MERGE the new ones."""
    out: list[str] = []
    if prune:
        groups: dict[tuple[str, bool], list[Slot]] = {}
        for s in slots:
            groups.setdefault((s.type, s.outgoing), []).append(s)
        for (_, _outgoing), group in groups.items():
            keep = " OR ".join(f"(t:{s.label} AND t.{s.key} IN [x IN coalesce(row.{s.name}, []) | x.k])"
                               for s in group)
            out.append(
                f"CALL ({node}, row, outcome) {{\n"
                f"  WITH {node}, row, outcome WHERE outcome = 'updated'\n"
                f"  MATCH ({node}){_arrow(group[0], 'r')}(t)\n"
                f"  WHERE NOT ({keep})\n"
                f"  DELETE r\n}}")
    for s in slots:
        find = (f"MERGE (t:{s.label} {{{s.key}: item.k}}) ON CREATE SET t += coalesce(item.t, {{}})"
                if s.merge_target else f"MATCH (t:{s.label} {{{s.key}: item.k}})")
        out.append(
            f"CALL ({node}, row, outcome) {{\n"
            f"  WITH {node}, row, outcome WHERE outcome <> 'unchanged'\n"
            f"  UNWIND coalesce(row.{s.name}, []) AS item\n"
            f"  {find}\n"
            f"  MERGE ({node}){_arrow(s, 'r')}(t)\n"
            f"  SET r += item.p, {_prov('r')}\n}}")
    return out


def _outcome(var: str, active: bool) -> str:
    changed = f"{var}.rowHash = row.hash" + (f" AND coalesce({var}.active, true)" if active else "")
    return (f"CASE WHEN {var}.rowHash IS NULL THEN 'loaded' WHEN {changed} THEN 'unchanged' "
            f"ELSE 'updated' END AS outcome")


def _node_statement(spec: NodeSpec) -> str:
    labels = "".join(f":{lb}" for lb in spec.extra_labels)
    active = ", n.active = true, n.inactiveSince = null" if spec.track_active else ""
    parts = [
        "UNWIND $rows AS row",
        f"MERGE (n:{spec.label} {{{spec.key}: row.key}})",
        f"WITH n, row, {_outcome('n', spec.track_active)}",
        "CALL (n, row, outcome) {\n"
        "  WITH n, row, outcome WHERE outcome <> 'unchanged'\n"
        f"  SET n += row.props, n.rowHash = row.hash, {_prov('n')}{active}"
        + (f"\n  SET n{labels}" if labels else "") + "\n}",
        *_slot_clauses("n", spec.slots, prune=True),
        "RETURN row.i AS i, outcome",
    ]
    return "\n".join(parts)


def _rel_statement(spec: RelSpec) -> str:
    to = (f"MERGE (b:{spec.to_label} {{{spec.to_key}: row.to}})" if spec.merge_to
          else f"MATCH (b:{spec.to_label} {{{spec.to_key}: row.to}})")
    parts = [
        "UNWIND $rows AS row",
        f"MATCH (a:{spec.from_label} {{{spec.from_key}: row.from}})",
        to,
        f"MERGE (a)-[r:{spec.type}]->(b)",
        f"WITH a, b, r, row, {_outcome('r', False)}",
        "CALL (r, row, outcome) {\n"
        "  WITH r, row, outcome WHERE outcome <> 'unchanged'\n"
        f"  SET r += row.props, r.rowHash = row.hash, {_prov('r')}\n}}",
    ]
    if spec.merge_to:
        parts.append("CALL (b, row, outcome) {\n"
                     "  WITH b, row, outcome WHERE outcome <> 'unchanged' AND row.target IS NOT NULL\n"
                     f"  SET b += row.target, {_prov('b')}\n}}")
    parts += _slot_clauses("b", spec.to_slots, prune=False)
    parts.append("RETURN row.i AS i, outcome")
    return "\n".join(parts)


@cache
def statement(name: str) -> LiteralString:
    """The write statement of a spec (built once)."""
    spec = SPECS[name]
    text = _node_statement(spec) if isinstance(spec, NodeSpec) else _rel_statement(spec)
    return text  # built only from the static specs above: no input ever reaches the text
