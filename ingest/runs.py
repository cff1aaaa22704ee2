"""Run bookkeeping: the ``(:IngestRun)`` node of each run, and the runs a kill left ``running``.

Statements: ``queries/ingest/ingest_run_*.cypher``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import socket
from typing import Any

import neo4j

from ingest.cypher import named
from ingest.summary import RunSummary

log = logging.getLogger(__name__)


def new_run_id(kind: str) -> str:
    """A sortable, unique run id: ``<kind>-<UTC time>-<random>``."""
    return f"{kind}-{dt.datetime.now(dt.UTC).strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"


def record_run(drv: neo4j.Driver, db: str, s: RunSummary, started_at: dt.datetime | None = None) -> None:
    """Create or update the run's ``IngestRun`` node (``started_at``: the first call, with the process)."""
    props: dict[str, Any] = {
        "kind": s.kind, "source": s.source, "files": s.files, "status": s.status, "rows": s.rows,
        "loaded": s.loaded, "updated": s.updated, "unchanged": s.unchanged, "rejected": s.rejected,
        "unplaced": s.unplaced, "flagged": s.flagged, "warnings": s.warnings, "reportPath": s.report_path,
        "deactivated": s.deactivated, "sameAs": s.same_as, "sameAsRemoved": s.same_as_removed,
        "seconds": round(s.seconds, 3),
    }
    if started_at is not None:
        props.update(startedAt=started_at, pid=os.getpid(), hostname=socket.gethostname())
    else:
        props["finishedAt"] = dt.datetime.now(dt.UTC)
    drv.execute_query(*named("ingest_run_record", runId=s.run_id, props=props), database_=db)


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:  # exists, owned by another user
        return False
    return False


def mark_interrupted(drv: neo4j.Driver, db: str, kind: str, source: str, run_id: str) -> list[str]:
    """Mark older ``running`` runs of the same kind and source whose process is gone as ``interrupted``.

    A run killed mid-way (kill -9, power loss) never records its end. Only runs started on this host can be
    judged (by their recorded ``pid``); runs of other hosts, and runs recorded without a pid, stay ``running``.

    Returns:
        The run ids marked.
    """
    records, _, _ = drv.execute_query(*named("ingest_run_running", kind=kind, source=source, runId=run_id,
                                             host=socket.gethostname()), database_=db)
    gone = [r["id"] for r in records if r["pid"] != os.getpid() and _process_gone(int(r["pid"]))]
    if gone:
        drv.execute_query(*named("ingest_run_interrupted", ids=gone, now=dt.datetime.now(dt.UTC), runId=run_id),
                          database_=db)
        log.warning("ingest %s/%s: %d earlier run(s) interrupted (process gone): %s", kind, source, len(gone),
                    ", ".join(gone))
    return gone
