"""Party organizations' ``SUBORDINATE_TO`` (and a 大工委/大党委's ``ENLARGES``) links, written in a second
pass so the rows stream with bounded memory.

A party-organization dump lists children before or after their parents in any order. Instead of holding the whole
file in memory to sort parents first, the first pass writes every party organization without its parent link
and spools ``(child uid, parent reference, file, row, column, changed, base reference, base column)`` to a
temporary file (the base: the committee an enlarged committee ENLARGES, found the same way as a parent); once
every node of the run is committed, :meth:`ParentLinks.link` streams the spool in batches, resolves each reference (the
export's ``党组织编号`` first, then the normalized name; organizations of the run's source first, then the smallest
uid) and, per batch in one transaction, deletes a child's other ``SUBORDINATE_TO`` links and MERGEs the right one.

The row's content hash covers the parent reference as written, so a changed parent makes the row ``updated``.
Crash safety: pass 2 runs over every row of every run and writes only where the graph differs, so a run killed
between the passes is completed by the next one (an unchanged link is not rewritten, not even its provenance).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import neo4j

from ingest.cells import name_norm
from ingest.cypher import named
from ingest.records import Record


@dataclass
class LinkResult:
    """What pass 2 did: relationships created and deleted, and warnings ``(file, row, column, reason)``."""

    created: int = 0
    deleted: int = 0
    warnings: list[tuple[str, int, str | None, str]] = field(default_factory=list)


class ParentLinks:
    """The spool of one run's parent references, then the pass that links them."""

    def __init__(self, dry_run: bool = False) -> None:
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # closed in link()
        self.dry_run = dry_run
        # a dry run writes nothing, so its children find this run's parents here (a dry run's memory only)
        self._in_run: dict[tuple[str, str], str] = {}

    def add(self, key: str, props: dict[str, Any], parent: str | None, file: str, line: int,
            column: str | None, changed: bool, base: tuple[str | None, str | None] = (None, None)) -> None:
        """Spool one accounted party organization (``parent``: the reference as written, or ``None``; ``base``:
        the reference to the committee it enlarges and its column, for a 大工委/大党委)."""
        self._spool.write(json.dumps([key, parent, file, line, column, changed, *base], ensure_ascii=False) + "\n")
        if self.dry_run:
            if props.get("partyOrgId"):
                self._in_run.setdefault(("id", props["partyOrgId"]), key)
            self._in_run.setdefault(("name", props["nameNorm"]), key)

    @staticmethod
    def hold_refs(records: list[Record]) -> None:
        """Take the parent lookups out of pass-1 records (pass 2 links them); the reference as written stays in
        the content hash (``parentRef``), so a changed parent makes the row ``updated``."""
        for rec in records:
            for slot, extra in (("parent", "parentRef"), ("enlarges", "enlargesRef")):
                refs = [lk for lk in rec.lookups if lk.slot == slot]
                if refs:
                    rec.lookups = [lk for lk in rec.lookups if lk.slot != slot]
                    rec.extra[extra] = refs[0].value

    def chunks(self, size: int) -> Iterator[list[list[Any]]]:
        """The spooled entries ``[child uid, parent reference, file, row, column, changed, base reference, base
        column]``, ``size`` at a time."""
        self._spool.seek(0)
        chunk: list[list[Any]] = []
        for line in self._spool:
            chunk.append(json.loads(line))
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _resolve(self, session: neo4j.Session, refs: set[str], source: str) -> dict[str, str]:
        ids = {r for r in refs if ("id", r) not in self._in_run}
        by_id = session.run(*named("ingest_parent_by_id", keys=sorted(ids), source=source))
        found = {k: uid for k, uid in by_id.values() if uid}
        out = {r: self._in_run.get(("id", r)) or found.get(r) for r in refs}
        names = {name_norm(r) for r, uid in out.items() if uid is None}
        named_ = session.run(*named("ingest_parent_by_name", keys=sorted(names), source=source))
        by_name = {k: uid for k, uid in named_.values() if uid}
        return {r: uid for r, uid in ((r, out[r] or self._in_run.get(("name", name_norm(r)))
                                       or by_name.get(name_norm(r))) for r in refs) if uid}

    def link(self, driver: neo4j.Driver, database: str, run_id: str, source: str, now: dt.datetime,
             batch_size: int) -> LinkResult:
        """Resolve and write every spooled reference, ``batch_size`` children per transaction."""
        result = LinkResult()
        try:
            with driver.session(database=database, notifications_min_severity="OFF") as session:
                for chunk in self.chunks(batch_size):
                    refs = {r for c in chunk for r in (c[1], c[6]) if r}
                    uids = self._resolve(session, refs, source) if refs else {}
                    rows = []
                    for key, ref, file, line, column, changed, base_ref, base_column in chunk:
                        parent = self.target(uids, key, ref, (file, line, column), result)
                        base = self.target(uids, key, base_ref, (file, line, base_column), result)
                        rows.append({"key": key, "parent": parent, "base": base, "file": file, "line": line,
                                     "changed": changed})
                    if not self.dry_run:
                        counters = session.execute_write(self._write, rows, run_id, source, now)
                        result.created += counters.relationships_created
                        result.deleted += counters.relationships_deleted
        finally:
            self.close()
        return result

    def close(self) -> None:
        """Drop the spool."""
        self._spool.close()

    @staticmethod
    def target(uids: dict[str, str], key: str, ref: str | None, where: tuple[str, int, str | None],
                result: LinkResult) -> str | None:
        """The uid a reference resolved to; a warning (and ``None``) when it was not found or is the row itself."""
        target = uids.get(ref) if ref else None
        if ref and (target is None or target == key):
            why = "not found" if target is None else "is the organization itself"
            result.warnings.append((*where, f"PartyOrganization with partyOrgId or nameNorm {ref!r} {why}; "
                                            "relationship left out"))
            return None
        return target

    @staticmethod
    def _write(tx: neo4j.ManagedTransaction, rows: list[dict[str, Any]], run_id: str, source: str,
               now: dt.datetime) -> neo4j.SummaryCounters:
        query, params = named("ingest_parent_link", rows=rows, runId=run_id, source=source, now=now)
        return tx.run(query.text, params).consume().counters  # a transaction takes the text (metadata: per tx)
