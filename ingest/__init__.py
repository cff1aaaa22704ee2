"""gridlink ingest: registry exports (CSV, XLSX, JSONL, GeoJSON) into the graph.

The stable Python API (the demo loader and tests call it; the CLI ``gridlink ingest`` is a thin shell over it)::

    from ingest import ingest_files, IngestOptions, RunSummary

    summary: RunSummary = ingest_files(
        "enterprises",                     # kind: see ingest.KINDS (load order; the registry: ingest.kinds)
        ["dump.csv"],                      # one or more files of that kind
        source="scjg-2024", snapshot=True, # any field of IngestOptions as a keyword, or options=IngestOptions(...)
        driver=None,                       # neo4j.Driver; None = graph.driver.get_driver()
        progress=None,                     # callable(rows_done: int) called after each batch
    )
    summary.rows == summary.loaded + summary.updated + summary.unchanged + summary.rejected

The options (format, encoding, sheet, mapping, source, snapshot, dry_run, batch_size, writers, limit, crs,
report) are the fields of :class:`ingest.options.IngestOptions`; their descriptions are the CLI's help texts.

``RunSummary`` fields: run_id, kind, source, files, status ('completed'|'failed'|'dry-run'), rows, loaded,
updated, unchanged, rejected, unplaced, flagged, warnings, report_path, seconds, nodes_written, relationships_written,
deactivated, same_as, same_as_removed. Errors raise :class:`ingest.errors.IngestError` subclasses with a ``hint``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ingest.kinds import KIND_NAMES as KINDS
    from ingest.options import IngestOptions
    from ingest.run import ingest_files
    from ingest.summary import RunSummary

__all__ = ["KINDS", "IngestOptions", "RunSummary", "ingest_files"]


def __getattr__(name: str) -> Any:
    # lazy, so that `import ingest.codes` (the demo generator) does not load the driver stack
    if name == "ingest_files":
        from ingest.run import ingest_files

        return ingest_files
    if name == "RunSummary":
        from ingest.summary import RunSummary

        return RunSummary
    if name == "IngestOptions":
        from ingest.options import IngestOptions

        return IngestOptions
    if name == "KINDS":
        from ingest.kinds import KIND_NAMES

        return KIND_NAMES
    raise AttributeError(name)
