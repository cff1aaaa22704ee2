"""The transactional path's write statements, applied to the in-memory graph of a bulk load.

:class:`MemoryLoader` stands in for :class:`ingest.load.Loader`: the same batches, the same reference lookups
(``queries/ingest/ingest_lookup_*.cypher``: the smallest uid among the matches), the same groups and outcomes
(:func:`ingest.load.group_rows`, :func:`ingest.load.node_outcomes`), and then what :mod:`ingest.writes`' Cypher
does — a merge on label and key, a set of the batch's property names (``null`` removes), provenance, extra labels,
one relationship slot after another (a slot's far node is matched, or merged for ``merge_target``; a far node
that is not there leaves the relationship out), pruning of updated rows. :func:`link_parents` and
:func:`link_duplicates` are pass 2 of :mod:`ingest.parents` and the ``SAME_AS`` pass of :mod:`ingest.cleanup`.
The bulk test compares the canonical graph hash of both paths, which is what keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from graph import vocab
from ingest.bulk_graph import MemoryGraph
from ingest.cells import name_norm
from ingest.kinds import SPECS
from ingest.load import (
    BatchResult,
    apply_lookups,
    changed_keys,
    group_rows,
    no_endpoints,
    node_outcomes,
    wanted_lookups,
)
from ingest.parents import LinkResult, ParentLinks
from ingest.records import Record
from ingest.specs import NodeSpec, RelSpec, Slot
from ingest.writes import prune_groups

#: labels whose key lives under another label's constraint (as in ingest.writes)
_KEY_LABEL = {"PartyOrganization": "Organization"}
#: lookup (label, property) -> (label the match must carry, property matched, categories it must be in), as the
#: statements of ``queries/ingest/ingest_lookup_*.cypher`` (the smallest uid among the matches)
_LOOKUPS: dict[tuple[str, str], tuple[str, str, frozenset[str] | None]] = {
    ("Organization", "uscc"): ("Organization", "uscc", None),
    ("Organization", "nameNorm"): ("Organization", "nameNorm", None),
    ("PartyOrganization", "partyOrgId"): ("PartyOrganization", "partyOrgId", None),
    ("PartyOrganization", "nameNorm"): ("PartyOrganization", "nameNorm", None),
    ("EnlargedCommittee", "partyOrgId"): ("PartyOrganization", "partyOrgId", frozenset(vocab.ENLARGED_COMMITTEES)),
    ("EnlargedCommittee", "nameNorm"): ("PartyOrganization", "nameNorm", frozenset(vocab.ENLARGED_COMMITTEES)),
}


class MemoryLoader:
    """Writes the batches of one run into a :class:`MemoryGraph` (the stand-in of :class:`ingest.load.Loader`)."""

    def __init__(self, graph: MemoryGraph, run_id: str, source: str, now: dt.datetime,
                 quote_values: bool = True) -> None:
        self.g = graph
        self.run_id = run_id
        self.source = source
        self.now = now
        self.quote_values = quote_values

    def _prov(self, row: dict[str, Any]) -> dict[str, Any]:
        return {"source": self.source, "sourceFile": row["file"], "sourceRow": row["line"], "runId": self.run_id,
                "updatedAt": self.now}

    def _lookup(self, label: str, prop: str, value: str) -> str | None:
        if (label, prop) in _LOOKUPS:
            search, p, categories = _LOOKUPS[(label, prop)]
            uids = [str(self.g.nodes[n].props["uid"]) for n in self.g.with_prop(p, value, search)
                    if categories is None or self.g.nodes[n].props.get("category") in categories]
            return min(uids) if uids else None
        nid = self.g.find(label, "uid", value)  # Need, Resource
        return value if nid is not None else None

    def write(self, records: list[Record]) -> BatchResult:
        """Resolve and write one batch (see the module)."""
        found = {(label, prop, v): uid for (label, prop), values in wanted_lookups(records).items() for v in values
                 if (uid := self._lookup(label, prop, v))}
        rejects = apply_lookups(records, found, self.quote_values)
        result = BatchResult([None] * len(records), dict(rejects))
        groups = group_rows(records, rejects)
        known: dict[tuple[str, str], tuple[str | None, Any]] = {}
        for i, rec in enumerate(records):  # the stored hashes, read before the first group (as in one transaction)
            spec = SPECS[rec.spec]
            if i not in rejects and isinstance(spec, NodeSpec):
                nid = self._far(spec.label, spec.key, rec.key)
                if nid is not None:
                    p = self.g.nodes[nid].props
                    known[(rec.spec, rec.key)] = (p.get("rowHash"), p.get("active") if spec.track_active else None)
        for name, rows in groups:
            spec = SPECS[name]
            if isinstance(spec, NodeSpec):
                changed, updated = node_outcomes(name, rows, known, result)
                if changed:
                    self._prune(name, spec, updated, result)
                    self._upsert(spec, changed, changed_keys(changed, records), result)
            else:
                self._rel_rows(spec, rows, result)
        no_endpoints(result)
        return result

    def _far(self, label: str, key: str, value: Any) -> int | None:
        """MATCH a node by label and key, through the label holding the key's constraint."""
        owner = _KEY_LABEL.get(label)
        if owner is None:
            return self.g.find(label, key, value)
        nid = self.g.find(owner, key, value)
        return nid if nid is not None and label in self.g.nodes[nid].labels else None

    def _prune(self, name: str, spec: NodeSpec, updated: list[dict[str, Any]], result: BatchResult) -> None:
        for rel_type, outgoing, slots in prune_groups(name):
            for row in updated:
                nid = self.g.find(spec.label, spec.key, row["key"])
                if nid is None:
                    continue
                keep = {s.name: {it["k"] for it in row.get(s.name) or ()} for s in slots}
                for far in self.g.rels_of(nid, rel_type, outgoing):
                    node = self.g.nodes[far]
                    start, end = (nid, far) if outgoing else (far, nid)
                    if "rowHash" in self.g.rel(start, rel_type, end):
                        continue  # the main element of a relationship kind (a property contract's MANAGES)
                    if not any(s.label in node.labels and node.props.get(s.key) in keep[s.name] for s in slots):
                        self.g.delete_rel(start, rel_type, end)

    def _upsert(self, spec: NodeSpec, rows: list[dict[str, Any]], keys: tuple[str, ...],
                result: BatchResult) -> None:
        ids = []
        for row in rows:
            nid, created = self.g.merge(spec.label, spec.key, row["key"])
            values: dict[str, Any] = {k: row["props"].get(k) for k in keys if k != spec.key}
            if created:
                result.nodes += 1
                values["firstRunId"] = self.run_id
            values["rowHash"] = row["hash"]
            values.update(self._prov(row))
            if spec.track_active:
                values.update(active=True, inactiveSince=None)
            self.g.set_props(nid, values)
            self.g.add_labels(nid, spec.extra_labels)
            ids.append(nid)
        for slot in spec.slots:  # each clause for every row before the next, as in the statement
            for nid, row in zip(ids, rows, strict=True):
                for it in row.get(slot.name) or ():
                    far = self._slot_target(slot, it, result)
                    if far is not None:
                        self._merge_rel(nid, slot, far, it.get("p") or {}, row, result)

    def _slot_target(self, slot: Slot, it: dict[str, Any], result: BatchResult) -> int | None:
        if not slot.merge_target:
            return self._far(slot.label, slot.key, it["k"])
        nid, created = self.g.merge(slot.label, slot.key, it["k"])
        if created:
            result.nodes += 1
            self.g.set_props(nid, {**{k: v for k, v in (it.get("t") or {}).items() if v is not None},
                                   "firstRunId": self.run_id})
        return nid

    def _merge_rel(self, nid: int, slot: Slot, far: int, props: dict[str, Any], row: dict[str, Any],
                   result: BatchResult) -> None:
        start, end = (nid, far) if slot.outgoing else (far, nid)
        rel, created = self.g.merge_rel(start, slot.type, end)
        if created:
            result.relationships += 1
            rel["firstRunId"] = self.run_id
        if "rowHash" not in rel:  # a relationship kind's own relationship keeps its properties
            _set(rel, {**props, **self._prov(row)})

    def _rel_rows(self, spec: RelSpec, rows: list[dict[str, Any]], result: BatchResult) -> None:
        """The membership statement (:func:`ingest.writes.statement`), row by row."""
        for row in rows:
            a = self.g.find(spec.from_label, spec.from_key, row.get("from"))
            if a is None:
                continue
            if spec.merge_to:
                b, created = self.g.merge(spec.to_label, spec.to_key, row["to"])
                if created:
                    result.nodes += 1
                    self.g.set_props(b, {"firstRunId": self.run_id})
            else:
                found = self.g.find(spec.to_label, spec.to_key, row["to"])
                if found is None:
                    continue
                b = found
            rel, created = self.g.merge_rel(*((a, spec.type, b) if spec.outgoing else (b, spec.type, a)))
            if created:
                result.relationships += 1
                rel["firstRunId"] = self.run_id
            stored = rel.get("rowHash")
            outcome = "loaded" if stored is None else "unchanged" if stored == row["hash"] else "updated"
            result.outcomes[row["i"]] = outcome
            if outcome == "unchanged":
                continue
            _set(rel, {**row["props"], "rowHash": row["hash"], **self._prov(row)})
            if spec.merge_to and row.get("target") is not None:
                self.g.set_props(b, {**row["target"], **self._prov(row)})
            for slot in spec.to_slots:
                for it in row.get(slot.name) or ():
                    far = self.g.find(slot.label, slot.key, it["k"])
                    if far is not None:
                        r2, new = self.g.merge_rel(*((b, slot.type, far) if slot.outgoing else (far, slot.type, b)))
                        if new:
                            result.relationships += 1
                            r2["firstRunId"] = self.run_id
                        _set(r2, self._prov(row))


def _set(props: dict[str, Any], values: dict[str, Any]) -> None:
    """``SET r += values`` (``null`` removes)."""
    for k, v in values.items():
        if v is None:
            props.pop(k, None)
        else:
            props[k] = v


def link_parents(g: MemoryGraph, parents: ParentLinks, run_id: str, source: str, now: dt.datetime,
                 batch_size: int) -> LinkResult:
    """Pass 2 of :mod:`ingest.parents` on the in-memory graph: resolve each spooled parent (and base) reference
    (``党组织编号`` first, then the normalized name; organizations of ``source`` first, then the smallest uid) and
    link it (``queries/ingest/ingest_parent_link.cypher``)."""
    result = LinkResult()

    def best(nids: list[int]) -> str | None:
        ranked = sorted((g.nodes[n].props.get("source") != source, str(g.nodes[n].props["uid"])) for n in nids)
        return ranked[0][1] if ranked else None

    def resolve(ref: str) -> str | None:
        return (best(g.with_prop("partyOrgId", ref, "PartyOrganization"))
                or best(g.with_prop("nameNorm", name_norm(ref), "PartyOrganization")))

    try:
        for chunk in parents.chunks(batch_size):
            refs = {r for c in chunk for r in (c[1], c[6]) if r}
            uids = {r: uid for r in refs if (uid := resolve(r))}
            for key, ref, file, line, column, changed, base_ref, base_column in chunk:
                parent = ParentLinks.target(uids, key, ref, (file, line, column), result)
                base = ParentLinks.target(uids, key, base_ref, (file, line, base_column), result)
                child = g.find("Organization", "uid", key)
                if child is None:
                    continue
                prov = {"source": source, "sourceFile": file, "sourceRow": line, "runId": run_id, "updatedAt": now}
                for rel_type, far_uid in (("SUBORDINATE_TO", parent), ("ENLARGES", base)):
                    _link_one(g, child, rel_type, far_uid, changed, run_id, prov, result)
    finally:
        parents.close()
    return result


def _link_one(g: MemoryGraph, child: int, rel_type: str, far_uid: str | None, changed: bool, run_id: str,
              prov: dict[str, Any], result: LinkResult) -> None:
    """One link of pass 2: the child's other links of the type deleted, the right one MERGEd."""
    for far in g.rels_of(child, rel_type, True):
        if far_uid is None or g.nodes[far].props.get("uid") != far_uid:
            g.delete_rel(child, rel_type, far)
            result.deleted += 1
    target = g.find("Organization", "uid", far_uid) if far_uid else None
    if target is None or "PartyOrganization" not in g.nodes[target].labels:
        return
    rel, created = g.merge_rel(child, rel_type, target)
    if created:
        result.created += 1
        rel["firstRunId"] = run_id
    if changed or "runId" not in rel:
        rel.update(prov)


def link_duplicates(g: MemoryGraph, names: Iterable[str], source: str, run_id: str,
                    now: dt.datetime) -> tuple[int, int]:
    """The ``SAME_AS`` pass (``queries/ingest/ingest_same_as_*.cypher``) on the in-memory graph: stale candidates
    of these names removed, candidates between organizations sharing a normalized name (smaller uid first)."""
    created = removed = 0
    ordered = sorted(set(names))
    for nm in ordered:
        for a in g.with_prop("nameNorm", nm, "Organization"):
            for outgoing in (True, False):
                for b in g.rels_of(a, "SAME_AS", outgoing):
                    if "Organization" in g.nodes[b].labels and g.nodes[b].props.get("nameNorm", "") != nm:
                        g.delete_rel(*((a, "SAME_AS", b) if outgoing else (b, "SAME_AS", a)))
                        removed += 1
    for nm in ordered:
        orgs = g.with_prop("nameNorm", nm, "Organization")
        if len(orgs) < 2:
            continue
        for a in orgs:
            for b in orgs:
                pa, pb = g.nodes[a].props, g.nodes[b].props
                if not str(pa["uid"]) < str(pb["uid"]):
                    continue
                ca, cb = pa["uid"] == pa.get("uscc"), pb["uid"] == pb.get("uscc")
                rel, new = g.merge_rel(a, "SAME_AS", b)
                if new:
                    created += 1
                    rel.update(source=source, runId=run_id, firstRunId=run_id, updatedAt=now)
                if ca and cb:
                    rel.update(score=0.5, reason="same normalized name, different credit codes")
                elif not ca and not cb:
                    rel.update(score=0.6, reason="same normalized name, no credit codes, different divisions")
                else:
                    rel.update(score=0.8, reason="same normalized name, one has no credit code")
    return created, removed
