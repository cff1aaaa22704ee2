"""Load: resolve references, then write a batch of records in ONE transaction and learn each row's outcome.

Crash safety: a batch is one transaction of MERGE statements, and a node's ``rowHash`` is written in the same
transaction as its relationships, so a kill -9 leaves whole batches or nothing; re-running sees the committed rows
as ``unchanged`` (same hash) and writes the rest, converging to what a clean run gives.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, LiteralString

import neo4j

from graph import vocab
from ingest.cells import name_norm
from ingest.cypher import named
from ingest.kinds import SPECS
from ingest.records import Issue, Record
from ingest.specs import NodeSpec
from ingest.writes import (
    hash_statement,
    prune_groups,
    prune_statement,
    statement,
    upsert_statement,
)

log = logging.getLogger(__name__)

# (label, property) pairs a lookup may use, and their statements; anything else is a programming error
_LOOKUPS: dict[tuple[str, str], str] = {
    ("Organization", "uscc"): "ingest_lookup_org_uscc",
    ("Organization", "nameNorm"): "ingest_lookup_org_name",
    ("PartyOrganization", "partyOrgId"): "ingest_lookup_party_org_id",
    ("PartyOrganization", "nameNorm"): "ingest_lookup_party_org_name",
    ("Need", "uid"): "ingest_lookup_need",
    ("Resource", "uid"): "ingest_lookup_resource",
    # an enlarged committee (大工委/大党委): a party organization of an enlarged category (committee-members)
    ("EnlargedCommittee", "partyOrgId"): "ingest_lookup_committee_id",
    ("EnlargedCommittee", "nameNorm"): "ingest_lookup_committee_name",
}
#: extra parameters of a lookup statement
_LOOKUP_PARAMS: dict[str, dict[str, Any]] = {
    "EnlargedCommittee": {"categories": sorted(vocab.ENLARGED_COMMITTEES)},
}
#: lookup slots that fill a relationship row's endpoints (``rec.extra``) instead of a relationship slot
_ENDPOINTS = ("from", "to")


def _lock_order(spec: NodeSpec, row: dict[str, Any]) -> tuple[str, ...]:
    """The first far-end key of a node row's relationships, slot by slot: the order its locks are taken in."""
    return tuple(str(row[s.name][0]["k"]) if row.get(s.name) else "" for s in spec.slots)


@dataclass
class BatchResult:
    """Outcome per record (same order), rejects found while resolving, and write counters."""

    outcomes: list[str | None]
    rejects: dict[int, tuple[str, str]] = field(default_factory=dict)  # index -> (field, reason)
    nodes: int = 0
    relationships: int = 0


class Loader:
    """Writes batches for one run."""

    def __init__(self, driver: neo4j.Driver, database: str, run_id: str, source: str,
                 dry_run: bool = False, quote_values: bool = True) -> None:
        """``quote_values=False`` (kinds with personal data): a reference not found is reported without the
        value looked up."""
        self.driver = driver
        self.database = database
        self.run_id = run_id
        self.source = source
        self.dry_run = dry_run
        self.quote_values = quote_values
        self.now = dt.datetime.now(dt.UTC)

    def _resolve(self, session: neo4j.Session, records: list[Record]) -> dict[int, tuple[str, str]]:
        """Turn lookups into relationship targets; returns rejects (required references not found)."""
        found: dict[tuple[str, str, str], str] = {}
        for (label, prop), keys in wanted_lookups(records).items():
            result = session.run(*named(_LOOKUPS[(label, prop)], keys=sorted(keys), **_LOOKUP_PARAMS.get(label, {})))
            for rec_ in result:
                if rec_["uid"] is not None:
                    found[(label, prop, rec_["k"])] = rec_["uid"]
        return apply_lookups(records, found, self.quote_values)

    def write(self, records: list[Record]) -> BatchResult:
        """Resolve and write one batch in one transaction (rolled back in a dry run)."""
        with self.driver.session(database=self.database, notifications_min_severity="OFF") as session:
            rejects = self._resolve(session, records)
            if self.dry_run:
                with session.begin_transaction() as tx:
                    result = self._write_tx(tx, records, rejects)
                    tx.rollback()
                return result
            return session.execute_write(self._write_tx, records, rejects)

    def _run(self, tx: neo4j.ManagedTransaction | neo4j.Transaction, query: LiteralString, result: BatchResult,
             **params: Any) -> None:
        res = tx.run(query, runId=self.run_id, source=self.source, now=self.now, **params)
        if "outcome" in res.keys():
            for i, outcome in res.values("i", "outcome"):
                result.outcomes[i] = outcome
        counters = res.consume().counters
        result.nodes += counters.nodes_created
        result.relationships += counters.relationships_created

    def _read_hashes(self, tx: neo4j.ManagedTransaction | neo4j.Transaction, records: list[Record],
                     rejects: dict[int, tuple[str, str]]) -> dict[tuple[str, str], tuple[str | None, Any]]:
        """``(spec, key) -> (rowHash, active)`` of the batch's nodes that exist, read in the write transaction."""
        keys: dict[str, set[str]] = defaultdict(set)
        for i, rec in enumerate(records):
            if i not in rejects and isinstance(SPECS[rec.spec], NodeSpec):
                keys[rec.spec].add(rec.key)
        known: dict[tuple[str, str], tuple[str | None, Any]] = {}
        for spec, ks in keys.items():
            for k, h, active in tx.run(hash_statement(spec), keys=list(ks)).values():
                known[(spec, k)] = (h, active)
        return known

    def _write_nodes(self, tx: neo4j.ManagedTransaction | neo4j.Transaction, spec: str,
                     rows: list[dict[str, Any]], known: dict[tuple[str, str], tuple[str | None, Any]],
                     result: BatchResult, records: list[Record]) -> None:
        """Outcomes from the stored hashes; prune the updated rows' stale relationships; upsert the changed rows."""
        changed, updated = node_outcomes(spec, rows, known, result)
        if not changed:
            return
        for rel_type, outgoing, slots in prune_groups(spec):
            if updated:
                keep_rows = [{"key": row["key"], "keep": {s.name: [it["k"] for it in row.get(s.name) or ()]
                                                          for s in slots}} for row in updated]
                self._run(tx, prune_statement(spec, rel_type, outgoing), result, rows=keep_rows)
        self._run(tx, upsert_statement(spec, changed_keys(changed, records)), result, rows=changed)

    def _write_tx(self, tx: neo4j.ManagedTransaction | neo4j.Transaction, records: list[Record],
                  rejects: dict[int, tuple[str, str]]) -> BatchResult:
        result = BatchResult([None] * len(records), dict(rejects))
        groups = group_rows(records, rejects)
        known = self._read_hashes(tx, records, rejects)
        for spec, rows in groups:
            node_spec = SPECS[spec]
            if isinstance(node_spec, NodeSpec):
                self._write_nodes(tx, spec, rows, known, result, records)
            else:
                self._run(tx, statement(spec), result, rows=rows)
        no_endpoints(result)
        return result


def group_rows(records: list[Record], rejects: dict[int, tuple[str, str]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The batch's rows (``Record.as_param``) in groups, one statement each, in the order they run.

    A key seen twice starts a new group of its spec, so each MERGE sees the previous one. Node groups are sorted
    by the relationships' far ends: keys are unique within a group, so its order is free, and concurrent batches
    then lock the far ends they share in the same order. Lanes keep them off each other's places
    (:mod:`ingest.lanes`); this covers the rest (the divisions and grids a party organization leads). A deadlock
    that still happens is retried by ``execute_write``. The bulk path (:mod:`ingest.bulk_writes`) applies the
    same groups in the same order.
    """
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    open_keys: dict[str, set[str]] = {}
    for i, rec in enumerate(records):
        if i in rejects:
            continue
        key = rec.key if isinstance(SPECS[rec.spec], NodeSpec) else f"{rec.extra.get('from')}|{rec.extra['to']}"
        keys = open_keys.get(rec.spec)
        if keys is None or key in keys:
            groups.append((rec.spec, []))
            keys = open_keys[rec.spec] = set()
        keys.add(key)
        groups_for_spec = next(g for g in reversed(groups) if g[0] == rec.spec)
        groups_for_spec[1].append(rec.as_param(i, strip_nulls=isinstance(SPECS[rec.spec], NodeSpec)))
    for spec, rows in groups:
        node_spec = SPECS[spec]
        if isinstance(node_spec, NodeSpec):
            rows.sort(key=functools.partial(_lock_order, node_spec))
    return groups


def node_outcomes(spec: str, rows: list[dict[str, Any]], known: dict[tuple[str, str], tuple[str | None, Any]],
                  result: BatchResult) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each node row's outcome from the stored ``(rowHash, active)`` in ``known`` (updated as rows are taken);
    returns the changed rows (to upsert) and the updated ones among them (to prune)."""
    node_spec = SPECS[spec]
    assert isinstance(node_spec, NodeSpec)
    changed: list[dict[str, Any]] = []
    updated: list[dict[str, Any]] = []
    for row in rows:
        stored, active = known.get((spec, row["key"]), (None, None))
        if stored is None:
            outcome = "loaded"
        elif stored == row["hash"] and (not node_spec.track_active or active is not False):
            outcome = "unchanged"
        else:
            outcome = "updated"
        result.outcomes[row["i"]] = outcome
        if outcome == "unchanged":
            continue
        # a later row of the batch with the same key compares with what this one writes
        known[(spec, row["key"])] = (row["hash"], True)
        changed.append(row)
        if outcome == "updated":
            updated.append(row)
    return changed, updated


def changed_keys(changed: list[dict[str, Any]], records: list[Record]) -> tuple[str, ...]:
    """The property names an upsert sets: those of the records, not of the rows (a row's map leaves its None
    values out); a name missing from a row's map reads as ``null`` and removes the property."""
    return tuple(sorted({k for row in changed for k in records[row["i"]].props}))


def no_endpoints(result: BatchResult) -> None:
    """Reject the rows without an outcome: a relationship row whose endpoints vanished between lookup and write."""
    for i in range(len(result.outcomes)):
        if i not in result.rejects and result.outcomes[i] is None:
            result.rejects[i] = ("", "the row's endpoints were not found when writing")


def wanted_lookups(records: list[Record]) -> dict[tuple[str, str], set[str]]:
    """The values to look up per ``(label, property)`` (a name normalized), over a batch's records."""
    wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
    for rec in records:
        for lk in rec.lookups:
            for prop in lk.prop.split("|"):
                wanted[(lk.label, prop)].add(name_norm(lk.value) if prop == "nameNorm" else lk.value)
    return wanted


def apply_lookups(records: list[Record], found: dict[tuple[str, str, str], str],
                  quote_values: bool) -> dict[int, tuple[str, str]]:
    """Turn the records' lookups into relationship targets (or endpoints) from ``found`` (``(label, property,
    value) -> uid``); returns the rejects (required references not found). The transactional and the bulk path
    (:mod:`ingest.bulk_writes`) differ only in how they fill ``found``."""
    rejects: dict[int, tuple[str, str]] = {}
    for i, rec in enumerate(records):
        missing: dict[str, tuple[str, str]] = {}
        for lk in rec.lookups:
            uid = None
            for prop in lk.prop.split("|"):
                value = name_norm(lk.value) if prop == "nameNorm" else lk.value
                uid = found.get((lk.label, prop, value))
                if uid:
                    break
            shown = f" {lk.value!r}" if quote_values else ""
            what = f"{lk.label} with {lk.prop.replace('|', ' or ')}{shown} not found"
            if lk.slot in _ENDPOINTS:  # the first reference found wins (a credit code before a name)
                if uid and lk.slot not in rec.extra:
                    rec.extra[lk.slot] = uid
                elif not uid:
                    missing.setdefault(lk.slot, (lk.field, what))
                continue
            if uid:
                rec.add_rel(lk.slot, uid, lk.props)
            elif lk.required:
                rejects[i] = (lk.field, what)
            else:
                rec.issues.append(Issue("warning", lk.field, what + "; relationship left out"))
        for slot, why in missing.items():
            if slot not in rec.extra:
                rejects[i] = why
                break
        rec.lookups = []
    return rejects
