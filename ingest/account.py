"""Accounting: every input row ends in exactly one outcome, counted in the summary and, when there is something to
say, written to the report; and what the snapshot and the duplicate pass need is collected on the way."""

from __future__ import annotations

from pathlib import Path

from ingest.cleanup import Presence
from ingest.kinds import SPECS
from ingest.lanes import Item
from ingest.load import BatchResult
from ingest.mapping import BoundMapping
from ingest.parents import ParentLinks
from ingest.records import Record, RowReject
from ingest.report import Report
from ingest.specs import NodeSpec
from ingest.summary import RunSummary

NODE_SPECS = frozenset(name for name, spec in SPECS.items() if isinstance(spec, NodeSpec))


class Accounts:
    """The outcomes of one run, as batches come back.

    Attributes:
        seen: what the dump names (the snapshot's evidence), rejected rows included.
        names: the normalized names the run touched (the duplicate pass recomputes their candidates).
        parents: party organizations: the spool of parent references (pass 2).
    """

    def __init__(self, summary: RunSummary, report: Report, parents: ParentLinks | None) -> None:
        self.summary = summary
        self.report = report
        self.parents = parents
        self.seen = Presence()
        self.names: set[str] = set()
        # (spec, key) -> (content hash, file, row) of the first row of each node key: a later row with the same key
        # and other content is reported (it wins, and a re-run reports both rows as updated)
        self._first: dict[tuple[str, str], tuple[str, str, int]] = {}

    def empty_files(self, files: list[Path]) -> None:
        """A warning per file without a data row (the snapshot refused them before anything was written)."""
        for p in files:  # row 1: where the header or the first row would be
            self.report.add(p.name, 1, "warning", None, "the file has no data rows")

    def unrecognised(self, file: str, headers: list[str]) -> None:
        """Columns of ``file`` that no field of the kind reads: listed in the summary and, once, in the report."""
        self.summary.unrecognised_columns[file] = headers
        self.report.add(file, 1, "warning", None,
                        f"columns not recognised, their values are not loaded: {', '.join(headers)} (map them "
                        "with --mapping if they hold a field)")

    def take_rejects(self, batch: list[Item]) -> tuple[list[Record], list[BoundMapping]]:
        """Count and report the batch's transform rejects (noting what they still name); return the records to
        write."""
        records: list[Record] = []
        bounds: list[BoundMapping] = []
        for file, line, item, bound in batch:
            if isinstance(item, RowReject):
                self.seen.add_rejected(*item.present)
                self.summary.count("rejected")
                self.report.add(file, line, "rejected", bound.column(item.field) if item.field else None,
                                item.reason)
            else:
                item.file, item.line = file, line
                records.append(item)
                bounds.append(bound)
        return records, bounds

    def written(self, result: BatchResult, records: list[Record], bounds: list[BoundMapping]) -> None:
        """Count a written batch's outcomes and report its rejects and issues; spool party-org parent references."""
        s = self.summary
        s.nodes_written += result.nodes
        s.relationships_written += result.relationships
        for i, (rec, bound) in enumerate(zip(records, bounds, strict=True)):
            if i in result.rejects:
                self.seen.uids.add(rec.key)  # rejected while resolving references: the organization is in the dump
                column, reason = result.rejects[i]
                s.count("rejected")
                self.report.add(rec.file, rec.line, "rejected", bound.column(column) if column else None, reason)
                continue
            outcome = result.outcomes[i] or "rejected"
            s.count(outcome)
            self.seen.uids.add(rec.key)
            self._repeated_key(rec)
            if self.parents is not None:
                self.parents.add(rec.key, rec.props, rec.extra.get("parentRef"), rec.file, rec.line,
                                 bound.column("parent"), changed=outcome != "unchanged",
                                 base=(rec.extra.get("enlargesRef"), bound.column("enlarges")))
            if "nameNorm" in rec.props:
                self.names.add(rec.props["nameNorm"])
            for issue in rec.issues:
                if issue.kind == "unplaced":
                    s.unplaced += 1
                elif issue.kind == "flagged":
                    s.flagged += 1
                self.report.add(rec.file, rec.line, issue.kind, bound.column(issue.field) if issue.field else None,
                                issue.reason)

    def _repeated_key(self, rec: Record) -> None:
        if rec.spec not in NODE_SPECS:
            return
        digest = rec.row_hash or rec.content_hash()
        first = self._first.setdefault((rec.spec, rec.key), (digest, rec.file, rec.line))
        if first[0] != digest:
            self.report.add(rec.file, rec.line, "warning", None,
                            f"same key {rec.key} as row {first[2]} of {first[1]} with different content: this "
                            "later row wins (check the export for duplicates)")

    def warn(self, file: str, line: int, column: str | None, reason: str) -> None:
        """A warning line (a parent reference not found in pass 2)."""
        self.report.add(file, line, "warning", column, reason)

    def close(self) -> None:
        """Take the counts only the report knows into the summary."""
        self.summary.warnings = self.report.counts["warning"]

    @property
    def taken(self) -> int:
        """Rows loaded, updated or unchanged."""
        return self.summary.loaded + self.summary.updated + self.summary.unchanged
