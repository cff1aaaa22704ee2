"""gridlink ingest: registry exports (CSV, XLSX, JSONL, GeoJSON) into the graph.

The stable Python API (the demo loader and tests call it; the CLI ``gridlink ingest`` is a thin shell over it)::

    from ingest import ingest_files, RunSummary

    summary: RunSummary = ingest_files(
        "enterprises",                     # kind: see ingest.KINDS
        ["dump.csv"],                      # one or more files of that kind
        format=None,                       # csv | xlsx | jsonl | geojson; None = from the file extension
        encoding=None,                     # force a CSV encoding; None = BOM -> strict UTF-8 -> GB18030
        sheet=None,                        # XLSX sheet name or 1-based index; None = first sheet
        mapping=None,                      # path of a user mapping YAML; None = the built-in profile
        source=None,                       # provenance name; None = the kind (e.g. "enterprises")
        snapshot=False,                    # organizations of `source` missing from these files -> inactive
        dry_run=False,                     # validate and count, write nothing
        batch_size=2000,                   # rows per write transaction
        limit=None,                        # stop after this many input rows
        crs="wgs84",                       # coordinates' system: wgs84 | gcj02
        report=None,                       # reject report path (.jsonl or .csv); None = ./ingest-reports/<runId>.jsonl
        driver=None,                       # neo4j.Driver; None = graph.driver.get_driver()
        progress=None,                     # callable(rows_done: int) called after each batch
        writers=2,                         # write transactions in flight (ingest.lanes); 1 = strictly serial
    )
    summary.rows == summary.loaded + summary.updated + summary.unchanged + summary.rejected

``RunSummary`` fields: run_id, kind, source, files, status ('completed'|'failed'|'dry-run'), rows, loaded,
updated, unchanged, rejected, unplaced, flagged, report_path, seconds, nodes_written, relationships_written,
deactivated, same_as, same_as_removed. Errors raise :class:`ingest.errors.IngestError` subclasses with a ``hint``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ingest.run import ingest_files
    from ingest.summary import KINDS, RunSummary

__all__ = ["KINDS", "RunSummary", "ingest_files"]


def __getattr__(name: str) -> Any:
    # lazy, so that `import ingest.codes` (the demo generator) does not load the driver stack
    if name == "ingest_files":
        from ingest.run import ingest_files

        return ingest_files
    if name in ("RunSummary", "KINDS"):
        from ingest import summary

        return getattr(summary, name)
    raise AttributeError(name)
